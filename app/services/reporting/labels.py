"""German labels for the report's codes (what the steering group reads).

The report PDF is a German document for German bodies (KI, Lenkungsgruppe,
the state), so its labels are German whatever the UI language. Codes without
a label are shown as they are.
"""

from __future__ import annotations

GOAL_AREAS = {
    "residence": "Aufenthalt sichern und Bleibeperspektive entwickeln",
    "needs": "Persönliche Bedarfe decken (Wohnen, Leben, Geld)",
    "language": "Zugang zu Sprache ermöglichen",
    "education_work": "Zugang zu Bildung, Ausbildung und Arbeit eröffnen",
    "health": "Zugang zu medizinischer Versorgung herstellen",
    "mental_health": "Psychische Stabilität sichern oder herstellen",
    "networks": "Bestehende Netzwerke stärken und neue entwickeln",
    "perspectives": "Persönliche Perspektiven (weiter-)entwickeln",
}
# Short forms for chart axes, where the full labels do not fit.
GOAL_AREAS_SHORT = {
    "residence": "Aufenthalt",
    "needs": "Persönliche Bedarfe",
    "language": "Sprache",
    "education_work": "Bildung und Arbeit",
    "health": "Gesundheit",
    "mental_health": "Psychische Stabilität",
    "networks": "Netzwerke",
    "perspectives": "Perspektiven",
}
PROGRAMMES = {"kim": "KIM (Baustein 2)", "gk": "Gemeinsam klappt’s"}
CASE_TYPES = {"case_management": "Case Management", "referral_advice": "Verweisberatung"}
CLOSING_REASONS = {  # the codes of app/models/case_codes.ClosingReason, and older ones
    "goals_attained": "Ziele erreicht",
    "handed_over": "Übergabe an zuständige Stelle",
    "referral_completed": "Verweisung abgeschlossen",
    "declined_by_person": "Beendigung durch die Person",
    "not_indicated": "Kein Case-Management-Bedarf",
    "deported_or_left": "Abschiebung / Ausreise",
    "moved_away": "Wegzug",
    "no_contact": "Kontakt abgebrochen",
    "declined": "Beendigung durch die Person",
    "no_longer_eligible": "Voraussetzungen entfallen",
    "deported": "Abschiebung / Ausreise",
    "erased": "Vorzeitig gelöscht",
    "other": "Sonstiges",
    "unspecified": "Ohne Angabe",
}
AGE_GROUPS = {"under_18": "unter 18 Jahre", "18_27": "18 bis 27 Jahre", "over_27": "über 27 Jahre", "unknown": "unbekannt"}
RESIDENCE_STATUS = {
    "duldung": "Duldung",
    "gestattung": "Aufenthaltsgestattung",
    "aufenthaltserlaubnis": "Aufenthaltserlaubnis",
    "fiktionsbescheinigung": "Fiktionsbescheinigung",
    "niederlassungserlaubnis": "Niederlassungserlaubnis",
    "ankunftsnachweis": "Ankunftsnachweis",
    "other": "Sonstiger Status",
    "unknown": "Unbekannt",
}
LEGAL_DOMAINS = {
    "SGB II": "SGB II (Jobcenter)",
    "SGB III": "SGB III (Agentur für Arbeit)",
    "SGB VIII": "SGB VIII (Jugendamt)",
    "SGB XII": "SGB XII (Sozialamt)",
    "AsylbLG": "AsylbLG (Sozialamt)",
    "AufenthG": "AufenthG (Ausländerbehörde)",
    "MBE": "Migrationsberatung (MBE)",
    "JMD": "Jugendmigrationsdienst (JMD)",
    "health": "Gesundheitswesen",
    "education": "Bildung",
    "other": "Sonstige",
}
# Older codes first; the maintained list the case file records (resources/barrier_categories.json)
# is merged in below and wins, so a category added there is labelled here too.
BARRIER_CATEGORIES = {
    "waiting_list": "Wartelisten",
    "office_refusal": "Ablehnung / Nichtannahme durch Behörde",
    "missing_offer": "Fehlendes Angebot",
    "language_access": "Sprachliche Zugangshürden",
    "documents": "Dokumente / Identitätsklärung",
    "processing_time": "Lange Bearbeitungszeiten",
    "responsibility": "Ungeklärte Zuständigkeit",
    "digital_access": "Digitale Zugangshürden",
    "housing": "Wohnraum",
    "other": "Sonstige",
    "unspecified": "Ohne Kategorie",
}


def _maintained_barrier_labels() -> dict[str, str]:
    from app.services.resource_files import load_json

    return {entry["code"]: entry["de"] for entry in load_json("barrier_categories.json")["categories"]}


BARRIER_CATEGORIES.update(_maintained_barrier_labels())
NEED_LEVELS = {0: "kein Bedarf", 1: "gering", 2: "mittel", 3: "hoch"}
UNKNOWN_INSTITUTION = "Institution nicht angegeben"


def label(table: dict, code: str) -> str:
    return table.get(code, code)
