"""SQLite mechanics of backups: copy with the online backup API, check a file, swap a store.

A WAL database is never copied as a file: its newest transactions may live only in the
``-wal`` file, and a copy taken while a writer works can be torn. ``sqlite3.Connection.backup``
reads a consistent snapshot through SQLite itself (the WAL included) while the window and a
cron ``sync`` keep working. Backups are written as single self-contained files
(``journal_mode=DELETE``), so a backup is one file the founder can copy anywhere.

Every file is created mode 0600 before any byte is written: a backup holds the same
customer data as the store.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from soloservice.domain.backups import BackupKind, BackupName
from soloservice.storage.files import (
    DATABASE_SIDE_FILES,
    DIR_MODE,
    atomic_path,
)
from soloservice.storage.known_good import left_as_closed

BACKUP_DIRNAME = "backups"
#: the tables whose presence makes a file "a SoloService database" for restore
REQUIRED_TABLES = frozenset({"alembic_version", "customer", "inquiry", "message"})
SIDE_FILES = DATABASE_SIDE_FILES


class BackupFileError(RuntimeError):
    """A file cannot be backed up, used as a backup or written; the message is for the user."""


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIRNAME


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (``mode=ro``), refusing a missing file.

    ``Path.as_uri`` percent-encodes the path, so spaces, ``?`` and ``#`` in a data dir
    cannot turn into URI parameters.
    """
    if not path.is_file():
        raise BackupFileError(f"not a file: {path}")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check(path: Path, *, quick: bool = True) -> list[str]:
    """What ``PRAGMA quick_check`` (or the slower, thorough ``integrity_check``) finds
    wrong with ``path``; an empty list means the file is a sound SQLite database."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        connection = connect_read_only(path)
    except (sqlite3.Error, BackupFileError) as exc:
        return [str(exc)]
    try:
        rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        connection.close()
    if rows == ["ok"]:
        return []
    # SQLite puts several findings in one row, under a "*** in database main ***" banner.
    lines = (line.strip() for row in rows for line in row.splitlines())
    return [line for line in lines if line and not line.startswith("***")] or rows


def startup_damage(path: Path) -> str | None:
    """The first problem ``quick_check`` reports for the store at ``path``, or None.

    A store that does not exist yet is not damaged (it is about to be created). The check
    reads every page but skips the index cross-checks of ``integrity_check``: about 2 ms a
    megabyte. A store exactly as this app last closed it is not read again (known_good.py).
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if left_as_closed(path):
        return None  # as this app closed it: checked when opened, untouched since
    problems = check(path, quick=True)
    return problems[0] if problems else None


def schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in ``path``, or None when it has none."""
    connection = connect_read_only(path)
    try:
        names = {
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not REQUIRED_TABLES.issubset(names):
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return None if row is None else str(row[0])


def _backup_into(source: Path, target: Path) -> None:
    """Copy the store ``source`` into the empty file ``target`` with the online backup API."""
    src = connect_read_only(source)
    try:
        copy = sqlite3.connect(target)
        try:
            src.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            copy.commit()
        finally:
            copy.close()
    finally:
        src.close()


def copy_database(source: Path, dest: Path) -> int:
    """Copy ``source`` to ``dest`` with the online backup API; returns the size written.

    The copy is built in a hidden private file beside ``dest``, synced, and renamed over it
    (``atomic_path``), so ``dest`` is either the old file or the complete new one, never half
    a database.
    """
    dest.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with atomic_path(dest, suffix=".partial") as partial:
        _backup_into(source, partial)
    return dest.stat().st_size


def unique_path(directory: Path, taken_at: datetime, kind: BackupKind) -> Path:
    """A backup file name for ``taken_at`` that is not taken yet (a second later if it is)."""
    name = BackupName.make(taken_at, kind)
    while (directory / name.filename).exists():
        name = BackupName(name.taken_at + timedelta(seconds=1), kind)
    return directory / name.filename


def write_backup(db_path: Path, taken_at: datetime, kind: BackupKind) -> Path:
    """A backup of the store at ``db_path`` into its backups folder."""
    directory = backups_dir(db_path)
    directory.mkdir(exist_ok=True, mode=DIR_MODE)
    path = unique_path(directory, taken_at, kind)
    copy_database(db_path, path)
    return path


def replace_database(source: Path, live: Path) -> None:
    """Make ``live`` a copy of ``source``; every connection to ``live`` must be closed.

    The stale ``-wal``/``-shm``/``-journal`` files of the old store go first: SQLite would
    otherwise replay the old store's log onto the new file and corrupt it.
    """
    with atomic_path(live, suffix=".restoring") as staged:
        _backup_into(source, staged)
        for suffix in SIDE_FILES:
            with contextlib.suppress(FileNotFoundError):
                Path(f"{live}{suffix}").unlink()
