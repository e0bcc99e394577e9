"""Where an export may be written: never over the store or its settings.

``backup FILE`` already refuses the live database (a backup cannot replace what it backs
up); every other command that writes a file the founder names must refuse the app's own
files in the same way, or one mistyped path destroys the store with exit status 0.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from soloservice.paths import database_path, settings_path
from tests.helpers.cli import run, run_json

WRITERS = [
    ("export", "{target}"),
    ("customer", "export", "1", "{target}"),
    ("review", "--csv", "{target}", "--week", "2026-W48"),
]


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data"
    run_json(capsys, "--data-dir", str(path), "demo", "--count", "6")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_still_opens(capsys: pytest.CaptureFixture[str], store: Path) -> None:
    rows = run_json(capsys, "--data-dir", str(store), "inbox", "--json")
    assert rows
    with sqlite3.connect(database_path(store)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def attempt(
    capsys: pytest.CaptureFixture[str], store: Path, argv: tuple[str, ...], target: Path
) -> tuple[int, str]:
    args = [a.replace("{target}", str(target)) for a in argv]
    code, _out, err = run(capsys, "--data-dir", str(store), *args)
    return code, err


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
def test_no_export_overwrites_the_live_database(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, err = attempt(capsys, store, argv, database_path(store))
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    store_still_opens(capsys, store)


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
def test_no_export_overwrites_the_settings(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    run(capsys, "--data-dir", str(store), "note", "1", "make sure settings exist")
    settings_path(store).write_text('{"version": 1, "founder_name": "Hanne"}')
    before = digest(settings_path(store))
    code, err = attempt(capsys, store, argv, settings_path(store))
    assert code == 2, err
    assert digest(settings_path(store)) == before
    store_still_opens(capsys, store)


@pytest.mark.parametrize(
    "name", ["soloservice.sqlite3", "soloservice.sqlite3-wal", "soloservice.sqlite3-shm"]
)
def test_backup_refuses_the_store_and_its_side_files(
    store: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    before = digest(database_path(store))
    code, err = attempt(capsys, store, ("backup", "{target}"), store / name)
    assert code == 2 and "cannot replace" in err
    assert digest(database_path(store)) == before
    store_still_opens(capsys, store)


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
def test_an_export_into_a_folder_that_does_not_exist_is_one_line(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, err = attempt(capsys, store, argv, tmp_path / "no" / "such" / "folder" / "x.out")
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    store_still_opens(capsys, store)


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
def test_an_export_onto_a_folder_is_one_line_and_the_folder_is_untouched(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    code, err = attempt(capsys, store, argv, folder)
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
