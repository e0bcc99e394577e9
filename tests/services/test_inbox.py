from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from soloservice.domain.types import Channel, ChannelGroup, InquiryKind, Status
from soloservice.services.dto import InboxQuery, SortKey, View
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry

# The conftest clock: Tuesday 24 Nov 2026 10:00 Copenhagen (09:00 UTC).


def ids(services: Services, **kwargs: object) -> list[int]:
    return services.inbox.list_ids(InboxQuery(**kwargs))  # type: ignore[arg-type]


def test_views_and_counts(services: Services, clock: FixedClock) -> None:
    # Received Monday 10:00 -> email promise 8 business hours -> due Tuesday 10:00 (not yet).
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    due_now = make_inquiry(services, received_at=monday, email="a@example.dk")
    # Received last Thursday -> long overdue.
    late = make_inquiry(services, received_at=monday - timedelta(days=4), email="b@example.dk")
    # Received now -> due tomorrow.
    fresh = make_inquiry(services, email="c@example.dk", channel=Channel.FACEBOOK)
    waiting = make_inquiry(services, email="d@example.dk", channel=Channel.FORM)
    services.inquiries.set_status(waiting.id, Status.WAITING)
    done = make_inquiry(services, email="e@example.dk")
    services.inquiries.set_status(done.id, Status.RESOLVED)

    clock.advance(minutes=30)
    assert set(ids(services)) == {due_now.id, late.id, fresh.id, waiting.id}
    assert ids(services, view=View.OVERDUE) == [late.id, due_now.id]
    assert ids(services, view=View.WAITING) == [waiting.id]
    assert ids(services, view=View.RESOLVED) == [done.id]
    assert ids(services, group=ChannelGroup.SOCIAL) == [fresh.id]

    counts = services.inbox.counts()
    assert counts.views[View.INBOX] == 4
    assert counts.views[View.OVERDUE] == 2
    assert counts.views[View.WAITING] == 1
    assert counts.views[View.RESOLVED] == 1
    assert counts.groups[ChannelGroup.EMAIL] == 2
    assert counts.groups[ChannelGroup.SOCIAL] == 1
    assert counts.groups[ChannelGroup.FORM] == 1
    assert counts.groups[ChannelGroup.PHONE] == 0


def test_due_today_is_in_local_time(services: Services, clock: FixedClock) -> None:
    # Received Tuesday 09:00 local: phone promise 4 h -> due 13:00 local, today.
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    today = make_inquiry(services, channel=Channel.PHONE, email="p@example.dk")
    clock.advance(hours=1)  # an email at 10:00 is due at 10:00 tomorrow (8 business hours)
    tomorrow = make_inquiry(services, channel=Channel.EMAIL, email="q@example.dk")
    assert ids(services, view=View.DUE_TODAY) == [today.id]
    row = services.inbox.rows([today.id, tomorrow.id])
    assert row[0].due_today and not row[0].overdue
    assert not row[1].due_today


def test_snoozed_inquiries_leave_the_inbox_until_they_wake(
    services: Services, clock: FixedClock
) -> None:
    a = make_inquiry(services)
    services.inquiries.snooze(a.id, clock.now + timedelta(hours=2))
    assert ids(services) == []
    assert ids(services, view=View.SNOOZED) == [a.id]
    clock.advance(hours=2, seconds=1)
    assert ids(services) == [a.id]
    assert ids(services, view=View.SNOOZED) == []


def test_sorting_happens_in_sql(services: Services, clock: FixedClock) -> None:
    base = clock.now - timedelta(days=1)
    a = make_inquiry(services, name="Åse", email="a@x.no", subject="b", received_at=base)
    b = make_inquiry(
        services, name="bo", email="b@x.dk", subject="A", received_at=base + timedelta(hours=1)
    )
    c = make_inquiry(
        services,
        name="Carl",
        email="c@x.com",
        subject="c",
        received_at=base + timedelta(hours=2),
        channel=Channel.PHONE,
    )
    assert ids(services, sort=SortKey.RECEIVED) == [a.id, b.id, c.id]
    assert ids(services, sort=SortKey.RECEIVED, descending=True) == [c.id, b.id, a.id]
    assert ids(services, sort=SortKey.SUBJECT) == [b.id, a.id, c.id]
    # The phone promise (4 h) is shorter than email's (8 h): c was due Monday 16:00 local,
    # a Tuesday 10:00, b Tuesday 11:00.
    assert ids(services, sort=SortKey.DUE) == [c.id, a.id, b.id]
    assert ids(services, sort=SortKey.CUSTOMER) == [b.id, c.id, a.id]  # lower(): b < c < å


def test_sort_by_value_uses_the_customers_own_figures(services: Services) -> None:
    from soloservice.services.customer_changes import CustomerChanges

    small = make_inquiry(services, email="small@x.dk")
    big = make_inquiry(services, email="big@x.dk", name="Big Corp")
    services.customers.update(big.customer.id, CustomerChanges(annual_value=90_000))
    assert ids(services, sort=SortKey.VALUE, descending=True) == [big.id, small.id]
    rows = services.inbox.rows([big.id, small.id])
    assert rows[0].lifetime_value == 450_000
    assert rows[1].lifetime_value == 100_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [("pakke", {0}), ("LEGO", {1}), ("ola@", {1}), ("100%", {2}), ("ingenting", set())],
)
def test_search(services: Services, text: str, expected: set[int]) -> None:
    made = [
        make_inquiry(services, subject="Pakken er ikke kommet", email="m@x.dk"),
        make_inquiry(
            services,
            name="Ola",
            email="ola@x.no",
            subject="Lego mangler",
            text="Der mangler en klods",
            kind=InquiryKind.QUESTION,
        ),
        make_inquiry(services, subject="Rabat", text="Gælder de 100% også?", email="z@x.dk"),
    ]
    found = set(ids(services, search=text))
    assert found == {made[i].id for i in expected}


def test_search_by_case_number(services: Services) -> None:
    a = make_inquiry(services, email="m@x.dk")
    make_inquiry(services, email="n@x.dk")
    assert ids(services, search=f"#{a.id}") == [a.id]


def test_rows_keep_the_requested_order_and_skip_unknown(services: Services) -> None:
    a = make_inquiry(services, email="m@x.dk")
    b = make_inquiry(services, email="n@x.dk")
    assert [r.id for r in services.inbox.rows([b.id, 999, a.id])] == [b.id, a.id]
    assert services.inbox.rows([]) == []


def test_page(services: Services) -> None:
    made = [make_inquiry(services, email=f"c{i}@x.dk") for i in range(5)]
    query = InboxQuery(sort=SortKey.RECEIVED)
    assert [r.id for r in services.inbox.page(query, offset=1, limit=2)] == [
        made[1].id,
        made[2].id,
    ]
    assert services.inbox.count(query) == 5


def test_channel_and_status_narrow_a_view(services: Services) -> None:
    fb = make_inquiry(services, email="f@x.dk", channel=Channel.FACEBOOK)
    ig = make_inquiry(services, email="i@x.dk", channel=Channel.INSTAGRAM)
    services.inquiries.set_status(ig.id, Status.OPEN)
    assert ids(services, channel=Channel.INSTAGRAM) == [ig.id]
    assert ids(services, group=ChannelGroup.SOCIAL, status=Status.NEW) == [fb.id]
    assert ids(services, view=View.RESOLVED, status=Status.CLOSED) == []


def test_only_ids_shows_exactly_those_whatever_their_status(services: Services) -> None:
    a = make_inquiry(services, email="a@x.dk")
    b = make_inquiry(services, email="b@x.dk")
    make_inquiry(services, email="c@x.dk")
    services.inquiries.set_status(b.id, Status.RESOLVED)
    assert ids(services, only_ids=(a.id, b.id), sort=SortKey.RECEIVED) == [a.id, b.id]
    assert ids(services, only_ids=()) == []


def test_due_order_puts_paused_promises_last(services: Services, clock: FixedClock) -> None:
    early = make_inquiry(services, email="a@x.dk", received_at=clock.now - timedelta(days=3))
    services.inquiries.set_status(early.id, Status.WAITING)
    later = make_inquiry(services, email="b@x.dk")
    assert ids(services, sort=SortKey.DUE) == [later.id, early.id]
    assert ids(services, sort=SortKey.DUE, descending=True) == [later.id, early.id]


def test_due_today_and_overdue_are_only_cases_that_need_a_reply(
    services: Services, clock: FixedClock
) -> None:
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    late = make_inquiry(services, received_at=monday - timedelta(days=4), email="a@x.dk")
    answered_late = make_inquiry(services, received_at=monday - timedelta(days=4), email="b@x.dk")
    services.inquiries.record_reply(answered_late.id, "Undskyld ventetiden")
    services.inquiries.set_status(answered_late.id, Status.OPEN)
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))  # 09:00 local
    today = make_inquiry(services, channel=Channel.PHONE, email="c@x.dk")  # due 13:00
    answered_today = make_inquiry(services, channel=Channel.PHONE, email="d@x.dk")
    services.inquiries.record_reply(answered_today.id, "Ringede tilbage")
    services.inquiries.set_status(answered_today.id, Status.OPEN)

    assert ids(services, view=View.NEEDS_REPLY) == [late.id, today.id]
    assert ids(services, view=View.OVERDUE) == [late.id]
    assert ids(services, view=View.DUE_TODAY) == [today.id]
    counts = services.inbox.counts().views
    assert (counts[View.NEEDS_REPLY], counts[View.OVERDUE], counts[View.DUE_TODAY]) == (2, 1, 1)
    flags = {
        r.id: (r.needs_reply, r.overdue, r.due_today)
        for r in services.inbox.rows([late.id, answered_late.id, today.id, answered_today.id])
    }
    assert flags == {
        late.id: (True, True, False),
        answered_late.id: (False, False, False),
        today.id: (True, False, True),
        answered_today.id: (False, False, False),
    }
    assert services.inquiries.get(late.id).overdue
    assert not services.inquiries.get(answered_late.id).overdue
    # Answered cases sort after those needing a reply, whatever their due time, and among
    # themselves by their (kept) due time too.
    order = ids(services, sort=SortKey.DUE)
    assert order == [late.id, today.id, answered_late.id, answered_today.id]


def test_a_snoozed_case_is_neither_due_today_nor_overdue(
    services: Services, clock: FixedClock
) -> None:
    late = make_inquiry(services, received_at=clock.now - timedelta(days=5))
    services.inquiries.snooze(late.id, clock.now + timedelta(hours=1))
    assert ids(services, view=View.OVERDUE) == []
    assert services.inbox.rows([late.id])[0].overdue is False
    clock.advance(hours=2)
    assert ids(services, view=View.OVERDUE) == [late.id]
