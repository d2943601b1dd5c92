"""The report as CSV (CLI.md ``report --csv``): long format, one figure a row.

Header ``section,key,value``; UTF-8 without BOM (the header is the contract);
values are the *published* ones: ``<5`` for 1 to 4, ``x`` for a cell withheld so
that a ``<5`` cannot be recomputed, ``total`` rows for the sums shown.
"""

from __future__ import annotations

import csv
import io

from app.services.reporting.disclosure import PublishedReport

HEADER = ("section", "key", "value")


def report_csv(published: PublishedReport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for section, cells in published.sections.items():
        for key, value in cells.items():
            writer.writerow((section, key, value))
    return buffer.getvalue().encode("utf-8")
