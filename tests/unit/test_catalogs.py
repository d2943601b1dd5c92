"""The catalogs are complete: every message the code has is translated, placeholders intact.

Extraction runs afresh (scripts/i18n.py with babel.cfg), so a message added to
the code without a translation fails here, not in front of a user.
"""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from app import i18n
from app.i18n_extract import LABEL_ARGUMENTS, labels_in_source, unmarked_texts
from app.services import lookup, validation

ROOT = Path(__file__).resolve().parents[2]
LABEL_PARAMETERS = ("label", "earliest_label", "what")


def load_script():
    spec = importlib.util.spec_from_file_location("lotse_i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return load_script()


@pytest.fixture(scope="module")
def template(script, tmp_path_factory) -> Path:
    return script.extract(tmp_path_factory.mktemp("pot") / "lotse.pot")


def messages(template: Path) -> list:
    with open(template, "rb") as handle:
        return [message for message in read_po(handle) if message.id]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_message_is_translated_without_fuzzy_entries_or_broken_placeholders(script, template, language):
    assert script.problems(template, language) == []


def test_extraction_finds_the_interface_the_services_and_the_labels(template):
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in messages(template)}
    assert len(ids) > 500
    assert {"Overview", "The password is not correct.", "The {label} is missing.", "contact date"} <= ids
    assert "--from" not in ids  # report_commands.parse_date is not the validation cleaner


def test_placeholders_are_compared_by_name_spec_and_conversion(script):
    assert script.placeholders("{n} of {total:,} for {name!r}") == sorted(["{n}", "{name!r}", "{total:,}"])
    assert script.placeholders("%s and %(count)d, 100 %% done, 42 %") == ["%(count)d", "%s"]
    assert script.placeholders("a lone { brace") == []


def test_the_check_names_a_missing_a_fuzzy_and_a_broken_translation(script, tmp_path):
    source = Catalog(locale="de", domain=i18n.DOMAIN)
    for text in ("Cases", "Overview", "The case {ref} is closed.", "Lock"):
        source.add(text)
    source.add(("{n} case", "{n} cases"))
    template = tmp_path / "lotse.pot"
    with open(template, "wb") as handle:
        write_po(handle, source)
    catalog = Catalog(locale="de", domain=i18n.DOMAIN)
    catalog.add("Cases", "Fälle")
    catalog.add("Overview", "Übersicht", flags={"fuzzy"})
    catalog.add("The case {ref} is closed.", "Der Fall {aktenzeichen} ist abgeschlossen.")
    catalog.add(("{n} case", "{n} cases"), ("{n} Fall", "Fälle"))
    po = tmp_path / "de.po"
    with open(po, "wb") as handle:
        write_po(handle, catalog)

    found = script.problems(template, "de", po)
    assert any("fuzzy" in line and "Overview" in line for line in found)
    assert any("placeholders differ" in line and "{ref}" in line for line in found)
    assert any("placeholders differ" in line and "{n} case" in line for line in found)
    assert any("not in the catalog" in line and "Lock" in line for line in found)
    assert not any("'Cases'" in line for line in found)


def test_every_cleaner_label_parameter_is_known_to_the_extractor():
    """A new cleaner with a ``label`` must be listed, or its labels never reach the catalogs."""
    for module in (validation, lookup):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters)
            expected = tuple((index, p) for index, p in enumerate(parameters) if p in LABEL_PARAMETERS)
            if expected:
                assert LABEL_ARGUMENTS.get(name) == expected, name


def test_labels_are_found_in_cleaner_calls_only():
    source = '''
from app.services import validation as v
from app.services.lookup import get_row
from app.services.validation import not_before


def parse_date(text, option):
    return text


v.clean_text(x, "street", max_length=20)
v.clean_code(x, CODES, label="legal domain")
not_before(a, b, "end date", "start date")
get_row(session, Model, row_id, "agency")
v.past_date(x, some_variable)
parse_date(x, "--from")
other.clean_text(x, "not a cleaner")
'''
    found = [message for _line, _name, message, _comments in labels_in_source(source, "app.services.example")]
    assert sorted(found) == sorted(["street", "legal domain", "end date", "start date", "agency"])


def test_the_compiled_german_catalog_translates_interface_and_service_messages(tmp_path):
    with open(ROOT / "translations" / "de" / "LC_MESSAGES" / "lotse.po", "rb") as handle:
        catalog = read_po(handle)
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "lotse.mo", "wb") as handle:
        write_mo(handle, catalog)
    try:
        i18n.install("de", localedir=tmp_path)
        assert i18n._("Cases") == "Fälle"
        with pytest.raises(validation.ValidationError) as raised:
            validation.require_date("", "contact date")
        assert raised.value.message == "Bitte füllen Sie das Feld „Kontaktdatum“ aus."
        assert i18n.ngettext("{n} row has errors; nothing was imported",
                             "{n} rows have errors; nothing was imported", 3).format(n=3) == (
            "3 Zeilen sind fehlerhaft; es wurde nichts importiert")
    finally:
        i18n.install("en")


def test_unmarked_user_texts_are_found_for_the_final_pass():
    source = '''
raise ValidationError("The date is missing.")
raise DataError(f"No file at {path}.")
raise UsageError("Use {keys}.".format(keys=keys))
raise ValidationError(_("Wrapped {ref}.").format(ref=ref))
raise ValueError("internal, for developers")
label.setText("Unsaved changes")
QPushButton("&Save")
QLabel(_("Fine"))
QLabel("Lotse")
edit.setPlaceholderText("XXXX-XXXX")
box.setWindowTitle("Kontakte")  # i18n: skip
print(f"Imported {n} cases")
print(f"  {line}")
'''
    found = [text for _line, text in unmarked_texts(source, printed=True)]
    assert sorted(found) == sorted(
        ["The date is missing.", "No file at .", "Use {keys}.", "Unsaved changes", "&Save", "Imported  cases"])


def test_the_code_has_no_unmarked_user_texts(script, capsys):
    assert script.unmarked() == 0, capsys.readouterr().out
