"""The sending organisation comes from the settings (org/*), read without widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.documents.data import Organisation
from app.errors import ValidationError
from app.services.organisation import organisation_from_settings, place_of, require_sender


def test_settings_become_the_letterhead():
    from app.settings import Settings

    settings = Settings()
    settings.set("org/name", "  Kreis Emsbruch  ")
    settings.set("org/address", "Kreishausplatz 1\n\n48431 Emsbruch\n")
    settings.set("org/phone", "05971 399-0")
    settings.set("org/email", "kim@kreis-emsbruch.example")
    organisation = organisation_from_settings(Settings())  # a fresh reader: what was stored on disk
    assert organisation == Organisation(
        name="Kreis Emsbruch", address_lines=("Kreishausplatz 1", "48431 Emsbruch"), phone="05971 399-0",
        email="kim@kreis-emsbruch.example", logo_path=None,
    )
    assert place_of(organisation) == "Emsbruch"
    assert require_sender(organisation) is organisation


def test_a_sender_needs_name_address_and_an_existing_logo(tmp_path):
    with pytest.raises(ValidationError, match="no name"):
        require_sender(organisation_from_settings())
    with pytest.raises(ValidationError, match="no postal address"):
        require_sender(Organisation(name="Kreis Emsbruch", address_lines=()))
    with pytest.raises(ValidationError, match="does not exist"):
        require_sender(Organisation(name="Kreis Emsbruch", address_lines=("48431 Emsbruch",),
                                    logo_path=Path(tmp_path / "missing.png")))
