"""A founder's store from every earlier schema revision upgrades cleanly (issue 12).

The stores in tests/data/stores/ were made once by make_stores.py at revisions 0001-0007
and are committed as files: this test never builds them, so it checks what an old
version really left on disk. Each is opened through the composition root, as the app and
the CLI open it, and must come out at head with every row, a pre-migration backup, clean
integrity and foreign keys, a filled full-text index, and a working inbox/show/export.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from soloservice.domain.backups import BackupKind, BackupName
from soloservice.paths import database_path
from soloservice.services.registry import Services
from soloservice.storage.backup import backups_dir, schema_revision
from soloservice.storage.migrate import head_revision
from tests.helpers.cli import run, run_json

STORES = Path(__file__).resolve().parents[1] / "data" / "stores"
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
SEARCH_WORD = "krakelering"  # in message 1 of every store (make_stores.SEARCH_WORD)
#: the size of the second customer mail in the stores (make_stores.RAW_2)
RAW_2 = (
    "From: Kari Nordmann <kari@example.no>\r\nTo: hej@butik.dk\r\nSubject: Levering\r\n"
    "Message-ID: <old2@example.dk>\r\nDate: Mon, 09 Nov 2026 14:03:00 +0100\r\n"
    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\nHei! Når kommer pakken min? Hilsen Kari\r\n"
).encode()
#: tables the FTS index adds, and Alembic's own: not "rows of the founder's"
_NOT_DATA = ("alembic_version", "sqlite_", "inquiry_fts")


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [
            str(r[0])
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(r[0]).startswith(_NOT_DATA)
        ]
        return {n: int(conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]) for n in names}
    finally:
        conn.close()


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


@pytest.fixture(params=REVISIONS)
def old_store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    revision = str(request.param)
    source = STORES / f"store-{revision}.sqlite3"
    assert source.is_file(), f"missing {source}: run tests/data/stores/make_stores.py"
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copyfile(source, database_path(data))
    return revision, data


def test_the_kept_files_are_small_and_at_their_revision() -> None:
    for revision in REVISIONS:
        path = STORES / f"store-{revision}.sqlite3"
        assert path.stat().st_size < 200_000
        assert schema_revision(path) == revision


def test_an_old_store_upgrades_to_head_with_every_row(old_store: tuple[str, Path]) -> None:
    _revision, data = old_store
    db_path = database_path(data)
    before = counts(db_path)
    old_messages = query(db_path, "SELECT id, inquiry_id, direction, text FROM message ORDER BY id")
    old_customers = query(db_path, "SELECT id, name, language FROM customer ORDER BY id")
    old_inquiries = query(
        db_path, "SELECT id, customer_id, channel, status, subject FROM inquiry ORDER BY id"
    )
    old_raw = (
        query(db_path, "SELECT id, raw FROM mail_item ORDER BY id") if "mail_item" in before else []
    )

    services = Services.open(data)
    services.close()

    assert schema_revision(db_path) == head_revision()
    after = counts(db_path)
    for table, count in before.items():
        assert after[table] == count, f"{table}: {count} rows before, {after[table]} after"
    assert query(db_path, "SELECT id, inquiry_id, direction, text FROM message ORDER BY id") == (
        old_messages
    )
    assert query(db_path, "SELECT id, name, language FROM customer ORDER BY id") == old_customers
    assert (
        query(db_path, "SELECT id, customer_id, channel, status, subject FROM inquiry ORDER BY id")
        == old_inquiries
    )
    if old_raw:  # every raw source byte for byte, never blanked (issue 12, item 1)
        assert query(db_path, "SELECT id, raw FROM mail_item ORDER BY id") == old_raw
    assert query(db_path, "PRAGMA integrity_check") == [("ok",)]
    assert query(db_path, "PRAGMA foreign_key_check") == []
    # the full-text index (0006) holds every old inquiry, not only those written from now on
    assert query(db_path, "SELECT COUNT(*) FROM inquiry_fts") == [(after["inquiry"],)]
    assert query(
        db_path, f"SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH '{SEARCH_WORD}'"
    ) == [(1,)]
    # columns added later got their defaults
    assert {r[0] for r in query(db_path, "SELECT opted_out FROM customer")} <= {0, 1}
    assert query(db_path, "SELECT COUNT(*) FROM inquiry WHERE reopened_count IS NULL") == [(0,)]


def test_a_pre_migration_backup_of_the_old_store_is_kept(old_store: tuple[str, Path]) -> None:
    revision, data = old_store
    before = counts(database_path(data))
    Services.open(data).close()
    folder = backups_dir(database_path(data))
    backups = [p for p in folder.iterdir() if (n := BackupName.parse(p.name)) is not None
               and n.kind is BackupKind.PRE_MIGRATION]  # fmt: skip
    assert len(backups) == 1, sorted(p.name for p in folder.iterdir())
    (backup,) = backups
    assert schema_revision(backup) == revision
    assert counts(backup) == before
    assert query(backup, "PRAGMA integrity_check") == [("ok",)]


def test_inbox_show_export_and_search_work_on_an_upgraded_store(
    old_store: tuple[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    revision, data = old_store
    d = str(data)
    inbox = run_json(capsys, "--data-dir", d, "inbox", "--json")
    open_ids = {row["id"] for row in inbox}
    assert {2, 6, 7} <= open_ids  # the open ones, on email, Instagram, Facebook
    assert 1 not in open_ids and 5 not in open_ids  # resolved and closed

    shown = run_json(capsys, "--data-dir", d, "show", "1", "--json")
    assert shown["subject"] == "Knust vase"
    texts = [m["text"] for m in shown["messages"]]
    assert any(SEARCH_WORD in t for t in texts)
    assert len(shown["messages"]) == (3 if revision == "0001" else 4)

    target = tmp_path / "export.json"
    code, _out, err = run(capsys, "--data-dir", d, "export", str(target))
    assert code == 0, err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["schema"] == head_revision()
    db_counts = counts(database_path(data))
    for table in ("customer", "customer_identity", "inquiry", "message", "inquiry_event"):
        assert len(document["tables"][table]) == db_counts[table], table

    hits = run_json(capsys, "--data-dir", d, "search", SEARCH_WORD, "--json")
    assert [h["id"] for h in hits] == [1], "the full-text index was not filled for old data"
    who = run_json(capsys, "--data-dir", d, "search", "østergaard", "--json")
    assert [h["id"] for h in who] == [1]
    phone = run_json(capsys, "--data-dir", d, "search", "kari.nordmann", "--json")
    assert {h["id"] for h in phone} >= {2, 6}


def test_the_0004_store_keeps_both_copies_of_a_doubled_uid(tmp_path: Path) -> None:
    """Before 0005 two syncs could store one IMAP uid twice; the upgrade keeps both rows
    (bytes and all) and links the second to the first instead of failing or deleting."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copyfile(STORES / "store-0004.sqlite3", database_path(data))
    Services.open(data).close()
    db_path = database_path(data)
    rows = query(db_path, "SELECT id, uid, duplicate_of, length(raw) FROM mail_item ORDER BY id")
    by_id = {r[0]: r for r in rows}
    assert by_id[2][1:3] == (2, None) and by_id[6][1:3] == (None, 2)
    assert by_id[6][3] == by_id[2][3] == len(RAW_2)  # the second copy keeps its bytes
    assert by_id[5][2] == 1  # the blanked duplicate now points at its first copy
    assert query(db_path, "PRAGMA foreign_key_check") == []
