"""What every screenshot script needs: wait for the app, then save what a widget shows.

Import it after the script has set LOTSE_HOME and friends (Qt is imported on
first use, not here).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class Camera:
    """Waits for the app and saves widgets as PNGs in ``out`` (``prefix`` before each name).

    ``compact`` shrinks each picture to 256 colours (ImageMagick's ``convert``), for the
    images committed to docs/: screens are flat colours and stay sharp at a fraction of the size.
    """

    def __init__(self, out: Path, *, prefix: str = "", compact: bool = False) -> None:
        self.out = out
        self.prefix = prefix
        self.compact = compact
        out.mkdir(parents=True, exist_ok=True)

    def settle(self, ms: int = 150) -> None:
        """Let Qt run for ``ms`` milliseconds (layouts, paints, worker results)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(self, condition, timeout_ms: int = 60_000) -> None:
        waited = 0
        while not condition():
            self.settle(50)
            waited += 50
            if waited > timeout_ms:
                raise TimeoutError("the app did not reach the expected state")

    def shoot(self, widget, name: str) -> Path:
        widget.activateWindow()  # focus rings show only in the active window
        self.settle(300)
        path = self.out / f"{self.prefix}{name}.png"
        widget.grab().save(str(path))
        if self.compact and shutil.which("convert"):
            subprocess.run(["convert", str(path), "-strip", "-colors", "256", f"PNG8:{path}"], check=False)
        print(path)
        return path
