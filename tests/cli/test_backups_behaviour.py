"""Backups through the real CLI: the round trip, retention over two months of daily use, and
restore refusing every kind of bad file without touching the store."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.backups import BackupKind, BackupName
from soloservice.paths import database_path
from tests.helpers.cli import run, run_json

CPH = ZoneInfo("Europe/Copenhagen")
FIRST_DAY = datetime(2026, 9, 1, 10, 0, tzinfo=CPH)  # a Tuesday


def at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setenv("SOLOSERVICE_NOW", moment.isoformat())


@pytest.fixture
def store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    at(monkeypatch, FIRST_DAY)
    path = tmp_path / "data"
    run_json(capsys, "--data-dir", str(path), "demo", "--count", "6")
    return path


def notes_of(store: Path, inquiry: int = 1) -> list[str]:
    with sqlite3.connect(f"file:{database_path(store)}?mode=ro", uri=True) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT text FROM message WHERE inquiry_id = ? AND direction = 'note' ORDER BY id",
                (inquiry,),
            )
        ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backups(store: Path) -> list[BackupName]:
    return [n for n in map(BackupName.parse, os.listdir(store / "backups")) if n is not None]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- the round trip ------------------------------------------------------------------------------


def test_restore_gives_back_the_backup_and_keeps_what_it_replaced(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "before-note.sqlite3"
    code, _out, err = run(capsys, "--data-dir", str(store), "backup", str(target))
    assert code == 0, err
    assert mode(target) == 0o600
    assert run(capsys, "--data-dir", str(store), "note", "1", "efter backup")[0] == 0
    assert "efter backup" in notes_of(store)

    code, _out, err = run(capsys, "--data-dir", str(store), "restore", str(target))
    assert code == 0, err
    assert "efter backup" not in notes_of(store)
    kept = [n for n in backups(store) if n.kind is BackupKind.PRE_RESTORE]
    assert len(kept) == 1
    pre_restore = store / "backups" / kept[0].filename
    assert mode(pre_restore) == 0o600

    # ... and the pre-restore copy brings the note back: nothing is ever lost by a restore
    code, _out, err = run(capsys, "--data-dir", str(store), "restore", str(pre_restore))
    assert code == 0, err
    assert "efter backup" in notes_of(store)
    with sqlite3.connect(database_path(store)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_backup_into_the_folder_is_listed_as_manual(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--data-dir", str(store), "backup")[0] == 0
    listed = run_json(capsys, "--data-dir", str(store), "backup", "list", "--json")
    kinds = [item["kind"] for item in listed]
    assert "manual" in kinds
    assert all(mode(p) == 0o600 for p in (store / "backups").iterdir())
    assert mode(store / "backups") in (0o700, 0o755) and mode(store) == 0o700


@pytest.mark.parametrize(
    "name", ["soloservice.sqlite3", "soloservice.sqlite3-wal", "soloservice.sqlite3-shm"]
)
def test_a_backup_never_overwrites_the_live_store(
    store: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    before = notes_of(store)
    code, _out, err = run(capsys, "--data-dir", str(store), "backup", str(store / name))
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert notes_of(store) == before


# -- retention -----------------------------------------------------------------------------------


def test_two_months_of_daily_use_keep_seven_daily_and_four_weekly_backups_and_every_manual(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    manual = []
    for day in range(60):
        moment = FIRST_DAY + timedelta(days=day)
        at(monkeypatch, moment)
        code, _out, err = run(capsys, "--data-dir", str(store), "note", "1", f"dag {day}")
        assert code == 0, err
        if day in (3, 30):
            assert run(capsys, "--data-dir", str(store), "backup")[0] == 0
            manual.append(moment)
    last = FIRST_DAY + timedelta(days=59)
    names = backups(store)
    daily = sorted(n.taken_at.astimezone(CPH).date() for n in names if n.kind is BackupKind.DAILY)
    weekly = sorted(n.taken_at.astimezone(CPH) for n in names if n.kind is BackupKind.WEEKLY)
    assert daily == [(last - timedelta(days=d)).date() for d in range(6, -1, -1)]
    assert len(weekly) == 4
    iso_weeks = [w.isocalendar()[:2] for w in weekly]
    assert len(set(iso_weeks)) == 4
    assert iso_weeks[-1] == last.isocalendar()[:2]
    newest_weeks = sorted({(last - timedelta(weeks=k)).isocalendar()[:2] for k in range(4)})
    assert iso_weeks == newest_weeks
    kept_manual = [n for n in names if n.kind is BackupKind.MANUAL]
    assert len(kept_manual) == len(manual) == 2
    # the newest daily backup holds the day's note
    newest = max((n for n in names if n.kind is BackupKind.DAILY), key=lambda n: n.taken_at)
    with sqlite3.connect(store / "backups" / newest.filename) as conn:
        texts = {r[0] for r in conn.execute("SELECT text FROM message")}
    assert "dag 58" in texts


def test_a_read_only_command_takes_no_backup(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sorted(os.listdir(store / "backups"))
    at(monkeypatch, FIRST_DAY + timedelta(days=3))
    run_json(capsys, "--data-dir", str(store), "inbox", "--json")
    run_json(capsys, "--data-dir", str(store), "show", "--json", "1")
    assert sorted(os.listdir(store / "backups")) == before


# -- restore refuses bad files -------------------------------------------------------------------


def _truncated(store: Path, tmp: Path) -> Path:
    good = tmp / "good.sqlite3"
    with sqlite3.connect(database_path(store)) as conn:
        conn.execute(f"VACUUM INTO '{good}'")
    data = good.read_bytes()
    bad = tmp / "truncated.sqlite3"
    bad.write_bytes(data[: len(data) // 2])
    return bad


def _scribbled(store: Path, tmp: Path) -> Path:
    good = tmp / "good2.sqlite3"
    with sqlite3.connect(database_path(store)) as conn:
        conn.execute(f"VACUUM INTO '{good}'")
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 8), 97):  # past the header page
        data[offset] = (data[offset] + 0x5A) % 256
    bad = tmp / "scribbled.sqlite3"
    bad.write_bytes(bytes(data))
    return bad


def _not_ours(_store: Path, tmp: Path) -> Path:
    bad = tmp / "other.sqlite3"
    with sqlite3.connect(bad) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    return bad


def _newer(store: Path, tmp: Path) -> Path:
    bad = tmp / "newer.sqlite3"
    with sqlite3.connect(database_path(store)) as conn:
        conn.execute(f"VACUUM INTO '{bad}'")
    with sqlite3.connect(bad) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    return bad


def _text(_store: Path, tmp: Path) -> Path:
    bad = tmp / "notes.sqlite3"
    bad.write_text("this is not a database\n" * 100)
    return bad


def _empty(_store: Path, tmp: Path) -> Path:
    bad = tmp / "empty.sqlite3"
    bad.write_bytes(b"")
    return bad


def _folder(_store: Path, tmp: Path) -> Path:
    bad = tmp / "a-folder.sqlite3"
    bad.mkdir()
    return bad


def _missing(_store: Path, tmp: Path) -> Path:
    return tmp / "does-not-exist.sqlite3"


def _itself(store: Path, _tmp: Path) -> Path:
    return database_path(store)


@pytest.mark.parametrize(
    "make",
    [_truncated, _scribbled, _not_ours, _newer, _text, _empty, _folder, _missing, _itself],
    ids=lambda f: f.__name__.strip("_"),
)
def test_restore_refuses_a_bad_file_in_one_line_and_changes_nothing(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make
) -> None:  # type: ignore[no-untyped-def]
    bad = make(store, tmp_path)
    assert run(capsys, "--data-dir", str(store), "note", "1", "keep me")[0] == 0
    before_store = digest(database_path(store))
    before_backups = sorted(os.listdir(store / "backups"))
    code, out, err = run(capsys, "--data-dir", str(store), "restore", str(bad))
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert digest(database_path(store)) == before_store
    assert sorted(os.listdir(store / "backups")) == before_backups  # no pre-restore copy
    assert "keep me" in notes_of(store)


def test_a_backup_of_this_version_restores_and_answers(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plain case: a fresh backup restores, and the store works at once."""
    good = tmp_path / "good.sqlite3"
    assert run(capsys, "--data-dir", str(store), "backup", str(good))[0] == 0
    code, _out, err = run(capsys, "--data-dir", str(store), "restore", str(good))
    assert code == 0, err
    rows = run_json(capsys, "--data-dir", str(store), "inbox", "--json")
    assert rows  # the restored store answers like the original
