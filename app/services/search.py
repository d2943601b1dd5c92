"""Full-text search over names, notes, goals and barriers (FTS5 in the vault).

One FTS row per case holds a column per field and a column of alternative
spellings for each (``text_folding``). ``index_case`` rewrites a case's row
whenever a service changes something searchable. A query matches every word
as a prefix (search as you type), anywhere in the case, in either spelling;
bm25 ranks name hits above note hits. Snippets are cut in Python for the few
hits shown, which is cheaper than asking FTS5 for them on every match.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, insert, literal_column, select, text
from sqlalchemy.orm import Session

from app.models import Barrier, Case, Contact, Goal, Person, SearchDoc
from app.models.goals import Assessment
from app.models.search import SEARCH_FIELDS, SEARCH_WEIGHTS
from app.services.text_folding import alternative_spelling

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 8
SNIPPET_CONTEXT = 40

_COLUMNS = ", ".join(f"{field}, {field}_alt" for field in SEARCH_FIELDS)
_PLACEHOLDERS = ", ".join(f":{field}, :{field}_alt" for field in SEARCH_FIELDS)
_HITS_SQL = (
    "SELECT d.id, c.id, c.ref, p.given_names, p.family_name, "
    + ", ".join(f"f.{field}" for field in SEARCH_FIELDS)
    + " FROM search_docs AS d JOIN cases AS c ON c.id = d.case_id JOIN persons AS p ON p.id = c.person_id"
    " LEFT JOIN search_fts AS f ON f.rowid = d.id WHERE d.id IN ({rowids})"
)
# Same day: the one entered last first (explicit, so one case and many cases index alike).
_NEWEST_CONTACT_FIRST = (Contact.date.desc(), literal_column("contacts.rowid").desc())
BM25 = "bm25(search_fts, " + ", ".join(str(w) for w in SEARCH_WEIGHTS) + ")"


@dataclass(frozen=True)
class SearchHit:
    case_id: str
    ref: str
    name: str
    field: str
    snippet: str


def _case_texts(session: Session, case: Case) -> dict[str, str]:
    """The searchable text of a case, per field."""
    person: Person = case.person
    names = [person.given_names, person.family_name, person.name_original, *(person.aliases or [])]
    notes = [case.intake_notes] + list(
        session.scalars(select(Contact.note).where(Contact.case_id == case.id).order_by(*_NEWEST_CONTACT_FIRST))
    )
    goals = [f"{t} {c}" for t, c in session.execute(select(Goal.text, Goal.criterion).where(Goal.case_id == case.id))]
    goals += [
        f"{situation} {resources}"
        for situation, resources in session.execute(
            select(Assessment.situation, Assessment.resources).where(Assessment.case_id == case.id)
        )
    ]
    barriers = [
        f"{d} {i}" for d, i in session.execute(select(Barrier.description, Barrier.institution).where(Barrier.case_id == case.id))
    ]
    return _compose_texts(names, case.ref, notes, goals, barriers)


def _compose_texts(names: list, ref: str, notes: list, goals: list[str], barriers: list[str]) -> dict[str, str]:
    return {
        "name": " ".join(n for n in names if n),
        "ref": ref,
        "notes": "\n".join(n for n in notes if n),
        "goals": "\n".join(g.strip() for g in goals if g.strip()),
        "barriers": "\n".join(b.strip() for b in barriers if b.strip()),
    }


def _alternatives(content: str) -> str:
    """Only the words whose alternative spelling differs: keeps the index small."""
    variants = []
    for word in _WORD.findall(content):
        if word.isascii():
            continue  # NFC and the spelling tables change no ASCII letter
        alt = alternative_spelling(word)
        if alt != word:
            variants.append(alt)
    return " ".join(variants)


def index_case(session: Session, case: Case) -> None:
    """Rewrite the case's search row from its current text (in the caller's transaction)."""
    remove_case(session, case.id)
    write_index_row(session, case.id, _case_texts(session, case))


def write_index_row(session: Session, case_id: str, texts: dict[str, str]) -> None:
    """Insert a case's row (no old row may exist). Bulk loaders that already hold
    the texts call this directly; everyone else calls ``index_case``."""
    rowid = session.execute(insert(SearchDoc).values(case_id=case_id)).inserted_primary_key[0]
    session.execute(text(f"INSERT INTO search_fts(rowid, {_COLUMNS}) VALUES (:id, {_PLACEHOLDERS})"), _index_values(rowid, texts))


def _index_values(rowid: int, texts: dict[str, str]) -> dict:
    values: dict = {"id": rowid}
    for field in SEARCH_FIELDS:
        values[field] = texts.get(field, "")
        values[f"{field}_alt"] = _alternatives(values[field])
    return values


def remove_case(session: Session, case_id: str) -> None:
    """Drop a case from the index (erasure relies on this: nothing may remain in FTS)."""
    session.execute(
        text("DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE case_id = :case_id)"),
        {"case_id": case_id},
    )
    session.execute(delete(SearchDoc).where(SearchDoc.case_id == case_id))


def index_cases(session: Session, case_ids: Iterable[str]) -> None:
    """``index_case`` for many cases at once (sync brings in hundreds): the same texts,
    from a few queries per 400 cases instead of several per case."""
    ids = list(dict.fromkeys(case_ids))
    for start in range(0, len(ids), 400):
        part = ids[start : start + 400]
        heads = session.execute(
            select(Case.id, Case.ref, Case.intake_notes, Person.given_names, Person.family_name,
                   Person.name_original, Person.aliases)
            .join(Person, Person.id == Case.person_id)
            .where(Case.id.in_(part))
        ).all()
        notes: dict[str, list] = defaultdict(list)
        for case_id, note in session.execute(
            select(Contact.case_id, Contact.note).where(Contact.case_id.in_(part)).order_by(Contact.case_id, *_NEWEST_CONTACT_FIRST)
        ):
            notes[case_id].append(note)
        goals: dict[str, list[str]] = defaultdict(list)
        for case_id, t, c in session.execute(select(Goal.case_id, Goal.text, Goal.criterion).where(Goal.case_id.in_(part))):
            goals[case_id].append(f"{t} {c}")
        for case_id, situation, resources in session.execute(
            select(Assessment.case_id, Assessment.situation, Assessment.resources).where(Assessment.case_id.in_(part))
        ):
            goals[case_id + "/a"].append(f"{situation} {resources}")
        barriers: dict[str, list[str]] = defaultdict(list)
        for case_id, d, i in session.execute(
            select(Barrier.case_id, Barrier.description, Barrier.institution).where(Barrier.case_id.in_(part))
        ):
            barriers[case_id].append(f"{d} {i}")
        found = [h[0] for h in heads]
        session.execute(
            text("DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE case_id IN :ids)")
            .bindparams(bindparam("ids", expanding=True)),
            {"ids": found},
        )
        session.execute(delete(SearchDoc).where(SearchDoc.case_id.in_(found)))
        first = (session.scalar(select(func.max(SearchDoc.id))) or 0) + 1
        docs, rows = [], []
        for offset, (case_id, ref, intake_notes, given, family, original, aliases) in enumerate(heads):
            names = [given, family, original, *(aliases or [])]
            texts = _compose_texts(
                names, ref, [intake_notes, *notes[case_id]], goals[case_id] + goals[case_id + "/a"], barriers[case_id]
            )
            docs.append({"id": first + offset, "case_id": case_id})
            rows.append(_index_values(first + offset, texts))
        if docs:
            session.execute(insert(SearchDoc), docs)
            session.execute(text(f"INSERT INTO search_fts(rowid, {_COLUMNS}) VALUES (:id, {_PLACEHOLDERS})"), rows)


def query_words(query: str) -> list[str]:
    return _WORD.findall(query)[:MAX_QUERY_WORDS]


def build_match_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word as a prefix, in either spelling. None if no words."""
    words = query_words(query)
    if not words:
        return None
    terms = []
    for word in words:
        variants = sorted({word, alternative_spelling(word)})
        terms.append("(" + " OR ".join(f'"{v}"*' for v in variants) + ")")
    return " AND ".join(terms)


def ranked_case_rows(session: Session, match: str, limit: int) -> list[int]:
    """The bare FTS5 query: rowids of the best-ranked cases."""
    return list(
        session.scalars(
            text(f"SELECT rowid FROM search_fts WHERE search_fts MATCH :match ORDER BY {BM25} LIMIT :n"),
            {"match": match, "n": limit},
        )
    )


def search(session: Session, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Matching cases, best first, each with the field that matched and a snippet."""
    match = build_match_query(query)
    if match is None:
        return []
    rowids = ranked_case_rows(session, match, limit)
    if not rowids:
        return []
    # Names and field texts of the hits in one statement (LEFT JOIN: a case whose
    # index row lost its text still shows up, with an empty snippet).
    rows = session.execute(text(_HITS_SQL.format(rowids=",".join(map(str, rowids))))).all()
    by_rowid = {row[0]: row[1:5] for row in rows}
    field_texts = {row[0]: tuple(value or "" for value in row[5:]) for row in rows}
    words = set().union(*(_fold(w) for w in query_words(query)))
    matcher = _WordMatcher(words)
    hits = []
    for rowid in rowids:
        if rowid not in by_rowid:
            continue
        case_id, ref, given, family = by_rowid[rowid]
        field, snippet = _best_snippet(dict(zip(SEARCH_FIELDS, field_texts.get(rowid, ()), strict=False)), matcher)
        hits.append(SearchHit(case_id, ref, f"{given} {family}".strip(), field, snippet))
    return hits


def _strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold(word: str) -> set[str]:
    """The forms under which FTS5 found a word: diacritics folded, or spelled out."""
    return {_strip_marks(word), _strip_marks(alternative_spelling(word))}


_WORD_CHAR = re.compile(r"\w")
_NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")  # a word character outside ASCII


class _WordMatcher:
    """Finds the first word of a text whose folded form starts with a query word.

    It runs for every hit over every word before the match, so the scanning is
    done by C code (``str.find``, one character class): an ASCII word's folded
    form is simply its lower case (casefold, NFKD and the spelling tables change
    no ASCII letter), so ASCII words are found by looking for the ASCII query
    words in the lower-cased text; only words with other letters are folded in
    Python, once per search. Every candidate is checked with the full rule.
    """

    def __init__(self, words: set[str]) -> None:
        self.prefixes = tuple(sorted(words))
        self._ascii_prefixes = tuple(w for w in self.prefixes if w.isascii() and _WORD.fullmatch(w))
        self._ascii_pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, self._ascii_prefixes)) + ")", re.IGNORECASE)
            if self._ascii_prefixes else None
        )
        self._first_letters = frozenset(w[0] for w in self.prefixes if w)
        self._folded: dict[str, tuple[str, ...]] = {}

    def _matches(self, word: str) -> bool:
        if word.isascii():
            return word.lower().startswith(self.prefixes)
        forms = self._folded.get(word)
        if forms is None:
            forms = self._folded[word] = tuple(_fold(word))
        return any(form.startswith(self.prefixes) for form in forms)

    def _is_word_start(self, content: str, at: int) -> bool:
        return at == 0 or not _WORD_CHAR.match(content, at - 1)

    def _first_ascii(self, content: str) -> re.Match | None:
        """The first word starting with an ASCII query word (ASCII words: all of them)."""
        lowered = content.lower()
        if len(lowered) != len(content):  # a letter whose lower case is longer (İ): positions shift
            for candidate in self._ascii_pattern.finditer(content):
                token = _WORD.match(content, candidate.start())
                if token and self._matches(token.group()):
                    return token
            return None
        best = None
        for prefix in self._ascii_prefixes:
            at = lowered.find(prefix)
            while at != -1 and (best is None or at < best.start()):
                if self._is_word_start(content, at):
                    token = _WORD.match(content, at)
                    if token and self._matches(token.group()):
                        best = token
                        break
                at = lowered.find(prefix, at + 1)
        return best

    def first(self, content: str) -> re.Match | None:
        if "" in self.prefixes:  # every word matches: the plain scan says which comes first
            return next(_WORD.finditer(content), None)
        found = self._first_ascii(content) if self._ascii_prefixes else None
        # Words with a non-ASCII letter, in order, up to the ASCII match.
        reverse = None
        checked_to = 0
        for letter in _NON_ASCII_LETTER.finditer(content):
            at = letter.start()
            if found is not None and at > found.start():
                break
            if at < checked_to:
                continue  # a later letter of a word already looked at
            if reverse is None:
                reverse = content[::-1]
            mirrored = len(content) - 1 - at  # the word's letters up to `at`, read backwards
            start = at + 1 - (_WORD.match(reverse, mirrored).end() - mirrored)
            token = _WORD.match(content, start)
            checked_to = token.end()
            if found is not None and start >= found.start():
                break
            word = token.group()
            # A word that begins with an ASCII letter folds to a form beginning with
            # that letter in lower case: no query word starts so, no match.
            if word[0].isascii() and word[0].lower() not in self._first_letters:
                continue
            if self._matches(word):
                return token
        return found


def _best_snippet(texts: dict[str, str], matcher: _WordMatcher) -> tuple[str, str]:
    """The first field (in index order) with a word starting like a query word, and text around it."""
    for field in SEARCH_FIELDS:
        content = texts.get(field) or ""
        token = matcher.first(content)
        if token is not None:
            start = max(0, token.start() - SNIPPET_CONTEXT)
            end = min(len(content), token.end() + SNIPPET_CONTEXT)
            before = ("…" if start else "") + content[start : token.start()]
            after = content[token.end() : end] + ("…" if end < len(content) else "")
            snippet = f"{before}[{token.group()}]{after}".replace("\n", " ")
            return field, snippet
    return "name", texts.get("name", "")


_CASE_TEXTS_SQL = (
    "SELECT d.case_id, " + ", ".join(f"f.{field}" for field in SEARCH_FIELDS)
    + " FROM search_docs AS d JOIN search_fts AS f ON f.rowid = d.id WHERE d.case_id IN ({params})"
)


def snippets_for_cases(session: Session, query: str, case_ids: list[str]) -> dict[str, tuple[str, str]]:
    """(field, snippet) for each of the given cases, for the case list's match column.

    The list pages its rows itself (``case_list.list_cases``); this cuts the snippets
    for one page only, the same way ``search`` does for its hits."""
    if not case_ids or build_match_query(query) is None:
        return {}
    words = set().union(*(_fold(w) for w in query_words(query)))
    matcher = _WordMatcher(words)
    result: dict[str, tuple[str, str]] = {}
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start : start + 500]
        params = {f"id{i}": case_id for i, case_id in enumerate(chunk)}
        sql = _CASE_TEXTS_SQL.format(params=", ".join(f":{name}" for name in params))
        for row in session.execute(text(sql), params):
            texts = dict(zip(SEARCH_FIELDS, (value or "" for value in row[1:]), strict=True))
            result[row[0]] = _best_snippet(texts, matcher)
    return result
