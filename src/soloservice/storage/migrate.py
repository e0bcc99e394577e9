"""Run the Alembic migrations shipped inside the package.

Alembic is imported only to migrate: at an ordinary start the store's ``alembic_version`` is
read with plain sqlite3 and compared with the head revision read from the migration files'
``revision = "..."`` lines (tests/storage/test_migrate_head.py checks that this agrees
with Alembic's own view). Importing Alembic costs more than the rest of a CLI command.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from soloservice.domain.backups import BackupKind
from soloservice.storage.backup import write_backup

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

_REVISION_LINE = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:[\"']([^\"']+)[\"']|None)", re.MULTILINE
)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


class MigrationError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def _revision_graph() -> dict[str, str | None]:
    """``revision -> down_revision`` of every migration file, read without Alembic."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict((m.group(1), m.group(2)) for m in _REVISION_LINE.finditer(script.read_text()))
        if found.get("revision"):
            graph[str(found["revision"])] = found.get("down_revision")
    return graph


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down is not None}
    if len(heads) != 1:  # a branch: let Alembic say what it thinks
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(alembic_config()).get_current_head()
    return heads.pop()


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    return frozenset(_revision_graph())


def refuse_unknown_revision(revision: str | None) -> None:
    """A store written by a newer SoloService must not be "upgraded" by an older one:
    Alembic cannot find its revision, and guessing would lose the newer columns."""
    if revision is not None and revision not in known_revisions():
        raise MigrationError(
            f"the database has schema revision {revision}, newer than this SoloService knows "
            f"({head_revision()}): open it with the newer version"
        )


def store_file(engine: Engine) -> Path | None:
    """The file behind ``engine``; None for ``:memory:`` or a ``file:`` URI."""
    name = engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def backup_before_migration(engine: Engine) -> Path | None:
    """A ``pre-migration`` backup of the store behind ``engine`` (a file, not ``:memory:``)."""
    path = store_file(engine)
    if path is None:
        return None
    return write_backup(path, datetime.now(UTC), BackupKind.PRE_MIGRATION)


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for a new (or never migrated) store."""
    path = store_file(engine)
    if path is None:
        return _current_revision_via(engine)
    # Plain sqlite3, autocommit: a read that takes no lock, so it never waits for a writer.
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        connection.close()
    return None if row is None else str(row[0])


def _current_revision_via(engine: Engine) -> str | None:
    from sqlalchemy.exc import OperationalError

    # Read-only (see storage.database): checking the version must not wait for a writer.
    with engine.connect().execution_options(soloservice_read_only=True) as connection:
        try:
            row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        except OperationalError:
            return None
    return None if row is None else str(row[0])


def upgrade_to_head(engine: Engine) -> None:
    """Migrate with foreign keys off, as SQLite requires for table rebuilds, then check them.

    ``batch_alter_table`` rebuilds a table by copying it; with ``foreign_keys`` on, dropping
    the old copy would cascade or fail. Integrity is verified afterwards instead, and a
    violation rolls the whole upgrade back.
    """
    current = current_revision(engine)
    if current == head_revision():
        return  # the common case at every start: nothing to do, and alembic is not run
    if current is not None:  # an existing store, older than head: keep a copy first
        refuse_unknown_revision(current)
        backup_before_migration(engine)
    elif _created_from_snapshot(engine):
        return
    upgrade_with_alembic(engine)


def _created_from_snapshot(engine: Engine) -> bool:
    """A new store file: built from the head schema at once (storage/schema_snapshot.py)."""
    path, head = store_file(engine), head_revision()
    if path is None or head is None:
        return False
    from soloservice.storage.schema_snapshot import create_at_head

    return create_at_head(path, head)


def upgrade_with_alembic(engine: Engine) -> None:
    """Every migration from the store's revision to head, in one transaction."""
    from alembic import command

    config = alembic_config(engine)
    with engine.connect() as connection:
        # Straight to the driver: through SQLAlchemy the pragma would run inside the
        # transaction it begins first, where SQLite silently ignores ``foreign_keys``.
        _outside_transaction(connection, "PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"migration broke {len(broken)} foreign key(s)")
        finally:
            _outside_transaction(connection, "PRAGMA foreign_keys=ON")


def _outside_transaction(connection: Connection, sql: str) -> None:
    if connection.in_transaction():
        connection.commit()
    driver = connection.connection.dbapi_connection
    assert driver is not None
    driver.execute(sql)
