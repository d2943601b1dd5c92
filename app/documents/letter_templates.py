"""The editable letter texts, one file per legal domain, and filling them safely.

Templates are UTF-8 text files in ``resources/letter_templates/`` (format in
its README): a few ``key: value`` header lines, a ``---`` line, then the body
with paragraphs separated by blank lines. Placeholders use ``str.format``
syntax, but only plain names are filled: ``{name.__class__}`` or
``{name[0]}`` are never evaluated, and a placeholder without a value stays
visible as written, so the user sees it before printing.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.documents.text import format_date
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.resources import resource_path

TEMPLATE_DIR = resource_path("letter_templates")
DEFAULT_SALUTATION = "Sehr geehrte Damen und Herren,"
DEFAULT_CLOSING = "Mit freundlichen Grüßen"

# The placeholders the case file fills (documented for organisations in the
# README beside the templates).
PLACEHOLDERS: dict[str, str] = {
    "name": "given and family name of the person",
    "birth_date": "birth date, DD.MM.YYYY (or year only)",
    "nationality": "nationalities",
    "residence_status": "residence status, e.g. Duldung (§ 60a AufenthG)",
    "reference": "the case reference (Aktenzeichen)",
    "goal_summary": "situation, goals and need, written for this letter",
    "agency": "name of the recipient agency",
    "case_manager": "name of the case manager",
    "organisation": "name of the sending organisation",
    "today": "today's date, DD.MM.YYYY",
}

# Header keys as organisations write them (German) -> field.
_HEADER_KEYS = {
    "titel": "title",
    "title": "title",
    "rechtskreise": "legal_domains",
    "legal_domains": "legal_domains",
    "betreff": "subject",
    "subject": "subject",
    "anrede": "salutation",
    "salutation": "salutation",
    "gruss": "closing",
    "gruß": "closing",
    "closing": "closing",
}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_formatter = string.Formatter()


@dataclass(frozen=True)
class FilledLetter:
    """A template with its placeholders filled: the texts the user then edits."""

    subject: str
    salutation: str
    body: tuple[str, ...]
    closing: str


@dataclass(frozen=True)
class LetterTemplate:
    key: str  # the file name without .txt
    title: str
    legal_domains: tuple[str, ...]
    subject: str
    salutation: str
    closing: str
    body: tuple[str, ...]  # paragraphs, with placeholders

    def fill(self, values: Mapping[str, object]) -> FilledLetter:
        return FilledLetter(
            subject=fill_placeholders(self.subject, values),
            salutation=fill_placeholders(self.salutation, values),
            body=tuple(fill_placeholders(p, values) for p in self.body),
            closing=fill_placeholders(self.closing, values),
        )

    def placeholders(self) -> set[str]:
        """Every placeholder name the template uses."""
        names: set[str] = set()
        for text in (self.subject, self.salutation, self.closing, *self.body):
            names |= {field for _, field, _, _ in _formatter.parse(text) if field}
        return names


def _value_text(value: object) -> str:
    if isinstance(value, datetime | date):
        return format_date(value)
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_value_text(v) for v in value)
    return str(value)


def fill_placeholders(text: str, values: Mapping[str, object]) -> str:
    """``text`` with ``{name}`` placeholders replaced from ``values``.

    Only plain names are looked up, never attributes or items; a name with no
    value (missing or ``None``) and any placeholder with a format spec,
    conversion, attribute or index stays in the text as written. Values are
    inserted as they are: they are not parsed again.
    """
    try:
        parts = list(_formatter.parse(text))
    except ValueError as exc:
        raise ValidationError(_("The template text has an unmatched brace: {error}.").format(error=exc)) from exc
    out = []
    for literal, field, spec, conversion in parts:
        out.append(literal)
        if field is None:
            continue
        simple = _IDENTIFIER.fullmatch(field) and not spec and not conversion
        value = values.get(field) if simple else None
        if value is None:
            written = "{" + field + (f"!{conversion}" if conversion else "")
            written += (f":{spec}" if spec else "") + "}"
            out.append(written)
        else:
            out.append(_value_text(value))
    return "".join(out)


def parse_template(text: str, key: str) -> LetterTemplate:
    """A template from its file text; ``key`` names it in error messages."""
    header, sep, body = text.replace("\r\n", "\n").partition("\n---")
    if not sep:
        raise ValidationError(
            _("The letter template {key} has no '---' line between its header and its text.").format(key=key)
        )
    fields: dict[str, str] = {}
    for number, line in enumerate(header.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        name, colon, value = stripped.partition(":")
        field = _HEADER_KEYS.get(name.strip().lower())
        if not colon or field is None:
            raise ValidationError(
                _("The letter template {key} has an unknown header line {number}: {line}").format(
                    key=key, number=number, line=stripped)
            )
        fields[field] = value.strip()
    if not fields.get("subject"):
        raise ValidationError(_("The letter template {key} has no subject (betreff).").format(key=key))
    body = body.partition("\n")[2]  # the rest of the '---' line
    paragraphs = tuple(
        " ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()
    )
    if not paragraphs:
        raise ValidationError(_("The letter template {key} has no text after '---'.").format(key=key))
    template = LetterTemplate(
        key=key,
        title=fields.get("title") or key,
        legal_domains=tuple(
            d.strip() for d in fields.get("legal_domains", "").split(",") if d.strip()
        ),
        subject=fields["subject"],
        salutation=fields.get("salutation") or DEFAULT_SALUTATION,
        closing=fields.get("closing") or DEFAULT_CLOSING,
        body=paragraphs,
    )
    try:
        template.placeholders()  # unmatched braces fail here, at load time
    except ValueError as exc:
        raise ValidationError(
            _("The letter template {key} has an unmatched brace: {error}.").format(key=key, error=exc)
        ) from exc
    return template


def load_template(path: Path) -> LetterTemplate:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise NotFoundError(_("The letter template {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror)) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(_("The letter template {path} is not UTF-8 text.").format(path=path)) from exc
    try:
        return parse_template(text, path.stem)
    except ValidationError as exc:
        raise ValidationError(_("{message} (file: {path})").format(message=exc.message, path=path)) from exc


def load_templates(directory: Path | None = None) -> dict[str, LetterTemplate]:
    """All templates in ``directory`` (default: the shipped ones), by key."""
    folder = directory or TEMPLATE_DIR
    if not folder.is_dir():
        raise NotFoundError(_("The letter template folder {folder} does not exist.").format(folder=folder))
    return {path.stem: load_template(path) for path in sorted(folder.glob("*.txt"))}


def template_for_domain(legal_domain: str, directory: Path | None = None) -> LetterTemplate:
    """The template for an agency's legal domain (e.g. ``"SGB II"``)."""
    wanted = " ".join(legal_domain.split()).casefold()
    for template in load_templates(directory).values():
        if any(d.casefold() == wanted for d in template.legal_domains):
            return template
    raise NotFoundError(_("There is no letter template for the legal domain {legal_domain}.").format(legal_domain=legal_domain))
