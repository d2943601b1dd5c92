"""The text layer: escaping, right-to-left order, shaping, font runs, dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from reportlab.platypus import Paragraph

from app.documents import fonts
from app.documents.styles import styles
from app.documents.text import (
    BidiParagraph,
    base_direction,
    escape,
    font_runs,
    format_date,
    markup,
    paragraph,
    visual_text,
)


def test_escape_turns_markup_into_entities():
    assert escape("<b>Ali & Söhne</b>") == "&lt;b&gt;Ali &amp; Söhne&lt;/b&gt;"


def test_escape_drops_control_characters_a_pdf_cannot_show():
    assert escape("a\x00b\x07c\x1bd") == "abcd"
    assert escape(None) == ""


def test_markup_keeps_line_breaks_and_escapes_each_line():
    assert markup("1 < 2\n3 & 4") == "1 &lt; 2<br/>3 &amp; 4"


def test_german_text_is_left_unchanged():
    assert visual_text("Müller-Lüdenscheidt § 25a") == "Müller-Lüdenscheidt § 25a"


def test_arabic_is_shaped_and_reversed():
    logical = "محمد"
    visual = visual_text(logical)
    # Joined (contextual) forms from the presentation-form blocks …
    assert all(0xFB50 <= ord(ch) <= 0xFEFF for ch in visual)
    # … drawn right to left: folded back to letters it is the word reversed.
    assert unicodedata.normalize("NFKC", visual) == logical[::-1]


def test_persian_letters_and_zero_width_non_joiner_are_handled():
    visual = visual_text("توافق‌نامه گام")
    assert "\u200c" not in visual  # the joiner did its work and is gone
    assert unicodedata.normalize("NFKC", "گ") in unicodedata.normalize("NFKC", visual)
    for ch in visual.replace(" ", ""):
        assert fonts.has_glyph(fonts.ARABIC, ch), f"no glyph for U+{ord(ch):04X}"


def test_a_reference_keeps_its_order_after_an_arabic_label():
    # Without isolation the bidi algorithm shows "0042-2026" here.
    visual = visual_text("رقم الملف 2026-0042")
    assert "2026-0042" in visual
    assert visual.index("2026-0042") < len(visual) // 2  # on the left: read last


def test_arabic_name_inside_a_german_sentence_keeps_the_sentence_order():
    visual = visual_text("Herr Mohammad (محمد) kommt")
    assert visual.startswith("Herr Mohammad (")
    assert visual.endswith(") kommt")


def test_base_direction_follows_the_first_strong_character():
    assert base_direction("محمد Rezaei") == "rtl"
    assert base_direction("2026 Rezaei محمد") == "ltr"
    assert base_direction("2026") == "ltr"


def test_font_runs_switch_to_the_arabic_font_only_for_arabic():
    runs = list(font_runs(visual_text("Herr محمد Rezaei"), fonts.SANS))
    assert [font for font, _ in runs] == [fonts.SANS, fonts.ARABIC, fonts.SANS]
    bold = list(font_runs(visual_text("محمد"), fonts.SANS_BOLD))
    assert bold[0][0] == fonts.ARABIC_BOLD


def test_paragraph_chooses_the_bidi_path_only_when_needed():
    st = styles()["body"]
    assert type(paragraph("Guten Tag", st)) is Paragraph
    assert isinstance(paragraph("سلام", st), BidiParagraph)


def test_bidi_paragraph_breaks_lines_before_reordering_them():
    # Reordering a whole paragraph first would put its last words on top.
    text = " ".join(["بداية", *["كلمة"] * 40, "نهاية"])
    flowable = paragraph(text, styles()["body"], "rtl")
    flowable.wrap(200, 1000)
    visual_lines = [re.sub(r"<[^>]+>", "", line)
                    for line in flowable._inner.text.split("<br/>")]
    assert len(visual_lines) >= 3
    first = unicodedata.normalize("NFKC", visual_lines[0])
    last = unicodedata.normalize("NFKC", visual_lines[-1])
    assert "بداية"[::-1] in first and "نهاية"[::-1] in last
    assert first.rstrip().endswith("بداية"[::-1])  # the first word stands at the right


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 3, 1), "01.03.2026"),
        ("2001-05-07", "07.05.2001"),
        ("2001-05", "05.2001"),
        ("2001", "2001"),
        ("2026-01-15T10:30:00", "15.01.2026"),
        (None, ""),
        ("unbekannt", "unbekannt"),
    ],
)
def test_format_date_is_din_5008_numeric(value, expected):
    assert format_date(value) == expected


def test_brackets_in_right_to_left_lines_face_their_content():
    from app.documents.text import isolate, visual_text

    # Drawn left to right: the Latin part with its brackets the right way round at the left end.
    assert visual_text("اتفاقية خطوة بخطوة (Zug-um-Zug)", "rtl").startswith("(Zug-um-Zug) ")
    # Arabic inside: the bracket on the right (read first) closes toward the left.
    shaped = visual_text("اب (جد) هو", "rtl")
    assert shaped.index(")") > shaped.index("(")
    # An isolated Latin value keeps its own brackets.
    assert visual_text("توقيع " + isolate("(Lena Schulte)"), "rtl").startswith("(Lena Schulte) ")


def test_brackets_inside_an_isolated_latin_value_keep_their_glyphs():
    from app.documents.text import isolate, visual_text

    # A German proof or a name in an Arabic line is isolated left to right: its brackets
    # resolve against the isolate, even with digits or Arabic letters before them.
    assert visual_text("الإثبات: " + isolate("Vertrag (2026)"), "rtl").startswith("Vertrag (2026) ")
    assert visual_text("الإثبات: " + isolate("Vertrag (5)"), "rtl").startswith("Vertrag (5) ")
    salutation = visual_text("مرحبًا " + isolate("Ali محمد حسینی (Hosseini)") + "،", "rtl")
    assert "(Hosseini)" in salutation and ")Hosseini(" not in salutation
    # An isolated Arabic value with a Latin part in brackets still reads right to left.
    assert visual_text("الاسم: " + isolate("حسینی (Ali)"), "rtl").startswith("(Ali) ")
