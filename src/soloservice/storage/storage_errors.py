"""SQLite's failures in words a founder can act on, the same in the CLI and the window.

"sqlite3.OperationalError: database or disk is full (Background on this error at ...)"
says nothing useful; "the disk is full: nothing was changed" does. SQLite rolls back the
statement (and we the transaction) on each of these, so "nothing was changed" is true.

Works on ``sqlite3.Error``, on SQLAlchemy's wrappers (through ``.orig``, without importing
SQLAlchemy here) and on ``OSError`` (a full or read-only disk seen by a file write).
"""

from __future__ import annotations

import errno
import sqlite3

BUSY = "the database is busy (another SoloService is writing); try again"
FULL = "the disk is full: nothing was changed"
READ_ONLY = "the data folder is read-only: nothing was changed"
DAMAGED = (
    "the database is damaged: see `soloservice backup list` and restore the newest good "
    "backup with `soloservice restore FILE`"
)
IO = "the disk could not be read or written (I/O error): nothing was changed"
CANNOT_OPEN = "the database cannot be opened: check that the data folder exists and is yours"

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE = {
    5: BUSY,  # SQLITE_BUSY
    6: BUSY,  # SQLITE_LOCKED
    13: FULL,  # SQLITE_FULL
    8: READ_ONLY,  # SQLITE_READONLY
    3: READ_ONLY,  # SQLITE_PERM
    11: DAMAGED,  # SQLITE_CORRUPT
    26: DAMAGED,  # SQLITE_NOTADB
    10: IO,  # SQLITE_IOERR
    14: CANNOT_OPEN,  # SQLITE_CANTOPEN
}
#: the texts SQLite puts in the message, for errors raised without a code
_BY_TEXT = (
    ("database is locked", BUSY),
    ("database table is locked", BUSY),
    ("database or disk is full", FULL),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("disk image is malformed", DAMAGED),
    ("file is not a database", DAMAGED),
    ("disk i/o error", IO),
    ("unable to open database file", CANNOT_OPEN),
)
#: only errnos that mean the same wherever the file was (an export's "permission denied"
#: is about the export's folder, not the data folder, so it keeps its own message)
_ERRNO = {errno.ENOSPC: FULL, errno.EDQUOT: FULL}


def describe_storage_error(exc: BaseException) -> str | None:
    """One line for a storage failure the founder can act on, or None for anything else."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = _describe_one(current)
        if text is not None:
            return text
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def _describe_one(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in _SQLITE:
            return _SQLITE[code & 0xFF]
        message = str(exc).lower()
        return next((text for needle, text in _BY_TEXT if needle in message), None)
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        return _ERRNO[exc.errno]
    return None
