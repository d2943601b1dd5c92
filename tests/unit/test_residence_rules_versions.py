"""Rules files as legal versions: the one in force on the check date is used, no code change needed."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from app.errors import DataError
from app.services.residence import Facts, check_residence, load_rule_sets, rules_in_force
from app.services.residence.rules_data import RULES_DIR

CURRENT = RULES_DIR / "aufenthg-2026-01-01.json"
FACTS = Facts.from_mapping({"entry_date": "2021-08-31", "minor_child": False})


def write_version(folder: Path, name: str, change) -> Path:
    data = json.loads(CURRENT.read_text(encoding="utf-8"))
    change(data)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_shipped_rules_load_and_hold_the_2026_figures():
    rule_set = rules_in_force(date(2026, 11, 21))

    assert rule_set.version == "2026-01-01"
    assert rule_set["25a"]["age"]["apply_before_years"] == 27
    assert rule_set["25b"]["stay"]["years"] == 6
    assert rule_set["60d"]["entry"]["by"] == date(2022, 12, 31)
    assert rule_set["104c"]["transition_until"] == date(2027, 6, 30)
    assert [rs.version for rs in load_rule_sets()][0] == "2026-01-01"


def test_a_newer_version_applies_from_its_date_and_not_before(tmp_path):
    shutil.copy(CURRENT, tmp_path)

    def hypothetical_2027(data):
        data["version"] = "2027-01-01"
        data["in_force_from"] = "2027-01-01"
        data["rules"]["25b"]["stay"]["years"] = 5

    write_version(tmp_path, "aufenthg-2027-01-01.json", hypothetical_2027)

    before = check_residence(FACTS, date(2026, 12, 31), rules_dir=tmp_path)
    after = check_residence(FACTS, date(2027, 1, 1), rules_dir=tmp_path)

    assert before.rules_version == "2026-01-01"
    assert before.rules["25b"].requirements_met_on == date(2027, 9, 1)  # 6 years
    assert after.rules_version == "2027-01-01"
    assert after.rules["25b"].requirements_met_on == date(2026, 9, 1)  # 5 years
    # The check before the change says that its date of 01.09.2027 lies after the new version takes effect.
    assert any("newer legal version (2027-01-01) takes effect on 2027-01-01" in note for note in before.notes)
    assert not any("newer legal version" in note for note in after.notes)
    # Without the new file the same check has no such note.
    assert not any("newer legal version" in note for note in check_residence(FACTS, date(2026, 12, 31)).notes)


def test_no_version_in_force_before_the_first_file():
    with pytest.raises(DataError, match="No residence-law rules are in force on 2025-12-31"):
        rules_in_force(date(2025, 12, 31))


def test_an_earlier_version_shows_that_104c_applications_are_still_open(tmp_path):
    def in_force_2025(data):
        data["version"] = "2025-01-01"
        data["in_force_from"] = "2025-01-01"

    write_version(tmp_path, "aufenthg-2025-01-01.json", in_force_2025)

    result = check_residence(FACTS, date(2025, 6, 1), rules_dir=tmp_path)

    assert any("can still be applied for until 2025-12-31" in note for note in result.rules["25b"].notes)


def test_after_the_104c_transition_ends_there_is_no_104c_note():
    notes = check_residence(FACTS, date(2027, 7, 1)).rules["25a"].notes

    assert not any("104c" in note for note in notes)


def test_a_missing_parameter_is_named(tmp_path):
    write_version(tmp_path, "broken.json", lambda data: data["rules"]["60d"]["employment"].pop("min_weekly_hours"))

    with pytest.raises(DataError, match=r"broken\.json lacks 'rules\.60d\.employment\.min_weekly_hours'"):
        load_rule_sets(tmp_path)


def test_a_mistyped_parameter_is_named(tmp_path):
    def text_instead_of_number(data):
        data["rules"]["25a"]["stay"]["years"] = "three"

    write_version(tmp_path, "broken.json", text_instead_of_number)

    with pytest.raises(DataError, match=r"'rules\.25a\.stay\.years' must be a whole number"):
        load_rule_sets(tmp_path)


def test_two_versions_on_the_same_day_are_refused(tmp_path):
    shutil.copy(CURRENT, tmp_path / "a.json")
    shutil.copy(CURRENT, tmp_path / "b.json")

    with pytest.raises(DataError, match="both take effect on 2026-01-01"):
        load_rule_sets(tmp_path)


def test_an_empty_rules_folder(tmp_path):
    with pytest.raises(DataError, match="No residence-law rules files"):
        load_rule_sets(tmp_path)


def test_a_file_added_while_running_is_picked_up(tmp_path):
    shutil.copy(CURRENT, tmp_path)
    assert rules_in_force(date(2027, 3, 1), tmp_path).version == "2026-01-01"

    def in_force_2027(data):
        data["version"] = "2027-03-01"
        data["in_force_from"] = "2027-03-01"

    write_version(tmp_path, "aufenthg-2027-03-01.json", in_force_2027)

    assert rules_in_force(date(2027, 3, 1), tmp_path).version == "2027-03-01"
