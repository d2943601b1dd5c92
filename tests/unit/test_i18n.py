"""gettext: catalogs when present, English source text otherwise, German by default."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from app import i18n
from app.settings import Settings


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.install("en")


@pytest.fixture
def no_override(monkeypatch):
    """Without LOTSE_LANG (tests/conftest.py sets it to English for every test)."""
    monkeypatch.delenv("LOTSE_LANG", raising=False)


def make_catalog(root, language: str, messages: dict[str, str | tuple[str, str]]) -> None:
    catalog = Catalog(locale=language, domain=i18n.DOMAIN)
    for source, translation in messages.items():
        catalog.add(source, translation)
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / f"{i18n.DOMAIN}.mo", "wb") as handle:
        write_mo(handle, catalog)


def test_a_catalog_translates_and_plural_forms_follow_the_count(tmp_path):
    make_catalog(tmp_path, "de", {
        "Lock": "Sperren",
        ("{n} idle minute", "{n} idle minutes"): ("{n} Minute Leerlauf", "{n} Minuten Leerlauf"),
    })
    assert i18n.install("de", localedir=tmp_path) == "de"
    assert i18n._("Lock") == "Sperren"
    assert i18n.ngettext("{n} idle minute", "{n} idle minutes", 1) == "{n} Minute Leerlauf"
    assert i18n.ngettext("{n} idle minute", "{n} idle minutes", 5) == "{n} Minuten Leerlauf"
    assert i18n._("Not in the catalog") == "Not in the catalog"


def test_without_a_catalog_the_english_source_is_shown(tmp_path):
    assert i18n.install("de", localedir=tmp_path) == "de"
    assert i18n._("Lock") == "Lock"
    assert i18n.ngettext("one case", "{n} cases", 2) == "{n} cases"


def test_the_setting_wins_over_the_system_locale(monkeypatch, no_override):
    monkeypatch.setenv("LANGUAGE", "en_GB.UTF-8")
    assert i18n.preferred_language() == "en"
    Settings().set("ui/language", "de")
    assert i18n.preferred_language() == "de"


@pytest.mark.parametrize(("system", "expected"), [
    ("de_DE.UTF-8", "de"), ("en_US.UTF-8", "en"), ("fr_FR.UTF-8", "de"), ("C", "de"), ("C.UTF-8", "de"),
])
def test_the_system_locale_is_used_when_lotse_speaks_it_else_german(monkeypatch, no_override, system, expected):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", system)
    assert i18n.preferred_language() == expected


def test_lotse_lang_wins_over_the_setting_and_the_locale(monkeypatch):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    Settings().set("ui/language", "de")
    monkeypatch.setenv("LOTSE_LANG", "en")
    assert i18n.preferred_language() == "en"
    monkeypatch.setenv("LOTSE_LANG", "xx")  # a language Lotse does not speak: ignored
    assert i18n.preferred_language() == "de"


def test_an_empty_message_is_not_the_catalog_header(tmp_path):
    make_catalog(tmp_path, "de", {"Cases": "Fälle"})
    i18n.install("de", localedir=tmp_path)
    assert i18n._("") == ""


def test_n_marks_without_translating(tmp_path):
    make_catalog(tmp_path, "de", {"Cases": "Fälle"})
    i18n.install("de", localedir=tmp_path)
    assert i18n.N_("Cases") == "Cases"
    assert i18n._(i18n.N_("Cases")) == "Fälle"
