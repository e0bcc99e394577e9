"""One country's holidays loaded on its own (domain/holiday_source.py): the same table as
``holidays.country_holidays`` gives, without importing the other 250 countries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain import holiday_source
from soloservice.domain.holiday_source import country_entity, public_holidays

COUNTRIES = ["DK", "NO", "SE", "FI", "DE", "GB", "NL", "US", "IS", "FR"]


def _reference(country: str, year: int) -> dict[object, str]:
    language = holidays.country_holidays(country).default_language
    table = holidays.country_holidays(country, years=year, language=language)
    return {day: str(name) for day, name in table.items()}


@settings(max_examples=60, deadline=None)
@given(country=st.sampled_from(COUNTRIES), year=st.integers(min_value=1990, max_value=2070))
def test_the_table_is_the_one_country_holidays_gives(country: str, year: int) -> None:
    assert public_holidays(country, year) == _reference(country, year)


def test_danish_names_are_in_danish() -> None:
    table = public_holidays("DK", 2026)
    assert "Skærtorsdag" in table.values()
    assert len(table) >= 10


def test_a_code_the_registry_does_not_name_is_left_to_country_holidays() -> None:
    assert country_entity("XX") is None
    with pytest.raises(NotImplementedError):  # what country_holidays says of it
        public_holidays("XX", 2026)


def test_a_missing_source_file_takes_the_slow_way(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A frozen bundle keeps only bytecode: no file to load, country_holidays answers."""
    country_entity.cache_clear()
    monkeypatch.setattr(holiday_source.holidays, "__file__", str(tmp_path / "__init__.py"))
    monkeypatch.delitem(sys.modules, "holidays.countries.iceland", raising=False)
    try:
        assert country_entity("IS") is None
        assert public_holidays("IS", 2026) == _reference("IS", 2026)
    finally:
        country_entity.cache_clear()


def test_a_due_time_from_the_composition_root_loads_only_its_own_country(
    tmp_path: Path,
) -> None:
    """A fresh process, as a cron import or ``soloservice call log`` is: the store's calendar
    closes on Danish holidays and never imports ``holidays.countries``."""
    probe = (
        "import json, sys\n"
        "from datetime import datetime, timezone\n"
        "from soloservice.domain.types import Channel\n"
        "from pathlib import Path\n"
        "from soloservice.services.registry import Services\n"
        f"services = Services.open(Path({str(tmp_path)!r}))\n"
        "ctx = services.ctx\n"
        "maundy = datetime(2026, 4, 1, 15, 0, tzinfo=timezone.utc)  # Wed before Easter\n"
        "due = ctx.due_for(Channel.EMAIL, maundy)\n"
        "services.close()\n"
        "print(json.dumps([ctx.settings.holiday_country, due.isoformat(),\n"
        "                  'holidays.countries' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    country, due, all_loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert country == "DK"
    # Maundy Thursday, Good Friday, the weekend and Easter Monday are closed: the promise
    # runs on into Tuesday 7 April
    assert due.startswith("2026-04-07")
    assert all_loaded is False
