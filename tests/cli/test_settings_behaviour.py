"""settings.json edited by hand: every bad value stops the CLI with one line naming the field
(exit 2, no traceback), a good file round-trips, and the settings service never writes a
file that would not load again.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soloservice.cli import main
from soloservice.domain.settings import Settings
from soloservice.domain.types import Language
from soloservice.paths import settings_path
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services
from soloservice.storage.settings_store import load_settings, save_settings
from tests.helpers.cli import run, run_json
from tests.properties.conftest import PROPERTIES


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data"
    run_json(capsys, "--data-dir", str(path), "--create", "inbox", "--json")
    return path


def write_raw(store: Path, text: str) -> None:
    settings_path(store).write_text(text, encoding="utf-8")


def one_line_error(capsys: pytest.CaptureFixture[str], store: Path) -> str:
    code, out, err = run(capsys, "--data-dir", str(store), "inbox", "--json")
    assert code == 2, (out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("soloservice: error:")
    return lines[0]


BAD_FILES: list[tuple[str, str]] = [
    ('{"timezone": "Mars/Olympus_Mons"}', "timezone"),
    ('{"timezone": ""}', "timezone"),
    ('{"timezone": "../../etc/passwd"}', "timezone"),
    ('{"default_annual_value": Infinity}', "default_annual_value"),
    ('{"default_annual_value": -Infinity}', "default_annual_value"),
    ('{"default_annual_value": NaN}', "default_annual_value"),
    ('{"default_annual_value": 1e400}', "default_annual_value"),
    ('{"default_annual_value": -5}', "default_annual_value"),
    ('{"default_expected_years": 0}', "default_expected_years"),
    ('{"default_expected_years": NaN}', "default_expected_years"),
    ('{"promise_hours": {"email": NaN}}', "promise_hours"),
    ('{"promise_hours": {"email": 0}}', "promise_hours"),
    ('{"promise_hours": {"phone": -4}}', "promise_hours"),
    ('{"promise_hours": {"email": "fast"}}', "promise_hours"),
    ('{"business_hours": {"0": ["17:00", "09:00"]}}', "day 0"),
    ('{"business_hours": {"7": ["09:00", "17:00"]}}', "weekday"),
    ('{"business_hours": {"0": ["25:00", "26:00"]}}', "HH:MM"),
    ('{"business_hours": {"0": ["09:00"]}}', "business_hours"),
    ('{"closed_days": ["2026-02-30"]}', "closed_days"),
    ('{"closed_days": "2026-12-24"}', "closed_days"),
    ('{"rest_period_days": -1}', "rest_period_days"),
    ('{"followup_delay_days": "three"}', "followup_delay_days"),
    ('{"followup_delay_days": 2.5}', "followup_delay_days"),
    ('{"pulse_share": 1.5}', "pulse_share"),
    ('{"pulse_share": NaN}', "pulse_share"),
    ('{"pulse_per_month": -3}', "pulse_per_month"),
    ('{"after_reply_status": "closed"}', "after_reply_status"),
    ('{"review_reminder_weekday": 9}', "review_reminder_weekday"),
    ('{"review_reminder_time": "9am"}', "review_reminder_time"),
    ('{"founder_language": "sv"}', "founder_language"),
    ('{"auto_acknowledge": "maybe"}', "auto_acknowledge"),
    ('{"version": 999}', "newer SoloService"),
    ('{"version": "two"}', "settings"),
    ("[1, 2, 3]", "settings"),
    ('{"timezone": "Europe/Oslo"', "settings"),
    ("", "settings"),
    ("\x00\x01\x02", "settings"),
]


@pytest.mark.parametrize(("text", "named"), BAD_FILES)
def test_a_bad_settings_file_is_one_line_naming_the_problem(
    store: Path, capsys: pytest.CaptureFixture[str], text: str, named: str
) -> None:
    write_raw(store, text)
    line = one_line_error(capsys, store)
    assert named in line, line
    assert (
        settings_path(store).read_text(encoding="utf-8") == text
    )  # never "repaired" behind our back


@pytest.mark.parametrize(
    "text",
    ['{"version": Infinity}', '{"version": 1e400}', '{"version": -Infinity}'],
)
def test_an_infinite_version_is_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    write_raw(store, text)
    try:
        line = one_line_error(capsys, store)
    except OverflowError:
        pytest.fail("OverflowError escaped")
    assert "version" in line


@pytest.mark.parametrize("version", [0, -1])
def test_a_version_below_one_is_named(
    store: Path, capsys: pytest.CaptureFixture[str], version: int
) -> None:
    write_raw(store, json.dumps({"version": version}))
    said = one_line_error(capsys, store).split("settings.json", 1)[-1]  # after the path
    assert "version" in said


def test_a_bad_file_is_refused_by_a_real_process_too(store: Path) -> None:
    write_raw(store, '{"timezone": "Mars/Olympus_Mons"}')
    env = {**os.environ, "SOLOSERVICE_DATA_DIR": str(store), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "soloservice", "inbox", "--json"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "timezone" in done.stderr


def test_unknown_keys_from_a_newer_release_are_ignored(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_raw(store, json.dumps({"version": 1, "founder_name": "Hanne", "telepathy": True}))
    assert run_json(capsys, "--data-dir", str(store), "inbox", "--json") == []
    assert load_settings(settings_path(store)).founder_name == "Hanne"


# -- the settings service ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"timezone": "Nowhere/Special"},
        {"default_annual_value": math.inf},
        {"default_annual_value": math.nan},
        {"default_expected_years": 0.0},
        {"promise_hours": {"email": math.nan}},
        {"business_hours": {}},
        {"business_hours": {0: ("17:00", "09:00")}},
        {"pulse_share": 2.0},
        {"review_reminder_time": "25:61"},
    ],
)
def test_saving_bad_settings_writes_nothing_and_keeps_the_running_ones(
    store: Path, change: dict[str, object]
) -> None:
    good = dataclasses.replace(Settings(), founder_name="Hanne")
    services = Services.open(store)
    try:
        services.settings.save(good)
        before = settings_path(store).read_bytes()
        with pytest.raises(InvalidInput):
            services.settings.save(dataclasses.replace(good, **change))  # type: ignore[arg-type]
        assert settings_path(store).read_bytes() == before
        assert services.ctx.settings == good
    finally:
        services.close()
    assert load_settings(settings_path(store)) == good


def test_saved_settings_are_used_by_the_next_command(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.open(store)
    try:
        services.settings.save(dataclasses.replace(Settings(), timezone="Europe/Oslo"))
    finally:
        services.close()
    code, _out, err = run(
        capsys, "--data-dir", str(store), "log-call", "--phone", "+47 912 34 567", "--note", "hei"
    )
    assert code == 0, err
    shown = run_json(capsys, "--data-dir", str(store), "inbox", "--json", "--view", "resolved")
    assert all(r["received_at"].endswith(("+01:00", "+02:00")) for r in shown)


def test_a_huge_followup_delay_is_refused_or_harmless(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_raw(store, json.dumps({"followup_delay_days": 4_000_000}))
    try:
        code, _out, err = run(
            capsys, "--data-dir", str(store), "log-call", "--phone", "+4520123456", "--note", "x"
        )
    except OverflowError:
        pytest.fail("OverflowError escaped")
    assert code in (0, 2) and "Traceback" not in err


def test_a_huge_rest_period_is_refused_or_harmless(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_raw(store, json.dumps({"rest_period_days": 10**23}))
    argv = ("--data-dir", str(store), "log-call", "--phone", "+4520123456", "--note")
    try:
        code, _out, err = run(capsys, *argv, "first")
        if code == 2:  # refused on load, naming the field: a fine answer too
            assert len(err.strip().splitlines()) == 1 and "rest_period_days" in err, err
            return
        assert code == 0, err
        code, _out, err = run(capsys, *argv, "second")
    except OverflowError:
        pytest.fail("OverflowError escaped")
    assert code in (0, 2) and "Traceback" not in err


def test_finite_value_defaults_never_print_infinity(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_raw(store, json.dumps({"default_annual_value": 1e308, "default_expected_years": 1e308}))
    code, _out, err = run(
        capsys, "--data-dir", str(store), "log-call", "--phone", "+4520123456", "--note", "x"
    )
    if code == 2:  # refusing the file is a fine answer too
        return
    code, out, err = run(capsys, "--data-dir", str(store), "inbox", "--json", "--view", "resolved")
    assert code == 0, err
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON output"))


# -- properties ---------------------------------------------------------------------------------

zones = st.sampled_from(["Europe/Copenhagen", "Europe/Oslo", "UTC", "America/New_York"])
hhmm = st.tuples(st.integers(0, 11), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
good_settings = st.builds(
    Settings,
    founder_name=st.text(max_size=20),
    business_name=st.text(max_size=20),
    founder_language=st.sampled_from(list(Language)),
    timezone=zones,
    default_annual_value=st.floats(0, 1e7, allow_nan=False, allow_infinity=False),
    default_expected_years=st.floats(0.1, 50, allow_nan=False, allow_infinity=False),
    followup_delay_days=st.integers(0, 30),
    rest_period_days=st.integers(0, 720),
    pulse_per_month=st.integers(0, 100),
    pulse_share=st.none() | st.floats(0, 1, allow_nan=False),
    review_reminder_weekday=st.integers(0, 6),
    review_reminder_time=hhmm,
    business_hours=st.dictionaries(
        st.integers(0, 6), hhmm.map(lambda t: (t, "18:00")), min_size=1, max_size=7
    ),
    closed_days=st.lists(st.dates().map(lambda d: d.isoformat()), max_size=3).map(tuple),
)


@settings(PROPERTIES, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=good_settings)
def test_good_settings_save_and_load_unchanged(tmp_path: Path, value: Settings) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, value)
    json.loads(path.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(c))
    assert load_settings(path) == value


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)
fields = st.sampled_from([f.name for f in dataclasses.fields(Settings)])


@settings(PROPERTIES, max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(fields, json_values, min_size=1, max_size=3))
def test_any_hand_edit_either_loads_or_is_one_line(
    store: Path, capsys: pytest.CaptureFixture[str], data: dict[str, object]
) -> None:
    write_raw(store, json.dumps(data, allow_nan=True))
    capsys.readouterr()
    code = main(["--data-dir", str(store), "inbox", "--json"])
    out, err = capsys.readouterr()
    assert code in (0, 2), err
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    else:
        json.loads(out, parse_constant=lambda c: pytest.fail(c))
