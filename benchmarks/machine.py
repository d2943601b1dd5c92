"""What the figures were measured on: CPU, cores, memory, versions, and the load at the time.

The machine the benchmarks run on is often shared (CI runners, a laptop with a
browser open): the load average is recorded with the figures so a slow run
can be read for what it is.
"""

from __future__ import annotations

import os
import platform
from datetime import datetime


def _first_field(path: str, key: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                name, sep, value = line.partition(":")
                if sep and name.strip() == key:
                    return value.strip()
    except OSError:
        return None
    return None


def cpu_model() -> str:
    return _first_field("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()


def memory_gib() -> float | None:
    total = _first_field("/proc/meminfo", "MemTotal")  # "24684084 kB"
    if not total:
        return None
    return round(int(total.split()[0]) / 1024 / 1024, 1)


def sqlcipher_version() -> str:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return row[0] if row else "unknown"


def load_average() -> list[float] | None:
    return [round(load, 2) for load in os.getloadavg()] if hasattr(os, "getloadavg") else None


def machine_info() -> dict:
    """The machine's description as a JSON object (``bench --json``'s ``machine_info``)."""
    import sqlcipher3

    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": memory_gib(),
        "os": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": platform.python_version(),
        "sqlite": sqlcipher3.sqlite_version,
        "sqlcipher": sqlcipher_version(),
        "load_average": load_average(),
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def describe(info: dict) -> str:
    """One line, as ``bench --json``'s ``machine`` string."""
    memory = f", {info['memory_gib']:g} GiB RAM" if info.get("memory_gib") else ""
    return (f"{info['os']}, {info['cores']} cores, {info['cpu']}{memory}, Python {info['python']}, "
            f"SQLite {info['sqlite']}, SQLCipher {info['sqlcipher']}")
