"""Must show: an erased case leaves none of its names or note words in the vault.

Checked on the database itself, opened with the raw data key after the vault
is locked: every table including the FTS5 shadow tables, the FTS vocabulary,
the audit log — and, on top, the bytes of a *decrypted* copy of the whole
database (sqlcipher_export into a plaintext file), and every page of the
database file decrypted one by one, free pages and slack included (that is
where secure_delete matters: an export copies only live rows). Each check
first proves it can find the words, on the same vault before the erasure.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.models import (
    Agency,
    Assessment,
    Barrier,
    Case,
    Consent,
    Contact,
    Deadline,
    Document,
    DocumentContent,
    Goal,
    GoalReview,
    GoalStep,
    Letter,
    Person,
    Referral,
    ResidenceDocument,
)
from app.services import audit, search
from app.services.retention import erase_case
from app.services.text_folding import alternative_spelling
from app.storage.engine import open_connection

GIVEN, FAMILY = "Qwertzuiop", "Zyxwvutsrq"
ARABIC = "غضنفر البلقيصراني"
NOTE_WORD = "Xylophonunterricht"
WORDS = (GIVEN, FAMILY, *ARABIC.split(), NOTE_WORD)


def forms(word: str) -> set[bytes]:
    """How a word can sit in the file: as typed, folded as FTS5 stores it, its
    alternative spelling, and without its first characters (FTS5 leaves store a
    term's suffix after a prefix shared with the term before it)."""
    variants = {word, word.casefold(), alternative_spelling(word), alternative_spelling(word).casefold()}
    out = set()
    for v in variants:
        out.add(v.encode("utf-8"))
        out.add(v[2:].encode("utf-8"))
    return out


def build(session) -> str:
    agency = Agency(name="Jobcenter Musterkreis", legal_domain="SGB II")
    person = Person(given_names=GIVEN, family_name=FAMILY, name_original=ARABIC, aliases=[f"{GIVEN} Z."],
                    birth_date="1999", residence_status="duldung", address=f"Zimmer 3, bei {FAMILY}")
    person.residence_documents.append(ResidenceDocument(doc_type="duldung", number="D-4711"))
    case = Case(ref="2025-0042", person=person, case_type="case_management", opened=date(2020, 1, 1),
                closed=date(2021, 1, 1), closing_reason="goals_attained",
                intake_notes=f"{GIVEN} möchte {NOTE_WORD}", sort_name=f"{FAMILY}, {GIVEN}".lower())
    other = Case(ref="2025-0043", person=Person(given_names="Maria", family_name="Weber"),
                 case_type="case_management", opened=date(2020, 1, 1), intake_notes="Deutschkurs")
    session.add_all([agency, case, other])
    session.flush()
    goal = Goal(case_id=case.id, area="language", text=f"{NOTE_WORD} für {GIVEN}", created_on=date(2020, 2, 1),
                status="attained", closed_on=date(2020, 12, 1))
    goal.steps.append(GoalStep(action=f"{NOTE_WORD} anmelden"))
    goal.reviews.append(GoalReview(on=date(2020, 6, 1), attainment=50, note=f"{FAMILY} übt {NOTE_WORD}"))
    document = Document(case_id=case.id, title=f"Bescheid {FAMILY}", filename=f"{FAMILY}.pdf")
    session.add_all([
        goal,
        Assessment(case_id=case.id, area="language", situation=f"{GIVEN} spricht {ARABIC}", need_level=3,
                   need_level_at_closure=1),
        Contact(case_id=case.id, date=date(2020, 3, 1), kind="meeting", note=f"{NOTE_WORD} mit {ARABIC}"),
        Contact(case_id=case.id, date=date(2020, 4, 1), kind="case_conference", participants=FAMILY),
        Barrier(case_id=case.id, category="waiting_list", institution="Musikschule", occurred_on=date(2020, 5, 1),
                description=f"{GIVEN} wartet auf {NOTE_WORD}", shareable=True),
        Referral(case_id=case.id, agency_id=agency.id, date=date(2020, 5, 2), purpose=NOTE_WORD),
        Deadline(case_id=case.id, kind="review", due=date(2020, 7, 1), note=f"{FAMILY} anrufen"),
        document,
    ])
    session.flush()
    session.add(DocumentContent(document_id=document.id, data=f"%PDF {GIVEN} {FAMILY} {NOTE_WORD} {ARABIC}".encode()))
    consent = Consent(case_id=case.id, recipient_id=agency.id, categories=["identity"], purpose=f"{NOTE_WORD}",
                      given=date(2020, 1, 2), document_id=document.id)
    session.add(consent)
    session.flush()
    session.add(Letter(case_id=case.id, agency_id=agency.id, sent_at=datetime(2020, 5, 3), subject=f"{FAMILY}",
                       consent_id=consent.id))
    search.index_case(session, case)
    search.index_case(session, other)
    audit.record(session, "cm", "case.viewed", case.id, f"viewed {GIVEN}")  # a bad detail: must go anyway
    audit.record(session, "cm", "letter.printed", other.id, "copy also filed under 2025-0042")
    audit.record(session, "cm", "letter.printed", other.id, "filed under 2025-00420")  # another ref: stays
    return case.id


def table_leftovers(conn) -> list[tuple[str, str]]:
    """(table, word) for every word form found in any column of any table."""
    found = []
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert {"search_fts_data", "search_fts_idx", "search_fts_content", "audit_log"} <= set(tables)
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, str):
                    value = value.encode("utf-8")
                if not isinstance(value, bytes):
                    continue
                found += [(table, w) for w in WORDS if any(f in value for f in forms(w))]
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, search_fts, 'row')")
    terms = [row[0] for row in conn.execute("SELECT term FROM temp.vocab")]
    found += [("fts5vocab", w) for w in WORDS for t in terms if w.casefold() in t or alternative_spelling(w) in t]
    return found


def plaintext_leftovers(conn, target: Path) -> list[str]:
    """Decrypt the whole database into a plaintext file and grep its bytes."""
    conn.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
    conn.execute("SELECT sqlcipher_export('plaintext')")
    conn.execute("DETACH DATABASE plaintext")
    data = target.read_bytes()
    assert data.startswith(b"SQLite format 3\x00")  # really decrypted
    target.unlink()
    return [w for w in WORDS if any(f in data for f in forms(w))]


PAGE_SIZE, RESERVE = 4096, 80  # SQLCipher 4 defaults: IV (16) and HMAC-SHA512 (64) per page


def decrypted_pages(path: Path, key_hex: str) -> bytes:
    """Every page of the file, decrypted (AES-256-CBC, the raw key, the page's own IV)."""
    key = bytes.fromhex(key_hex)
    data = path.read_bytes()
    out = bytearray()
    for start in range(0, len(data), PAGE_SIZE):
        page = data[start : start + PAGE_SIZE]
        skip = 16 if start == 0 else 0  # page 1 begins with the salt
        decryptor = Cipher(algorithms.AES(key), modes.CBC(page[-RESERVE : -RESERVE + 16])).decryptor()
        out += decryptor.update(page[skip:-RESERVE]) + decryptor.finalize()
    assert b"CREATE TABLE" in out  # really decrypted
    return bytes(out)


def file_leftovers(path: Path, key_hex: str) -> list[str]:
    data = decrypted_pages(path, key_hex)
    return [w for w in WORDS if any(f in data for f in forms(w))]


def open_with_raw_key(path: Path, key_hex: str):
    return open_connection(path, bytearray.fromhex(key_hex))


def test_erased_case_leaves_no_name_or_note_word_anywhere(vault, tmp_path):
    with vault.session() as session:
        case_id = build(session)
    key = vault.raw_key_hex()

    # The checks can fail: before the erasure they find every word.
    conn = open_with_raw_key(vault.database_path, key)
    before = table_leftovers(conn)
    assert {w for _t, w in before} == set(WORDS)
    assert {"search_fts_data", "search_fts_content", "persons", "contacts", "audit_log"} <= {t for t, _w in before}
    assert set(plaintext_leftovers(conn, tmp_path / "before.db")) == set(WORDS)
    conn.close()
    assert vault.checkpoint()  # move the WAL into the file so the page check sees the rows
    assert set(file_leftovers(vault.database_path, key)) == set(WORDS)

    assert erase_case(vault, case_id, "Test Case Manager", date(2026, 1, 1)) == "2025-0042"
    with vault.session() as session:
        assert [h.ref for h in search.search(session, "Weber")] == ["2025-0043"]  # the neighbour is intact
        assert search.search(session, GIVEN) == []
    vault.lock()

    conn = open_with_raw_key(vault.database_path, key)
    try:
        assert table_leftovers(conn) == []
        assert plaintext_leftovers(conn, tmp_path / "after.db") == []
        assert file_leftovers(vault.database_path, key) == []
        assert conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (GIVEN,)).fetchone() == (0,)
        # The audit log keeps that things happened, not about whom.
        rows = conn.execute("SELECT action, case_id, detail FROM audit_log ORDER BY id").fetchall()
        assert ("case.viewed", None, "") in rows
        assert ("letter.printed", None, "") not in rows  # the other case keeps its id …
        details = [detail for _a, _c, detail in rows]
        assert "copy also filed under 2025-0042" not in details  # … but not a detail naming this case
        assert "filed under 2025-00420" in details
        assert ("case.erased", None, "retention") in rows
        assert not [r for r in rows if r[1] == case_id]
        # Nothing of the case in any table, by id either.
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                assert case_id not in [v for v in row if isinstance(v, str)], table
    finally:
        conn.close()
    wal = Path(str(vault.database_path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_raw_file_is_encrypted(vault):
    with vault.session() as session:
        build(session)
    data = vault.database_path.read_bytes()
    assert GIVEN.encode() not in data
    assert not data.startswith(b"SQLite format 3")


def test_sqlcipher_reads_nothing_without_the_key(vault):
    conn = sqlcipher3.connect(str(vault.database_path))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return
    finally:
        conn.close()
    raise AssertionError("the vault opened without its key")
