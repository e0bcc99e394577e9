"""The cron probe reads settings.json the way the full start does (storage/settings_file.py):
whatever file the full path would refuse, the probe declines too, and a file both accept
gives both the same time zone."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from soloservice.paths import settings_path
from soloservice.services.sync_probe import settings_zone
from soloservice.storage.settings_store import SettingsError, load_settings

FILES = {
    "no file": None,
    "no time zone": {"version": 1},
    "no version": {"timezone": "Europe/Oslo"},
    "a version typed as text": {"version": "1", "timezone": "Europe/Oslo"},
    "a newer version": {"version": 2, "timezone": "Europe/Oslo"},
    "version 0": {"version": 0, "timezone": "Europe/Oslo"},
    "an infinite version": '{"version": Infinity}',
    "a list": [1, 2],
    "broken JSON": '{"version": 1,',
    "a time zone that does not exist": {"version": 1, "timezone": "Mars/Olympus"},
}


@pytest.mark.parametrize("name", FILES)
def test_the_probe_and_the_full_start_read_the_same_file_alike(tmp_path: Path, name: str) -> None:
    content = FILES[name]
    path = settings_path(tmp_path)
    if content is not None:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    try:
        expected: ZoneInfo | None = ZoneInfo(load_settings(path).timezone)
    except SettingsError:
        expected = None
    assert settings_zone(tmp_path) == expected


def test_the_probe_takes_the_zone_the_file_names(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text(json.dumps({"version": "1", "timezone": "Europe/Oslo"}))
    assert settings_zone(tmp_path) == ZoneInfo("Europe/Oslo")
    settings_path(tmp_path).write_text(json.dumps({"version": 1}))
    assert settings_zone(tmp_path) == ZoneInfo("Europe/Copenhagen")
