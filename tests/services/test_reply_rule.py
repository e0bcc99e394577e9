"""The reply-promise rule itself (services/inquiries.py), checked against a model.

``record_customer_message`` and ``record_reply`` are the only writers of
``needs_reply_since``; whatever order of customer messages and replies arrives (in time
order), the case needs a reply exactly from its oldest message after the last reply, and
the first reply alone decides whether the promise was kept.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from soloservice.services.inquiry_rules import record_customer_message, record_reply
from soloservice.storage.tables import InquiryRow

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PROMISE = timedelta(hours=8)

events = st.lists(
    st.tuples(st.sampled_from(["customer", "reply"]), st.integers(min_value=1, max_value=10_000)),
    max_size=12,
)


def fresh_case() -> InquiryRow:
    return InquiryRow(
        customer_id=1, channel="email", subject="s", snippet="", kind="question",
        status="new", received_at=T0, due_at=T0 + PROMISE, last_activity_at=T0,
        needs_reply_since=T0,
    )  # fmt: skip


@given(events)
def test_needs_reply_from_the_oldest_message_after_the_last_reply(
    steps: list[tuple[str, int]],
) -> None:
    row = fresh_case()
    oldest_unanswered: datetime | None = T0
    first_reply: datetime | None = None
    for who, minutes in sorted(steps, key=lambda s: s[1]):
        at = T0 + timedelta(minutes=minutes)
        if who == "customer":
            record_customer_message(row, at, at + PROMISE)
            oldest_unanswered = oldest_unanswered or at
        else:
            record_reply(row, at)
            oldest_unanswered = None
            first_reply = first_reply or at
    assert row.needs_reply_since == oldest_unanswered
    if oldest_unanswered is not None:
        assert row.due_at == oldest_unanswered + PROMISE  # the promise of that message
    assert row.first_response_at == first_reply
    if first_reply is not None:
        assert row.promise_kept is (first_reply <= T0 + PROMISE)


def test_a_reply_older_than_the_waiting_message_answers_nothing() -> None:
    row = fresh_case()
    record_reply(row, T0 + timedelta(hours=1))
    record_customer_message(row, T0 + timedelta(hours=3), T0 + timedelta(hours=11))
    assert record_reply(row, T0 + timedelta(hours=2)) is False  # seen late, from Sent
    assert row.needs_reply_since == T0 + timedelta(hours=3)


def test_automatic_mail_is_never_promised_and_a_message_ends_a_snooze() -> None:
    row = fresh_case()
    record_reply(row, T0)
    row.automatic_reason = "List-Id"
    row.snoozed_until = T0 + timedelta(days=1)
    assert record_customer_message(row, T0 + timedelta(hours=1), T0 + PROMISE) is False
    assert row.needs_reply_since is None and row.snoozed_until is None
