"""What the weekly review returns: frozen records shared by the CLI, the exports and the window.

Kept apart from the queries (``services/review.py``) and the exports
(``services/review_export.py``) so the window and the PDF can name the shapes without
pulling in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from soloservice.domain.iso_weeks import format_iso_week
from soloservice.domain.review_math import Figure, WeekFigures
from soloservice.domain.types import Channel
from soloservice.domain.value import ValueDefaults

CHANNEL_KEYS: tuple[str, ...] = tuple(c.value for c in Channel)
SOCIAL = "social"
TOTAL = "total"
COLUMN_KEYS: tuple[str, ...] = (*CHANNEL_KEYS, SOCIAL, TOTAL)


@dataclass(frozen=True)
class ChannelReview(WeekFigures):
    """One column of the review: a channel, ``social`` or ``total``. Ids are inquiry ids.

    The week's figures (domain.review_math.WeekFigures) plus the follow-up answers."""

    key: str
    followups_asked: Figure[int]
    followups_answered: Figure[int]
    followup_response_percent: Figure[float | None]
    satisfied_percent: Figure[float | None]
    nps: Figure[float | None]


@dataclass(frozen=True)
class RemedyCost:
    kind: str
    label: str
    count: int
    cost: float
    ids: tuple[int, ...]


@dataclass(frozen=True)
class RemedyReview:
    """Remedies dated in the week, and how those customers answered and came back."""

    per_kind: tuple[RemedyCost, ...]
    total: Figure[float]
    count: int
    followup_answers: int
    satisfied_percent: Figure[float | None]
    wrote_again: Figure[int]


@dataclass(frozen=True)
class PulseMonth:
    """Pulse NPS of one local calendar month touching the week (separate from follow-ups)."""

    month: str
    nps: float | None
    answers: int
    promoters: int
    passives: int
    detractors: int


@dataclass(frozen=True)
class WeekReview:
    year: int
    week: int
    start: datetime
    end: datetime
    now: datetime
    timezone: str
    currency: str
    columns: tuple[ChannelReview, ...]
    remedies: RemedyReview
    pulse: tuple[PulseMonth, ...]
    #: the settings' default customer value behind ``value_at_risk_default``
    value_defaults: ValueDefaults = field(default_factory=ValueDefaults)

    @property
    def label(self) -> str:
        return format_iso_week(self.year, self.week)

    @property
    def total(self) -> ChannelReview:
        return self.column(TOTAL)

    def column(self, key: str) -> ChannelReview:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


@dataclass(frozen=True)
class WeekPoint:
    """One week of the 12-week trend charts (volume by receipt, answers by answer date)."""

    year: int
    week: int
    start: datetime
    received: int
    received_per_channel: dict[str, int]
    complaints: int
    first_response_median_hours: float | None
    first_response_p90_hours: float | None
    promises_kept_percent: float | None
    satisfied_percent: float | None
    nps: float | None

    @property
    def label(self) -> str:
        return format_iso_week(self.year, self.week)


# -- the rows of the review table, shared by text, CSV, PDF and the window ------------------
