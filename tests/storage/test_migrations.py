"""The shipped Alembic migrations must produce exactly the schema the tables describe.

Raw sessions and engines on purpose: schemas, upgrades and ledger constraints are storage.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from soloservice.storage.database import Database
from soloservice.storage.fts import include_object
from soloservice.storage.migrate import MIGRATIONS_DIR, alembic_config


# Alembic cannot compare SQLite expression indexes (the inbox's, lower(name)); each of them is
# checked by name and by query plan in tests/services/test_inbox_indexes.py instead.
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    with db.engine.connect() as conn:
        # The FTS5 index (migration 0006) is not a SQLModel table: compare everything else.
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == [], f"tables.py and the migrations disagree; add a revision: {diff}"


def test_database_is_at_head_after_open(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head


def test_migrations_ship_inside_the_package() -> None:
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert any(MIGRATIONS_DIR.joinpath("versions").glob("0001_*.py"))


def test_upgrade_keeps_rows_written_by_the_first_schema(tmp_path: Path) -> None:
    """A founder's store from the first release upgrades in place without losing a row."""
    from alembic import command
    from sqlalchemy import create_engine, text

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO customer (id, name, language, notes, created_at) "
                "VALUES (1, 'Mette', 'da', '', '2026-01-05 10:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO inquiry (id, customer_id, channel, subject, snippet, kind, status, "
                "received_at, last_activity_at, tags) VALUES (1, 1, 'phone', 'Vase', '', "
                "'complaint', 'open', '2026-01-05 10:00:00', '2026-01-05 10:00:00', '')"
            )
        )
    engine.dispose()
    db = Database(path)
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT name, opted_out FROM customer WHERE id = 1")).one()
        assert tuple(row) == ("Mette", 0)
        assert conn.execute(text("SELECT closed_loop FROM inquiry")).scalar() == 0


def test_every_revision_downgrades_cleanly(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, inspect

    engine = create_engine(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}


def _ledger_row(conn: object, **values: object) -> None:
    from sqlalchemy import text

    row = {
        "account_id": 1,
        "source": "imap",
        "folder": "INBOX",
        "uidvalidity": 7,
        "uid": None,
        "message_id_header": None,
        "content_hash": "h",
        "outcome": "imported",
        "reason": "",
        "subject": "",
        "from_addr": "",
        "fetched_at": "2026-03-03 09:00:00",
        "raw": b"",
    } | values
    columns = ", ".join(row)
    conn.execute(  # type: ignore[attr-defined]
        text(f"INSERT INTO mail_item ({columns}) VALUES ({', '.join(':' + c for c in row)})"),
        row,
    )


def test_0005_keeps_every_double_an_old_store_holds_and_adds_the_constraints(
    tmp_path: Path,
) -> None:
    """Two concurrent syncs stored uid 5 twice in an old store; old duplicates were blanked."""
    from alembic import command
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import IntegrityError

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.execute(
            text(
                "INSERT INTO mail_account (id, name, email, imap_host, imap_port, imap_security, "
                "smtp_host, smtp_port, smtp_security, username, folder, signature, enabled, "
                "display_name, created_at) VALUES (1, 'shop', 'hej@butik.dk', 'h', 993, 'ssl', "
                "'h', 465, 'ssl', 'u', 'INBOX', '', 1, '', '2026-03-01 00:00:00')"
            )
        )
        _ledger_row(conn, uid=5, raw=b"mail five", content_hash="h5", message_id_header="<5@x>")
        _ledger_row(conn, uid=5, raw=b"mail five", content_hash="h5", message_id_header="<5@x>")
        _ledger_row(conn, uid=6, raw=b"mail six", content_hash="h6")
        _ledger_row(conn, uid=9, raw=b"", content_hash="h6", outcome="duplicate")
    engine.dispose()
    db = Database(path)
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, uid, raw, raw_hash, duplicate_of, reason FROM mail_item ORDER BY id")
        ).all()
        assert len(rows) == 4  # nothing deleted
        assert [r.uid for r in rows] == [5, None, 6, 9]
        assert rows[1].raw == b"mail five" and rows[1].duplicate_of == 1
        assert "second copy of uid 5" in rows[1].reason
        assert rows[3].duplicate_of == 3  # the blanked duplicate can find its source again
        assert rows[0].raw_hash.startswith("sha256:") and rows[3].raw_hash == ""
    with pytest.raises(IntegrityError), db.session() as session:
        _ledger_row(session, uid=5, raw=b"again")


def test_the_ledger_refuses_a_second_row_for_one_uid_or_one_archive_entry(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from sqlalchemy.exc import IntegrityError

    from soloservice.storage.mail_tables import MailAccountRow, MailItemRow

    db = Database(tmp_path / "s.sqlite3")
    now = datetime.now(UTC)
    with db.session() as session:
        account = MailAccountRow(
            name="shop", email="a@b.dk", imap_host="h", imap_port=993, smtp_host="h",
            smtp_port=465, username="u", created_at=now,
        )  # fmt: skip
        session.add(account)
        session.flush()
        imap = {"account_id": account.id, "folder": "INBOX", "uidvalidity": 7, "uid": 5}
        archive = {"source": "mbox", "source_path": "/a.mbox", "source_key": "0"}
        session.add(MailItemRow(**imap, outcome="imported", fetched_at=now, raw=b"x"))
        session.add(MailItemRow(**archive, outcome="imported", fetched_at=now, raw=b"x"))
    for place in (imap, archive):
        with pytest.raises(IntegrityError), db.session() as session:
            session.add(MailItemRow(**place, outcome="imported", fetched_at=now, raw=b"y"))
    with db.session() as session:  # NULL places never clash: IMAP rows and archive rows
        session.add(MailItemRow(folder="INBOX", outcome="imported", fetched_at=now, raw=b"z"))
        session.add(MailItemRow(folder="INBOX", outcome="imported", fetched_at=now, raw=b"z"))
        session.add(
            MailItemRow(**imap | {"uid": None}, outcome="imported", fetched_at=now, raw=b"z")
        )
