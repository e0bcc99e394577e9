"""Weekly review figures on a fixed data set, with the right answers worked out by hand.

The week is ISO 2026-W22: Monday 25 May 2026 (Whit Monday, "Anden pinsedag", a Danish public
holiday) to Sunday 31 May, Copenhagen summer time (UTC+2). Business hours 09:00-17:00 Mon-Fri.
Promises: email/form 8 business hours, phone/social 4. "Now" is Tuesday 2 June 2026 10:00.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.iceberg import Iceberg
from soloservice.domain.iso_weeks import iso_week_bounds, last_full_week, parse_iso_week
from soloservice.domain.promise import BusinessCalendar, due_at
from soloservice.domain.review_math import (
    DetractorAnswer,
    Figure,
    InquiryRecord,
    OldestWaiting,
    WeeklyReview,
    median,
    percentile_nearest_rank,
    week_review,
)
from soloservice.domain.types import Channel, InquiryKind, Status

CPH = ZoneInfo("Europe/Copenhagen")
DK = BusinessCalendar()
E, F, P, FB = Channel.EMAIL, Channel.FORM, Channel.PHONE, Channel.FACEBOOK
C, Q, PR = InquiryKind.COMPLAINT, InquiryKind.QUESTION, InquiryKind.PRAISE


def cph(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CPH)


def h(hours: float) -> timedelta:
    return timedelta(hours=hours)


NOW = cph(6, 2, 10)

# id, channel, kind, received, due (worked out by hand), first response, status, ...
RECORDS = [
    # 1: last week's complaint; due Fri 16-17 (1h) + Mon holiday + Tue 09-16 (7h) = Tue 16:00.
    #    Answered Tue 10:00, resolved Wed in W22: counts only as "resolved".
    InquiryRecord(
        1,
        E,
        C,
        cph(5, 22, 16),
        Status.RESOLVED,
        cph(5, 26, 16),
        cph(5, 26, 10),
        True,
        cph(5, 27, 12),
        customer_id=500,
        lifetime_value=10_000,
    ),
    # 2: received on the holiday; due Tue 09:00 + 8h = Tue 17:00; answered Tue 09:30
    #    -> first response 0:30 business (the holiday counts nothing); kept (computed).
    InquiryRecord(2, E, Q, cph(5, 25, 10), Status.CLOSED, cph(5, 26, 17), cph(5, 26, 9, 30)),
    # 3: complaint Tue 09:00, due Tue 17:00, answered 13:00 -> 4:00, kept; resolved Thu,
    #    reopened Sat by the customer: open again now.
    InquiryRecord(
        3,
        E,
        C,
        cph(5, 26, 9),
        Status.OPEN,
        cph(5, 26, 17),
        cph(5, 26, 13),
        True,
        cph(5, 28, 10),
        (cph(5, 30, 11),),
        customer_id=100,
        lifetime_value=100_000,
    ),
    # 4: phone complaint solved on the call: 0:00; due Wed 3h + Thu 1h = Thu 10:00; kept.
    InquiryRecord(
        4,
        P,
        C,
        cph(5, 27, 14),
        Status.RESOLVED,
        cph(5, 28, 10),
        cph(5, 27, 14),
        True,
        cph(5, 27, 14, 30),
        customer_id=200,
        lifetime_value=50_000,
    ),
    # 5: Facebook Thu 16:00; due Thu 1h + Fri 3h = Fri 12:00; answered Fri 15:00
    #    -> Thu 1h + Fri 6h = 7:00 business; broken.
    InquiryRecord(5, FB, Q, cph(5, 28, 16), Status.OPEN, cph(5, 29, 12), cph(5, 29, 15), False),
    # 6: complaint Fri 15:00; due Fri 2h + Mon 1 Jun 6h = Mon 15:00; unanswered: overdue now.
    InquiryRecord(
        6, E, C, cph(5, 29, 15), Status.NEW, cph(6, 1, 15), customer_id=300, lifetime_value=20_000
    ),
    # 7: form complaint Saturday; due Mon 09:00 + 8h = Mon 17:00; unanswered: overdue now.
    #    Same customer as 3: their value counts once.
    InquiryRecord(
        7, F, C, cph(5, 30, 10), Status.NEW, cph(6, 1, 17), customer_id=100, lifetime_value=100_000
    ),
    # 8: Sunday evening mail, answered Mon 09:10 -> 0:10 business; due Mon 17:00; kept.
    InquiryRecord(8, E, Q, cph(5, 31, 20), Status.WAITING, cph(6, 1, 17), cph(6, 1, 9, 10), True),
    # 9: next week (Mon 1 Jun 08:00), unanswered; due Mon 17:00. Not in W22 at all.
    InquiryRecord(9, E, Q, cph(6, 1, 8), Status.NEW, cph(6, 1, 17)),
    # 10: two weeks old and never answered: the oldest waiting; due Mon 7h + Tue 1h = Tue 10:00.
    InquiryRecord(10, E, Q, cph(5, 18, 10), Status.OPEN, cph(5, 19, 10)),
    # 11: praise Tue 11:00; due Tue 6h + Wed 2h = Wed 11:00; answered exactly Wed 11:00
    #     -> 8:00 business; kept (at the due time is in time; computed).
    InquiryRecord(11, E, PR, cph(5, 26, 11), Status.CLOSED, cph(5, 27, 11), cph(5, 27, 11)),
    # 12: this week, Tue 2 Jun 09:30; due Tue 7.5h + Wed 0.5h = Wed 09:30: still running.
    InquiryRecord(12, E, Q, cph(6, 2, 9, 30), Status.NEW, cph(6, 3, 9, 30)),
]

DETRACTORS = [
    # in W22: customer 200 (phone case 4) and customer 300 (who also has open complaint 6)
    DetractorAnswer(200, 50_000, cph(5, 29, 11), P, inquiry_id=4),
    DetractorAnswer(300, 20_000, cph(5, 31, 12), E),
    # last week: not at risk in W22's figures
    DetractorAnswer(400, 75_000, cph(5, 22, 9), E, inquiry_id=None),
]


def test_the_hand_worked_due_times_match_the_calendar() -> None:
    for record in RECORDS:
        assert record.due_at == due_at(record.received_at, record.channel, DK), record.id


@pytest.fixture(scope="module")
def review() -> WeeklyReview:
    return week_review(RECORDS, year=2026, week=22, now=NOW, calendar=DK, detractors=DETRACTORS)


def test_week_bounds(review: WeeklyReview) -> None:
    assert review.label == "2026-W22"
    assert review.start == datetime(2026, 5, 24, 22, tzinfo=UTC)
    assert review.end == datetime(2026, 5, 31, 22, tzinfo=UTC)


def test_totals(review: WeeklyReview) -> None:
    t = review.total
    # received in the week: 2, 3, 4, 5, 6, 7, 8, 11
    assert t.received == Figure(8, (2, 3, 4, 5, 6, 7, 8, 11))
    # of those, answered by now: all but 6 and 7
    assert t.answered == Figure(6, (2, 3, 4, 5, 8, 11))
    # no response now, received before the week ended: 6, 7 and the old 10 (not 9 or 12)
    assert t.unanswered_now == Figure(3, (6, 7, 10))
    assert t.oldest_waiting == OldestWaiting(10, cph(5, 18, 10), timedelta(days=15))
    assert t.overdue_now == Figure(3, (6, 7, 10))
    # first-response times: 0:30, 4:00, 0:00, 7:00, 0:10, 8:00
    # sorted 0:00 0:10 0:30 | 4:00 7:00 8:00 -> median (0:30 + 4:00) / 2 = 2:15
    assert t.first_response_median == Figure(h(2.25), (2, 3, 4, 5, 8, 11))
    # nearest rank: ceil(0.9 * 6) = 6th smallest = 8:00
    assert t.first_response_p90.value == h(8)
    # kept 2, 3, 4, 8, 11; broken 5 (late), 6 and 7 (unanswered past due) -> 5/8
    assert t.promises_kept_percent == Figure(62.5, (2, 3, 4, 5, 6, 7, 8, 11))
    assert t.promises_broken == Figure(3, (5, 6, 7))
    # resolved in the week: 1 (Wed), 3 (Thu), 4 (Wed); reopened: 3 (Sat)
    assert t.resolved == Figure(3, (1, 3, 4))
    assert t.reopened == Figure(1, (3,))
    # complaints received: 3, 4, 6, 7 -> iceberg 40 to 104
    assert t.complaints == Figure(4, (3, 4, 6, 7))
    assert t.iceberg == (40, 104)
    # open complaints now: 3 and 7 (customer 100: 100,000 once), 6 (customer 300: 20,000);
    # detractors in W22: 200 (50,000), 300 (already counted); 400 was last week.
    assert t.value_at_risk == Figure(170_000.0, (3, 4, 6, 7))


def test_per_channel(review: WeeklyReview) -> None:
    email = review.per_channel[E]
    assert email.received.value == 5  # 2, 3, 6, 8, 11
    assert email.answered.ids == (2, 3, 8, 11)
    assert email.unanswered_now.ids == (6, 10)
    # 0:10, 0:30, 4:00, 8:00 -> median 2:15; p90 rank ceil(3.6) = 4 -> 8:00
    assert email.first_response_median.value == h(2.25)
    assert email.first_response_p90.value == h(8)
    assert email.promises_kept_percent.value == 80.0  # 4 of 5; 6 broken
    assert email.resolved.ids == (1, 3)
    assert email.iceberg == (20, 52)
    # customers 100 (complaint 3) and 300 (complaint 6 and a detractor answer)
    assert email.value_at_risk == Figure(120_000.0, (3, 6))

    phone = review.per_channel[P]
    assert phone.first_response_median.value == timedelta(0)
    assert phone.promises_kept_percent.value == 100.0
    assert phone.unanswered_now.value == 0 and phone.oldest_waiting is None
    assert phone.value_at_risk == Figure(50_000.0, (4,))  # the detractor answer only

    facebook = review.per_channel[FB]
    assert facebook.first_response_median.value == h(7)
    assert facebook.promises_kept_percent == Figure(0.0, (5,))

    form = review.per_channel[F]
    assert form.first_response_median == Figure(None, ())
    assert form.overdue_now.ids == (7,)
    assert form.value_at_risk.value == 100_000.0

    quiet = review.per_channel[Channel.INSTAGRAM]
    assert quiet.received.value == 0
    assert quiet.promises_kept_percent.value is None
    assert quiet.first_response_p90.value is None
    assert quiet.iceberg == (0, 0)


def test_current_week_leaves_running_promises_out() -> None:
    review = week_review(RECORDS, year=2026, week=23, now=NOW, calendar=DK)
    t = review.total
    assert t.received.ids == (9, 12)
    # 9 is past due unanswered (broken); 12 is still running: not counted either way
    assert t.promises_kept_percent == Figure(0.0, (9,))
    # waiting now: everything unanswered received before now
    assert t.unanswered_now.ids == (6, 7, 9, 10, 12)
    assert t.overdue_now.ids == (6, 7, 9, 10)
    assert t.resolved.value == 0


def test_week_without_inquiries_has_no_made_up_figures() -> None:
    review = week_review([], year=2026, week=10, now=NOW, calendar=DK)
    t = review.total
    assert t.received == Figure(0, ())
    assert t.first_response_median.value is None
    assert t.promises_kept_percent.value is None
    assert t.value_at_risk.value == 0.0


# -- ISO weeks -------------------------------------------------------------------------------


def test_iso_week_bounds_across_dst_end() -> None:
    # W43 2026: Mon 19 Oct 00:00 CEST to Mon 26 Oct 00:00 CET, 169 hours
    start, end = iso_week_bounds(2026, 43, "Europe/Copenhagen")
    assert start == datetime(2026, 10, 18, 22, tzinfo=UTC)
    assert end == datetime(2026, 10, 25, 23, tzinfo=UTC)
    assert end - start == h(169)


def test_iso_week_53_and_year_boundary() -> None:
    start, end = iso_week_bounds(2026, 53, ZoneInfo("Europe/Oslo"))
    assert start == datetime(2026, 12, 27, 23, tzinfo=UTC)  # Mon 28 Dec 00:00 CET
    assert end == datetime(2027, 1, 3, 23, tzinfo=UTC)
    with pytest.raises(ValueError):
        iso_week_bounds(2025, 53, "Europe/Copenhagen")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 24, 9, tzinfo=UTC), (2026, 47)),
        # Sunday 29 Nov 23:30 local: week 48 is not over yet
        (datetime(2026, 11, 29, 22, 30, tzinfo=UTC), (2026, 47)),
        # Monday 30 Nov 00:30 local (still Sunday in UTC): week 48 has ended
        (datetime(2026, 11, 29, 23, 30, tzinfo=UTC), (2026, 48)),
        # early January: last week of the previous ISO year
        (datetime(2027, 1, 6, 12, tzinfo=UTC), (2026, 53)),
    ],
)
def test_last_full_week(now: datetime, expected: tuple[int, int]) -> None:
    assert last_full_week(now, "Europe/Copenhagen") == expected


def test_parse_iso_week() -> None:
    assert parse_iso_week("2026-W47") == (2026, 47)
    assert parse_iso_week("2026w07") == (2026, 7)
    for bad in ("2026-47", "W47", "2025-W53", "2026-W00", "2026-W54"):
        with pytest.raises(ValueError):
            parse_iso_week(bad)


# -- statistics ------------------------------------------------------------------------------


def test_median_and_nearest_rank_percentile() -> None:
    ten = [h(n) for n in range(1, 11)]  # 1..10 hours
    assert median(ten) == h(5.5)
    assert percentile_nearest_rank(ten, 90) == h(9)  # ceil(9.0) = 9th
    assert median([h(3), h(1), h(2)]) == h(2)
    assert percentile_nearest_rank([h(3), h(1), h(2)], 90) == h(3)  # ceil(2.7) = 3rd
    assert percentile_nearest_rank([h(4)], 90) == h(4)
    assert median([]) is None and percentile_nearest_rank([], 90) is None
    with pytest.raises(ValueError):
        percentile_nearest_rank(ten, 0)


# -- the iceberg, capped by the customers on record; value at risk by where it comes from ------


def test_the_iceberg_is_capped_by_the_customers_on_record() -> None:
    """The issue's shop: 17 complaints from 17 of its 80 customers."""
    records = [
        InquiryRecord(100 + i, E, C, cph(5, 26, 9), Status.OPEN, customer_id=i) for i in range(17)
    ]
    unbounded = week_review(records, year=2026, week=22, now=NOW, calendar=DK).total
    assert unbounded.iceberg == (170, 442) and not unbounded.silent_unhappy.bounded
    capped = week_review(records, year=2026, week=22, now=NOW, calendar=DK, customer_base=80).total
    ice = capped.silent_unhappy
    assert (ice.estimate, ice.customers, ice.complainers, ice.bound) == ((170, 442), 80, 17, 63)
    assert ice.bounded and capped.iceberg == (63, 63)
    # a big enough base leaves the low end and caps only the high one
    big = week_review(records, year=2026, week=22, now=NOW, calendar=DK, customer_base=317)
    assert big.total.iceberg == (170, 300) and big.total.silent_unhappy.bounded
    huge = week_review(records, year=2026, week=22, now=NOW, calendar=DK, customer_base=5_000)
    assert huge.total.iceberg == (170, 442) and not huge.total.silent_unhappy.bounded


def test_two_complaints_from_one_customer_count_one_complainer() -> None:
    records = [
        InquiryRecord(1, E, C, cph(5, 26, 9), Status.OPEN, customer_id=7),
        InquiryRecord(2, P, C, cph(5, 27, 9), Status.OPEN, customer_id=7),
    ]
    total = week_review(records, year=2026, week=22, now=NOW, calendar=DK, customer_base=3).total
    assert total.silent_unhappy.complainers == 1
    assert total.iceberg == (2, 2)


@given(
    complaints=st.integers(0, 60),
    complainers=st.integers(0, 60),
    customers=st.one_of(st.none(), st.integers(0, 2_000)),
)
def test_the_capped_range_is_never_more_than_the_estimate_or_the_cap(
    complaints: int, complainers: int, customers: int | None
) -> None:
    ice = Iceberg(complaints, min(complainers, complaints), customers)
    low, high = ice.range
    assert 0 <= low <= high <= ice.estimate[1]
    assert low <= ice.estimate[0]
    if ice.bound is not None:
        assert high <= ice.bound
    assert ice.bounded == (ice.range != ice.estimate)


def test_value_at_risk_says_how_much_rests_on_the_default_value() -> None:
    records = [
        # customer 1: own annual value (known); customer 2: the default value
        InquiryRecord(1, E, C, cph(5, 26, 9), Status.OPEN, customer_id=1,
                      lifetime_value=240_000.0, value_known=True),
        InquiryRecord(2, E, C, cph(5, 26, 10), Status.OPEN, customer_id=2,
                      lifetime_value=100_000.0, value_known=False),
    ]  # fmt: skip
    detractors = [
        DetractorAnswer(3, 100_000.0, cph(5, 27, 9), P, inquiry_id=9, value_known=False),
        DetractorAnswer(1, 240_000.0, cph(5, 27, 9), E, inquiry_id=1),  # counted once
    ]
    t = week_review(records, year=2026, week=22, now=NOW, calendar=DK, detractors=detractors).total
    assert t.value_at_risk == Figure(440_000.0, (1, 2, 9))
    assert t.value_at_risk_default == Figure(200_000.0, (2, 9))
    assert t.value_at_risk_known == Figure(240_000.0, (1,))
