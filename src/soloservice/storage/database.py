"""Engine set-up and the unit of work.

Every connection gets the same pragmas: WAL so the GUI can read while a sync or a cron job
writes, ``foreign_keys`` so SQLite enforces what the schema says, and ``busy_timeout`` so a
concurrent writer waits instead of failing with "database is locked".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

from soloservice.storage.migrate import upgrade_to_head

BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    return engine


class StorageError(RuntimeError):
    """The store could not be opened or written; the message is meant for the user."""


class Database:
    """One SQLite file, migrated to the current schema on open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.engine = make_engine(path)
            upgrade_to_head(self.engine)
        except Exception as exc:  # reported to the user with the path
            reason = getattr(exc, "orig", None) or exc  # the driver's words, not SQLAlchemy's
            raise StorageError(f"cannot open the database {path}: {reason}") from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back if it raises."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
