"""Private files even under a careless umask: the data dir 0700, every file the app writes
0600 (the store, backups, logs, settings, forgotten.json) and every export the founder asks
for 0600, wherever it goes."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.domain.settings import Settings
from soloservice.paths import settings_path
from soloservice.services.registry import Services
from tests.helpers.cli import run, run_json


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def careless_umask() -> Iterator[None]:
    old = os.umask(0o000)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str], careless_umask: None) -> Path:
    path = tmp_path / "data"
    code, _out, err = run(
        capsys, "--data-dir", str(path), "--create", "log-call", "--phone", "+4520123456",
        "--note", "hej", "--callback",
    )  # fmt: skip
    assert code == 0, err
    return path


def every_file_is_private(folder: Path) -> None:
    for item in folder.rglob("*"):
        expected = 0o700 if item.is_dir() else 0o600
        assert mode(item) == expected, f"{item.relative_to(folder)}: {oct(mode(item))}"


def test_a_new_store_is_private_under_umask_000(store: Path) -> None:
    assert mode(store) == 0o700
    every_file_is_private(store)


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (("export", "{out}"), "all.json"),
        (("backup", "{out}"), "copy.sqlite3"),
        (("review", "--csv", "{out}"), "review.csv"),
        (("customer", "export", "1", "{out}"), "customer.json"),
    ],
)
def test_every_export_is_written_0600(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    name: str,
) -> None:
    out = tmp_path / "out" / name
    out.parent.mkdir()
    args = [a.replace("{out}", str(out)) for a in argv]
    code, _stdout, err = run(capsys, "--data-dir", str(store), *args)
    assert code == 0, err
    assert mode(out) == 0o600
    assert [p.name for p in out.parent.iterdir()] == [name]  # no temporary file left behind


def test_an_export_over_an_existing_readable_file_makes_it_private(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    out.write_text("old")
    out.chmod(0o644)
    run_json(capsys, "--data-dir", str(store), "export", str(out))
    assert mode(out) == 0o600 and out.read_text() != "old"


def test_backups_logs_and_settings_stay_private_after_more_work(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--data-dir", str(store), "backup")[0] == 0
    assert run(capsys, "--data-dir", str(store), "note", "1", "mere")[0] == 0
    services = Services.open(store)
    try:
        services.settings.save(dataclasses.replace(Settings(), founder_name="Hanne"))
    finally:
        services.close()
    assert mode(settings_path(store)) == 0o600
    code, _out, err = run(capsys, "--data-dir", str(store), "customer", "forget", "1", "--yes")
    assert code == 0, err
    assert (store / "forgotten.json").exists()
    every_file_is_private(store)
    assert mode(store) == 0o700
