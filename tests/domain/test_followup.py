from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.followup import (
    ClosedLoop,
    Decision,
    FollowupSettings,
    last_asked,
    may_ask,
    outcome_for,
    schedule_check,
)
from soloservice.domain.promise import BusinessCalendar

CPH = ZoneInfo("Europe/Copenhagen")
DK = BusinessCalendar()
NO = BusinessCalendar(timezone="Europe/Oslo", holiday_country="NO")
SETTINGS = FollowupSettings()


def cph(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CPH)


# -- scheduling ------------------------------------------------------------------------------


def test_default_settings() -> None:
    assert (SETTINGS.delay_days, SETTINGS.rest_period_days, SETTINGS.include_score) == (
        3,
        180,
        True,
    )


@pytest.mark.parametrize(
    ("resolved", "expected"),
    [
        # Tue 10:00 -> Fri 10:00, open: unchanged
        (cph(2026, 11, 24, 10), cph(2026, 11, 27, 10)),
        # Wed 11:00 -> Sat: next opening Mon 30 Nov 09:00
        (cph(2026, 11, 25, 11), cph(2026, 11, 30, 9)),
        # Fri 20:00 -> Mon 20:00 after closing: Tue 09:00
        (cph(2026, 11, 27, 20), cph(2026, 12, 1, 9)),
        # Mon 21 Dec -> Thu 24 Dec (Christmas Eve), 25, 26 holidays, 27 Sunday -> Mon 28 Dec
        (cph(2026, 12, 21, 10), cph(2026, 12, 28, 9)),
        # Fri 23 Oct 14:00 CEST -> Mon 26 Oct 14:00 CET: wall clock kept across DST end
        (cph(2026, 10, 23, 14), cph(2026, 10, 26, 14)),
        # Mon 08:00 -> Thu 08:00 before opening: Thu 09:00
        (cph(2026, 11, 23, 8), cph(2026, 11, 26, 9)),
    ],
)
def test_schedule_check_moves_to_the_next_business_hour(
    resolved: datetime, expected: datetime
) -> None:
    due = schedule_check(resolved, DK, SETTINGS)
    assert due == expected
    assert due.tzinfo is UTC


def test_schedule_check_dst_keeps_local_clock_not_72_hours() -> None:
    due = schedule_check(cph(2026, 10, 23, 14), DK, SETTINGS)
    assert due - cph(2026, 10, 23, 14) == timedelta(hours=73)


def test_schedule_check_uses_the_calendars_own_holidays() -> None:
    oslo = ZoneInfo("Europe/Oslo")
    # Thu 14 May 2026 is Ascension Day in both countries: resolved Mon 11 May 10:00
    # -> Thu 14 May is closed -> Fri 15 May 09:00.
    due = schedule_check(datetime(2026, 5, 11, 10, tzinfo=oslo), NO, SETTINGS)
    assert due == datetime(2026, 5, 15, 9, tzinfo=oslo)
    # The Danish calendar also closes on Ascension Day
    assert schedule_check(cph(2026, 5, 11, 10), DK, SETTINGS) == cph(2026, 5, 15, 9)


def test_zero_delay_means_next_business_moment() -> None:
    settings = FollowupSettings(delay_days=0)
    assert schedule_check(cph(2026, 11, 28, 12), DK, settings) == cph(2026, 11, 30, 9)


def test_settings_reject_negative_values() -> None:
    with pytest.raises(ValueError):
        FollowupSettings(delay_days=-1)
    with pytest.raises(ValueError):
        FollowupSettings(rest_period_days=-5)


def test_schedule_check_rejects_naive_times() -> None:
    with pytest.raises(ValueError):
        schedule_check(datetime(2026, 11, 24, 10), DK, SETTINGS)


# -- may we ask? ------------------------------------------------------------------------------

NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)


def test_never_asked_may_be_asked() -> None:
    assert may_ask(None, NOW, SETTINGS, opted_out=False).ok


def test_rest_period_blocks_until_exactly_180_days() -> None:
    asked = NOW - timedelta(days=180)
    assert may_ask(asked, NOW, SETTINGS, opted_out=False).ok
    blocked = may_ask(asked + timedelta(seconds=1), NOW, SETTINGS, opted_out=False)
    assert not blocked.ok
    assert "180-day rest period" in blocked.reason
    assert "2026-11-24" in blocked.reason  # may be asked again from


def test_rest_period_counts_the_latest_survey_on_any_channel() -> None:
    by_mail = NOW - timedelta(days=300)
    on_the_phone = NOW - timedelta(days=20)
    latest = last_asked([by_mail, None, on_the_phone])
    assert latest == on_the_phone
    assert not may_ask(latest, NOW, SETTINGS, opted_out=False).ok
    assert last_asked([None, None]) is None


def test_opt_out_and_untick_win() -> None:
    assert may_ask(None, NOW, SETTINGS, opted_out=True) == Decision(
        False, "the customer has opted out of surveys"
    )
    decision = may_ask(None, NOW, SETTINGS, opted_out=False, untick=True)
    assert not decision.ok and "founder" in decision.reason
    # opt-out is reported even when the rest period would also block
    assert "opted out" in may_ask(NOW, NOW, SETTINGS, opted_out=True).reason


def test_shorter_rest_period_setting() -> None:
    settings = FollowupSettings(rest_period_days=30)
    assert may_ask(NOW - timedelta(days=31), NOW, settings, opted_out=False).ok


# -- the closed loop --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("satisfied", "score", "reopen", "close", "at_risk", "review"),
    [
        (False, None, True, False, False, False),
        (True, None, False, True, False, False),
        (None, 0, True, False, True, False),
        (None, 4, True, False, True, False),
        (None, 5, True, False, False, False),
        (None, 6, True, False, False, False),
        (None, 7, False, True, False, False),
        (None, 8, False, True, False, False),
        (None, 9, False, True, False, True),
        (None, 10, False, True, False, True),
        (True, 10, False, True, False, True),
        (False, 2, True, False, True, False),
        # disagreement: the unhappy half wins (see the module docstring)
        (True, 5, True, False, False, False),
        (True, 3, True, False, True, False),
        (False, 9, True, False, False, False),
        (False, 8, True, False, False, False),
        (True, 7, False, True, False, False),
    ],
)
def test_outcome_for(
    satisfied: bool | None,
    score: int | None,
    reopen: bool,
    close: bool,
    at_risk: bool,
    review: bool,
) -> None:
    outcome = outcome_for(satisfied, score)
    assert (outcome.reopen, outcome.close, outcome.at_risk_public, outcome.ask_for_review) == (
        reopen,
        close,
        at_risk,
        review,
    )
    assert outcome.callback_within == (timedelta(hours=24) if reopen else None)
    assert not outcome.needs_founder


def test_a_no_with_a_promoter_score_is_still_a_promoter_but_no_review_request() -> None:
    outcome = outcome_for(False, 10)
    assert outcome.promoter and not outcome.ask_for_review and outcome.reopen


def test_yes_with_detractor_score_explains_itself() -> None:
    outcome = outcome_for(True, 5)
    assert "detractor even with a yes" in outcome.reason


def test_nothing_readable_goes_to_the_founder() -> None:
    outcome = outcome_for(None, None)
    assert outcome.needs_founder
    assert not (outcome.reopen or outcome.close)
    assert outcome.callback_due(NOW) is None


def test_callback_is_wall_clock_24_hours_even_over_a_weekend() -> None:
    friday_evening = cph(2026, 11, 27, 18)
    due = outcome_for(False, None).callback_due(friday_evening)
    assert due == cph(2026, 11, 28, 18)


def test_custom_callback_window() -> None:
    outcome = ClosedLoop(callback_within=timedelta(hours=4)).outcome_for(None, 2)
    assert outcome.callback_due(NOW) == NOW + timedelta(hours=4)


@pytest.mark.parametrize("bad", [-1, 11])
def test_outcome_rejects_impossible_scores(bad: int) -> None:
    with pytest.raises(ValueError):
        outcome_for(True, bad)
