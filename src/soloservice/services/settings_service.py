"""Saving the founder's settings: the one path the settings dialog and the assistant share.

The file is written first and only then swapped in memory, so a failed write (full disk,
read-only folder) leaves the running app and the file as they were. The hours rules are
checked here too (domain/business_hours.py), so no caller can save a week that is never open.
"""

from __future__ import annotations

from pathlib import Path

from soloservice.domain.settings import Settings
from soloservice.domain.settings_rules import settings_problems
from soloservice.paths import settings_path
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, ServiceError
from soloservice.storage.settings_store import SettingsError, save_settings


class SettingsNotSaved(ServiceError):
    """The settings file could not be written; nothing was changed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"the settings could not be saved to {path}: {reason}")
        self.path = path
        self.reason = reason


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def path(self) -> Path:
        return settings_path(self.ctx.data_dir)

    def current(self) -> Settings:
        return self.ctx.settings

    def saved_once(self) -> bool:
        """Whether the founder ever saved settings here (their hours are then their own)."""
        return self.path.exists()

    def validate(self, settings: Settings) -> list[str]:
        """Every reason ``save`` would refuse ``settings`` (domain/settings_rules.py)."""
        return settings_problems(settings)

    def save(self, settings: Settings, path: Path | None = None) -> Settings:
        """Check, write, then apply; raises InvalidInput or SettingsNotSaved."""
        problems = self.validate(settings)
        if problems:
            raise InvalidInput("; ".join(problems))
        target = path or self.path
        try:
            save_settings(target, settings)
        except SettingsError as exc:  # settings_model's check (non-finite, bad zone, ...)
            raise InvalidInput(str(exc)) from exc
        except OSError as exc:
            raise SettingsNotSaved(target, exc.strerror or str(exc)) from exc
        self.ctx.update_settings(settings)
        return settings
