"""Hypothesis profile for the property tests: few examples, no deadline (shared CPUs)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
