"""Reading a spreadsheet's CSV export: encoding, separator, header, rows with line numbers.

Teams come from Excel: German Excel writes ``;`` and, unless told otherwise,
Windows-1252 ("CSV (Trennzeichen-getrennt)"); "CSV UTF-8" adds a byte-order
mark. We accept UTF-8 with or without the mark and either separator, and say
exactly what to do with anything else.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from app.errors import DataError
from app.i18n import N_, _


@dataclass(frozen=True)
class CsvRow:
    line: int  # as in the file: the header is line 1
    cells: dict[str, str]


@dataclass(frozen=True)
class CsvTable:
    delimiter: str
    columns: tuple[str, ...]
    rows: tuple[CsvRow, ...]
    # Rows whose cell count does not fit the header: (line, message).
    shape_errors: tuple[tuple[int, str], ...]


SAVE_AS_UTF8 = N_("Save it from the spreadsheet as 'CSV UTF-8' and import again.")


def decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DataError(_("The file is UTF-16 text, not UTF-8 CSV. {advice}").format(advice=_(SAVE_AS_UTF8)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            _("The file is not UTF-8: line {line} has a byte UTF-8 does not allow (probably Windows-1252 "
              "from an older Excel). {advice}").format(line=line, advice=_(SAVE_AS_UTF8))
        ) from None


def normalise_column(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def sniff_delimiter(header_line: str) -> str:
    """``;`` when the header has more semicolons than commas (German Excel), else ``,``."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_table(data: bytes) -> CsvTable:
    text = decode(data)
    if not text.strip():
        raise DataError(_("The file is empty."))
    delimiter = sniff_delimiter(text.splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        columns = tuple(normalise_column(name) for name in header)
        duplicates = sorted({c for c in columns if columns.count(c) > 1 and c})
        if duplicates:
            raise DataError(_("The header names these columns more than once: {columns}.").format(columns=", ".join(duplicates)))
        rows: list[CsvRow] = []
        shape_errors: list[tuple[int, str]] = []
        line_after = reader.line_num
        for cells in reader:
            line, line_after = line_after + 1, reader.line_num  # a quoted cell may span lines
            if not any(cell.strip() for cell in cells):
                continue  # blank rows that spreadsheets leave at the end
            if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns):]):
                shape_errors.append(
                    (line, _("The row has {cells} cells but the header has {columns} columns.").format(
                        cells=len(cells), columns=len(columns)))
                )
                continue
            padded = list(cells) + [""] * (len(columns) - len(cells))
            rows.append(CsvRow(line, {col: padded[i] for i, col in enumerate(columns) if col}))
    except csv.Error as exc:
        raise DataError(_("The file is not valid CSV near line {line}: {error}.").format(line=reader.line_num, error=exc)) from None
    return CsvTable(delimiter, columns, tuple(rows), tuple(shape_errors))
