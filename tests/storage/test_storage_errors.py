"""SQLite's busy, full, read-only and damaged errors in one line, from real conditions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from soloservice.paths import database_path
from soloservice.storage.storage_errors import (
    BUSY,
    DAMAGED,
    FULL,
    READ_ONLY,
    describe_storage_error,
)
from tests.helpers.cli import run, run_json


def make_db(path: Path, rows: int = 200) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO t (body) VALUES (?)", [("x" * 500,)] * rows)
    conn.close()
    return path


def raised(fn: Any) -> BaseException:
    try:
        fn()
    except BaseException as exc:  # the test wants whatever SQLite raised
        return exc
    raise AssertionError("nothing was raised")


def test_full(tmp_path: Path) -> None:
    conn = sqlite3.connect(make_db(tmp_path / "a.db"))
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    exc = raised(lambda: conn.execute("INSERT INTO t (body) VALUES (?)", ("y" * 100_000,)))
    assert isinstance(exc, sqlite3.OperationalError)
    assert describe_storage_error(exc) == FULL


def test_busy(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.db")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    exc = raised(lambda: other.execute("BEGIN IMMEDIATE"))
    holder.execute("ROLLBACK")
    assert describe_storage_error(exc) == BUSY


def test_read_only(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.db")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    exc = raised(lambda: conn.execute("INSERT INTO t (body) VALUES ('z')"))
    assert describe_storage_error(exc) == READ_ONLY


def test_corrupt_pages_and_a_non_database(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.db", rows=2000)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 40), 7):  # wreck the b-tree pages
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    exc = raised(lambda: conn.execute("SELECT count(*), sum(length(body)) FROM t").fetchall())
    assert describe_storage_error(exc) == DAMAGED
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 500)
    exc = raised(lambda: sqlite3.connect(junk).execute("SELECT * FROM sqlite_master").fetchall())
    assert describe_storage_error(exc) == DAMAGED


def test_through_sqlalchemy_and_unrelated_errors(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.db")
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    with engine.connect() as conn:
        exc = raised(lambda: conn.execute(text("INSERT INTO t (body) VALUES ('z')")))
    assert isinstance(exc, OperationalError)
    assert describe_storage_error(exc) == READ_ONLY
    assert describe_storage_error(ValueError("no")) is None
    assert describe_storage_error(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    assert describe_storage_error(OSError(28, "No space left on device")) == FULL


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[None]:
    """Every SQLite connection of this process may not grow the file: a real SQLITE_FULL,
    made by the test, with nothing in the app to switch it on."""

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", cap)
    yield
    event.remove(Engine, "connect", cap)


def note_count(data: Path) -> int:
    with sqlite3.connect(database_path(data)) as conn:
        return sum(
            int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("inquiry_event", "message")
        )


def test_cli_note_on_a_full_disk_is_one_line_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    data = tmp_path / "d"
    run_json(capsys, "--data-dir", str(data), "demo", "--count", "5")
    with sqlite3.connect(database_path(data)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")  # no free pages left to write into
    before = note_count(data)
    request.getfixturevalue("tiny_disk")
    code, _out, err = run(capsys, "--data-dir", str(data), "note", "1", "x" * 200_000)
    assert code == 2
    assert err.strip() == f"soloservice: error: {FULL}"
    assert note_count(data) == before
