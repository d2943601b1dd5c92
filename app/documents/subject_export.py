"""The GDPR Art. 15 copy: a readable PDF and a JSON file of all a person's data.

The renderer knows nothing of the models: it walks ``SubjectExportData.data``
(section key -> dict / list of dicts / scalar) and prints every value, so a
field added to the case file later still appears in the copy. Known sections
and field names get German titles; unknown ones a readable form of the key.
Before the data come the statements Art. 15 (1)-(2) requires.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.documents import fonts
from app.documents.data import SubjectExportData
from app.documents.layout import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_WIDTH,
    build_pdf,
    page_footer,
    plain_page_template,
)
from app.documents.styles import RULE, SHADE, styles
from app.documents.text import clean, format_date, paragraph, text_width, visual_text

CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LABEL_WIDTH = 45 * mm
EXPORT_FORMAT = "lotse-art15-export"
EXPORT_VERSION = 1

TITLE = "Auskunft nach Art. 15 DSGVO"

SECTION_TITLES: dict[str, str] = {
    "person": "Angaben zur Person",
    "case": "Falldaten",
    "goal_areas": "Zielbereiche",
    "contacts": "Kontakte und Gesprächsnotizen",
    "referrals": "Verweise",
    "consents": "Einwilligungen",
    "barriers": "Hemmnisse",
    "agreements": "Zug-um-Zug-Vereinbarungen",
    "deadlines": "Fristen",
    "documents": "Dokumente",
    "letters": "Versandte Schreiben (Empfänger)",
    "audit": "Protokoll der Zugriffe (Zusammenfassung)",
}

# Goal-area codes are stable (DOMAIN.md); these are the labels users see.
GOAL_AREAS: dict[str, str] = {
    "residence": "Aufenthalt sichern und Bleibeperspektive entwickeln",
    "needs": "Persönliche Bedarfe decken (Wohnen, Leben, Geld)",
    "language": "Zugang zu Sprache ermöglichen",
    "education_work": "Zugang zu Bildung, Ausbildung und Arbeit eröffnen",
    "health": "Zugang zu medizinischer Versorgung herstellen",
    "mental_health": "Psychische Stabilität sichern oder herstellen",
    "networks": "Bestehende Netzwerke stärken und neue entwickeln",
    "perspectives": "Persönliche Perspektiven (weiter-)entwickeln",
}

FIELD_LABELS: dict[str, str] = {
    "given_names": "Vornamen",
    "family_name": "Familienname",
    "name_original": "Name in Originalschrift",
    "aliases": "Weitere Namen",
    "birth_date": "Geburtsdatum",
    "gender": "Geschlecht",
    "nationalities": "Staatsangehörigkeiten",
    "languages": "Sprachen",
    "interpreter": "Dolmetschbedarf",
    "address": "Anschrift",
    "phone": "Telefon",
    "email": "E-Mail",
    "residence": "Aufenthaltsstatus",
    "status": "Status",
    "paragraph": "Rechtsgrundlage",
    "valid_until": "Gültig bis",
    "issued": "Ausgestellt am",
    "number": "Nummer",
    "passport": "Pass",
    "entry_date": "Einreisedatum",
    "ref": "Aktenzeichen",
    "reference": "Aktenzeichen",
    "case_type": "Fallart",
    "phase": "Phase",
    "opened": "Eröffnet am",
    "closed": "Abgeschlossen am",
    "case_manager": "Case Manager/in",
    "need_level": "Bedarf (0–3)",
    "goals": "Ziele",
    "text": "Text",
    "target_date": "Zieldatum",
    "attainment": "Zielerreichung",
    "steps": "Schritte",
    "date": "Datum",
    "kind": "Art",
    "duration_minutes": "Dauer (Minuten)",
    "note": "Notiz",
    "agency": "Stelle",
    "agency_id": "Stelle (Kennung)",
    "legal_domain": "Rechtskreis",
    "recipient": "Empfänger",
    "recipient_id": "Empfänger (Kennung)",
    "categories": "Datenkategorien",
    "purpose": "Zweck",
    "given": "Erteilt am",
    "withdrawn": "Widerrufen am",
    "category": "Kategorie",
    "institution": "Institution",
    "description": "Beschreibung",
    "structural": "Strukturell",
    "type": "Art",
    "subject": "Betreff",
    "due": "Fällig am",
    "done": "Erledigt",
    "entries": "Einträge",
    "first": "Erster Eintrag",
    "last": "Letzter Eintrag",
    "by_action": "Nach Aktion",
    "party": "Beteiligte Seite",
    "action": "Handlung",
    "proof": "Nachweis",
    "view": "Angesehen",
    "create": "Angelegt",
    "update": "Geändert",
    "delete": "Gelöscht",
    "print": "Gedruckt",
    "export": "Exportiert",
}

CASE_VALUES: dict[str, str] = {
    "case_management": "Case Management",
    "referral_advice": "Verweisberatung",
    "intake": "Klärung",
    "assessment": "Assessment",
    "planning": "Hilfeplanung",
    "implementation": "Durchführung",
    "monitoring": "Monitoring",
    "closed": "Abgeschlossen",
    "meeting": "Gespräch",
    "phone": "Telefonat",
    "home_visit": "Hausbesuch",
    "case_conference": "Fallkonferenz",
    "open": "offen",
    "fulfilled": "erfüllt",
    "missed": "versäumt",
    "waived": "entfallen",
    "attained": "erreicht",
}

RIGHTS: tuple[tuple[str, str], ...] = (
    ("Berichtigung (Art. 16 DSGVO)",
     "Sie können verlangen, dass unrichtige Daten über Sie berichtigt und unvollständige "
     "vervollständigt werden."),
    ("Löschung (Art. 17 DSGVO)",
     "Sie können die Löschung Ihrer Daten verlangen, insbesondere wenn sie für den Zweck "
     "nicht mehr nötig sind oder Sie Ihre Einwilligung widerrufen haben."),
    ("Einschränkung der Verarbeitung (Art. 18 DSGVO)",
     "Sie können verlangen, dass Ihre Daten nur noch eingeschränkt verarbeitet werden, "
     "zum Beispiel solange ihre Richtigkeit geprüft wird."),
    ("Widerspruch (Art. 21 DSGVO)",
     "Sie können der Verarbeitung Ihrer Daten aus Gründen, die sich aus Ihrer besonderen "
     "Situation ergeben, jederzeit widersprechen."),
    ("Widerruf einer Einwilligung (Art. 7 Abs. 3 DSGVO)",
     "Eine Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen."),
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?")


# --------------------------------------------------------------------- JSON


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"Cannot write {type(value).__name__} to the export")


def subject_export_document(export: SubjectExportData) -> dict[str, Any]:
    """The machine-readable copy as a plain dict (what the JSON file holds)."""
    org = export.organisation
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "generated_on": export.generated_on,
        "controller": {
            "name": org.name,
            "address_lines": list(org.address_lines),
            "phone": org.phone,
            "email": org.email,
        },
        "subject": {"name": export.subject_name, "reference": export.reference},
        "statements": asdict(export.statements),
        "data": export.data,
        "extra": dict(export.extra),
    }


def subject_export_json(export: SubjectExportData) -> bytes:
    """The machine-readable copy: UTF-8 JSON, non-ASCII characters as they are."""
    text = json.dumps(subject_export_document(export), ensure_ascii=False, indent=2,
                      default=_json_default)
    return (text + "\n").encode("utf-8")


# ---------------------------------------------------------------------- PDF


def render_subject_export_pdf(export: SubjectExportData) -> bytes:
    """The readable copy as PDF bytes; nothing is written to disk."""
    org = clean(export.organisation.name).strip()
    footer = f"{TITLE} · Aktenzeichen {clean(export.reference)}"
    return build_pdf(
        _story(export),
        [plain_page_template(org)],
        title=f"{TITLE} {clean(export.reference)}",
        author=org,
        subject=TITLE,
        finish_page=page_footer(footer, lambda page, total: f"Seite {page} von {total}"),
    )


def _story(export: SubjectExportData) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        paragraph(TITLE, st["title"]),
        paragraph(
            f"für {clean(export.subject_name).strip()} · Aktenzeichen "
            f"{clean(export.reference)} · erstellt am {format_date(export.generated_on)}",
            st["subtitle"],
        ),
        paragraph(
            "Sie erhalten hiermit eine Kopie aller Daten, die wir über Sie gespeichert haben "
            "(Art. 15 Abs. 3 DSGVO), und die Informationen, die Ihnen nach Art. 15 Abs. 1 "
            "und 2 DSGVO zustehen. Dieselben Daten liegen maschinenlesbar als JSON-Datei bei.",
            st["body"],
        ),
    ]
    story += _statements(export)
    story.append(paragraph("Ihre gespeicherten Daten", st["title"]))
    story += _data_sections(export.data)
    return story


# ------------------------------------------------------------- statements


def _statements(export: SubjectExportData) -> list[Flowable]:
    st = styles()
    s = export.statements
    out: list[Flowable] = [paragraph("Informationen nach Art. 15 DSGVO", st["heading"])]
    rows: list[tuple[str, object]] = [("Verantwortliche Stelle", s.controller)]
    if clean(s.data_protection_officer).strip():
        rows.append(("Datenschutzbeauftragte/r", s.data_protection_officer))
    rows += [
        ("Zwecke der Verarbeitung", list(s.purposes)),
        ("Kategorien der Daten", list(s.categories)),
        ("Empfänger", list(s.recipients) + _letters_sent(export.data)),
        ("Speicherdauer", s.storage_period),
        ("Herkunft der Daten", list(s.sources)),
        ("Automatisierte Entscheidungen", s.automated_decisions),
        ("Übermittlung in Drittländer", s.third_country_transfers),
    ]
    out.append(_key_value_table(rows))
    out.append(paragraph("Ihre Rechte", st["subheading"]))
    rights = [(title, text) for title, text in RIGHTS]
    rights.append((
        "Beschwerde (Art. 77 DSGVO)",
        f"Sie können sich bei der Aufsichtsbehörde beschweren: {clean(s.supervisory_authority)}.",
    ))
    out.append(_key_value_table(rights))
    return out


def _letters_sent(data: Mapping[str, Any]) -> list[str]:
    """Every letter sent names a recipient the person is entitled to know."""
    letters = data.get("letters") or []
    out = []
    for letter in letters if isinstance(letters, list) else []:
        if isinstance(letter, Mapping):
            recipient = clean(letter.get("recipient") or letter.get("agency") or "").strip()
            when = _display(letter.get("date"))
            if recipient:
                out.append(f"Schreiben an {recipient}" + (f" vom {when}" if when else ""))
    return out


# ------------------------------------------------------------ data sections


def _data_sections(data: Mapping[str, Any]) -> list[Flowable]:
    st = styles()
    known = [key for key in SECTION_TITLES if key in data]
    others = [key for key in data if key not in SECTION_TITLES]
    out: list[Flowable] = []
    for key in known + others:
        title = SECTION_TITLES.get(key) or _humanise(key)
        out.append(paragraph(title, st["heading"]))
        value = data[key]
        if key == "goal_areas" and isinstance(value, Mapping):
            out += _goal_areas(value)
        else:
            out += _value_flowables(value)
    return out


def _goal_areas(areas: Mapping[str, Any]) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    for code, area in areas.items():
        out.append(paragraph(GOAL_AREAS.get(code, _humanise(code)), st["subheading"]))
        out += _value_flowables(area)
    return out or [paragraph("Keine Einträge.", st["cell"])]


def _value_flowables(value: Any) -> list[Flowable]:
    st = styles()
    if _is_empty(value):
        return [paragraph("Keine Einträge.", st["cell"])]
    if isinstance(value, Mapping):
        return [_key_value_table(list(value.items()))]
    if _is_list(value):
        items = list(value)
        if all(isinstance(item, Mapping) for item in items):
            return _records(items)
        return [paragraph(_display(items), st["cell"])]
    return [paragraph(_display(value), st["cell"])]


def _records(items: list[Mapping[str, Any]]) -> list[Flowable]:
    """A list of records: a table with a column per field when the records are
    flat and narrow enough, else one shaded block per record."""
    st = styles()
    keys: list[str] = []
    for item in items:
        keys += [str(k) for k in item if str(k) not in keys]
    flat = all(not isinstance(v, Mapping) and not (_is_list(v) and any(
        isinstance(x, Mapping) for x in v)) for item in items for v in item.values())
    if flat and len(keys) <= 6:
        return [_columns_table(items, keys)]
    out: list[Flowable] = []
    for i, item in enumerate(items, start=1):
        block = [paragraph(f"Eintrag {i} von {len(items)}", st["small"]),
                 _key_value_table(list(item.items()), shaded=True)]
        out.append(KeepTogether(block))
        out.append(Spacer(1, 2 * mm))
    return out


def _columns_table(items: list[Mapping[str, Any]], keys: list[str]) -> Table:
    """Records as rows; short columns get their width, long ones share the rest."""
    st = styles()
    cell = st["cell"]
    header = [FIELD_LABELS.get(k, _humanise(k)) for k in keys]
    texts = [[_display(item.get(k), k) for k in keys] for item in items]
    padding = 8
    natural = []
    for col in range(len(keys)):
        longest = max([text_width(visual_text(header[col]), fonts.SANS_BOLD, cell.fontSize)]
                      + [text_width(visual_text(row[col]), cell.fontName, cell.fontSize)
                         for row in texts])
        natural.append(longest + padding)
    widths = list(natural)
    if sum(widths) > CONTENT_WIDTH:
        # Columns narrower than a fair share keep their width; the others
        # share what is left, in proportion to their natural width.
        fair = CONTENT_WIDTH / len(keys)
        fixed = {i for i, w in enumerate(natural) if w <= fair}
        rest = CONTENT_WIDTH - sum(natural[i] for i in fixed)
        flexible = sum(natural[i] for i in range(len(keys)) if i not in fixed)
        widths = [natural[i] if i in fixed else rest * natural[i] / flexible
                  for i in range(len(keys))]
    else:
        widths[-1] += CONTENT_WIDTH - sum(widths)
    data = [[paragraph(h, st["cell_bold"]) for h in header]]
    data += [[paragraph(t, cell) for t in row] for row in texts]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]))
    return table


def _key_value_table(rows: Sequence[tuple[Any, Any]], shaded: bool = False,
                     width: float = CONTENT_WIDTH) -> Table:
    st = styles()
    label_width = min(LABEL_WIDTH, width * 0.38)
    data = []
    for key, value in rows:
        label = FIELD_LABELS.get(str(key), _humanise(str(key)))
        if isinstance(value, Mapping) and not _is_empty(value):
            cell: Any = _key_value_table(list(value.items()), width=width - label_width - 6)
        elif _is_list(value) and value and all(isinstance(v, Mapping) for v in value):
            cell = [
                _key_value_table(list(v.items()), width=width - label_width - 6)
                for v in value
            ]
        elif _is_list(value) and len(value) > 1 and all(isinstance(v, str) for v in value):
            cell = [paragraph(f"• {clean(v)}", st["cell"]) for v in value]
        else:
            cell = paragraph(_display(value, str(key)), st["cell"])
        data.append([paragraph(label, st["cell_bold"]), cell])
    table = Table(data, colWidths=[label_width, width - label_width])
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
    ]
    if shaded:
        style.append(("BACKGROUND", (0, 0), (-1, -1), SHADE))
    table.setStyle(TableStyle(style))
    return table


# ---------------------------------------------------------------- values


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple | set | frozenset)


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or (
        isinstance(value, Mapping | list | tuple | set | frozenset) and len(value) == 0
    )


def _display(value: Any, key: str = "") -> str:
    """One value as a person reads it: dates DD.MM.YYYY, yes/no, codes as words."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime | date):
        return format_date(value)
    if isinstance(value, Enum):
        value = value.value
    if _is_list(value):
        return ", ".join(_display(v, key) for v in value) or "–"
    if isinstance(value, Mapping):
        return "; ".join(f"{FIELD_LABELS.get(str(k), _humanise(str(k)))}: {_display(v, str(k))}"
                         for k, v in value.items())
    s = clean(value)
    if _ISO_DATE.fullmatch(s):
        return format_date(s)
    if key in ("case_type", "phase", "kind", "status") and s in CASE_VALUES:
        return CASE_VALUES[s]
    if key in ("goal_area", "area") and s in GOAL_AREAS:
        return GOAL_AREAS[s]
    return s


def _humanise(key: str) -> str:
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else key
