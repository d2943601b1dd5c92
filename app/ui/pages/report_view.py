"""The published report on screen: the PDF's sections, tables and charts, in the same order.

Only a *published* report comes in (``<5`` and ``x`` already applied), so the
screen shows what the PDF and the CSV show, mark for mark. Row labels are the
report's German labels (app/services/reporting/labels.py), as in the PDF;
headings follow the interface language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from app.i18n import _
from app.services.reporting import labels
from app.services.reporting import report as r
from app.services.reporting.disclosure import TOTAL, PublishedReport
from app.ui.formats import format_count
from app.ui.widgets.bar_chart import BarChart
from app.ui.widgets.card import Card
from app.ui.widgets.figures_table import FiguresTable
from app.ui.widgets.labels import hint_label, role_label
from app.ui.widgets.responsive_pair import ResponsivePair

TILE_COLUMNS = 4
TABLE_MAX_WIDTH = 760  # wider, and the eye loses the row between a label and its figure


def _rows(cells: dict, label_of: Callable[[str], str]) -> list[list]:
    rows = [[label_of(k), v] for k, v in cells.items() if k != TOTAL]
    if TOTAL in cells:
        rows.append([_("Total"), cells[TOTAL]])
    return rows


class ReportView(QWidget):
    """Rebuilt for each report; ``tables`` and ``charts`` name what it shows (tests read them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables: dict[str, FiguresTable] = {}
        self.charts: dict[str, BarChart] = {}
        self.tiles: dict[str, str] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(16)

    def clear(self) -> None:
        self.tables.clear()
        self.charts.clear()
        self.tiles.clear()
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def show_report(self, published: PublishedReport) -> None:
        self.clear()
        sec = published.sections
        self._layout.addWidget(self._at_a_glance(sec))
        self._layout.addWidget(self._cases(sec))
        self._layout.addWidget(self._people(sec))
        self._layout.addWidget(self._goals(sec))
        self._layout.addWidget(self._need_levels(sec))
        self._layout.addWidget(self._referrals(sec))
        self._layout.addWidget(self._barriers(sec))

    # --- building blocks ---------------------------------------------------------------

    def _table(self, key: str, title: str, header: list[str], rows: list[list], *, total_row: bool = True,
               value_width: int = 96) -> FiguresTable:
        table = FiguresTable(title)
        table.set_figures(header, rows, total_row=total_row, value_width=value_width)
        self.tables[key] = table
        return table

    def _chart(self, key: str, title: str, categories: list[str], series: list[list],
               names: list[str] | None = None) -> BarChart:
        chart = BarChart(title)
        chart.set_data(categories, series, names)
        self.charts[key] = chart
        return chart

    @staticmethod
    def _block(heading: str, *widgets: QWidget) -> QWidget:
        """A sub-heading with what belongs under it, as one cell of a section's grid."""
        block = QWidget()
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if heading:
            layout.addWidget(role_label(heading, "subsection"))
        for widget in widgets:
            layout.addWidget(widget)
        return block

    @staticmethod
    def _with_chart(table: FiguresTable, chart: BarChart, stretch: tuple[int, int] = (5, 6)) -> ResponsivePair:
        """The table with its chart beside it, the chart's first bar level with the table's first row."""
        header = table.horizontalHeader().sizeHint().height() + table.frameWidth()
        return ResponsivePair(table, chart, stretch, right_top_padding=header)

    # --- sections, as in the PDF ------------------------------------------------------------

    def _at_a_glance(self, sec: dict) -> QWidget:
        card = Card(_("At a glance"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        figures = [
            ("opened", _("Cases opened"), sec[r.CASES_OPENED][TOTAL]),
            ("active", _("Active cases"), sec[r.CASES_ACTIVE][TOTAL]),
            ("closed", _("Cases closed"), sec[r.CASES_CLOSED][TOTAL]),
            ("conferences", _("Case conferences"), sec[r.CASE_CONFERENCES]["count"]),
            ("goals_set", _("Goals set"), sec[r.GOALS_SET][TOTAL]),
            ("goals_attained", _("Goals attained"), sec[r.GOALS_ATTAINED][TOTAL]),
            ("referrals", _("Referrals"), sec[r.REFERRALS][TOTAL]),
            ("barriers", _("Barriers recorded"), sec[r.BARRIERS][TOTAL]),
        ]
        for index, (key, label, value) in enumerate(figures):
            self.tiles[key] = format_count(value)
            grid.addWidget(self._tile(label, value), index // TILE_COLUMNS, index % TILE_COLUMNS)
        card.content.addLayout(grid)
        return card

    @staticmethod
    def _tile(label: str, value) -> QFrame:
        tile = QFrame()
        tile.setProperty("tile", True)
        layout = QVBoxLayout(tile)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        number = role_label(format_count(value), "figure" if isinstance(value, int) else "figure-withheld", wrap=False)
        number.setAccessibleName(f"{label}: {format_count(value)}")
        layout.addWidget(number)
        layout.addWidget(hint_label(label))
        return tile

    def _cases(self, sec: dict) -> QWidget:
        card = Card(_("1. Cases"), _("Active: open on at least one day of the period."))
        types = [k for k in sec[r.CASES_OPENED] if k != TOTAL]
        rows = [[labels.label(labels.CASE_TYPES, t), sec[r.CASES_OPENED][t], sec[r.CASES_ACTIVE][t],
                 sec[r.CASES_CLOSED][t]] for t in types]
        rows.append([_("Total"), sec[r.CASES_OPENED][TOTAL], sec[r.CASES_ACTIVE][TOTAL], sec[r.CASES_CLOSED][TOTAL]])
        cases = self._table("cases", _("Cases by case type"), [_("Case type"), _("Opened"), _("Active"), _("Closed")],
                            rows, value_width=84)
        reasons = self._table(r.CLOSING_REASONS, _("Closing reasons"), [_("Closing reason"), _("Cases")],
                              _rows(sec[r.CLOSING_REASONS], lambda k: labels.label(labels.CLOSING_REASONS, k)))
        card.content.addWidget(ResponsivePair(self._block(_("By case type"), cases),
                                              self._block(_("Closing reasons of the closed cases"), reasons),
                                              (1, 1)))
        return card

    def _people(self, sec: dict) -> QWidget:
        card = Card(_("2. People in active cases"), _(
            "Age at the end of the period. Where only the year of birth is known, 1 July is assumed; "
            "where only the month is known, the 15th."))
        ages = sec[r.AGE_GROUPS_SECTION]
        keys = [k for k in ages if k != TOTAL]
        table = self._table(r.AGE_GROUPS_SECTION, _("Age groups"), [_("Age group"), _("People")],
                            _rows(ages, lambda k: labels.label(labels.AGE_GROUPS, k)))
        chart = self._chart(r.AGE_GROUPS_SECTION, _("Age groups"),
                            [labels.label(labels.AGE_GROUPS, k) for k in keys], [[ages[k] for k in keys]])
        status = self._table(r.RESIDENCE_STATUS, _("Residence status"), [_("Current residence status"), _("People")],
                             _rows(sec[r.RESIDENCE_STATUS], lambda k: labels.label(labels.RESIDENCE_STATUS, k)))
        card.content.addWidget(role_label(_("Age groups"), "subsection"))
        card.content.addWidget(self._with_chart(table, chart))
        card.content.addSpacing(8)
        card.content.addWidget(ResponsivePair(self._block(_("Residence status"), status)))
        return card

    def _goals(self, sec: dict) -> QWidget:
        card = Card(_("3. Goals by goal area"), _(
            "Set: agreed in the period. Attained: closed as attained in the period "
            "(goals set earlier included)."))
        areas = [k for k in sec[r.GOALS_SET] if k != TOTAL]
        rows = [[labels.label(labels.GOAL_AREAS, a), sec[r.GOALS_SET][a], sec[r.GOALS_ATTAINED][a]] for a in areas]
        rows.append([_("Total"), sec[r.GOALS_SET][TOTAL], sec[r.GOALS_ATTAINED][TOTAL]])
        table = self._table("goals", _("Goals by goal area"), [_("Goal area"), _("Set"), _("Attained")], rows)
        table.setMaximumWidth(TABLE_MAX_WIDTH)
        card.content.addWidget(table)
        card.content.addSpacing(8)
        card.content.addWidget(role_label(_("Goals set and attained"), "subsection"))
        chart = self._chart(
            "goals", _("Goals set and attained"), [labels.label(labels.GOAL_AREAS_SHORT, a) for a in areas],
            [[sec[r.GOALS_SET][a] for a in areas], [sec[r.GOALS_ATTAINED][a] for a in areas]],
            [_("Set"), _("Attained")])
        chart.setMaximumWidth(TABLE_MAX_WIDTH)
        card.content.addWidget(chart)
        return card

    def _need_levels(self, sec: dict) -> QWidget:
        card = Card(_("4. Need levels at assessment and at closing"), _(
            "Cases closed in the period that were assessed in a goal area both at the start and at closing: "
            "how many had each need level (0 none, 1 low, 2 medium, 3 high). Both halves of a row describe "
            "the same people."))
        before, after = sec[r.NEED_LEVELS_ASSESSMENT], sec[r.NEED_LEVELS_CLOSURE]
        areas = [k.split(":")[0] for k in before if k.endswith(":" + TOTAL)]
        rows = [
            [labels.label(labels.GOAL_AREAS_SHORT, a), *[before[f"{a}:{lv}"] for lv in r.NEED_LEVELS],
             *[after[f"{a}:{lv}"] for lv in r.NEED_LEVELS], before[f"{a}:{TOTAL}"]]
            for a in areas if before[f"{a}:{TOTAL}"] != 0
        ]
        if not rows:
            card.content.addWidget(hint_label(_("No case with both assessments was closed in the period.")))
            return card
        header = [_("Goal area"), *[_("A{level}").format(level=lv) for lv in r.NEED_LEVELS],
                  *[_("C{level}").format(level=lv) for lv in r.NEED_LEVELS], _("Cases")]
        table = self._table("need_levels", _("Need levels"), header, rows, total_row=False, value_width=60)
        table.setMaximumWidth(TABLE_MAX_WIDTH)
        card.content.addWidget(table)
        card.content.addWidget(hint_label(_("A = at the assessment (start), C = at closing.")))
        return card

    def _referrals(self, sec: dict) -> QWidget:
        card = Card(_("5. Referrals by legal domain"))
        cells = sec[r.REFERRALS]
        keys = [k for k in cells if k != TOTAL]
        table = self._table(r.REFERRALS, _("Referrals"), [_("Legal domain"), _("Referrals")],
                            _rows(cells, lambda k: labels.label(labels.LEGAL_DOMAINS, k)))
        chart = self._chart(r.REFERRALS, _("Referrals by legal domain"),
                            [labels.label(labels.LEGAL_DOMAINS, k) for k in keys], [[cells[k] for k in keys]])
        conferences = self._table(
            r.CASE_CONFERENCES, _("Case conferences"), ["", _("Number")],
            [[_("Case conferences in the period"), sec[r.CASE_CONFERENCES]["count"]]], total_row=False)
        card.content.addWidget(self._with_chart(table, chart))
        card.content.addSpacing(8)
        card.content.addWidget(ResponsivePair(self._block(_("Case conferences"), conferences)))
        return card

    def _barriers(self, sec: dict) -> QWidget:
        card = Card(_("6. Structural barriers"))
        cells = sec[r.BARRIERS]
        keys = [k for k in cells if k != TOTAL]
        if not keys:
            card.content.addWidget(hint_label(_("No barriers were recorded in the period.")))
            return card
        table = self._table(r.BARRIERS, _("Barriers by category"), [_("Category"), _("Barriers")],
                            _rows(cells, lambda k: labels.label(labels.BARRIER_CATEGORIES, k)))
        chart = self._chart(r.BARRIERS, _("Barriers by category"),
                            [labels.label(labels.BARRIER_CATEGORIES, k) for k in keys], [[cells[k] for k in keys]])
        # Category names are long ("Ablehnung / Nichtannahme durch Behörde"): give the table half.
        card.content.addWidget(self._with_chart(table, chart, (1, 1)))
        rows = []
        for key, value in sec[r.BARRIER_INSTITUTIONS].items():
            if key == TOTAL:
                continue
            category, institution = key.split(r.INSTITUTION_SEPARATOR, 1)
            name = labels.UNKNOWN_INSTITUTION if institution == r.UNKNOWN else institution
            rows.append([f"{name} ({labels.label(labels.BARRIER_CATEGORIES, category)})", value])
        rows.append([_("Total"), sec[r.BARRIER_INSTITUTIONS][TOTAL]])
        institutions = self._table(r.BARRIER_INSTITUTIONS, _("Barriers by institution"),
                                   [_("Institution (category)"), _("Barriers")], rows)
        institutions.setMaximumWidth(TABLE_MAX_WIDTH)
        card.content.addSpacing(8)
        card.content.addWidget(self._block(_("By institution"), institutions))
        card.content.addWidget(hint_label(_(
            "Descriptions and periods are in the separate barrier report for the steering group.")))
        return card
