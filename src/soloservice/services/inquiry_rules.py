"""What every intake and every answer does to an inquiry row, on any channel.

Mail, forms, calls, social conversations and the founder's own entries all create inquiries
through ``NewInquiry`` and change the reply promise through the two functions here, so the
rules (automatic mail is never promised, complaints are noticed, the first reply keeps or
breaks the promise) are written once. ``services/inquiries.py`` holds the use cases.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from soloservice.domain.complaints import detect_complaint
from soloservice.domain.promise import promise_outcome
from soloservice.domain.types import Channel, Direction, InquiryKind, Status, parse_choice
from soloservice.services.customer_identity import CustomerRef
from soloservice.services.errors import InvalidInput
from soloservice.services.mail_rows import new_row
from soloservice.storage.tables import CustomerRow, EventRow, InquiryRow, MessageRow

SNIPPET_LENGTH = 160


#: how much of a text ``make_snippet`` reads first: a mail's text may be 100 kB of HTML
#: spam, and the list shows 160 characters of it
_SNIPPET_HEAD = 4 * SNIPPET_LENGTH


def make_snippet(text: str) -> str:
    """The text on one line, whitespace runs as one space, cut to ``SNIPPET_LENGTH``.

    Only the text's head is flattened when it already yields more than that: the flattened
    head is always a prefix of the flattened whole (a word cut at its end is a prefix of
    that word), so the snippet is the same (tests/services/test_snippet.py)."""
    if len(text) > _SNIPPET_HEAD:
        head = " ".join(text[:_SNIPPET_HEAD].split())
        if len(head) > SNIPPET_LENGTH:
            return head[: SNIPPET_LENGTH - 1] + "…"
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_LENGTH else flat[: SNIPPET_LENGTH - 1] + "…"


@dataclass(frozen=True)
class NewInquiry:
    customer: CustomerRef
    channel: Channel
    subject: str
    text: str = ""
    kind: InquiryKind = InquiryKind.QUESTION
    received_at: datetime | None = None
    author: str = ""
    external_id: str | None = None
    html: str | None = None
    tags: tuple[str, ...] = ()
    #: non-empty: automatic mail (a newsletter, a list, spam), stored but never promised
    automatic_reason: str = ""
    #: who chose ``kind``: "" lets the complaint detector look; "founder" or "auto" do not
    kind_source: str = ""
    kind_reason: str = ""


def parse_kind(text: str) -> InquiryKind:
    return parse_choice(InquiryKind, text, "kind", InvalidInput)


def parse_status(text: str) -> Status:
    return parse_choice(Status, text, "status", InvalidInput)


def inquiry_of_messages(session: Session, external_ids: Collection[str]) -> InquiryRow | None:
    """The inquiry of the newest stored message with one of ``external_ids`` (Message-IDs, a
    platform's message ids): an answer on any channel joins the case its parent is in."""
    if not external_ids:
        return None
    found = session.exec(
        select(MessageRow.inquiry_id)
        .where(col(MessageRow.external_id).in_(external_ids))
        .order_by(col(MessageRow.id).desc())
    ).first()
    return session.get(InquiryRow, found) if found is not None else None


def log_event(
    session: Session,
    inquiry_id: int,
    at: datetime,
    kind: str,
    old: str | None = None,
    new: str | None = None,
) -> None:
    session.add(EventRow(inquiry_id=inquiry_id, at=at, kind=kind, old_value=old, new_value=new))


def record_first_response(row: InquiryRow, at: datetime) -> None:
    """The first outgoing reply or call-back keeps (or breaks) the promise; later ones don't."""
    if row.first_response_at is not None:
        return
    row.first_response_at = at
    if row.due_at is not None:
        outcome = promise_outcome(row.due_at, at)
        row.promise_kept = outcome.kept
        row.promise_margin_s = int(outcome.margin.total_seconds())


# -- the reply promise ------------------------------------------------------------------------
# The promise (``due_at``) runs only while ``needs_reply_since`` is set: from the customer's
# oldest unanswered message until the founder really answers (a mail, a social reply, a
# call-back). Acknowledgements and notes do not answer. These two functions, and the
# ``InquiryService.record_reply_in`` / ``record_customer_message_in`` methods that add the
# status and promise-time parts, are the only places that change it.


def record_reply(row: InquiryRow, at: datetime) -> bool:
    """The founder answered at ``at``: the customer no longer waits for a reply.

    The first reply also keeps or breaks the promise (the review's "promises kept"). A reply
    older than the unanswered message (seen late, e.g. from Sent) answers nothing. Returns
    whether this reply answered a waiting customer.
    """
    record_first_response(row, at)
    if row.needs_reply_since is None:
        return False
    if at < row.needs_reply_since:
        return False
    row.needs_reply_since = None
    return True


def record_customer_message(row: InquiryRow, at: datetime, due_at: datetime | None) -> bool:
    """The customer wrote at ``at``: a reply is owed, due at ``due_at``, and a snooze ends.

    A message on a case that already waits for a reply keeps the oldest message and its
    promise; automatic mail is never promised. Returns whether a new promise started.
    """
    row.snoozed_until = None
    if row.automatic_reason:
        return False
    if row.needs_reply_since is not None:
        return False
    row.needs_reply_since = at
    row.due_at = due_at
    return True


# -- kind and automatic mail -----------------------------------------------------------------
#: Why a sender's mail is automatic after the founder's verdict on them.
VERDICT_REASONS = {
    "spam": "you marked this sender as spam",
    "not_customer": "you marked this sender as not a customer",
}


def detect_kind(row: InquiryRow, subject: str, text: str) -> bool:
    """Let the complaint detector upgrade a question; the founder's choice is never touched.

    Returns whether the kind changed. Only a question whose kind nobody chose, or one the
    detector looked at before, can become a complaint; a complaint is never downgraded.
    """
    if row.kind_source == "founder" or row.kind != InquiryKind.QUESTION.value:
        return False
    verdict = detect_complaint(subject, text)
    if not verdict.is_complaint:
        return False
    row.kind = InquiryKind.COMPLAINT.value
    row.kind_source = "auto"
    row.kind_reason = verdict.reason
    return True


def classify_new(row: InquiryRow, customer: CustomerRow, new: NewInquiry) -> None:
    """On arrival, on every channel: automatic mail is never promised; complaints noticed."""
    row.kind_source = new.kind_source
    row.kind_reason = new.kind_reason
    reason = new.automatic_reason or VERDICT_REASONS.get(customer.sender_verdict, "")
    if reason:
        row.automatic_reason = reason
        row.due_at = None
        row.needs_reply_since = None
        return
    if not new.kind_source and new.kind is InquiryKind.QUESTION:
        # Tags name the form too ("form:reklamation"): a complaints form makes complaints.
        detect_kind(row, " ".join((new.subject, *new.tags)), new.text)


def new_inquiry_row(
    new: NewInquiry,
    customer: CustomerRow,
    received: datetime,
    due_at: datetime | None,
    *,
    row_id: int | None = None,
) -> InquiryRow:
    """The row of the case a customer's first message opens, classified (``classify_new``)
    but not added to a session: one definition of a new case for ``InquiryService.create_in``
    and for the mail batch, which numbers its rows itself (``row_id``)."""
    assert customer.id is not None
    row = new_row(
        InquiryRow,
        id=row_id,
        customer_id=customer.id,
        channel=new.channel.value,
        subject=new.subject.strip() or make_snippet(new.text)[:80],
        snippet=make_snippet(new.text),
        kind=new.kind.value,
        status=Status.NEW.value,
        received_at=received,
        due_at=due_at,
        # The customer wrote first: a reply is owed from the moment they did. Callers
        # that create an already-answered case (a call solved on the phone) clear it.
        needs_reply_since=received,
        last_activity_at=received,
        tags=",".join(new.tags),
    )
    classify_new(row, customer, new)
    return row


def first_message_row(
    new: NewInquiry,
    inquiry_id: int,
    customer: CustomerRow,
    received: datetime,
    *,
    row_id: int | None = None,
) -> MessageRow:
    """The customer's message that opened the case, for a ``new`` with text or HTML (the
    caller checks: a case logged without words has no first message)."""
    return new_row(
        MessageRow,
        id=row_id,
        inquiry_id=inquiry_id,
        direction=Direction.IN.value,
        channel=new.channel.value,
        author=new.author or customer.name,
        text=new.text,
        html=new.html,
        sent_at=received,
        external_id=new.external_id,
    )
