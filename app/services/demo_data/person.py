"""A demo person: names from a country, an age, a residence history, papers."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from app.services.demo_data import texts
from app.services.demo_data.names import COUNTRIES, Country

_COUNTRY_CUM = tuple(accumulate(c.weight for c in COUNTRIES))
_STATUS_TYPES = ("duldung", "gestattung", "aufenthaltserlaubnis", "fiktionsbescheinigung", "niederlassungserlaubnis")
# Ages at opening, weighted to 18–27 (Gemeinsam klappt's).
_AGE_BANDS = ((16, 17, 3), (18, 21, 30), (22, 27, 34), (28, 35, 18), (36, 50, 11), (51, 64, 4))
_AGE_CUM = tuple(accumulate(w for _, _, w in _AGE_BANDS))
_PERMIT_PARAGRAPHS = (
    "§ 25 Abs. 2 AufenthG", "§ 25 Abs. 2 AufenthG", "§ 25 Abs. 1 AufenthG", "§ 25 Abs. 3 AufenthG",
    "§ 25a Abs. 1 AufenthG", "§ 25b Abs. 1 AufenthG", "§ 104c AufenthG", "§ 16a AufenthG", "§ 19c Abs. 1 AufenthG",
)
_DULDUNG_PARAGRAPHS = ("§ 60a Abs. 2 S. 1 AufenthG",) * 6 + ("§ 60b AufenthG", "§ 60c AufenthG", "§ 60d AufenthG")
_LEVELS = ("A1", "A2", "B1", "B2", "C1")
_NOT_LATIN = re.compile(r"[^a-z]")


@dataclass
class PersonDraft:
    row: dict
    documents: list[dict]  # residence documents, oldest first; the last is the current one
    country: str
    given: str
    age_at_opening: int
    birth: date  # the full date, also when only part of it is recorded
    birth_is_full: bool
    entry: date
    employed: bool
    aliases: list[str] = field(default_factory=list)

    @property
    def current_document(self) -> dict | None:
        return self.documents[-1] if self.documents else None

    @property
    def status(self) -> str:
        return self.row["residence_status"]

    def age_on(self, day: date) -> int:
        return day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))

    def search_name(self) -> str:
        """The ``name`` text the search index holds for this person."""
        row = self.row
        parts = [row["given_names"], row["family_name"], row["name_original"], *row["aliases"]]
        return " ".join(part for part in parts if part)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    return _NOT_LATIN.sub("", "".join(ch for ch in folded if not unicodedata.combining(ch)))


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _birth_text(rng: random.Random, country: str, birth: date) -> tuple[str, bool]:
    roll = rng.random()
    if country == "AF" and roll < 0.25:
        return f"{birth.year:04d}-01-01", True  # the registration default for unknown birthdays
    if roll > 0.96:
        return f"{birth.year:04d}", False
    if roll > 0.94:
        return f"{birth.year:04d}-{birth.month:02d}", False
    return birth.isoformat(), True


def _document(rng: random.Random, new_id, person_id: str, doc_type: str, valid_until: date | None, months: int | None, country: str) -> dict:
    if doc_type == "aufenthaltserlaubnis":
        paragraph = "§ 24 Abs. 1 AufenthG" if country == "UA" else rng.choice(_PERMIT_PARAGRAPHS)
    elif doc_type == "duldung":
        paragraph = rng.choice(_DULDUNG_PARAGRAPHS)
    elif doc_type == "gestattung":
        paragraph = "§ 55 AsylG"
    elif doc_type == "fiktionsbescheinigung":
        paragraph = "§ 81 Abs. 4 AufenthG"
    else:
        paragraph = "§ 9 AufenthG"
    issued = valid_until - timedelta(days=30 * months) if valid_until and months else None
    prefix = {"aufenthaltserlaubnis": "Y", "niederlassungserlaubnis": "Y", "fiktionsbescheinigung": "F"}.get(doc_type, "")
    return {
        "id": new_id(),
        "person_id": person_id,
        "doc_type": doc_type,
        "paragraph": paragraph,
        "number": f"{prefix}{rng.randrange(10_000_000, 100_000_000)}",
        "issued": issued,
        "valid_until": valid_until,
        "months_valid": months,
    }


def _current_validity(rng: random.Random, doc_type: str, today: date) -> tuple[date | None, int | None]:
    """Valid-until dates around today: some expired, some expiring within 14 days."""
    roll = rng.random()
    if doc_type == "niederlassungserlaubnis":
        return None, None
    if doc_type == "aufenthaltserlaubnis":
        months = rng.choice((12, 24, 36))
        offset = rng.randint(-45, -1) if roll < 0.05 else rng.randint(0, 14) if roll < 0.13 else rng.randint(15, 900)
    else:
        months = rng.choice((3, 3, 6)) if doc_type != "fiktionsbescheinigung" else rng.choice((3, 6))
        offset = rng.randint(-60, -1) if roll < 0.12 else rng.randint(0, 14) if roll < 0.26 else rng.randint(15, 170)
    return today + timedelta(days=offset), months


def _previous_type(rng: random.Random, current: str) -> str:
    if current in ("duldung", "fiktionsbescheinigung"):
        return rng.choice(("duldung", "duldung", "gestattung"))
    if current == "aufenthaltserlaubnis":
        return rng.choice(("aufenthaltserlaubnis", "gestattung", "fiktionsbescheinigung"))
    return current


def make_person(rng: random.Random, new_id, opened: date, today: date) -> PersonDraft:
    randint, random_ = rng.randint, rng.random
    country: Country = rng.choices(COUNTRIES, cum_weights=_COUNTRY_CUM)[0]
    female_share = 0.6 if country.code in ("UA", "KZ") else 0.33
    gender = "female" if random_() < female_share else "diverse" if random_() < 0.01 else "male"
    pool = country.female if gender == "female" else country.male
    given, given_original = rng.choice(pool)
    family, family_original = rng.choice(country.family)

    low, high, _ = rng.choices(_AGE_BANDS, cum_weights=_AGE_CUM)[0]
    age = randint(low, high)
    if country.code in ("UA", "KZ") and random_() < 0.4:
        age = randint(28, 55)
    birth = _add_years(opened, -age) - timedelta(days=randint(0, 364))
    birth_text, birth_is_full = _birth_text(rng, country.code, birth)
    if birth_is_full:
        birth = date.fromisoformat(birth_text)  # the recorded date counts (01.01. for many Afghans)

    max_years = max(0.3, min(9.0, age - 8))
    entry = opened - timedelta(days=int(365 * rng.uniform(0.1, max_years)) + 7)
    if country.code == "UA":
        entry = max(entry, min(date(2022, 3, 1) + timedelta(days=randint(0, 500)), opened - timedelta(days=7)))
    years_here = (today - entry).days / 365

    person_id = new_id()
    documents: list[dict] = []
    if any(country.residence):
        status = rng.choices(_STATUS_TYPES, country.residence)[0]
        valid_until, months = _current_validity(rng, status, today)
        current = _document(rng, new_id, person_id, status, valid_until, months, country.code)
        documents.append(current)
        earlier = current
        for _ in range(randint(0, 2)):
            if earlier["issued"] is None:
                break
            kind = _previous_type(rng, earlier["doc_type"])
            months = 6 if kind != "aufenthaltserlaubnis" else 12
            until = earlier["issued"] - timedelta(days=1)
            previous = _document(rng, new_id, person_id, kind, until, months, country.code)
            if previous["issued"] < entry:
                break
            documents.insert(0, previous)
            earlier = previous
    else:
        status = ""
    duldungen = [doc["issued"] for doc in documents if doc["doc_type"] == "duldung" and doc["issued"]]

    passport_weights = {
        "duldung": (25, 30, 45), "gestattung": (35, 10, 55), "aufenthaltserlaubnis": (70, 15, 15),
        "fiktionsbescheinigung": (50, 25, 25), "niederlassungserlaubnis": (90, 5, 5), "": (100, 0, 0),
    }[status]
    if country.code == "UA":
        passport_weights = (95, 5, 0)
    passport = rng.choices(("has", "applied", "none"), passport_weights)[0]
    passport_valid = today + timedelta(days=randint(-200, 2500)) if passport == "has" else None

    age_at_entry = age - (opened - entry).days / 365
    if age_at_entry < 18:
        school_years = round(min((opened - entry).days / 365, 18 - age_at_entry + 2) * 2) / 2
    else:
        school_years = rng.choice((0.0, 0.0, 1.0, 2.0)) if age_at_entry < 22 else 0.0
    roll = random_()
    level_index = min(4, max(0, int(years_here * 0.7 + rng.uniform(-1.0, 1.0))))
    german_level = "" if roll < 0.08 else _LEVELS[level_index]
    if country.code == "KZ":
        german_level = rng.choice(("B1", "B2", "C1"))
    employed = status != "gestattung" and random_() < 0.25
    languages = list(rng.choice(country.languages))
    household, minor_child = rng.choice(texts.HOUSEHOLDS)
    if age < 20:
        household, minor_child = rng.choice(texts.HOUSEHOLDS[:5])
    town = rng.choice(texts.TOWNS)
    postcode = f"489{texts.TOWNS.index(town) + 11}"
    if random_() < 0.6:
        address = f"{rng.choice(texts.SHELTERS)}, Zimmer {randint(1, 60)}, {postcode} {town}"
    else:
        address = f"{rng.choice(texts.STREETS)} {randint(1, 80)}, {postcode} {town}"

    aliases: list[str] = []
    if country.aliases and random_() < 0.15:
        usual, other = rng.choice(country.aliases)
        if usual in (given, family):
            aliases.append(f"{other if given == usual else given} {other if family == usual else family}")
    if given_original or family_original:
        name_original = f"{given_original or given} {family_original or family}"
    else:
        name_original = ""
    email = ""
    if not given_original and not family_original and random_() < 0.3:
        email = f"{_ascii(given)}.{_ascii(family)}{randint(1, 99)}@example.org"

    row = {
        "id": person_id,
        "given_names": given,
        "family_name": family,
        "name_original": name_original,
        "aliases": aliases,
        "birth_date": birth_text,
        "gender": gender,
        "nationalities": ["DE", country.code] if country.code == "KZ" else [country.code],
        "languages": languages,
        "interpreter_language": languages[0] if german_level in ("", "A1", "A2") else "",
        "phone": f"+49 15{randint(1, 9)} {randint(1_000_000, 9_999_999)}",
        "email": email,
        "address": address,
        "household": household,
        "minor_child": minor_child,
        "entry_date": entry,
        "residence_status": status,
        "duldung_since": min(duldungen) if duldungen else None,
        "identity_clarified": passport == "has" or random_() < 0.3,
        "passport_status": passport,
        "passport_valid_until": passport_valid,
        "school_years": school_years,
        "qualifications": rng.choice(texts.QUALIFICATIONS),
        "german_level": german_level,
        "employment": rng.choice(texts.EMPLOYMENT) if employed else "",
        "employment_since": max(entry, today - timedelta(days=randint(30, 900))) if employed else None,
        "weekly_hours": float(randint(10, 39)) if employed else None,
    }
    return PersonDraft(row, documents, country.code, given, age, birth, birth_is_full, entry, employed, aliases)
