"""Saving settings through the one service path the settings dialog and the assistant use."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from soloservice.paths import settings_path
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services
from soloservice.services.settings_service import SettingsNotSaved
from soloservice.storage.settings_store import load_settings


def test_save_writes_then_applies_and_refuses_a_week_never_open(data_dir: Path) -> None:
    services = Services.open(data_dir)
    try:
        assert not services.settings.saved_once()
        new = dataclasses.replace(services.ctx.settings, business_name="Butik", timezone="UTC")
        services.settings.save(new)
        assert services.settings.saved_once()
        assert load_settings(settings_path(data_dir)).business_name == "Butik"
        assert services.ctx.settings.timezone == "UTC" and services.ctx.tz.key == "UTC"
        closed = dataclasses.replace(new, business_hours={})
        with pytest.raises(InvalidInput, match="open on at least one day"):
            services.settings.save(closed)
        assert services.ctx.settings.business_hours  # unchanged
        with pytest.raises(SettingsNotSaved, match="could not be saved"):
            services.settings.save(new, data_dir / "missing" / "settings.json")
    finally:
        services.close()
