"""The steering group's barrier report: counts as the main report, shared texts without names."""

from __future__ import annotations

from datetime import date

from app.models import Barrier, Case, Person
from app.services.reporting import ReportScope, build_report, publish
from app.services.reporting.barrier_report import build_barrier_report, scrub_names
from tests.unit.known_report_vault import PERIOD, build_known_vault


def test_scrub_names_in_every_spelling():
    names = ["Jürgen Anton", "Müller-Lüdenscheidt", "أحمد", ["Juri"][0]]
    text = "Herr Müller-Lüdenscheidt (Mueller) und JÜRGEN; أحمد wartet. Az. 2025-0042. Anton's Kurs; Antonia bleibt."
    out = scrub_names(text, names, ["2025-0042"])
    assert "Müller" not in out and "Mueller" not in out and "JÜRGEN" not in out and "أحمد" not in out
    assert "[Az.]" in out and "2025-0042" not in out
    assert "Antonia" in out  # a word that merely starts like a name stays
    assert out.startswith("Herr [Name] ([Name]) und [Name]")


def test_barrier_report_follows_the_published_counts(vault):
    with vault.session() as session:
        cases = build_known_vault(session)
        person = Person(given_names="Qwertzuiop", family_name="Zyxwvutsrq")
        extra = Case(ref="B-1", person=person, case_type="case_management", opened=date(2025, 1, 1))
        session.add(extra)
        session.flush()
        for i in range(12):
            session.add(Barrier(case_id=extra.id, category="documents", institution="Botschaft", occurred_on=date(2025, 2, 1 + i),
                                shareable=i == 0, description="Qwertzuiop Zyxwvutsrq wartet seit Monaten auf einen Termin (B-1)."))
        session.add(Barrier(case_id=cases["active"][0].id, category="documents", institution="Standesamt",
                            occurred_on=date(2025, 3, 3), shareable=True, description="Geburtsurkunde nicht anerkannt."))
    with vault.session() as session:
        published = publish(build_report(session, ReportScope(*PERIOD)))
        report = build_barrier_report(session, published)
    assert [b.label for b in report.categories] == sorted((b.label for b in report.categories), key=str.casefold)
    pairs = published.sections["barrier_institutions"]
    for block in report.categories:
        assert block.count == published.sections["barriers"][block.category]
        assert (block.first is not None) == isinstance(block.count, int)
        for line in block.institutions:
            assert line.count == pairs[f"{block.category}|{line.institution or 'unknown'}"]
            assert (line.first is not None) == isinstance(line.count, int)
        if not isinstance(block.count, int):
            assert block.descriptions == []
        for institution, text in block.descriptions:
            assert "Qwertzuiop" not in text and "Zyxwvutsrq" not in text and "B-1" not in text
            if institution:
                assert isinstance(pairs[f"{block.category}|{institution}"], int)
    documents = next(b for b in report.categories if b.category == "documents")
    assert documents.count == 13 and (documents.first, documents.last) == (date(2025, 2, 1), date(2025, 3, 3))
    # Botschaft (12) is withheld next to Standesamt (1): texts appear, but without the institution.
    assert documents.descriptions == [("", "[Name] wartet seit Monaten auf einen Termin ([Az.])."),
                                      ("", "Geburtsurkunde nicht anerkannt.")]
    # waiting_list is withheld in this report: its shared text is pooled.
    assert report.pooled_descriptions == ["Wartezeit von acht Monaten auf einen Integrationskurs."]
    assert report.total == published.sections["barriers"]["total"] == 31
