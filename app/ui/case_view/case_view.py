"""One open case: the header, the phase cycle, and the tabs of the case file.

The view loads the case file (``case_file_for_view``: ``case_detail`` plus the
live deadlines) once per (re)load on a worker thread and hands the dict to the
tab in view at once; every other tab gets it when it is first shown (or
reached through ``tab()``) — twelve tabs, some with a hundred widgets (contact
cards, agreement chains), made a case open wait on parts nobody looked at. A tab that wrote something calls ``ctx.changed()``;
the view reloads and shows the new file everywhere (a reload that is
overtaken by a newer one is dropped, never shown late).

Unsaved input lives in the tabs' widgets: it survives locking (the view keeps
its widgets and reloads after unlock) and is never dropped without asking
(``confirm_leave``: Save / Discard / Cancel).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.case_view_file import case_file_for_view
from app.services.cases import change_phase, reopen_case
from app.storage.vault import Vault
from app.ui import labels
from app.ui.case_view.case_header import CaseHeader
from app.ui.case_view.context import CaseContext
from app.ui.case_view.phase_cycle import PhaseCycle
from app.ui.case_view.section_list import CaseSectionBar
from app.ui.case_view.tabs import CASE_TABS, CaseTabSpec
from app.ui.case_view.team_share_switch import TeamShareSwitch
from app.ui.error_dialogs import report_unexpected, show_error
from app.ui.unsaved_prompt import Answer, ask_save_discard_cancel
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.labels import role_label, set_role
from app.ui.workers import BackgroundTask, run_in_background

UNSAVED_MARK = " •"


def _load(vault: Vault, case_id: str, generation: int) -> tuple[int, dict | None, BaseException | None]:
    """Runs on a worker thread: the case file, or the error to show (tagged with its request)."""
    try:
        return generation, case_file_for_view(vault, case_id), None
    except Exception as exc:
        return generation, None, exc


class CaseView(QWidget):
    """The case file of one case.

    Signals: ``loaded(dict)`` after every shown (re)load; ``load_failed(object)``
    with the exception when a load failed; ``unsaved_changed(bool)``.
    """

    loaded = Signal(dict)
    load_failed = Signal(object)
    unsaved_changed = Signal(bool)

    def __init__(self, vault: Vault, case_id: str | None, *, ref: str = "", tabs: list[CaseTabSpec] | None = None,
                 parent: QWidget | None = None) -> None:
        """``case_id=None`` builds the view ahead of time (the case list keeps one ready);
        ``load_case`` then gives it its case."""
        super().__init__(parent)
        self.setObjectName("caseView")
        self.context = CaseContext(vault, case_id or "", ref, on_changed=self.reload)
        self._generation = 0
        self._tasks: set[BackgroundTask] = set()
        self._loading = False
        self._reload_pending = False
        self._locked = False
        self._unsaved = False
        self.last_load_ms: float | None = None
        self._load_started = 0.0

        self.header = CaseHeader()
        self.header.show_loading(ref)
        self.share_switch = TeamShareSwitch(self.context)
        self.share_switch.hide()  # shown with the loaded case
        self.phase_cycle = PhaseCycle()
        self.missing_label = role_label("", "hint")
        self.missing_label.setObjectName("phaseMissing")
        self.next_phase_button = secondary_button("", _("Move the case to the next phase"))
        self.next_phase_button.setObjectName("nextPhaseButton")
        self.close_case_button = secondary_button(_("Close case…"), _("Close the case"))
        self.close_case_button.setToolTip(_("When the work is done, close the case with its reason and outcome."))
        self.close_case_button.setObjectName("closeCaseButton")
        self.reopen_button = secondary_button(_("Reopen case"), _("Reopen the case"))
        self.next_phase_button.clicked.connect(self.move_to_next_phase)
        self.close_case_button.clicked.connect(self.open_close_dialog)
        self.reopen_button.clicked.connect(self.reopen)
        for button in (self.next_phase_button, self.close_case_button, self.reopen_button):
            button.hide()
        # GDPR Art. 15: a person may ask for a copy of everything held on them.
        self.export_button = secondary_button(_("Access export…"), _("Export all data on this person (GDPR Art. 15)"))
        self.export_button.setObjectName("subjectExportButton")
        self.export_button.clicked.connect(self.open_subject_export)
        # Top right of the case, not in the tab bar's corner: there it took the room the (long
        # German) tab titles need, and in the phase row the room of the phase names.
        self.header.add_action(self.share_switch)
        self.header.add_action(self.export_button)

        # One row for the phase: the cycle (labels beside the steps) and its buttons; below it, only
        # when there is something to say, what is missing for the next phase. The header stays
        # compact (about a sixth of an 800 px window) so the case file below gets the room.
        phase_row = QHBoxLayout()
        phase_row.setSpacing(8)
        phase_row.addWidget(self.phase_cycle, 1, Qt.AlignmentFlag.AlignVCenter)
        phase_row.addSpacing(16)
        phase_row.addWidget(self.next_phase_button, 0, Qt.AlignmentFlag.AlignVCenter)
        phase_row.addWidget(self.close_case_button, 0, Qt.AlignmentFlag.AlignVCenter)
        phase_row.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignVCenter)

        card = QFrame()
        card.setObjectName("caseHeaderCard")
        card.setProperty("card", True)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 10, 20, 10)
        card_layout.setSpacing(6)
        card_layout.addWidget(self.header)
        rule = QFrame()
        rule.setObjectName("rule")
        rule.setFixedHeight(1)
        card_layout.addWidget(rule)
        card_layout.addLayout(phase_row)
        card_layout.addWidget(self.missing_label)

        self.tab_widget = QTabWidget()
        self.tab_widget.setObjectName("caseTabs")
        self.tab_widget.setDocumentMode(True)
        self.tab_widget.setAccessibleName(_("Parts of the case file"))
        self._tabs: dict[str, QWidget] = {}
        # Tabs that have not seen the latest case file yet: filled when shown (see show_detail).
        self._stale: set[str] = set()
        self._specs = list(CASE_TABS if tabs is None else tabs)
        for spec in self._specs:
            widget = self._make_tab(spec)
            self._tabs[spec.key] = widget
            self.tab_widget.addTab(widget, _(spec.label))
            signal = getattr(widget, "unsaved_changed", None)
            if signal is not None:
                signal.connect(self._update_unsaved)
        # Every part of the file in view at once: a row of tabs that wraps instead of a tab bar,
        # which at 1280 px hid the last German titles behind scroll arrows.
        self.sections = CaseSectionBar(self.tab_widget)
        self.tab_widget.currentChanged.connect(self._fill_current)
        body = QVBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.sections)
        body.addWidget(self.tab_widget, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(card)
        layout.addLayout(body, 1)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_all)

        if case_id:
            self.reload()

    def load_case(self, case_id: str, ref: str = "") -> None:
        """Give a view built ahead of time its case (once) and load it."""
        if self.context.case_id:
            raise RuntimeError("this case view already shows a case")
        self.context.case_id = case_id
        self.context.ref = ref
        self.header.show_loading(ref)
        self.reload()

    # --- identity ------------------------------------------------------------------

    @property
    def case_id(self) -> str:
        return self.context.case_id

    @property
    def ref(self) -> str:
        return self.context.ref

    @property
    def detail(self) -> dict[str, Any] | None:
        return self.context.detail

    def title(self) -> str:
        """"Name · reference", for breadcrumbs and the list of recent cases."""
        detail = self.context.detail
        if detail is None:
            return self.context.ref or _("Case")
        return _("{name} · {ref}").format(name=detail.get("name") or _("(no name)"), ref=detail.get("ref", ""))

    # --- tabs ----------------------------------------------------------------------

    def tab(self, key: str) -> QWidget:
        """The tab's widget, showing the latest case file (filled now if it was not yet)."""
        self._fill(key)
        return self._tabs[key]

    def tab_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def show_tab(self, key: str) -> QWidget:
        widget = self._tabs[key]
        self.tab_widget.setCurrentWidget(widget)  # currentChanged fills it
        self._fill(key)
        return widget

    @Slot(int)
    def _fill_current(self, index: int) -> None:
        if 0 <= index < len(self._specs):
            self._fill(self._specs[index].key)

    def _fill(self, key: str) -> None:
        """Hand the latest case file to a tab that has not seen it yet."""
        if key not in self._stale or self.context.detail is None:
            return
        self._stale.discard(key)
        show_case = getattr(self._tabs[key], "show_case", None)
        if show_case is None:
            return
        try:
            show_case(self.context.detail)
        except Exception as exc:  # a tab's bug: report it, the other tabs still show the case
            report_unexpected(type(exc), exc, exc.__traceback__, self)

    def _make_tab(self, spec: CaseTabSpec) -> QWidget:
        try:
            return spec.factory(self.context)
        except Exception as exc:  # one broken tab must not keep the whole case closed
            report_unexpected(type(exc), exc, exc.__traceback__, self)
            from app.ui.case_view.placeholder_tab import PlaceholderTab

            return PlaceholderTab(_("This part of the case file could not be opened."))

    # --- loading -------------------------------------------------------------------

    def is_loading(self) -> bool:
        return self._loading

    @Slot()
    def reload(self) -> None:
        """Fetch the case file again off the GUI thread; a newer reload supersedes this one."""
        if self._locked or not self.context.case_id:
            return
        if self._loading:
            # One load at a time per view: case_detail writes the audit log, and two writers
            # racing on SQLite can fail with "database is locked". The newer request wins.
            self._reload_pending = True
            return
        self._reload_pending = False
        self._generation += 1
        self._loading = True
        self._load_started = time.perf_counter()
        task = run_in_background(_load, self.context.vault, self.context.case_id, self._generation,
                                 on_success=self._arrived, on_failure=self._crashed)
        self._tasks.add(task)
        task.signals.finished.connect(lambda task=task: self._tasks.discard(task))

    @Slot(object)
    def _arrived(self, result: tuple[int, dict | None, BaseException | None]) -> None:
        generation, detail, error = result
        if generation != self._generation or self._locked:
            return  # overtaken by a newer load, or the vault locked meanwhile
        self._loading = False
        if self._reload_pending:
            self.reload()  # something changed while this load ran: show the newer state only
            return
        if error is not None:
            self.load_failed.emit(error)
            show_error(self, error)
            return
        self.show_detail(detail)
        self.last_load_ms = (time.perf_counter() - self._load_started) * 1000

    @Slot(object)
    def _crashed(self, exc: BaseException) -> None:
        self._loading = False
        self.load_failed.emit(exc)
        report_unexpected(type(exc), exc, exc.__traceback__, self)

    def show_detail(self, detail: dict[str, Any]) -> None:
        """Render a loaded case file in the header, the phase cycle and the tab in view; the
        other tabs get it when they are shown (a tab keeps unsaved input either way)."""
        self.context.detail = detail
        self.context.ref = detail.get("ref", self.context.ref)
        self.header.show_case(detail)
        self.share_switch.show_case(detail)
        self.share_switch.show()
        self._show_phase(detail)
        self._stale = set(self._tabs)
        self._fill_current(self.tab_widget.currentIndex())
        self.loaded.emit(detail)

    # --- the phase cycle -------------------------------------------------------------

    def _show_phase(self, detail: dict[str, Any]) -> None:
        phase, case_type = detail.get("phase", ""), detail.get("case_type", "")
        self.phase_cycle.set_phase(case_type, phase)
        next_phase = detail.get("next_phase")
        raw_missing = list(detail.get("missing_for_next_phase", []))
        if next_phase == "closed":
            # The closing dialog asks for the reason; it is not something to record beforehand.
            raw_missing = [item for item in raw_missing if item not in ("a closing reason", _("a closing reason"))]
        missing = [_(item) for item in raw_missing]
        closed = phase == "closed"
        self.reopen_button.setVisible(closed)
        self.close_case_button.setVisible(not closed)
        can_step = next_phase is not None and next_phase != "closed"
        self.next_phase_button.setVisible(can_step)
        if can_step:
            text = _("Move to {phase}").format(phase=labels.phase(next_phase))
            self.next_phase_button.setText(text)
            self.next_phase_button.setAccessibleName(text)
            self.next_phase_button.setEnabled(not missing)
            self.next_phase_button.setToolTip(
                _("First record what is missing.") if missing else _("Record the change of phase with today's date."))
        if closed:
            reason = labels.label(labels.CLOSING_REASON_LABELS, detail.get("closing_reason"))
            text, role = _("Closed: {reason}.").format(reason=reason) if reason else _("The case is closed."), "hint"
        elif next_phase is None:
            text, role = "", "hint"
        elif next_phase == "closed" and not missing:
            text, role = "", "hint"  # the close button's tooltip says it
        elif missing:
            text = _("Before {phase}: {missing}").format(phase=labels.phase(next_phase), missing="; ".join(missing))
            role = "phase-missing"
        else:
            text, role = _("Ready for {phase}.").format(phase=labels.phase(next_phase)), "phase-ready"
        self.missing_label.setText(text)
        self.missing_label.setVisible(bool(text))
        self.missing_label.setAccessibleName(text)
        set_role(self.missing_label, role)

    @Slot()
    def open_subject_export(self) -> None:
        from app.ui.dialogs.subject_export_dialog import open_subject_export_dialog

        if self.context.case_id and not self.context.is_locked:
            open_subject_export_dialog(self, self.context.vault, self.context.case_id)

    def move_to_next_phase(self) -> None:
        detail = self.context.detail
        if not detail or not detail.get("next_phase"):
            return
        try:
            change_phase(self.context.vault, case_id=self.case_id, phase=detail["next_phase"])
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload()

    @Slot()
    def open_close_dialog(self) -> None:
        from app.ui.case_view.close_case_dialog import CloseCaseDialog

        detail = self.context.detail or {}
        dialog = CloseCaseDialog(self.context.vault, self.case_id, detail.get("case_type", ""),
                                 detail.get("name", ""), self)
        self.close_dialog = dialog  # tests and screenshots reach the open dialog here
        dialog.accepted.connect(self.reload)
        dialog.open()

    @Slot()
    def reopen(self) -> None:
        try:
            reopen_case(self.context.vault, case_id=self.case_id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload()

    # --- unsaved input --------------------------------------------------------------

    def unsaved_tabs(self) -> list[str]:
        """Keys of the tabs holding input that is not saved yet."""
        return [key for key, widget in self._tabs.items()
                if getattr(widget, "has_unsaved_changes", None) is not None and widget.has_unsaved_changes()]

    def has_unsaved_changes(self) -> bool:
        return bool(self.unsaved_tabs())

    @Slot()
    def _update_unsaved(self, *_args: object) -> None:
        unsaved = set(self.unsaved_tabs())
        for index, spec in enumerate(self._specs):
            self.sections.set_text(index, _(spec.label) + (UNSAVED_MARK if spec.key in unsaved else ""))
        if bool(unsaved) != self._unsaved:
            self._unsaved = bool(unsaved)
            self.unsaved_changed.emit(self._unsaved)

    @Slot()
    def save_all(self) -> bool:
        """Save every tab with unsaved input; False (and that tab shown) when one could not."""
        for key in self.unsaved_tabs():
            widget = self.tab(key)  # a tab saves against the latest case file
            if not widget.save():
                self.show_tab(key)
                return False
        self._update_unsaved()
        return True

    def confirm_leave(self) -> bool:
        """Before this case is replaced or the window closes: True when nothing unsaved is lost."""
        unsaved = self.unsaved_tabs()
        if not unsaved:
            return True
        self.show_tab(unsaved[0])
        parts = ", ".join(_(spec.label) for spec in self._specs if spec.key in unsaved)
        what = _("your changes in {parts} of case {ref}").format(parts=parts, ref=self.context.ref)
        answer = ask_save_discard_cancel(self, what)
        if answer is Answer.SAVE:
            return self.save_all()
        return answer is Answer.DISCARD

    # --- the lock protocol (protocol.py) -----------------------------------------------

    def on_vault_locked(self) -> None:
        """Drop pending results; keep every widget (and so the unsaved input) as it is."""
        self._locked = True
        self._generation += 1
        self._loading = False
        self._reload_pending = False

    def on_vault_unlocked(self, vault: Vault) -> None:
        self._locked = False
        self.context.vault = vault
        self.reload()

    def before_close(self) -> bool:
        return self.confirm_leave()

