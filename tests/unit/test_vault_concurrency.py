"""Two use cases at once on one vault: neither fails, a reader never waits."""

from __future__ import annotations

import threading

from sqlalchemy import text


def _count(session) -> int:
    return session.execute(text("SELECT count(*) FROM vault_meta")).scalar_one()


def test_a_read_then_write_transaction_survives_a_concurrent_commit(vault):
    """The pattern of every audited view: read, then write the audit entry.

    With deferred transactions the second writer failed with "database is
    locked" because its read snapshot was stale; write sessions now take the
    lock up front, so the other writer simply waits its turn.
    """
    first_has_read = threading.Event()
    errors: list[BaseException] = []

    def other_writer() -> None:
        first_has_read.wait(5)
        try:
            with vault.session() as session:
                session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('other', 'x')"))
        except BaseException as exc:  # noqa: BLE001 - reported through the list
            errors.append(exc)

    thread = threading.Thread(target=other_writer)
    thread.start()
    with vault.session() as session:
        before = _count(session)
        first_has_read.set()
        thread.join(0.3)  # give the other writer its chance to commit in between
        session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('mine', 'y')"))
    thread.join(15)
    assert not errors
    with vault.read_session() as session:
        assert _count(session) == before + 2


def test_a_read_only_session_does_not_wait_for_a_writer(vault):
    with vault.session() as writer:
        writer.execute(text("INSERT INTO vault_meta (key, value) VALUES ('pending', 'x')"))
        result: list[int] = []
        reader = threading.Thread(target=lambda: result.append(_read_count(vault)))
        reader.start()
        reader.join(5)
        assert not reader.is_alive(), "the reader waited for the writer's lock"
    # The reader saw the state before the uncommitted insert.
    with vault.read_session() as session:
        assert result == [_count(session) - 1]


def _read_count(vault) -> int:
    with vault.read_session() as session:
        return _count(session)
