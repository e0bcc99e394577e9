"""The data dir's own files are never an export target; figures stay within their bounds.

Companions to the ``*_behaviour.py`` tests whose strict xfails these fixes turned green:
the same guard for every file of the data dir (not only the store and settings.json), the
one check ``backup FILE`` and the exports share (``storage.files.data_dir_file``), and the
bounds that keep a lifetime value finite and a report or a date from running away.
"""

from __future__ import annotations

import json
import math
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.followup import FollowupSettings, rest_period_ends, schedule_check
from soloservice.domain.promise import BusinessCalendar
from soloservice.domain.value import MAX_LIFETIME_VALUE, ValueDefaults, lifetime_value
from soloservice.paths import database_path
from soloservice.storage.files import data_dir_file
from tests.helpers.cli import run, run_json

OWN_FILES = [
    "soloservice.sqlite3-wal",
    "soloservice.sqlite3-shm",
    "secrets.json",
    "drafts.json",
    "ui.ini",
    "forgotten.json",
    "backups/soloservice-manual-x.sqlite3",
    "logs/soloservice.log",
]
WRITERS = [
    ("export", "{target}"),
    ("customer", "export", "1", "{target}"),
    ("review", "--csv", "{target}", "--week", "2026-W48"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import contextlib
    import io

    from soloservice.cli import main

    path = tmp_path_factory.mktemp("guard") / "data"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["--data-dir", str(path), "demo", "--count", "4"]) == 0
    return path


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("name", OWN_FILES)
def test_no_export_writes_over_any_file_of_the_data_dir(
    store: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], name: str
) -> None:
    target = store / name
    target.parent.mkdir(exist_ok=True)
    existed = target.exists()
    before = target.read_bytes() if existed else b""
    args = [a.replace("{target}", str(target)) for a in argv]
    code, _out, err = run(capsys, "--data-dir", str(store), *args)
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "cannot write over" in err and str(target) in err
    assert target.exists() == existed
    # the CLI itself appends its "command failed" line to the log: kept, not replaced
    assert not existed or target.read_bytes().startswith(before)


def test_a_relative_or_symlinked_path_to_the_store_is_caught(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "innocent.json"
    link.symlink_to(database_path(store))
    inside = store / "exports-here"
    inside.mkdir(exist_ok=True)
    monkeypatch.chdir(inside)
    for target in (str(link), "../soloservice.sqlite3", f"{inside}/../settings.json"):
        code, _out, err = run(capsys, "--data-dir", str(store), "export", target)
        assert code == 2 and "cannot write over the " in err, err
    with sqlite3.connect(database_path(store)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_export_beside_the_store_with_its_own_name_is_written(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = store / "my-export.json"
    code, _out, err = run(capsys, "--data-dir", str(store), "export", str(target))
    assert code == 0, err
    assert json.loads(target.read_text(encoding="utf-8"))
    target.unlink()


def test_data_dir_file_names_what_it_protects(tmp_path: Path) -> None:
    home = tmp_path / "data"
    home.mkdir()
    assert data_dir_file(home / "soloservice.sqlite3-journal", home) == "the database"
    assert data_dir_file(home / "settings.json", home) == "the data directory's settings.json"
    assert (
        data_dir_file(home / "backups" / "a" / "b", home) == "the data directory's backups folder"
    )
    assert data_dir_file(home, home) == "the data directory"
    assert data_dir_file(home / "report.csv", home) is None
    assert data_dir_file(tmp_path / "settings.json", home) is None


def test_a_backup_to_the_settings_file_is_refused_too(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--data-dir", str(store), "backup", str(store / "settings.json"))
    assert code == 2 and "cannot replace the data directory's settings.json" in err


# -- bounds -------------------------------------------------------------------------------------


@pytest.mark.parametrize("months", ["120", "121"])
def test_a_pulse_report_covers_at_most_ten_years(
    store: Path, capsys: pytest.CaptureFixture[str], months: str
) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(store), "pulse", "report", "--months", months, "--json"
    )
    if months == "120":
        assert code == 0 and len(json.loads(out)["months"]) == 120
    else:
        assert code == 2 and "--months must be at most 120" in err


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('{"followup_delay_days": 366}', "followup_delay_days"),
        ('{"rest_period_days": 3651}', "rest_period_days"),
        ('{"default_annual_value": 1e13}', "default_annual_value"),
        ('{"default_expected_years": 101}', "default_expected_years"),
        ('{"version": 1.5}', "version"),
        ('{"version": 0}', "versions start at 1"),
    ],
)
def test_a_figure_past_its_maximum_is_named_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, named: str
) -> None:
    data = tmp_path / "data"
    run_json(capsys, "--data-dir", str(data), "--create", "inbox", "--json")
    (data / "settings.json").write_text(text, encoding="utf-8")
    code, _out, err = run(capsys, "--data-dir", str(data), "inbox", "--json")
    assert code == 2 and len(err.strip().splitlines()) == 1 and named in err, err


def test_the_largest_allowed_figures_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    run_json(capsys, "--data-dir", str(data), "--create", "inbox", "--json")
    (data / "settings.json").write_text(
        json.dumps(
            {"version": "1", "followup_delay_days": 365, "rest_period_days": 3650,
             "default_annual_value": 1e12, "default_expected_years": 100}
        ),
        encoding="utf-8",
    )  # fmt: skip
    code, _out, err = run(
        capsys, "--data-dir", str(data), "log-call", "--phone", "+4520123456", "--note", "x"
    )
    assert code == 0, err
    rows = run_json(capsys, "--data-dir", str(data), "inbox", "--json", "--view", "resolved")
    assert rows[0]["lifetime_value"] == 1e14


def test_an_old_stores_huge_figures_print_finite_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Figures stored before the bounds (or by an import) are held to them when shown."""
    data = tmp_path / "data"
    run_json(capsys, "--data-dir", str(data), "demo", "--count", "3")
    with sqlite3.connect(database_path(data)) as conn:
        conn.execute("UPDATE customer SET annual_value = 1e308, expected_years = 1e308")
    for argv in (("inbox", "--json"), ("customer", "show", "1")):
        code, out, err = run(capsys, "--data-dir", str(data), *argv)
        assert code == 0, err
        parsed = json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in the output"))
        assert "Infinity" not in out and parsed


def test_a_customer_edit_past_the_maximum_is_refused(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "--data-dir", str(store), "customer", "edit", "1", "--years", "101"
    )
    assert code == 2 and "expected years cannot be more than 100" in err


figures = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))


@given(figures, figures, st.floats(0, 1e12), st.floats(0.001, 100))
def test_a_lifetime_value_is_always_finite_and_bounded(
    annual: float | None, years: float | None, default_annual: float, default_years: float
) -> None:
    value = lifetime_value(annual, years, ValueDefaults(default_annual, default_years))
    assert math.isfinite(value) and 0 <= value <= MAX_LIFETIME_VALUE


def test_date_arithmetic_at_the_calendars_end_is_safe() -> None:
    late = datetime(9999, 12, 1, tzinfo=UTC)
    assert rest_period_ends(late, FollowupSettings(rest_period_days=3650)).year == 9999
    with pytest.raises(ValueError, match="past the calendar"):
        schedule_check(late, BusinessCalendar(), FollowupSettings(delay_days=365))


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "0001-W02"])
def test_a_week_at_the_calendars_limits_is_refused_by_name(
    store: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    for output in (("--json",), ("--csv", str(store.parent / "week.csv"))):
        code, _out, err = run(capsys, "--data-dir", str(store), "review", *output, "--week", week)
        assert code == 2 and f"week {week} is too close to the calendar's limits" in err, err
