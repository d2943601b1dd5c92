"""Render times of the documents (issue 6): a referral letter and a 10-page
Art. 15 export, median of repeated in-memory renders.

Run: ``.venv/bin/python -m benchmarks.bench_documents [--runs N]``; prints JSON.
Target: under 100 ms per letter. The first render also registers the fonts
(parsing four TTF files); it is reported apart as ``first_letter_ms``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

from app.documents.agreement import render_agreement
from app.documents.referral_letter import render_referral_letter
from app.documents.subject_export import render_subject_export_pdf
from tests.unit import document_samples as samples

EXPORT_CONTACTS_FOR_10_PAGES = 150


def _median_ms(render: Callable[[], bytes], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def run(runs: int = 50) -> dict[str, float]:
    letter = samples.letter()
    start = time.perf_counter()
    render_referral_letter(letter)
    first = (time.perf_counter() - start) * 1000
    export = samples.subject_export(contacts=EXPORT_CONTACTS_FOR_10_PAGES)
    agreement = samples.agreement()
    return {
        "first_letter_ms": round(first, 1),
        "letter_ms": _median_ms(lambda: render_referral_letter(letter), runs),
        "letter_3_pages_ms": _median_ms(
            lambda: render_referral_letter(samples.long_letter()), max(5, runs // 5)),
        "agreement_fa_ms": _median_ms(lambda: render_agreement(agreement, "fa"),
                                      max(5, runs // 5)),
        "subject_export_10_pages_ms": _median_ms(
            lambda: render_subject_export_pdf(export), max(3, runs // 10)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    print(json.dumps(run(parser.parse_args().runs), indent=2))


if __name__ == "__main__":
    main()
