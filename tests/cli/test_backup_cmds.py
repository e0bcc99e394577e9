"""``backup``, ``backup list``, ``restore`` and the damaged-store refusals, through the CLI."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from soloservice.paths import database_path
from soloservice.services.registry import NOW_ENV
from tests.helpers.cli import run, run_json
from tests.services.test_backups import digest, flip_bytes, snapshot

MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data"
    run_json(capsys, "--data-dir", str(path), "demo", "--count", "40")
    return path


def backups(capsys: pytest.CaptureFixture[str], data_dir: Path) -> list[dict[str, object]]:
    result: list[dict[str, object]] = run_json(
        capsys, "--data-dir", str(data_dir), "backup", "list", "--json"
    )
    return result


def test_backup_and_restore_round_trip(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(data_dir)
    made = run_json(capsys, "--data-dir", str(data_dir), "backup")
    assert made["kind"] == "manual" and Path(made["file"]).parent == data_dir / "backups"
    outside = run_json(capsys, "--data-dir", str(data_dir), "backup", str(tmp_path / "b.db"))
    assert Path(outside["file"]).stat().st_size == outside["bytes"]
    assert run(capsys, "--data-dir", str(data_dir), "note", "1", "after the backup")[0] == 0
    assert snapshot(data_dir) != before
    restored = run_json(capsys, "--data-dir", str(data_dir), "restore", made["file"])
    assert restored["kept_as"] and "pre-restore" in restored["kept_as"]
    assert snapshot(data_dir) == before
    # the file written outside the data dir restores the same data too
    run_json(capsys, "--data-dir", str(data_dir), "restore", str(tmp_path / "b.db"))
    assert snapshot(data_dir) == before
    kinds = [b["kind"] for b in backups(capsys, data_dir)]
    assert kinds.count("pre-restore") == 2 and "manual" in kinds


def test_backup_list_as_a_table(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_json(capsys, "--data-dir", str(data_dir), "backup")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup", "list")
    assert code == 0
    assert out.splitlines()[0].split() == ["TAKEN", "KIND", "SIZE", "FILE"]
    assert "manual" in out


def test_a_write_command_takes_the_daily_backup_once_a_day(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for item in (data_dir / "backups").iterdir():  # the demo's own (a write) goes first
        item.unlink()
    monkeypatch.setenv(NOW_ENV, MONDAY.isoformat())
    run(capsys, "--data-dir", str(data_dir), "inbox", "--json")
    assert backups(capsys, data_dir) == []  # reading takes no backup
    assert run(capsys, "--data-dir", str(data_dir), "note", "1", "one")[0] == 0
    assert sorted(b["kind"] for b in backups(capsys, data_dir)) == ["daily", "weekly"]
    assert run(capsys, "--data-dir", str(data_dir), "note", "1", "two")[0] == 0
    assert len(backups(capsys, data_dir)) == 2  # same local day: nothing new
    monkeypatch.setenv(NOW_ENV, (MONDAY + timedelta(days=1)).isoformat())
    assert run(capsys, "--data-dir", str(data_dir), "note", "1", "three")[0] == 0
    assert sorted(b["kind"] for b in backups(capsys, data_dir)) == ["daily", "daily", "weekly"]


def test_a_damaged_store_refuses_writes_keeps_its_bytes_and_can_be_restored(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = run_json(capsys, "--data-dir", str(data_dir), "backup")
    before = snapshot(data_dir)
    listed_before = backups(capsys, data_dir)
    db = database_path(data_dir)
    flip_bytes(db)
    damaged = digest(db)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "note", "1", "must not land")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("soloservice: error: the database is damaged (quick_check: ")
    assert "run `soloservice restore` with a backup from `soloservice backup list`" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "sync")
    assert code == 2 and "damaged" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "backup")
    assert code == 2 and len(err.splitlines()) == 1
    listed = backups(capsys, data_dir)  # reading still works
    assert listed == listed_before  # no damaged copy among the good ones
    assert digest(db) == damaged  # never written to
    run_json(capsys, "--data-dir", str(data_dir), "restore", good["file"])
    assert snapshot(data_dir) == before
    assert run(capsys, "--data-dir", str(data_dir), "note", "1", "healed")[0] == 0


def test_restoring_a_non_database_is_refused_with_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "holiday.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = digest(database_path(data_dir))
    listed = backups(capsys, data_dir)
    for bad in (junk, tmp_path / "missing.sqlite3"):
        code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", str(bad))
        assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert digest(database_path(data_dir)) == before
    assert backups(capsys, data_dir) == listed


def test_restoring_a_store_from_a_newer_version_is_refused(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = Path(
        run_json(capsys, "--data-dir", str(data_dir), "backup", str(tmp_path / "n.db"))["file"]
    )
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00d'")
    conn.close()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(newer))
    assert code == 2 and "newer SoloService" in err


def test_backup_refuses_a_target_that_is_not_a_regular_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "backup", "/dev/full")
    assert code == 2 and "not a regular file" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "backup", str(database_path(data_dir)))
    assert code == 2 and "cannot replace the database" in err


def test_backup_list_json_is_valid_json_when_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path / "new"), "--create", "backup", "list", "--json"
    )
    assert code == 0 and json.loads(out) == []
