"""Follow-up checks and the closed loop, driven through the composed app (``Services.open``).

Each test states a rule from the domain (rest period, praise is never surveyed, an unhappy
answer owes a call-back within 24 hours, a call-back keeps that promise) and checks it
against the store, not against the code that implements it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.types import (
    CallDirection,
    CallOutcome,
    Channel,
    IdentityKind,
    InquiryKind,
    Status,
)
from soloservice.services.calls import CallLog
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.storage.tables import CustomerRow
from tests.helpers.clock import FixedClock

CPH = ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def app(data_dir: Path, clock: FixedClock, migrated_template: Path) -> Iterator[Services]:
    """The real composition root over a fresh store, with the test's clock."""
    shutil.copyfile(migrated_template, data_dir / "soloservice.sqlite3")
    services = Services.open(data_dir)
    services.ctx.clock = clock
    yield services
    services.close()


def new_case(
    app: Services,
    *,
    email: str = "mette@example.dk",
    name: str = "Mette Hansen",
    kind: InquiryKind = InquiryKind.COMPLAINT,
    channel: Channel = Channel.EMAIL,
) -> int:
    detail = app.inquiries.create(
        NewInquiry(
            customer=CustomerRef(name=name, identity_kind=IdentityKind.EMAIL, identity_value=email),
            channel=channel,
            subject="Pakken er ikke kommet",
            text="Hej, jeg har ventet på min pakke i 10 dage.",
            kind=kind,
        )
    )
    return detail.id


def resolve(app: Services, inquiry_id: int) -> None:
    app.inquiries.set_status(inquiry_id, Status.RESOLVED)


def the_check(app: Services, inquiry_id: int):  # type: ignore[no-untyped-def]
    checks = [s for s in app.surveys.for_inquiry(inquiry_id) if s.kind == "followup"]
    assert len(checks) == 1, checks
    return checks[0]


# -- scheduling ---------------------------------------------------------------------------------


def test_resolving_schedules_one_check_three_days_later_at_the_same_local_hour(
    app: Services, clock: FixedClock
) -> None:
    case = new_case(app)
    resolve(app, case)
    check = the_check(app, case)
    assert check.status == "scheduled"
    assert check.scheduled_for == clock.now + timedelta(days=3)  # Friday 10:00, an open hour
    assert check.by_mail is True


def test_a_check_falling_on_a_weekend_moves_to_monday_opening(
    app: Services, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 11, 26, 14, 0, tzinfo=CPH))  # Thursday: +3 days is Sunday
    case = new_case(app)
    resolve(app, case)
    check = the_check(app, case)
    assert check.scheduled_for is not None
    local = check.scheduled_for.astimezone(CPH)
    assert local.date() == datetime(2026, 11, 30).date()  # Monday
    assert 9 <= local.hour < 17


def test_resolving_twice_moves_the_check_instead_of_stacking_a_second(
    app: Services, clock: FixedClock
) -> None:
    case = new_case(app)
    resolve(app, case)
    first = the_check(app, case)
    app.inquiries.set_status(case, Status.OPEN)
    assert the_check(app, case).status == "skipped"  # called off while the case is open
    clock.advance(days=7)  # Tuesday again: three days on is an open Friday
    resolve(app, case)
    again = the_check(app, case)
    assert again.id == first.id
    assert again.status == "scheduled"
    assert again.scheduled_for == clock.now + timedelta(days=3)


def test_undoing_a_resolve_cancels_its_check(app: Services) -> None:
    case = new_case(app)
    change = app.inquiries.set_status(case, Status.RESOLVED)
    assert the_check(app, case).status == "scheduled"
    app.inquiries.undo_status(change)
    check = the_check(app, case)
    assert check.status == "skipped"
    assert "open again" in check.skip_reason
    assert app.surveys.due(check.scheduled_for) == []


def test_praise_is_never_surveyed(app: Services) -> None:
    case = new_case(app, kind=InquiryKind.PRAISE)
    resolve(app, case)
    check = the_check(app, case)
    assert check.status == "skipped"
    assert "praise" in check.skip_reason


def test_an_opted_out_customer_is_not_asked_and_ticking_back_asks_again(app: Services) -> None:
    case = new_case(app)
    customer = app.inquiries.get(case).customer.id
    with app.ctx.db.session() as session:
        row = session.get(CustomerRow, customer)
        assert row is not None
        row.opted_out = True
    resolve(app, case)
    assert "opted out" in the_check(app, case).skip_reason
    with app.ctx.db.session() as session:
        row = session.get(CustomerRow, customer)
        assert row is not None
        row.opted_out = False
    view = app.surveys.set_skip(case, False)
    assert view is not None and view.status == "scheduled"


def test_the_founders_untick_wins_until_ticked_again(app: Services) -> None:
    case = new_case(app)
    resolve(app, case)
    unticked = app.surveys.set_skip(case, True)
    assert unticked is not None and unticked.status == "skipped"
    assert "founder" in unticked.skip_reason
    ticked = app.surveys.set_skip(case, False)
    assert ticked is not None and ticked.status == "scheduled"


# -- the rest period ------------------------------------------------------------------------------


def test_a_second_case_within_the_rest_period_is_skipped_with_the_date_it_ends(
    app: Services, clock: FixedClock
) -> None:
    first = new_case(app)
    resolve(app, first)
    first_check = the_check(app, first)
    clock.advance(days=1)
    second = new_case(app)
    resolve(app, second)
    check = the_check(app, second)
    assert check.status == "skipped"
    assert "rest period" in check.skip_reason
    assert first_check.scheduled_for is not None
    ends = first_check.scheduled_for + timedelta(days=app.ctx.settings.rest_period_days)
    assert f"{ends:%Y-%m-%d}" in check.skip_reason


def test_the_rest_period_is_per_customer(app: Services, clock: FixedClock) -> None:
    resolve(app, new_case(app))
    clock.advance(hours=1)
    other = new_case(app, email="ole@example.no", name="Ole Nordmann")
    resolve(app, other)
    assert the_check(app, other).status == "scheduled"


def _asked_then_new_case_after(app: Services, clock: FixedClock, days: float) -> str:
    """A check answered in person at its time; a second case resolved ``days`` later."""
    first = new_case(app)
    resolve(app, first)
    check = the_check(app, first)
    assert check.scheduled_for is not None
    clock.set(check.scheduled_for)
    app.surveys.record_answer(check.id, satisfied=True)  # asked (in person) now
    clock.set(check.scheduled_for + timedelta(days=days))
    second = new_case(app)
    resolve(app, second)
    view = the_check(app, second)
    return view.status


@pytest.mark.parametrize(
    ("days_after", "status"),
    [(176, "skipped"), (177, "scheduled"), (179, "scheduled"), (180, "scheduled")],
)
def test_the_rest_period_ends_exactly_rest_period_days_after_the_last_question(
    app: Services, clock: FixedClock, days_after: int, status: str
) -> None:
    """Judged when the check is due (three days after resolving), not when resolving: a case
    resolved on day 176 would be asked on day 179, inside the 180 days; on day 177, on 180."""
    assert _asked_then_new_case_after(app, clock, days_after) == status


def test_a_check_made_after_the_rest_period_ends_is_not_skipped(
    app: Services, clock: FixedClock
) -> None:
    assert _asked_then_new_case_after(app, clock, 177) == "scheduled"


def test_a_skipped_check_does_not_hold_the_rest_period(app: Services, clock: FixedClock) -> None:
    praise = new_case(app, kind=InquiryKind.PRAISE)
    resolve(app, praise)
    assert the_check(app, praise).status == "skipped"
    complaint = new_case(app)
    resolve(app, complaint)
    assert the_check(app, complaint).status == "scheduled"


# -- answers and the closed loop -------------------------------------------------------------------


def _answered(app: Services, clock: FixedClock, **answer: object):  # type: ignore[no-untyped-def]
    """A case settled on a call-back (answered, then resolved), then its check answered."""
    case = new_case(app)
    app.calls.log_call(
        CallLog(phone="", note="Ringede og løste det", inquiry_id=case,
                direction=CallDirection.OUTGOING, outcome=CallOutcome.SOLVED)
    )  # fmt: skip
    assert app.inquiries.get(case).status is Status.RESOLVED
    check = the_check(app, case)
    assert check.scheduled_for is not None
    clock.set(check.scheduled_for + timedelta(hours=2))
    result = app.surveys.record_answer(check.id, **answer)  # type: ignore[arg-type]
    return case, result


def test_an_unhappy_answer_reopens_the_case_owing_a_call_back_within_24_hours(
    app: Services, clock: FixedClock
) -> None:
    case, result = _answered(app, clock, satisfied=False, comment="Den var stadig i stykker")
    assert result.outcome is not None and result.outcome.reopen
    assert result.closed_loop_inquiry_id == case
    detail = app.inquiries.get(case)
    assert detail.status is Status.OPEN
    assert detail.closed_loop is True
    assert detail.needs_reply_since == clock.now
    assert detail.due_at == clock.now + timedelta(hours=24)
    assert detail.overdue is False
    clock.advance(hours=24, seconds=1)
    assert app.inquiries.get(case).overdue is True


def test_an_outgoing_call_back_answers_the_unhappy_customer(
    app: Services, clock: FixedClock
) -> None:
    case, _result = _answered(app, clock, satisfied=False)
    clock.advance(hours=3)
    detail = app.calls.log_call(
        CallLog(
            phone="",
            note="Ringede op, sender en ny vase",
            inquiry_id=case,
            direction=CallDirection.OUTGOING,
            outcome=None,
            duration=timedelta(minutes=5),
        )
    )
    assert detail.needs_reply_since is None
    assert detail.overdue is False
    clock.advance(days=2)
    assert app.inquiries.get(case).overdue is False  # nothing is owed any more
    assert any(m.channel is Channel.PHONE and m.call_duration_s == 300 for m in detail.messages)


def test_a_low_score_marks_the_case_at_risk_of_a_public_complaint(
    app: Services, clock: FixedClock
) -> None:
    case, result = _answered(app, clock, satisfied=None, score=3)
    assert result.outcome is not None and result.outcome.at_risk_public
    assert app.inquiries.get(case).at_risk_public is True


def test_a_happy_answer_closes_the_resolved_case(app: Services, clock: FixedClock) -> None:
    case, result = _answered(app, clock, satisfied=True, score=10)
    assert app.inquiries.get(case).status is Status.CLOSED
    assert result.survey.ask_for_review is True
    assert result.survey.status == "answered"


def test_a_happy_answer_leaves_a_case_reopened_meanwhile_alone(
    app: Services, clock: FixedClock
) -> None:
    case = new_case(app)
    resolve(app, case)
    check = the_check(app, case)
    clock.advance(days=1)
    app.surveys.record_answer(check.id, satisfied=True)
    assert app.inquiries.get(case).status is Status.CLOSED
    app.inquiries.set_status(case, Status.OPEN)
    assert app.inquiries.get(case).status is Status.OPEN


@pytest.mark.parametrize("score", range(11))
@pytest.mark.parametrize("satisfied", [None, True, False])
def test_every_answer_follows_the_closed_loop_rule(
    app: Services, clock: FixedClock, score: int, satisfied: bool | None
) -> None:
    """Reference: a "no" or a score 0-6 reopens; 0-4 is at risk; otherwise it closes."""
    case, result = _answered(app, clock, satisfied=satisfied, score=score)
    reopen = satisfied is False or score <= 6
    detail = app.inquiries.get(case)
    assert result.outcome is not None and result.outcome.reopen is reopen
    assert detail.status is (Status.OPEN if reopen else Status.CLOSED)
    assert detail.closed_loop is reopen
    assert detail.at_risk_public is (score <= 4)
    assert result.survey.ask_for_review is (not reopen and score >= 9)
    assert (detail.due_at == clock.now + timedelta(hours=24)) is reopen


def test_an_answer_is_recorded_once(app: Services, clock: FixedClock) -> None:
    case, result = _answered(app, clock, satisfied=True)
    with pytest.raises(InvalidInput, match="already answered"):
        app.surveys.record_answer(result.survey.id, satisfied=False)
    assert app.inquiries.get(case).status is Status.CLOSED


def test_a_skipped_check_takes_no_answer(app: Services) -> None:
    case = new_case(app, kind=InquiryKind.PRAISE)
    resolve(app, case)
    with pytest.raises(InvalidInput, match="skipped"):
        app.surveys.record_answer(the_check(app, case).id, satisfied=True)


@pytest.mark.parametrize(
    ("satisfied", "score"), [(None, None), (True, 11), (True, -1), (None, 100)]
)
def test_an_answer_needs_a_yes_no_or_a_score_in_range(
    app: Services, satisfied: bool | None, score: int | None
) -> None:
    case = new_case(app)
    resolve(app, case)
    check = the_check(app, case)
    with pytest.raises(InvalidInput):
        app.surveys.record_answer(check.id, satisfied=satisfied, score=score)
    assert the_check(app, case).status == "scheduled"  # nothing was half-written


def test_an_unknown_survey_is_not_found(app: Services) -> None:
    with pytest.raises(NotFound):
        app.surveys.record_answer(4242, satisfied=True)
    with pytest.raises(NotFound):
        app.surveys.get(4242)


def test_only_unclear_answers_are_classified(app: Services, clock: FixedClock) -> None:
    _case, result = _answered(app, clock, satisfied=True)
    with pytest.raises(InvalidInput, match="only unclear"):
        app.surveys.classify_unclear(result.survey.id, satisfied=False)


def test_due_lists_checks_in_order_of_their_time(app: Services, clock: FixedClock) -> None:
    late = new_case(app, email="a@example.dk", name="A")
    clock.advance(hours=1)
    early_clock = clock.now
    resolve(app, late)
    clock.set(early_clock - timedelta(hours=2))
    early = new_case(app, email="b@example.dk", name="B")
    resolve(app, early)
    moment = early_clock + timedelta(days=4)
    assert [s.inquiry_id for s in app.surveys.due(moment)] == [early, late]
    assert app.surveys.due(early_clock) == []


def test_stats_count_the_answers_of_the_period(app: Services, clock: FixedClock) -> None:
    start = clock.now
    for index, (satisfied, score) in enumerate([(True, 10), (True, 8), (False, 2), (True, 9)]):
        case = new_case(app, email=f"c{index}@example.dk", name=f"C{index}")
        resolve(app, case)
        check = the_check(app, case)
        app.surveys.record_answer(check.id, satisfied=satisfied, score=score)
    report = app.surveys.stats(start - timedelta(days=1), start + timedelta(days=30)).total
    assert report.answers == 4
    assert (report.promoters, report.passives, report.detractors) == (2, 1, 1)
    assert report.nps == pytest.approx(100 * (2 - 1) / 4)
    assert report.satisfaction_rate == pytest.approx(75.0)  # a percentage


def test_history_of_an_unknown_customer_is_not_found(app: Services) -> None:
    with pytest.raises(NotFound):
        app.surveys.customer_history(999)


def test_customer_history_leaves_out_skipped_checks(app: Services, clock: FixedClock) -> None:
    first = new_case(app)
    resolve(app, first)
    clock.advance(days=1)
    second = new_case(app)
    resolve(app, second)  # inside the rest period: skipped
    customer = app.inquiries.get(first).customer.id
    history = app.surveys.customer_history(customer)
    assert [s.inquiry_id for s in history] == [first]
