"""The consent form (Einwilligung / Schweigepflichtentbindung) read back."""

from __future__ import annotations

from datetime import date

from app.documents import samples
from app.documents.consent_form import consent_form_languages, render_consent_form
from app.documents.data import DataCategory
from tests.unit.pdf_inspect import page_count, pdf_text


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_form_names_person_recipients_categories_purpose_and_validity():
    pdf = render_consent_form(samples.consent_form())
    text = _flat(pdf)
    for expected in ("Einwilligung und Schweigepflichtentbindung", "Mohammad Rezaei",
                     "geboren am 07.05.2001", "Jobcenter Kreis Steinfurt",
                     "Ausländerbehörde Kreis Steinfurt", "Gesundheitsamt Kreis Steinfurt",
                     "Personalien und Kontaktdaten", "Gesundheit, auch psychische Gesundheit",
                     "Abstimmung der Hilfen", "gilt bis zum 02.02.2027",
                     "jederzeit", "widerrufen", "Art. 7 Abs. 3 DSGVO",
                     "Unterschrift der betroffenen Person", "Lena Schulte"):
        assert expected in text, expected
    assert page_count(pdf) == 1


def test_health_data_is_flagged_as_art_9_and_only_there():
    text = _flat(render_consent_form(samples.consent_form()))
    assert text.count("Art. 9 DSGVO") == 1
    plain = samples.consent_form(categories=(DataCategory("Personalien"),))
    assert "Art. 9" not in _flat(render_consent_form(plain))


def test_open_ended_validity_says_so():
    text = _flat(render_consent_form(samples.consent_form(valid_until=None)))
    assert "längstens bis zum Widerruf" in text


def test_partial_birth_date_and_escaping():
    form = samples.consent_form(person_name=samples.ESCAPE_PROBE, person_birth_date="2001",
                                purpose=samples.ESCAPE_PROBE)
    text = pdf_text(render_consent_form(form))
    assert text.count(samples.ESCAPE_PROBE) == 2
    assert "geboren am 2001" in " ".join(text.split())


def test_english_form_and_fallback_to_german():
    assert {"de", "en"} <= set(consent_form_languages())
    english = _flat(render_consent_form(samples.consent_form(), "en"))
    assert "Consent and release from confidentiality" in english
    assert "valid until 02.02.2027" in english
    assert "Aktenzeichen / Reference 2026-0042" in english
    assert "the German version is the binding one" in english
    # Legally effective in German: the German text stands beside the translation.
    assert "Einwilligung und Schweigepflichtentbindung" in english
    assert "Art. 7 Abs. 3 DSGVO" in english and "Art. 7 (3) GDPR" in english
    unknown = _flat(render_consent_form(samples.consent_form(), "xx"))
    assert "Einwilligung und Schweigepflichtentbindung" in unknown
    assert "Consent and release" not in unknown


def test_dates_are_printed_din_style():
    form = samples.consent_form(valid_until=date(2027, 12, 31))
    assert "31.12.2027" in pdf_text(render_consent_form(form))


def test_category_codes_map_to_german_labels_and_art_9_flags():
    from app.models.codes import SPECIAL_CATEGORIES
    from app.models.codes import DataCategory as Code

    for code in Code:
        category = DataCategory.from_code(code.value)
        assert category.label and category.label != code.value
        assert category.special == (code.value in SPECIAL_CATEGORIES)
    assert DataCategory.from_code("health").special
