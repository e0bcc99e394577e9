"""The one error of the settings file, in a module of its own so that the CLI can name it
among the user's errors without importing the settings model (pydantic, the calendars)."""

from __future__ import annotations


class SettingsError(ValueError):
    """The settings file cannot be read; the message names the file and the problem."""
