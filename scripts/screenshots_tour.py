"""The product tour: one screenshot per screen a case manager uses, in German and English.

    LOTSE_PASSWORD=… xvfb-run -a -s "-screen 0 1440x900x24" \\
        .venv/bin/python scripts/screenshots_tour.py --vault /tmp/demo10k [--user "Anna Becker"]

Drives the real main window on a demo vault (``lotse demo --cases 10000``; all
names invented): the start page, the case list, a filled case (person, goal
areas at a glance and one area, contacts, consents, agreements with the
fulfil dialog, residence check), the deadlines and agreements pages, the agency
directory and the sync page (on a small throw-away team vault, so the demo vault
never joins a team), and what a brand-new, empty vault shows. Without ``--vault`` it uses the benchmarks' cached
10,000-case vault. Writes small (256-colour) PNGs to docs/screenshots/<lang>/,
which the README shows; the vault's own settings home is a temporary folder.
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
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)


def pick_case(vault):
    """An agreement in force with settled steps and a late one: a case that is well under way."""
    from app.services.agreements import list_agreements_overview

    best = None
    for summary in list_agreements_overview(vault):
        score = (bool(summary.late_steps), summary.steps_settled >= 2,
                 summary.steps_total >= 6)
        if best is None or score > best[0]:
            best = (score, summary)
    return best[1]


def year_only_case(vault) -> str | None:
    """A case whose person has only a birth year (the residence check says it counts conservatively)."""
    from sqlalchemy import func, select

    from app.models import Case, Person

    with vault.read_session() as session:
        return session.scalar(select(Case.id).join(Person, Case.person_id == Person.id)
                              .where(func.length(Person.birth_date) == 4, Case.status == "active").limit(1))


def tour(vault, camera: Camera) -> None:
    from PySide6.QtWidgets import QScrollArea

    from app.ui.main_window import MainWindow

    shoot, wait_until = camera.shoot, camera.wait_until
    window = MainWindow(vault)
    window.resize(*SIZE)
    window.show()

    overview = window.show_page("overview")
    wait_until(lambda: overview.data is not None and not overview.tasks.busy)
    shoot(window, "01-overview")

    cases = window.show_page("cases")
    wait_until(lambda: cases.model.rowCount() > 0 and not cases.model.is_loading())
    cases.table.setFocus()
    shoot(window, "02-case-list")

    summary = pick_case(vault)
    view = cases.open_case(summary.case_id, summary.ref, "")
    wait_until(lambda: view.detail is not None)
    shoot(window, "03-case-person")
    person = view.tab("person")
    scroll = person.findChild(QScrollArea)
    if scroll is not None:
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        shoot(window, "03b-case-person-documents")
        scroll.verticalScrollBar().setValue(0)

    goals = view.show_tab("goal_areas")
    shoot(window, "04-goal-areas-at-a-glance")
    areas = view.detail["goal_areas"]
    goals.open_area(max(areas, key=lambda area: (len(areas[area]["goals"]), area)))
    shoot(window, "05-goal-area-page")
    goals.show_overview()

    view.show_tab("contacts")
    shoot(window, "06-contacts")
    view.show_tab("consents")
    shoot(window, "07-consents")

    agreements = view.show_tab("agreements")
    agreements.focus_agreement(summary.agreement_id)
    shoot(window, "08-agreement-chain")
    # Down to the steps: the person's column, the authority's column and their states in colour.
    from PySide6.QtCore import QPoint

    top = agreements.chain.mapTo(agreements.scroll.widget(), QPoint(0, 0)).y()
    agreements.scroll.verticalScrollBar().setValue(top - 8)
    shoot(window, "08b-agreement-chain-steps")
    agreements.scroll.verticalScrollBar().setValue(0)
    selected = agreements.selected()
    open_step = next((s for s in selected.steps if s.state in ("due", "overdue")), None)
    if open_step is not None:
        agreements.step_action(open_step.id, "fulfil")
        wait_until(lambda: agreements.dialog is not None and agreements.dialog.isVisible())
        shoot(agreements.dialog, "09-fulfil-step-dialog")
        agreements.dialog.reject()

    residence = view.show_tab("residence")
    wait_until(lambda: residence.result is not None)
    shoot(window, "10-residence-check")
    partial = year_only_case(vault)
    if partial is not None:
        view = cases.open_case(partial, "", "")
        wait_until(lambda: view.detail is not None)
        residence = view.show_tab("residence")
        wait_until(lambda: residence.result is not None)
        shoot(window, "10b-residence-check-birth-year-only")

    deadlines = window.show_page("deadlines")
    wait_until(lambda: not deadlines.tasks.busy and deadlines.items)
    shoot(window, "11-deadlines")
    overview_page = window.show_page("agreements")
    wait_until(lambda: not overview_page.tasks.busy and overview_page.summaries)
    shoot(window, "12-agreements-overview")
    window.show_page("agencies")
    shoot(window, "13-agency-directory")
    window.close()


def empty_vault_screens(camera: Camera, home: Path) -> None:
    """A brand-new vault: what the overview, case list, deadlines and agreements say before the first case."""
    from app.storage.vault import Vault
    from app.ui.main_window import MainWindow

    vault, _code = Vault.create(home / "new-vault", "Leuchtturm am Rhein 42", user_name="Anna Becker")
    window = MainWindow(vault)
    window.resize(*SIZE)
    window.show()
    overview = window.show_page("overview")
    camera.wait_until(lambda: overview.data is not None and not overview.tasks.busy)
    camera.shoot(window, "15-new-vault-overview")
    cases = window.show_page("cases")
    camera.wait_until(lambda: not cases.model.is_loading() and cases.empty_label.text() != "")
    camera.shoot(window, "15b-new-vault-case-list")
    deadlines = window.show_page("deadlines")
    camera.wait_until(lambda: not deadlines.tasks.busy and deadlines.empty_state.isVisible())
    camera.shoot(window, "15c-new-vault-deadlines")
    agreements = window.show_page("agreements")
    camera.wait_until(lambda: not agreements.tasks.busy and agreements.empty_state.isVisible())
    camera.shoot(window, "15d-new-vault-agreements")
    window.close()
    vault.lock()


def sync_screens(camera: Camera, home: Path) -> None:
    """The sync page in a team, on two small throw-away vaults sharing a temporary folder."""
    from app.services import cases, team_sync
    from app.storage.vault import Vault
    from app.ui.main_window import MainWindow

    password, passphrase = "Leuchtturm am Rhein 42", "Rheinwiesen im Herbst"
    share = home / "Teamordner"
    share.mkdir()
    a, _code = Vault.create(home / "team-a", password, user_name="Jonas Berger")
    b, _code = Vault.create(home / "team-b", password, user_name="Anna Becker")
    team_sync.create_team(a, share, passphrase, name="Integration Rheine")
    for given, family in (("Amina", "Yusuf"), ("Omar", "Haddad"), ("Lina", "Karimi")):
        cases.create_case(a, given_names=given, family_name=family)
    team_sync.sync_team(a)
    team_sync.join_team(b, share, passphrase)
    team_sync.sync_team(b)
    window = MainWindow(b)
    window.resize(*SIZE)
    window.show()
    page = window.show_page("sync")
    camera.wait_until(lambda: page.stack.currentWidget() is page.team_page and not page.tasks.busy)
    camera.shoot(window, "14-sync")
    window.close()
    a.lock()
    b.lock()


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from app.i18n import LANGUAGES

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vault", type=Path, help="a demo vault (password in LOTSE_PASSWORD)")
    parser.add_argument("--user", help="sign in as this case manager (so 'my cases' has cases)")
    parser.add_argument("--language", choices=sorted(LANGUAGES), action="append",
                        help="interface language (repeatable; default: every language Lotse speaks)")
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="lotse-tour-"))
    os.environ["LOTSE_HOME"] = str(home)
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    os.environ.pop("LOTSE_VAULT", None)
    os.environ.setdefault("TZ", "Europe/Berlin")

    from app import i18n
    from app.services.case_list import case_managers
    from app.storage.vault import Vault
    from app.ui.application import install_qt_translations, make_application

    app = make_application(["lotse"])
    if args.vault is not None:
        vault_dir, password = args.vault, os.environ.get("LOTSE_PASSWORD", "")
    else:
        from benchmarks.harness import BENCH_PASSWORD, demo_vault_dir

        vault_dir, password = demo_vault_dir(10_000), BENCH_PASSWORD
    for language in args.language or sorted(LANGUAGES):
        install_qt_translations(i18n.install(language))
        vault = Vault.unlock(vault_dir, password)
        user = args.user or (case_managers(vault) or [vault.user_name])[0]
        if vault.user_name != user:
            vault.set_user_name(user)
        camera = Camera(OUT / language, compact=True)
        tour(vault, camera)
        vault.lock()
        language_home = home / language
        language_home.mkdir()
        sync_screens(camera, language_home)
        empty_vault_screens(camera, language_home)
        app.processEvents()
    print(f"screenshots of {date.today():%Y-%m-%d} in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
