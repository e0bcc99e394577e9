"""CLI: the reply promise views and counts, acknowledging an overdue or answered case, snooze.

Every command runs the composed app in-process; ``SOLOSERVICE_NOW`` pins the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.cli.common import CliError
from soloservice.cli.snooze_cmds import parse_span
from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.cli import run, run_json

CPH = ZoneInfo("Europe/Copenhagen")
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=CPH)


class Cli:
    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch):
        self.data, self.capsys, self.mp = data, capsys, mp
        self.at(TUESDAY_10)

    def at(self, moment: datetime) -> Cli:
        self.mp.setenv(NOW_ENV, moment.isoformat())
        return self

    def json(self, *argv: str) -> object:
        return run_json(self.capsys, "--data-dir", str(self.data), *argv)

    def run(self, *argv: str) -> tuple[int, str, str]:
        return run(self.capsys, "--data-dir", str(self.data), *argv)

    def ids(self, *flags: str) -> list[int]:
        rows = self.json("inbox", "--json", *flags)
        assert isinstance(rows, list)
        return [int(r["id"]) for r in rows]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "d", capsys, monkeypatch)


def call_back_owed(cli: Cli, phone: str = "+45 20 12 34 56") -> int:
    """Tuesday 10:00: a call-back owed by the phone promise (4 h) -> due 14:00 today."""
    detail = cli.json(
        "--create", "log-call", "--phone", phone, "--name", "Mette Hansen",
        "--note", "Vasen kom i stykker", "--complaint", "--callback",
    )  # fmt: skip
    assert isinstance(detail, dict)
    return int(detail["id"])


def test_needs_reply_due_today_overdue_and_counts_agree(cli: Cli) -> None:
    case = call_back_owed(cli)
    solved = cli.json("log-call", "--phone", "+45 20 12 34 99", "--note", "Åbningstider")
    assert isinstance(solved, dict)
    assert cli.ids("--needs-reply") == [case]
    assert cli.ids("--due-today") == [case]
    assert cli.ids("--overdue") == []
    assert cli.ids("--view", "needs_reply") == [case]
    counts = cli.json("counts", "--json")
    assert isinstance(counts, dict)
    assert (counts["needs_reply"], counts["due_today"], counts["overdue"]) == (1, 1, 0)
    assert counts["resolved"] == 1 and counts["channels"]["phone"] == 1
    rows = cli.json("inbox", "--json")
    assert isinstance(rows, list)
    assert {r["id"]: r["needs_reply"] for r in rows} == {case: True}
    code, out, err = cli.run("counts")
    assert code == 0, err
    assert "needs_reply  1" in out and "overdue      0" in out

    cli.at(TUESDAY_10 + timedelta(hours=5))
    assert cli.ids("--overdue") == [case]
    assert cli.ids("--due-today") == []
    assert cli.json("show", str(case), "--json")["overdue"] is True  # type: ignore[index]

    services = Services.open(cli.data)
    try:
        services.inquiries.record_reply(case, "Ringede tilbage")
    finally:
        services.close()
    assert cli.ids("--overdue") == [] and cli.ids("--needs-reply") == []
    counts = cli.json("counts", "--json")
    assert isinstance(counts, dict)
    assert (counts["needs_reply"], counts["overdue"], counts["waiting"]) == (0, 0, 1)


def test_inbox_view_flags_exclude_each_other(cli: Cli) -> None:
    call_back_owed(cli)
    with pytest.raises(SystemExit) as exited:  # argparse's usage error
        cli.run("inbox", "--overdue", "--due-today")
    assert exited.value.code == 2
    assert "not allowed with" in cli.capsys.readouterr().err


def test_acknowledging_an_overdue_case_promises_a_fresh_time(cli: Cli) -> None:
    case = call_back_owed(cli)
    on_time = cli.json("acknowledge", str(case))
    assert isinstance(on_time, dict)
    assert on_time["fresh_promise"] is False
    assert "14.00" in on_time["body"]
    # Tuesday 15:00, an hour past the promise: the text never states 14:00 again.
    cli.at(TUESDAY_10 + timedelta(hours=5))
    late = cli.json("acknowledge", str(case))
    assert isinstance(late, dict)
    assert late["fresh_promise"] is True
    assert "14.00" not in late["body"] and "onsdag" in late["body"]
    # four business hours from 15:00: 15-17 today, 9-11 tomorrow
    assert datetime.fromisoformat(late["due_at"]) == datetime(2026, 11, 25, 11, 0, tzinfo=CPH)
    recorded = cli.json("acknowledge", str(case), "--record")
    assert isinstance(recorded, dict) and recorded["recorded"] is True
    shown = cli.json("show", str(case), "--json")
    assert isinstance(shown, dict)
    # acknowledging is not replying: the broken promise stays broken and visible
    assert shown["overdue"] is True and shown["needs_reply_since"] is not None


def test_acknowledging_an_answered_case_is_refused_in_one_line(cli: Cli) -> None:
    solved = cli.json(
        "--create", "log-call", "--phone", "+45 20 12 34 99", "--note", "Åbningstider"
    )
    assert isinstance(solved, dict)
    code, out, err = cli.run("acknowledge", str(solved["id"]))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "resolved" in err
    case = call_back_owed(cli, "+45 20 12 34 57")
    services = Services.open(cli.data)
    try:
        services.inquiries.record_reply(case, "Ringede tilbage")
        services.inquiries.set_status(case, "open")
    finally:
        services.close()
    code, out, err = cli.run("acknowledge", str(case), "--record")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "answered" in err and "Traceback" not in err


def test_snooze_for_until_and_clear(cli: Cli) -> None:
    case = call_back_owed(cli)
    snoozed = cli.json("snooze", str(case), "--for", "2h")
    assert isinstance(snoozed, dict)
    assert datetime.fromisoformat(snoozed["snoozed_until"]) == TUESDAY_10 + timedelta(hours=2)
    assert cli.ids() == [] and cli.ids("--view", "snoozed") == [case]
    assert cli.json("counts", "--json")["needs_reply"] == 0  # type: ignore[index]
    tomorrow = cli.json("snooze", str(case), "--for", "tomorrow")
    assert isinstance(tomorrow, dict)
    assert datetime.fromisoformat(tomorrow["snoozed_until"]) == datetime(
        2026, 11, 25, 9, 0, tzinfo=CPH
    )
    until = cli.json("snooze", str(case), "--until", "2026-11-26T13:30")
    assert isinstance(until, dict)
    assert datetime.fromisoformat(until["snoozed_until"]) == datetime(
        2026, 11, 26, 13, 30, tzinfo=CPH
    )
    woken = cli.json("snooze", str(case), "--clear")
    assert isinstance(woken, dict) and woken["snoozed_until"] is None
    assert cli.ids("--needs-reply") == [case]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--for", "soon"), "cannot read --for"),
        (("--for", "0h"), "longer than nothing"),
        (("--until", "next tuesday"), "cannot read --until"),
        (("--until", "2026-11-24T09:00"), "in the future"),
    ],
)
def test_snooze_refuses_bad_times_in_one_line(
    cli: Cli, argv: tuple[str, ...], message: str
) -> None:
    case = call_back_owed(cli)
    code, _out, err = cli.run("snooze", str(case), *argv)
    assert code == 2 and message in err
    assert len(err.strip().splitlines()) == 1


@given(st.integers(min_value=1, max_value=10_000), st.sampled_from(["m", "h", "d", "w", "H"]))
def test_snooze_spans_read_every_unit(amount: int, unit: str) -> None:
    seconds = {"m": 60, "h": 3600, "d": 86_400, "w": 604_800}[unit.lower()]
    if amount * seconds > 10 * 366 * 86_400:  # past ten years: refused, never an overflow
        with pytest.raises(CliError, match="more than ten years"):
            parse_span(f"{amount}{unit}")
        return
    assert parse_span(f"{amount}{unit}") == timedelta(seconds=amount * seconds)
    assert parse_span(f" {amount} {unit} ") == timedelta(seconds=amount * seconds)


@given(st.text(max_size=12))
def test_snooze_spans_refuse_anything_else_with_a_cli_error(text: str) -> None:
    try:
        span = parse_span(text)
    except CliError:
        return
    assert span > timedelta(0)
