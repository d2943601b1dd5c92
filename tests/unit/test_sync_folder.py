"""Sync through a real folder between real vaults: the cases a shared drive produces."""

from __future__ import annotations

import shutil
import threading
from datetime import date

import pytest

from app.errors import AuthenticationError, DataError
from app.models import Case, Contact, Document, DocumentContent
from app.storage.sync import (
    compact,
    join_team,
    record_erasure,
    resolve_conflict,
    sync_now,
    sync_status,
)
from app.storage.sync.share import TeamFolder
from tests.unit.sync_helpers import (
    PASSPHRASE,
    FakeClock,
    add_case,
    add_contact,
    case_refs,
    count,
    delete_case,
    delete_row,
    dump,
    get_field,
    new_vault,
    open_conflicts,
    search_names,
    set_field,
    team_of,
)


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def pair(tmp_path, share):
    clocks = {0: FakeClock(), 1: FakeClock(offset_ms=-90_000)}  # B's laptop is 90 s behind
    a, b = team_of(share, tmp_path / "a", tmp_path / "b", clocks=clocks)
    yield a, b
    a.lock()
    b.lock()


@pytest.fixture
def trio(tmp_path, share):
    clocks = {0: FakeClock(), 1: FakeClock(offset_ms=5_000), 2: FakeClock(offset_ms=-5_000)}
    vaults = team_of(share, tmp_path / "a", tmp_path / "b", tmp_path / "c", clocks=clocks)
    yield vaults
    for v in vaults:
        v.lock()


def settle(*vaults, rounds: int = 3) -> None:
    for _ in range(rounds):
        for vault in vaults:
            sync_now(vault)


def team_dir(share, vault) -> TeamFolder:
    from app.storage.sync.team import current_team

    with vault.session() as session:
        team = current_team(session.connection())
    return TeamFolder(share, team.team_id)


# --- the basics ----------------------------------------------------------------------


def test_a_case_travels_with_its_rows_and_becomes_searchable(pair):
    a, b = pair
    case_id = add_case(a, given="Amina", family="Yusuf", notes="Wohnt im Übergangswohnheim")
    add_contact(a, case_id, "Erstgespräch mit Dolmetscherin")
    sent = sync_now(a)
    received = sync_now(b)
    assert sent.sent == 3 and received.received == 3
    assert dump(a) == dump(b)
    assert search_names(b, "Yusuf") == [case_id]
    assert search_names(b, "Dolmetscherin") == [case_id]


def test_nothing_to_send_writes_no_segment(pair, share):
    a, _b = pair
    add_case(a)
    sync_now(a)
    sync_now(a)
    assert team_dir(share, a).segments(a.device_id) == [1]


def test_concurrent_edits_keep_the_loser_as_a_conflict_and_a_resolution_wins_everywhere(pair):
    a, b = pair
    case_id = add_case(a, notes="original")
    settle(a, b)
    set_field(a, Case, case_id, "intake_notes", "A: spoke with the Jobcenter")
    set_field(b, Case, case_id, "intake_notes", "B: passport appointment on Monday")
    settle(a, b)
    assert get_field(a, Case, case_id, "intake_notes") == get_field(b, Case, case_id, "intake_notes")
    for vault in (a, b):
        [conflict] = open_conflicts(vault)
        assert {conflict["mine"], conflict["theirs"]} == {
            "A: spoke with the Jobcenter",
            "B: passport appointment on Monday",
        }
        assert conflict["field"] == "intake_notes" and conflict["case_id"] == case_id
    # B's clock is behind, so A's text won; B keeps its own text instead, and that must win everywhere.
    [on_b] = open_conflicts(b)
    keep = "mine" if on_b["mine"].startswith("B:") else "theirs"
    with b.session() as session:
        resolve_conflict(session, on_b["id"], keep)
    settle(a, b)
    assert get_field(a, Case, case_id, "intake_notes") == "B: passport appointment on Monday"
    assert get_field(b, Case, case_id, "intake_notes") == "B: passport appointment on Monday"
    assert open_conflicts(a) == [] and open_conflicts(b) == []
    assert dump(a) == dump(b)


def test_merged_text_resolution(pair, tmp_path):
    a, b = pair
    case_id = add_case(a, notes="x")
    settle(a, b)
    set_field(a, Case, case_id, "outcome", "one")
    set_field(b, Case, case_id, "outcome", "two")
    settle(a, b)
    [conflict] = open_conflicts(a)
    with a.session() as session:
        resolve_conflict(session, conflict["id"], "merged", "one and two")
    settle(a, b)
    assert get_field(b, Case, case_id, "outcome") == "one and two"


def test_sequential_edits_are_no_conflict(pair):
    a, b = pair
    case_id = add_case(a, notes="v1")
    settle(a, b)
    set_field(b, Case, case_id, "intake_notes", "v2 from B")
    set_field(b, Case, case_id, "intake_notes", "v3 from B")
    settle(a, b)
    set_field(a, Case, case_id, "intake_notes", "v4 from A")
    settle(a, b)
    assert get_field(b, Case, case_id, "intake_notes") == "v4 from A"
    assert open_conflicts(a) == [] and open_conflicts(b) == []


# --- deletions and erasure ------------------------------------------------------------------


def test_a_deleted_case_disappears_everywhere_and_a_concurrent_note_is_kept(pair):
    a, b = pair
    case_id = add_case(a, given="Karim", notes="x")
    contact_id = add_contact(a, case_id, "old note")
    settle(a, b)
    set_field(b, Contact, contact_id, "note", "B wrote this while A deleted the case")
    delete_case(a, case_id)  # its contact goes by the database's cascade
    settle(a, b)
    for vault in (a, b):
        assert get_field(vault, Case, case_id, "ref") is None
        assert get_field(vault, Contact, contact_id, "note") is None
        assert search_names(vault, "Karim") == []
    texts = {c["mine"] or c["theirs"] for c in open_conflicts(b)}
    assert "B wrote this while A deleted the case" in texts
    assert dump(a) == dump(b)


def test_a_deleted_contact_does_not_come_back_from_a_late_edit(pair):
    a, b = pair
    case_id = add_case(a)
    contact_id = add_contact(a, case_id, "note")
    settle(a, b)
    delete_row(a, Contact, contact_id)
    set_field(b, Contact, contact_id, "note", "edited concurrently")
    settle(a, b)
    assert count(a, "contacts") == 0 and count(b, "contacts") == 0
    assert any(c["kind"] == "deleted" and "edited concurrently" in (c["mine"], c["theirs"]) for c in open_conflicts(a))


def test_erasure_wins_over_a_concurrent_edit_and_leaves_nothing(pair, share):
    a, b = pair
    case_id = add_case(a, given="Leyla", family="Ahmadi", notes="x")
    contact_id = add_contact(a, case_id, "first")
    settle(a, b)
    set_field(b, Contact, contact_id, "note", "B's later note about Leyla")
    set_field(b, Case, case_id, "intake_notes", "B's later intake text")
    with a.session() as session:
        record_erasure(session, case_id)
    settle(a, b)
    for vault in (a, b):
        assert count(vault, "cases") == 0 and count(vault, "persons") == 0 and count(vault, "contacts") == 0
        assert search_names(vault, "Leyla") == []
        assert open_conflicts(vault) == []
        with vault.session() as session:
            leftovers = session.execute(
                Case.__table__.select().where(Case.id == case_id)
            ).all()
        assert leftovers == []
    # An edit made on B before it heard of the erasure, sent afterwards, is dropped too.
    assert dump(a) == dump(b)


def test_erasure_removes_the_attachment_blob(pair, share):
    a, b = pair
    case_id = add_case(a)
    with a.session() as session:
        doc = Document(case_id=case_id, title="Scan", filename="scan.pdf", size=9)
        session.add(doc)
        session.flush()
        session.add(DocumentContent(document_id=doc.id, data=b"%PDF-scan"))
    settle(a, b)
    blobs = list((team_dir(share, a).dir / "blobs").glob("*.blob"))
    assert len(blobs) == 1
    with b.session() as session:
        assert session.get(DocumentContent, doc.id).data == b"%PDF-scan"
        record_erasure(session, case_id)
    settle(a, b)
    assert list((team_dir(share, a).dir / "blobs").glob("*.blob")) == []
    assert count(a, "document_contents") == 0


# --- damaged, late and foreign files ------------------------------------------------------------


def test_a_tampered_segment_is_rejected_by_name_and_the_rest_still_applies(trio, share):
    a, b, c = trio
    add_case(a, given="FromA")
    add_case(c, given="FromC")
    sync_now(a)
    sync_now(c)
    folder = team_dir(share, a)
    path = folder.segment_path(a.device_id, 1)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    result = sync_now(b)
    assert len(result.rejected) == 1
    assert str(path) in result.rejected[0] and a.device_id in result.rejected[0]
    assert search_names(b, "FromC") and not search_names(b, "FromA")
    # A's next segment waits behind the damaged one.
    add_case(a, given="LaterFromA")
    sync_now(a)
    result = sync_now(b)
    assert not search_names(b, "LaterFromA")
    assert sync_status(b).rejected


def test_a_truncated_segment_is_rejected_and_applies_once_complete(pair, share):
    a, b = pair
    add_case(a, given="Truncated")
    sync_now(a)
    path = team_dir(share, a).segment_path(a.device_id, 1)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 3])  # a transfer that stopped half way
    result = sync_now(b)
    assert len(result.rejected) == 1
    assert "truncated" in result.rejected[0] or "authentication failed" in result.rejected[0]
    path.write_bytes(whole)
    result = sync_now(b)
    assert result.rejected == [] and search_names(b, "Truncated")
    assert sync_status(b).rejected == []


def test_a_renamed_or_replayed_segment_is_rejected(pair, share):
    a, b = pair
    add_case(a, given="One")
    sync_now(a)
    folder = team_dir(share, a)
    shutil.copy(folder.segment_path(a.device_id, 1), folder.segment_path(a.device_id, 2))
    result = sync_now(b)
    assert len(result.rejected) == 1 and "00000002.seg" in result.rejected[0]
    assert search_names(b, "One")


def test_a_missing_folder_is_an_error_and_deletes_nothing(pair, share, tmp_path):
    a, b = pair
    add_case(a, given="Stays")
    settle(a, b)
    before = dump(b)
    moved = tmp_path / "unmounted"
    share.rename(moved)
    with pytest.raises(DataError, match="team folder is not reachable"):
        sync_now(b)
    share.mkdir()  # an unmounted drive shows as an empty folder
    with pytest.raises(DataError, match="team folder is not reachable"):
        sync_now(b)
    assert dump(b) == before
    assert sync_status(b).folder_reachable is False
    share.rmdir()
    moved.rename(share)
    assert sync_status(b).folder_reachable is True
    sync_now(b)
    assert dump(b) == before


def test_a_segment_that_arrives_before_its_predecessor_waits(pair, share, tmp_path):
    a, b = pair
    add_case(a, given="First")
    sync_now(a)
    add_case(a, given="Second")
    sync_now(a)
    folder = team_dir(share, a)
    first = folder.segment_path(a.device_id, 1)
    parked = tmp_path / "parked.seg"
    first.rename(parked)  # the cloud client delivered #2 first
    result = sync_now(b)
    assert result.received == 0 and result.waiting
    assert not search_names(b, "Second")
    parked.rename(first)
    result = sync_now(b)
    assert search_names(b, "First") and search_names(b, "Second")
    assert dump(a) == dump(b)


def test_a_child_whose_parent_is_late_waits_for_it(trio, share, tmp_path):
    a, b, c = trio
    case_id = add_case(a, given="Parent")
    sync_now(a)
    sync_now(b)
    add_contact(b, case_id, "child row made on B")
    sync_now(b)
    folder = team_dir(share, a)
    parked = tmp_path / "a1.seg"
    folder.segment_path(a.device_id, 1).rename(parked)
    result = sync_now(c)  # B's contact arrives, A's case does not
    assert result.waiting and count(c, "contacts") == 0
    parked.rename(folder.segment_path(a.device_id, 1))
    sync_now(c)
    assert count(c, "contacts") == 1 and count(c, "cases") == 1
    settle(a, b, c)
    assert dump(a) == dump(b) == dump(c)


def test_transport_litter_is_ignored(pair, share):
    a, b = pair
    add_case(a, given="Clean")
    sync_now(a)
    folder = team_dir(share, a)
    device_dir = folder.device_dir(a.device_id)
    segment = folder.segment_path(a.device_id, 1).read_bytes()
    litter = [
        device_dir / "00000001.sync-conflict-20261121-101010-ABCDEFG.seg",
        device_dir / "00000002 (conflicted copy 2026-11-21).seg",
        device_dir / "00000002 (Konfliktkopie).seg",
        device_dir / "desktop.ini",
        device_dir / ".DS_Store",
        device_dir / ".00000002.seg.1234.tmp",
        device_dir / "00000002.seg.tmp",
        device_dir / "~$00000002.seg",
        folder.dir / "devices" / "desktop.ini",
        folder.dir / "devices" / (a.device_id + " (conflicted copy)"),
        folder.dir / "desktop.ini",
    ]
    for path in litter:
        if path.name.endswith("(conflicted copy)"):
            path.mkdir()
            (path / "00000001.seg").write_bytes(segment)
        else:
            path.write_bytes(b"[.ShellClassInfo]\n" if path.name == "desktop.ini" else segment[:40])
    result = sync_now(b)
    assert result.rejected == [] and result.waiting == []
    assert search_names(b, "Clean")


def test_two_devices_syncing_at_the_same_moment(pair):
    a, b = pair
    errors = []

    def work(vault, name):
        try:
            for i in range(6):
                add_case(vault, given=f"{name}{i}")
                sync_now(vault)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(a, "Alpha")), threading.Thread(target=work, args=(b, "Beta"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    settle(a, b)
    assert count(a, "cases") == 12 and dump(a) == dump(b)


# --- privacy, numbering, attachments, team life ------------------------------------------------


def test_a_private_case_never_leaves_the_vault_until_it_is_shared(pair, share):
    a, b = pair
    private_id = add_case(a, given="Verborgen", family="Privatfall", shared=False, notes="geheime Notiz")
    add_contact(a, private_id, "private contact")
    add_case(a, given="Offen")
    settle(a, b)
    assert count(b, "cases") == 1 and count(b, "contacts") == 0
    assert private_id not in case_refs(b)
    set_field(a, Case, private_id, "intake_notes", "still private")
    settle(a, b)
    assert private_id not in case_refs(b)
    set_field(a, Case, private_id, "shared", True)
    settle(a, b)
    assert private_id in case_refs(b) and count(b, "contacts") == 1
    assert get_field(b, Case, private_id, "intake_notes") == "still private"
    assert dump(a) == dump(b)


def test_duplicate_case_numbers_are_renumbered_the_same_way_everywhere(pair):
    a, b = pair
    on_a = add_case(a, ref="2026-0043", given="Ahmed")
    on_b = add_case(b, ref="2026-0043", given="Berhane")
    add_case(a, ref="2026-0044", given="Other")
    settle(a, b)
    refs_a, refs_b = case_refs(a), case_refs(b)
    assert refs_a == refs_b
    assert len(set(refs_a.values())) == 3
    assert "2026-0043" in (refs_a[on_a], refs_a[on_b])
    assert all("~" not in ref for ref in refs_a.values())
    assert {refs_a[on_a], refs_a[on_b]} in ({"2026-0043", "2026-0045"},)
    for vault in (a, b):
        assert any(c["kind"] == "duplicate_ref" for c in open_conflicts(vault))
    assert dump(a) == dump(b)


def test_attachments_travel_as_encrypted_blobs(pair, share):
    a, b = pair
    case_id = add_case(a)
    payload = b"%PDF-1.7 signed consent form of Amina Yusuf"
    with a.session() as session:
        doc = Document(case_id=case_id, title="Consent", filename="consent.pdf", size=len(payload))
        session.add(doc)
        session.flush()
        session.add(DocumentContent(document_id=doc.id, data=payload))
    settle(a, b)
    with b.session() as session:
        assert session.get(DocumentContent, doc.id).data == payload
    [blob] = list((team_dir(share, a).dir / "blobs").glob("*.blob"))
    assert b"Amina" not in blob.read_bytes() and b"PDF" not in blob.read_bytes()


def test_join_with_a_wrong_passphrase_fails(tmp_path, share):
    a = new_vault(tmp_path / "a")
    from app.storage.sync import create_team

    create_team(a, share, PASSPHRASE)
    b = new_vault(tmp_path / "b")
    with pytest.raises(AuthenticationError):
        join_team(b, share, "not the passphrase")


def test_a_new_member_starts_from_a_snapshot_after_pruning(pair, share, tmp_path):
    a, b = pair
    for i in range(4):
        add_case(a, given=f"Early{i}")
        sync_now(a)
    settle(a, b)
    compact(a)
    compact(b)
    sync_now(a)
    folder = team_dir(share, a)
    assert folder.segments(a.device_id) == []  # every member applied them and a snapshot covers them
    c = new_vault(tmp_path / "c", FakeClock(offset_ms=1000))
    join_team(c, share, PASSPHRASE)
    result = sync_now(c)
    assert result.snapshot_loaded
    settle(a, b, c)
    assert dump(a) == dump(b) == dump(c)
    assert len(search_names(c, "Early0")) == 1


def test_leaving_a_team_keeps_the_data_and_stops_sync(pair):
    a, b = pair
    add_case(a)
    settle(a, b)
    from app.errors import UsageError
    from app.storage.sync import leave_team

    leave_team(b)
    with pytest.raises(UsageError):
        sync_now(b)
    assert count(b, "cases") == 1
    assert sync_status(b).in_team is False


def test_rows_inserted_in_bulk_are_sent_too(pair):
    from sqlalchemy import insert

    from app.models import Agency

    a, b = pair
    with a.session() as session:
        session.execute(insert(Agency), [{"name": "Jobcenter Rheine", "legal_domain": "SGB II"}])
    settle(a, b)
    assert count(b, "agencies") == 1


def test_orm_update_and_delete_statements_are_captured(pair):
    from sqlalchemy import delete, update

    a, b = pair
    case_id = add_case(a)
    contact_id = add_contact(a, case_id, "to be removed")
    settle(a, b)
    with a.session() as session:
        session.execute(update(Case).where(Case.id == case_id).values(outcome="closed well", closed=date(2026, 6, 1)))
        session.execute(delete(Contact).where(Contact.id == contact_id))
    settle(a, b)
    assert get_field(b, Case, case_id, "outcome") == "closed well"
    assert get_field(b, Case, case_id, "closed") == date(2026, 6, 1)
    assert count(b, "contacts") == 0


def test_the_retention_service_erasure_reaches_the_team_even_under_a_hold_there(pair):
    from app.services.retention import erase_case

    a, b = pair
    case_id = add_case(a, given="Retained", notes="x")
    settle(a, b)
    set_field(b, Case, case_id, "legal_hold", True)  # concurrently, B puts it on hold
    erase_case(a, case_id, "tester", date(2030, 1, 1))
    settle(a, b)
    assert count(a, "cases") == 0 and count(b, "cases") == 0
    assert dump(a) == dump(b)
    with b.session() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT count(*) FROM report_tombstones WHERE kind = 'case'")).scalar() == 1


def test_a_restored_backup_syncs_as_a_new_device_and_recovers_later_work(pair, tmp_path, share):
    from app.storage.backup import restore_backup, write_backup
    from tests.unit.sync_helpers import PASSWORD

    a, b = pair
    first = add_case(a, given="BeforeBackup")
    settle(a, b)
    backup = tmp_path / "a.lotsebackup"
    write_backup(a, backup)
    add_case(a, given="AfterBackup")  # sent, then the laptop is lost
    sync_now(a)
    unsent = add_case(a, given="NeverSent")
    set_field(a, Case, first, "outcome", "lost with the laptop")
    a.lock()

    restored = restore_backup(backup, tmp_path / "restored", PASSWORD)
    assert restored.device_id != a.device_id
    set_field(restored, Case, first, "outcome", "written after the restore")
    sync_now(restored)
    settle(restored, b)
    assert search_names(restored, "AfterBackup") and search_names(b, "AfterBackup")
    assert get_field(b, Case, first, "outcome") == "written after the restore"
    assert unsent not in case_refs(b)
    assert dump(restored) == dump(b)
    folder = team_dir(share, b)
    assert folder.segments(restored.device_id) == [1]
    restored.lock()


def test_cases_made_with_the_case_services_sync_and_show_their_conflicts(pair):
    """The services know nothing of sync: capture is automatic."""
    from app.services.case_file import case_detail
    from app.services.cases import create_case, update_case

    a, b = pair
    made = create_case(a, given_names="Hamid", family_name="Karimi", opened="2026-02-01",
                       intake_notes="Erstgespräch")
    settle(a, b)
    assert case_detail(b, made.ref)["name"].startswith("Hamid")
    update_case(a, case_id=made.case_id, intake_notes="A: Termin beim Jugendamt")
    update_case(b, case_id=made.case_id, intake_notes="B: Sprachkurs angemeldet")
    settle(a, b)
    for vault in (a, b):
        [conflict] = case_detail(vault, made.ref)["conflicts"]
        assert conflict["field"] == "intake_notes"
        assert {conflict["mine"], conflict["theirs"]} == {"A: Termin beim Jugendamt", "B: Sprachkurs angemeldet"}
    assert dump(a) == dump(b)


def test_a_plain_deletion_and_plain_edits_make_no_conflicts_and_status_counts_what_goes_out(pair):
    a, b = pair
    keep = add_case(a, notes="stays")
    gone = add_case(a, notes="goes")
    add_contact(a, gone, "a note nobody touches")
    add_case(a, notes="private", shared=False)
    assert sync_status(a).pending_changes == 5  # two shared cases with persons, one contact
    settle(a, b)
    assert sync_status(a).pending_changes == 0
    set_field(b, Case, keep, "outcome", "edited on B only")
    delete_case(a, gone)
    settle(a, b)
    assert open_conflicts(a) == [] and open_conflicts(b) == []
    assert get_field(a, Case, keep, "outcome") == "edited on B only"
    assert set(case_refs(b)) == {keep}  # the private one never went
