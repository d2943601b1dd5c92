"""Render times of the documents (issue 6), in memory, from the sample inputs.

A referral letter (target: under 100 ms), a three-page letter, the agreement
in Persian (shaping and right-to-left) and a 10-page Art. 15 export. These
time the renderers alone; fetching the case and the consent gate come on
top once the services call them. Fonts are registered before timing (once
per process, about 50 ms).

Alone: ``.venv/bin/python -m benchmarks.bench_documents`` prints JSON.
"""

from __future__ import annotations

import json

from app.documents import fonts, samples
from app.documents.agreement import render_agreement
from app.documents.referral_letter import render_referral_letter
from app.documents.subject_export import render_subject_export_pdf
from benchmarks.harness import BenchContext, Figure, time_runs

LETTER_TARGET_MS = 100.0
EXPORT_CONTACTS_FOR_10_PAGES = 150  # the sample export runs to 10 pages with these


def run(ctx: BenchContext) -> list[Figure]:
    fonts.register_fonts()
    letter = samples.letter()
    long_letter = samples.long_letter()
    agreement = samples.agreement()
    export = samples.subject_export(contacts=EXPORT_CONTACTS_FOR_10_PAGES)
    letter_time = time_runs(lambda: render_referral_letter(letter), runs=50)
    return [
        Figure.of("letter_ms", letter_time.median_ms, "ms", LETTER_TARGET_MS,
                  note="median of 50 renders, renderer only"),
        Figure.of("letter_p95_ms", letter_time.p95_ms, "ms"),
        Figure.of("letter_3_pages_ms",
                  time_runs(lambda: render_referral_letter(long_letter), runs=10).median_ms,
                  "ms"),
        Figure.of("agreement_fa_ms",
                  time_runs(lambda: render_agreement(agreement, "fa"), runs=10).median_ms, "ms"),
        Figure.of("subject_export_10_pages_ms",
                  time_runs(lambda: render_subject_export_pdf(export), runs=5,
                            warmup=1).median_ms, "ms"),
    ]


if __name__ == "__main__":
    figures = run(BenchContext(cases=0))
    print(json.dumps({f.name: f.as_json() for f in figures}, indent=2))
