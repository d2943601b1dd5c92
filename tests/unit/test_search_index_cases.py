"""``index_cases`` (many at once, used by sync) writes exactly what ``index_case`` writes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from app.models import Assessment, Barrier, Case, Contact, Goal, Person
from app.services.search import index_case, index_cases


def _fts_rows(session) -> list[tuple]:
    return [
        tuple(r)
        for r in session.execute(
            text("SELECT d.case_id, f.* FROM search_docs d JOIN search_fts f ON f.rowid = d.id ORDER BY d.case_id")
        )
    ]


def test_bulk_and_single_indexing_agree(vault):
    with vault.session() as session:
        ids = []
        for i in range(5):
            person = Person(given_names=f"Amina{i}", family_name="Yusuf", name_original="أمينة", aliases=["A. Y."])
            case = Case(ref=f"2026-{i + 1:04d}", person=person, case_type="case_management", opened=date(2026, 1, 1),
                        intake_notes=f"Übergangswohnheim {i}")
            session.add(case)
            session.flush()
            ids.append(case.id)
            for k in range(3):  # two contacts on the same day: order must still agree
                session.add(Contact(case_id=case.id, date=date(2026, 2, 1 + k // 2), kind="meeting", note=f"Notiz {i}/{k} Straße"))
            session.add(Goal(case_id=case.id, area="language", text=f"B1 {i}", criterion="Zertifikat", created_on=date(2026, 1, 2)))
            session.add(Goal(case_id=case.id, area="needs", text="Wohnung", created_on=date(2026, 1, 2)))
            session.add(Assessment(case_id=case.id, area="residence", situation="Duldung", resources="Familie"))
            session.add(Barrier(case_id=case.id, category="waiting_list", description="Warteliste", institution="VHS",
                                occurred_on=date(2026, 1, 3)))
        session.flush()
        for case in session.scalars(select(Case)):
            index_case(session, case)
        single = _fts_rows(session)
        index_cases(session, reversed(ids))
        assert _fts_rows(session) == single
        assert len(single) == 5
