"""The referral letter read back from the PDF: DIN 5008 form B, text, fonts."""

from __future__ import annotations

import re
import unicodedata

import pytest

from app.documents import din5008 as din
from app.documents import samples
from app.documents.data import Recipient
from app.documents.referral_letter import normalise_subject, render_referral_letter
from app.errors import ValidationError
from tests.unit.pdf_inspect import (
    chars,
    find_line,
    font_descriptors,
    lines,
    normalised_text,
    page_count,
    page_texts,
    pdf_text,
    rtl_reading,
)

TOLERANCE_MM = 1.0


@pytest.fixture(scope="module")
def letter_pdf() -> bytes:
    return render_referral_letter(samples.letter())


@pytest.fixture(scope="module")
def page_one(letter_pdf) -> list:
    return lines(letter_pdf, 0)


def test_it_is_a_pdf_of_one_page(letter_pdf):
    assert letter_pdf.startswith(b"%PDF-")
    assert page_count(letter_pdf) == 1


def test_user_markup_prints_literally():
    probe = samples.ESCAPE_PROBE
    pdf = render_referral_letter(samples.letter(
        subject=f"Verweisung {probe}",
        recipient=Recipient(name=probe, address_lines=("Weg 1", "48431 Rheine")),
        body=(f"Firma {probe} bittet um Rückruf.",),
        signer=probe,
    ))
    text = pdf_text(pdf)
    assert text.count(probe) == 4  # subject, address field, body, signature


def test_date_is_din_5008_numeric(letter_pdf, page_one):
    date_line = find_line(page_one, "12.03.2026")
    assert abs(date_line.left_mm - 150) < TOLERANCE_MM  # the value column of the block
    assert not re.search(r"\d{4}-\d{2}-\d{2}", pdf_text(letter_pdf))


def test_subject_has_no_label_and_no_full_stop(letter_pdf, page_one):
    assert "Betreff" not in pdf_text(letter_pdf)
    subject = find_line(page_one, "Verweisung von Herrn Mohammad Rezaei an das Jobcenter")
    assert not subject.text.endswith(".")
    assert subject.left_mm == pytest.approx(din.TEXT_LEFT_MM, abs=TOLERANCE_MM)
    assert subject.top_mm > din.ADDRESS_TOP_MM + din.ADDRESS_HEIGHT_MM


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Betreff: Verweisung.", "Verweisung"),
        ("betreff Antrag auf Hilfe...", "Antrag auf Hilfe"),
        ("  Termin   am 01.02.2026 . ", "Termin am 01.02.2026"),
    ],
)
def test_subject_is_normalised(written, printed):
    assert normalise_subject(written) == printed


def test_empty_subject_is_refused():
    with pytest.raises(ValidationError):
        normalise_subject(" Betreff: . ")


def test_subject_is_bold(letter_pdf):
    fonts_of_v = {c.fontname for c in chars(letter_pdf) if c.get_text() == "V" and c.size > 10}
    assert any("Bold" in name for name in fonts_of_v)


def test_confidential_endorsement_in_its_zone(page_one):
    line = find_line(page_one, "Vertraulich")
    zone_top = din.ADDRESS_TOP_MM + din.RETURN_ZONE_MM
    assert zone_top - TOLERANCE_MM <= line.top_mm
    assert line.bottom_mm <= zone_top + din.ENDORSEMENT_ZONE_MM + TOLERANCE_MM


def test_return_address_line_in_the_top_five_millimetres(page_one):
    line = find_line(page_one, "Kommunales Integrationszentrum · Tecklenburger Straße 10")
    assert line.top_mm >= din.ADDRESS_TOP_MM - TOLERANCE_MM
    assert line.bottom_mm <= din.ADDRESS_TOP_MM + din.RETURN_ZONE_MM + TOLERANCE_MM
    assert line.left_mm == pytest.approx(din.ADDRESS_LEFT_MM + 5, abs=TOLERANCE_MM)


def test_recipient_block_lies_inside_the_address_field(page_one):
    recipient = ["Jobcenter Kreis Steinfurt", "Markt und Integration U25", "Frau Anna Müller",
                 "Bahnhofstraße 14", "48431 Rheine"]
    found = [find_line(page_one, text) for text in recipient]
    zone_top = din.ADDRESS_TOP_MM + din.RETURN_ZONE_MM + din.ENDORSEMENT_ZONE_MM
    field_bottom = din.ADDRESS_TOP_MM + din.ADDRESS_HEIGHT_MM
    field_right = din.ADDRESS_LEFT_MM + din.ADDRESS_WIDTH_MM
    for line in found:
        assert line.left_mm == pytest.approx(25.0, abs=TOLERANCE_MM)  # 20 mm + 5 mm inset
        assert line.right_mm <= field_right
        assert zone_top - 0.5 <= line.top_mm and line.bottom_mm <= field_bottom
    # The first line starts at the top of the recipient zone, in order below it.
    assert found[0].top_mm == pytest.approx(zone_top + 1.0, abs=TOLERANCE_MM)
    assert [line.top_mm for line in found] == sorted(line.top_mm for line in found)


def test_information_block_at_125_mm_from_50_mm(page_one):
    labels = ["Unser Zeichen", "Ansprechperson", "Telefon", "E-Mail", "Datum"]
    found = [find_line(page_one, text) for text in labels]
    for line in found:
        assert line.left_mm == pytest.approx(din.INFO_LEFT_MM, abs=TOLERANCE_MM)
    first_value = find_line(page_one, "2026-0042")
    assert first_value.top_mm == pytest.approx(din.INFO_TOP_MM, abs=TOLERANCE_MM)
    assert found[0].top_mm == pytest.approx(din.INFO_TOP_MM, abs=TOLERANCE_MM)
    for value in ("Lena Schulte", "02551 69-2417"):
        assert find_line(page_one, value).right_mm <= din.INFO_RIGHT_MM


def test_long_email_stays_inside_the_right_margin():
    pdf = render_referral_letter(samples.letter(
        email="integrationsmanagement.fachbereich-soziales@kreisverwaltung-steinfurt.example"))
    for line in lines(pdf, 0):
        assert line.right_mm <= 210 - din.TEXT_RIGHT_MM + 0.5, line


def test_body_text_within_the_margins_and_at_least_10_pt(letter_pdf, page_one):
    body = find_line(page_one, "Sehr geehrte Frau Müller,")
    assert body.left_mm == pytest.approx(din.TEXT_LEFT_MM, abs=TOLERANCE_MM)
    for line in page_one:
        if line.top_mm > 95:
            assert line.left_mm >= din.TEXT_LEFT_MM - 0.5
            assert line.right_mm <= 210 - din.TEXT_RIGHT_MM + 0.5
    body_top = 842 - 95 * 72 / 25.4
    footer_top = 25 * 72 / 25.4
    body_sizes = {round(c.size, 1) for c in chars(letter_pdf) if footer_top < c.y1 < body_top}
    assert body_sizes and min(body_sizes) >= 10


def test_consent_paragraph_names_date_and_scope(letter_pdf):
    text = " ".join(pdf_text(letter_pdf).split())
    assert "Einwilligung" in text
    assert "vom 03.02.2026" in text
    assert "dem Jobcenter Kreis Steinfurt" in text
    assert "Personalien, Aufenthaltsstatus, Schul- und Berufsbildung" in text
    assert "gilt bis zum 02.02.2027" in text


def test_closing_signer_and_enclosures(letter_pdf):
    text = pdf_text(letter_pdf)
    for expected in ("Mit freundlichen Grüßen", "Lena Schulte", "Case Management KIM",
                     "Anlagen", "Einwilligungserklärung vom 03.02.2026", "Lebenslauf"):
        assert expected in text


def test_fonts_are_embedded_truetype_subsets(letter_pdf):
    fonts = font_descriptors(letter_pdf)
    assert fonts, "no fonts found"
    for name, descriptor in fonts.items():
        assert "FontFile2" in descriptor, f"{name} is not embedded"
        assert re.match(r"[A-Z]{6}\+", name), f"{name} is not a subset"
    names = " ".join(fonts)
    assert "NotoSans-Regular" in names and "NotoSans-Bold" in names
    assert "NotoSansArabic" in names  # the Arabic name in the body


def test_arabic_name_is_in_the_pdf_shaped_and_right_to_left(letter_pdf):
    text = pdf_text(letter_pdf)
    assert any(0xFE70 <= ord(ch) <= 0xFEFF or 0xFB50 <= ord(ch) <= 0xFDFF for ch in text)
    assert samples.ARABIC_NAME[::-1] in unicodedata.normalize("NFKC", text)
    assert samples.ARABIC_NAME[::-1] in normalised_text(letter_pdf)
    assert samples.ARABIC_NAME in rtl_reading(text)


def test_follow_up_pages_are_numbered_and_have_no_address_field():
    pdf = render_referral_letter(samples.long_letter())
    pages = page_texts(pdf)
    assert len(pages) == 3
    assert "Seite" not in pages[0]
    assert "Seite 2 von 3" in pages[1] and "Seite 3 von 3" in pages[2]
    for later in (1, 2):
        page_lines = lines(pdf, later)
        assert "Vertraulich" not in pages[later]
        assert "Jobcenter Kreis Steinfurt" not in [x.text for x in page_lines]
        header = find_line(page_lines, "Unser Zeichen 2026-0042")
        assert header.top_mm < 25
        first_text = min((x for x in page_lines if x.top_mm > 25), key=lambda x: x.top_mm)
        assert first_text.top_mm < din.ADDRESS_TOP_MM  # text starts high: no address field
    # The signature block stays together on the last page.
    assert "Mit freundlichen Grüßen" in pages[2] and "Case Management KIM" in pages[2]


def test_too_many_address_lines_are_refused_with_a_clear_message():
    recipient = Recipient(name="Amt", department="Abteilung", contact_person="Frau A",
                          address_lines=("Zeile 1", "Zeile 2", "Zeile 3", "48431 Rheine"))
    with pytest.raises(ValidationError, match="6"):
        render_referral_letter(samples.letter(recipient=recipient))


def test_letter_without_consent_prints_no_consent_paragraph():
    pdf = render_referral_letter(samples.letter(consent=None))
    assert "stützt sich auf" not in pdf_text(pdf)


def test_logo_is_drawn_when_given(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), (30, 70, 120)).save(logo)
    org = samples.ORGANISATION.__class__(**{**samples.ORGANISATION.__dict__, "logo_path": logo})
    pdf = render_referral_letter(samples.letter(sender=org))
    assert b"/Subtype /Image" in pdf
    missing = org.__class__(**{**org.__dict__, "logo_path": tmp_path / "missing.png"})
    with pytest.raises(ValidationError, match="logo"):
        render_referral_letter(samples.letter(sender=missing))


def test_cyrillic_and_arabic_in_the_address_field_and_body():
    recipient = Recipient(name="Олена Коваленко", department="مركز الاستشارات",
                          address_lines=("Weg 1", "48431 Rheine"))
    pdf = render_referral_letter(samples.letter(
        recipient=recipient, body=("Frau Олена Коваленко (Україна) kommt am Montag.",)))
    text = pdf_text(pdf)
    assert "Олена Коваленко" in text and "(Україна)" in text
    assert "مركز الاستشارات" in rtl_reading(text)
    department = find_line(lines(pdf, 0), "Олена Коваленко")
    assert department.left_mm == pytest.approx(25.0, abs=TOLERANCE_MM)
