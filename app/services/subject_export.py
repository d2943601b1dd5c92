"""GDPR Art. 15: a copy of everything stored on the person, in a folder the user chose.

The copy is built from the case file in one transaction: the person with
residence documents, the case, goal areas, contacts, measures, referrals,
consents, barriers, agreements, deadlines, the list of documents (metadata;
the files themselves the user hands over separately), every letter sent
(the recipients Art. 15 (1) c asks for) and a summary of the audit log.
With them come the statements Art. 15 requires: purposes, categories,
recipients, storage period (from the retention settings, passed in), rights
and sources. Two files are written, ``<ref>-auskunft.pdf`` and
``<ref>-auskunft.json``; nothing else touches the disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.documents.data import Art15Statements, Organisation, SubjectExportData
from app.documents.labels import DATA_CATEGORY_LABELS
from app.documents.subject_export import render_subject_export_pdf, subject_export_json
from app.documents.text import format_date
from app.errors import DataError
from app.i18n import _
from app.models import Agency, AuditEntry, Case, Letter
from app.services import audit
from app.services.case_file import load_case_file
from app.services.letter_content import AREA_CATEGORY, country_name, ordered_categories
from app.services.lookup import actor, get_case
from app.services.reporting.labels import CLOSING_REASONS, LEGAL_DOMAINS, RESIDENCE_STATUS
from app.services.retention import add_years
from app.services.validation import today as local_today
from app.storage.files import atomic_write, make_private_dir

DEFAULT_RETENTION_YEARS = 3
PURPOSES = (
    "Case Management im Kommunalen Integrationsmanagement (KIM) NRW: Klärung Ihrer Situation, "
    "Hilfeplanung und Begleitung",
    "Vermittlung an zuständige Stellen, soweit Sie eingewilligt haben",
    "Nachweis der Arbeit und anonyme Statistik für das Programm (Berichtswesen, ohne Namen)",
)
IDS = frozenset({"id", "case_id", "person_id", "assessment_id", "document_id", "proof_document_id",
                 "agency_id", "recipient_id"})


def _without_ids(value: Any) -> Any:
    """Internal row ids mean nothing to the person; names stand in for them."""
    if isinstance(value, Mapping):
        return {k: _without_ids(v) for k, v in value.items() if k not in IDS}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


# The audit log's action codes as the person reads them: "<what> <done>".
_ACTION_OBJECTS = {
    "agreement": "Vereinbarung", "assessment": "Einschätzung", "barrier": "Hemmnis", "case": "Akte",
    "consent": "Einwilligung", "consent_form": "Einwilligungsformular", "contact": "Kontakt", "deadline": "Frist",
    "document": "Dokument", "goal": "Ziel", "goal_step": "Schritt zu einem Ziel", "letter": "Schreiben",
    "measure": "Maßnahme", "referral": "Verweis", "residence_document": "Aufenthaltsdokument",
}
_ACTION_VERBS = {
    "view": "angesehen", "create": "angelegt", "add": "angelegt", "import": "importiert", "update": "geändert",
    "save": "gespeichert", "delete": "gelöscht", "print": "gedruckt", "phase": "Phase gewechselt",
    "reopen": "wieder geöffnet", "withdraw": "widerrufen", "open": "geöffnet", "review": "überprüft",
    "done": "erledigt", "conclude": "geschlossen", "end": "beendet", "fulfilled": "erfüllt",
}
_ACTIONS = {"case.export_subject": "Auskunft nach Art. 15 erstellt",
            "letter.override": "Schreiben ohne Einwilligung gedruckt (Begründung dokumentiert)"}
_INDICATIONS = {
    "complex_needs": "Komplexe Problemlage", "several_services": "Mehrere Stellen beteiligt",
    "standard_routes_failed": "Regelangebote haben nicht gereicht",
}
_DEADLINE_SOURCES = {
    "manual": "von Hand eingetragen", "residence_document": "Aufenthaltsdokument", "rule": "Aufenthaltsrecht",
    "agreement_step": "Zug-um-Zug-Vereinbarung", "consent": "Einwilligung", "goal": "Ziel", "passport": "Pass",
}


def action_label(action: str) -> str:
    if action in _ACTIONS:
        return _ACTIONS[action]
    what, _, done = action.partition(".")
    if what in _ACTION_OBJECTS and done in _ACTION_VERBS:
        return f"{_ACTION_OBJECTS[what]} {_ACTION_VERBS[done]}"
    if what in _ACTION_OBJECTS and done.startswith("step_"):
        return f"{_ACTION_OBJECTS[what]}: Schritt {_ACTION_VERBS.get(done[5:], done[5:])}"
    return action


def _deadline(deadline: Mapping[str, Any]) -> dict[str, Any]:
    data = _without_ids(deadline)
    origin, _, rest = str(deadline.get("source") or "").partition(":")  # "residence_document:<id>": no ids
    data["source"] = _DEADLINE_SOURCES.get(origin, origin)
    if origin == "rule" and rest:
        data["source"] += f" (§ {rest})"
    return data


def _compact(record: Mapping[str, Any]) -> dict[str, Any]:
    """A nested record without its empty fields: a step reads as what it says."""
    return {k: v for k, v in record.items() if v is not None and v != ""}


def language_name(code: str) -> str:
    from babel import Locale

    name = Locale("de").languages.get(code)
    return f"{name} ({code})" if name else code


def _person(person: Mapping[str, Any]) -> dict[str, Any]:
    data = _without_ids(person)
    data["nationalities"] = [f"{country_name(c)} ({c})" for c in person.get("nationalities") or []]
    data["languages"] = [language_name(c) for c in person.get("languages") or []]
    if person.get("residence_status"):
        data["residence_status"] = RESIDENCE_STATUS.get(person["residence_status"], person["residence_status"])
    return data


def _case(detail: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("ref", "case_type", "phase", "status", "opened", "closed", "case_manager", "programme_kim",
            "programme_gk", "intake_source", "indication", "consent_to_case_management", "intake_notes",
            "closing_reason", "outcome", "shared")
    data = {key: detail.get(key) for key in keys}
    if data["closing_reason"]:
        data["closing_reason"] = CLOSING_REASONS.get(data["closing_reason"], data["closing_reason"])
    data["indication"] = [_INDICATIONS.get(code, code) for code in detail.get("indication") or []]
    data["phase_history"] = list(detail.get("phase_history") or [])
    return data


def _goal_areas(areas: Mapping[str, Any]) -> dict[str, Any]:
    """Only areas with something recorded: eight empty blocks would hide the content."""
    out = {}
    for code, area in areas.items():
        if area.get("need_level") is not None or area.get("situation") or area.get("resources") or area.get("goals"):
            out[code] = _without_ids(area)
    return out


def _letters(session: Session, case_id: str) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Letter, Agency.name).join(Agency, Agency.id == Letter.agency_id, isouter=True)
        .where(Letter.case_id == case_id).order_by(Letter.sent_at)
    ).all()
    out = []
    for letter, agency_name in rows:
        basis = ("ohne Einwilligung; die Rechtsgrundlage ist im Protokoll dokumentiert"
                 if letter.override_reason else "mit Ihrer Einwilligung")
        out.append({"recipient": agency_name or "–", "date": letter.sent_at.date(), "subject": letter.subject,
                    "kind": letter.kind, "basis": basis})
    return out


def _audit_summary(session: Session, case_id: str) -> dict[str, Any]:
    rows = session.execute(
        select(AuditEntry.action, func.count(), func.min(AuditEntry.at), func.max(AuditEntry.at))
        .where(AuditEntry.case_id == case_id).group_by(AuditEntry.action).order_by(AuditEntry.action)
    ).all()
    if not rows:
        return {"entries": 0}
    return {
        "entries": sum(count for _a, count, _f, _l in rows),
        "first": min(first for _a, _c, first, _l in rows).date(),
        "last": max(last for _a, _c, _f, last in rows).date(),
        "by_action": {action_label(action): count for action, count, _f, _l in rows},
    }


def _categories(detail: Mapping[str, Any]) -> tuple[str, ...]:
    """The data categories the file holds, as the person reads them."""
    used = {"identity"}
    person = detail["person"]
    if person.get("residence_status") or person.get("residence_documents"):
        used.add("residence")
    if person.get("qualifications") or person.get("employment") or person.get("german_level"):
        used.add("education_work")
    if person.get("household"):
        used.add("social")
    for code, area in (detail.get("goal_areas") or {}).items():
        if area.get("need_level") is not None or area.get("situation") or area.get("goals"):
            used.add(AREA_CATEGORY.get(code, "social"))
    labels = [DATA_CATEGORY_LABELS.get(c, c) for c in ordered_categories(used)]
    return tuple(label + (" (besondere Kategorie, Art. 9 DSGVO)" if c in ("health", "mental_health") else "")
                 for c, label in zip(ordered_categories(used), labels, strict=True))


def storage_period(case: Case, retention_years: Mapping[str, int]) -> str:
    years = int(retention_years.get(case.case_type, DEFAULT_RETENTION_YEARS))
    text = (f"Ihre Daten werden bis {years} Jahre nach Abschluss Ihres Falls gespeichert und danach "
            "gelöscht. Für die Statistik bleiben nur anonyme Zahlen ohne Bezug zu Ihrer Person.")
    if case.closed is not None:
        text += (f" Ihr Fall wurde am {format_date(case.closed)} abgeschlossen; die Löschung ist für den "
                 f"{format_date(add_years(case.closed, years))} vorgesehen.")
    if case.legal_hold:
        text += " Zurzeit ist die Löschung wegen einer gesetzlichen Aufbewahrungspflicht ausgesetzt."
    return text


def _sources(detail: Mapping[str, Any]) -> tuple[str, ...]:
    sources = ["Ihre eigenen Angaben in den Gesprächen", "Unterlagen, die Sie uns vorgelegt haben"]
    if detail.get("intake_source") in ("authority", "service", "shelter"):
        sources.append("Die Stelle, die Sie an uns verwiesen hat")
    if detail.get("referrals"):
        sources.append("Rückmeldungen der Stellen, an die wir Sie mit Ihrer Einwilligung verwiesen haben")
    return tuple(sources)


def _controller(organisation: Organisation) -> str:
    parts = [organisation.name, *organisation.address_lines]
    contact = ", ".join(p for p in (organisation.phone, organisation.email) if p)
    if contact:
        parts.append(contact)
    return ", ".join(p for p in parts if p) or "–"


def subject_export_data(
    session: Session, case: Case, *, organisation: Organisation, retention_years: Mapping[str, int],
    today: date, exported_by: str,
) -> SubjectExportData:
    """Everything on the case's person as the renderers' input (no audit, no files)."""
    detail = load_case_file(session, case, on=today)
    data: dict[str, Any] = {
        "person": _person(detail["person"]),
        "case": _case(detail),
        "goal_areas": _goal_areas(detail["goal_areas"]),
        "contacts": _without_ids(detail["contacts"]),
        "measures": _without_ids(detail["measures"]),
        "referrals": [
            {"agency": r["agency_name"], "legal_domain": LEGAL_DOMAINS.get(r["legal_domain"], r["legal_domain"]),
             **_without_ids({k: v for k, v in r.items() if k not in ("agency_name", "legal_domain")})}
            for r in detail["referrals"]
        ],
        "consents": [
            {"recipient": c["recipient_name"],
             "categories": [DATA_CATEGORY_LABELS.get(x, x) for x in ordered_categories(c["categories"])],
             **_without_ids({k: v for k, v in c.items() if k not in ("recipient_name", "categories")})}
            for c in detail["consents"]
        ],
        "barriers": _without_ids(detail["barriers"]),
        "agreements": [
            {**a, "steps": [_compact(step) for step in a["steps"]]} for a in _without_ids(detail["agreements"])
        ],
        "deadlines": [_deadline(d) for d in detail["deadlines"]],
        "documents": [
            {"title": d["title"], "type": d["doc_type"], "date": d["doc_date"], "filename": d["filename"],
             "size": d["size"]}
            for d in detail["documents"]
        ],
        "letters": _letters(session, case.id),
        "audit": _audit_summary(session, case.id),
    }
    statements = Art15Statements(
        controller=_controller(organisation),
        purposes=PURPOSES,
        categories=_categories(detail),
        recipients=(
            "Stellen, an die wir mit Ihrer Einwilligung oder auf gesetzlicher Grundlage geschrieben "
            "haben (siehe „Versandte Schreiben“)",
        ),
        storage_period=storage_period(case, retention_years),
        sources=_sources(detail),
    )
    return SubjectExportData(
        organisation=organisation,
        subject_name=detail["name"],
        reference=case.ref,
        generated_on=today,
        data=data,
        statements=statements,
        extra={"exported_by": exported_by},
    )


def export_file_names(ref: str) -> tuple[str, str]:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in ref)
    return f"{safe}-auskunft.pdf", f"{safe}-auskunft.json"


def export_subject(
    vault,
    *,
    case_id: str,
    directory: Path | str,
    organisation: Organisation,
    user: str | None = None,
    retention_years: Mapping[str, int] | None = None,
    today: date | None = None,
) -> tuple[Path, Path]:
    """Write the Art. 15 copy (PDF and JSON) into ``directory``; returns both paths.

    The directory is the one the user chose to save into; it is created (owner
    only) when missing. Existing files of an earlier export are replaced.
    """
    day = today or local_today()
    by = actor(vault, user)
    folder = Path(directory).expanduser()
    with vault.session() as session:
        case = get_case(session, case_id)
        export = subject_export_data(session, case, organisation=organisation,
                                     retention_years=retention_years or {}, today=day, exported_by=by)
        pdf = render_subject_export_pdf(export)
        json_bytes = subject_export_json(export)
        pdf_name, json_name = export_file_names(case.ref)
        try:
            make_private_dir(folder)
            pdf_path, json_path = folder / pdf_name, folder / json_name
            atomic_write(pdf_path, pdf)
            atomic_write(json_path, json_bytes)
        except OSError as exc:
            raise DataError(
                _("Cannot write the export into {folder}: {error}.").format(folder=folder, error=exc.strerror or exc)
            ) from exc
        audit.record(session, by, "case.export_subject", case.id,
                     f"case_id={case.id} files={pdf_name},{json_name}")
        return pdf_path, json_path
