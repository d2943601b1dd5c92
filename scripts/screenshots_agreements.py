"""Screenshots of the overview, deadlines, agreements and the case's agreement and residence tabs.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots_agreements.py

Builds a fresh vault in a temporary folder with 300 demo cases
(app/services/demo.py; all names invented), signs in as one of the demo's
case managers, and drives the real main window. The case shown is one with
an agreement in force that has fulfilled steps and a late one. When the case
list page (app/ui/pages/cases_page.py) is there, the case opens through it,
as a click on the overview does; otherwise a minimal host page stands in.
Writes PNGs to screenshots/ (nothing of the user's own settings or vault is
touched).
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from screenshot_kit import Camera  # scripts/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
PASSWORD = "Leuchtturm am Rhein 42"
USER = "Anna Becker"  # one of the demo's case managers, so "my cases" has cases
DEMO_CASES = 300
SEED = 5


def pick_case(vault):
    """An agreement in force with settled steps, a late step and a person under 27, if there is one."""
    from app.services.agreements import list_agreements_overview
    from app.services.case_file import case_detail

    summaries = list_agreements_overview(vault)
    best = None
    for summary in summaries:
        score = (bool(summary.late_steps), summary.steps_settled >= 2, summary.steps_total >= 6)
        if best is None or score > best[0]:
            best = (score, summary)
    summary = best[1]
    return summary, case_detail(vault, case_id=summary.case_id, user="screenshots")


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="lotse-screens-"))
    os.environ["LOTSE_HOME"] = str(home)
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    os.environ.pop("LOTSE_VAULT", None)
    os.environ.setdefault("TZ", "Europe/Berlin")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from app import i18n
    from app.storage.vault import Vault
    from app.ui.application import make_application

    app = make_application(["lotse"])
    i18n.install(os.environ.get("LOTSE_SCREENSHOT_LANGUAGE", "en"))
    OUT.mkdir(exist_ok=True)

    camera = Camera(OUT)
    settle, wait_until, shoot = camera.settle, camera.wait_until, camera.shoot

    from app.services.case_file import case_detail
    from app.services.demo import generate_demo

    vault, _code = Vault.create(home / "vault", PASSWORD, user_name=USER)
    generate_demo(vault, cases=DEMO_CASES, seed=SEED, today=date.today())
    summary, detail = pick_case(vault)
    # A few cases "opened" by the user, so "Recently opened" shows something real.
    from app.services.case_list import case_page

    rows, _total = case_page(vault, case_manager=USER, status="active", limit=5)
    for row in reversed(rows):
        case_detail(vault, case_id=row.case_id)
    case_detail(vault, case_id=summary.case_id)

    from app.ui.pages import PageSpec, register_page

    try:
        importlib.import_module("app.ui.pages.cases_page")  # the real case list, once it is merged
    except ImportError:
        from app.ui.case_view.case_view import CaseView

        class HostPage(QWidget):
            """Stands in for the case list: shows one case view (what cases_page.open_case does)."""

            def __init__(self, vault) -> None:
                super().__init__()
                self.setObjectName("pageArea")
                self.vault, self.case_view = vault, None
                self.box = QVBoxLayout(self)
                self.box.setContentsMargins(24, 16, 24, 16)

            def open_case(self, case_id, ref="", name=""):
                if self.case_view is not None:
                    self.case_view.deleteLater()
                self.case_view = CaseView(self.vault, case_id, ref=ref)
                self.box.addWidget(self.case_view)
                return self.case_view

        register_page(PageSpec("cases", "Cases", "cases", HostPage))

    from app.ui.main_window import MainWindow

    window = MainWindow(vault)
    window.resize(1280, 800)
    window.show()

    overview = window.show_page("overview")
    wait_until(lambda: overview.data is not None and not overview.tasks.busy)
    shoot(window, "agreements-01-overview")
    from PySide6.QtWidgets import QScrollArea

    scroll = overview.findChild(QScrollArea, "pageScroll")
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shoot(window, "agreements-01b-overview-scrolled")
    scroll.verticalScrollBar().setValue(0)

    deadlines = window.show_page("deadlines")
    wait_until(lambda: not deadlines.tasks.busy and deadlines.items)
    shoot(window, "agreements-02-deadlines")
    deadlines.kind_combo.setCurrentIndex(deadlines.kind_combo.findData("agreement_step"))
    deadlines._show_items()
    shoot(window, "agreements-03-deadlines-agreement-steps")

    agreements = window.show_page("agreements")
    wait_until(lambda: not agreements.tasks.busy and agreements.summaries)
    shoot(window, "agreements-04-agreements-overview")

    # Open the chosen case the way the agreements page does.
    row = next(i for i, s in enumerate(agreements.model.summaries()) if s.agreement_id == summary.agreement_id)
    agreements.table.selectRow(row)
    agreements.open_current()
    cases = window.pages.page("cases")
    view = cases.case_view
    wait_until(lambda: view.detail is not None)
    tab = view.show_tab("agreements")
    tab.focus_agreement(summary.agreement_id)
    settle(300)
    shoot(window, "agreements-05-agreement-chain")
    tab.scroll.verticalScrollBar().setValue(tab.scroll.verticalScrollBar().maximum())
    shoot(window, "agreements-06-agreement-chain-end")
    tab.scroll.verticalScrollBar().setValue(0)
    whole = tab.scroll.widget().grab()  # the whole tab as one tall image, for review
    whole.save(str(OUT / "agreements-06b-whole-chain.png"))
    print(OUT / "agreements-06b-whole-chain.png")

    # The fulfil dialog on the first open step.
    selected = tab.selected()
    open_step = next((s for s in selected.steps if s.state in ("due", "overdue")), None)
    if open_step is not None:
        tab.step_action(open_step.id, "fulfil")
        wait_until(lambda: tab.dialog is not None and tab.dialog.isVisible())
        shoot(tab.dialog, "agreements-07-fulfil-dialog")
        from PySide6.QtGui import QImage

        scan = home / "scan.png"  # a blank synthetic page standing in for a scanned proof
        QImage(400, 560, QImage.Format.Format_RGB32).save(str(scan))
        tab.dialog.use_scan(scan)
        shoot(tab.dialog, "agreements-07b-fulfil-with-scan")
        tab.dialog.reject()

    tab.new_agreement()
    wait_until(lambda: tab.dialog is not None and tab.dialog.isVisible())
    tab.dialog.choose_template("kette_ausbildung_25a")
    shoot(tab.dialog, "agreements-08-new-agreement")
    tab.dialog.reject()
    if open_step is not None:
        tab.step_action(open_step.id, "waive")
        wait_until(lambda: tab.dialog is not None and tab.dialog.isVisible())
        tab.dialog.ok_button.click()  # without a reason: the dialog says what is missing
        shoot(tab.dialog, "agreements-08b-waive-needs-a-reason")
        tab.dialog.reject()
    tab.add_step()
    wait_until(lambda: tab.dialog is not None and tab.dialog.isVisible())
    tab.dialog.party.setCurrentIndex(tab.dialog.party.findData("authority"))
    tab.dialog.due_kind.setCurrentIndex(1)
    tab.dialog.action.setPlainText("Aufenthaltserlaubnis nach § 25a AufenthG erteilen")
    shoot(tab.dialog, "agreements-08c-add-step")
    tab.dialog.reject()

    residence = view.show_tab("residence")
    wait_until(lambda: residence.result is not None)
    shoot(window, "agreements-09-residence-check")
    whole = residence.findChild(QWidget, "residenceContent").grab()
    whole.save(str(OUT / "agreements-09b-residence-whole.png"))
    print(OUT / "agreements-09b-residence-whole.png")

    # The smallest window: nothing may be cut off.
    window.resize(960, 620)
    settle(300)
    shoot(window, "agreements-10-residence-smallest-window")
    view.show_tab("agreements")
    shoot(window, "agreements-10b-chain-smallest-window")
    window.show_page("overview")
    shoot(window, "agreements-11-overview-smallest-window")
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
