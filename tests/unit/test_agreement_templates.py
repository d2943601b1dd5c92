"""Zug-um-Zug step templates: the shipped files load, due dates are computed exactly, bad files are named."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.errors import DataError, NotFoundError
from app.services.agreement_templates import PARTIES, get_template, instantiate, load_templates

START = date(2026, 11, 21)


def test_the_shipped_templates_cover_the_chain_of_the_issue():
    templates = load_templates()

    assert {
        "identitaet_pass", "beschaeftigungserlaubnis", "ausbildungsduldung_60c", "beschaeftigungsduldung_60d",
        "aufenthaltserlaubnis_25a", "aufenthaltserlaubnis_25b", "kette_ausbildung_25a", "kette_beschaeftigung_25b",
    } <= set(templates)
    for template in templates.values():
        assert template.steps
        for step in template.steps:
            assert step.party in PARTIES
            assert step.action and step.action_en


def test_every_stage_has_an_authority_step():
    # Zug um Zug: the authority grants something in return for the person's steps.
    for template_id in ("identitaet_pass", "beschaeftigungserlaubnis", "ausbildungsduldung_60c",
                        "beschaeftigungsduldung_60d", "aufenthaltserlaubnis_25a", "aufenthaltserlaubnis_25b"):
        parties = [step.party for step in get_template(template_id).steps]
        assert "authority" in parties
        assert parties.index("person") < parties.index("authority")


def test_identity_and_passport_due_dates():
    steps = instantiate(get_template("identitaet_pass"), START)

    assert [step["due"] for step in steps] == [
        date(2026, 11, 28),  # offset 7 days
        date(2026, 12, 12),  # +14: embassy appointment
        date(2027, 1, 11),   # +30: identity documents
        date(2027, 1, 25),   # +14: fees
        date(2027, 2, 8),    # +14: passport application
        date(2027, 5, 9),    # +90: hand in the passport
        date(2027, 5, 23),   # +14: the authority records the identity
    ]
    assert [step["position"] for step in steps] == [1, 2, 3, 4, 5, 6, 7]
    assert "Botschaft" in steps[1]["action"] and "embassy" in steps[1]["action_en"]
    assert steps[-1]["party"] == "authority"
    assert steps[-1]["within_days_after_previous"] == 14


def test_a_chain_starts_each_part_after_the_previous_one():
    steps = instantiate(get_template("kette_beschaeftigung_25b"), START)

    parts = [step["part"] for step in steps]
    assert parts.index("identitaet_pass") < parts.index("beschaeftigungserlaubnis") \
        < parts.index("beschaeftigungsduldung_60d") < parts.index("aufenthaltserlaubnis_25b")
    last_permission = [step for step in steps if step["part"] == "beschaeftigungserlaubnis"][-1]
    first_60d = next(step for step in steps if step["part"] == "beschaeftigungsduldung_60d")
    # Permission part: 2027-05-23 + 30 -> 06-22, +7 -> 06-29, +30 -> 07-29, +14 -> 08-12.
    assert last_permission["due"] == date(2027, 8, 12)
    # The § 60d part waits 12 months of work (2028-08-12), its first step is 14 days later.
    assert first_60d["due"] == date(2028, 8, 26)
    assert [step["position"] for step in steps] == list(range(1, len(steps) + 1))


def test_instantiate_is_pure():
    template = get_template("ausbildungsduldung_60c")

    first = instantiate(template, START)
    first[0]["due"] = date(2000, 1, 1)

    assert instantiate(template, START)[0]["due"] == date(2026, 12, 21)


def test_an_unknown_template_is_not_found():
    with pytest.raises(NotFoundError, match="no agreement template 'nope'"):
        get_template("nope")


def _write(folder, name, document):
    (folder / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")


GOOD_STEP = {"party": "person", "action": "Pass vorlegen", "action_en": "Show the passport", "offset_days": 7,
             "proof_required": "Pass", "proof_required_en": "Passport"}
HEADER = {"title": "T", "title_en": "T", "description": "D", "description_en": "D"}


@pytest.mark.parametrize(("step", "message"), [
    ({**GOOD_STEP, "party": "ABH"}, "party 'ABH'"),
    ({**GOOD_STEP, "within_days_after_previous": 3}, "exactly one of"),
    ({key: value for key, value in GOOD_STEP.items() if key != "offset_days"}, "exactly one of"),
    ({**GOOD_STEP, "offset_days": -1}, "whole number"),
    ({**GOOD_STEP, "action": ""}, "'action'"),
])
def test_a_bad_step_is_named(tmp_path, step, message):
    _write(tmp_path, "eigene", {"id": "eigene", **HEADER, "steps": [step]})

    with pytest.raises(DataError, match=message):
        load_templates(tmp_path)


def test_an_organisation_can_add_its_own_template_and_chain(tmp_path):
    _write(tmp_path, "eigene", {"id": "eigene", **HEADER, "steps": [GOOD_STEP]})
    _write(tmp_path, "kette", {"id": "kette", **HEADER, "parts": ["eigene", {"template": "eigene", "start_after_days": 10}]})

    steps = instantiate(load_templates(tmp_path)["kette"], START)

    assert [step["due"] for step in steps] == [date(2026, 11, 28), date(2026, 12, 15)]


def test_a_chain_naming_an_unknown_part_is_refused(tmp_path):
    _write(tmp_path, "kette", {"id": "kette", **HEADER, "parts": ["fehlt"]})

    with pytest.raises(DataError, match="unknown part"):
        load_templates(tmp_path)


def test_the_id_must_match_the_file_name(tmp_path):
    _write(tmp_path, "eigene", {"id": "andere", **HEADER, "steps": [GOOD_STEP]})

    with pytest.raises(DataError, match="must match the file name"):
        load_templates(tmp_path)
