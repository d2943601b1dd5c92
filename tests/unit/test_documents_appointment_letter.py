"""The appointment letter read back: German, Ukrainian, Arabic; DIN positions; escaping."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest

from app.documents import samples
from app.documents.appointment_letter import render_appointment_letter
from app.documents.labels import labels_for
from tests.unit.pdf_inspect import find_line, lines, page_count, pdf_text, rtl_reading


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_german_letter_says_who_when_where_what_to_bring_and_how_to_cancel():
    pdf = render_appointment_letter(samples.appointment_letter(), "de")
    text = _flat(pdf)
    for expected in ("Einladung zu einem Termin", "Guten Tag Mohammad Rezaei,", "Dienstag, 14.04.2026",
                     "10:30 Uhr", "Raum 2.14", "Lena Schulte", "Bitte bringen Sie mit",
                     "Ihren Pass oder ein anderes Ausweisdokument", "spätestens einen Tag vorher",
                     "02551 69-2233", "l.schulte@kreis-steinfurt.de", "Mit freundlichen Grüßen"):
        assert expected in text, expected
    assert page_count(pdf) == 1
    page = lines(pdf, 0)
    # DIN 5008 form B: the person's address in the address field, the information block at 125 mm.
    address = find_line(page, "Dutumer Straße 5")
    assert 45 < address.top_mm < 90 and 20 <= address.left_mm < 30
    assert find_line(page, "Aktenzeichen").left_mm == pytest.approx(125, abs=0.6)


def test_ukrainian_letter_is_in_ukrainian_with_the_german_subject_below():
    text = _flat(render_appointment_letter(samples.appointment_letter(), "uk"))
    uk = labels_for("uk")
    assert uk["appointment_subject"] in text and "Einladung zu einem Termin" in text
    assert "вівторок, 14.04.2026" in text
    assert uk["bring_passport"] in text and uk["appointment_cancel"].split(",")[0] in text
    assert "Guten Tag" not in text


def test_arabic_letter_is_shaped_and_right_to_left_with_the_arabic_name_literal():
    letter = samples.appointment_letter(recipient_name="أمينة حداد")
    raw = pdf_text(render_appointment_letter(letter, "ar"))
    assert sum(0xFB50 <= ord(ch) <= 0xFEFC for ch in raw) > 100  # joined letter forms
    reading = rtl_reading(raw)
    ar = labels_for("ar")
    for key in ("appointment_subject", "appointment_bring", "appointment_free"):
        assert ar[key] in reading, key
    assert "أمينة حداد" in unicodedata.normalize("NFKC", reading)


def test_user_text_prints_literally():
    letter = samples.appointment_letter(recipient_name=samples.ESCAPE_PROBE,
                                        place_lines=(samples.ESCAPE_PROBE,), bring=(samples.ESCAPE_PROBE,))
    text = pdf_text(render_appointment_letter(letter, "tr"))
    assert text.count(samples.ESCAPE_PROBE) >= 4  # address field, salutation, place, what to bring


@pytest.mark.parametrize("lang", ["de", "en", "ar", "fa", "uk", "tr", "fr"])
def test_every_language_renders_one_page_with_its_time_format(lang):
    letter = samples.appointment_letter(starts_at=datetime(2026, 4, 14, 9, 5))
    pdf = render_appointment_letter(letter, lang)
    assert page_count(pdf) == 1
    assert "09:05" in pdf_text(pdf)
