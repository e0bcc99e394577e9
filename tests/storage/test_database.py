"""The Database itself (pragmas, UTC times, units of work, constraints).

Every session and engine here is opened on purpose: the storage layer is what is tested.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from soloservice.storage.database import Database, StorageError
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow


def test_pragmas_are_set_on_every_connection(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    with db.session() as session:
        conn = session.connection()
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 30_000


def test_times_round_trip_as_aware_utc(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    copenhagen_winter = timezone(timedelta(hours=1))
    moment = datetime(2026, 3, 1, 10, 30, tzinfo=copenhagen_winter)
    with db.session() as session:
        session.add(CustomerRow(name="A", created_at=moment))
    with db.session() as session:
        row = session.get(CustomerRow, 1)
        assert row is not None
        assert row.created_at == moment
        assert row.created_at.tzinfo == UTC
        assert row.created_at.hour == 9


def test_naive_datetimes_are_refused(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    with pytest.raises(Exception, match="naive"), db.session() as session:
        session.add(CustomerRow(name="A", created_at=datetime(2026, 1, 1)))
    with db.session() as session:
        assert session.get(CustomerRow, 1) is None


def test_unit_of_work_rolls_back_everything_on_error(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    now = datetime.now(UTC)
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(CustomerRow(name="kept?", created_at=now))
        session.flush()
        raise RuntimeError("boom")
    with db.session() as session:
        assert session.connection().execute(text("SELECT count(*) FROM customer")).scalar() == 0


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    now = datetime.now(UTC)
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(
            InquiryRow(customer_id=999, channel="phone", received_at=now, last_activity_at=now)
        )


def test_identity_is_unique_per_kind(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    now = datetime.now(UTC)
    with db.session() as session:
        a = CustomerRow(name="A", created_at=now)
        b = CustomerRow(name="B", created_at=now)
        session.add_all([a, b])
        session.flush()
        assert a.id is not None and b.id is not None
        session.add(IdentityRow(customer_id=a.id, kind="phone", value="+4520123456"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(IdentityRow(customer_id=b.id, kind="phone", value="+4520123456"))


def test_reopening_an_existing_store_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    db = Database(path)
    with db.session() as session:
        session.add(CustomerRow(name="Kari Nordmann", created_at=datetime.now(UTC)))
    db.close()
    again = Database(path)
    with again.session() as session:
        row = session.get(CustomerRow, 1)
        assert row is not None and row.name == "Kari Nordmann"


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="cannot open the database"):
        Database(path)
    assert path.read_bytes().startswith(b"this is not sqlite")


def test_a_second_connection_can_read_while_one_writes(tmp_path: Path) -> None:
    """WAL: the GUI reads while a cron sync holds a write transaction."""
    path = tmp_path / "s.sqlite3"
    db = Database(path)
    with db.session() as session:
        session.add(CustomerRow(name="A", created_at=datetime.now(UTC)))
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO customer (name, language, notes, created_at) "
        "VALUES ('B', 'da', '', '2026-01-01 00:00:00')"
    )
    with db.read_session() as session:
        assert session.connection().execute(text("SELECT count(*) FROM customer")).scalar() == 1
    writer.commit()
    writer.close()
