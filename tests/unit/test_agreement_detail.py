"""The agreements tab computes its views from the case file dict: the same answer as the service."""

from __future__ import annotations

from datetime import date, timedelta

from app.services import agreements as svc
from app.services.agreement_detail import agreements_from_case_file
from app.services.case_file import case_detail
from app.services.cases import create_case

TODAY = date.today()


def test_views_from_the_case_file_equal_the_services_views(vault):
    case = create_case(vault, given_names="Amina", family_name="Haddad", opened=TODAY - timedelta(days=300))
    in_force = svc.create_agreement(vault, case_id=case.case_id, title="Pass", authority_name="ABH Rheine")
    svc.add_step(vault, in_force.id, party="person", action="Termin buchen", due=TODAY - timedelta(days=20),
                 proof_required="Terminbestätigung")
    step2 = svc.add_step(vault, in_force.id, party="person", action="Pass beantragen",
                         within_days_after_previous=10).steps[1]
    svc.add_step(vault, in_force.id, party="authority", action="Beschäftigungserlaubnis erteilen",
                 within_days_after_previous=14)
    svc.conclude_agreement(vault, in_force.id, on=TODAY - timedelta(days=40))
    first = svc.get_agreement_view(vault, in_force.id).steps[0]
    svc.fulfil_step(vault, first.id, on=TODAY - timedelta(days=25))
    svc.waive_step(vault, step2.id, reason="Pass liegt schon vor", on=TODAY - timedelta(days=5))
    draft = svc.create_agreement(vault, case_id=case.case_id, title="Entwurf", template_id="beschaeftigungserlaubnis")
    ended = svc.create_agreement(vault, case_id=case.case_id, title="Alt")
    svc.end_agreement(vault, ended.id, reason="Zuständigkeit gewechselt")

    from_file = agreements_from_case_file(case_detail(vault, case_id=case.case_id)["agreements"], today=TODAY)
    from_service = svc.list_case_agreements(vault, case.case_id, today=TODAY)

    assert [view.id for view in from_file] == [in_force.id, draft.id, ended.id]
    strip = lambda views: [(v.id, v.title, v.status, v.concluded_on, v.ended_reason, v.steps) for v in views]  # noqa: E731
    assert strip(from_file) == strip(from_service)
    chain = from_file[0].steps
    assert [s.state for s in chain] == ["fulfilled", "waived", "due"]
    assert chain[2].effective_due == TODAY - timedelta(days=5) + timedelta(days=14)
