"""Reading settings.json as far as its JSON and its version: the one reading of the file.

``settings_store.load_settings`` checks the values of what this returns and builds the
``Settings``; the cron sync's probe (services/sync_probe.py) reads only the time zone from
it. Kept apart from the settings model so that reading the file imports neither pydantic
nor the promise rules: the probe answers a sync that finds nothing in a tenth of a start.

Each file carries a version; ``_UPGRADES`` turns an old file into the current shape one step
at a time (the way Picard upgrades its config), so a new release never loses a setting.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soloservice.storage.settings_error import SettingsError

VERSION = 1

_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class _BadVersion(ValueError):
    """The file's version is no whole number from 1."""


def _version(value: Any) -> int:
    """The file's version: a whole number from 1. ``Infinity`` (which ``json`` reads), 0, -1
    or "two" are named as a bad version, not left to fail later as an overflow or a missing
    upgrade step."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)  # "1" typed by hand
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _BadVersion(f"version {value!r} is not a whole number")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise _BadVersion(f"version {value!r} is not a whole number")
    version = int(value)
    if version < 1:
        raise _BadVersion(f"version {version} does not exist (versions start at 1)")
    return version


def read_settings_data(path: Path) -> dict[str, Any] | None:
    """The file's JSON object upgraded to ``VERSION``, its values unchecked; None when there
    is no file. ``SettingsError`` (naming the file) for anything that is no settings file of
    a version this release knows."""
    if not path.exists():
        return None
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise ValueError("not a JSON object")
        data: dict[str, Any] = loaded
        version = _version(data.get("version", 1))
        if version > VERSION:
            # its meaning may have changed in ways this release cannot know; never guess
            raise SettingsError(
                f"{path.name} was written by a newer SoloService (version {version}); "
                "update SoloService to use this data folder"
            )
        while version < VERSION:
            data = _UPGRADES[version](data)
            version += 1
        return data
    except SettingsError:
        raise
    except _BadVersion as exc:
        raise SettingsError(f"{path.name}: {exc}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc}") from exc
