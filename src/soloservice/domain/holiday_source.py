"""One country's public holidays from ``holidays``, without its 250 other countries.

``holidays.country_holidays("DK")`` finds the country through the package
``holidays.countries``, whose ``__init__`` imports every country module: 70 ms of each
process that computes its first due time (an import, a sync, ``soloservice call log``), for
one calendar. The country's own module needs none of the others, so ``country_entity``
loads just that file, under the name ``holidays`` gives it, where a later
``holidays.countries`` import finds it and uses it as it is. What this cannot do (a
``holidays`` without its registry, a frozen bundle without the source files, a code the
registry does not name) is left to ``country_holidays``: the same table, only slower.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import holidays

_PACKAGE = "holidays.countries"
_lock = threading.Lock()


@lru_cache(maxsize=64)
def country_entity(code: str) -> Any | None:
    """The ``HolidayBase`` class for ``code`` (``"DK"``), or None to ask ``country_holidays``."""
    try:
        from holidays.registry import COUNTRIES
    except ImportError:
        return None
    found = next(
        ((module, names[0]) for module, names in COUNTRIES.items() if code in names[1:]), None
    )
    if found is None:
        return None
    module_name, class_name = found
    name = f"{_PACKAGE}.{module_name}"
    with _lock:
        module = sys.modules.get(name)
        if module is None:
            path = Path(holidays.__file__).parent / "countries" / f"{module_name}.py"
            spec = importlib.util.spec_from_file_location(name, path)
            if not path.is_file() or spec is None or spec.loader is None:
                return None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except Exception:  # a module that needs its package after all: the slow way
                del sys.modules[name]
                return None
    return getattr(module, class_name, None)


def public_holidays(country: str, year: int) -> dict[date, str]:
    """``country``'s public holidays in ``year``, named in its own language ("Skærtorsdag"),
    as ``holidays.country_holidays(country, years=year, language=<its default>)`` gives."""
    entity = country_entity(country)
    if entity is None:
        language = holidays.country_holidays(country).default_language
        table = holidays.country_holidays(country, years=year, language=language)
    else:
        table = entity(years=year, language=entity.default_language)
    return {day: str(name) for day, name in table.items()}
