from __future__ import annotations

import json
from pathlib import Path

import pytest

from soloservice.domain.settings import Settings
from soloservice.domain.types import Language
from soloservice.storage.settings_store import SettingsError, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == Settings()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(
        founder_name="Sofie",
        business_name="Sofies Keramik",
        founder_language=Language.NB,
        timezone="Europe/Oslo",
        holiday_country="NO",
        business_hours={0: ("08:00", "16:00"), 5: ("10:00", "14:00")},
        closed_days=("2026-07-13",),
        promise_hours={**Settings().promise_hours, "email": 16.0},
    )
    save_settings(path, settings)
    assert load_settings(path) == settings


def test_unknown_keys_are_ignored_and_missing_keys_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "founder_name": "Ole", "from_the_future": 1}))
    loaded = load_settings(path)
    assert loaded.founder_name == "Ole"
    assert loaded.promise_hours["email"] == 8.0
    assert loaded.timezone == Settings().timezone


def test_broken_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    with pytest.raises(SettingsError, match=r"settings\.json"):
        load_settings(path)
    assert path.read_text() == "{not json"
