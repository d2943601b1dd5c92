"""The GDPR Art. 15 copy: readable PDF with the required statements, and JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.documents import samples
from app.documents.subject_export import (
    EXPORT_FORMAT,
    render_subject_export_pdf,
    subject_export_json,
)
from tests.unit.pdf_inspect import all_lines, page_count, pdf_text, right_of, rtl_reading


@pytest.fixture(scope="module")
def export():
    return samples.subject_export()


@pytest.fixture(scope="module")
def export_text(export) -> str:
    return " ".join(pdf_text(render_subject_export_pdf(export)).split())


def test_pdf_has_the_statements_art_15_requires(export_text):
    for expected in (
        "Auskunft nach Art. 15 DSGVO",
        "Zwecke der Verarbeitung", "Case Management im Kommunalen Integrationsmanagement NRW",
        "Kategorien der Daten", "Empfänger", "Speicherdauer", "Drei Jahre nach Abschluss",
        "Herkunft der Daten", "Ihre eigenen Angaben",
        "Berichtigung (Art. 16 DSGVO)", "Löschung (Art. 17 DSGVO)",
        "Einschränkung der Verarbeitung (Art. 18 DSGVO)", "Widerspruch (Art. 21 DSGVO)",
        "Beschwerde (Art. 77 DSGVO)",
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
        "LDI NRW", "Automatisierte Entscheidungen",
    ):
        assert expected in export_text, expected


def test_every_letter_sent_is_named_as_a_recipient(export_text):
    assert "Schreiben an Jobcenter Kreis Steinfurt vom 12.03.2026" in export_text


def test_pdf_has_every_section_with_german_titles(export_text):
    for title in ("Angaben zur Person", "Falldaten", "Zielbereiche", "Kontakte und Gesprächsnotizen",
                  "Verweise", "Einwilligungen", "Hemmnisse", "Dokumente",
                  "Versandte Schreiben (Empfänger)", "Protokoll der Zugriffe"):
        assert title in export_text, title
    assert "Zugang zu Bildung, Ausbildung und Arbeit eröffnen" in export_text  # goal-area code



def test_values_are_readable_in_their_rows(export):
    found = all_lines(render_subject_export_pdf(export))
    assert right_of(found, "Geburtsdatum") == "07.05.2001"
    assert right_of(found, "Fallart") == "Case Management"
    assert right_of(found, "Phase") == "Durchführung"
    assert right_of(found, "Eröffnet am") == "15.01.2026"


def test_pdf_prints_user_text_literally_and_the_arabic_name(export):
    pdf = render_subject_export_pdf(export)
    text = pdf_text(pdf)
    assert text.count(samples.ESCAPE_PROBE) == len(export.data["contacts"])
    assert samples.ARABIC_NAME in rtl_reading(text)


def test_unknown_sections_and_fields_are_printed_too():
    base = samples.subject_export()
    data = dict(base.data)
    data["sync_conflicts"] = [{"field": "phone", "mine": "0171 1", "theirs": "0171 2"}]
    data["person"] = {**data["person"], "shoe_size": 43}
    export = base.__class__(**{**base.__dict__, "data": data})
    pdf = render_subject_export_pdf(export)
    text = " ".join(pdf_text(pdf).split())
    assert "Sync conflicts" in text and "0171 2" in text
    assert right_of(all_lines(pdf), "Shoe size") == "43"


def test_empty_sections_say_so():
    base = samples.subject_export()
    export = base.__class__(**{**base.__dict__, "data": {"person": {}, "barriers": []}})
    text = pdf_text(render_subject_export_pdf(export))
    assert text.count("Keine Einträge.") == 2


def test_json_is_utf8_with_all_data_and_statements(export):
    raw = subject_export_json(export)
    assert samples.ARABIC_NAME.encode("utf-8") in raw  # not \\u escapes
    document = json.loads(raw.decode("utf-8"))
    assert document["format"] == EXPORT_FORMAT
    assert document["subject"] == {"name": "Mohammad Rezaei", "reference": "2026-0042"}
    assert document["generated_on"] == "2026-04-21"
    assert document["data"]["person"]["name_original"] == samples.ARABIC_NAME
    assert document["data"]["contacts"][0]["note"].endswith(samples.ESCAPE_PROBE)
    statements = document["statements"]
    for key in ("controller", "purposes", "categories", "recipients", "storage_period",
                "sources", "supervisory_authority"):
        assert statements[key], key
    assert "LDI NRW" in statements["supervisory_authority"]


def test_json_writes_dates_and_refuses_what_it_cannot_write():
    base = samples.subject_export()
    dated = base.__class__(**{**base.__dict__, "data": {"case": {"opened": date(2026, 1, 15)}}})
    assert json.loads(subject_export_json(dated))["data"]["case"]["opened"] == "2026-01-15"
    odd = base.__class__(**{**base.__dict__, "data": {"case": {"blob": object()}}})
    with pytest.raises(TypeError, match="object"):
        subject_export_json(odd)


def test_a_long_history_runs_to_several_numbered_pages():
    pdf = render_subject_export_pdf(samples.subject_export(contacts=80))
    pages = page_count(pdf)
    assert pages >= 5
    assert f"Seite {pages} von {pages}" in pdf_text(pdf)
