"""Screenshots of the team sync page for review (under Xvfb):
`xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots_sync.py`

Two fresh vaults in a temporary folder share a temporary team folder; a
conflict is made by editing the same field on both. Writes PNGs to
screenshots/ (nothing of the user's own settings or vaults is touched).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from screenshot_kit import Camera  # scripts/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
PASSWORD = "Leuchtturm am Rhein 42"
PASSPHRASE = "Rheinwiesen im Herbst"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="lotse-screens-"))
    os.environ["LOTSE_HOME"] = str(home)
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    os.environ.pop("LOTSE_VAULT", None)
    os.environ.setdefault("TZ", "Europe/Berlin")
    sys.path.insert(0, str(ROOT))

    from app import i18n
    from app.services import cases, team_sync
    from app.storage.vault import Vault
    from app.ui.application import make_application

    app = make_application(["lotse"])
    i18n.install(os.environ.get("LOTSE_SCREENSHOT_LANGUAGE", "en"))
    OUT.mkdir(exist_ok=True)

    camera = Camera(OUT)
    settle, wait_until, shoot = camera.settle, camera.wait_until, camera.shoot

    share = home / "Teamordner"
    share.mkdir()
    a, _ = Vault.create(home / "a", PASSWORD, user_name="Jonas Berger")
    b, _ = Vault.create(home / "b", PASSWORD, user_name="Miriam Okafor")

    from app.ui.main_window import MainWindow

    window = MainWindow(b)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("sync")
    wait_until(lambda: page.stack.currentWidget() is page.setup_page)
    page.setup.create_folder.setText(str(share))
    page.setup.team_name.setText("Integration Rheine")
    shoot(window, "60-sync-not-in-team")

    team_sync.create_team(a, share, PASSPHRASE, name="Integration Rheine")
    refs = []
    for given, family in (("Amina", "Yusuf"), ("Omar", "Haddad"), ("Lina", "Karimi")):
        refs.append(cases.create_case(a, given_names=given, family_name=family).case_id)
    team_sync.sync_team(a)
    page.setup.join_folder.setText(str(share))
    page.setup.join_passphrase.setText(PASSPHRASE)
    page.setup.join_button.click()
    wait_until(lambda: page.stack.currentWidget() is page.team_page)
    page.sync_button.click()
    wait_until(lambda: not page.syncing and not page.tasks.busy and page.last_result is not None)
    cases.update_case(a, case_id=refs[0], intake_notes="Termin beim Jobcenter am 14.10. wahrgenommen; "
                      "Unterlagen für den Sprachkurs nachgereicht.")
    cases.update_case(b, case_id=refs[0], intake_notes="Passtermin beim Konsulat am Montag; Begleitung organisiert.")
    cases.update_case(a, case_id=refs[1], intake_notes="Wohnungssuche: Besichtigung in der Emsstraße.")
    team_sync.sync_team(a)
    page.sync_button.click()
    wait_until(lambda: not page.syncing and not page.tasks.busy and page.status is not None
               and page.status.unresolved_conflicts > 0)
    shoot(window, "61-sync-in-team-with-conflict")

    page.conflict_list.table.selectRow(0)
    page.conflict_list.resolve_button.click()
    dialog = page.conflict_list.dialog
    dialog.choose("merged")
    settle(200)
    shoot(dialog, "62-sync-resolve-dialog")
    dialog.reject()

    share.rename(share.with_name("Teamordner-getrennt"))
    page.refresh()
    wait_until(lambda: not page.tasks.busy and page.status is not None and not page.status.folder_reachable)
    shoot(window, "63-sync-folder-unreachable")
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
