"""The agreements overview: agreements in force, late ones first; opening goes to the case's agreements."""

from __future__ import annotations

from app.services import agreements as svc
from app.ui.pages.agreements_page import AgreementsPage
from tests.ui.agreement_cases import case_with_overdue_step, days, new_case


def test_late_agreements_come_first_with_their_figures(qtbot, vault):
    on_track = new_case(vault, "Dawit", "Tesfaye")
    view = svc.create_agreement(vault, case_id=on_track.case_id, title="Ausbildung", authority_name="ABH")
    svc.add_step(vault, view.id, party="person", action="Ausbildungsvertrag vorlegen", due=days(30))
    svc.conclude_agreement(vault, view.id)
    late_case, late = case_with_overdue_step(vault)
    draft_case = new_case(vault, "Olena", "Kovalenko")
    svc.create_agreement(vault, case_id=draft_case.case_id, title="Entwurf")  # drafts are not listed

    page = AgreementsPage(vault)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15_000)
    model = page.model

    def row(r: int) -> list[str]:
        return [model.index(r, c).data() for c in range(model.columnCount())]

    assert row(0)[:6] == [late_case.ref, "Amina Haddad", "Passbeschaffung", "Overdue", "1", "12 days"]
    assert row(0)[6].startswith("1. The person: Termin bei der Botschaft buchen · due ")
    assert row(1)[:6] == [on_track.ref, "Dawit Tesfaye", "Ausbildung", "On track", "–", "–"]
    assert page.count_label.text() == "2 agreements in force · 1 with late steps"

    page.late_only.setChecked(True)
    assert model.rowCount() == 1
    page.late_only.setChecked(False)
    page.search.setText("dawit")
    assert [model.summary(r).ref for r in range(model.rowCount())] == [on_track.ref]
    page.search.clear()

    page.table.selectRow(0)
    with qtbot.waitSignal(page.case_requested) as requested:
        page.open_current()
    assert requested.args == [late_case.case_id, "agreements"]
    assert late.id == model.summary(0).agreement_id
