"""SettingsService.validate: the rules beyond opening hours, held for every caller."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.settings import Settings
from soloservice.domain.settings_rules import closed_day_problems, holiday_countries
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services


@pytest.fixture
def app(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


def test_the_defaults_are_valid(app: Services) -> None:
    assert app.settings.validate(app.ctx.settings) == []
    assert {"DK", "NO", "SE"} <= holiday_countries()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"holiday_country": "XX"}, "no public-holiday calendar"),
        ({"closed_days": ("2026-12-24", "24/12")}, "not a date"),
        ({"default_annual_value": float("nan")}, "customer's value"),
        ({"default_expected_years": 0.0}, "customer's value"),
        ({"business_hours": {}}, "open on at least one day"),
    ],
)
def test_a_bad_value_is_refused_and_nothing_is_written(
    app: Services, data_dir: Path, change: dict[str, object], words: str
) -> None:
    bad = dataclasses.replace(app.ctx.settings, **change)  # type: ignore[arg-type]
    problems = app.settings.validate(bad)
    assert any(words in p for p in problems), problems
    with pytest.raises(InvalidInput, match=words):
        app.settings.save(bad)
    assert not app.settings.saved_once() and app.ctx.settings == Settings()


def test_no_holiday_calendar_is_allowed(app: Services) -> None:
    assert app.settings.validate(dataclasses.replace(app.ctx.settings, holiday_country=None)) == []


@given(st.dates())
def test_every_iso_date_is_a_closed_day(day: object) -> None:
    assert closed_day_problems([str(day)]) == []


@given(st.text(max_size=12))
def test_text_is_a_closed_day_only_when_it_parses(text: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(text)
        parses = True
    except ValueError:
        parses = False
    assert (closed_day_problems([text]) == []) is parses
