"""GDPR Art. 15: export a copy of everything on the person into a folder the user chooses.

The export runs off the GUI thread (a long case file takes a moment to
render); the dialog then names both files and reminds the user that they
hold the person's data unencrypted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLineEdit, QWidget

from app.documents.data import Organisation
from app.i18n import _
from app.services.organisation import organisation_from_settings, retention_years_from_settings
from app.services.subject_export import export_subject
from app.ui.dialogs.layout import CONTENT_WIDTH, dialog_layout, fit_dialog_later
from app.ui.error_dialogs import as_lotse_error, show_error
from app.ui.icons import app_icon
from app.ui.widgets.busy_bar import BusyBar
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.header import Header
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import field_label, hint_label, role_label
from app.ui.workers import BackgroundTask, run_in_background


class SubjectExportDialog(QDialog):
    def __init__(self, vault, case_id: str, *, organisation: Organisation | None = None,
                 retention_years: dict[str, int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.case_id = case_id
        self.organisation = organisation if organisation is not None else organisation_from_settings()
        self.retention_years = retention_years if retention_years is not None else retention_years_from_settings()
        self.result: tuple[Path, Path] | None = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle(_("Copy of the data (Art. 15 GDPR)"))
        self.setWindowIcon(app_icon())

        header = Header(
            _("Copy of the person's data"),
            _("Everything stored on the person, with purposes, recipients, storage period and rights "
              "(Art. 15 GDPR), as a readable PDF and a machine-readable JSON file."),
        )
        header.setMinimumWidth(CONTENT_WIDTH)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(_("Folder for the export"))
        self.folder.setPlaceholderText(_("Choose a folder…"))
        self.folder.textChanged.connect(self._update_buttons)
        self.choose_button = secondary_button(_("Choose…"), _("Choose the folder"))
        self.choose_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        self.result_label = role_label("", "success")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.message = InlineMessage()
        self.busy = BusyBar(_("Writing the copy…"))
        self.busy.hide()
        self.close_button = secondary_button(_("Close"), _("Close"))
        self.close_button.clicked.connect(self.reject)
        self.export_button = primary_button(_("Export"), _("Export the copy"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)

        layout = dialog_layout(self)
        layout.addWidget(header)
        layout.addSpacing(18)
        layout.addWidget(field_label(_("&Folder"), self.folder))
        layout.addLayout(row)
        layout.addWidget(hint_label(_(
            "The files hold the person's data unencrypted. Choose a folder only you can reach, hand the "
            "copy over securely and delete it afterwards.")))
        layout.addSpacing(8)
        layout.addWidget(self.result_label)
        layout.addWidget(self.message)
        layout.addSpacing(14)
        layout.addLayout(buttons)
        self._update_buttons()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Folder for the export"), str(Path.home()))
        if folder:
            self.folder.setText(folder)

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.folder.text().strip()) and self._task is None)

    def start_export(self) -> None:
        folder = self.folder.text().strip()
        if not folder or self._task is not None:
            return
        self.message.clear_message()
        self.result_label.hide()
        self.busy.show()
        self._task = run_in_background(
            export_subject, self.vault, case_id=self.case_id, directory=Path(folder),
            organisation=self.organisation, retention_years=self.retention_years,
            on_success=self._done, on_failure=self._failed,
        )
        self._update_buttons()

    def is_busy(self) -> bool:
        return self._task is not None

    def _done(self, paths: tuple[Path, Path]) -> None:
        self._task = None
        self.busy.hide()
        self.result = paths
        self.result_label.setText(_("Saved:\n{pdf}\n{json}").format(pdf=paths[0], json=paths[1]))
        self.result_label.show()
        self.close_button.setText(_("Done"))
        fit_dialog_later(self.result_label)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.busy.hide()
        self._update_buttons()
        error = as_lotse_error(exc)
        if error is None:
            show_error(self, exc)
        else:
            self.message.show_message(error.message)


def open_subject_export_dialog(parent: QWidget | None, vault, case_id: str, *,
                               organisation: Organisation | None = None) -> SubjectExportDialog:
    dialog = SubjectExportDialog(vault, case_id, organisation=organisation, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
