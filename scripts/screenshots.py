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

from screenshot_kit import Camera  # scripts/ is on sys.path when a script runs

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

    from PySide6.QtTest import QTest

    from app import i18n
    from app.ui.application import install_qt_translations

    install_qt_translations(i18n.install(language))
    out.mkdir(parents=True, exist_ok=True)
    vault_dir = home / "vault"

    camera = Camera(out)
    settle, wait_until, shoot = camera.settle, camera.wait_until, camera.shoot

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

    case_screens(settle, wait_until, shoot)


def case_screens(settle, wait_until, shoot) -> None:
    """The case list, search, a filled case and the new-case form on a 10,000-case demo vault.

    The demo vault is built once by the demo service (benchmarks' cache in the temp
    folder, ~40 s the first time) and reused afterwards."""
    from PySide6.QtTest import QTest

    from app.storage.vault import Vault
    from app.ui.main_window import MainWindow
    from benchmarks.harness import BENCH_PASSWORD, demo_vault_dir

    vault = Vault.unlock(demo_vault_dir(10_000), BENCH_PASSWORD)
    window = MainWindow(vault)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("cases")
    wait_until(lambda: page.model.rowCount() > 0)
    page.table.setFocus()
    shoot(window, "20-case-list")

    page.search_field.setFocus()
    QTest.keyClicks(page.search_field, "hadd")
    wait_until(lambda: page.model.query.search == "hadd" and not page.model.is_loading())
    shoot(window, "21-case-list-search")

    # A case well into the cycle, with goals and reviews to show.
    page.filters.set_value("phase", "monitoring")
    wait_until(lambda: not page.model.is_loading() and page.model.query.filters)
    rows = page.model.rows()
    row = rows[min(2, len(rows) - 1)]
    view = page.open_case(row.case_id, row.ref, row.name)
    wait_until(lambda: view.detail is not None)
    shoot(window, "22-case-person")
    tab = view.show_tab("goal_areas")
    shoot(window, "23-goal-areas")
    areas = view.detail["goal_areas"]
    tab.open_area(max(areas, key=lambda area: (len(areas[area]["goals"]), area)))
    page_scroll = tab.stack.currentWidget()
    page_scroll.setFocus()
    shoot(window, "24-goal-area-page")

    page.show_list()
    page.search_field.clear()
    page.filters.clear()
    page.new_case()
    dialog = page.new_case_dialog
    QTest.keyClicks(dialog.given_names, "Amina")
    QTest.keyClicks(dialog.family_name, "Haddad")
    dialog.name_original.setText("أمينة حداد")
    QTest.keyClicks(dialog.birth_date, "2001")
    QTest.keyClicks(dialog.nationality, "Syria")
    dialog.indications["complex_needs"].setChecked(True)
    dialog.consent.setChecked(True)
    dialog.given_names.setFocus()
    shoot(dialog, "25-new-case")
    dialog.reject()
    window.close()


if __name__ == "__main__":
    sys.exit(main())
