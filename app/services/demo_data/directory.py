"""The agencies demo cases are referred to.

A vault normally holds the default directory (resources/agencies.json, seeded
by the agency service) and demo data uses whatever is there. For a vault whose
directory is empty, the demo seeds the same default rows itself — from the
file when it ships, else from the copy below with the same fixed ids — so a
later seeding by the agency service finds nothing to add and nothing doubles.
"""

from __future__ import annotations

import json

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.models import Agency
from app.resources import resource_path

_RESOURCE = resource_path("agencies.json")
_FIELDS = ("id", "name", "department", "legal_domain", "street", "postcode", "city", "phone")

_DEFAULT_ROWS = (
    ('261f7889-7090-5a20-a1dc-564ef0fc0c26', 'Jobcenter Kreis Emsbruch', 'Integration in Arbeit / U25-Team', 'SGB II', 'Bahnhofstraße 41', '48911', 'Emsbruch', '02971 9120-0'),
    ('c750ba23-5080-5f8f-a49c-a9c6a3a9444c', 'Agentur für Arbeit Emsbruch', 'Berufsberatung und Arbeitsvermittlung', 'SGB III', 'Am Wasserturm 7', '48911', 'Emsbruch', '0800 4555500'),
    ('ea7b6c1a-5984-5c77-8764-1f483be788d1', 'Kreisjugendamt Emsbruch', 'Allgemeiner Sozialer Dienst / Hilfen für junge Volljährige', 'SGB VIII', 'Kreishausplatz 1', '48913', 'Emsbruch', '02971 304-510'),
    ('5c360cc9-48cc-5a47-bbc9-73b917ed2d75', 'Sozialamt Stadt Emsbruch', 'Leistungen nach dem Asylbewerberleistungsgesetz', 'AsylbLG', 'Rathausmarkt 3', '48911', 'Emsbruch', '02971 88-330'),
    ('16a6c2b0-88a6-5216-bba7-65ad4ea9cbb1', 'Sozialamt Stadt Emsbruch', 'Hilfe zum Lebensunterhalt und Grundsicherung (SGB XII)', 'SGB XII', 'Rathausmarkt 3', '48911', 'Emsbruch', '02971 88-340'),
    ('67584884-6491-56cd-a31e-3c8ba6d5e364', 'Ausländerbehörde Kreis Emsbruch', 'Aufenthaltsrecht, Bleiberecht (§§ 25a, 25b AufenthG)', 'AufenthG', 'Kreishausplatz 1', '48913', 'Emsbruch', '02971 304-220'),
    ('6b6209f1-ada7-5063-9b01-d557389a7e7c', 'Caritasverband für den Kreis Emsbruch e. V.', 'Migrationsberatung für erwachsene Zuwanderer (MBE)', 'MBE', 'Kolpingstraße 12', '48911', 'Emsbruch', '02971 5077-40'),
    ('3be5967f-d060-5e94-9683-4238031dac0b', 'Jugendmigrationsdienst Emsbruch', 'JMD im Diakonischen Werk Emsbruch-Wellbeck', 'JMD', 'Lutherweg 5', '48916', 'Wellbeck', '02973 6610-22'),
    ('751f8afa-cb24-593f-b4dc-229914c9c832', 'Gesundheitsamt Kreis Emsbruch', 'Sozialpsychiatrischer Dienst und Infektionsschutz', 'health', 'Lindenallee 20', '48913', 'Emsbruch', '02971 304-600'),
    ('412336b0-9798-5214-bfe5-0d0c54710589', 'Psychosoziales Zentrum für Geflüchtete Emsland-Süd', 'Beratung, Diagnostik und Therapievermittlung', 'health', 'Mühlenstraße 33', '48918', 'Hagedorn', '02975 40990'),
    ('1b02e82b-91c3-54cc-9562-92cb2d99de1c', 'Volkshochschule Emsbruch', 'Integrations- und Berufssprachkurse', 'education', 'Schulstraße 9', '48911', 'Emsbruch', '02971 88-700'),
)


def _default_agencies() -> list[dict]:
    if _RESOURCE.exists():
        with open(_RESOURCE, encoding="utf-8") as handle:
            entries = json.load(handle)["agencies"]
        return [{key: value for key, value in entry.items() if not key.startswith("_")} for entry in entries]
    return [dict(zip(_FIELDS, row, strict=True)) for row in _DEFAULT_ROWS]


def agencies_by_domain(session: Session) -> dict[str, list[tuple[str, str]]]:
    """``legal_domain -> [(id, name)]`` in a stable order; seeds the default directory if empty."""
    if not session.scalar(select(func.count()).select_from(Agency)):
        session.execute(insert(Agency), _default_agencies())
    query = select(Agency.id, Agency.name, Agency.legal_domain).order_by(Agency.name, Agency.id)
    rows = session.execute(query.where(Agency.active.is_(True))).all() or session.execute(query).all()
    by_domain: dict[str, list[tuple[str, str]]] = {}
    for agency_id, name, domain in rows:
        by_domain.setdefault(domain, []).append((agency_id, name))
    return by_domain
