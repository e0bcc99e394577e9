"""Reply-time promises counted in business hours.

Customers gladly wait two days if they are told so; what hurts is silence. Every inquiry
therefore gets a concrete due time: the channel's promise counted only while the business is
open (``domain/business_calendar.py``), paused while the case waits on the customer, and
kept or broken by the first real response.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from soloservice.domain.business_calendar import (
    DEFAULT_HOURS,
    BusinessCalendar,
    PromiseExplanation,
    PromiseStep,
    check_aware,
)
from soloservice.domain.types import Channel

__all__ = [
    "CLOSED_LOOP_CALLBACK",
    "DEFAULT_HOURS",
    "DEFAULT_PROMISE_HOURS",
    "BusinessCalendar",
    "PromiseExplanation",
    "PromiseOutcome",
    "PromiseStep",
    "due_after_pauses",
    "due_at",
    "paused_due_at",
    "promise_hours_for",
    "promise_outcome",
]

DEFAULT_PROMISE_HOURS: Mapping[Channel, float] = MappingProxyType(
    {
        Channel.EMAIL: 8.0,
        Channel.FORM: 8.0,
        Channel.PHONE: 4.0,
        Channel.FACEBOOK: 4.0,
        Channel.INSTAGRAM: 4.0,
        Channel.X: 4.0,
    }
)

CLOSED_LOOP_CALLBACK = timedelta(hours=24)
"""Wall-clock time within which an unhappy follow-up answer must get a personal contact."""


def promise_hours_for(
    channel: Channel, promise_hours: Mapping[Channel, float] | None = None
) -> float:
    """The channel's promise; channels missing from the founder's settings use the default."""
    if promise_hours is not None and channel in promise_hours:
        return promise_hours[channel]
    return DEFAULT_PROMISE_HOURS[channel]


def due_at(
    received_at: datetime,
    channel: Channel,
    calendar: BusinessCalendar,
    promise_hours: Mapping[Channel, float] | None = None,
) -> datetime:
    """When an inquiry received at ``received_at`` must have its first real response (UTC)."""
    return calendar.add_business_hours(received_at, promise_hours_for(channel, promise_hours))


def paused_due_at(
    due: datetime,
    pause_start: datetime,
    pause_end: datetime,
    calendar: BusinessCalendar,
) -> datetime:
    """The due time after the clock stood still from ``pause_start`` to ``pause_end``.

    While an inquiry waits on the customer, the founder cannot be late. The business time
    that was left at ``pause_start`` is counted again from ``pause_end``, which shifts the due
    time by exactly the business time inside the pause (pausing at night shifts nothing).
    A pause that starts at or after ``due`` changes nothing: a promise already broken stays
    broken. An empty or reversed pause changes nothing either. Returns UTC.

    When the customer *writes back*, the caller starts a fresh promise with :func:`due_at`
    instead; this function is for resuming the old clock (e.g. the founder un-waits a case).
    """
    for moment, what in ((due, "due"), (pause_start, "pause_start"), (pause_end, "pause_end")):
        check_aware(moment, what)
    if pause_end <= pause_start or pause_start >= due:
        return due.astimezone(UTC)
    remaining = calendar.business_time_between(pause_start, due)
    return calendar.add_business_time(pause_end, remaining)


def due_after_pauses(
    due: datetime,
    pauses: Iterable[tuple[datetime, datetime]],
    calendar: BusinessCalendar,
) -> datetime:
    """Apply several non-overlapping ``(start, end)`` pauses in time order."""
    result = due.astimezone(UTC)
    for start, end in sorted(pauses, key=lambda pause: pause[0]):
        result = paused_due_at(result, start, end, calendar)
    return result


@dataclass(frozen=True)
class PromiseOutcome:
    """Whether the first real response kept the promise, and by how much.

    ``margin`` is positive when early (by that much) and negative when late.
    """

    kept: bool
    margin: timedelta


def promise_outcome(
    due: datetime, first_response: datetime, calendar: BusinessCalendar | None = None
) -> PromiseOutcome:
    """Kept means answered at or before ``due``.

    Without a calendar the margin is wall-clock time; with one it is business time, which is
    what "answered 2 hours early" means to a founder when a weekend lies in between.
    """
    check_aware(due, "due")
    check_aware(first_response, "first_response")
    kept = first_response <= due
    if calendar is None:
        margin = due - first_response
    elif kept:
        margin = calendar.business_time_between(first_response, due)
    else:
        margin = -calendar.business_time_between(due, first_response)
    return PromiseOutcome(kept=kept, margin=margin)
