"""The per-case "shared with the team" switch (docs/sync.md, "Private cases").

A shared case travels to the team folder at the next sync; a private one stays
on this device (its changes wait and go out the day it is shared again). The
switch writes through ``update_case(shared=…)`` at once, like the phase
buttons: it is one fact, not a form to save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QWidget

from app.i18n import _
from app.services.cases import update_case
from app.ui.error_dialogs import show_error


class TeamShareSwitch(QCheckBox):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(_("Shared with the team"), parent)
        self.ctx = ctx
        self.last_box = None  # the last refusal shown (tests reach it here)
        self.setObjectName("teamShareSwitch")
        self.setAccessibleName(_("Share this case with the team"))
        self.setToolTip(_("On: the case goes to the team folder at the next sync. "
                          "Off: it stays on this device only."))
        self.toggled.connect(self._toggled)

    def show_case(self, detail: dict[str, Any]) -> None:
        self.blockSignals(True)  # showing the stored state is not a change
        self.setChecked(bool(detail.get("shared", True)))
        self.blockSignals(False)

    @Slot(bool)
    def _toggled(self, shared: bool) -> None:
        try:
            update_case(self.ctx.vault, case_id=self.ctx.case_id, shared=shared)
        except Exception as exc:
            self.blockSignals(True)
            self.setChecked(not shared)  # the switch shows what is stored, not what failed
            self.blockSignals(False)
            self.last_box = show_error(self, exc)
            return
        self.ctx.changed()
