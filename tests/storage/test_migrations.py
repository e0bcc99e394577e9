"""The shipped Alembic migrations must produce exactly the schema the tables describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from soloservice.storage.database import Database
from soloservice.storage.migrate import MIGRATIONS_DIR, alembic_config


def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn)
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
