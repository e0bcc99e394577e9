"""settings.json is checked on load and on save: one line naming the field (issue 12)."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from soloservice.domain.settings import Settings
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.storage.settings_model import _MODEL
from soloservice.storage.settings_store import SettingsError, load_settings, save_settings
from tests.helpers.cli import run


def write(path: Path, **values: object) -> Path:
    path.write_text(json.dumps({"version": 1, **values}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"timezone": "Mars/Base"}, "settings.json: timezone 'Mars/Base' is not a time zone"),
        ({"timezone": "../../etc/passwd"}, "timezone '../../etc/passwd' is not a time zone"),
        ({"default_annual_value": math.inf}, "default_annual_value: input should be a finite"),
        ({"default_expected_years": math.nan}, "default_expected_years: input should be a finite"),
        ({"promise_hours": {"email": math.inf}}, "promise_hours.email: input should be a finite"),
        ({"promise_hours": {"email": -1}}, "promise_hours email: -1.0 is not a positive"),
        ({"founder_language": "xx"}, "founder_language: input should be"),
        ({"business_hours": {"0": ["17:00", "09:00"]}}, "business_hours day 0 closes"),
        ({"business_hours": {"9": ["09:00", "17:00"]}}, "business_hours 9 is not a weekday"),
        ({"closed_days": ["tomorrow"]}, "closed_days 'tomorrow' is not a date"),
        ({"review_reminder_time": "25:00"}, "review_reminder_time '25:00' is not a time"),
        ({"after_reply_status": "gone"}, "after_reply_status 'gone' is not one of waiting, open"),
        ({"pulse_share": 2.0}, "pulse_share 2.0 is not between 0 and 1"),
        ({"followup_delay_days": "soon"}, "followup_delay_days: input should be a valid integer"),
    ],
)
def test_bad_values_name_the_field_in_one_line(
    tmp_path: Path, values: dict[str, object], message: str
) -> None:
    path = write(tmp_path / "settings.json", **values)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    text = str(caught.value)
    assert message in text
    assert "\n" not in text


def test_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.json")
    path.write_text(json.dumps({"version": 999, "founder_name": "x"}))
    with pytest.raises(SettingsError, match=r"written by a newer SoloService \(version 999\)"):
        load_settings(path)


def test_non_finite_numbers_are_never_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(founder_name="Sofie"))
    before = path.read_text()
    for bad in (
        Settings(default_annual_value=math.inf),
        Settings(pulse_share=math.nan),
        Settings(timezone="Mars/Base"),
    ):
        with pytest.raises(SettingsError, match=r"^settings\.json: "):
            save_settings(path, bad)
    assert path.read_text() == before
    json.loads(before)


def test_every_settings_field_is_in_the_model() -> None:
    assert set(_MODEL.model_fields) == {f.name for f in dataclasses.fields(Settings)}
    assert "after_reply_status" in _MODEL.model_fields


def test_defaults_round_trip_and_pass(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings())
    assert load_settings(path) == Settings()


def test_cli_with_a_bad_time_zone_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    code, _out, _err = run(capsys, "--data-dir", str(data), "demo", "--count", "5")
    assert code == 0
    settings = data / "settings.json"
    document = json.loads(settings.read_text()) if settings.exists() else {"version": 1}
    document["timezone"] = "Mars/Base"
    settings.write_text(json.dumps(document))
    code, _out, err = run(capsys, "--data-dir", str(data), "inbox")
    assert code == 2
    assert err.strip() == (
        "soloservice: error: settings.json: timezone 'Mars/Base' is not a time zone"
    )
    document["timezone"] = "Europe/Oslo"
    document["version"] = 999
    settings.write_text(json.dumps(document))
    code, _out, err = run(capsys, "--data-dir", str(data), "inbox")
    assert code == 2 and "newer SoloService (version 999)" in err


@pytest.mark.parametrize(
    "bad",
    [
        {"default_annual_value": math.inf},
        {"default_expected_years": math.nan},
        {"timezone": "Mars/Base"},
    ],
)
def test_the_settings_service_refuses_what_would_not_load_again(
    services: Services, bad: dict[str, object]
) -> None:
    path = services.ctx.db.path.parent / "settings.json"
    before = path.read_text() if path.exists() else None
    with pytest.raises(ServiceError):
        services.settings.save(dataclasses.replace(Settings(), **bad))  # type: ignore[arg-type]
    assert (path.read_text() if path.exists() else None) == before


def test_hand_written_but_valid_values_load(tmp_path: Path) -> None:
    path = write(
        tmp_path / "settings.json",
        business_hours={"0": ["9:00", "00:00"], "5": ["10:00", "14:30"]},
        timezone="America/Argentina/Buenos_Aires",
        pulse_share=None,
        default_annual_value=0,
    )
    loaded = load_settings(path)
    assert loaded.business_hours == {0: ("9:00", "00:00"), 5: ("10:00", "14:30")}
    assert loaded.default_annual_value == 0.0
