"""The founder's everyday actions on a case, through the composed app (``Services.open``):
kind with undo, snooze and wake, status with undo, calls, sender verdicts (templates and
remedies: test_templates_remedies_behaviour.py).

Each test checks what the founder would see afterwards (the detail, the review, the
promise), not how the service stored it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

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
from tests.helpers.clock import FixedClock
from tests.helpers.factories import every_inquiry


@pytest.fixture
def app(data_dir: Path, clock: FixedClock, migrated_template: Path) -> Iterator[Services]:
    shutil.copyfile(migrated_template, data_dir / "soloservice.sqlite3")
    services = Services.open(data_dir)
    services.ctx.clock = clock
    yield services
    services.close()


def case(
    app: Services,
    *,
    email: str = "mette@example.dk",
    kind: InquiryKind = InquiryKind.QUESTION,
    channel: Channel = Channel.EMAIL,
    text: str = "Hvornår kommer min pakke?",
) -> int:
    return app.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Mette Hansen", identity_kind=IdentityKind.EMAIL, identity_value=email
            ),
            channel=channel,
            subject="Min ordre",
            text=text,
            kind=kind,
        )
    ).id


# -- kind ---------------------------------------------------------------------------------------


def test_set_kind_is_the_founders_and_undo_puts_back_the_detectors(app: Services) -> None:
    inquiry = case(app, kind=InquiryKind.QUESTION)
    before = app.inquiries.get(inquiry)
    change = app.inquiries.set_kind(inquiry, "complaint")
    after = app.inquiries.get(inquiry)
    assert after.kind is InquiryKind.COMPLAINT
    assert after.flags.kind_source == "founder"
    app.inquiries.undo_kind(change)
    undone = app.inquiries.get(inquiry)
    assert undone.kind is before.kind
    assert undone.flags.kind_source == before.flags.kind_source
    assert undone.flags.kind_reason == before.flags.kind_reason
    assert [e.kind for e in undone.events if e.kind.startswith("kind")] == ["kind", "kind (undo)"]


def test_a_kind_undo_after_a_second_change_is_refused_and_changes_nothing(app: Services) -> None:
    inquiry = case(app)
    first = app.inquiries.set_kind(inquiry, InquiryKind.COMPLAINT)
    app.inquiries.set_kind(inquiry, InquiryKind.PRAISE)
    with pytest.raises(InvalidInput, match="changed since"):
        app.inquiries.undo_kind(first)
    assert app.inquiries.get(inquiry).kind is InquiryKind.PRAISE


def test_a_complaint_set_by_hand_counts_in_the_review(app: Services) -> None:
    inquiry = case(app)
    year, week = app.ctx.now().isocalendar()[:2]
    assert app.review.week(year, week).total.complaints.value == 0
    app.inquiries.set_kind(inquiry, "complaint")
    total = app.review.week(year, week).total
    assert total.complaints.value == 1 and total.complaints.ids == (inquiry,)
    assert total.silent_unhappy.estimate == (10, 26)  # the rule of thumb: 10-26 per complaint
    assert total.iceberg == (0, 0)  # ... but the only customer on record spoke up


@pytest.mark.parametrize("bad", ["", "compliment", "COMPLAINTS", "klage?"])
def test_an_unknown_kind_is_refused(app: Services, bad: str) -> None:
    inquiry = case(app)
    with pytest.raises(InvalidInput):
        app.inquiries.set_kind(inquiry, bad)
    assert app.inquiries.get(inquiry).flags.kind_source != "founder"


def test_set_kind_on_a_missing_inquiry_is_not_found(app: Services) -> None:
    with pytest.raises(NotFound):
        app.inquiries.set_kind(9999, "praise")


# -- snooze -------------------------------------------------------------------------------------


def test_snooze_hides_until_the_time_and_keeps_the_promise(
    app: Services, clock: FixedClock
) -> None:
    inquiry = case(app)
    due = app.inquiries.get(inquiry).due_at
    until = clock.now + timedelta(hours=3)
    detail = app.inquiries.snooze(inquiry, until)
    assert detail.snoozed_until == until
    assert detail.due_at == due  # a snooze never moves the promise
    woken = app.inquiries.snooze(inquiry, None)
    assert woken.snoozed_until is None
    assert [(e.old_value, e.new_value) for e in woken.events if e.kind == "snooze"] == [
        (None, until.isoformat()),
        (until.isoformat(), None),
    ]


@pytest.mark.parametrize("offset", [timedelta(0), timedelta(seconds=-1), timedelta(days=-3)])
def test_snooze_into_the_past_is_refused(
    app: Services, clock: FixedClock, offset: timedelta
) -> None:
    inquiry = case(app)
    with pytest.raises(InvalidInput, match="future"):
        app.inquiries.snooze(inquiry, clock.now + offset)
    assert app.inquiries.get(inquiry).snoozed_until is None


def test_a_naive_snooze_time_is_refused(app: Services, clock: FixedClock) -> None:
    inquiry = case(app)
    with pytest.raises(InvalidInput, match="time zone"):
        app.inquiries.snooze(inquiry, (clock.now + timedelta(days=1)).replace(tzinfo=None))


def test_only_open_cases_snooze_but_any_case_can_be_woken(app: Services, clock: FixedClock) -> None:
    inquiry = case(app)
    app.inquiries.set_status(inquiry, Status.RESOLVED)
    with pytest.raises(InvalidInput, match="only open ones"):
        app.inquiries.snooze(inquiry, clock.now + timedelta(days=1))
    assert app.inquiries.snooze(inquiry, None).snoozed_until is None


def test_a_customer_call_wakes_a_snoozed_case(app: Services, clock: FixedClock) -> None:
    inquiry = case(app)
    app.inquiries.snooze(inquiry, clock.now + timedelta(days=5))
    clock.advance(hours=1)
    detail = app.calls.log_call(
        CallLog(phone="+45 20 12 34 56", note="Ringer igen om pakken", inquiry_id=inquiry,
                direction=CallDirection.INCOMING, outcome=CallOutcome.CALLBACK)
    )  # fmt: skip
    assert detail.snoozed_until is None


def test_snooze_presets_all_lie_in_the_future(app: Services, clock: FixedClock) -> None:
    presets = app.inquiries.snooze_presets()
    assert presets and all(moment > clock.now for moment in presets.values())


# -- status and its undo ---------------------------------------------------------------------------


def test_resolve_then_undo_gives_back_status_promise_and_resolved_time(
    app: Services, clock: FixedClock
) -> None:
    inquiry = case(app)
    before = app.inquiries.get(inquiry)
    clock.advance(hours=1)
    change = app.inquiries.set_status(inquiry, "resolved")
    assert app.inquiries.get(inquiry).resolved_at == clock.now
    app.inquiries.undo_status(change)
    after = app.inquiries.get(inquiry)
    assert (after.status, after.due_at, after.resolved_at) == (
        before.status,
        before.due_at,
        before.resolved_at,
    )


def test_waiting_on_the_customer_pauses_the_promise_by_the_business_time_passed(
    app: Services, clock: FixedClock
) -> None:
    inquiry = case(app)
    due = app.inquiries.get(inquiry).due_at
    assert due is not None
    app.inquiries.set_status(inquiry, Status.WAITING)
    clock.advance(hours=2)  # Tuesday 10:00 -> 12:00, all inside opening hours
    change = app.inquiries.set_status(inquiry, Status.OPEN)
    assert change.new_due_at == app.ctx.calendar.add_business_hours(due, 2.0)


@pytest.mark.parametrize("bad", ["done", "", "RESOLVED!", "reopened"])
def test_an_unknown_status_is_refused(app: Services, bad: str) -> None:
    inquiry = case(app)
    with pytest.raises(InvalidInput):
        app.inquiries.set_status(inquiry, bad)


def test_an_empty_note_is_refused_and_a_note_is_not_a_reply(app: Services) -> None:
    inquiry = case(app)
    with pytest.raises(InvalidInput):
        app.inquiries.add_note(inquiry, "   \n ")
    detail = app.inquiries.add_note(inquiry, "  Ring hende i morgen  ")
    assert detail.messages[-1].text == "Ring hende i morgen"
    assert detail.first_response_at is None and detail.needs_reply_since is not None


# -- calls ----------------------------------------------------------------------------------------


def test_a_new_call_is_a_solved_phone_case_with_its_promise_kept(
    app: Services, clock: FixedClock
) -> None:
    detail = app.calls.log_call(
        CallLog(phone="+45 20 12 34 56", note="Spurgte til åbningstider\nmere tekst",
                name="Ole", duration=timedelta(minutes=6))
    )  # fmt: skip
    assert detail.channel is Channel.PHONE
    assert detail.status is Status.RESOLVED
    assert detail.subject == "Spurgte til åbningstider"
    assert detail.promise_kept is True
    assert detail.messages[0].call_duration_s == 360
    assert detail.received_at == clock.now - timedelta(minutes=6)
    assert any(i.kind is IdentityKind.PHONE for i in detail.customer.identities)


def test_a_call_back_owed_runs_the_phone_promise_from_the_end_of_the_call(
    app: Services, clock: FixedClock
) -> None:
    detail = app.calls.log_call(
        CallLog(phone="+45 20 12 34 56", note="Vasen er knust", complaint=True,
                outcome=CallOutcome.CALLBACK, duration=timedelta(minutes=10))
    )  # fmt: skip
    assert detail.status is Status.OPEN
    assert detail.kind is InquiryKind.COMPLAINT
    assert detail.needs_reply_since == clock.now
    assert detail.due_at == app.ctx.due_for(Channel.PHONE, clock.now)
    clock.advance(hours=1)
    back = app.calls.log_call(
        CallLog(phone="", note="Ringede tilbage", inquiry_id=detail.id,
                direction=CallDirection.OUTGOING, outcome=None)
    )  # fmt: skip
    assert back.needs_reply_since is None
    assert back.promise_kept is True


def test_a_late_call_back_breaks_the_promise(app: Services, clock: FixedClock) -> None:
    detail = app.calls.log_call(
        CallLog(phone="+45 20 12 34 56", note="Ring mig", outcome=CallOutcome.CALLBACK)
    )
    assert detail.due_at is not None
    clock.set(detail.due_at + timedelta(minutes=1))
    assert app.inquiries.get(detail.id).overdue is True
    back = app.calls.log_call(
        CallLog(phone="", note="Undskyld ventetiden", inquiry_id=detail.id,
                direction=CallDirection.OUTGOING, outcome=CallOutcome.SOLVED)
    )  # fmt: skip
    assert back.promise_kept is False
    assert back.status is Status.RESOLVED
    year, week = clock.now.isocalendar()[:2]
    total = app.review.week(year, week).total
    assert total.promises_broken.ids == (detail.id,)


@pytest.mark.parametrize(
    ("log", "message"),
    [
        (CallLog(phone="+4520123456", note="  "), "needs a note"),
        (CallLog(phone="", note="hej"), "phone number or a customer name"),
        (CallLog(phone="+4520123456", note="hej", duration=timedelta(hours=13)), "12 hours"),
        (CallLog(phone="+4520123456", note="hej", duration=timedelta(minutes=-1)), "12 hours"),
        (CallLog(phone="not a number at all", note="hej"), "."),
    ],
)
def test_a_call_that_cannot_be_logged_is_refused_and_stores_nothing(
    app: Services, log: CallLog, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        app.calls.log_call(log)
    assert every_inquiry(app) == []


def test_a_call_joins_only_an_open_case(app: Services) -> None:
    inquiry = case(app)
    app.inquiries.set_status(inquiry, Status.RESOLVED)
    with pytest.raises(InvalidInput, match="only an open case"):
        app.calls.log_call(CallLog(phone="", note="hej", inquiry_id=inquiry))
    with pytest.raises(NotFound):
        app.calls.log_call(CallLog(phone="", note="hej", inquiry_id=424242))


def test_the_number_of_a_call_on_a_case_becomes_the_customers(app: Services) -> None:
    inquiry = case(app)
    detail = app.calls.log_call(
        CallLog(phone="+45 20 12 34 56", note="ringede", inquiry_id=inquiry,
                direction=CallDirection.INCOMING, outcome=CallOutcome.SOLVED)
    )  # fmt: skip
    kinds = {i.kind for i in detail.customer.identities}
    assert kinds == {IdentityKind.EMAIL, IdentityKind.PHONE}


# -- sender verdicts -------------------------------------------------------------------------------


def test_spam_takes_the_senders_open_cases_out_of_the_review_and_undo_brings_them_back(
    app: Services, clock: FixedClock
) -> None:
    first = case(app, email="spam@example.dk")
    second = case(app, email="spam@example.dk", text="Køb billige ure")
    other = case(app, email="real@example.dk")
    year, week = clock.now.isocalendar()[:2]
    assert app.review.week(year, week).total.received.value == 3
    change = app.senders.set_verdict_for_inquiry(first, "spam")
    assert {m.inquiry_id for m in change.inquiries} == {first, second}
    for inquiry in (first, second):
        detail = app.inquiries.get(inquiry)
        assert detail.flags.automatic_reason and detail.flags.sender_verdict == "spam"
        assert detail.due_at is None or detail.needs_reply_since is None
    assert app.review.week(year, week).total.received.ids == (other,)
    app.senders.undo(change)
    assert app.inquiries.get(first).flags.automatic_reason == ""
    assert app.review.week(year, week).total.received.value == 3
    assert app.inquiries.get(first).due_at is not None


def test_a_spam_sender_is_never_surveyed(app: Services) -> None:
    inquiry = case(app, email="spam@example.dk")
    app.senders.set_verdict_for_inquiry(inquiry, "not-customer")
    app.inquiries.set_status(inquiry, Status.RESOLVED)
    (check,) = app.surveys.for_inquiry(inquiry)
    assert check.status == "skipped" and "automatic" in check.skip_reason


@pytest.mark.parametrize("bad", ["ham", "spammer", "customer!", "x"])
def test_an_unknown_verdict_is_refused(app: Services, bad: str) -> None:
    inquiry = case(app)
    with pytest.raises(InvalidInput, match="unknown sender verdict"):
        app.senders.set_verdict_for_inquiry(inquiry, bad)
    assert app.inquiries.get(inquiry).flags.sender_verdict == ""


def test_this_is_a_customer_clears_the_verdict(app: Services) -> None:
    inquiry = case(app, email="news@example.dk")
    app.senders.set_verdict_for_inquiry(inquiry, "spam")
    app.senders.not_automatic(inquiry)
    detail = app.inquiries.get(inquiry)
    assert detail.flags.automatic_reason == "" and detail.flags.sender_verdict == ""


def test_a_verdict_undo_after_another_verdict_is_refused(app: Services) -> None:
    inquiry = case(app)
    change = app.senders.set_verdict_for_inquiry(inquiry, "spam")
    app.senders.set_verdict_for_inquiry(inquiry, "not_customer")
    with pytest.raises(InvalidInput, match="changed since"):
        app.senders.undo(change)
