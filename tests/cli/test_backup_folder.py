"""A file standing where ``<data dir>/backups`` should be (a sync tool's conflict copy):
``backup list`` says so in one line, the automatic backup neither crashes nor writes, and a
restore refuses before it replaces anything, because the current store could not be kept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.paths import database_path
from soloservice.services.backups import BackupFolderError
from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.cli import run, run_json
from tests.services.test_backups import snapshot

MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
WORDS = "is a file, not a folder: move it away so backups can be kept"


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data"
    run_json(capsys, "--data-dir", str(path), "demo", "--count", "5")
    return path


@pytest.fixture
def blocked(data_dir: Path) -> Path:
    """The backups folder replaced by a regular file."""
    folder = data_dir / "backups"
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    folder.write_text("not a folder", encoding="utf-8")
    return folder


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_backup_list_says_why_in_one_line(
    data_dir: Path, blocked: Path, capsys: pytest.CaptureFixture[str], json_flag: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup", "list", *json_flag)
    assert code == 2 and out == ""
    assert err == f"soloservice: error: {blocked} {WORDS}\n"


def test_a_manual_backup_says_why_in_one_line(
    data_dir: Path, blocked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "backup")
    assert code == 2 and err == f"soloservice: error: {blocked} {WORDS}\n"
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_write_command_still_works_and_warns_that_no_backup_was_taken(
    data_dir: Path,
    blocked: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(NOW_ENV, MONDAY.isoformat())
    code, _, err = run(capsys, "--data-dir", str(data_dir), "note", "1", "one")
    assert code == 0
    assert err == f"soloservice: warning: the daily backup failed: {blocked} {WORDS}\n"
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_the_automatic_backup_and_the_listing_do_not_crash(data_dir: Path, blocked: Path) -> None:
    services = Services.open(data_dir)
    try:
        assert services.backups.daily_if_due() == []
        assert services.backups.available() == []
        assert services.backups.prune() == []
        assert services.backups.newest_good() is None
        problem = services.backups.folder_problem
        assert isinstance(problem, BackupFolderError) and problem.directory == blocked
        with pytest.raises(BackupFolderError):
            services.backups.check_folder()
    finally:
        services.close()
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_restore_refuses_before_it_replaces_anything(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "copy.db"
    run_json(capsys, "--data-dir", str(data_dir), "backup", str(outside))
    assert run(capsys, "--data-dir", str(data_dir), "note", "1", "after the copy")[0] == 0
    folder = data_dir / "backups"
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    folder.write_text("not a folder", encoding="utf-8")
    before = snapshot(data_dir)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(outside))
    assert code == 2 and err == f"soloservice: error: {folder} {WORDS}\n"
    assert snapshot(data_dir) == before
    assert database_path(data_dir).exists()
