"""Take screenshots of the desktop app for review: `make screenshots` (under Xvfb).

Runs the real widgets against a fresh vault in a temporary folder (nothing of
the user's own settings or vault is touched) and writes PNGs to
screenshots/<language>/, once per interface language (``--language de`` for one).
German strings are longer than English ones: look at both.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
PASSWORD = "Leuchtturm am Rhein 42"


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from app.i18n import LANGUAGES

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=sorted(LANGUAGES), action="append",
                        help="interface language (repeatable; default: every language Lotse speaks)")
    args = parser.parse_args(argv)
    from app.ui.application import make_application

    app = make_application(["lotse"])
    for language in args.language or sorted(LANGUAGES):
        capture(app, language, OUT / language)
    return 0


def capture(app, language: str, out: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="lotse-screens-"))
    os.environ["LOTSE_HOME"] = str(home)
    # The real key-derivation time (about 0.5 s), so the busy state is what users see.
    os.environ.pop("LOTSE_VAULT", None)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from app import i18n
    from app.ui.application import install_qt_translations

    install_qt_translations(i18n.install(language))
    out.mkdir(parents=True, exist_ok=True)
    vault_dir = home / "vault"

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(condition, timeout_ms: int = 30_000) -> None:
        waited = 0
        while not condition():
            settle(50)
            waited += 50
            if waited > timeout_ms:
                raise TimeoutError("the app did not reach the expected state")

    def shoot(widget, name: str) -> None:
        widget.activateWindow()  # focus rings show only in the active window
        settle(250)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    from app.ui.dialogs.create_vault import CreateVaultDialog
    from app.ui.dialogs.recover import RecoverDialog
    from app.ui.dialogs.unlock import UnlockDialog
    from app.ui.main_window import MainWindow

    create = CreateVaultDialog(vault_dir)
    create.show()
    QTest.keyClicks(create.name_input, "Miriam Okafor")
    QTest.keyClicks(create.passwords.password, PASSWORD)
    QTest.keyClicks(create.passwords.repeat, PASSWORD[:-3] + "x")
    create.passwords.repeat.clearFocus()
    shoot(create, "01-create-vault-mismatch")
    create.passwords.repeat.clear()
    QTest.keyClicks(create.passwords.repeat, PASSWORD)
    shoot(create, "02-create-vault")
    create.create_button.click()
    create.busy.label.grab()  # paint once so the busy state is on screen
    shoot(create, "03-create-vault-busy")
    wait_until(lambda: create.vault is not None)
    shoot(create, "04-recovery-code")
    create.confirm_box.setChecked(True)
    shoot(create, "05-recovery-code-confirmed")
    create.continue_button.click()
    create.vault.lock()

    unlock = UnlockDialog(vault_dir)
    unlock.show()
    shoot(unlock, "06-unlock")
    QTest.keyClicks(unlock.form.password, "not the password")
    unlock.form.unlock_button.click()
    wait_until(lambda: unlock.form.message.isVisible())
    shoot(unlock, "07-unlock-wrong-password")
    unlock.form.password.clear()
    QTest.keyClicks(unlock.form.password, PASSWORD)
    unlock.form.unlock_button.click()
    wait_until(lambda: unlock.vault is not None)

    recover = RecoverDialog(vault_dir)
    recover.show()
    QTest.keyClicks(recover.code_input, "7K2P-QX9M")
    shoot(recover, "08-recover")
    recover.close()

    window = MainWindow(unlock.vault)
    window.resize(1280, 800)
    window.show()
    shoot(window, "09-main-window")
    window.show_page("cases")
    shoot(window, "10-cases-placeholder")
    window.show_page("settings")
    shoot(window, "11-settings")
    window.lock()
    shoot(window, "12-locked")

    # Unlock from the lock screen, then lock while a (modal) message is open.
    QTest.keyClicks(window.lock_screen.form.password, PASSWORD)
    window.lock_screen.form.unlock_button.click()
    wait_until(lambda: not window.is_locked)
    from app.errors import ValidationError
    from app.services.validation import not_before
    from app.ui.error_dialogs import show_error

    try:  # a real service message, in the interface language
        not_before(date(2026, 3, 1), date(2026, 3, 14), "target date", "opening date of the case")
    except ValidationError as error:
        box = show_error(window, error)
    shoot(box, "13-service-error")
    window.lock()
    shoot(window._lock_guard.prompt, "14-unlock-above-open-dialog")
    window.close()
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
