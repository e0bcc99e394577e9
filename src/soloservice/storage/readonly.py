"""A damaged store, opened so that nothing can write to it.

When ``PRAGMA quick_check`` finds damage at start-up, writing would spread it (and a write
that lands on a broken page can make the store unreadable, exports included). The store is
then opened with SQLite's ``mode=ro``: the refusal sits in SQLite itself, below every
service, so no code path (raw ``engine.connect()`` included) can write by mistake. It is
never migrated either.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from soloservice.storage.database import BUSY_TIMEOUT_MS, READ_ONLY, Database, StorageError

DAMAGED_HINT = "run `soloservice restore` with a backup from `soloservice backup list`"


class DamagedStoreError(StorageError):
    """A write was asked of a store that is open read-only because it is damaged."""


def damaged_message(damage: str) -> str:
    return f"the database is damaged (quick_check: {damage}); {DAMAGED_HINT}"


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we BEGIN ourselves, as database.py does
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")  # never IMMEDIATE: there is nothing to lock for


def read_only_engine(path: Path) -> Engine:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )
    event.listen(engine, "connect", _pragmas)
    event.listen(engine, "begin", _begin)
    return engine


class ReadOnlyDatabase(Database):
    """The ``Database`` interface over a store that refuses every write.

    ``damage`` is what quick_check said; ``refusal`` is the message a refused write raises
    (the CLI's by default; the window puts its own words here).
    """

    def __init__(self, path: Path, damage: str) -> None:  # no super(): it would migrate
        self.path = path
        self.damage = damage
        self.refusal = damaged_message(damage)
        #: what a refused write raises; the services put their ServiceError subclass here
        self.error: type[DamagedStoreError] = DamagedStoreError
        self.engine = read_only_engine(path)
        self.read_engine = self.engine.execution_options(**{READ_ONLY: True})

    def close(self) -> None:
        self.engine.dispose()  # and no clean-close record: it must be checked next time

    @contextmanager
    def session(self, *_args: Any, **_kwargs: Any) -> Iterator[Session]:
        """``Database``'s unit of work on the read-only engine; SQLite's refusal of a write
        becomes ``self.error`` with the words the user is shown."""
        try:
            with super().session() as session:
                yield session
        except OperationalError as exc:
            if "readonly" in str(exc.orig):
                raise self.error(self.refusal) from exc
            raise
