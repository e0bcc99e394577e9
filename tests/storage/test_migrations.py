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
