"""The Art. 15 export dialog and the agreement document dialog on a real vault."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.models import AuditEntry
from app.ui.dialogs.agreement_pdf_dialog import open_agreement_pdf_dialog
from app.ui.dialogs.subject_export_dialog import open_subject_export_dialog
from tests.ui.helpers import click, type_text
from tests.unit.document_case import ARABIC_NAME, ORGANISATION, REF, build_document_case
from tests.unit.pdf_inspect import pdf_text


def _actions(vault, action):
    with vault.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_export_runs_in_the_background_and_names_the_files(qtbot, vault, tmp_path):
    case = build_document_case(vault)
    dialog = open_subject_export_dialog(None, vault, case.case_id, organisation=ORGANISATION)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    folder = tmp_path / "Auskunft Haddad"
    type_text(qtbot, dialog.folder, str(folder))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    pdf_path, json_path = dialog.result
    assert pdf_path == folder / f"{REF}-auskunft.pdf" and pdf_path.is_file()
    assert json.loads(json_path.read_text(encoding="utf-8"))["data"]["person"]["name_original"] == ARABIC_NAME
    assert str(pdf_path) in dialog.result_label.text()
    assert len(_actions(vault, "case.export_subject")) == 1


def test_export_into_an_unwritable_place_says_why(qtbot, vault, tmp_path):
    case = build_document_case(vault)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = open_subject_export_dialog(None, vault, case.case_id, organisation=ORGANISATION)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(blocker / "inside"))
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
    assert dialog.result is None
    assert "Cannot write the export" in dialog.message.text()


def test_agreement_dialog_previews_in_the_persons_language_and_saves(qtbot, vault, tmp_path):
    case = build_document_case(vault)
    dialog = open_agreement_pdf_dialog(None, vault, case.agreement_id, organisation=ORGANISATION)
    qtbot.addWidget(dialog)
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert codes[:2] == ["de", "ar"]
    assert "the person's language" in dialog.language.itemText(1)
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1, timeout=10000)
    assert _actions(vault, "agreement.print") == []  # looking is not printing
    dialog.set_language("ar")
    assert dialog.file_name() == f"Vereinbarung-{REF}-ar.pdf"  # the name the CLI gives it
    target = dialog.save_pdf(tmp_path / "vereinbarung-ar.pdf")
    assert target is not None and target.read_bytes().startswith(b"%PDF")
    assert REF in pdf_text(target.read_bytes())
    [entry] = _actions(vault, "agreement.print")
    assert entry.detail.endswith("lang=ar")
