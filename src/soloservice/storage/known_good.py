"""Skipping the start-up ``quick_check`` for a store exactly as SoloService left it.

``quick_check`` reads every page: half a second at 100k inquiries, more than the whole
first page may cost. A store that this app closed cleanly, that nobody has touched since
(same size, modification time and inode, no write-ahead log left over), was checked when it
was opened and has only had SQLite's own transactions since. Opening it checks nothing
again. Anything else is checked: a store opened but never closed (a crash, a kill, a second
process still running), one copied in or restored, or one changed by another program (a
flipped byte changes the modification time).

The record is deleted at every open and written at every clean close, so a process that
dies leaves no record behind. It is written without fsync on purpose: a record lost in a
power cut only means one more check.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

#: beside the store; ``secure_data_dir`` keeps every ``soloservice*`` file 0600
RECORD = "soloservice-closed.json"


def _record_path(database: Path) -> Path:
    return database.with_name(RECORD)


def fingerprint(database: Path) -> dict[str, int] | None:
    """What identifies the file as it is now; None while a write-ahead log holds changes."""
    try:
        info = database.stat()
        wal = database.with_name(database.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
    except OSError:
        return None
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "inode": info.st_ino}


def left_as_closed(database: Path) -> bool:
    """True when ``database`` is byte for byte as this app last closed it (and forget that:
    from now on it is open, and only a clean close vouches for it again)."""
    record = _record_path(database)
    try:
        recorded = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = None
    with contextlib.suppress(OSError):
        record.unlink()
    current = fingerprint(database)
    return current is not None and recorded == current


def record_clean_close(database: Path) -> None:
    """After the last connection closed: remember the file as it was left."""
    current = fingerprint(database)
    if current is None:
        return  # another process still has it open, or the log was not folded back
    record = _record_path(database)
    temporary = record.with_name(f".{RECORD}.{os.getpid()}")
    try:
        fd = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(current, handle)
        os.replace(temporary, record)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
