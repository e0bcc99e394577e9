from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from soloservice.domain.types import Channel, Direction, InquiryKind, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.dto import InboxQuery
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry


def test_create_sets_the_promise_from_business_hours(services: Services) -> None:
    # Friday 16:00 Copenhagen: 1 business hour left Friday, 7 more on Monday -> Monday 16:00.
    friday = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
    detail = make_inquiry(services, received_at=friday)
    assert detail.due_at == datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
    assert detail.status is Status.NEW
    assert detail.messages[0].direction is Direction.IN
    assert detail.events[0].kind == "created"


def test_same_identity_means_same_customer(services: Services) -> None:
    a = make_inquiry(services, email="Mette@Example.dk ")
    b = make_inquiry(services, email="mette@example.dk", subject="Ny ordre")
    assert a.customer.id == b.customer.id
    card = services.customers.card(a.customer.id)
    assert [i.id for i in card.inquiries] == [b.id, a.id]


def test_bad_identity_is_refused_and_nothing_is_stored(services: Services) -> None:
    with pytest.raises(InvalidInput, match="email"):
        make_inquiry(services, email="not-an-address")
    assert services.inbox.count(InboxQuery()) == 0


def test_status_change_and_undo(services: Services, clock: FixedClock) -> None:
    a = make_inquiry(services)
    change = services.inquiries.set_status(a.id, "resolved")
    resolved = services.inquiries.get(a.id)
    assert resolved.status is Status.RESOLVED
    assert resolved.resolved_at == clock.now
    services.inquiries.undo_status(change)
    back = services.inquiries.get(a.id)
    assert back.status is Status.NEW
    assert back.resolved_at is None
    assert [e.kind for e in back.events] == ["created", "status", "status (undo)"]


def test_undo_refuses_when_the_inquiry_changed_since(services: Services) -> None:
    a = make_inquiry(services)
    change = services.inquiries.set_status(a.id, Status.RESOLVED)
    services.inquiries.set_status(a.id, Status.OPEN)
    with pytest.raises(InvalidInput, match="changed since"):
        services.inquiries.undo_status(change)
    assert services.inquiries.get(a.id).status is Status.OPEN


def test_unknown_status_and_id(services: Services) -> None:
    a = make_inquiry(services)
    with pytest.raises(InvalidInput, match="unknown status 'done'"):
        services.inquiries.set_status(a.id, "done")
    with pytest.raises(NotFound):
        services.inquiries.set_status(4242, "open")


def test_waiting_pauses_the_promise(services: Services, clock: FixedClock) -> None:
    # Tuesday 10:00 local, email -> due Wednesday 10:00.
    a = make_inquiry(services)
    assert a.due_at == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    services.inquiries.set_status(a.id, Status.WAITING)
    clock.advance(hours=3)  # three business hours pass while waiting on the customer
    change = services.inquiries.set_status(a.id, Status.OPEN)
    assert change.new_due_at == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_first_reply_keeps_the_promise_once(services: Services, clock: FixedClock) -> None:
    a = make_inquiry(services)
    clock.advance(hours=1)
    services.inquiries.record_reply(a.id, "Vi ser på det")
    clock.advance(days=5)
    detail = services.inquiries.record_reply(a.id, "Pakken er sendt igen")
    assert detail.status is Status.WAITING  # a reply waits on the customer (the default)
    assert detail.first_response_at == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert detail.promise_kept is True
    assert detail.promise_margin_s == 23 * 3600


def test_late_reply_breaks_the_promise(services: Services, clock: FixedClock) -> None:
    a = make_inquiry(services)
    clock.advance(days=2)
    detail = services.inquiries.record_reply(a.id, "Undskyld ventetiden")
    assert detail.promise_kept is False
    assert detail.promise_margin_s is not None and detail.promise_margin_s < 0


def test_notes_do_not_count_as_a_response(services: Services) -> None:
    a = make_inquiry(services)
    detail = services.inquiries.add_note(a.id, "Tjek ordre 1042 i webshoppen")
    assert detail.messages[-1].direction is Direction.NOTE
    assert detail.first_response_at is None
    with pytest.raises(InvalidInput):
        services.inquiries.add_note(a.id, "   ")


def test_snooze_validation(services: Services, clock: FixedClock) -> None:
    a = make_inquiry(services)
    with pytest.raises(InvalidInput, match="future"):
        services.inquiries.snooze(a.id, clock.now - timedelta(minutes=1))
    with pytest.raises(InvalidInput, match="time zone"):
        services.inquiries.snooze(a.id, datetime(2030, 1, 1))
    detail = services.inquiries.snooze(a.id, clock.now + timedelta(days=1))
    assert detail.due_at == a.due_at, "snoozing never changes the promise"
    assert services.inquiries.snooze(a.id, None).snoozed_until is None


def test_create_needs_some_customer(services: Services) -> None:
    with pytest.raises(InvalidInput, match="needs a name"):
        services.inquiries.create(
            NewInquiry(customer=CustomerRef(), channel=Channel.X, subject="hi")
        )


def test_set_kind(services: Services) -> None:
    a = make_inquiry(services, kind=InquiryKind.QUESTION)
    assert services.inquiries.set_kind(a.id, InquiryKind.COMPLAINT).kind is InquiryKind.COMPLAINT
