"""Babel extractor for Lotse's Python files (babel.cfg, method ``lotse``).

It yields what Babel's own Python extractor finds (``_``, ``N_``, ``ngettext``)
and, in addition, the field labels passed as string literals to the
validation cleaners and ``get_row``: ``v.past_date(x, "contact date")``. The
cleaners translate the label when they build a message ("The {label} is
missing."), so the label needs a catalog entry like any other text; finding it
here means a service author never has to remember a marker for it.

Only literal labels are found. A label passed through a variable (a helper of
one's own that forwards ``label``) must be marked with ``N_()`` where it is
written.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

# Function name -> the (position, keyword) of each argument that is a label users read.
# Kept in step with app/services/validation.py by tests/unit/test_catalogs.py.
LABEL_ARGUMENTS: dict[str, tuple[tuple[int, str], ...]] = {
    "clean_name": ((1, "label"),),
    "clean_text": ((1, "label"),),
    "parse_date": ((1, "label"),),
    "require_date": ((1, "label"),),
    "not_in_future": ((1, "label"),),
    "past_date": ((1, "label"),),
    "not_before": ((2, "label"), (3, "earliest_label")),
    "clean_int": ((1, "label"),),
    "clean_number": ((1, "label"),),
    "clean_bool": ((1, "label"),),
    "clean_code": ((2, "label"),),
    "clean_codes": ((2, "label"),),
    "clean_language": ((1, "label"),),
    "clean_fields": ((2, "what"),),
    "get_row": ((3, "what"),),
}
LABEL_COMMENT = "A field or record name, used inside messages such as 'The {label} is missing.'"

Message = tuple[int, str | None, str | tuple[str, ...], list[str]]


def extract_lotse(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any] | Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Message]:
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    yield from labels_in_source(source.decode(options.get("encoding", "utf-8")))


def labels_in_source(text: str) -> Iterator[Message]:
    """``(line, None, label, [comment])`` for every literal label argument in ``text``."""
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node.func)
        for position, keyword in LABEL_ARGUMENTS.get(name or "", ()):
            argument = _argument(node, position, keyword)
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and argument.value:
                yield argument.lineno, None, argument.value, [LABEL_COMMENT]


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position and not any(isinstance(arg, ast.Starred) for arg in call.args[: position + 1]):
        return call.args[position]
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    return None
