"""The client-document catalogs (domain ``documents``) are complete in all seven languages.

Extraction runs afresh from app/documents/messages.py, so a text added there
without a translation in any of de, en, ar, fa, uk, tr, fr fails here; so does
a translation whose ``{placeholders}`` differ from the English source.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from app.documents.labels import DOCUMENT_LANGUAGES, labels_for
from app.documents.messages import MESSAGES
from tests.unit.test_catalogs import ROOT, load_script


@pytest.fixture(scope="module")
def script():
    return load_script()


@pytest.fixture(scope="module")
def template(script, tmp_path_factory) -> Path:
    return script.extract(tmp_path_factory.mktemp("pot") / "documents.pot", script.DOCUMENTS)


def test_the_documents_domain_ships_the_seven_languages(script):
    assert set(script.languages(script.DOCUMENTS)) >= {"de", "en", "ar", "fa", "uk", "tr", "fr"}
    assert set(DOCUMENT_LANGUAGES) == {"de", "en", "ar", "fa", "uk", "tr", "fr"}


def test_extraction_finds_every_document_text_and_nothing_of_the_interface(template):
    with open(template, "rb") as handle:
        from babel.messages.pofile import read_po

        ids = {message.id for message in read_po(handle) if message.id}
    assert ids == set(MESSAGES.values())
    assert "Overview" not in ids


@pytest.mark.parametrize("language", ["de", "en", "ar", "fa", "uk", "tr", "fr"])
def test_every_document_text_is_translated_with_the_same_placeholders(script, template, language):
    assert script.problems(template, language, domain=script.DOCUMENTS) == []


def test_the_check_fails_on_a_missing_and_a_broken_document_translation(script, template, tmp_path):
    catalog = Catalog(locale="uk", domain="documents")
    for key, source in MESSAGES.items():
        if key == "consent_title":
            continue  # missing
        catalog.add(source, "{datum}" if key == "consent_valid_until" else labels_for("uk")[key])
    po = tmp_path / "documents.po"
    with open(po, "wb") as handle:
        write_po(handle, catalog)
    found = script.problems(template, "uk", po, domain=script.DOCUMENTS)
    assert any("not in the catalog" in line and "Consent and release" in line for line in found)
    assert any("placeholders differ" in line and "{date}" in line for line in found)
    assert len(found) == 2


def test_a_document_renders_in_its_language_without_touching_the_interface_language():
    from app import i18n

    before = i18n.current_language()
    assert labels_for("uk")["consent_title"].startswith("Згода")
    assert labels_for("fr")["consent_title"].startswith("Consentement")
    assert labels_for("de")["consent_title"] == "Einwilligung und Schweigepflichtentbindung"
    assert i18n.current_language() == before
    # The interface's _() is not switched by a document language.
    assert i18n._("Cases") in ("Cases", "Fälle")


def test_unknown_languages_and_missing_texts_fall_back_to_german():
    assert labels_for("xx")["consent_title"] == "Einwilligung und Schweigepflichtentbindung"
    assert labels_for("uk_UA").lang == "uk"
    both = labels_for("ar").both("consent_purpose")
    assert "Zweck" in both and "الغرض" in both


@pytest.mark.parametrize("po", sorted((ROOT / "translations").glob("*/LC_MESSAGES/*.po")), ids=lambda p: p.parent.parent.name + "/" + p.name)
def test_gnu_msgfmt_accepts_every_catalog_with_nothing_untranslated_or_fuzzy(po):
    """What a translator's tools (Poedit runs msgfmt) say: no error, no fuzzy, no untranslated entry."""
    import shutil
    import subprocess

    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    result = subprocess.run(["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


# The GDPR's own term for "personal data" (all data about a person) in each document language.
GDPR_PERSONAL_DATA = {
    "de": "personenbezogene daten", "en": "personal data", "fr": "données personnelles",
    "uk": "персональні дані", "ar": "البيانات الشخصية", "fa": "داده‌های شخصی", "tr": "kişisel veri",
}


@pytest.mark.parametrize("language", DOCUMENT_LANGUAGES)
def test_no_consent_data_category_reads_as_all_personal_data(language):
    # A consent lists the categories it releases: "Personalien" (name, birth date, address)
    # printed as the GDPR's "personal data" would read as consent to pass on everything.
    labels = labels_for(language)
    for key in MESSAGES:
        if key.startswith("category_"):
            assert GDPR_PERSONAL_DATA[language] not in labels[key].lower(), (language, key, labels[key])
