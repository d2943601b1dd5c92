"""Choosing German in the settings gives a German window, Qt's own buttons included."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QDialogButtonBox

from app import i18n
from app.services.validation import ValidationError, require_date
from app.ui.application import install_qt_translations
from app.ui.error_dialogs import show_error
from app.ui.main_window import MainWindow
from app.ui.pages.settings_page import SettingsPage
from tests.ui.helpers import click

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def compiled_catalogs(tmp_path, monkeypatch) -> Path:
    """The repository's .po files compiled into a temporary folder (the build step's job,
    done here so the test does not depend on `make`), and no LOTSE_LANG override."""
    for po in (ROOT / "translations").glob("*/LC_MESSAGES/lotse.po"):
        folder = tmp_path / po.parent.relative_to(ROOT / "translations")
        folder.mkdir(parents=True)
        with open(po, "rb") as source, open(folder / "lotse.mo", "wb") as target:
            write_mo(target, read_po(source))
    monkeypatch.delenv("LOTSE_LANG", raising=False)
    yield tmp_path
    install_qt_translations(i18n.install("en"))


def choose_german(qtbot, settings) -> None:
    page = SettingsPage(None, settings=settings)
    qtbot.addWidget(page)
    page.language.setCurrentIndex(page.language.findData("de"))
    click(qtbot, page.save_button)
    assert settings.get("ui/language") == "de"


def test_german_from_the_settings_reaches_the_main_window(qtbot, vault, settings, compiled_catalogs):
    choose_german(qtbot, settings)
    language = i18n.install(localedir=compiled_catalogs)  # what run_gui does at the next start
    assert language == "de"
    assert install_qt_translations(language)

    window = MainWindow(vault, settings)
    qtbot.addWidget(window)
    labels = [window.sidebar.list.item(row).text() for row in range(window.sidebar.list.count())]
    assert labels[:3] == ["Übersicht", "Fälle", "Fristen"]
    assert "Einstellungen" in labels
    assert window.show_page("settings").title_label.text() == "Einstellungen"
    assert [action.text() for action in window.menuBar().actions()][0] == "&Datei"


def test_qt_standard_buttons_and_service_messages_are_german(qtbot, vault, settings, compiled_catalogs):
    choose_german(qtbot, settings)
    install_qt_translations(i18n.install(localedir=compiled_catalogs))

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(buttons)
    texts = {buttons.button(QDialogButtonBox.StandardButton.Cancel).text(),
             buttons.button(QDialogButtonBox.StandardButton.Save).text()}
    assert texts == {"Abbrechen", "Speichern"}

    with pytest.raises(ValidationError) as raised:
        require_date(None, "contact date")
    box = show_error(None, raised.value)
    qtbot.addWidget(box)
    assert "Bitte prüfen Sie Ihre Eingabe" in box.text()
    assert "„Kontaktdatum“" in box.informativeText()


def test_english_needs_no_qt_catalog_and_stays_english(qtbot, settings, compiled_catalogs):
    settings.set("ui/language", "en")
    assert install_qt_translations(i18n.install(localedir=compiled_catalogs)) is False
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert i18n._("Cases") == "Cases"
