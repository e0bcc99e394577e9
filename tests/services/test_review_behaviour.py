"""The weekly review's numbers against a reference computed here, from the same made-up week.

A week of cases is generated at random (when each arrived, on which channel, whether it is
a complaint, when and how it was answered), played through the composed app in time order,
and the review of ISO week 2026-W48 is compared with what the definitions in DOMAIN.md give:

- received / answered: the week's cohort, and those of it answered by now;
- promises kept: answered by the due time; broken: answered late, or unanswered past due;
- unanswered now / overdue now: anything received before the week's end still waiting;
- complaints and the iceberg (10-26 silent unhappy per complaint, capped by the customers
  on record who did not speak up);
- value at risk: each customer with an open complaint once, at their lifetime value.

The due time of each case is read back from the app (the promise math has tests of its own);
every other number is recomputed here.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain.types import CallDirection, CallOutcome, Channel, IdentityKind, InquiryKind
from soloservice.services.calls import CallLog
from soloservice.services.customer_changes import CustomerChanges
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.properties.conftest import PROPERTIES

CPH = ZoneInfo("Europe/Copenhagen")
YEAR, WEEK = 2026, 48
START = datetime(2026, 11, 23, 0, 0, tzinfo=CPH)  # Monday of W48
END = START + timedelta(days=7)
NOW = END + timedelta(hours=10)  # Monday of W49, 10:00: the week is the last full one


@dataclass(frozen=True)
class Case:
    customer: int
    channel: Channel
    complaint: bool
    #: minutes after the week's start (negative: the backlog from before)
    arrives: int
    #: minutes after arriving that the founder called back; None: not yet
    answer_after: int | None
    #: the call settled it (resolved); else the case waits on the customer
    solved: bool


week_cases = st.lists(
    st.builds(
        Case,
        customer=st.integers(0, 4),
        channel=st.sampled_from([Channel.EMAIL, Channel.FORM, Channel.PHONE]),
        complaint=st.booleans(),
        arrives=st.integers(-3 * 24 * 60, 7 * 24 * 60 + 9 * 60),
        answer_after=st.none() | st.integers(1, 4 * 24 * 60),
        solved=st.booleans(),
    ),
    min_size=1,
    max_size=8,
)
annual_values = st.lists(
    st.none() | st.floats(0, 200_000, allow_nan=False, allow_infinity=False),
    min_size=5,
    max_size=5,
)


@dataclass
class Played:
    id: int
    case: Case
    customer_id: int
    received: datetime
    due: datetime | None
    answered: datetime | None


def play(
    app: Services, clock: FixedClock, cases: list[Case], values: list[float | None]
) -> list[Played]:
    """Every arrival and every call-back, in the order they happened."""
    moments: list[tuple[datetime, int, str, int]] = []
    for index, case in enumerate(cases):
        arrived = START + timedelta(minutes=case.arrives)
        moments.append((arrived, 0, "arrive", index))
        if case.answer_after is not None:
            answered = arrived + timedelta(minutes=case.answer_after)
            if answered <= NOW:
                moments.append((answered, 1, "answer", index))
    played: dict[int, Played] = {}
    for moment, _order, what, index in sorted(moments):
        clock.set(moment)
        case = cases[index]
        if what == "arrive":
            detail = app.inquiries.create(
                NewInquiry(
                    customer=CustomerRef(
                        name=f"Kunde {case.customer}",
                        identity_kind=IdentityKind.EMAIL,
                        identity_value=f"kunde{case.customer}@example.dk",
                    ),
                    channel=case.channel,
                    subject=f"Sag {index}",
                    text="Hej, jeg har et spørgsmål.",
                    kind=InquiryKind.COMPLAINT if case.complaint else InquiryKind.QUESTION,
                )
            )
            app.customers.update(
                detail.customer.id, CustomerChanges(annual_value=values[case.customer])
            )
            played[index] = Played(
                detail.id, case, detail.customer.id, detail.received_at, detail.due_at, None
            )
        else:
            app.calls.log_call(
                CallLog(
                    phone="",
                    note="Ringede tilbage",
                    inquiry_id=played[index].id,
                    direction=CallDirection.OUTGOING,
                    outcome=CallOutcome.SOLVED if case.solved else None,
                )
            )
            played[index].answered = moment
    clock.set(NOW)
    return list(played.values())


def ids(rows: list[Played]) -> tuple[int, ...]:
    return tuple(sorted(r.id for r in rows))


def fresh(template: Path, clock: FixedClock) -> Services:
    folder = Path(tempfile.mkdtemp(prefix="review-", dir=template.parent))
    shutil.copyfile(template, folder / "soloservice.sqlite3")
    services = Services.open(folder)
    services.ctx.clock = clock
    return services


@pytest.fixture(scope="module")
def template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("review-template") / "soloservice.sqlite3"
    shutil.copyfile(migrated_template, target)
    return target


@settings(PROPERTIES, max_examples=25)
@given(cases=week_cases, values=annual_values)
def test_the_weekly_review_matches_the_definitions(
    template: Path, cases: list[Case], values: list[float | None]
) -> None:
    clock = FixedClock(NOW)
    app = fresh(template, clock)
    try:
        played = play(app, clock, cases, values)
        assert app.review.last_full_week() == (YEAR, WEEK)
        review = app.review.week(YEAR, WEEK)
    finally:
        app.close()
    defaults = app.ctx.settings
    total = review.total

    cohort = [p for p in played if START <= p.received < END]
    answered = [p for p in cohort if p.answered is not None]
    waiting = [p for p in played if p.received < END and p.answered is None]
    overdue = [p for p in waiting if p.due is not None and p.due < NOW]
    kept = [p for p in answered if p.due is not None and p.answered <= p.due]  # type: ignore[operator]
    broken = [p for p in answered if p.due is not None and p.answered > p.due]  # type: ignore[operator]
    broken += [p for p in cohort if p.answered is None and p.due is not None and p.due < NOW]
    decided = len(kept) + len(broken)

    assert total.received.ids == ids(cohort)
    assert total.answered.ids == ids(answered)
    assert total.unanswered_now.ids == ids(waiting)
    assert total.overdue_now.ids == ids(overdue)
    assert total.promises_broken.ids == ids(broken)
    if decided:
        assert total.promises_kept_percent.value == pytest.approx(100 * len(kept) / decided)
    else:
        assert total.promises_kept_percent.value is None
    resolved = [
        p for p in played if p.case.solved and p.answered is not None and START <= p.answered < END
    ]
    assert total.resolved.ids == ids(resolved)

    complaints = [p for p in cohort if p.case.complaint]
    assert total.complaints.ids == ids(complaints)
    known = {p.customer_id for p in played if p.received < END}
    speakers = {p.customer_id for p in complaints}
    bound = len(known) - len(speakers)
    assert total.iceberg == (min(10 * len(complaints), bound), min(26 * len(complaints), bound))

    open_complaints = [
        p
        for p in played
        if p.case.complaint and p.received < END and not (p.case.solved and p.answered)
    ]
    at_risk = {p.customer_id: p.case.customer for p in open_complaints}
    worth = {
        cid: (values[index] if values[index] is not None else defaults.default_annual_value)
        * defaults.default_expected_years
        for cid, index in at_risk.items()
    }
    assert total.value_at_risk.value == pytest.approx(sum(worth.values()))
    assert total.value_at_risk.ids == ids(open_complaints)

    # every channel's column adds up to the total, and "social" holds none of these
    for figure in ("received", "answered", "unanswered_now", "complaints"):
        per_channel = sum(getattr(review.column(c.value), figure).value for c in Channel)
        assert per_channel == getattr(total, figure).value, figure
    for channel in (Channel.EMAIL, Channel.FORM, Channel.PHONE):
        column = review.column(channel.value)
        assert column.received.ids == ids([p for p in cohort if p.case.channel is channel])
        mine = [p for p in waiting if p.case.channel is channel]
        assert column.unanswered_now.ids == ids(mine)  # which channels are left unanswered
        assert column.overdue_now.ids == ids([p for p in overdue if p.case.channel is channel])
    assert review.column("social").received.value == 0


def test_an_empty_week_has_no_percentages_and_no_risk(template: Path) -> None:
    clock = FixedClock(NOW)
    app = fresh(template, clock)
    try:
        total = app.review.week(YEAR, WEEK).total
    finally:
        app.close()
    assert total.received.value == 0
    assert total.promises_kept_percent.value is None
    assert total.first_response_median.value is None
    assert total.value_at_risk.value == 0
    assert total.iceberg == (0, 0)


@pytest.mark.parametrize(("year", "week"), [(2026, 0), (2026, 54), (2025, 53), (-1, 10)])
def test_a_week_that_does_not_exist_is_refused(template: Path, year: int, week: int) -> None:
    from soloservice.services.errors import InvalidInput

    app = fresh(template, FixedClock(NOW))
    try:
        with pytest.raises(InvalidInput):
            app.review.week(year, week)
    finally:
        app.close()


def test_the_week_runs_monday_to_monday_local_time(template: Path) -> None:
    app = fresh(template, FixedClock(NOW))
    try:
        start, end = app.review.bounds(YEAR, WEEK)
    finally:
        app.close()
    assert start == START and end == END
    assert start.astimezone(CPH).weekday() == 0 and start.astimezone(CPH).hour == 0
