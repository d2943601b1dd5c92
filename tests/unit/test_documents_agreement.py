"""The Zug-um-Zug agreement PDF in German and in right-to-left languages."""

from __future__ import annotations

import unicodedata

import pytest

from app.documents import samples
from app.documents.agreement import render_agreement
from app.documents.labels import DOCUMENT_LANGUAGES, labels_for
from tests.unit.pdf_inspect import (
    find_line,
    font_descriptors,
    lines,
    page_texts,
    pdf_text,
    rtl_reading,
)


@pytest.fixture(scope="module")
def german_pdf() -> bytes:
    return render_agreement(samples.agreement(), "de")


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_german_agreement_has_parties_steps_and_signatures(german_pdf):
    text = _flat(german_pdf)
    for expected in ("Zug-um-Zug-Vereinbarung", "Aktenzeichen 2026-0042", "Datum 12.03.2026",
                     "Mohammad Rezaei", "Herr Jens Becker", "Ausländerbehörde Kreis Steinfurt",
                     "Lena Schulte", "Schritte der Person", "Schritte der Ausländerbehörde",
                     "Unterschrift der Person", "Unterschrift der Ausländerbehörde",
                     "Unterschrift Case Management", "Ort, Datum: Steinfurt,"):
        assert expected in text, expected
    for step in samples.STEPS:
        assert " ".join(step.action.split()) in text
    assert "fällig bis 15.04.2026" in text and "erledigt am 02.04.2026" in text
    assert "Nachweis: Quittung der Botschaft" in text
    assert "erfüllt" in text and "offen" in text


def test_steps_stand_in_order_in_their_party_columns(german_pdf):
    positions = []
    for page in range(len(page_texts(german_pdf))):
        page_lines = lines(german_pdf, page)
        for number, step in enumerate(samples.STEPS):
            first_words = " ".join(step.action.split()[:3])
            matches = [x for x in page_lines if x.text.startswith(first_words)]
            if matches:
                positions.append((page, matches[0].top_mm, number, step.party,
                                  matches[0].left_mm))
    assert [p[2] for p in sorted(positions)] == list(range(len(samples.STEPS)))
    for _page, _top, _number, party, left in positions:
        if party == "authority":
            assert left > 105, "the authority's steps stand in the right column"
        else:
            assert left < 105, "the person's side is the left column"


def test_user_markup_in_steps_prints_literally():
    step = samples.STEPS[0].__class__("person", samples.ESCAPE_PROBE, proof=samples.ESCAPE_PROBE)
    pdf = render_agreement(samples.agreement(steps=(step,)), "de")
    assert pdf_text(pdf).count(samples.ESCAPE_PROBE) == 2


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_rtl_agreement_is_shaped_right_to_left_and_mirrored(lang):
    pdf = render_agreement(samples.agreement(), lang)
    labels = labels_for(lang)
    raw = pdf_text(pdf)
    text = unicodedata.normalize("NFKC", raw)
    # Joined forms (presentation forms), drawn right to left: read back from
    # the right, glyph by glyph, every label is there as written.
    assert sum(0xFB50 <= ord(ch) <= 0xFEFC for ch in raw) > 100
    reading = rtl_reading(raw)
    for key in ("agreement_title", "steps_person", "steps_authority", "sign_person",
                "translation_note"):
        # (the Latin "(Zug-um-Zug)" in the title reads reversed in this right-to-left reading)
        assert labels[key].split(" (")[0].replace("\u200c", "") in reading, key
    # The reference keeps its order next to an Arabic label.
    assert "2026-0042" in text
    # The person's column is on the right, the authority's on the left.
    page_lines = lines(pdf, 0)
    person_step = find_line(page_lines, "Identität klären")
    authority_step = find_line(page_lines, "Beschäftigungserlaubnis erteilen")
    assert person_step.left_mm > 105 > authority_step.right_mm
    # Right-aligned: the title ends at the right margin.
    title_word = labels["agreement_title"].split()[0].replace("\u200c", "")
    title = [x for x in page_lines
             if title_word[::-1] in unicodedata.normalize("NFKC", x.text).replace("\u200c", "")]
    assert title and title[0].right_mm == pytest.approx(190, abs=1.0)
    assert any("Arabic" in name for name in font_descriptors(pdf))


def test_every_label_glyph_exists_in_the_embedded_fonts():
    from app.documents import fonts
    from app.documents.text import font_runs, visual_text

    for lang in DOCUMENT_LANGUAGES:
        for key, value in labels_for(lang).items():
            for font, run in font_runs(visual_text(value), fonts.SANS):
                for ch in run:
                    assert fonts.has_glyph(font, ch), (lang, key, f"U+{ord(ch):04X}")


def test_unknown_language_prints_german():
    pdf = render_agreement(samples.agreement(), "xx")
    assert "Zug-um-Zug-Vereinbarung" in pdf_text(pdf)
    assert "Seite 1 von" in pdf_text(pdf)


def test_english_agreement_names_the_binding_german_version():
    text = _flat(render_agreement(samples.agreement(), "en"))
    assert "Step-by-step agreement" in text
    assert "the German version is the binding one" in text
    assert "Zug-um-Zug-Vereinbarung" in text
