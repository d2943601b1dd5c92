"""Search results, snippets and indexed spellings are exactly those of the straightforward code.

The fast snippet finder (regex for ASCII words, folding only the others) and
the single statement for the hits' rows must not change what a search
returns. The straightforward versions stay here as the reference.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from app.models import Case, Person, SearchDoc
from app.services import search as search_module
from app.services.demo import generate_demo
from app.services.search import (
    SEARCH_FIELDS,
    SNIPPET_CONTEXT,
    SearchHit,
    _best_snippet,
    _fold,
    _WordMatcher,
    build_match_query,
    query_words,
    ranked_case_rows,
    search,
)
from app.services.text_folding import alternative_spelling
from app.storage.vault import Vault
from tests.conftest import TEST_PASSWORD

_WORD = search_module._WORD


def reference_snippet(texts: dict[str, str], words: set[str]) -> tuple[str, str]:
    for field in SEARCH_FIELDS:
        content = texts.get(field) or ""
        for token in _WORD.finditer(content):
            forms = _fold(token.group())
            if any(form.startswith(w) for form in forms for w in words):
                start = max(0, token.start() - SNIPPET_CONTEXT)
                end = min(len(content), token.end() + SNIPPET_CONTEXT)
                before = ("…" if start else "") + content[start : token.start()]
                after = content[token.end() : end] + ("…" if end < len(content) else "")
                return field, f"{before}[{token.group()}]{after}".replace("\n", " ")
    return "name", texts.get("name", "")


def reference_search(session, query: str, limit: int = 20) -> list[SearchHit]:
    match = build_match_query(query)
    if match is None:
        return []
    rowids = ranked_case_rows(session, match, limit)
    if not rowids:
        return []
    rows = session.execute(
        select(SearchDoc.id, Case.id, Case.ref, Person.given_names, Person.family_name)
        .join(Case, Case.id == SearchDoc.case_id)
        .join(Person, Person.id == Case.person_id)
        .where(SearchDoc.id.in_(rowids))
    ).all()
    by_rowid = {row[0]: row[1:] for row in rows}
    field_texts = {
        row[0]: row[1:]
        for row in session.execute(
            text(f"SELECT rowid, {', '.join(SEARCH_FIELDS)} FROM search_fts WHERE rowid IN ({','.join(map(str, rowids))})")
        )
    }
    words = set().union(*(_fold(w) for w in query_words(query)))
    hits = []
    for rowid in rowids:
        if rowid in by_rowid:
            case_id, ref, given_names, family = by_rowid[rowid]
            field, snippet = reference_snippet(dict(zip(SEARCH_FIELDS, field_texts.get(rowid, ()), strict=False)), words)
            hits.append(SearchHit(case_id, ref, f"{given_names} {family}".strip(), field, snippet))
    return hits


# Letters that fold in unusual ways: umlauts and ß, a combining diaeresis, Arabic
# hamza forms, ta marbuta, a short-vowel mark and the tatweel (deleted by the
# spelling table), Turkish dotless ı and dotted İ, the Kelvin sign and long s
# (which match k and s case-insensitively), a fullwidth letter, Cyrillic, Ge'ez.
ALPHABET = "abcdeklmsuzAKMSU019_ äöüÄÖÜßé\u0308أإاةهىيَـıİ\u212aſＡжЖዮና'-.,\n"
texts = st.text(alphabet=ALPHABET, max_size=120)
queries = st.text(alphabet=ALPHABET, min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(fields=st.fixed_dictionaries({field: texts for field in SEARCH_FIELDS}), query=queries)
def test_snippet_is_that_of_the_reference(fields, query):
    words = set().union(*(_fold(w) for w in query_words(query)))
    if not words:
        return
    assert _best_snippet(fields, _WordMatcher(words)) == reference_snippet(fields, words)


@settings(max_examples=400, deadline=None)
@given(content=texts)
def test_index_alternatives_are_those_of_the_reference(content):
    """Skipping ASCII words when indexing alternative spellings changes nothing."""
    expected = " ".join(
        alternative_spelling(word) for word in _WORD.findall(content) if alternative_spelling(word) != word
    )
    assert search_module._alternatives(content) == expected


@pytest.mark.parametrize(
    ("content", "query", "expected"),
    [
        ("Frau Müller kommt", "mue", "Frau [Müller] kommt"),
        ("Frau Mueller kommt", "mül", "Frau [Mueller] kommt"),
        ("Termin KELVIN \u212aelvin ok", "kel", "Termin [KELVIN] \u212aelvin ok"),
        ("Straße Strasse", "strass", "[Straße] Strasse"),
        ("محمد أحمد", "احمد", "محمد [أحمد]"),
        ("x_y abc", "y", None),  # no word starts with y: the name field is shown
    ],
)
def test_snippet_examples(content, query, expected):
    words = set().union(*(_fold(w) for w in query_words(query)))
    field, snippet = _best_snippet({"name": "Name", "notes": content}, _WordMatcher(words))
    if expected is None:
        assert (field, snippet) == ("name", "Name")
    else:
        assert (field, snippet) == ("notes", expected)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    vault, _code = Vault.create(tmp_path_factory.mktemp("search") / "vault", TEST_PASSWORD)
    generate_demo(vault, cases=150, seed=2, today=date(2026, 3, 1))
    yield vault
    vault.lock()


@pytest.mark.parametrize(
    "query",
    ["Haddad", "mo", "Müller", "Mueller", "Ma'arouf", "محمد", "Олена", "Duldung", "Botschaft Pass", "sch", "2025-00", "zzzz"],
)
def test_search_returns_what_the_reference_returns(demo_vault, query):
    with demo_vault.session() as session:
        assert search(session, query, limit=20) == reference_search(session, query, limit=20)
