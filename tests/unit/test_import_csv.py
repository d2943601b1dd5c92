"""The CSV import: encodings, separators, German dates, upsert by ref, all or nothing."""

from __future__ import annotations

import codecs

import pytest
from sqlalchemy import func, select

from app.errors import DataError
from app.models import AuditEntry, Case
from app.services.case_file import case_detail
from app.services.case_search import search_cases
from app.services.import_csv import CsvImportError, ImportSummary, import_cases_csv
from tests.unit.case_factory import TODAY, days_ahead, new_case

HEADER = "ref;given_names;family_name;name_original;birth_date;nationality;case_type;opened"


def csv_bytes(*lines: str, bom: bool = False, encoding: str = "utf-8") -> bytes:
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    return codecs.BOM_UTF8 + data if bom else data


def count_cases(vault) -> int:
    with vault.session() as session:
        return session.scalar(select(func.count()).select_from(Case))


def test_german_excel_file_with_bom_semicolons_and_german_dates(vault):
    data = csv_bytes(
        HEADER + ";languages;gender;residence_status;case_manager;programme_gk;intake_notes;entry_date",
        "2024-0001;Ahmad;Al-Hassan;أحمد الحسن;03.1999;SY;case_management;15.02.2024;ar|ku;m;duldung;Jana Weber;ja;"
        "\"kam über; die Unterkunft\";01.09.2015",
        "2024-0002;Olena;Kovalenko;Олена Коваленко;12.07.2001;UA;referral_advice;01.03.2024;uk;w;;;nein;;",
        "2024-0003;<b>Ali;& Söhne'\";;2001;AF|IR;case_management;2024-05-01;prs;;;;;;",
        bom=True,
    )
    assert import_cases_csv(vault, data=data) == ImportSummary(created=3, updated=0)
    detail = case_detail(vault, "2024-0001")
    assert (detail["name"], detail["name_original"], detail["opened"]) == ("Ahmad Al-Hassan", "أحمد الحسن", "2024-02-15")
    person = detail["person"]
    assert (person["birth_date"], person["languages"], person["gender"]) == ("1999-03", ["ar", "ku"], "male")
    assert (person["residence_status"], person["entry_date"]) == ("duldung", "2015-09-01")
    assert (detail["case_manager"], detail["programme_gk"], detail["intake_notes"]) == (
        "Jana Weber", True, "kam über; die Unterkunft")
    assert case_detail(vault, "2024-0002")["person"]["gender"] == "female"
    odd = case_detail(vault, "2024-0003")
    assert odd["name"] == "<b>Ali & Söhne'\"" and odd["person"]["nationalities"] == ["AF", "IR"]
    assert [h.ref for h in search_cases(vault, query="أحمد")] == ["2024-0001"]


def test_summary_counts_and_upsert_by_ref(vault):
    existing = new_case(vault, ref="2024-0007", given_names="Old", family_name="Name", case_manager="Tom")
    data = csv_bytes(
        "ref,given_names,family_name,name_original,birth_date,nationality,case_type,opened,case_manager",
        "2024-0007,Samira,Haidari,,1998-05-01,AF,case_management,2024-01-10,Jana",
        "2024-0008,Dawit,Tesfay,ዳዊት,1999,ER,case_management,2024-01-11,Tom",
    )
    summary = import_cases_csv(vault, data=data)
    assert (summary.created, summary.updated) == (1, 1)
    detail = case_detail(vault, "2024-0007")
    assert detail["case_id"] == existing.case_id
    assert (detail["name"], detail["case_manager"], detail["opened"]) == ("Samira Haidari", "Jana", "2024-01-10")
    assert search_cases(vault, query="Old") == [] and [h.ref for h in search_cases(vault, query="Haidari")] == ["2024-0007"]
    again = import_cases_csv(vault, data=data)  # idempotent: the same file updates, never duplicates
    assert (again.created, again.updated, count_cases(vault)) == (0, 2, 2)
    with vault.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.case_id == existing.case_id)).all()
        assert actions.count("case.update") == 2
        assert session.scalar(select(func.count()).where(AuditEntry.action == "case.import")) == 2


def test_two_bad_rows_report_both_line_numbers_and_import_nothing(vault):
    data = csv_bytes(
        HEADER,
        "2024-0001;Amina;Haddad;;2001-04-12;SY;case_management;2024-02-01",
        f"2024-0002;Bilal;Rahimi;;{days_ahead(10).isoformat()};AF;case_management;2024-02-01",
        "2024-0003;Chiara;Okafor;;1995;NG;case_management;01.02.2024",
        "2024-0004;;;;1995-02-30;Nigeria;counselling;2024-02-01",
    )
    with pytest.raises(CsvImportError) as raised:
        import_cases_csv(vault, data=data)
    error = raised.value
    assert error.exit_code == 4
    assert error.message.splitlines()[0] == "2 rows have errors; nothing was imported"
    assert sorted({e.line for e in error.errors}) == [3, 5]
    lines = error.message.splitlines()[1:]
    assert any(line.startswith("line 3, column birth_date:") and "lies in the future" in line for line in lines)
    for column in ("birth_date", "nationality", "case_type", "given_names"):
        assert any(line.startswith(f"line 5, column {column}:") for line in lines), column
    assert count_cases(vault) == 0


def test_duplicate_refs_and_row_shape(vault):
    data = csv_bytes(
        HEADER,
        "2024-0001;A;B;;2000;SY;case_management;2024-01-01",
        "2024-0001;C;D;;2000;SY;case_management;2024-01-01",
        "2024-0002;E;F;;2000;SY;case_management;2024-01-01;extra",
    )
    with pytest.raises(CsvImportError) as raised:
        import_cases_csv(vault, data=data)
    messages = [str(e) for e in raised.value.errors]
    assert "line 3, column ref: The case reference 2024-0001 appears already on line 2." in messages
    assert any(m.startswith("line 4: The row has 9 cells but the header has 8 columns") for m in messages)


def test_a_quoted_note_over_several_lines_keeps_line_numbers_true(vault):
    data = csv_bytes(
        HEADER + ";intake_notes",
        '2024-0001;A;B;;2000;SY;case_management;2024-01-01;"erste Zeile',
        'zweite Zeile"',
        "2024-0002;C;D;;2000;SY;case_management;2024-13-01;",
    )
    with pytest.raises(CsvImportError) as raised:
        import_cases_csv(vault, data=data)
    assert [e.line for e in raised.value.errors] == [4]


def test_phases_and_closing_from_the_spreadsheet(vault):
    data = csv_bytes(
        HEADER + ";phase;closed;closing_reason",
        "2023-0001;A;B;;2000;SY;case_management;2023-01-01;monitoring;;",
        "2023-0002;C;D;;2000;SY;case_management;2023-01-01;closed;30.06.2023;goals_attained",
        "2023-0003;E;F;;2000;SY;referral_advice;2023-01-01;;;",
    )
    assert import_cases_csv(vault, data=data).created == 3
    assert case_detail(vault, "2023-0001")["phase"] == "monitoring"
    closed = case_detail(vault, "2023-0002")
    assert (closed["status"], closed["closed"], closed["closing_reason"]) == ("closed", "2023-06-30", "goals_attained")
    assert [h["phase"] for h in closed["phase_history"]] == ["intake", "closed"]

    bad = csv_bytes(
        HEADER + ";phase;closed;closing_reason",
        "2023-0004;A;B;;2000;SY;case_management;2023-01-01;closed;;",
        "2023-0005;A;B;;2000;SY;referral_advice;2023-01-01;planning;;",
        "2023-0006;A;B;;2000;SY;case_management;2023-01-01;intake;2023-02-01;moved_away",
        "2023-0007;A;B;;2000;SY;case_management;2023-05-01;closed;2023-04-01;moved_away",
    )
    with pytest.raises(CsvImportError) as raised:
        import_cases_csv(vault, data=bad)
    messages = [str(e) for e in raised.value.errors]
    assert any(m.startswith("line 2, column closing_reason: A case cannot be closed without a reason") for m in messages)
    assert "line 2, column closed: A closed case needs its closing date." in messages
    assert any(m.startswith("line 3, column phase: A Verweisberatung") for m in messages)
    assert any(m.startswith("line 4, column phase: A closing date or reason belongs to a closed case") for m in messages)
    assert any(m.startswith("line 5, column closed:") and "before the opening date" in m for m in messages)


def test_rules_that_depend_on_the_stored_case_are_checked_before_writing(vault):
    from app.services.cases import change_phase

    ref = new_case(vault, ref="2024-0001", consent_to_case_management=True)
    change_phase(vault, case_id=ref.case_id, phase="assessment")
    data = csv_bytes(
        HEADER,
        "2024-0002;New;Case;;2000;SY;case_management;2024-01-01",
        "2024-0001;A;B;;2000;SY;referral_advice;2024-01-01",
    )
    with pytest.raises(CsvImportError, match="line 3, column case_type: The case is in the Assessment phase"):
        import_cases_csv(vault, data=data)
    assert count_cases(vault) == 1


@pytest.mark.parametrize("data, phrase", [
    ("ref,given_names\n2024-0001,Jürgen\n".encode("cp1252"), "not UTF-8: line 2 .* Save it .* as 'CSV UTF-8'"),
    (codecs.BOM_UTF16_LE + "ref".encode("utf-16-le"), "UTF-16"),
    (b"", "The file is empty"),
    (b"ref;given_names;family_name\n2024-0001;A;B\n", "lacks the required columns: name_original, birth_date"),
    ((HEADER + ";favourite_colour\n").encode(), "an unknown column: favourite_colour"),
    ((HEADER + "\n").encode(), "has a header but no rows"),
    ((HEADER + ";Family Name\n").encode(), "more than once: family_name"),
])
def test_unreadable_files_get_one_clear_message(vault, data, phrase):
    with pytest.raises(DataError, match=phrase):
        import_cases_csv(vault, data=data)
    assert count_cases(vault) == 0


def test_comma_file_with_blank_trailing_rows_and_header_spelling(vault):
    data = csv_bytes(
        "Ref,Given Names,Family-Name,name_original,birth_date,nationality,case_type,opened",
        f"2024-0001,Amina,Haddad,,2001,SY,case_management,{TODAY.isoformat()}",
        ",,,,,,,",
        "",
    )
    assert import_cases_csv(vault, data=data).created == 1
