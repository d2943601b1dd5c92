"""Documents tab: attach from bytes, open in the in-app viewer without writing any file,
export exactly the chosen file, delete with confirmation."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from reportlab.pdfgen.canvas import Canvas

from app.services.documents import add_document
from app.ui.case_view.document_viewer import DocumentViewer
from app.ui.case_view.documents_tab import DocumentsTab
from tests.ui.casework_context import CaseworkContext, make_case
from tests.ui.helpers import click


def png_bytes(width: int = 300, height: int = 200) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2A7AB0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def pdf_bytes(pages: int = 2) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    for page in range(pages):
        canvas.drawString(72, 720, f"Bescheid Seite {page + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def all_files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


@pytest.fixture
def private_tmp(tmp_path_factory, monkeypatch):
    """A temp folder of our own, so other programs' temp files cannot disturb the before/after check."""
    folder = tmp_path_factory.mktemp("tmpdir")
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # Python re-reads TMPDIR
    return folder


@pytest.fixture
def ctx(vault):
    return CaseworkContext(vault, make_case(vault))


def wait_for_viewer(qtbot, tab) -> DocumentViewer:
    qtbot.waitUntil(lambda: tab.viewer is not None and tab.viewer.isVisible(), timeout=10_000)
    return tab.viewer


def test_add_a_document_from_bytes_and_see_it_listed(ctx, qtbot):
    tab = ctx.open_tab(DocumentsTab, qtbot)
    assert tab.empty.isVisible()
    dialog = tab.add_document_bytes(png_bytes(), "bescheid_abh-2026.png")
    assert dialog.title.text() == "bescheid abh 2026"
    assert dialog.has_unsaved_input()  # a chosen file is not dropped silently
    dialog.title.setText("Bescheid der ABH")
    dialog.doc_type.set_code("letter")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [document] = ctx.detail["documents"]
    texts = tab.table.row_texts(document["id"])
    assert texts[0] == "Bescheid der ABH"
    assert texts[1] == "Letter"
    assert texts[4] == "bescheid_abh-2026.png"
    assert texts[3].endswith("KB") or texts[3].endswith("bytes")


def test_open_an_image_and_a_pdf_in_the_viewer_without_writing_any_file(ctx, qtbot, private_tmp, vault_dir):
    image_id = add_document(ctx.vault, case_id=ctx.case_id, data=png_bytes(), title="Scan", filename="scan.png")
    pdf_id = add_document(ctx.vault, case_id=ctx.case_id, data=pdf_bytes(3), title="Bescheid", filename="b.pdf")
    ctx.changed()
    tab = ctx.open_tab(DocumentsTab, qtbot)
    home = Path(os.environ["LOTSE_HOME"])
    before_tmp, before_vault, before_home = all_files(private_tmp), all_files(vault_dir), all_files(home)

    tab.table.select_id(image_id)
    click(qtbot, tab.open_button)
    viewer = wait_for_viewer(qtbot, tab)
    assert viewer.image is not None and viewer.problem == ""
    assert not viewer.page_view.pixmap().isNull()
    assert not viewer.next_button.isVisible()  # one page
    viewer.close()
    qtbot.waitUntil(lambda: tab.viewer is None)

    tab.table.setFocus()
    tab.table.select_id(pdf_id)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens
    viewer = wait_for_viewer(qtbot, tab)
    assert viewer.pdf is not None and viewer.page_count == 3
    assert viewer.page_label.text() == "Page 1 of 3"
    first = viewer.page_view.pixmap().toImage()
    assert not first.isNull() and first.width() > 100
    click(qtbot, viewer.next_button)
    assert viewer.page_label.text() == "Page 2 of 3"
    width = viewer.page_view.width()
    click(qtbot, viewer.zoom_in_button)
    assert viewer.page_view.width() != width
    viewer.close()

    assert all_files(private_tmp) == before_tmp
    new_in_vault = {p.name for p in all_files(vault_dir) - before_vault}
    assert new_in_vault <= {"vault.db-wal", "vault.db-shm"}, new_in_vault  # only SQLite's own journal
    assert all_files(home) == before_home


def test_a_file_the_viewer_cannot_show_offers_export(ctx, qtbot):
    doc_id = add_document(ctx.vault, case_id=ctx.case_id, data=b"PK\x03\x04 word file", title="Lebenslauf",
                          filename="cv.docx")
    ctx.changed()
    tab = ctx.open_tab(DocumentsTab, qtbot)
    tab.open_document(doc_id)
    viewer = wait_for_viewer(qtbot, tab)
    assert "cannot show this kind of file" in viewer.problem
    assert viewer.export_button.isVisible()


def test_export_writes_exactly_the_chosen_file_and_says_it_is_unencrypted(ctx, qtbot, tmp_path):
    data = pdf_bytes(1)
    doc_id = add_document(ctx.vault, case_id=ctx.case_id, data=data, title="Bescheid", filename="bescheid.pdf")
    ctx.changed()
    tab = ctx.open_tab(DocumentsTab, qtbot)
    target_folder = tmp_path / "export"
    target_folder.mkdir()
    tab.table.select_id(doc_id)
    click(qtbot, tab.export_button)
    chooser = tab.file_dialog
    assert chooser.isVisible()
    chooser.setDirectory(str(target_folder))
    chooser.selectFile(str(target_folder / "Bescheid ABH.pdf"))
    chooser.accept()
    qtbot.waitUntil(lambda: tab.actions.exported is not None)
    assert sorted(p.name for p in target_folder.iterdir()) == ["Bescheid ABH.pdf"]
    assert (target_folder / "Bescheid ABH.pdf").read_bytes() == data
    box = tab.actions.last_box
    assert box.text() == f"Saved unencrypted to {target_folder / 'Bescheid ABH.pdf'}"


def test_delete_asks_first(ctx, qtbot):
    doc_id = add_document(ctx.vault, case_id=ctx.case_id, data=b"x", title="<b>Ali & Söhne</b> Vertrag",
                          filename="v.txt")
    ctx.changed()
    tab = ctx.open_tab(DocumentsTab, qtbot)
    assert tab.table.row_texts(doc_id)[0] == "<b>Ali & Söhne</b> Vertrag"
    tab.table.select_id(doc_id)
    click(qtbot, tab.delete_button)
    box = tab.last_box
    assert "<b>Ali & Söhne</b> Vertrag" in box.informativeText()
    box.reject()  # Cancel keeps it
    assert ctx.detail["documents"]
    click(qtbot, tab.delete_button)
    click(qtbot, tab.last_box.confirm_button)
    qtbot.waitUntil(lambda: not ctx.detail["documents"])
    assert tab.empty.isVisible()
