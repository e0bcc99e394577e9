"""Engine set-up and the unit of work.

Every connection gets the same pragmas: WAL so the GUI can read while a sync or a cron job
writes, ``foreign_keys`` so SQLite enforces what the schema says, and ``busy_timeout`` so a
concurrent writer waits instead of failing with "database is locked".

Transactions are begun by us, not by the sqlite3 module: it starts one only at the first
INSERT/UPDATE, so a unit of work's reads (the duplicate check, "is this uid stored?") ran
outside any transaction and two processes could both decide to store the same mail. A
write session begins with ``BEGIN IMMEDIATE``: it takes the write lock up front (waiting on
``busy_timeout`` for another writer), so everything it reads stays true until it commits.
A deferred ``BEGIN`` that reads first and writes later would instead fail with
SQLITE_BUSY the moment another process committed in between, without waiting at all.
A read session begins with a plain ``BEGIN`` under ``PRAGMA query_only``: one consistent
snapshot, no write lock, so the GUI's inbox never blocks (nor is blocked by) a cron sync.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlmodel import Session

from soloservice.storage.known_good import record_clean_close
from soloservice.storage.migrate import upgrade_to_head

#: How long a writer waits for another one (a sync batch, an import batch) before it gives
#: up with "database is locked". Long enough for any single batch we write.
BUSY_TIMEOUT_MS = 30_000

#: Execution option naming a connection or engine whose transactions only read.
READ_ONLY = "soloservice_read_only"


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # We emit BEGIN ourselves (see _begin); the driver must not start transactions on its own.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin(conn: Connection) -> None:
    if conn.get_execution_options().get(READ_ONLY):
        conn.exec_driver_sql("PRAGMA query_only=ON")
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("PRAGMA query_only=OFF")
        conn.exec_driver_sql("BEGIN IMMEDIATE")


#: set while a writer of many rows opens its session (``Database.journals_in_memory``)
_JOURNALS_IN_MEMORY = ContextVar("soloservice_journals_in_memory", default=False)
_TEMP_STORE_SET = "soloservice_temp_store"


def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    if _JOURNALS_IN_MEMORY.get():  # no transaction yet: the only time SQLite lets this change
        dbapi_connection.execute("PRAGMA temp_store = MEMORY")
        record.info[_TEMP_STORE_SET] = True


def _checkin(dbapi_connection: Any, record: Any) -> None:
    if record.info.pop(_TEMP_STORE_SET, False) and dbapi_connection is not None:
        dbapi_connection.execute("PRAGMA temp_store = DEFAULT")  # rolled back or committed


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "checkout", _checkout)
    event.listen(engine, "checkin", _checkin)
    return engine


class StorageError(RuntimeError):
    """The store could not be opened or written; the message is meant for the user."""


class Database:
    """One SQLite file, migrated to the current schema on open.

    ``engine`` begins every transaction with ``BEGIN IMMEDIATE`` (writers);
    ``read_engine`` shares its connections but begins read-only snapshots.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.engine = make_engine(path)
            self.read_engine = self.engine.execution_options(**{READ_ONLY: True})
            upgrade_to_head(self.engine)
        except Exception as exc:  # reported to the user with the path
            reason = getattr(exc, "orig", None) or exc  # the driver's words, not SQLAlchemy's
            raise StorageError(f"cannot open the database {path}: {reason}") from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: holds the write lock from its first statement, commits when the
        block ends, rolls back if it raises."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def journals_in_memory(self) -> Iterator[None]:
        """Sessions opened inside this block keep SQLite's statement journals in memory.

        For a writer of many rows (a mail batch): every INSERT fires triggers (the inbox's
        sort keys, the full-text index's notes), so SQLite journals the pages each statement
        changes, to undo that one statement should it fail; past 64 KiB that journal is a
        temporary file, which cost half of an inquiry's insert. ``temp_store`` can change
        only outside a transaction, and ``session`` begins one on its first statement: so it
        is set as the pool hands the connection out, and put back as it is returned (the rest
        of the app keeps its temporary files on disk: VACUUM's copy of the whole store is
        one)."""
        token = _JOURNALS_IN_MEMORY.set(True)
        try:
            yield
        finally:
            _JOURNALS_IN_MEMORY.reset(token)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """One consistent snapshot for reading; never takes the write lock.

        A write attempted here fails ("attempt to write a readonly database"): reads that
        decide a write belong in ``session()``, under its lock.
        """
        # Closing (not rolling back) ends the snapshot and keeps what was loaded readable.
        with Session(self.read_engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        record_clean_close(self.path)  # the next open can skip its quick_check
