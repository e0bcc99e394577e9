"""The start-up quick_check is skipped only for a store exactly as the app closed it.

Through the composition root (``Services.open``), counting the quick_checks run by
``storage.backup.check``: a clean close lets the next open skip it; a store opened and never
closed (a crash), touched by another program, or with a write-ahead log left over is
checked; a damaged store is never vouched for.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.paths import database_path
from soloservice.services.registry import Services
from soloservice.storage import backup
from soloservice.storage.known_good import RECORD, fingerprint
from soloservice.storage.readonly import ReadOnlyDatabase
from tests.services.test_backups import flip_bytes


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Every store quick_check read, in order."""
    seen: list[Path] = []
    real = backup.check

    def counting(path: Path, quick: bool = False) -> list[str]:
        seen.append(Path(path))
        return real(path, quick=quick)

    monkeypatch.setattr(backup, "check", counting)
    yield seen


def open_close(data_dir: Path, note: str | None = None) -> None:
    services = Services.open(data_dir)
    try:
        if note is not None:
            services.inquiries.add_note(1, note)
    finally:
        services.close()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    from soloservice.services.demo import generate_demo

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    services = Services.open(data_dir)
    try:
        generate_demo(services.ctx, 20, seed=5)
    finally:
        services.close()
    return data_dir


def test_a_store_closed_cleanly_is_not_read_again_at_the_next_open(
    store: Path, checks: list[Path]
) -> None:
    assert (store / RECORD).exists()
    open_close(store, "a note")  # skipped: as the last close left it
    open_close(store)  # skipped again: the note's write was ours, and it closed cleanly
    assert checks == []


def test_a_store_that_was_never_closed_is_checked(store: Path, checks: list[Path]) -> None:
    crashed = Services.open(store)  # a window that dies: no close, no record
    crashed.inquiries.add_note(1, "before the crash")
    assert not (store / RECORD).exists()
    second = Services.open(store)
    try:
        assert checks == [database_path(store)]
    finally:
        second.close()
        crashed.close()


def test_a_store_changed_by_another_program_is_checked(store: Path, checks: list[Path]) -> None:
    with sqlite3.connect(database_path(store)) as conn:  # e.g. the sqlite3 shell
        conn.execute("UPDATE customer SET notes = 'edited outside' WHERE id = 1")
    conn.close()
    open_close(store)
    assert checks == [database_path(store)]


def test_a_flipped_byte_after_a_clean_close_is_still_found(store: Path, checks: list[Path]) -> None:
    flip_bytes(database_path(store))
    services = Services.open(store)
    try:
        assert isinstance(services.ctx.db, ReadOnlyDatabase)
    finally:
        services.close()
    assert not (store / RECORD).exists()  # a damaged store is never vouched for
    services = Services.open(store)
    try:
        assert isinstance(services.ctx.db, ReadOnlyDatabase)  # checked, and damaged, again
    finally:
        services.close()
    assert len(checks) == 2


def test_a_copy_with_the_same_size_and_time_is_still_checked(
    store: Path, checks: list[Path], tmp_path: Path
) -> None:
    """Restored or copied in (another inode): not the file this app closed."""
    db = database_path(store)
    info = db.stat()
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(db.read_bytes())
    os.replace(copy, db)
    os.utime(db, ns=(info.st_atime_ns, info.st_mtime_ns))
    open_close(store)
    assert checks == [db]


def test_a_store_with_a_leftover_write_ahead_log_is_checked(
    store: Path, checks: list[Path]
) -> None:
    """A log still holding changes was not folded back by a clean close: check it all."""
    db = database_path(store)
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE customer SET notes = 'in the log' WHERE id = 1")
    writer.commit()
    wal = db.with_name(db.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert fingerprint(db) is None  # nothing to vouch for while the log holds changes
    open_close(store)
    writer.close()
    assert checks == [db]


def test_a_record_that_is_not_json_means_a_check(store: Path, checks: list[Path]) -> None:
    (store / RECORD).write_text("{half a record", encoding="utf-8")
    open_close(store)
    assert checks == [database_path(store)]
    assert (store / RECORD).exists()  # and the clean close writes a good one again
    open_close(store)
    assert checks == [database_path(store)]
