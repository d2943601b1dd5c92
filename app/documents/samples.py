"""Made-up but realistic inputs for every document: tests, previews, benchmarks."""

from __future__ import annotations

from datetime import date, datetime

from app.documents.data import (
    AgreementData,
    AgreementParty,
    AgreementStep,
    AppointmentLetterData,
    Art15Statements,
    ConsentFormData,
    ConsentStatement,
    DataCategory,
    LetterData,
    Organisation,
    Recipient,
    SubjectExportData,
)

ESCAPE_PROBE = "<b>Ali & Söhne</b>"
ARABIC_NAME = "محمد رضایی"

ORGANISATION = Organisation(
    name="Kreis Steinfurt – Kommunales Integrationszentrum",
    department="Kommunales Integrationsmanagement (KIM)",
    address_lines=("Tecklenburger Straße 10", "48565 Steinfurt"),
    phone="02551 69-0",
    email="kim@kreis-steinfurt.example",
    website="www.kreis-steinfurt.example",
)

RECIPIENT = Recipient(
    name="Jobcenter Kreis Steinfurt",
    department="Markt und Integration U25",
    contact_person="Frau Anna Müller",
    address_lines=("Bahnhofstraße 14", "48431 Rheine"),
)

CONSENT = ConsentStatement(
    given_by="Herrn Mohammad Rezaei",
    given_on=date(2026, 2, 3),
    recipient_scope="dem Jobcenter Kreis Steinfurt",
    categories=("Personalien", "Aufenthaltsstatus", "Schul- und Berufsbildung"),
    purpose="Prüfung von Leistungen zur Eingliederung in Arbeit nach dem SGB II",
    valid_until=date(2027, 2, 2),
)

BODY = (
    "wir begleiten Herrn Mohammad Rezaei (" + ARABIC_NAME + "), geboren am 07.05.2001, "
    "im Rahmen des Kommunalen Integrationsmanagements. Herr Rezaei lebt seit 2019 in "
    "Rheine und besitzt eine Aufenthaltserlaubnis nach § 25a AufenthG.",
    "Herr Rezaei hat die Sprachprüfung auf dem Niveau B1 bestanden und möchte eine "
    "Ausbildung als Elektroniker beginnen. Er benötigt Unterstützung bei der Suche "
    "nach einem Ausbildungsplatz und bei der Finanzierung des Lebensunterhalts bis "
    "zum Beginn der Ausbildung.",
    "Wir bitten Sie, Herrn Rezaei einen Termin für ein Erstgespräch zu geben. Für "
    "Rückfragen stehe ich Ihnen gern zur Verfügung.",
)


def letter(**changes) -> LetterData:
    values = dict(
        sender=ORGANISATION,
        recipient=RECIPIENT,
        reference="2026-0042",
        contact_person="Lena Schulte",
        phone="02551 69-2417",
        email="lena.schulte@kreis-steinfurt.example",
        date=date(2026, 3, 12),
        subject="Verweisung von Herrn Mohammad Rezaei an das Jobcenter.",
        salutation="Sehr geehrte Frau Müller,",
        body=BODY,
        consent=CONSENT,
        closing="Mit freundlichen Grüßen",
        signer="Lena Schulte",
        signer_role="Case Management KIM",
        enclosures=("Einwilligungserklärung vom 03.02.2026", "Lebenslauf"),
    )
    values.update(changes)
    return LetterData(**values)


def long_letter() -> LetterData:
    paragraphs = tuple(
        f"Absatz {i + 1}: " + " ".join(BODY[i % len(BODY)] for _ in range(3))
        for i in range(12)
    )
    return letter(body=paragraphs)


PERSON = AgreementParty(
    name="Mohammad Rezaei",
    address_lines=("Übergangswohnheim Dutumer Straße 5, Zimmer 12", "48431 Rheine"),
    details=("geb. 07.05.2001", "Staatsangehörigkeit: Afghanistan", ARABIC_NAME),
)
AUTHORITY = AgreementParty(
    name="Herr Jens Becker",
    organisation="Ausländerbehörde Kreis Steinfurt",
    address_lines=("Tecklenburger Straße 10", "48565 Steinfurt"),
)
CASE_MANAGER = AgreementParty(
    name="Lena Schulte",
    organisation="Kommunales Integrationsmanagement Kreis Steinfurt",
)

STEPS = (
    AgreementStep("person", "Identität klären: Tazkira im Original vorlegen",
                  due=date(2026, 4, 15), status="fulfilled", proof="Tazkira, Kopie zur Akte",
                  done_on=date(2026, 4, 2)),
    AgreementStep("authority", "Beschäftigungserlaubnis erteilen", due=date(2026, 4, 30),
                  status="fulfilled", done_on=date(2026, 4, 20)),
    AgreementStep("person", "Pass bei der Botschaft beantragen", due=date(2026, 6, 30),
                  status="open", proof="Quittung der Botschaft"),
    AgreementStep("case_manager", "Termin bei der Botschaft vorbereiten, Fahrtkosten klären",
                  due=date(2026, 5, 31)),
    AgreementStep("authority", "Ausbildungsduldung nach § 60c AufenthG erteilen",
                  due=date(2026, 8, 1), proof="Ausbildungsvertrag"),
    AgreementStep("person", "Ausbildung beginnen und Schulbesuch nachweisen",
                  due=date(2026, 8, 1), proof="Ausbildungsvertrag, Schulbescheinigung"),
    AgreementStep("authority", "Aufenthaltserlaubnis nach § 25a AufenthG prüfen",
                  due=date(2026, 12, 1), status="open"),
)


def agreement(**changes) -> AgreementData:
    values = dict(
        reference="2026-0042",
        person=PERSON,
        authority=AUTHORITY,
        case_manager=CASE_MANAGER,
        steps=STEPS,
        date=date(2026, 3, 12),
        place="Steinfurt",
        organisation=ORGANISATION,
    )
    values.update(changes)
    return AgreementData(**values)


def consent_form(**changes) -> ConsentFormData:
    values = dict(
        organisation=ORGANISATION,
        person_name="Mohammad Rezaei",
        person_birth_date="2001-05-07",
        person_address_lines=("Dutumer Straße 5", "48431 Rheine"),
        reference="2026-0042",
        recipients=(
            RECIPIENT,
            Recipient(name="Ausländerbehörde Kreis Steinfurt",
                      address_lines=("Tecklenburger Straße 10", "48565 Steinfurt")),
            Recipient(name="Gesundheitsamt Kreis Steinfurt",
                      address_lines=("Tecklenburger Straße 10", "48565 Steinfurt")),
        ),
        categories=(
            DataCategory("Personalien und Kontaktdaten"),
            DataCategory("Aufenthaltsstatus und Dokumente"),
            DataCategory("Schul- und Berufsbildung, Sprachkenntnisse"),
            DataCategory("Gesundheit, auch psychische Gesundheit", special=True),
        ),
        purpose="Abstimmung der Hilfen im Case Management und Vermittlung an zuständige Stellen",
        valid_until=date(2027, 2, 2),
        case_manager="Lena Schulte",
        place="Steinfurt",
    )
    values.update(changes)
    return ConsentFormData(**values)


def subject_export(contacts: int = 8) -> SubjectExportData:
    data = {
        "person": {
            "given_names": "Mohammad",
            "family_name": "Rezaei",
            "name_original": ARABIC_NAME,
            "birth_date": "2001-05-07",
            "nationalities": ["Afghanistan"],
            "languages": ["Dari", "Paschtu", "Deutsch (B1)"],
            "address": "Dutumer Straße 5, Zimmer 12, 48431 Rheine",
            "residence": {"status": "Aufenthaltserlaubnis", "paragraph": "§ 25a AufenthG",
                          "valid_until": "2027-05-06"},
        },
        "case": {"ref": "2026-0042", "case_type": "case_management", "phase": "implementation",
                 "opened": "2026-01-15", "case_manager": "Lena Schulte"},
        "goal_areas": {
            "language": {"need_level": 1, "goals": [
                {"text": "B2-Kurs abschließen", "status": "open", "target_date": "2026-12-31"}]},
            "education_work": {"need_level": 3, "goals": [
                {"text": "Ausbildungsplatz als Elektroniker", "status": "open",
                 "target_date": "2026-08-01"}]},
        },
        "contacts": [
            {"date": f"2026-{(i % 12) + 1:02d}-10", "kind": "meeting", "duration_minutes": 45,
             "note": f"Gespräch {i + 1}: Bewerbungsunterlagen besprochen, nächste Schritte "
                     f"vereinbart. {ESCAPE_PROBE}"}
            for i in range(contacts)
        ],
        "referrals": [{"agency": "Jobcenter Kreis Steinfurt", "legal_domain": "SGB II",
                       "date": "2026-03-12"}],
        "consents": [{"recipient": "Jobcenter Kreis Steinfurt",
                      "categories": ["Personalien", "Aufenthaltsstatus"],
                      "purpose": "Vermittlung", "given": "2026-02-03",
                      "valid_until": "2027-02-02", "withdrawn": None}],
        "barriers": [{"category": "Sprachkurs fehlt", "institution": "VHS",
                      "description": "Kein B2-Kurs in erreichbarer Nähe"}],
        "documents": [{"type": "Tazkira (Kopie)", "date": "2026-04-02"}],
        "letters": [{"recipient": "Jobcenter Kreis Steinfurt", "date": "2026-03-12",
                     "subject": "Verweisung"}],
        "audit": {"entries": 57, "first": "2026-01-15", "last": "2026-04-20",
                  "by_action": {"view": 40, "update": 15, "print": 2}},
    }
    statements = Art15Statements(
        controller="Kreis Steinfurt, Der Landrat, Tecklenburger Straße 10, 48565 Steinfurt",
        data_protection_officer="Datenschutzbeauftragte des Kreises Steinfurt, "
                                "datenschutz@kreis-steinfurt.example",
        purposes=("Case Management im Kommunalen Integrationsmanagement NRW",
                  "Vermittlung an zuständige Stellen mit Ihrer Einwilligung"),
        categories=("Personalien", "Aufenthaltsstatus", "Bildung und Arbeit",
                    "Gesundheit (Art. 9 DSGVO), soweit Sie eingewilligt haben"),
        recipients=("Stellen, an die mit Ihrer Einwilligung geschrieben wurde (siehe "
                    "„Versandte Schreiben“)",),
        storage_period="Drei Jahre nach Abschluss des Falls; danach werden die Daten gelöscht.",
        sources=("Ihre eigenen Angaben", "Angaben von Stellen, die Sie an uns verwiesen haben"),
    )
    return SubjectExportData(
        organisation=ORGANISATION,
        subject_name="Mohammad Rezaei",
        reference="2026-0042",
        generated_on=date(2026, 4, 21),
        data=data,
        statements=statements,
    )


def appointment_letter(**changes) -> AppointmentLetterData:
    values = dict(
        sender=ORGANISATION,
        recipient_name="Mohammad Rezaei",
        recipient_address_lines=("Dutumer Straße 5", "48431 Rheine"),
        reference="2026-0042",
        date=date(2026, 4, 2),
        starts_at=datetime(2026, 4, 14, 10, 30),
        place_lines=("Kommunales Integrationszentrum, Raum 2.14", "Tecklenburger Straße 10, 48565 Steinfurt"),
        host="Lena Schulte",
        phone="02551 69-2233",
        email="l.schulte@kreis-steinfurt.de",
        bring=("bring_passport", "bring_residence", "bring_letters"),
    )
    values.update(changes)
    return AppointmentLetterData(**values)
