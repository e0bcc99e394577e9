"""Hostile values on the command line that are not ids: weeks at the calendar's ends, huge
month counts, search syntax, durations, far-away snooze times. Each is either done or refused
in one line (exit 2); never a traceback, never a runaway."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from soloservice.cli import main
from tests.helpers.cli import run, run_json


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import contextlib
    import io

    path = tmp_path_factory.mktemp("hostile") / "data"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["--data-dir", str(path), "demo", "--count", "12"]) == 0
    return path


def done_or_one_line(
    capsys: pytest.CaptureFixture[str], store: Path, *argv: str
) -> tuple[int, str, str]:
    try:
        code, out, err = run(capsys, "--data-dir", str(store), *argv)
    except SystemExit as exc:  # argparse's own refusal
        code = exc.code  # type: ignore[assignment]
        out, err = capsys.readouterr()
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert len([line for line in err.splitlines() if "error:" in line]) == 1, err
    return code, out, err


# -- weeks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "week", ["2026-W00", "2026-W54", "2025-W53", "2026-W1x", "26-W01", "10000-W01", "", "W01"]
)
def test_a_week_that_does_not_exist_is_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    code, _out, _err = done_or_one_line(capsys, store, "review", "--json", "--week", week)
    assert code == 2


@pytest.mark.parametrize("week", ["2026-W53", "2020-W53", "9999-W01", "1970-W01", "2026-W01"])
def test_every_real_week_has_a_review(
    store: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    code, out, _err = done_or_one_line(capsys, store, "review", "--json", "--week", week)
    assert code == 0 and f'"week": "{week}"' in out  # 2026 and 2020 have 53 ISO weeks


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "0001-W02"])
def test_a_week_at_the_calendars_end_is_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    try:
        done_or_one_line(capsys, store, "review", "--json", "--week", week)
    except OverflowError:
        pytest.fail("OverflowError escaped")


# -- pulse report months ---------------------------------------------------------------------------


def _limited() -> None:
    """The child may use 1.5 GB of address space: a runaway fails fast, not the machine."""
    limit = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def cli_process(store: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOLOSERVICE_DATA_DIR": str(store), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "soloservice", *argv],
        capture_output=True, text=True, env=env, timeout=60, check=False,
        preexec_fn=_limited,
    )  # fmt: skip


def test_the_memory_limited_process_itself_works(store: Path) -> None:
    """The control for the next test: the limit alone breaks nothing."""
    done = cli_process(store, "pulse", "report", "--months", "24", "--json")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("months", ["0", "-1"])
def test_a_report_of_no_months_is_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], months: str
) -> None:
    code, _out, _err = done_or_one_line(capsys, store, "pulse", "report", "--months", months)
    assert code == 2


def test_a_huge_month_count_is_refused_not_run(store: Path) -> None:
    done = cli_process(store, "pulse", "report", "--months", "1000000000", "--json")
    assert done.returncode == 2, done.stderr[-300:]
    assert "Traceback" not in done.stderr


# -- search, durations, snooze times -------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ['"', "NEAR(", "*", "a OR", "-", "^", "a AND AND", '""', "'", "(", ")", "col:x",
     "#99999999999999999999999", "#-1", "+45 20 12 34 56", "a" * 10_000, "\x00", "æøå*", "🙂"],
)  # fmt: skip
def test_any_search_text_is_answered_or_refused_in_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, _err = done_or_one_line(capsys, store, "search", query, "--json")
    if code == 0:
        assert out.strip().startswith("[")


def test_search_finds_a_case_by_its_number(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run_json(capsys, "--data-dir", str(store), "inbox", "--json")[0]["id"]
    hits = run_json(capsys, "--data-dir", str(store), "search", f"#{first}", "--json")
    assert hits and hits[0]["id"] == first


@pytest.mark.parametrize("minutes", ["1e400", "nan", "inf", "721", "1e18", "-1", "abc"])
def test_an_impossible_call_duration_is_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], minutes: str
) -> None:
    code, _out, _err = done_or_one_line(
        capsys, store, "log-call", "--phone", "+4520123456", "--note", "x", "--duration", minutes
    )
    assert code == 2


@pytest.mark.parametrize("until", ["9999-12-31T23:59", "0001-01-01T00:30", "2026-02-30T10:00"])
def test_a_snooze_time_at_the_calendars_ends_is_done_or_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], until: str
) -> None:
    case = str(run_json(capsys, "--data-dir", str(store), "inbox", "--json")[0]["id"])
    done_or_one_line(capsys, store, "snooze", case, "--until", until)
    done_or_one_line(capsys, store, "inbox", "--json")
    done_or_one_line(capsys, store, "show", "--json", case)
    done_or_one_line(capsys, store, "snooze", case, "--clear")
