"""Issue 12 item 7: a private data dir, and exports that write only to regular files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from soloservice.paths import database_path
from soloservice.storage.files import atomic_write, secure_data_dir
from tests.helpers.cli import run, run_json


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data"
    run_json(capsys, "--data-dir", str(path), "demo", "--count", "20")
    return path


def test_a_new_store_is_private(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert mode(data_dir) == 0o700
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert database_path(data_dir) in files
    assert any(p.parent.name == "backups" for p in files)
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_an_old_store_readable_by_others_is_made_private(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = data_dir / "my-script.sh"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    os.chmod(data_dir, 0o755)
    for item in data_dir.rglob("*"):
        if item.is_file() and item != script:
            item.chmod(0o644)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "inbox", "--json")
    assert code == 0, err
    assert mode(data_dir) == 0o700
    assert mode(database_path(data_dir)) == 0o600
    assert mode(data_dir / "demo-data.txt") == 0o600
    assert all(mode(p) == 0o600 for p in (data_dir / "backups").iterdir())
    assert mode(script) == 0o755  # not ours: left alone


def test_sqlite_side_files_are_private_too(data_dir: Path) -> None:
    import sqlite3

    os.chmod(database_path(data_dir), 0o644)
    secure_data_dir(data_dir)
    connection = sqlite3.connect(database_path(data_dir))
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    connection.commit()
    try:
        for suffix in ("-wal", "-shm"):
            assert mode(Path(f"{database_path(data_dir)}{suffix}")) == 0o600
    finally:
        connection.close()


@pytest.mark.parametrize(
    "argv",
    [("export",), ("review", "--csv"), ("review", "--pdf"), ("backup",)],
)
def test_exports_refuse_a_target_that_is_not_a_regular_file(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
) -> None:
    """A FIFO stands in for /dev/full: a regression must not replace a real device node."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    fifo = tmp_path / "full"
    os.mkfifo(fifo)
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv, str(fifo))
    assert code == 2 and out == ""
    assert err.splitlines() == [f"soloservice: error: not a regular file: {fifo}"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_export_is_written_privately_without_leftovers(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "everything.json"
    run_json(capsys, "--data-dir", str(data_dir), "export", str(target))
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_atomic_write_keeps_the_old_file_when_the_write_fails(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    with pytest.raises(TypeError):
        atomic_write(target, 42)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]
    atomic_write(target, "new")
    assert target.read_text() == "new" and mode(target) == 0o600
