"""The settings page writes idle time, language and letterhead on Save, and the window follows."""

from __future__ import annotations

from app.settings import Settings
from app.ui.main_window import MainWindow
from app.ui.pages.settings_page import SettingsPage
from tests.ui.helpers import click, type_text


def test_save_writes_the_settings(qtbot, settings):
    page = SettingsPage(None, settings=settings)
    qtbot.addWidget(page)
    page.idle_minutes.setValue(15)
    page.language.setCurrentIndex(page.language.findData("en"))
    type_text(qtbot, page.org_name, "Caritasverband Rheine")
    page.org_address.setPlainText("Lingener Str. 11\n48429 Rheine")
    type_text(qtbot, page.org_email, "kim@caritas-rheine.de")
    click(qtbot, page.save_button)

    stored = Settings()
    assert stored.get("ui/idle_lock_minutes") == 15
    assert stored.get("ui/language") == "en"
    assert stored.get("org/name") == "Caritasverband Rheine"
    assert stored.get("org/address") == "Lingener Str. 11\n48429 Rheine"
    assert stored.get("org/email") == "kim@caritas-rheine.de"
    assert page.saved_note.text() == "Settings saved."


def test_bad_input_is_said_inline_and_nothing_is_saved(qtbot, settings):
    page = SettingsPage(None, settings=settings)
    qtbot.addWidget(page)
    type_text(qtbot, page.org_email, "kim at caritas")
    click(qtbot, page.save_button)
    assert "e-mail address" in page.message.text()
    assert settings.get("org/email") == ""

    page.org_email.clear()
    type_text(qtbot, page.org_logo, "/no/such/logo.png")
    click(qtbot, page.save_button)
    assert "There is no logo file" in page.message.text()
    assert settings.get("org/logo_path") == ""


def test_discard_brings_back_what_is_stored(qtbot, settings):
    settings.set("org/phone", "05971 123")
    page = SettingsPage(None, settings=settings)
    qtbot.addWidget(page)
    page.org_phone.setText("0000")
    click(qtbot, page.revert_button)
    assert page.org_phone.text() == "05971 123"


def test_a_new_idle_time_takes_effect_at_once(qtbot, vault, settings):
    window = MainWindow(vault, settings)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    page.idle_minutes.setValue(2)
    click(qtbot, page.save_button)
    assert window.idle_lock.timeout_ms == 2 * 60_000
    assert "2 idle minutes" in window.lock_hint.text()

    page.idle_minutes.setValue(0)
    click(qtbot, page.save_button)
    assert not window.idle_lock.is_armed  # 0 means never
    assert window.lock_hint.text() == "Ctrl+L locks"
    window.close()
