"""The editable letter templates: every domain has one, placeholders fill safely."""

from __future__ import annotations

from datetime import date

import pytest

from app.documents import samples
from app.documents.letter_templates import (
    PLACEHOLDERS,
    fill_placeholders,
    load_templates,
    parse_template,
    template_for_domain,
)
from app.documents.referral_letter import render_referral_letter
from app.errors import NotFoundError, ValidationError
from app.models.codes import LegalDomain
from tests.unit.pdf_inspect import pdf_text

DOMAINS = [domain.value for domain in LegalDomain]  # every domain an agency can have

VALUES = {
    "name": "Mohammad Rezaei",
    "birth_date": date(2001, 5, 7),
    "nationality": ["Afghanistan"],
    "residence_status": "Aufenthaltserlaubnis (§ 25a AufenthG)",
    "reference": "2026-0042",
    "goal_summary": "Herr Rezaei sucht einen Ausbildungsplatz.",
    "agency": "Jobcenter Kreis Steinfurt",
    "case_manager": "Lena Schulte",
    "organisation": "Kreis Steinfurt",
    "today": date(2026, 3, 12),
}


def test_every_shipped_template_loads_and_uses_only_known_placeholders():
    templates = load_templates()
    assert len(templates) >= 8
    for template in templates.values():
        assert template.legal_domains, template.key
        assert template.body, template.key
        assert "betreff" not in template.subject.lower()
        assert not template.subject.endswith(".")
        unknown = template.placeholders() - set(PLACEHOLDERS)
        assert not unknown, (template.key, unknown)


@pytest.mark.parametrize("domain", DOMAINS)
def test_each_legal_domain_has_a_template(domain):
    assert template_for_domain(domain).body


def test_unknown_domain_is_a_clear_error():
    with pytest.raises(NotFoundError, match="Steuerrecht"):
        template_for_domain("Steuerrecht")


def test_filled_template_prints_as_a_letter():
    filled = template_for_domain("SGB II").fill(VALUES)
    assert "Mohammad Rezaei" in filled.subject and "07.05.2001" in filled.subject
    assert not any("{" in p for p in filled.body)
    pdf = render_referral_letter(samples.letter(
        subject=filled.subject, salutation=filled.salutation, body=filled.body,
        closing=filled.closing))
    text = " ".join(pdf_text(pdf).split())
    assert "Herr Rezaei sucht einen Ausbildungsplatz." in text
    assert "Staatsangehörigkeit Afghanistan" in text


def test_missing_and_unknown_placeholders_stay_visible():
    assert fill_placeholders("{name} / {goal_summary} / {nope}", {"name": "A", "goal_summary": None}) \
        == "A / {goal_summary} / {nope}"


def test_no_attribute_or_index_access_and_no_format_specs():
    values = {"name": "Ali"}
    text = "{name.__class__} {name[0]} {name!r} {name:>10} {name}"
    assert fill_placeholders(text, values) == "{name.__class__} {name[0]} {name!r} {name:>10} Ali"


def test_values_are_not_parsed_again():
    assert fill_placeholders("{name}", {"name": "{goal_summary} <b>&"}) == "{goal_summary} <b>&"


def test_doubled_braces_print_single():
    assert fill_placeholders("{{Vorlage}} {name}", {"name": "A"}) == "{Vorlage} A"


def test_broken_templates_are_refused_with_the_reason():
    with pytest.raises(ValidationError, match="---"):
        parse_template("betreff: X\nText", "kaputt")
    with pytest.raises(ValidationError, match="unknown header"):
        parse_template("farbe: rot\nbetreff: X\n---\nText", "kaputt")
    with pytest.raises(ValidationError, match="brace"):
        parse_template("betreff: X\n---\nText {name", "kaputt")
    with pytest.raises(ValidationError, match="subject"):
        parse_template("titel: X\n---\nText", "kaputt")


def test_an_organisation_folder_of_its_own(tmp_path):
    (tmp_path / "eigene.txt").write_text(
        "# Kommentar\ntitel: Eigene\nrechtskreise: SGB II\nbetreff: Für {name}\n---\n"
        "Absatz eins\nläuft weiter.\n\nAbsatz zwei.\n", encoding="utf-8")
    template = template_for_domain("sgb ii", tmp_path)
    assert template.title == "Eigene"
    assert template.body == ("Absatz eins läuft weiter.", "Absatz zwei.")
    assert template.salutation == "Sehr geehrte Damen und Herren,"
    (tmp_path / "latin1.txt").write_bytes("betreff: Gr\xfc\xdfe\n---\nText".encode("latin-1"))
    with pytest.raises(ValidationError, match="UTF-8"):
        load_templates(tmp_path)
