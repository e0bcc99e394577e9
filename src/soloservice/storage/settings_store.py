"""Settings on disk: a small JSON file in the data directory.

A JSON file rather than a table because the founder (or a support person) may need to read
or fix it by hand, and because settings are needed before the database is opened. The file
is read, and an old one upgraded step by step, in ``storage/settings_file.py``; here its
values are checked and turned into ``Settings``, and written back.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from soloservice.domain.settings import Settings
from soloservice.domain.types import Language
from soloservice.storage.files import atomic_write
from soloservice.storage.settings_error import SettingsError as SettingsError
from soloservice.storage.settings_file import VERSION, read_settings_data
from soloservice.storage.settings_model import (
    SettingsInvalid,
    check_settings,
    validate_settings_values,
)


def _from_dict(data: dict[str, Any]) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = validate_settings_values(data)  # typed, checked, known keys
    if "founder_language" in values:
        values["founder_language"] = Language(values["founder_language"])
    if "business_hours" in values:
        values["business_hours"] = {
            int(day): (str(span[0]), str(span[1])) for day, span in values["business_hours"].items()
        }
    if "closed_days" in values:
        values["closed_days"] = tuple(str(d) for d in values["closed_days"])
    if "promise_hours" in values:
        merged = dict(defaults.promise_hours)
        merged.update({str(k): float(v) for k, v in values["promise_hours"].items()})
        values["promise_hours"] = merged
    return dataclasses.replace(defaults, **values)


def _to_dict(settings: Settings) -> dict[str, Any]:
    data = dataclasses.asdict(settings)
    data["founder_language"] = settings.founder_language.value
    data["business_hours"] = {str(k): list(v) for k, v in settings.business_hours.items()}
    data["closed_days"] = list(settings.closed_days)
    data["version"] = VERSION
    return data


def load_settings(path: Path) -> Settings:
    data = read_settings_data(path)
    if data is None:
        return Settings()
    try:
        return _from_dict(data)
    except SettingsInvalid as exc:
        raise SettingsError(f"{path.name}: {exc}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc}") from exc


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically: a crash or a full disk leaves the old file intact.

    Settings that would not load again (a bad time zone, a non-finite number) are refused.
    """
    try:
        check_settings(settings)
        text = json.dumps(_to_dict(settings), indent=2, ensure_ascii=False, allow_nan=False)
    except SettingsInvalid as exc:
        raise SettingsError(f"{path.name}: {exc}") from None
    except ValueError as exc:  # allow_nan=False: a float no check above knew of
        raise SettingsError(f"{path.name}: {exc}") from None
    atomic_write(path, text)
