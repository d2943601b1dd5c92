"""The sending organisation of letters and documents, and the retention periods, from the settings.

Services take an :class:`~app.documents.data.Organisation` as a parameter so
they never read settings themselves; the CLI and the GUI call
:func:`organisation_from_settings` once and pass the result on. ``Settings``
uses QtCore's QSettings only (no widgets), so this works headless too.
"""

from __future__ import annotations

from pathlib import Path

from app.documents.data import Organisation
from app.errors import ValidationError
from app.i18n import _


def organisation_from_settings(settings=None) -> Organisation:
    """The ``org/*`` settings as an Organisation (empty name when not set yet)."""
    if settings is None:
        from app.settings import Settings

        settings = Settings()
    address = str(settings.get("org/address") or "")
    logo = str(settings.get("org/logo_path") or "").strip()
    return Organisation(
        name=str(settings.get("org/name") or "").strip(),
        address_lines=tuple(line.strip() for line in address.splitlines() if line.strip()),
        phone=str(settings.get("org/phone") or "").strip(),
        email=str(settings.get("org/email") or "").strip(),
        logo_path=Path(logo) if logo else None,
    )


def require_sender(organisation: Organisation) -> Organisation:
    """A letter to an office needs a sender: refuse one without a name or address."""
    if not organisation.name.strip():
        raise ValidationError(
            _("The sending organisation has no name yet. Set it in the settings "
              "(Organisation name, org/name) before printing letters.")
        )
    if not organisation.address_lines:
        raise ValidationError(
            _("The sending organisation has no postal address yet. Set it in the settings "
              "(Organisation address, org/address) before printing letters.")
        )
    if organisation.logo_path is not None and not organisation.logo_path.is_file():
        raise ValidationError(
            _("The logo file {path} from the settings does not exist; "
              "choose another one or clear the setting.").format(path=organisation.logo_path)
        )
    return organisation


def place_of(organisation: Organisation) -> str:
    """The town of the organisation's address ("48565 Steinfurt" -> "Steinfurt")."""
    if not organisation.address_lines:
        return ""
    last = organisation.address_lines[-1].strip()
    head, _, rest = last.partition(" ")
    return rest.strip() if head.isdigit() and rest.strip() else last


def retention_years_from_settings(settings=None) -> dict[str, int]:
    """Years after closing per case type (``retention/*_years``): the Art. 15 storage period."""
    if settings is None:
        from app.settings import Settings

        settings = Settings()
    return {
        "case_management": int(settings.get("retention/case_management_years")),
        "referral_advice": int(settings.get("retention/referral_advice_years")),
    }
