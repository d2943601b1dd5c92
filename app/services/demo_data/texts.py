"""German text templates for demo case files: notes, assessments, goals, barriers.

Placeholders: {given} first name, {date} a date DD.MM.YYYY, {official} a
named person at an office, {agency} an office, {town}, {job}, {level}, {n},
{language} the interpreter's language, {participants}. Templates vary the
wording on purpose so that search results and lists look like real files.
"""

from __future__ import annotations

TOWNS = ("Emsbruch", "Wellbeck", "Hagedorn", "Vennhaus", "Nordhagen", "Brockum")

SHELTERS = (
    "ÜWH Lindenweg 12", "ÜWH Am Kanal 3", "Gemeinschaftsunterkunft Hafenstraße 40",
    "ÜWH Alte Weberei, Haus B", "Notunterkunft Sporthalle Nord",
)
STREETS = ("Lindenstraße", "Bahnhofstraße", "Am Markt", "Mühlenweg", "Kirchstraße", "Grüner Weg", "Schützenstraße")

CASE_MANAGERS = (
    "Anna Becker", "Jörg Schäfer", "Leyla Yıldız", "Mehmet Demir", "Sabine Krüger",
    "Thomas Wagner", "Katharina Groß", "Dennis Hoffmann", "Nadine Köhler", "Rasha Haddad",
)

OFFICIALS = (
    "Frau Schäfer", "Herr Köhler", "Frau Jürgens", "Herr Müller", "Frau Öztürk", "Herr Großmann",
    "Frau Bäcker", "Herr Lüdtke", "Frau Weiß", "Herr Schröder", "Frau Nowak", "Herr Brinkmann",
)

AGENCY_SHORT = (
    "Jobcenter", "Ausländerbehörde", "Sozialamt", "Agentur für Arbeit", "Jugendamt", "VHS",
    "Berufskolleg", "Krankenkasse", "Familienkasse", "Wohnungsbaugesellschaft",
)

JOBS = (
    "Elektroniker", "Pflegefachkraft", "Fachkraft für Lagerlogistik", "Kfz-Mechatroniker", "Friseurin",
    "Koch", "Anlagenmechaniker SHK", "Verkäuferin", "Tischler", "Zahnmedizinische Fachangestellte",
    "Maler und Lackierer", "Berufskraftfahrer", "Altenpflegehelferin",
)

LANGUAGE_NAMES = {
    "ar": "Arabisch", "fa": "Dari/Farsi", "ps": "Paschtu", "ku": "Kurdisch", "ti": "Tigrinya",
    "fr": "Französisch", "ff": "Fulfulde", "uk": "Ukrainisch", "ru": "Russisch", "tr": "Türkisch",
    "en": "Englisch", "so": "Somali", "sq": "Albanisch", "ka": "Georgisch", "am": "Amharisch",
    "yo": "Yoruba", "ig": "Igbo", "ha": "Hausa", "sr": "Serbisch", "de": "Deutsch",
}

INTAKE_SOURCES = {
    "shelter": "die Sozialbetreuung der Unterkunft",
    "authority": "die Ausländerbehörde",
    "service": "den Jugendmigrationsdienst",
    "self": "eigene Initiative (offene Sprechstunde)",
    "other": "eine ehrenamtliche Begleiterin",
}

INTAKE_NOTES = (
    "Erstkontakt über {source}. {given} lebt seit {entry_year} in Deutschland und sucht Unterstützung bei {concern}.",
    "Vermittelt durch {source}. Anliegen von {given}: {concern}. Mehrere Stellen sind beteiligt, bisher ohne Absprache.",
    "{given} kam über {source} in die Sprechstunde. Hauptanliegen: {concern}. Sprachmittlung {language} nötig.",
    "Erstgespräch nach Hinweis durch {source}: {concern}. Bisherige Beratungen haben nicht weitergeholfen.",
)
CONCERNS = (
    "der Verlängerung der Duldung und der Passbeschaffung", "der Suche nach einem Ausbildungsplatz",
    "einem Sprachkurs und der Kinderbetreuung", "Schulden und offenen Rechnungen", "der Wohnungssuche",
    "Schlafproblemen und Belastung", "der Anerkennung des Schulabschlusses", "Post von mehreren Behörden",
    "der Bleibeperspektive nach § 25a AufenthG", "dem Wechsel aus der Gemeinschaftsunterkunft",
)

# Assessment: situation by need level (0 none … 3 high), and resources.
SITUATIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "residence": (
        ("Aufenthalt gesichert, keine offenen Fragen.",),
        ("Titel gültig, Verlängerung steht in einigen Monaten an.", "Fiktionsbescheinigung, Entscheidung der ABH steht aus."),
        ("Duldung wird jeweils für drei Monate verlängert, Identität noch nicht geklärt.", "Asylverfahren läuft seit über einem Jahr, Anhörung erfolgt."),
        ("Duldung läuft ab, Ausreiseaufforderung liegt vor; kein Pass.", "Asylantrag abgelehnt, Klage anhängig, Arbeitsverbot."),
    ),
    "needs": (
        ("Eigene Wohnung, Lebensunterhalt gesichert.",),
        ("Lebt in der Unterkunft, Leistungen laufen, sucht Wohnung.", "Leistungen bewilligt, kleinere Rückstände beim Strom."),
        ("Mehrbettzimmer in der Unterkunft, keine Privatsphäre; Kontoeröffnung offen.", "Schulden beim Mobilfunkanbieter, Mahnungen liegen vor."),
        ("Leistungen eingestellt wegen fehlender Unterlagen, kein Einkommen.", "Droht wohnungslos zu werden, Räumungsklage angekündigt."),
    ),
    "language": (
        ("Deutsch auf Niveau B2 oder höher.",),
        ("B1 erreicht, möchte Berufssprachkurs besuchen.", "Versteht Alltagsgespräche, Schriftsprache noch schwach."),
        ("A1/A2, Integrationskurs abgebrochen.", "Wartet seit Monaten auf einen Kursplatz."),
        ("Keine Deutschkenntnisse, nicht alphabetisiert in lateinischer Schrift.", "Kein Kurszugang wegen Aufenthaltsstatus."),
    ),
    "education_work": (
        ("In Ausbildung bzw. fester Arbeit.",),
        ("Minijob, sucht Ausbildung.", "Besucht das Berufskolleg, Abschluss in Sicht."),
        ("Kein Schulabschluss in Deutschland, Zeugnisse aus dem Herkunftsland nicht anerkannt.", "Beschäftigungserlaubnis fehlt, Angebot eines Betriebs liegt vor."),
        ("Arbeitsverbot, keine Tagesstruktur.", "Schule nach wenigen Jahren abgebrochen, keine Berufserfahrung."),
    ),
    "health": (
        ("Keine gesundheitlichen Einschränkungen bekannt.",),
        ("Hausarzt vorhanden, gelegentliche Beschwerden.", "Brille benötigt, Kostenübernahme geklärt."),
        ("Chronische Rückenschmerzen, Facharzttermin fehlt.", "Zahnbehandlung dringend, nur Notfallbehandlung bewilligt."),
        ("Unbehandelte Erkrankung, keine Krankenversicherungskarte.", "Diabetes, Medikamente unregelmäßig."),
    ),
    "mental_health": (
        ("Wirkt stabil, gut eingebunden.",),
        ("Gelegentlich Schlafprobleme, spricht offen darüber.", "Sorgen um die Familie im Herkunftsland."),
        ("Albträume, Konzentrationsprobleme im Kurs.", "Rückzug, wenig Antrieb seit der Ablehnung."),
        ("Hinweise auf Traumafolgestörung, akute Belastung.", "Äußert Hoffnungslosigkeit, Krisenplan vereinbart."),
    ),
    "networks": (
        ("Gute Kontakte, aktiv im Verein.",),
        ("Einige Freunde aus dem Sprachkurs, Kontakt zur Gemeinde.", "Familie in der Nähe."),
        ("Kaum Kontakte außerhalb der Unterkunft.", "Einzige Bezugsperson ist die Patin."),
        ("Isoliert, keine Familie in Deutschland.", "Konflikte in der Unterkunft, keine Vertrauensperson."),
    ),
    "perspectives": (
        ("Klare Pläne, arbeitet selbstständig daran.",),
        ("Hat Ideen für Ausbildung und Wohnort.", "Möchte den Führerschein machen."),
        ("Unklare Perspektive wegen des Aufenthalts.", "Ziele wechseln häufig."),
        ("Sieht keine Perspektive in Deutschland.", "Alles hängt an der Bleibeperspektive, starke Verunsicherung."),
    ),
}

RESOURCES: dict[str, tuple[str, ...]] = {
    "residence": ("Geburtsurkunde im Original vorhanden.", "Familie kann Dokumente aus dem Herkunftsland schicken.", "Kontakt zu einer Fachanwältin besteht.", "Hohe Bereitschaft zur Mitwirkung."),
    "needs": ("Kann mit Geld gut umgehen.", "Bruder unterstützt bei der Wohnungssuche.", "Hat einen Wohnberechtigungsschein."),
    "language": ("Lernt schnell, nutzt Lern-Apps.", "Spricht mehrere Sprachen.", "Besucht das Sprachcafé."),
    "education_work": ("Berufserfahrung als Schneider.", "Gutes Praktikumszeugnis.", "Führerschein aus dem Herkunftsland.", "Handwerkliches Geschick."),
    "health": ("Geht regelmäßig zur Ärztin.", "Treibt Sport.", "Nimmt Medikamente zuverlässig."),
    "mental_health": ("Kann über Belastungen sprechen.", "Religion gibt Halt.", "Feste Tagesstruktur durch den Kurs."),
    "networks": ("Ehrenamtliche Patin.", "Cousin in Emsbruch.", "Mitglied im Fußballverein."),
    "perspectives": ("Motiviert und zuverlässig.", "Klare Berufsvorstellung.", "Unterstützung durch die Familie."),
}

GOALS: dict[str, tuple[tuple[str, str], ...]] = {
    "residence": (
        ("Die Identität ist geklärt und ein gültiger Pass liegt vor.", "Reisepass liegt der Ausländerbehörde vor"),
        ("Ein Antrag auf Aufenthaltserlaubnis nach § 25a AufenthG ist gestellt.", "Eingangsbestätigung der ABH liegt vor"),
        ("Die Ausbildungsduldung nach § 60c AufenthG ist erteilt.", "Bescheid liegt vor"),
        ("Die Duldung wird ohne Lücke verlängert.", "Keine Lücke zwischen zwei Duldungen"),
    ),
    "needs": (
        ("{given} wohnt in einer eigenen Wohnung.", "Mietvertrag unterschrieben"),
        ("Der Lebensunterhalt ist gesichert, alle Leistungen sind beantragt.", "Bewilligungsbescheid liegt vor"),
        ("Die Schulden sind geregelt.", "Ratenvereinbarung für jede Forderung"),
        ("{given} hat ein eigenes Girokonto.", "Kontoauszug liegt vor"),
    ),
    "language": (
        ("{given} erreicht Deutsch auf Niveau B1.", "Zertifikat DTZ B1"),
        ("{given} besucht regelmäßig einen Integrationskurs.", "Anwesenheit mindestens 80 %"),
        ("{given} nimmt Termine bei Behörden ohne Sprachmittlung wahr.", "Drei Termine ohne Dolmetscher"),
    ),
    "education_work": (
        ("{given} beginnt eine Ausbildung als {job}.", "Ausbildungsvertrag unterschrieben"),
        ("{given} hat eine sozialversicherungspflichtige Arbeit.", "Arbeitsvertrag mit mindestens 20 Std./Woche"),
        ("Der Schulabschluss aus dem Herkunftsland ist anerkannt.", "Bescheid der Bezirksregierung liegt vor"),
        ("{given} macht ein Praktikum zur Berufsorientierung.", "Praktikumsbescheinigung liegt vor"),
    ),
    "health": (
        ("{given} hat eine Hausarztpraxis und nimmt Vorsorge wahr.", "Praxis benannt, ein Termin wahrgenommen"),
        ("Die Zahnbehandlung ist abgeschlossen.", "Bestätigung der Praxis"),
        ("{given} hat eine Gesundheitskarte.", "eGK liegt vor"),
    ),
    "mental_health": (
        ("{given} ist psychisch stabil und nimmt eine Therapie wahr.", "Regelmäßige Termine im PSZ"),
        ("{given} schläft besser und hat eine Tagesstruktur.", "Selbsteinschätzung mindestens 6 von 10"),
        ("Ein Therapieplatz ist gefunden.", "Erster Termin wahrgenommen"),
    ),
    "networks": (
        ("{given} ist Mitglied in einem Verein.", "Mitglied seit mindestens drei Monaten"),
        ("{given} hat eine ehrenamtliche Patenschaft.", "Monatliche Treffen"),
        ("{given} kennt die Beratungsstellen in {town}.", "Kann drei Anlaufstellen nennen"),
    ),
    "perspectives": (
        ("{given} hat einen realistischen Plan für die nächsten zwei Jahre.", "Plan schriftlich festgehalten"),
        ("{given} macht den Führerschein.", "Theorieprüfung bestanden"),
        ("{given} hat eine feste Wochenstruktur.", "Wochenplan wird vier Wochen eingehalten"),
    ),
}

STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    "residence": (
        ("Termin bei der Botschaft buchen", "Klient/in"), ("Tazkira bzw. Geburtsurkunde beschaffen", "Klient/in"),
        ("Schulbescheinigungen für § 25a sammeln", "Case Management"), ("Vorsprache bei der ABH begleiten", "Case Management"),
    ),
    "needs": (
        ("Wohnungsanzeigen prüfen und Besichtigungen vereinbaren", "Klient/in"), ("Antrag beim Sozialamt einreichen", "Case Management"),
        ("Termin bei der Schuldnerberatung vereinbaren", "Case Management"), ("Kontoeröffnung bei der Sparkasse", "Klient/in"),
    ),
    "language": (
        ("Berechtigungsschein beim BAMF beantragen", "Case Management"), ("Einstufungstest bei der VHS machen", "Klient/in"),
        ("Sprachcafé einmal pro Woche besuchen", "Klient/in"),
    ),
    "education_work": (
        ("Lebenslauf und Anschreiben erstellen", "Klient/in"), ("Termin bei der Berufsberatung wahrnehmen", "Klient/in"),
        ("Zeugnisse übersetzen lassen und Anerkennung beantragen", "Case Management"), ("Beschäftigungserlaubnis beantragen", "Arbeitgeber"),
    ),
    "health": (
        ("Hausarztpraxis suchen und Termin machen", "Klient/in"), ("Kostenübernahme beim Sozialamt klären", "Case Management"),
    ),
    "mental_health": (
        ("Erstgespräch im Psychosozialen Zentrum", "Klient/in"), ("Auf Warteliste Psychotherapie eintragen lassen", "Case Management"),
    ),
    "networks": (
        ("Probetraining im Sportverein", "Klient/in"), ("Kontakt zur Freiwilligenagentur herstellen", "Case Management"),
    ),
    "perspectives": (
        ("Wochenplan gemeinsam erstellen", "Case Management"), ("Anmeldung zur Fahrschule", "Klient/in"),
    ),
}

AREA_NOTES: dict[str, tuple[str, ...]] = {
    "residence": (
        "Gemeinsam mit {given} die Verlängerung der Duldung vorbereitet. Vorsprache bei der Ausländerbehörde am {date}, zuständig ist {official}.",
        "Telefonat mit {official} (Ausländerbehörde): Passbeschaffung bleibt Mitwirkungspflicht. {given} bringt bis {date} die Geburtsurkunde.",
        "{given} hat ein Schreiben der Ausländerbehörde mitgebracht (Anhörung). Inhalt erklärt, Frist notiert, Rechtsberatung angefragt.",
        "Bleibeperspektive nach § 25a besprochen: Voraufenthaltszeiten und Schulbesuch geprüft, fehlende Schulbescheinigungen angefordert.",
        "Termin bei der Botschaft für den Passantrag am {date} gebucht; Fahrtkosten beim Sozialamt beantragt.",
        "Fiktionsbescheinigung abgeholt, gilt bis {date}. Arbeitgeber informiert.",
    ),
    "needs": (
        "Antrag auf Leistungen nach dem AsylbLG mit {given} ausgefüllt und beim Sozialamt abgegeben.",
        "Wohnungssuche: drei Angebote in {town} besprochen, Unterlagen für die Bewerbung vorbereitet.",
        "Kontoeröffnung bei der Sparkasse begleitet, Basiskonto eingerichtet.",
        "Mahnung des Mobilfunkanbieters besprochen, Ratenzahlung vereinbart, Schuldnerberatung angefragt.",
        "Weiterbewilligungsantrag für das Jobcenter gemeinsam ausgefüllt, fehlende Kontoauszüge nachgereicht.",
        "Umzug aus der Unterkunft in eine Wohnung in {town} organisiert; Erstausstattung beantragt.",
    ),
    "language": (
        "{given} ist zum Integrationskurs bei der VHS angemeldet, Einstufungstest am {date}.",
        "Berechtigungsschein für den Integrationskurs beim BAMF beantragt; der Träger nennt drei Monate Wartezeit.",
        "Lernfortschritt besprochen: {given} übt mit einer Lern-App und geht ins Sprachcafé.",
        "Prüfung Deutsch-Test für Zuwanderer bestanden, Niveau {level}. Zertifikat kopiert.",
        "Kurs wegen Schichtarbeit abgebrochen; Abendkurs in {town} recherchiert.",
    ),
    "education_work": (
        "Bewerbung für eine Ausbildung als {job} erstellt, Lebenslauf überarbeitet.",
        "Praktikum in einem Handwerksbetrieb in {town} vermittelt, Beginn am {date}.",
        "Termin bei der Berufsberatung der Agentur für Arbeit ({official}) begleitet, Anerkennung des Abschlusses angestoßen.",
        "Beschäftigungserlaubnis für den Minijob beantragt, Arbeitgeberbescheinigung liegt vor.",
        "Anmeldung am Berufskolleg (Internationale Förderklasse) besprochen, Unterlagen bis {date} einreichen.",
        "Vorstellungsgespräch als {job} vorbereitet, Fahrtweg geübt.",
    ),
    "health": (
        "Begleitung zur Hausärztin, Überweisung zum Facharzt erhalten. Dolmetschen per Video organisiert.",
        "Behandlungsschein beim Sozialamt abgeholt, Zahnarzttermin am {date}.",
        "Gesundheitskarte beantragt; bis dahin Behandlungsscheine.",
        "Impfstatus besprochen, Termin beim Gesundheitsamt vereinbart.",
    ),
    "mental_health": (
        "{given} berichtet von Schlafstörungen und Albträumen. Kontakt zum Psychosozialen Zentrum hergestellt, Erstgespräch am {date}.",
        "Stabilisierendes Gespräch; {given} ist belastet wegen der unsicheren Bleibeperspektive. Nächster Termin in zwei Wochen.",
        "Warteliste Psychotherapie: {given} steht auf Platz {n}. Überbrückend Sozialpsychiatrischer Dienst.",
    ),
    "networks": (
        "{given} war beim Training im Sportverein, Mitgliedsbeitrag über Bildung und Teilhabe beantragt.",
        "Kontakt zu einer ehrenamtlichen Patin hergestellt, erstes Treffen am {date}.",
        "Begegnungscafé der Gemeinde besucht; {given} möchte beim Übersetzen helfen.",
    ),
    "perspectives": (
        "Gespräch über Zukunftspläne: {given} möchte eine Ausbildung als {job} beginnen und den Führerschein machen.",
        "Wochenstruktur gemeinsam geplant, Termine in den Kalender eingetragen.",
        "Ziele überprüft: {given} ist motiviert, sieht aber wenig Fortschritt beim Aufenthalt.",
    ),
}

GENERIC_NOTES = (
    "Kurzer Kontakt, Unterlagen entgegengenommen und kopiert.",
    "{given} nicht erschienen, neuer Termin am {date} per SMS vereinbart.",
    "Post durchgesehen: Schreiben vom {agency} erklärt, Antwort vorbereitet.",
    "Rückfragen zu Bescheiden geklärt, nächste Schritte besprochen.",
)

KIND_NOTES: dict[str, tuple[str, ...]] = {
    "phone": (
        "Telefonat mit {official} ({agency}): Unterlagen sind eingegangen, Bearbeitung dauert noch.",
        "{given} hat angerufen: Termin am {date} bestätigt.",
    ),
    "email": (
        "E-Mail an {official} ({agency}) mit den fehlenden Nachweisen gesendet.",
        "Antwort vom {agency} erhalten, Termin am {date}.",
    ),
    "home_visit": (
        "Hausbesuch in der Unterkunft: Zimmer sauber, Konflikt mit Mitbewohner angesprochen.",
        "Hausbesuch: Post sortiert, Fristen in den Kalender eingetragen.",
    ),
    "accompaniment": (
        "Begleitung zum {agency}, Antrag abgegeben und Eingang bestätigen lassen.",
        "Begleitung zur Vorsprache beim {agency}; {official} sagt Entscheidung bis {date} zu.",
    ),
    "case_conference": (
        "Fallkonferenz mit {participants}. Absprache: Zuständigkeiten geklärt, nächste Fallkonferenz am {date}.",
        "Fallkonferenz ({participants}): Hilfeplan abgestimmt, {given} ist einverstanden.",
    ),
}

CONFERENCE_PARTIES = (
    "Jobcenter ({official})", "Ausländerbehörde ({official})", "Jugendmigrationsdienst", "Sozialamt ({official})",
    "Berufskolleg (Klassenlehrerin)", "Psychosoziales Zentrum", "Sozialbetreuung der Unterkunft", "Agentur für Arbeit ({official})",
)

REVIEW_NOTES = (
    "Fortschritt besprochen, Schritte angepasst.", "Teilziel erreicht, weiter wie vereinbart.",
    "Kaum Fortschritt, Hindernisse benannt.", "Ziel mit {given} überprüft, Zeitplan verlängert.",
)

BARRIERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    # category: (description, goal area, institution)
    "office_refuses_form": (
        ("Das Sozialamt nimmt den Antrag auf Mehrbedarf ohne schriftliche Begründung nicht an.", "needs", "Sozialamt Stadt Emsbruch"),
        ("Die ABH nimmt den Antrag nach § 25a nur mit Pass entgegen.", "residence", "Ausländerbehörde Kreis Emsbruch"),
    ),
    "waiting_list": (
        ("Wartezeit auf einen Therapieplatz im PSZ über sechs Monate.", "mental_health", "Psychosoziales Zentrum"),
        ("Integrationskurs: Warteliste von vier Monaten.", "language", "Volkshochschule Emsbruch"),
    ),
    "no_course_available": (
        ("Kein Integrationskurs mit Kinderbetreuung im Umkreis.", "language", "Volkshochschule Emsbruch"),
        ("Kein Alphabetisierungskurs in erreichbarer Nähe.", "language", "Kreis Emsbruch"),
    ),
    "missing_documents": (
        ("Die Botschaft stellt ohne Tazkira keinen Pass aus; die Tazkira ist aus dem Ausland kaum zu beschaffen.", "residence", "Botschaft"),
        ("Schulzeugnisse aus dem Herkunftsland fehlen, Anerkennung daher nicht möglich.", "education_work", "Bezirksregierung"),
    ),
    "language_barrier_at_authority": (
        ("Die Ausländerbehörde stellt keine Sprachmittlung; Termin musste abgebrochen werden.", "residence", "Ausländerbehörde Kreis Emsbruch"),
        ("Bescheide nur auf Deutsch, keine Erklärung bei Vorsprache.", "needs", "Jobcenter Kreis Emsbruch"),
    ),
    "discrimination": (
        ("Vermieter sagt Besichtigung ab, sobald der Name genannt wird.", "needs", "privater Vermieter"),
        ("Betrieb lehnt Praktikum wegen Kopftuch ab.", "education_work", "Handwerksbetrieb"),
    ),
    "childcare_missing": (
        ("Kein Kitaplatz, daher keine Teilnahme am Sprachkurs.", "language", "Jugendamt"),
    ),
    "transport": (
        ("Berufskolleg nur mit zwei Umstiegen erreichbar, Fahrtkosten werden nicht übernommen.", "education_work", "Berufskolleg"),
        ("Kein Bus zur Unterkunft nach 19 Uhr, Abendkurs nicht erreichbar.", "language", "Verkehrsverbund"),
    ),
    "digital_access": (
        ("Terminvergabe nur online; kein WLAN in der Unterkunft.", "residence", "Ausländerbehörde Kreis Emsbruch"),
        ("Online-Kurs ohne Laptop nicht möglich.", "language", "Kursträger"),
    ),
    "housing_market": (
        ("Keine Wohnung innerhalb der Mietobergrenze verfügbar.", "needs", "Wohnungsmarkt Emsbruch"),
    ),
    "recognition_of_qualifications": (
        ("Anerkennungsverfahren für den Berufsabschluss dauert seit acht Monaten.", "education_work", "Bezirksregierung"),
    ),
    "other": (
        ("Bearbeitung der Beschäftigungserlaubnis dauert über drei Monate, Ausbildungsplatz verfällt.", "education_work", "Ausländerbehörde Kreis Emsbruch"),
    ),
}
BARRIER_WEIGHTS = {
    "office_refuses_form": 8, "waiting_list": 14, "no_course_available": 10, "missing_documents": 14,
    "language_barrier_at_authority": 9, "discrimination": 6, "childcare_missing": 5, "transport": 7,
    "digital_access": 7, "housing_market": 10, "recognition_of_qualifications": 6, "other": 4,
}

MEASURES: dict[str, tuple[tuple[str, str, str], ...]] = {
    # area: (kind, title, provider)
    "language": (
        ("language_course", "Integrationskurs (allgemein)", "Volkshochschule Emsbruch"),
        ("language_course", "Jugendintegrationskurs", "Caritas Bildungswerk"),
        ("language_course", "Alphabetisierungskurs", "Volkshochschule Emsbruch"),
        ("language_course", "Berufssprachkurs B2", "BFZ Emsbruch"),
        ("language_course", "Erstorientierungskurs", "DRK Kreisverband"),
    ),
    "education_work": (
        ("vocational_preparation", "Berufsvorbereitende Bildungsmaßnahme (BvB)", "Kolping-Bildungswerk"),
        ("programme", "Einstiegsqualifizierung (EQ)", "Handwerkskammer"),
        ("programme", "Aktivierungsmaßnahme (§ 45 SGB III)", "BFZ Emsbruch"),
        ("vocational_preparation", "Perspektiven für junge Geflüchtete", "TÜV Nord Bildung"),
        ("programme", "Kompetenzfeststellung", "DAA Emsbruch"),
        ("training", "Ausbildung Fachlagerist", "Logistikzentrum Wellbeck"),
    ),
    "mental_health": (("counselling", "Stabilisierungsgruppe", "Psychosoziales Zentrum"),),
    "networks": (("programme", "Mentoringprogramm", "Freiwilligenagentur Emsbruch"),),
    "needs": (("counselling", "Schuldnerberatung", "Diakonie Emsbruch"),),
}

REFERRAL_PURPOSES: dict[str, str] = {
    "residence": "Klärung der Bleibeperspektive und Passbeschaffung",
    "needs": "Sicherung des Lebensunterhalts und Wohnungssuche",
    "language": "Vermittlung in einen Sprachkurs",
    "education_work": "Berufsberatung und Vermittlung in Ausbildung",
    "health": "Medizinische Abklärung",
    "mental_health": "Psychosoziale Beratung und Therapievermittlung",
    "networks": "Anbindung an Angebote vor Ort",
    "perspectives": "Begleitung der beruflichen und persönlichen Orientierung",
}

CONSENT_PURPOSES = (
    "Weitergabe von Unterlagen zur {purpose}", "Abstimmung im Rahmen der Fallkonferenz", "Überleitung an die zuständige Stelle",
)

OUTCOMES: dict[str, tuple[str, ...]] = {
    "goals_attained": ("Ziele überwiegend erreicht, Fall abgeschlossen.", "Ausbildung begonnen und Aufenthalt gesichert."),
    "handed_over": ("An das Fallmanagement des Jobcenters übergeben.", "Übergabe an den Jugendmigrationsdienst."),
    "referral_completed": ("Verweis an die zuständige Stelle erfolgt, Übergabe bestätigt.",),
    "moved_away": ("Umzug in ein anderes Bundesland, Kontakt zur neuen Beratungsstelle vermittelt.",),
    "declined_by_person": ("{given} möchte keine weitere Begleitung.",),
    "no_contact": ("Seit drei Monaten kein Kontakt, Fall geschlossen.",),
    "not_indicated": ("Kein komplexer Bedarf, Regelberatung ausreichend.",),
    "deported_or_left": ("Ausgereist.",),
    "other": ("Fall aus sonstigen Gründen beendet.",),
}

QUALIFICATIONS = (
    "", "", "", "Hauptschulabschluss nach Klasse 10 (Berufskolleg)", "Abitur im Herkunftsland (nicht anerkannt)",
    "Berufserfahrung als Schneider", "Mittlerer Schulabschluss", "Studium begonnen (2 Semester Informatik)",
    "Berufserfahrung im Bau", "Ausbildung zur Krankenschwester im Herkunftsland",
)
EMPLOYMENT = (
    "Minijob in der Gastronomie", "Helfer in der Lagerlogistik", "Reinigungskraft", "Ausbildung zum Elektroniker",
    "Produktionshelfer (Zeitarbeit)", "Aushilfe im Supermarkt", "Ausbildung zur Pflegefachkraft",
)
HOUSEHOLDS = (
    ("alleinstehend", False), ("alleinstehend", False), ("alleinstehend", False),
    ("mit Bruder in der Unterkunft", False), ("mit Mutter und zwei Geschwistern", False),
    ("mit Ehefrau und zwei Kindern (3 und 6 Jahre)", True), ("alleinerziehend mit einem Kind (4 Jahre)", True),
    ("mit Ehemann und drei Kindern", True), ("mit Partnerin, ein Kind unterwegs", False),
)

DEADLINE_NOTES = {
    "duldung_expiry": "Duldung läuft ab: Verlängerung rechtzeitig beantragen",
    "gestattung_expiry": "Aufenthaltsgestattung läuft ab",
    "permit_expiry": "Aufenthaltstitel läuft ab: Verlängerung beantragen",
    "passport_expiry": "Reisepass läuft ab",
    "birthday_27": "Letzter Tag vor dem 27. Geburtstag: Antrag nach § 25a AufenthG",
    "review": "Überprüfung der Ziele (Monitoring)",
    "agreement_step": "Schritt der Zug-um-Zug-Vereinbarung fällig",
    "consent_expiry": "Einwilligung läuft ab: erneuern oder Weitergabe einstellen",
}

# Zug-um-Zug chains: (party, action, proof). Authority steps fall due N days after the previous step.
AGREEMENT_CHAINS: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]] = {
    "passport_60c_25a": (
        "Zug-um-Zug-Vereinbarung: Passbeschaffung, Ausbildungsduldung, § 25a",
        (
            ("person", "Geburtsurkunde bzw. Tazkira im Original vorlegen", "Kopie der Urkunde"),
            ("case_manager", "Termin bei der Botschaft mit der Person vorbereiten", ""),
            ("person", "Passantrag bei der Botschaft stellen und Gebühren zahlen", "Antragsbestätigung der Botschaft"),
            ("authority", "Beschäftigungserlaubnis für die Ausbildung erteilen", ""),
            ("person", "Ausbildungsvertrag vorlegen", "Eingetragener Ausbildungsvertrag"),
            ("authority", "Ausbildungsduldung nach § 60c AufenthG erteilen", ""),
            ("person", "Reisepass bei der Ausländerbehörde vorlegen", "Reisepass"),
            ("authority", "Aufenthaltserlaubnis nach § 25a AufenthG prüfen und erteilen", ""),
        ),
    ),
    "passport_60d": (
        "Zug-um-Zug-Vereinbarung: Identität, Beschäftigungsduldung",
        (
            ("person", "Identität durch Dokumente aus dem Herkunftsland klären", "Urkunden mit Übersetzung"),
            ("person", "Passantrag stellen", "Antragsbestätigung"),
            ("authority", "Beschäftigungserlaubnis erteilen", ""),
            ("person", "Nachweis über 12 Monate Beschäftigung (mind. 20 Std./Woche) vorlegen", "Lohnabrechnungen"),
            ("authority", "Beschäftigungsduldung nach § 60d AufenthG erteilen", ""),
        ),
    ),
    "cooperation_25b": (
        "Zug-um-Zug-Vereinbarung: Mitwirkung und Bleiberecht § 25b",
        (
            ("person", "Mitwirkung bei der Passbeschaffung nachweisen", "Schreiben der Botschaft"),
            ("person", "Sprachzertifikat A2 vorlegen", "Zertifikat"),
            ("other", "Bestätigung des Arbeitgebers über das Beschäftigungsverhältnis", "Arbeitgeberbescheinigung"),
            ("person", "Nachweis über den Lebensunterhalt vorlegen", "Gehaltsnachweise"),
            ("authority", "Aufenthaltserlaubnis nach § 25b AufenthG erteilen", ""),
        ),
    ),
}
AGREEMENT_END_REASONS = (
    "Person ist ausgereist.", "Verpflichtungen wiederholt nicht erfüllt.", "Aufenthaltserlaubnis auf anderem Weg erteilt.",
    "Zuständigkeit gewechselt (Umzug).",
)
