"""A new store is built from migrations/head_schema.sql: it must be the store the
migrations build, and the file must keep up with them (storage/schema_snapshot.py)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from soloservice.storage.database import Database, make_engine
from soloservice.storage.migrate import head_revision, upgrade_with_alembic
from soloservice.storage.schema_snapshot import SNAPSHOT, snapshot_revision, statements

Schema = list[tuple[str, str, object]]


def _schema(path: Path) -> Schema:
    """sqlite_master, each table's lines sorted: Alembic's table rebuilds write a table's
    foreign keys in no fixed order, so two Alembic runs differ there, and only there."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence'"
        ).fetchall()
        fts = connection.execute("SELECT * FROM inquiry_fts_config").fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        connection.close()
    found: Schema = []
    for kind, name, sql in rows:
        if kind == "table" and sql:
            sql = sorted(line.strip().rstrip(",") for line in sql.splitlines())
        found.append((kind, name, sql))
    return [*sorted(found, key=str), ("fts", "config", fts), ("alembic", "version", version)]


def _by_alembic(path: Path) -> Path:
    engine = make_engine(path)
    upgrade_with_alembic(engine)
    engine.dispose()
    return path


def test_the_snapshot_is_at_the_head_revision() -> None:
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert snapshot_revision(text) == head_revision(), (
        "a migration landed after head_schema.sql was written: "
        "run `python -m soloservice.storage.schema_snapshot`"
    )


def test_a_new_store_is_the_one_the_migrations_build(tmp_path: Path) -> None:
    migrated = _by_alembic(tmp_path / "alembic.sqlite3")
    Database(tmp_path / "new.sqlite3").engine.dispose()
    assert _schema(tmp_path / "new.sqlite3") == _schema(migrated)
    connection = sqlite3.connect(tmp_path / "new.sqlite3")
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_every_statement_of_the_snapshot_is_whole() -> None:
    found = statements(SNAPSHOT.read_text(encoding="utf-8"))
    assert all(sqlite3.complete_statement(s + ";") or s.endswith(";") for s in found)
    # every trigger, with the semicolons inside its body, stays one statement
    triggers = [s for s in found if s.startswith("CREATE TRIGGER")]
    assert triggers and all(s.endswith("END;") for s in triggers)
    # one statement per schema object a new store holds (its FTS5 shadow tables aside)
    connection = sqlite3.connect(":memory:")
    for statement in found:
        connection.execute(statement)
    shadows = [f"inquiry_fts_{part}" for part in ("data", "idx", "content", "docsize", "config")]
    made = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE sql IS NOT NULL "
        f"AND name NOT IN ({', '.join('?' * len(shadows))})",
        shadows,
    ).fetchone()[0]
    assert made == len(found)


_OPEN = """
import sys
from pathlib import Path
from soloservice.services.registry import Services
Path(sys.argv[1]).mkdir(parents=True, exist_ok=True)
services = Services.open(Path(sys.argv[1]))
services.close()
print("alembic" in sys.modules)
"""


def test_the_app_opens_a_new_store_without_alembic(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _OPEN, str(tmp_path / "data")],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == "False", done.stdout + done.stderr


def test_two_processes_creating_one_store_at_once_both_open_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN, str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for run in runs:
        _out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err
    store = next(data.glob("*.sqlite3"))
    assert _schema(store) == _schema(_by_alembic(tmp_path / "alembic.sqlite3"))
