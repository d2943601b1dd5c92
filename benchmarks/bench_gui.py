"""The workbench as a user feels it, offscreen on the demo vault (real widgets, real paints).

- first paint of the case list: page created → first page of rows in the model
  and the table's viewport painted with them;
- search as you type: a name typed one key at a time (with a pause longer than
  the debounce, as people type a name they read off a paper), keystroke →
  results in the model and painted; and a burst (keys faster than the debounce)
  from the last key, which includes the 150 ms debounce on purpose;
- opening a case: ``open_case`` → the case file loaded off-thread, every tab
  filled (``show_case``) and the view painted. The page builds the next case
  view ahead while the user pauses (0.4 s); the benchmark lets that happen
  between opens, as reading a case takes longer than that.
"""

from __future__ import annotations

import os
import random
import time

from benchmarks.harness import BenchContext, Figure, Timing

SEARCH_WORDS = ("Haddad", "Kravchenko", "Tesfaye", "Ahmadi", "Okafor", "Mohammed")
OPEN_SAMPLES = 25
FIRST_PAINT_RUNS = 5
WINDOW_SIZE = (1240, 760)


def _application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.ui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        app = QApplication(["lotse-bench"])
        apply_theme(app)  # the real style sheet: painting costs what users pay
        i18n.install("en")
    return app


class _PaintProbe:
    """Waits, in a real event loop, until ``ready()`` holds and the widget painted after that."""

    def __init__(self, *widgets) -> None:
        from PySide6.QtCore import QEvent, QObject

        probe = self

        class Filter(QObject):
            def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint and probe.ready is not None and probe.ready():
                    probe.painted_at = time.perf_counter()
                return False

        self.filter = Filter()
        self.widgets = widgets
        self.ready = None
        self.painted_at: float | None = None
        for widget in widgets:
            widget.installEventFilter(self.filter)

    def wait(self, ready, timeout_s: float = 30.0) -> float:
        """Seconds-precision clock value of the first paint after ``ready()`` became true."""
        from PySide6.QtCore import QEventLoop, QTimer

        self.ready = ready
        self.painted_at = None
        deadline = time.perf_counter() + timeout_s
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(1)

        def check() -> None:
            if ready() and self.painted_at is None:
                for widget in self.widgets:  # the view repaints on its own; make sure a paint is queued
                    widget.update()
            if self.painted_at is not None or time.perf_counter() > deadline:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()
        if self.painted_at is None:
            raise TimeoutError("the view did not paint in time")
        return self.painted_at


def _settle(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measure_first_paint(vault, runs: int = FIRST_PAINT_RUNS) -> Timing:
    from app.ui.pages.cases_page import CasesPage

    samples = []
    for _ in range(runs + 1):  # the first run warms imports and caches: not counted
        started = time.perf_counter()
        page = CasesPage(vault)
        page.resize(*WINDOW_SIZE)
        probe = _PaintProbe(page.table.viewport())
        page.show()
        painted = probe.wait(lambda page=page: page.model.rowCount() > 0 and page.table.isVisible())
        samples.append((painted - started) * 1000)
        page.close()
        page.deleteLater()
        _settle(20)
    return Timing(tuple(samples[1:]))


def measure_search(vault) -> tuple[Timing, Timing, Timing]:
    """(per keystroke, typed slowly; the query's worker round trip; last key of a burst → shown)."""
    from PySide6.QtTest import QTest

    from app.ui.pages.cases_page import MIN_SEARCH_LENGTH, SEARCH_DEBOUNCE_MS, CasesPage

    page = CasesPage(vault)
    page.resize(*WINDOW_SIZE)
    # A search without hits shows the empty-state sentence instead of the table.
    probe = _PaintProbe(page.table.viewport(), page.empty_label)
    page.show()
    probe.wait(lambda: page.model.rowCount() > 0)
    field = page.search_field
    field.setFocus()
    keystrokes, queries, bursts = [], [], []

    def shown(text: str):
        return lambda: page.model.query.search == text and not page.model.is_loading()

    for word in SEARCH_WORDS:
        field.clear()
        _settle(SEARCH_DEBOUNCE_MS + 60)
        probe.wait(shown(""))
        for length in range(MIN_SEARCH_LENGTH, len(word) + 1):
            if length == MIN_SEARCH_LENGTH:  # the first letter only says "type one more letter"
                QTest.keyClick(field, word[0])
            _settle(SEARCH_DEBOUNCE_MS + 30)  # a pause between keys, as when reading a name off a paper
            started = time.perf_counter()
            QTest.keyClick(field, word[length - 1])
            painted = probe.wait(shown(word[:length]))
            keystrokes.append((painted - started) * 1000)
            queries.append(page.model.last_query_ms or 0.0)
        # The same word typed fast: the debounce coalesces the burst into one query.
        field.clear()
        _settle(SEARCH_DEBOUNCE_MS + 60)
        probe.wait(shown(""))
        _settle(SEARCH_DEBOUNCE_MS + 30)
        for char in word:
            QTest.keyClick(field, char)
            started = time.perf_counter()
            _settle(25)
        painted = probe.wait(shown(word))
        bursts.append((painted - started) * 1000)
    page.close()
    page.deleteLater()
    return Timing(tuple(keystrokes)), Timing(tuple(queries)), Timing(tuple(bursts))


def measure_case_open(vault, samples: int = OPEN_SAMPLES, seed: int = 1) -> Timing:
    from app.services.case_list import case_page
    from app.ui.pages.cases_page import CasesPage

    rows, _total = case_page(vault, sort="ref", limit=2000)
    chosen = random.Random(seed).sample(rows, min(samples + 1, len(rows)))
    page = CasesPage(vault)
    page.resize(*WINDOW_SIZE)
    page.show()
    _settle(50)
    times = []
    for row in chosen:
        # A user reads a case for more than the 0.4 s after which the next view is built ahead.
        probe_idle = _PaintProbe(page)
        probe_idle.wait(lambda: page.spare_view is not None)
        started = time.perf_counter()
        view = page.open_case(row.case_id, row.ref, row.name)
        probe = _PaintProbe(view)
        painted = probe.wait(lambda view=view: view.detail is not None and not view.is_loading())
        times.append((painted - started) * 1000)
        _settle(10)
    page.close()
    page.deleteLater()
    return Timing(tuple(times[1:]))


def run(ctx: BenchContext) -> list[Figure]:
    _application()
    vault = ctx.vault(ctx.cases)
    n = f"{ctx.cases:,} cases"
    first_paint = measure_first_paint(vault)
    keystroke, query, burst = measure_search(vault)
    case_open = measure_case_open(vault)
    return [
        Figure.of("gui_case_list_first_paint_median_ms", first_paint.median_ms, "ms", 300.0,
                  note=f"{n}; page created → first 100 rows painted, offscreen"),
        Figure.of("gui_search_keystroke_median_ms", keystroke.median_ms, "ms", 100.0,
                  note=f"{n}; {', '.join(SEARCH_WORDS)} typed key by key (search starts at 2 letters): "
                       "keystroke → results painted"),
        Figure.of("gui_search_keystroke_p95_ms", keystroke.p95_ms, "ms", 100.0, note=f"{n}"),
        Figure.of("gui_search_query_p95_ms", query.p95_ms, "ms",
                  note="worker round trip of the page query (list_cases + count + snippets)"),
        Figure.of("gui_search_burst_last_key_median_ms", burst.median_ms, "ms",
                  note="fast typing: last key → results painted, includes the 150 ms debounce"),
        Figure.of("gui_case_open_median_ms", case_open.median_ms, "ms", 150.0,
                  note=f"{n}; open_case → case file loaded, header and the tab in view filled (the others fill when shown), painted"),
        Figure.of("gui_case_open_p95_ms", case_open.p95_ms, "ms", 150.0, note=f"{n}; {OPEN_SAMPLES} cases"),
    ]
