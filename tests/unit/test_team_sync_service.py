"""The vault-level team sync calls the desktop app uses: real vaults, a real shared folder."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import AuthenticationError
from app.models import AuditEntry
from app.services import cases, team_sync
from app.storage.vault import Vault

PASSWORD = "correct horse battery"
PASSPHRASE = "team passphrase for tests"


@pytest.fixture
def pair(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    a, _ = Vault.create(tmp_path / "a", PASSWORD, user_name="anna")
    b, _ = Vault.create(tmp_path / "b", PASSWORD, user_name="ben")
    yield share, a, b
    a.lock()
    b.lock()


def test_create_join_sync_and_resolve_a_conflict_through_the_services(pair):
    share, a, b = pair
    assert team_sync.create_team(a, share, PASSPHRASE, name="Team Nord") == "Team Nord"
    with pytest.raises(AuthenticationError):
        team_sync.join_team(b, share, "not the passphrase at all")
    assert not team_sync.team_status(b).in_team
    assert team_sync.join_team(b, share, PASSPHRASE) == "Team Nord"

    case_id = cases.create_case(a, given_names="Amina", family_name="Yusuf", ref="2026-0001").case_id
    assert team_sync.sync_team(a).sent > 0
    assert team_sync.sync_team(b).received > 0
    assert cases.case_id_for_ref(b, "2026-0001") == case_id

    cases.update_case(a, case_id=case_id, intake_notes="A wrote this")
    cases.update_case(b, case_id=case_id, intake_notes="B wrote that")
    team_sync.sync_team(a)
    team_sync.sync_team(b)
    [conflict] = team_sync.open_conflicts(b)
    assert team_sync.case_conflicts(b, case_id) == [conflict]
    assert {conflict["mine"], conflict["theirs"]} == {"A wrote this", "B wrote that"}
    assert team_sync.team_status(b).unresolved_conflicts == 1

    outcome = team_sync.resolve_conflict(b, conflict["id"], "merged", "A wrote this; B wrote that")
    assert outcome["resolution"] == "merged"
    assert team_sync.open_conflicts(b) == []
    with b.read_session() as session:
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"team.joined", "sync.run", "sync.conflict_resolved"} <= actions

    team_sync.leave_team(b)
    assert not team_sync.team_status(b).in_team
