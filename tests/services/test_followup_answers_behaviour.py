"""Answers to the "are you satisfied?" check and the closed loop, through the composed app
(``Services.open``): an unhappy answer reopens the case owing a 24-hour call-back, a happy one
closes it, every score follows the rule; the due list, the statistics and a customer's
history. Split from test_followups_behaviour.py (same fixtures)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.types import (
    CallDirection,
    CallOutcome,
    Channel,
    InquiryKind,
    Status,
)
from soloservice.services.calls import CallLog
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.services.test_followups_behaviour import app, new_case, resolve, the_check

CPH = ZoneInfo("Europe/Copenhagen")

__all__ = ["app"]  # the fixture, imported for pytest


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
