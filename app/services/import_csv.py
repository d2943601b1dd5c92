"""Importing cases from a spreadsheet (``lotse import FILE.csv``): upsert by ``ref``.

Every row is checked first, with the same cleaners as the forms; if any row
has an error, every error is reported with its line number and nothing is
imported. Otherwise all rows are written in one transaction. The columns are
documented in README.md ("CSV import"); unknown columns are errors, so a
misspelt header never drops data silently.

Phases are taken as given (a team moving from a spreadsheet is mid-cycle):
the phase checks of ``change_phase`` do not apply, but a closed case still
needs its closing date and reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.code_labels import phase_label
from app.errors import DataError, ValidationError
from app.i18n import _, ngettext
from app.models import Case, PhaseTransition
from app.models.codes import PHASES, CaseStatus, CaseType, Phase
from app.services import audit
from app.services import validation as v
from app.services.case_fields import CASE_FIELDS, PERSON_FIELDS, check_person, sort_name
from app.services.cases import apply_case_values, clean_closing_reason, insert_case
from app.services.csv_source import CsvRow, read_table
from app.services.lookup import actor
from app.services.phases import phase_order
from app.services.references import clean_reference
from app.services.search import index_case

REQUIRED_COLUMNS = (
    "ref", "given_names", "family_name", "name_original", "birth_date", "nationality", "case_type", "opened",
)
# CSV column -> person field (where the names differ, the CSV uses the everyday word).
PERSON_COLUMNS = {
    "given_names": "given_names", "family_name": "family_name", "name_original": "name_original",
    "aliases": "aliases", "birth_date": "birth_date", "gender": "gender", "nationality": "nationalities",
    "languages": "languages", "interpreter_language": "interpreter_language", "phone": "phone", "email": "email",
    "address": "address", "household": "household", "minor_child": "minor_child", "entry_date": "entry_date",
    "residence_status": "residence_status", "duldung_since": "duldung_since",
    "identity_clarified": "identity_clarified", "passport_status": "passport_status",
    "passport_valid_until": "passport_valid_until", "school_years": "school_years",
    "qualifications": "qualifications", "german_level": "german_level", "employment": "employment",
    "employment_since": "employment_since", "weekly_hours": "weekly_hours",
}
CASE_COLUMNS = {
    "case_type": "case_type", "opened": "opened", "case_manager": "case_manager",
    "programme_kim": "programme_kim", "programme_gk": "programme_gk", "intake_source": "intake_source",
    "indication": "indication", "consent_to_case_management": "consent_to_case_management",
    "intake_notes": "intake_notes", "outcome": "outcome", "status": "status",
}
CYCLE_COLUMNS = ("phase", "closed", "closing_reason")
KNOWN_COLUMNS = ("ref", *PERSON_COLUMNS, *CASE_COLUMNS, *CYCLE_COLUMNS)
# Spreadsheet shorthand for gender (German forms use w/m/d).
GENDER_SHORTHAND = {"f": "female", "w": "female", "m": "male", "d": "diverse", "x": "unspecified"}
_LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("line {line}, column {column}: {message}").format(line=self.line, column=self.column, message=self.message)
        return _("line {line}: {message}").format(line=self.line, message=self.message)


class CsvImportError(DataError):
    """Rows with errors: nothing was imported. ``errors`` lists every one."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        rows = len({error.line for error in errors})
        self.summary = ngettext(
            "{n} row has errors; nothing was imported", "{n} rows have errors; nothing was imported", rows
        ).format(n=rows)
        super().__init__("\n".join([self.summary, *(str(error) for error in errors)]))


@dataclass
class CleanRow:
    line: int
    ref: str
    person: dict[str, Any]
    case: dict[str, Any]
    phase: str | None  # None: keep (update) or intake (create)
    closed: date | None = None
    closing_reason: str = ""
    errors: list[RowError] = field(default_factory=list)


def _clean_row(row: CsvRow, existing: Case | None) -> CleanRow:
    cells = row.cells
    errors: list[RowError] = []

    def fail(column: str, message: str) -> None:
        errors.append(RowError(row.line, column, message))

    ref = ""
    try:
        ref = clean_reference(cells.get("ref"))
    except ValidationError as exc:
        fail("ref", exc.message)

    person_raw = {PERSON_COLUMNS[c]: val for c, val in cells.items() if c in PERSON_COLUMNS}
    if "gender" in person_raw:
        person_raw["gender"] = GENDER_SHORTHAND.get(person_raw["gender"].strip().lower(), person_raw["gender"].strip())
    person, person_errors = v.collect_field_errors(PERSON_FIELDS, person_raw)
    column_of = {f: c for c, f in PERSON_COLUMNS.items()}
    for field_name, message in person_errors:
        fail(column_of[field_name], message)
    if "given_names" in person and "family_name" in person:
        try:
            check_person(person)
        except ValidationError as exc:
            fail("given_names", exc.message)

    case_raw = {CASE_COLUMNS[c]: val for c, val in cells.items() if c in CASE_COLUMNS}
    case, case_errors = v.collect_field_errors(CASE_FIELDS, case_raw)
    for field_name, message in case_errors:
        fail(field_name, message)

    clean = CleanRow(row.line, ref, person, case, None, errors=errors)
    _clean_cycle(cells, clean, existing, fail)
    return clean


def _clean_cycle(cells: dict[str, str], clean: CleanRow, existing: Case | None, fail) -> None:
    """Phase, closing date and reason, checked against the case type and opening date."""
    phase = cells.get("phase", "").strip()
    closed_text, reason_text = cells.get("closed", ""), cells.get("closing_reason", "")
    if not phase and (not v.is_blank(closed_text) or not v.is_blank(reason_text)):
        phase = Phase.CLOSED.value
    if phase:
        try:
            phase = v.clean_code(phase, PHASES, "phase")
        except ValidationError as exc:
            fail("phase", exc.message)
            return
    case_type = clean.case.get("case_type") or (existing.case_type if existing else "")
    if phase and case_type == CaseType.REFERRAL_ADVICE and phase not in phase_order(case_type):
        fail("phase", _("A Verweisberatung (referral advice) case is in intake or closed, not {phase}.").format(
            phase=phase_label(phase)))
    if phase == Phase.CLOSED:
        try:
            clean.closing_reason = clean_closing_reason(reason_text)
        except ValidationError as exc:
            fail("closing_reason", exc.message)
        try:
            clean.closed = v.past_date(closed_text, "closing date")
            if clean.closed is None:
                fail("closed", _("A closed case needs its closing date."))
            opened = clean.case.get("opened") or (existing.opened if existing else None)
            v.not_before(clean.closed, opened, "closing date", "opening date")
        except ValidationError as exc:
            fail("closed", exc.message)
    elif not v.is_blank(closed_text) or not v.is_blank(reason_text):
        fail("phase", _("A closing date or reason belongs to a closed case, not to one in {phase}.").format(
            phase=phase_label(phase)))
    clean.phase = phase or None


def _existing_cases(session: Session, refs: list[str]) -> dict[str, Case]:
    found: dict[str, Case] = {}
    for start in range(0, len(refs), _LOOKUP_CHUNK):
        chunk = refs[start : start + _LOOKUP_CHUNK]
        found.update({case.ref: case for case in session.scalars(select(Case).where(Case.ref.in_(chunk)))})
    return found


def _check_table(session: Session, data: bytes) -> tuple[list[CleanRow], dict[str, Case]]:
    table = read_table(data)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    unknown = [c for c in table.columns if c and c not in KNOWN_COLUMNS]
    problems = []
    if missing:
        problems.append(ngettext("The header lacks the required column: {columns}.",
                                 "The header lacks the required columns: {columns}.", len(missing)).format(
            columns=", ".join(missing)))
    if unknown:
        problems.append(
            ngettext("The header has an unknown column: {columns}.", "The header has unknown columns: {columns}.",
                     len(unknown)).format(columns=", ".join(unknown))
            + " " + _("Known columns are listed in the README under 'CSV import'.")
        )
    if problems:
        raise DataError(" ".join([*problems, _("Nothing was imported.")]))
    refs = [row.cells.get("ref", "").strip() for row in table.rows]
    existing = _existing_cases(session, [ref for ref in refs if ref])
    errors = [RowError(line, "", message) for line, message in table.shape_errors]
    rows: list[CleanRow] = []
    first_line: dict[str, int] = {}
    for row in table.rows:
        ref = row.cells.get("ref", "").strip()
        clean = _clean_row(row, existing.get(ref))
        if clean.ref and clean.ref in first_line:
            clean.errors.append(
                RowError(row.line, "ref", _("The case reference {ref} appears already on line {line}.").format(
                    ref=clean.ref, line=first_line[clean.ref]))
            )
        first_line.setdefault(clean.ref, row.line)
        errors.extend(clean.errors)
        rows.append(clean)
    if existing:
        errors.extend(_check_against_existing(rows, existing))
    if errors:
        raise CsvImportError(sorted(errors, key=lambda e: e.line))
    if not rows:
        raise DataError(_("The file has a header but no rows; nothing was imported."))
    return rows, existing


def _check_against_existing(rows: list[CleanRow], existing: dict[str, Case]) -> list[RowError]:
    """Rules that depend on the stored case (done before writing, so all errors come at once)."""
    errors = []
    for row in rows:
        case = existing.get(row.ref)
        if case is None:
            continue
        phase_after = row.phase or case.phase
        if row.case.get("case_type") == CaseType.REFERRAL_ADVICE and phase_after not in phase_order(
            CaseType.REFERRAL_ADVICE
        ):
            errors.append(RowError(row.line, "case_type", (
                _("The case is in the {phase} phase and cannot become a Verweisberatung (referral advice).").format(
                    phase=phase_label(phase_after))
            )))
        if "opened" in row.case and case.closed and row.phase is None:
            try:
                v.not_before(case.closed, row.case["opened"], "closing date", "opening date")
            except ValidationError as exc:
                errors.append(RowError(row.line, "opened", exc.message))
    return errors


def _apply_cycle(case: Case, row: CleanRow, by: str) -> None:
    if row.phase is None or (row.phase == case.phase and row.phase != Phase.CLOSED):
        return
    if row.phase == Phase.CLOSED:
        changed = case.phase != Phase.CLOSED or case.closed != row.closed
        case.phase, case.status = Phase.CLOSED.value, CaseStatus.CLOSED.value
        case.closed, case.closing_reason = row.closed, row.closing_reason
        if changed:
            case.transitions.append(PhaseTransition(phase=Phase.CLOSED.value, on=row.closed, by=by))
        return
    if case.phase == Phase.CLOSED:
        case.status, case.closed, case.closing_reason = CaseStatus.ACTIVE.value, None, ""
    case.phase = row.phase
    case.transitions.append(PhaseTransition(phase=row.phase, on=max(v.today(), case.opened), by=by))


def _write(session: Session, rows: list[CleanRow], existing: dict[str, Case], by: str) -> ImportSummary:
    created = updated = 0
    for row in rows:
        case = existing.get(row.ref)
        if case is None:
            case = insert_case(session, person_values=row.person, case_values=row.case, ref=row.ref, by=by)
            _apply_cycle(case, row, by)
            created += 1
            action = "case.create"
        else:
            person = case.person
            for name, value in row.person.items():
                setattr(person, name, value)
            case.sort_name = sort_name(person.family_name, person.given_names)
            apply_case_values(session, case, row.case)
            _apply_cycle(case, row, by)
            if case.phase == Phase.CLOSED:
                case.status = CaseStatus.CLOSED.value  # a status cell cannot reopen a closed case
            session.flush()
            index_case(session, case)
            updated += 1
            action = "case.update"
        audit.record(session, by, action, case.id, f"case_id={case.id} source=csv_import line={row.line}")
    audit.record(session, by, "case.import", None, f"created={created} updated={updated}")
    return ImportSummary(created, updated)


def import_cases_csv(vault, *, data: bytes, user: str | None = None) -> ImportSummary:
    """Create or update cases from CSV bytes; all or nothing.

    Raises :class:`CsvImportError` listing every row error (line numbers as in
    the file, header = line 1), or ``DataError`` for a file that cannot be read.
    """
    by = actor(vault, user)
    with vault.session() as session:
        rows, existing = _check_table(session, data)
        return _write(session, rows, existing, by)
