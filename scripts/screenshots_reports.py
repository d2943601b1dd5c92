"""Screenshots of the report, retention and audit pages with data, for review.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots_reports.py

Builds a fresh vault in a temporary folder with 600 demo cases
(app/services/demo.py, the report shows 2025), a few cases past their
retention period (one under a legal hold) and a few hundred audit entries,
then drives the real main window. All names are invented. Writes PNGs to
screenshots/ (nothing of the user's own settings or vault is touched).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from screenshot_kit import Camera  # scripts/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
PASSWORD = "Leuchtturm am Rhein 42"
RETENTION_CASES = (  # ref, given, family, type, closed, legal hold reason
    ("2021-0007", "Amira", "Haddad", "case_management", date(2021, 9, 30), ""),
    ("2021-0019", "Dawit", "Tesfaye", "referral_advice", date(2022, 2, 14), ""),
    ("2022-0003", "Olena", "Kovalenko", "case_management", date(2022, 6, 30), ""),
    ("2022-0011", "Samir", "Rahimi", "case_management", date(2021, 11, 2), "Klage beim VG Münster anhängig"),
)
USERS = ("Miriam Okafor", "Jonas Weber", "Leyla Demir")
DEMO_CASES = 600
TODAY = date(2026, 11, 21)
ACTIONS = ("case.viewed", "case.viewed", "case.viewed", "case.changed", "goal.added", "contact.added",
           "letter.printed", "consent.recorded", "report.exported", "vault.unlocked")


def fill_vault(vault) -> None:
    """Demo cases (app/services/demo.py), old closed cases for retention, a busy audit log."""
    from sqlalchemy import select

    from app.models import AuditEntry, Case, Person
    from app.services.demo import generate_demo

    generate_demo(vault, cases=DEMO_CASES, seed=8, today=TODAY)
    with vault.session() as session:
        for ref, given, family, case_type, closed, hold in RETENTION_CASES:
            session.add(Case(ref=ref, person=Person(given_names=given, family_name=family), case_type=case_type,
                             opened=closed - timedelta(days=300), closed=closed, status="closed", phase="closed",
                             closing_reason="goals_attained", case_manager="Miriam Okafor",
                             legal_hold=bool(hold), legal_hold_reason=hold))
        case_ids = list(session.scalars(select(Case.id).where(Case.closed.is_(None)).order_by(Case.ref).limit(60)))
        rng = random.Random(8)
        start = datetime(2026, 11, 21, 16, 0)
        entries = []
        for i in range(420):
            action = rng.choice(ACTIONS)
            on_case = action.split(".")[0] in ("case", "goal", "contact", "letter", "consent")
            detail = {"case.changed": "field=phase", "goal.added": "area=language", "letter.printed": "agency=Jobcenter",
                      "report.exported": "from=2025-01-01;to=2025-12-31;outputs=pdf"}.get(action, "")
            entries.append(AuditEntry(at=start - timedelta(minutes=37 * i + rng.randint(0, 30)), user=rng.choice(USERS),
                                      action=action, case_id=rng.choice(case_ids) if on_case else None, detail=detail))
        session.add_all(entries)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="lotse-screens-"))
    os.environ["LOTSE_HOME"] = str(home)
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    os.environ.pop("LOTSE_VAULT", None)
    os.environ.setdefault("TZ", "Europe/Berlin")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QDate

    from app import i18n
    from app.settings import Settings
    from app.storage.vault import Vault
    from app.ui.application import make_application

    app = make_application(["lotse"])
    language = os.environ.get("LOTSE_SCREENSHOT_LANGUAGE", "en")
    from app.ui.application import install_qt_translations

    install_qt_translations(i18n.install(language))
    out = OUT if language == "en" else OUT / language
    out.mkdir(parents=True, exist_ok=True)
    Settings().set("org/name", "Caritasverband Rheine e. V.")

    camera = Camera(out)
    settle, wait_until, shoot = camera.settle, camera.wait_until, camera.shoot

    vault, _code = Vault.create(home / "vault", PASSWORD, user_name="Miriam Okafor")
    fill_vault(vault)

    from app.ui.main_window import MainWindow

    window = MainWindow(vault)
    window.resize(1280, 800)
    window.show()

    reports = window.show_page("reports")
    wait_until(lambda: not reports.tasks.busy)
    reports.date_from.setDate(QDate(2025, 1, 1))
    reports.date_to.setDate(QDate(2025, 12, 31))
    reports.show_button.click()
    wait_until(lambda: not reports.tasks.busy and reports.published is not None
               and reports.published.scope.period_from.year == 2025)
    shoot(window, "20-reports")
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    from app.ui.widgets.card import Card

    scroll = reports.findChild(QScrollArea, "pageScroll")
    for name, key in (("21-reports-cases-people", "cases"), ("22-reports-goals", "goals"),
                      ("23-reports-need-levels-referrals", "need_levels"), ("24-reports-barriers", "barriers")):
        card = reports.view.tables[key]
        while not isinstance(card, Card):
            card = card.parentWidget()
        scroll.verticalScrollBar().setValue(card.mapTo(scroll.widget(), QPoint(0, 0)).y() - 8)
        shoot(window, name)
    full = scroll.widget().grab()  # the whole page, as one tall image, for review
    full.save(str(out / "24b-reports-whole-page.png"))
    print(out / "24b-reports-whole-page.png")

    retention = window.show_page("retention")
    wait_until(lambda: not retention.tasks.busy and retention.due_model.rowCount() > 0)
    retention.due_model.set_all_checked(True)
    shoot(window, "25-retention")
    retention.erase_button.click()
    dialog = retention.dialog
    wait_until(lambda: dialog.isVisible())
    dialog.confirm_input.setText("3")
    shoot(dialog, "26-retention-confirm")
    dialog.erase_button.click()
    wait_until(lambda: not retention.tasks.busy and retention.due_model.rowCount() == 0)
    shoot(window, "27-retention-after-erasure")

    audit = window.show_page("audit")
    wait_until(lambda: not audit.tasks.busy and audit.model.rowCount() > 0)
    shoot(window, "28-audit-log")
    audit.action.setCurrentIndex(audit.action.findData("case.*"))
    audit.user.setCurrentIndex(audit.user.findData("Jonas Weber"))
    settle()
    shoot(window, "29-audit-log-filtered")

    # The smallest window Lotse allows (MainWindow.MINIMUM_SIZE): nothing may be cut off.
    window.resize(960, 620)
    window.show_page("reports")
    settle()
    shoot(window, "30-reports-smallest-window")
    window.show_page("audit")
    shoot(window, "31-audit-log-smallest-window")
    window.close()

    # Empty states: a new vault with nothing in it.
    empty, _code = Vault.create(home / "empty", PASSWORD, user_name="Jonas Weber")
    window = MainWindow(empty)
    window.resize(1280, 800)
    window.show()
    reports = window.show_page("reports")
    wait_until(lambda: not reports.tasks.busy and reports.published is not None)
    shoot(window, "32-reports-empty-vault")
    retention = window.show_page("retention")
    wait_until(lambda: not retention.tasks.busy)
    shoot(window, "33-retention-nothing-due")
    audit = window.show_page("audit")
    wait_until(lambda: not audit.tasks.busy)
    shoot(window, "34-audit-log-new-vault")
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
