"""Hypothesis profile for the property tests: few examples, no deadline (shared CPUs); the
composed app the domain rules are checked through end to end."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from soloservice.services.registry import Services
from tests.helpers.composed import open_copy

#: modest on purpose: the whole folder stays well under 30 s; run with
#: ``SOLOSERVICE_PROPERTIES=thorough`` to hunt for new counter-examples
settings.register_profile(
    "properties",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROPERTIES = settings.get_profile(os.environ.get("SOLOSERVICE_PROPERTIES", "properties"))
#: for the slow properties (hundreds of calendar steps or whole reviews per example): a quarter
#: of the examples, still scaled up by the thorough profile
FEWER = settings(PROPERTIES, max_examples=max(PROPERTIES.max_examples // 4, 10))


@pytest.fixture
def app(data_dir: Path, migrated_template: Path) -> Iterator[Services]:
    """``Services.open`` on a real data dir, Tuesday 24 November 2026 09:00 UTC."""
    services = open_copy(migrated_template, data_dir, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    yield services
    services.close()
