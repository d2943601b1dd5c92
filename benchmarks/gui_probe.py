"""GUI measurements that need a fresh interpreter: the suite runs this file as a subprocess.

    python -m benchmarks.gui_probe unlock --vault DIR [--no-kdf]
    python -m benchmarks.gui_probe memory --vault DIR

``unlock``: what the user waits for after pressing Enter in the unlock dialog.
The process prepares what ``run_gui`` has ready before the dialog shows (the
QApplication with the style sheet, the translations, the main window's
module), then times ``Vault.unlock`` (Argon2id included) — or, with
``--no-kdf``, ``Vault.open_with_key`` with the key already unwrapped — up to
the main window shown with its start page painted.

``memory``: peak RSS of a session on a large vault: the window, the case list,
a few pages scrolled, a search, three cases opened.

The password comes in ``LOTSE_PASSWORD``, never on the command line. The
result is one JSON object on stdout; ``QT_QPA_PLATFORM`` defaults to offscreen.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

SCROLL_PAGES = 5
SEARCH_TEXT = "Haddad"
CASES_TO_OPEN = 3
TIMEOUT_S = 60.0


def peak_rss_mb() -> float:
    """The process's high-water mark of resident memory (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux


def reset_peak_rss() -> bool:
    """Start the high-water mark afresh from the current RSS (Linux >= 4.0); False where unsupported."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def current_rss_mb() -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _wait_until(condition, timeout_s: float = TIMEOUT_S) -> None:
    """Run the event loop until ``condition()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(lambda: loop.quit() if condition() or time.perf_counter() > deadline else None)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not get there in time")


def _prepare_application():
    """What ``app.ui.application.run_gui`` does before its unlock dialog appears."""
    from app import i18n
    from app.settings import Settings
    from app.ui.application import make_application

    application = make_application(["lotse-bench"])
    settings = Settings()
    i18n.install()
    from app.ui.main_window import MainWindow

    return application, settings, MainWindow


def _close(window) -> None:
    # The window seeds the agency directory on a worker after unlock: let it finish first.
    _wait_until(lambda: window.startup.task is None)
    window.close()


def measure_unlock(vault_dir: Path, password: str, *, derive: bool) -> dict:
    from app.storage.keyfile import PASSWORD_SLOT, read_keyfile
    from app.storage.vault import KEYFILE_NAME, Vault
    from benchmarks.bench_gui import _PaintProbe

    _application, settings, main_window = _prepare_application()
    prepared_rss = current_rss_mb()
    if derive:
        started = time.perf_counter()
        vault = Vault.unlock(vault_dir, password)
    else:
        keyfile = read_keyfile(vault_dir / KEYFILE_NAME)
        data_key = keyfile.unwrap(PASSWORD_SLOT, password)
        started = time.perf_counter()
        vault = Vault.open_with_key(vault_dir, keyfile, data_key)
    opened = time.perf_counter()
    window = main_window(vault, settings)
    start_page = window.pages.currentWidget()
    probe = _PaintProbe(start_page)
    window.show()
    painted = probe.wait(lambda: window.isVisible() and start_page.isVisible(), timeout_s=TIMEOUT_S)
    painted_wall = time.time()
    result = {
        "unlock_ms": (opened - started) * 1000,
        "window_ms": (painted - opened) * 1000,
        "total_ms": (painted - started) * 1000,
        "painted_wall": painted_wall,
        "start_page": window.pages.current_key(),
        "rss_before_unlock_mb": prepared_rss,
        "peak_rss_mb": peak_rss_mb(),
    }
    _close(window)
    return result


def measure_memory(vault_dir: Path, password: str) -> dict:
    from app.storage.vault import Vault
    from benchmarks.bench_gui import _PaintProbe, _settle

    _application, settings, main_window = _prepare_application()
    vault = Vault.unlock(vault_dir, password)
    # Argon2id's memory (tens to hundreds of MiB, by calibration) is freed again when
    # unlock returns; the unlock probe reports it. This is the session with the vault open.
    unlock_peak = peak_rss_mb()
    peak_reset = reset_peak_rss()
    window = main_window(vault, settings)
    window.show()
    page = window.show_page("cases")
    model = page.model
    _wait_until(lambda: model.rowCount() > 0 and not model.is_loading())
    steps = {"window_and_list_rss_mb": current_rss_mb()}

    table = page.table
    for _ in range(SCROLL_PAGES):
        before = model.rowCount()
        table.scrollToBottom()
        _wait_until(lambda before=before: model.rowCount() > before or not model.canFetchMore())
        _settle(20)
    rows_loaded = model.rowCount()
    steps["scrolled_rss_mb"] = current_rss_mb()

    page.search_field.setText(SEARCH_TEXT)
    page.run_search()
    _wait_until(lambda: model.query.search == SEARCH_TEXT and not model.is_loading())
    matches = model.total
    steps["searched_rss_mb"] = current_rss_mb()

    opened = []
    for index in range(min(CASES_TO_OPEN, model.rowCount())):
        row = model.row(index)
        view = page.open_case(row.case_id, row.ref, row.name)
        probe = _PaintProbe(view)
        probe.wait(lambda view=view: view.detail is not None and not view.is_loading(), timeout_s=TIMEOUT_S)
        opened.append(row.ref)
        _settle(50)  # the spare case view is built while the user reads
    page.show_list()
    _settle(300)
    steps["cases_opened_rss_mb"] = current_rss_mb()
    result = {
        "peak_rss_mb": peak_rss_mb(),
        "peak_includes_unlock": not peak_reset,
        "unlock_peak_rss_mb": unlock_peak,
        "rows_loaded": rows_loaded,
        "search_matches": matches,
        "cases_opened": len(opened),
        **steps,
    }
    _close(window)
    return result


def run_probe(mode: str, vault_dir: Path, password: str, home: Path, *options: str) -> dict:
    """Run this file in a fresh interpreter (the suite's side); adds ``spawned_wall``.

    The child gets a private ``LOTSE_HOME`` (no window geometry or language from
    the user's settings) and no ``LOTSE_KDF_TARGET_SECONDS``: nothing of the
    calling process's test shortcuts leaks into what is measured.
    """
    import subprocess

    env = {key: value for key, value in os.environ.items() if not key.startswith("LOTSE_")}
    env.update(LOTSE_HOME=str(home), LOTSE_PASSWORD=password, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "benchmarks.gui_probe", mode, "--vault", str(vault_dir), *options]
    spawned = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=600, cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise RuntimeError(f"gui_probe {mode} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["spawned_wall"] = spawned
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("unlock", "memory"))
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--no-kdf", action="store_true", help="unlock: the key is unwrapped before timing")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    password = os.environ.get("LOTSE_PASSWORD")
    if not password:
        parser.error("LOTSE_PASSWORD is not set")
    if args.mode == "unlock":
        result = measure_unlock(args.vault, password, derive=not args.no_kdf)
    else:
        result = measure_memory(args.vault, password)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
