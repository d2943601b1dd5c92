"""Babel extractor for Lotse's Python files (babel.cfg, method ``lotse``).

It yields what Babel's own Python extractor finds (``_``, ``N_``, ``ngettext``)
and, in addition, the field labels passed as string literals to the
validation cleaners and ``get_row``: ``v.past_date(x, "contact date")``. The
cleaners translate the label when they build a message ("The {label} is
missing."), so the label needs a catalog entry like any other text; finding it
here means a service author never has to remember a marker for it.

Only literal labels are found, and only in calls of the functions from
``app.services.validation`` and ``app.services.lookup`` (imported by name or
through the module, as in ``from app.services import validation as v``), so
a function of the same name elsewhere is not mistaken for a cleaner. A label
passed through a variable (a helper of one's own that forwards ``label``)
must be marked with ``N_()`` where it is written.
"""

from __future__ import annotations

import ast
import io
import json
import re
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
LABEL_MODULES = ("app.services.validation", "app.services.lookup")

Message = tuple[int, str | None, str | tuple[str, ...], list[str]]


def extract_lotse(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any] | Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Message]:
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    filename = getattr(fileobj, "name", "")
    yield from labels_in_source(source.decode(options.get("encoding", "utf-8")), _module_of(filename))


def labels_in_source(text: str, module: str = "") -> Iterator[Message]:
    """``(line, None, label, [comment])`` for every literal label argument in ``text``.

    ``module`` is the dotted name of the file itself: inside the validation and lookup
    modules, their functions are called by their bare names.
    """
    tree = ast.parse(text)
    functions, modules = _cleaner_names(tree, module)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node.func, functions, modules)
        for position, keyword in LABEL_ARGUMENTS.get(name or "", ()):
            argument = _argument(node, position, keyword)
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and argument.value:
                yield argument.lineno, None, argument.value, [LABEL_COMMENT]


def _cleaner_names(tree: ast.Module, module: str) -> tuple[set[str], set[str]]:
    """(cleaner functions callable by bare name, names bound to a cleaner module) in ``tree``."""
    functions = set(LABEL_ARGUMENTS) if module in LABEL_MODULES else set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in LABEL_MODULES:
            functions.update(alias.asname or alias.name for alias in node.names if alias.name in LABEL_ARGUMENTS)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in LABEL_MODULES:
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            modules.update(alias.asname for alias in node.names if alias.name in LABEL_MODULES and alias.asname)
    return functions, modules


def _called_name(func: ast.expr, functions: set[str], modules: set[str]) -> str | None:
    if isinstance(func, ast.Name) and func.id in functions:
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules:
        return func.attr
    return None


def _module_of(filename: str) -> str:
    """'app/services/validation.py' -> 'app.services.validation' (relative to the repository root)."""
    parts = filename.replace("\\", "/").removesuffix(".py").split("/")
    return ".".join(parts[parts.index("app"):]) if "app" in parts else ""


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position and not any(isinstance(arg, ast.Starred) for arg in call.args[: position + 1]):
        return call.args[position]
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    return None


# --- texts that should be in the catalogs but are not marked ---------------------------------

# Exceptions whose message reaches a user (app/errors.py, and argparse's, which becomes a UsageError).
USER_ERRORS = frozenset({
    "LotseError", "UsageError", "AuthenticationError", "DataError", "ValidationError", "NotFoundError",
    "PolicyError", "ArgumentTypeError",
})
# Qt calls and the shell's widget helpers whose first argument is text on screen.
UI_TEXT_CALLS = frozenset({
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setStatusTip", "setWhatsThis", "setTitle", "setSuffix", "setPrefix",
    "setSpecialValueText", "setInformativeText", "setDetailedText", "showMessage", "addItem", "addTab",
    "setTabText", "addAction", "addMenu", "setLabelText", "setHeaderLabels", "setHorizontalHeaderLabels",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QMenu",
    "primary_button", "secondary_button", "link_button", "role_label", "hint_label", "field_label",
    "show_message", "set_texts", "Header", "PageFrame",
})
SKIP_MARKER = "i18n: skip"  # a comment on the line: this literal is not for translation (a brand, a code)
_WORD = re.compile(r"[^\W\d_]{3,}")


def unmarked_texts(text: str, *, printed: bool = False) -> Iterator[tuple[int, str]]:
    """``(line, text)`` for user-visible literals in ``text`` that bypass ``_()``.

    Finds messages of user-facing exceptions, texts handed to Qt, and (with
    ``printed``, for CLI modules) ``print`` output. A helper for the final
    translation pass, not a proof: a text built elsewhere and passed in a
    variable is not seen.
    """
    lines = text.splitlines()
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        if not (name in USER_ERRORS or name in UI_TEXT_CALLS or (printed and name == "print")):
            continue
        literal = _unmarked_literal(node.args[0])
        if literal and SKIP_MARKER not in lines[node.lineno - 1]:
            yield node.lineno, literal


def _unmarked_literal(node: ast.expr) -> str:
    """The words of a literal text not wrapped in a gettext call ('' when it is wrapped or no text)."""
    if isinstance(node, ast.Call):
        called = node.func.id if isinstance(node.func, ast.Name) else ""
        if called in ("_", "N_", "ngettext"):
            return ""
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return _unmarked_literal(node.func.value)
        return ""
    if isinstance(node, ast.BinOp):
        return _unmarked_literal(node.left) or _unmarked_literal(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    else:
        return ""
    words = _WORD.findall(text)
    # Text needs a word with a small letter (not a pattern like XXXX-XXXX) other than the program's name.
    if any(word.lower() != "lotse" and not word.isupper() for word in words):
        return text.strip()
    return ""


# --- sentences in the residence-law rules files (resources/rules/*.json) ----------------------

# Keys whose lists hold sentences shown to the case manager (the residence check translates them).
RULE_TEXT_KEYS = ("not_checked", "hints")
RULE_TEXT_COMMENT = "From the residence-law rules file {file} ({key}); keep the § citations as they are."


def extract_rule_texts(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any] | Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Message]:
    """The ``not_checked`` and ``hints`` sentences of a rules file, with their line numbers."""
    raw = fileobj.read().decode(options.get("encoding", "utf-8"))
    name = getattr(fileobj, "name", "rules file").replace("\\", "/").rsplit("/", 1)[-1]
    for key, text in _rule_texts(json.loads(raw)):
        line = raw[: max(raw.find(json.dumps(text, ensure_ascii=False)), 0)].count("\n") + 1
        yield line, None, text, [RULE_TEXT_COMMENT.format(file=name, key=key)]


def _rule_texts(node: Any) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in RULE_TEXT_KEYS and isinstance(value, list):
                yield from ((key, item) for item in value if isinstance(item, str) and item.strip())
            else:
                yield from _rule_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _rule_texts(item)
