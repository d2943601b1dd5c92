"""Grep the whole team folder after a busy sync: no name, no note word, no key, in any file."""

from __future__ import annotations

import zlib

from app.models import Case, Document, DocumentContent
from app.storage.sync import compact, resolve_conflict, sync_now
from app.storage.sync.team import current_team
from tests.unit.sync_helpers import add_case, add_contact, open_conflicts, set_field, team_of

SECRETS = [
    "Amina", "Yusuf", "أمينة", "يوسف", "Berhane", "Tesfaye", "Verborgen", "Privatfall",
    "Fluchtgeschichte", "Aufenthaltserlaubnis", "Traumatherapie", "ملاحظة", "سرية",
    "Dolmetscherin", "Widerspruch", "Kinderarzt", "Passkopie",
]


def encodings(word: str) -> list[bytes]:
    forms = {word, word.lower(), word.upper()}
    return [f.encode(enc) for f in forms for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def readable_forms(data: bytes) -> list[bytes]:
    """The bytes as they are, and whatever zlib can unpack from any early offset
    (a file that was compressed but not encrypted would give itself away here)."""
    forms = [data]
    for offset in range(0, min(64, len(data))):
        try:
            forms.append(zlib.decompressobj().decompress(data[offset:], 10_000_000))
        except zlib.error:
            continue
    return forms


def test_no_plaintext_anywhere_in_the_share(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    a, b = team_of(share, tmp_path / "a", tmp_path / "b")
    first = add_case(a, given="Amina", family="Yusuf", original="أمينة يوسف",
                     notes="Fluchtgeschichte besprochen, Aufenthaltserlaubnis beantragt")
    add_contact(a, first, "Mit Dolmetscherin: ملاحظة سرية über Traumatherapie")
    add_case(b, given="Berhane", family="Tesfaye", notes="Widerspruch beim Jobcenter, Kinderarzt gesucht")
    add_case(a, given="Verborgen", family="Privatfall", notes="never shared", shared=False)
    with a.session() as session:
        doc = Document(case_id=first, title="Passkopie", filename="Passkopie_Yusuf.pdf", size=30)
        session.add(doc)
        session.flush()
        session.add(DocumentContent(document_id=doc.id, data=b"%PDF Passkopie Amina Yusuf"))
    for vault in (a, b, a, b):
        sync_now(vault)
    set_field(a, Case, first, "outcome", "Amina: Widerspruch erfolgreich")
    set_field(b, Case, first, "outcome", "Yusuf: Kinderarzt gefunden")
    for vault in (a, b, a):
        sync_now(vault)
    [conflict] = open_conflicts(b)
    with b.session() as session:
        resolve_conflict(session, conflict["id"], "mine")
    compact(b)
    compact(a)

    with a.session() as session:
        team_key = current_team(session.connection()).key
    forbidden = [form for word in SECRETS for form in encodings(word)]
    forbidden += [team_key, team_key.hex().encode()]

    files = [p for p in share.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".seg", ".snap", ".bin", ".blob", ".json"} <= kinds  # everything sync writes was exercised
    for path in files:
        name = str(path.relative_to(share))
        assert not any(word in name for word in SECRETS), name
        for form in readable_forms(path.read_bytes()):
            for needle in forbidden:
                assert needle not in form, f"{needle!r} readable in {name}"


def test_a_private_case_is_not_even_inside_the_encrypted_files(tmp_path):
    from app.storage.sync.crypto import SEGMENT, SNAPSHOT, open_sealed
    from app.storage.sync.share import TeamFolder

    share = tmp_path / "share"
    share.mkdir()
    a, b = team_of(share, tmp_path / "a", tmp_path / "b")
    add_case(a, given="Offen", notes="shared text")
    private = add_case(a, given="Verborgen", family="Privatfall", notes="never shared", shared=False)
    add_contact(a, private, "private contact note")
    sync_now(a)
    set_field(a, Case, private, "intake_notes", "still never shared")
    sync_now(a)
    sync_now(b)
    compact(a)
    with a.session() as session:
        team = current_team(session.connection())
    folder = TeamFolder(share, team.team_id)
    plaintexts = [
        open_sealed(team.keys, SEGMENT, a.device_id, str(seq), folder.segment_path(a.device_id, seq).read_bytes())
        for seq in folder.segments(a.device_id)
    ] + [
        open_sealed(team.keys, SNAPSHOT, a.device_id, str(seq), folder.snapshot_path(a.device_id, seq).read_bytes())
        for seq in folder.snapshots(a.device_id)
    ]
    assert plaintexts and any(b"Offen" in p for p in plaintexts)
    for plain in plaintexts:
        for word in (b"Verborgen", b"Privatfall", b"never shared", b"private contact note", private.encode()):
            assert word not in plain
