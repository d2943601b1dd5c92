"""GDPR Art. 15 export from a real vault into the folder the user chose."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from app.models import AgreementStep, AuditEntry
from app.services.contacts import add_contact
from app.services.letters import issue_referral_letter, prepare_referral_letter
from app.services.subject_export import export_subject
from tests.unit.document_case import (
    ARABIC_NAME,
    JOBCENTER,
    ORGANISATION,
    REF,
    TODAY,
    build_document_case,
    give_consent,
)
from tests.unit.pdf_inspect import pdf_text


def _send_letter(vault, case):
    give_consent(vault, case.case_id)
    draft = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, organisation=ORGANISATION)
    issue_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, subject=draft.subject, body=draft.body,
                          categories=draft.categories, organisation=ORGANISATION)


def test_export_writes_a_pdf_and_a_json_with_everything_and_the_statements(vault, tmp_path):
    case = build_document_case(vault)
    add_contact(vault, case_id=case.case_id, kind="meeting", date=TODAY - timedelta(days=5),
                note="Bewerbung besprochen <b>&</b>")
    _send_letter(vault, case)
    folder = tmp_path / "chosen" / "folder"

    pdf_path, json_path = export_subject(vault, case_id=case.case_id, directory=folder, organisation=ORGANISATION,
                                         retention_years={"case_management": 5})

    assert sorted(p.name for p in folder.iterdir()) == [f"{REF}-auskunft.json", f"{REF}-auskunft.pdf"]
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert ARABIC_NAME in json_path.read_text(encoding="utf-8")  # as written, not \\u-escaped
    data = document["data"]
    assert data["person"]["name_original"] == ARABIC_NAME
    assert data["person"]["nationalities"] == ["Syrien (SY)"]
    assert data["person"]["residence_documents"][0]["paragraph"] == "§ 60a AufenthG"
    assert data["case"]["ref"] == REF
    assert {"language", "education_work", "networks", "health"} <= set(data["goal_areas"])
    assert data["contacts"][0]["note"] == "Bewerbung besprochen <b>&</b>"
    assert data["consents"][0]["recipient"] == "Jobcenter Kreis Emsbruch"
    assert data["letters"] == [{"recipient": "Jobcenter Kreis Emsbruch", "date": TODAY.isoformat(),
                                "subject": "Verweisung von Amina Haddad, geb. 12.04.2001, an das Jobcenter",
                                "kind": "referral", "basis": "mit Ihrer Einwilligung"}]
    assert data["agreements"][0]["steps"][0]["action"] == "Pass bei der Botschaft beantragen"
    assert data["audit"]["by_action"]["Schreiben gedruckt"] == 1
    assert data["audit"]["entries"] >= 8
    assert "id" not in data["person"] and "case_id" not in data["contacts"][0]
    statements = document["statements"]
    assert "5 Jahre nach Abschluss" in statements["storage_period"]
    assert any("Gesundheit" in c and "Art. 9" in c for c in statements["categories"])

    text = " ".join(pdf_text(pdf_path.read_bytes()).split())
    assert "Auskunft nach Art. 15 DSGVO" in text
    assert "Schreiben an Jobcenter Kreis Emsbruch vom " + TODAY.strftime("%d.%m.%Y") in text
    for heading in ("Ihre Rechte", "Speicherdauer", "Herkunft der Daten", "Zug-um-Zug-Vereinbarungen",
                    "Versandte Schreiben"):
        assert heading in text, heading
    assert "Bewerbung besprochen <b>&</b>" in text

    with vault.session() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "case.export_subject")).all()
    assert entry.case_id == case.case_id and "Amina" not in entry.detail


def test_an_override_letter_is_listed_without_its_reason(vault, tmp_path):
    case = build_document_case(vault)
    draft = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, organisation=ORGANISATION)
    issue_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, subject=draft.subject,
                          body=draft.body, categories=draft.categories, organisation=ORGANISATION,
                          override_reason="Gefahr im Verzug, mit der Leitung abgestimmt")
    _pdf, json_path = export_subject(vault, case_id=case.case_id, directory=tmp_path, organisation=ORGANISATION)
    [letter] = json.loads(json_path.read_text(encoding="utf-8"))["data"]["letters"]
    assert letter["recipient"] == "Jobcenter Kreis Emsbruch"
    assert letter["basis"].startswith("ohne Einwilligung")


def test_a_long_agreement_flows_over_pages(vault, tmp_path):
    """A record taller than a page once raised ReportLab's LayoutError."""
    case = build_document_case(vault)
    with vault.session() as session:
        session.add_all(
            AgreementStep(agreement_id=case.agreement_id, position=10 + i, party="person",
                          action=f"Nachweis Nummer {i} über die Teilnahme am Kurs vorlegen",
                          proof_required="Teilnahmebescheinigung", due=TODAY + timedelta(days=i))
            for i in range(60)
        )
    pdf_path, _json = export_subject(vault, case_id=case.case_id, directory=tmp_path, organisation=ORGANISATION)
    text = pdf_text(pdf_path.read_bytes())
    assert "Nachweis Nummer 59 über" in text
