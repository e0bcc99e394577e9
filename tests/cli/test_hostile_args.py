"""Hostile command lines and files through the CLI: one line, exit 2, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from soloservice.cli import main
from soloservice.cli.common import MAX_ID
from tests.helpers.cli import run, run_json

HUGE = str(2**63)
HUGER = str(10**30)


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data"
    run_json(capsys, "--data-dir", str(path), "demo", "--count", "20")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ("show", HUGE),
        ("set-status", HUGE, "open"),
        ("note", HUGER, "hello"),
        ("snooze", HUGE, "--until", "2030-01-01"),
        ("customer", "show", HUGE),
        ("customer", "edit", HUGE, "--name", "x"),
        ("customer", "merge", "1", HUGE),
        ("promise", HUGE),
        ("remedy", "add", HUGE, "refund"),
        ("followups", "record", HUGE, "--satisfied", "yes"),
        ("reply", HUGE, "--text", "hej"),
        ("set-kind", HUGE, "complaint"),
    ],
)
def test_ids_past_sqlite_integer_are_refused_in_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    try:
        code = main(["--data-dir", str(store), *argv])
    except SystemExit as exc:  # argparse refuses the argument itself
        code = exc.code  # type: ignore[assignment]
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and "OverflowError" not in err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1 and "not an id" in errors[0], err


def test_the_largest_id_is_a_clean_not_found(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--data-dir", str(store), "show", str(MAX_ID))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "Overflow" not in err


def test_huge_id_in_a_real_process(store: Path) -> None:
    env = {**os.environ, "SOLOSERVICE_DATA_DIR": str(store), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "show", HUGE],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "not an id" in errors[0]


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e400"])
def test_non_finite_annual_value_is_refused_and_settings_stay_valid_json(
    store: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, _out, err = run(
        capsys, "--data-dir", str(store), "customer", "edit", "1", f"--annual-value={value}"
    )
    assert code == 2
    assert "finite" in err and len(err.strip().splitlines()) == 1
    card = run_json(capsys, "--data-dir", str(store), "customer", "show", "1")
    json.dumps(card, allow_nan=False)  # still valid JSON


def test_a_100000_deep_facebook_json_is_refused_without_traceback(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fb" / "messages" / "inbox" / "deep_1"
    folder.mkdir(parents=True)
    (folder / "message_1.json").write_text("[" * 100_000 + "]" * 100_000)
    code, _out, err = run(
        capsys, "--data-dir", str(store), "import", "facebook", str(tmp_path / "fb")
    )
    assert code == 2
    assert "nested too deeply to be a Facebook" in err
    assert "Recursion" not in err and len(err.strip().splitlines()) == 1


def test_a_moderately_deep_json_is_refused_too(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fb" / "messages" / "inbox" / "deep_1"
    folder.mkdir(parents=True)
    (folder / "message_1.json").write_text('{"messages": ' + "[" * 500 + "]" * 500 + "}")
    code, _out, err = run(
        capsys, "--data-dir", str(store), "import", "facebook", str(tmp_path / "fb")
    )
    assert code == 2 and "nested too deeply" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("remedy", "add", "1", "--kind", "refund_partial", "--cost", "inf"), "finite"),
        (("snooze", "1", "--for", "99999999999999999999w"), "more than ten years"),
    ],
)
def test_huge_and_infinite_figures_are_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, _out, err = run(capsys, "--data-dir", str(store), *argv)
    assert code == 2, err
    assert message in err and len(err.strip().splitlines()) == 1
