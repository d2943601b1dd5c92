"""Type country or language names ("Syria, Iraq"; "Arabic, Kurdish"), store ISO codes.

The field shows names in the interface language (from Babel's CLDR data) and
completes each comma-separated part; codes typed directly ("SY", "ar") work
too. ``codes()`` turns the text into codes, ``problem()`` names a part it does
not know, in a sentence.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.i18n import _, current_language
from app.services.validation import EXTRA_COUNTRIES, EXTRA_LANGUAGES, country_codes, language_codes

SEPARATOR = ", "


@cache
def country_names(language: str) -> dict[str, str]:
    """ISO 3166 code -> name in ``language``."""
    from babel import Locale

    territories = Locale.parse(language).territories
    names = {code: territories.get(code, EXTRA_COUNTRIES.get(code, code)) for code in country_codes()}
    names["XX"] = _("stateless")
    return names


@cache
def language_names(language: str) -> dict[str, str]:
    """ISO 639 code -> name in ``language``."""
    from babel import Locale

    languages = Locale.parse(language).languages
    return {code: languages.get(code, EXTRA_LANGUAGES.get(code, code)) for code in language_codes()}


class _PartCompleter(QCompleter):
    """Completes the part after the last comma, keeping what was typed before it."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt's name
        typed = self.widget().text() if self.widget() else ""
        head = typed.rsplit(",", 1)[0] + SEPARATOR if "," in typed else ""
        return head + str(index.data())


class CodeListField(QLineEdit):
    def __init__(self, names: dict[str, str], accessible_name: str, *, single: bool = False,
                 uppercase_codes: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._single = single
        self._upper = uppercase_codes
        self._by_name = {name.casefold(): code for code, name in names.items()}
        self.setAccessibleName(accessible_name)
        completer = QCompleter(self) if single else _PartCompleter(self)
        completer.setModel(QStringListModel(sorted(set(names.values()), key=str.casefold), completer))
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.setMaxVisibleItems(10)
        self.setCompleter(completer)

    @classmethod
    def countries(cls, accessible_name: str, *, single: bool = False) -> CodeListField:
        return cls(country_names(current_language() or "en"), accessible_name, single=single, uppercase_codes=True)

    @classmethod
    def languages(cls, accessible_name: str, *, single: bool = False) -> CodeListField:
        return cls(language_names(current_language() or "en"), accessible_name, single=single)

    def _parts(self) -> list[str]:
        text = self.text().strip()
        if not text:
            return []
        if self._single:
            return [text]
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]

    def _code_of(self, part: str) -> str | None:
        code = part.upper() if self._upper else part.lower()
        if code in self._names:
            return code
        return self._by_name.get(part.casefold())

    def codes(self) -> list[str]:
        """The codes of the known parts, in order, without repeats (unknown parts are left out)."""
        result: list[str] = []
        for part in self._parts():
            code = self._code_of(part)
            if code and code not in result:
                result.append(code)
        return result

    def code(self) -> str:
        codes = self.codes()
        return codes[0] if codes else ""

    def problem(self) -> str:
        for part in self._parts():
            if self._code_of(part) is None:
                return _("'{part}' is not a name Lotse knows. Choose one from the suggestions.").format(part=part)
        return ""

    def set_codes(self, codes: list[str] | str | None) -> None:
        if isinstance(codes, str):
            codes = [codes] if codes else []
        self.setText(SEPARATOR.join(self._names.get(code, code) for code in (codes or [])))

    def display(self, codes: list[str]) -> str:
        return SEPARATOR.join(self._names.get(code, code) for code in codes)
