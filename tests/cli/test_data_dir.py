"""A data directory that is not there is refused, not silently started (issue 11, item 9).

Run as a real subprocess: what matters under cron is the exit status, stderr and whether a
stray store appeared.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from soloservice.paths import ENV_VAR, database_path


def soloservice(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "soloservice", *argv],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=120,
        check=False,
    )


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    return line


@pytest.mark.parametrize("argv", [["inbox"], ["sync"], ["review", "--json"]])
def test_a_missing_data_dir_is_refused_and_nothing_is_created(
    tmp_path: Path, argv: list[str]
) -> None:
    missing = tmp_path / "typo"
    line = _one_error_line(soloservice("--data-dir", str(missing), *argv))
    assert line == (
        f"soloservice: error: data directory {missing} (--data-dir) does not exist; "
        "pass --create to start a new store there"
    )
    assert not missing.exists()


def test_a_missing_env_data_dir_is_refused_too(tmp_path: Path) -> None:
    missing = tmp_path / "cron-typo"
    env = {**os.environ, ENV_VAR: str(missing)}
    line = _one_error_line(soloservice("inbox", "--json", env=env))
    assert f"{missing} ({ENV_VAR}) does not exist" in line
    assert not missing.exists()


def test_a_file_is_not_a_data_dir(tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    line = _one_error_line(soloservice("--data-dir", str(afile), "inbox"))
    assert "is not a directory" in line


@pytest.mark.parametrize("where", ["global", "after the command"])
def test_create_starts_a_new_store(tmp_path: Path, where: str) -> None:
    new = tmp_path / "new"
    argv = (
        ["--create", "--data-dir", str(new), "inbox", "--json"]
        if where == "global"
        else ["--data-dir", str(new), "inbox", "--json", "--create"]
    )
    result = soloservice(*argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert database_path(new).is_file()


def test_demo_may_start_a_new_store(tmp_path: Path) -> None:
    new = tmp_path / "demo"
    result = soloservice("--data-dir", str(new), "demo", "--count", "20")
    assert result.returncode == 0, result.stderr
    assert database_path(new).is_file()


def test_an_existing_empty_directory_is_fine(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = soloservice("--data-dir", str(empty), "inbox", "--json")
    assert result.returncode == 0, result.stderr


def test_the_default_platform_dir_is_created_on_a_first_run(tmp_path: Path) -> None:
    """No option and no variable: a first ``inbox`` (or ``account add``) must just work."""
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    env["HOME"] = str(tmp_path / "home")
    result = soloservice("inbox", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert database_path(tmp_path / "xdg" / "SoloService").is_file()
