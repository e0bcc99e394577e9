from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from soloservice.domain.types import CallDirection, CallOutcome, Channel, InquiryKind, Status
from soloservice.services.calls import CallLog
from soloservice.services.dto import InboxQuery, View
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock


def test_call_back_owed_creates_an_open_phone_inquiry(
    services: Services, clock: FixedClock
) -> None:
    detail = services.calls.log_call(
        CallLog(
            phone="20 12 34 56",
            name="Mette Hansen",
            note="Vasen kom i stykker\nVil have en ny",
            complaint=True,
            outcome=CallOutcome.CALLBACK,
            duration=timedelta(minutes=4),
        )
    )
    assert detail.channel is Channel.PHONE
    assert detail.status is Status.OPEN
    assert detail.kind is InquiryKind.COMPLAINT
    assert detail.subject == "Vasen kom i stykker"
    assert detail.customer.identities[0].value == "+4520123456"
    assert detail.messages[0].call_duration_s == 240
    # Call 09:56-10:00 local Tuesday; call-back promise 4 business hours -> 14:00 local.
    assert detail.due_at == datetime(2026, 11, 24, 13, 0, tzinfo=UTC)
    assert services.inbox.list_ids(InboxQuery()) == [detail.id]


def test_solved_on_the_call_is_resolved_and_kept(services: Services) -> None:
    detail = services.calls.log_call(
        CallLog(phone="+47 412 34 567", name="Kari", note="Spurte om åpningstider")
    )
    assert detail.status is Status.RESOLVED
    assert detail.promise_kept is True
    assert services.inbox.list_ids(InboxQuery(view=View.RESOLVED)) == [detail.id]


def test_second_call_matches_the_customer_by_number(services: Services) -> None:
    first = services.calls.log_call(CallLog(phone="20123456", name="Mette", note="a"))
    second = services.calls.log_call(CallLog(phone="+45 20 12 34 56", note="b"))
    assert second.customer.id == first.customer.id
    assert second.customer.name == "Mette"


def test_call_back_attached_to_the_inquiry_keeps_its_promise(
    services: Services, clock: FixedClock
) -> None:
    owed = services.calls.log_call(
        CallLog(phone="20123456", name="Mette", note="Ring tilbage", outcome=CallOutcome.CALLBACK)
    )
    clock.advance(hours=1)
    done = services.calls.log_call(
        CallLog(
            phone="20123456",
            note="Ringede tilbage, sender ny vase",
            direction=CallDirection.OUTGOING,
            inquiry_id=owed.id,
            outcome=CallOutcome.SOLVED,
        )
    )
    assert done.id == owed.id
    assert done.status is Status.RESOLVED
    assert done.promise_kept is True
    assert len(done.messages) == 2


@pytest.mark.parametrize(
    ("log", "message"),
    [
        (CallLog(phone="12", note="x"), "phone number"),
        (CallLog(phone="20123456", note="  "), "needs a note"),
        (CallLog(phone="", note="x"), "phone number or a customer name"),
        (CallLog(phone="20123456", note="x", duration=timedelta(hours=13)), "duration"),
    ],
)
def test_bad_calls_are_refused_and_nothing_is_stored(
    services: Services, log: CallLog, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        services.calls.log_call(log)
    assert services.inbox.count(InboxQuery(view=View.INBOX)) == 0
    assert services.inbox.count(InboxQuery(view=View.RESOLVED)) == 0
