"""Every row of one demo case file, consistent with its timeline.

The rules the case-file services enforce hold here too: a case in planning has
assessments with need levels, one in implementation or monitoring has goals,
a closed one has a reason and a date, a Verweisberatung is closed only after
its handover referral; target dates lie after the opening, nothing happened
before the case was opened except the person's own history (entry, earlier
papers and measures).

The builder also returns the texts the search index holds for the case, put
together exactly as ``app.services.search._case_texts`` would read them back.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from app.models.codes import GOAL_AREAS
from app.services.case_fields import sort_name
from app.services.demo_data import texts
from app.services.demo_data.person import PersonDraft
from app.services.demo_data.timeline import Timeline

AREAS_ALPHABETICAL = tuple(sorted(GOAL_AREAS))  # the order the index reads assessments back in
AGREEMENT_STATUSES = ("draft", "in_force", "fulfilled", "ended")

_CONTACTS = {  # how many contacts a case has had, by the phase it got to
    "intake": (1, 3), "assessment": (2, 6), "planning": (4, 8), "implementation": (7, 18), "monitoring": (11, 28),
}
_CONTACT_KINDS = ("meeting", "phone", "email", "home_visit", "accompaniment", "case_conference", "other")
_CONTACT_KIND_WEIGHTS = (40, 22, 8, 9, 8, 5, 3)
_DURATIONS = {
    "meeting": (30, 90), "phone": (5, 20), "home_visit": (45, 120), "accompaniment": (60, 240),
    "case_conference": (60, 120), "other": (10, 30),
}
_AREA_DOMAINS = {
    "residence": ("AufenthG", "MBE", "JMD"), "needs": ("AsylbLG", "SGB II", "SGB XII"),
    "language": ("education", "MBE", "SGB III"), "education_work": ("SGB III", "SGB II", "education"),
    "health": ("health",), "mental_health": ("health",), "networks": ("JMD", "MBE", "other"),
    "perspectives": ("JMD", "SGB VIII", "MBE"),
}
_HANDOVER_DOMAINS = ("SGB II", "SGB III", "SGB VIII", "AsylbLG", "SGB XII", "AufenthG", "MBE", "JMD")
_HANDOVER_WEIGHTS = (25, 15, 8, 12, 4, 10, 14, 12)
_AREA_CATEGORIES = {
    "residence": "residence", "needs": "financial", "language": "education_work", "education_work": "education_work",
    "health": "health", "mental_health": "mental_health", "networks": "social", "perspectives": "social",
}
_CATEGORY_ORDER = ("identity", "residence", "social", "education_work", "financial", "health", "mental_health")
_EXPIRY_KIND = {
    "duldung": "duldung_expiry", "gestattung": "gestattung_expiry", "aufenthaltserlaubnis": "permit_expiry",
    "fiktionsbescheinigung": "permit_expiry",
}
_CLOSING = {  # closing reason weights by the phase the case was closed from
    "intake": {"not_indicated": 55, "handed_over": 30, "declined_by_person": 15},
    "assessment": {"no_contact": 30, "moved_away": 20, "handed_over": 30, "declined_by_person": 20},
    "planning": {"no_contact": 30, "moved_away": 20, "handed_over": 30, "declined_by_person": 20},
    "implementation": {"handed_over": 25, "no_contact": 22, "moved_away": 18, "goals_attained": 15,
                       "declined_by_person": 12, "deported_or_left": 5, "other": 3},
    "monitoring": {"goals_attained": 55, "handed_over": 20, "moved_away": 10, "no_contact": 10, "declined_by_person": 5},
}
_INTAKE_SOURCES = ("shelter", "authority", "service", "self", "other")
_INTAKE_SOURCE_WEIGHTS = (35, 20, 20, 20, 5)
_INDICATIONS = ("complex_needs", "several_services", "standard_routes_failed")
_NEED_WEIGHTS = (15, 35, 35, 15)
_RESIDENCE_NEED = {
    "duldung": (2, 3), "gestattung": (2, 2), "fiktionsbescheinigung": (1, 2),
    "aufenthaltserlaubnis": (0, 1), "niederlassungserlaubnis": (0, 0), "": (0, 0),
}
_LANGUAGE_NEED = {"": 3, "A1": 3, "A2": 2, "B1": 1, "B2": 0, "C1": 0}
_BARRIER_CATEGORIES = tuple(texts.BARRIER_WEIGHTS)
_BARRIER_WEIGHTS = tuple(texts.BARRIER_WEIGHTS.values())

Rows = dict[str, list[dict]]


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _de(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


class CaseFileBuilder:
    """Builds one case file after another from one random stream (deterministic per seed)."""

    def __init__(
        self,
        rng: random.Random,
        new_id: Callable[[], str],
        today: date,
        agencies: dict[str, list[tuple[str, str]]],
    ) -> None:
        self.rng = rng
        self.new_id = new_id
        self.today = today
        self.agencies = agencies
        self.all_agencies = [agency for domain in sorted(agencies) for agency in agencies[domain]]
        # Agreement statuses not yet shown: the first eligible cases take them, so
        # even a small demo has agreements in every status.
        self.statuses_missing = list(AGREEMENT_STATUSES)

    # --- helpers ---------------------------------------------------------------------

    def _between(self, start: date, end: date) -> date:
        span = (end - start).days
        return start + _days(self.rng.randint(0, span)) if span > 0 else start

    def _agency(self, domains: tuple[str, ...]) -> tuple[str, str]:
        for domain in self.rng.sample(domains, len(domains)):
            if domain in self.agencies:
                return self.rng.choice(self.agencies[domain])
        return self.rng.choice(self.all_agencies)

    def _fill(self, given: str, day: date, languages: list[str]) -> dict:
        rng = self.rng
        return {
            "given": given,
            "date": _de(day + _days(rng.randint(3, 30))),
            "official": rng.choice(texts.OFFICIALS),
            "agency": rng.choice(texts.AGENCY_SHORT),
            "town": rng.choice(texts.TOWNS),
            "job": rng.choice(texts.JOBS),
            "level": rng.choice(("A2", "B1", "B1", "B2")),
            "n": rng.randint(3, 40),
            "language": texts.LANGUAGE_NAMES.get(languages[0], "Englisch") if languages else "Englisch",
        }

    # --- the case file -----------------------------------------------------------------

    def build(self, timeline: Timeline, person: PersonDraft, ref: str, rows: Rows) -> dict[str, str]:
        """Append the case's rows to ``rows``; return its search texts."""
        rng = self.rng
        case_id = self.new_id()
        case_manager = rng.choice(texts.CASE_MANAGERS)
        cm = timeline.case_type == "case_management"
        status = person.status
        age = person.age_at_opening
        gk = cm and 18 <= age <= 27 and status in ("duldung", "gestattung") and rng.random() < 0.75
        source = rng.choices(_INTAKE_SOURCES, _INTAKE_SOURCE_WEIGHTS)[0]
        languages = person.row["languages"]
        intake_notes = rng.choice(texts.INTAKE_NOTES).format(
            source=texts.INTAKE_SOURCES[source],
            given=person.given,
            entry_year=person.entry.year,
            concern=rng.choice(texts.CONCERNS),
            language=texts.LANGUAGE_NAMES.get(languages[0], "Englisch") if languages else "Englisch",
        )

        closing_reason = outcome = ""
        if timeline.phase == "closed":
            if cm:
                weights = _CLOSING[timeline.last_active_phase]
                closing_reason = rng.choices(tuple(weights), tuple(weights.values()))[0]
            else:
                closing_reason = "referral_completed" if rng.random() < 0.85 else "no_contact"
            outcome = rng.choice(texts.OUTCOMES[closing_reason]).format(given=person.given)
        phase_status = "closed" if timeline.phase == "closed" else "active"
        if timeline.phase in ("implementation", "monitoring") and rng.random() < 0.04:
            phase_status = "paused"
        legal_hold = timeline.phase == "closed" and rng.random() < 0.005

        rows["cases"].append({
            "id": case_id,
            "ref": ref,
            "person_id": person.row["id"],
            "case_type": timeline.case_type,
            "phase": timeline.phase,
            "status": phase_status,
            "opened": timeline.opened,
            "closed": timeline.closed,
            "case_manager": case_manager,
            "programme_kim": (not gk) or rng.random() < 0.9,
            "programme_gk": gk,
            "intake_source": source,
            "indication": sorted(rng.sample(_INDICATIONS, rng.randint(1, 3))) if cm else [],
            "consent_to_case_management": cm and (timeline.reached("assessment") or rng.random() < 0.6),
            "intake_notes": intake_notes,
            "closing_reason": closing_reason,
            "outcome": outcome,
            "shared": True,
            "legal_hold": legal_hold,
            "legal_hold_reason": "Laufendes Klageverfahren, Akte wird benötigt." if legal_hold else "",
            "sort_name": sort_name(person.row["family_name"], person.row["given_names"]),
        })
        for phase, on in timeline.transitions:
            rows["phase_transitions"].append({"id": self.new_id(), "case_id": case_id, "phase": phase, "on": on, "by": case_manager})

        needs, assessment_texts = self._assessments(case_id, timeline, person, rows)
        goals = self._goals(case_id, timeline, person, needs, closing_reason, rows)
        notes = self._contacts(case_id, timeline, person, needs, rows)
        self._measures(case_id, timeline, person, rows)
        referred = self._referrals(case_id, timeline, person, needs, rows)
        consents = self._consents(case_id, timeline, referred, rows)
        barriers = self._barriers(case_id, timeline, rows)
        agreement_steps = self._agreement(case_id, timeline, person, case_manager, rows)
        if timeline.phase != "closed":
            self._deadlines(case_id, timeline, person, goals, consents, agreement_steps, rows)

        goal_texts = [f"{goal['text']} {goal['criterion']}".strip() for goal in goals] + assessment_texts
        return {
            "name": person.search_name(),
            "ref": ref,
            "notes": "\n".join(note for note in [intake_notes, *notes] if note),
            "goals": "\n".join(text for text in goal_texts if text),
            "barriers": "\n".join(barriers),
        }

    # --- goal areas --------------------------------------------------------------------

    def _assessments(
        self, case_id: str, timeline: Timeline, person: PersonDraft, rows: Rows
    ) -> tuple[dict[str, int], list[str]]:
        """Assessments (in code order); returns the need level per assessed area and their texts."""
        rng = self.rng
        if not timeline.reached("assessment"):
            if timeline.case_type == "referral_advice" and rng.random() < 0.5:
                areas = (rng.choice(AREAS_ALPHABETICAL),)  # the short advice notes the main need
                start, stop = timeline.opened, timeline.end(self.today)
            else:
                return {}, []
        elif timeline.reached("planning"):
            areas = AREAS_ALPHABETICAL
            start, stop = timeline.entered("assessment"), timeline.entered("planning")
        else:
            areas = tuple(sorted(rng.sample(AREAS_ALPHABETICAL, rng.randint(2, 8))))
            start, stop = timeline.entered("assessment"), timeline.end(self.today)
        closed = timeline.phase == "closed"
        worked = timeline.reached("implementation")
        needs = {}
        found = []
        for area in areas:
            if area == "residence":
                level = rng.randint(*_RESIDENCE_NEED[person.status])
            elif area == "language":
                level = _LANGUAGE_NEED[person.row["german_level"]]
            elif area == "education_work" and person.employed:
                level = rng.randint(0, 1)
            else:
                level = rng.choices((0, 1, 2, 3), _NEED_WEIGHTS)[0]
            needs[area] = level
            situation = rng.choice(texts.SITUATIONS[area][level])
            if area == "residence" and person.current_document:
                document = person.current_document
                until = f" bis {_de(document['valid_until'])}" if document["valid_until"] else ""
                situation = f"{document['doc_type'].capitalize()} ({document['paragraph']}){until}. {situation}"
            resources = " ".join(rng.sample(texts.RESOURCES[area], rng.randint(1, 2)))
            at_closure = None
            if closed:
                at_closure = max(0, level - rng.randint(0, 2)) if worked else level
            rows["assessments"].append({
                "id": self.new_id(),
                "case_id": case_id,
                "area": area,
                "situation": situation,
                "resources": resources,
                "need_level": level,
                "assessed_on": self._between(start, stop),
                "need_level_at_closure": at_closure,
            })
            found.append(f"{situation} {resources}".strip())
        return needs, found

    def _goal_count(self, timeline: Timeline) -> int:
        rng = self.rng
        if timeline.reached("implementation"):
            return rng.randint(2, 5)
        if timeline.reached("planning"):
            return rng.randint(0, 2)  # goals still being agreed
        return 0

    def _goals(
        self, case_id: str, timeline: Timeline, person: PersonDraft, needs: dict[str, int], closing_reason: str, rows: Rows
    ) -> list[dict]:
        rng, today = self.rng, self.today
        count = self._goal_count(timeline)
        if not count:
            return []
        weighted = [(area, (0, 1, 4, 6)[level]) for area, level in needs.items() if level > 0]
        areas: list[str] = []
        while weighted and len(areas) < count:
            area = rng.choices([a for a, _ in weighted], [w for _, w in weighted])[0]
            areas.append(area)
            weighted = [(a, w) for a, w in weighted if a != area]
        if not areas and timeline.reached("implementation"):
            areas = ["perspectives"]  # nothing pressing: the person's own plans
        end = timeline.end(today)
        planning = timeline.entered("planning")
        agreed_by = timeline.entered("implementation") or end
        monitoring = timeline.entered("monitoring")
        review_days: list[date] = []
        if monitoring:
            day = monitoring
            while day <= end and len(review_days) < 4:
                review_days.append(day)
                day += _days(rng.randint(60, 120))
        closed = timeline.phase == "closed"
        attained_case = closing_reason == "goals_attained"
        goals = []
        for area in areas:
            text, criterion = rng.choice(texts.GOALS[area])
            fill = {"given": person.given, "job": rng.choice(texts.JOBS), "town": rng.choice(texts.TOWNS)}
            created = self._between(planning, agreed_by)
            goal_id = self.new_id()
            attainment = 0
            status = "open" if not timeline.reached("implementation") else rng.choice(("open", "in_progress", "in_progress"))
            closed_on = None
            history: list[tuple[date, int]] = []
            level = rng.randint(0, 40)
            for day in review_days:
                if day < created:
                    continue
                level = min(100, level + rng.randint(0, 35))
                history.append((day, level))
                if level == 100:
                    break
            if history:
                attainment = history[-1][1]
                status = "attained" if attainment == 100 else "in_progress"
                closed_on = history[-1][0] if attainment == 100 else None
            if closed and status != "attained":
                if attained_case:
                    status, attainment = rng.choice((("attained", 100), ("attained", 100), ("partly_attained", rng.randint(60, 90))))
                else:
                    status = rng.choices(("attained", "partly_attained", "not_attained", "dropped"), (20, 25, 35, 20))[0]
                    attainment = {"attained": 100, "partly_attained": rng.randint(40, 80), "not_attained": rng.randint(0, 30),
                                  "dropped": attainment}[status]
                closed_on = end
                if status != "dropped" and (not history or history[-1][0] != end):
                    history.append((end, attainment))  # the evaluation at closing
            goal = {
                "id": goal_id,
                "case_id": case_id,
                "area": area,
                "text": text.format(**fill),
                "criterion": criterion.format(**fill),
                "target_date": created + _days(rng.randint(60, 365)),
                "status": status,
                "attainment": attainment,
                "created_on": created,
                "closed_on": closed_on,
            }
            rows["goals"].append(goal)
            goals.append(goal)
            for day, value in history:
                rows["goal_reviews"].append({
                    "id": self.new_id(), "goal_id": goal_id, "on": day, "attainment": value,
                    "note": rng.choice(texts.REVIEW_NOTES).format(given=person.given),
                })
            for action, responsible in rng.sample(texts.STEPS[area], min(len(texts.STEPS[area]), rng.randint(1, 3))):
                due = created + _days(rng.randint(10, 120))
                done_on = None
                if (closed and rng.random() < 0.7) or (due < today and rng.random() < 0.75) or rng.random() < 0.15:
                    done_on = min(max(created, due - _days(rng.randint(-10, 10))), end)
                rows["goal_steps"].append({
                    "id": self.new_id(), "goal_id": goal_id, "action": action, "responsible": responsible,
                    "due": due, "done_on": done_on,
                })
        return goals

    # --- contacts ----------------------------------------------------------------------

    def _contacts(self, case_id: str, timeline: Timeline, person: PersonDraft, needs: dict[str, int], rows: Rows) -> list[str]:
        """Contacts on distinct days; returns their notes newest first (the index order)."""
        rng = self.rng
        low, high = _CONTACTS[timeline.last_active_phase] if timeline.case_type == "case_management" else (1, 3)
        start, end = timeline.opened, timeline.end(self.today)
        span = (end - start).days
        count = min(rng.randint(low, high), span + 1)
        offsets = [0] + sorted(rng.sample(range(1, span + 1), count - 1)) if count > 1 else [0]
        touched = list(needs) or list(AREAS_ALPHABETICAL)
        languages = person.row["languages"]
        notes = []
        for number, offset in enumerate(offsets):
            day = start + _days(offset)
            participants = ""
            areas = sorted(rng.sample(touched, 1 if rng.random() < 0.7 or len(touched) < 2 else 2))
            if number == 0:
                kind = "meeting"
                note = "Erstgespräch: Situation und Anliegen aufgenommen, Einwilligung und Datenschutz erklärt."
            else:
                kind = rng.choices(_CONTACT_KINDS, _CONTACT_KIND_WEIGHTS)[0]
                fill = self._fill(person.given, day, languages)
                roll = rng.random()
                if kind in texts.KIND_NOTES and roll < 0.5:
                    template = rng.choice(texts.KIND_NOTES[kind])
                elif roll < 0.9:
                    template = rng.choice(texts.AREA_NOTES[areas[0]])
                else:
                    template = rng.choice(texts.GENERIC_NOTES)
                participants = ""
                if kind == "case_conference":
                    parties = [p.format(official=rng.choice(texts.OFFICIALS)) for p in rng.sample(texts.CONFERENCE_PARTIES, rng.randint(2, 3))]
                    parties.append(person.given)
                    if person.row["interpreter_language"]:
                        parties.append(f"Sprachmittlung {fill['language']}")
                    participants = ", ".join(parties)
                fill["participants"] = participants
                note = template.format(**fill)
            duration = _DURATIONS.get(kind)
            rows["contacts"].append({
                "id": self.new_id(),
                "case_id": case_id,
                "date": day,
                "duration_minutes": rng.randint(*duration) if duration else None,
                "kind": kind,
                "participants": participants,
                "areas": areas,
                "note": note,
            })
            notes.append(note)
        notes.reverse()
        return notes

    # --- measures, referrals, consents, barriers ---------------------------------------

    def _measures(self, case_id: str, timeline: Timeline, person: PersonDraft, rows: Rows) -> None:
        rng, today = self.rng, self.today
        if not timeline.reached("implementation"):
            return
        end = timeline.end(today)
        if rng.random() < 0.06:
            # A Maßnahme-Karriere: one measure after another in one area, none attained.
            area = rng.choice(("language", "education_work"))
            stop = end - _days(rng.randint(0, 60))
            plan = []
            for _ in range(rng.randint(3, 4)):  # planned backwards from the last one
                begin = stop - _days(rng.randint(60, 200))
                plan.append((begin, stop, rng.choice(("not_attained", "dropped_out"))))
                stop = begin - _days(rng.randint(14, 90))
            for begin, stop, outcome in reversed(plan):
                self._measure(case_id, area, begin, stop, outcome, rows)
            return
        for _ in range(rng.choices((0, 1, 2), (45, 35, 20))[0]):
            area = rng.choice(tuple(texts.MEASURES))
            begin = self._between(timeline.opened - _days(180), end)
            outcome = rng.choices(("ongoing", "attained", "not_attained", "dropped_out"), (35, 35, 15, 15))[0]
            stop = begin + _days(rng.randint(60, 300))
            if outcome == "ongoing":
                stop = max(stop, today + _days(rng.randint(14, 200)))
            else:
                stop = min(stop, end)
            self._measure(case_id, area, begin, stop if stop >= begin else begin, outcome, rows)

    def _measure(self, case_id: str, area: str, start: date, end: date, outcome: str, rows: Rows) -> None:
        kind, title, provider = self.rng.choice(texts.MEASURES[area])
        rows["measures"].append({
            "id": self.new_id(), "case_id": case_id, "area": area, "kind": kind, "title": title,
            "provider": provider, "start": start, "end": end, "outcome": outcome,
        })

    def _referrals(self, case_id: str, timeline: Timeline, person: PersonDraft, needs: dict[str, int], rows: Rows) -> list[tuple[str, str, date]]:
        """Referrals; returns (agency id, area, date) for each."""
        rng, today = self.rng, self.today
        end = timeline.end(today)
        made: list[tuple[str, str, date, bool]] = []
        if timeline.case_type == "referral_advice":
            if timeline.phase == "closed" or rng.random() < 0.5:
                domain = rng.choices(_HANDOVER_DOMAINS, _HANDOVER_WEIGHTS)[0]
                area = next((a for a, ds in _AREA_DOMAINS.items() if domain in ds), "perspectives")
                agency_id, _ = self._agency((domain,))
                made.append((agency_id, area, end, True))
        else:
            count = rng.randint(1, 3) if timeline.reached("implementation") else (rng.randint(0, 1) if timeline.reached("planning") else 0)
            ranked = sorted(needs, key=lambda a: -needs[a]) or list(AREAS_ALPHABETICAL)
            start = timeline.entered("planning") or timeline.opened
            for area in ranked[:count]:
                agency_id, _ = self._agency(_AREA_DOMAINS[area])
                made.append((agency_id, area, self._between(start, end), False))
        result = []
        for agency_id, area, day, handover in made:
            if handover:
                status = rng.choice(("accepted", "completed"))
            elif (today - day).days < 21:
                status = "open"
            else:
                status = rng.choices(("accepted", "completed", "declined", "open"), (45, 35, 10, 10))[0]
            rows["referrals"].append({
                "id": self.new_id(), "case_id": case_id, "agency_id": agency_id, "date": day, "area": area,
                "purpose": texts.REFERRAL_PURPOSES[area], "status": status, "handover": handover,
            })
            result.append((agency_id, area, day))
        return result

    def _consents(self, case_id: str, timeline: Timeline, referred: list[tuple[str, str, date]], rows: Rows) -> list[dict]:
        """One consent per agency referred to (given before the referral), some expired or withdrawn."""
        rng, today = self.rng, self.today
        consents = []
        seen = set()
        for agency_id, area, day in referred:
            if agency_id in seen:
                continue
            seen.add(agency_id)
            categories = {"identity", _AREA_CATEGORIES[area]}
            if rng.random() < 0.3:
                categories.add("social")
            if rng.random() < 0.08:
                categories.add("health")
            given = max(timeline.opened, day - _days(rng.randint(0, 10)))
            valid_until = given + _days(365 * rng.choice((1, 1, 2)))
            withdrawn = None
            if rng.random() < 0.05 and (today - given).days > 20:
                withdrawn = self._between(given + _days(10), min(today, valid_until))
            purpose = rng.choice(texts.CONSENT_PURPOSES).format(purpose=texts.REFERRAL_PURPOSES[area])
            consent = {
                "id": self.new_id(), "case_id": case_id, "recipient_id": agency_id,
                "categories": [c for c in _CATEGORY_ORDER if c in categories], "purpose": purpose,
                "given": given, "valid_until": valid_until, "withdrawn": withdrawn, "document_id": None,
            }
            rows["consents"].append(consent)
            consents.append(consent)
        return consents

    def _barriers(self, case_id: str, timeline: Timeline, rows: Rows) -> list[str]:
        rng = self.rng
        if timeline.case_type != "case_management" or not timeline.reached("assessment") or rng.random() >= 0.35:
            return []
        found = []
        for _ in range(rng.randint(1, 3)):
            category = rng.choices(_BARRIER_CATEGORIES, _BARRIER_WEIGHTS)[0]
            description, area, institution = rng.choice(texts.BARRIERS[category])
            rows["barriers"].append({
                "id": self.new_id(), "case_id": case_id, "category": category, "description": description,
                "area": area, "institution": institution,
                "occurred_on": self._between(timeline.entered("assessment"), timeline.end(self.today)),
                "structural": rng.random() < 0.85, "shareable": rng.random() < 0.5,
            })
            found.append(f"{description} {institution}".strip())
        return found

    # --- Zug-um-Zug agreement -------------------------------------------------------------

    def _agreement_status(self, timeline: Timeline) -> str | None:
        rng = self.rng
        if timeline.phase == "closed":
            allowed, weights = ("fulfilled", "ended"), (45, 55)
        elif timeline.phase == "planning":
            allowed, weights = ("draft", "in_force"), (70, 30)
        else:
            allowed, weights = AGREEMENT_STATUSES, (10, 60, 15, 15)
        for status in self.statuses_missing:
            if status in allowed:
                self.statuses_missing.remove(status)
                return status
        return rng.choices(allowed, weights)[0]

    def _agreement(self, case_id: str, timeline: Timeline, person: PersonDraft, case_manager: str, rows: Rows) -> list[dict]:
        """A Zug-um-Zug agreement for some tolerated persons; returns its steps."""
        rng, today = self.rng, self.today
        tolerated = person.status == "duldung" or person.row["duldung_since"] is not None
        if timeline.case_type != "case_management" or not timeline.reached("planning"):
            return []
        if not (tolerated and (rng.random() < 0.55 or self.statuses_missing)) and not (
            person.status == "gestattung" and rng.random() < 0.05
        ):
            return []
        status = self._agreement_status(timeline)
        if person.age_on(today) < 27:
            template = "passport_60c_25a" if rng.random() < 0.8 else "passport_60d"
        else:
            template = "passport_60d" if person.employed else "cooperation_25b"
        title, chain = texts.AGREEMENT_CHAINS[template]
        end = timeline.end(today)
        planning = timeline.entered("planning")
        concluded = None if status == "draft" else self._between(planning, min(end, planning + _days(90)))
        authority = self.agencies.get("AufenthG", [("", "Ausländerbehörde")])[0][1]
        agreement_id = self.new_id()
        rows["agreements"].append({
            "id": agreement_id, "case_id": case_id, "title": title, "status": status, "concluded_on": concluded,
            "authority_name": authority, "authority_officer": rng.choice(texts.OFFICIALS),
            "other_parties": f"Case Management: {case_manager}",
            "ended_reason": rng.choice(texts.AGREEMENT_END_REASONS) if status == "ended" else "",
            "template": template,
        })
        last_kept = rng.randint(1, len(chain) - 2) if status == "ended" else len(chain)
        waived = rng.randrange(len(chain)) if status == "fulfilled" and rng.random() < 0.1 else -1
        anchor = concluded or today + _days(7)
        previous_done: date | None = anchor
        broken = False
        steps = []
        for position, (party, action, proof) in enumerate(chain, start=1):
            within = None
            if party == "authority":
                within = rng.choice((14, 28))
                due = previous_done + _days(within) if previous_done else None
            else:
                due = anchor + _days(rng.randint(14, 60))
            if status in ("fulfilled", "ended") and due:
                due = min(due, end)
            step_status, reason, fulfilled_on = "open", "", None
            if status == "fulfilled":
                step_status = "waived" if position - 1 == waived and party == "person" else "fulfilled"
                reason = "Nachweis auf anderem Weg erbracht." if step_status == "waived" else ""
            elif status == "ended":
                if position < last_kept:
                    step_status = "fulfilled"
                elif position == last_kept:
                    step_status = "missed"
                else:
                    step_status, reason = "waived", "Vereinbarung beendet."
            elif status == "in_force" and due and due < today and not broken:
                step_status = "fulfilled" if rng.random() < 0.85 else "missed"
                broken = step_status == "missed"
            if step_status == "fulfilled":
                fulfilled_on = min(max(anchor, due - _days(rng.randint(0, 10))), end) if due else anchor
                previous_done = fulfilled_on
            elif step_status == "waived":
                # The service records the day a step was waived (the chain counts on from it); so does the demo.
                fulfilled_on = min(max(anchor, due or anchor), end) if status == "fulfilled" else end
            elif party != "authority":
                previous_done = None if step_status != "waived" else previous_done
            if due:
                anchor = max(anchor, fulfilled_on or due)
            step = {
                "id": self.new_id(), "agreement_id": agreement_id, "position": position, "party": party,
                "action": action, "due": due, "within_days_after_previous": within, "proof_required": proof,
                "proof_document_id": None, "status": step_status, "status_reason": reason, "fulfilled_on": fulfilled_on,
            }
            rows["agreement_steps"].append(step)
            steps.append(step)
        return steps if status == "in_force" else []

    # --- deadlines -------------------------------------------------------------------------

    def _deadline(self, rows: Rows, case_id: str, kind: str, due: date, source: str, done_on: date | None = None) -> None:
        rows["deadlines"].append({
            "id": self.new_id(), "case_id": case_id, "kind": kind, "due": due, "source": source,
            "note": texts.DEADLINE_NOTES.get(kind, ""), "done": done_on is not None, "done_on": done_on,
        })

    def _deadlines(self, case_id, timeline, person, goals, consents, agreement_steps, rows) -> None:
        """Due dates of an open case: papers, 27th birthday, reviews, agreement steps, consents."""
        rng, today = self.rng, self.today
        documents = person.documents
        for document in documents[-2:]:
            due = document["valid_until"]
            kind = _EXPIRY_KIND.get(document["doc_type"])
            if not due or not kind or due < today - _days(120):
                continue
            current = document is documents[-1]
            done_on = None
            if not current or (due < today and rng.random() < 0.45):
                done_on = max(timeline.opened, min(today, due - _days(rng.randint(0, 20))))
            self._deadline(rows, case_id, kind, due, f"residence_document:{document['id']}", done_on)
        passport_until = person.row["passport_valid_until"]
        if passport_until and today - _days(60) <= passport_until <= today + _days(365):
            self._deadline(rows, case_id, "passport_expiry", passport_until, "passport")
        if person.birth_is_full and person.status in ("duldung", "gestattung"):
            eve = person.birth.replace(year=person.birth.year + 27) if (person.birth.month, person.birth.day) != (2, 29) \
                else date(person.birth.year + 27, 2, 28)
            eve -= _days(1)
            if today - _days(30) <= eve <= today + _days(3 * 365):
                self._deadline(rows, case_id, "birthday_27", eve, "rule:25a")
        if timeline.phase in ("implementation", "monitoring"):
            monitoring = timeline.entered("monitoring")
            if monitoring:
                self._deadline(rows, case_id, "review", monitoring, "manual", monitoring)
            self._deadline(rows, case_id, "review", today + _days(rng.randint(-21, 70)), "manual")
        for goal in goals:
            target = goal["target_date"]
            if goal["status"] in ("open", "in_progress") and today - _days(14) <= target <= today + _days(30):
                self._deadline(rows, case_id, "goal_target", target, f"goal:{goal['id']}")
        for step in agreement_steps:
            if step["status"] == "open" and step["due"]:
                self._deadline(rows, case_id, "agreement_step", step["due"], f"agreement_step:{step['id']}")
        for consent in consents:
            until = consent["valid_until"]
            if consent["withdrawn"] is None and today - _days(10) <= until <= today + _days(30):
                self._deadline(rows, case_id, "consent_expiry", until, f"consent:{consent['id']}")
