"""The agreements overview as a table: one agreement in force per row, late ones first.

The service (``list_agreements_overview``) sorts: agreements with overdue or
missed steps first (the latest running first), then by the next step's due
date. The model keeps that order and filters in memory (a few hundred rows
even on a 10,000-case vault).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from app.i18n import N_, _, ngettext
from app.services.agreement_views import AgreementSummary
from app.ui import labels
from app.ui.formatting import format_date
from app.ui.theme import color
from app.ui.widgets.row_list_model import RIGHT, RowListModel

COLUMNS = (
    ("ref", N_("Reference")),
    ("name", N_("Name")),
    ("title", N_("Agreement")),
    ("status", N_("Status")),
    ("late", N_("Late steps")),
    ("overdue", N_("Days overdue")),
    ("next", N_("Next step")),
)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


def chain_state(summary: AgreementSummary) -> tuple[str, str]:
    """(words, tone) for where an agreement in force stands."""
    if any(step.state == "missed" for step in summary.late_steps):
        return _("Step missed"), "danger"
    if summary.late_steps:
        return _("Overdue"), "danger"
    if summary.next_step is not None and summary.next_step.state == "waiting":
        return _("Waiting"), "neutral"
    return _("On track"), "success"


def next_step_text(summary: AgreementSummary) -> str:
    step = summary.next_step
    if step is None:
        return _("No open step")
    party = labels.label(labels.STEP_PARTY_LABELS, step.party)
    action = " ".join(step.action.split())
    if step.effective_due is not None:
        return _("{position}. {party}: {action} · due {date}").format(
            position=step.position, party=party, action=action, date=format_date(step.effective_due))
    return _("{position}. {party}: {action} · waiting").format(position=step.position, party=party, action=action)


class AgreementsTableModel(RowListModel):
    COLUMNS = COLUMNS
    RIGHT_ALIGNED = frozenset({"late", "overdue"})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_rows(self, summaries: list[AgreementSummary], today: date, *, late_only: bool = False,
                 text: str = "") -> None:
        needle = text.strip().casefold()
        self.today = today
        self.replace_rows(
            s for s in summaries
            if (not late_only or s.late_steps)
            and (not needle or needle in s.ref.casefold() or needle in s.name.casefold() or needle in s.title.casefold())
        )

    def summary(self, row: int) -> AgreementSummary:
        return self.row_at(row)

    def summaries(self) -> list[AgreementSummary]:
        return self.rows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(summary, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "next", "name"):
            return self._text(summary, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "status":
            return _("{done} of {total} steps done").format(done=summary.steps_settled, total=summary.steps_total)
        if role == SUMMARY_ROLE:
            return summary
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.RIGHT_ALIGNED:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and key in ("status", "late", "overdue") and summary.late_steps:
            return QBrush(color("error"))
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(color("success" if chain_state(summary)[1] == "success" else "text_secondary"))
        if role == Qt.ItemDataRole.FontRole and key == "status" and summary.late_steps:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, summary: AgreementSummary, key: str) -> str:
        if key == "ref":
            return summary.ref
        if key == "name":
            return summary.name
        if key == "title":
            return summary.title
        if key == "status":
            return chain_state(summary)[0]
        if key == "next":
            return next_step_text(summary)
        if key == "late":
            return str(len(summary.late_steps)) if summary.late_steps else "–"
        if key == "overdue":
            days = summary.days_overdue
            return ngettext("{n} day", "{n} days", days).format(n=days) if days else "–"
        return ""
