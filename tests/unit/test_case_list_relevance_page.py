"""A search sorted by relevance without filters takes its page from FTS5's top-k
(``case_list._best_ranked_page``); it must give exactly the rows and order of the full
sort by (rank, reference) that a filtered search still uses — ties included."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.models.codes import CaseStatus
from app.services import case_list
from app.services.case_list import list_cases
from app.services.cases import create_case
from app.services.demo import generate_demo

ALL_STATUSES = [status.value for status in CaseStatus]  # a filter every case passes: the full sort
QUERIES = ("ha", "mo", "kr", "sch", "Wohnung", "Haddad", "Mohammed Haddad", "al", "Müller", "Mueller", "محمد", "2025")


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSWORD

    vault, _code = Vault.create(tmp_path_factory.mktemp("relevance") / "vault", TEST_PASSWORD, user_name="Test")
    generate_demo(vault, cases=150, seed=3, today=date(2026, 3, 16))
    yield vault
    vault.lock()


def page(vault, query, offset, limit, **filters):
    with vault.read_session() as session:
        rows, total = list_cases(session, search=query, sort="relevance", offset=offset, limit=limit, **filters)
    return [row.case_id for row in rows], total


@pytest.mark.parametrize("query", QUERIES)
def test_the_top_k_page_is_the_full_sorts_page(demo_vault, query):
    for offset, limit in ((0, 100), (0, 20), (20, 20), (5, 1), (100, 100), (0, 0)):
        assert page(demo_vault, query, offset, limit) == page(demo_vault, query, offset, limit, status=ALL_STATUSES)


def test_the_fast_path_is_taken_without_filters_only(demo_vault, monkeypatch):
    calls = []
    original = case_list._best_ranked_page

    def spy(*args):
        result = original(*args)
        calls.append(result is not None)
        return result

    monkeypatch.setattr(case_list, "_best_ranked_page", spy)
    page(demo_vault, "Haddad", 0, 5)
    assert calls == [True]
    page(demo_vault, "Haddad", 0, 5, status=ALL_STATUSES)  # filtered: the full sort, no fast path
    assert calls == [True]


def test_equal_ranks_across_the_page_end_are_ordered_by_reference(vault, monkeypatch):
    answers = []
    original = case_list._best_ranked_page
    monkeypatch.setattr(case_list, "_best_ranked_page", lambda *args: answers.append(original(*args)) or answers[-1])
    # Five cases whose index rows are alike: the same bm25 for "Zyxwa", so the reference decides.
    refs = []
    for _n in range(5):
        case = create_case(vault, given_names="Amal", family_name="Zyxwa", opened=date(2026, 1, 1),
                           consent_to_case_management=True)
        refs.append(case.ref)
    with vault.read_session() as session:
        for offset, limit in ((0, 2), (1, 2), (2, 3), (0, 5), (4, 4)):
            rows, total = list_cases(session, search="Zyxwa", sort="relevance", offset=offset, limit=limit)
            assert total == 5
            assert [row.ref for row in rows] == sorted(refs)[offset:offset + limit]
    assert all(answer is not None for answer in answers)  # ties are settled on the fast path


def test_an_index_row_without_its_case_is_left_out_as_by_the_full_sort(vault):
    for family in ("Quorvel", "Quorvelli"):
        create_case(vault, given_names="Sami", family_name=family, opened=date(2026, 1, 1),
                    consent_to_case_management=True)
    with vault.session() as session:
        # An orphaned FTS row (its bookkeeping row gone): search must not show a phantom.
        orphan = session.scalar(text("SELECT min(id) FROM search_docs"))
        session.execute(text("DELETE FROM search_docs WHERE id = :id"), {"id": orphan})
    with vault.read_session() as session:
        fast, total = list_cases(session, search="Quorvel", sort="relevance", limit=10)
        full, _ = list_cases(session, search="Quorvel", sort="relevance", limit=10, status=ALL_STATUSES)
    assert [row.case_id for row in fast] == [row.case_id for row in full]
    assert len(fast) == total == 1


def test_an_erased_case_leaves_the_fast_page_and_the_count_as_the_full_sort(vault):
    from app.services.retention import erase_case

    refs = [create_case(vault, given_names="Noor", family_name="Vantrelli", opened=date(2026, 1, 1),
                        consent_to_case_management=True) for _n in range(4)]
    erase_case(vault, refs[1].case_id, "Test")
    with vault.read_session() as session:
        for offset, limit in ((0, 2), (1, 2), (0, 10)):
            fast, total = list_cases(session, search="Vantrelli", sort="relevance", offset=offset, limit=limit)
            full, full_total = list_cases(session, search="Vantrelli", sort="relevance", offset=offset, limit=limit,
                                          status=ALL_STATUSES)
            assert [row.case_id for row in fast] == [row.case_id for row in full]
            assert total == full_total == 3
            assert refs[1].case_id not in {row.case_id for row in fast}
