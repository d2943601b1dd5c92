"""The texts of the client documents, in English, for the gettext domain ``documents``.

Client documents (the Zug-um-Zug agreement, the consent form, the appointment
letter) are printed in the client's language, which is often not the
interface language. Their texts are therefore a catalog of their own,
``translations/<lang>/LC_MESSAGES/documents.po``, which a translator edits
like any other .po file; ``app.documents.labels`` reads it per call.

The code names a text by a stable key (``"consent_title"``); the msgid a
translator sees is the English sentence (``D_`` marks it for
``scripts/i18n.py extract``), as in the interface catalog, so Poedit shows
real text to translate instead of an identifier. The German catalog holds the
legally binding wording.

Placeholders are ``{named}`` and must stay the same in every translation
(``scripts/i18n.py check`` fails otherwise).
"""

from __future__ import annotations


def D_(message: str) -> str:  # noqa: N802 (a gettext-style marker, like N_)
    """Mark a client-document text for the ``documents`` catalog (no translation here)."""
    return message


MESSAGES: dict[str, str] = {
    # ---------------------------------------------------------------- shared
    "reference": D_("Reference"),
    "date": D_("Date"),
    "place_date": D_("Place, date"),
    "page": D_("Page {page} of {total}"),
    # TRANSLATORS: printed under the title of a translated agreement or consent form.
    "translation_note": D_(
        "This translation helps you understand this document; the German version is the binding one."
    ),
    # ------------------------------------------------------------- agreement
    # TRANSLATORS: "Zug-um-Zug" is the German name of this kind of agreement: each side acts in turn.
    "agreement_title": D_("Step-by-step agreement (Zug-um-Zug)"),
    "agreement_intro": D_(
        "The parties agree on the following steps in this order. A step of the foreign nationals "
        "authority falls due when the person's preceding steps are fulfilled."
    ),
    "parties": D_("Parties"),
    "party_person": D_("Person"),
    # TRANSLATORS: the Ausländerbehörde, the local immigration office.
    "party_authority": D_("Foreign nationals authority"),
    "party_case_manager": D_("Case management"),
    "party_other": D_("Other office"),
    "steps": D_("Steps"),
    "steps_person": D_("Steps of the person"),
    "steps_authority": D_("Steps of the foreign nationals authority"),
    "due": D_("due by"),
    "done_on": D_("done on"),
    "proof": D_("Proof"),
    "status_open": D_("open"),
    "status_fulfilled": D_("fulfilled"),
    "status_missed": D_("missed"),
    "status_waived": D_("waived"),
    "signatures": D_("Signatures"),
    "sign_person": D_("Signature of the person"),
    "sign_authority": D_("Signature of the foreign nationals authority"),
    "sign_case_manager": D_("Signature of the case manager"),
    "born": D_("born on {date}"),
    # ---------------------------------------------------------- consent form
    "consent_title": D_("Consent and release from confidentiality"),
    # TRANSLATORS: the form reads "I, <name>, born on <date>, living at <address>, agree that …".
    "consent_person": D_("I, {name},"),
    "consent_birth_date": D_("born on {date},"),
    "consent_address": D_("living at {address},"),
    "consent_intro": D_(
        "agree that {organisation} may pass the data ticked below about me to the offices ticked "
        "below and receive it from them, as far as the purpose named needs it. To that extent I "
        "release the staff of {organisation} and of those offices from their duty of confidentiality."
    ),
    "consent_recipients": D_("Offices that may exchange data"),
    "consent_categories": D_("Data that may be passed on"),
    "consent_special": D_(
        "Special category of personal data (Art. 9 GDPR): only with this explicit consent."
    ),
    "consent_purpose": D_("Purpose"),
    "consent_validity": D_("Validity"),
    "consent_valid_until": D_("This consent is valid until {date}."),
    "consent_valid_open": D_(
        "This consent is valid until the counselling ends, at the latest until I withdraw it."
    ),
    "consent_voluntary": D_(
        "This consent is voluntary. If I do not give it or withdraw it, my counselling will not "
        "suffer."
    ),
    "consent_withdraw_title": D_("Withdrawal"),
    "consent_withdraw": D_(
        "I can withdraw this consent at any time without giving reasons, in whole or for single "
        "offices or data, orally or in writing to {organisation} (Art. 7 (3) GDPR). The withdrawal "
        "applies to the future; what was passed on before remains lawful."
    ),
    # TRANSLATORS: the header of the column of boxes to tick.
    "consent_yes": D_("yes"),
    "consent_signature_person": D_("Signature of the person concerned"),
    "consent_signature_staff": D_("Signature of the counsellor"),
    "consent_interpreter": D_("Translated by (if applicable)"),
    # Data categories a consent names (app.models.codes.DataCategory).
    # TRANSLATORS: German "Personalien": name, birth date, address, nationality. Not the GDPR's
    # "personal data", which covers everything on the form and would widen what the person releases.
    "category_identity": D_("Personal details and identity"),
    "category_residence": D_("Residence status and documents"),
    "category_social": D_("Family and social situation"),
    "category_education_work": D_("School, training and work"),
    "category_financial": D_("Financial situation and benefits"),
    "category_health": D_("Health"),
    "category_mental_health": D_("Mental health"),
    # ---------------------------------------------------- appointment letter
    "appointment_subject": D_("Invitation to an appointment"),
    "appointment_salutation": D_("Dear {name},"),
    "appointment_intro": D_(
        "we would like to invite you to a personal appointment with {organisation}. Please come at "
        "the time below."
    ),
    "appointment_when": D_("Day"),
    "appointment_time": D_("Time"),
    "appointment_place": D_("Place"),
    "appointment_with": D_("With"),
    # TRANSLATORS: the weekday and the date, e.g. "Tuesday, 15.04.2026".
    "appointment_day_value": D_("{weekday}, {date}"),
    # TRANSLATORS: a time of day on the 24-hour clock, e.g. "10:30" (German: "10:30 Uhr").
    "appointment_time_value": D_("{time}"),
    "appointment_bring": D_("Please bring"),
    "bring_passport": D_("Your passport or another identity document"),
    "bring_residence": D_("Your residence document (Duldung, Aufenthaltsgestattung or residence permit)"),
    "bring_letters": D_("Letters you have received from offices and authorities"),
    "bring_certificates": D_("School, training and work certificates"),
    "bring_health_card": D_("Your health insurance card"),
    "appointment_free": D_("The counselling is free of charge and confidential."),
    "appointment_interpreter": D_(
        "If you would like an interpreter, please tell us before the appointment."
    ),
    "appointment_cancel": D_(
        "If you cannot come, please let us know as early as possible, at the latest one day before. "
        "Then we can arrange a new appointment with you."
    ),
    "appointment_contact": D_("You can reach us by phone at {phone} or by e-mail at {email}."),
    "appointment_contact_phone": D_("You can reach us by phone at {phone}."),
    "appointment_contact_email": D_("You can reach us by e-mail at {email}."),
    "appointment_closing": D_("Kind regards"),
    "contact_person": D_("Contact person"),
    "phone": D_("Phone"),
    "email": D_("E-mail"),
}

# The presets for "what to bring", in the order the dialog offers them.
BRING_ITEMS: tuple[str, ...] = (
    "bring_passport", "bring_residence", "bring_letters", "bring_certificates", "bring_health_card",
)
