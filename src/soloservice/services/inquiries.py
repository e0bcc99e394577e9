"""Use cases on one inquiry: create, read, change status, note, reply, snooze.

Each public method is one transaction. Status changes return a ``StatusChange`` so the UI
can undo exactly what was done; every change is also written to the event log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from soloservice.domain.complaints import detect_complaint
from soloservice.domain.promise import promise_outcome
from soloservice.domain.types import OPEN_STATUSES, Channel, Direction, InquiryKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef, build_card, resolve_customer
from soloservice.services.dto import (
    EventView,
    InquiryDetail,
    InquiryFlags,
    KindChange,
    MessageView,
    StatusChange,
    View,
)
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.inbox import InboxService
from soloservice.storage.tables import CustomerRow, EventRow, InquiryRow, MessageRow

SNIPPET_LENGTH = 160


def make_snippet(text: str) -> str:
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
    try:
        return InquiryKind(text.strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in InquiryKind)
        raise InvalidInput(f"unknown kind {text!r} (use one of: {allowed})") from None


def parse_status(text: str) -> Status:
    try:
        return Status(text.strip().lower())
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        raise InvalidInput(f"unknown status {text!r} (use one of: {allowed})") from None


def _log(
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


class InquiryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- reading ------------------------------------------------------------------------------

    def row(self, session: Session, inquiry_id: int) -> InquiryRow:
        row = session.get(InquiryRow, inquiry_id)
        if row is None:
            raise NotFound(f"no inquiry with id {inquiry_id}")
        return row

    def detail_of(self, session: Session, row: InquiryRow) -> InquiryDetail:
        assert row.id is not None
        customer = session.get(CustomerRow, row.customer_id)
        assert customer is not None
        messages = tuple(
            MessageView(
                id=m.id or 0,
                direction=Direction(m.direction),
                channel=Channel(m.channel),
                author=m.author,
                text=m.text,
                html=m.html,
                sent_at=m.sent_at,
                call_duration_s=m.call_duration_s,
                is_ack=m.is_ack,
            )
            for m in session.exec(
                select(MessageRow)
                .where(MessageRow.inquiry_id == row.id)
                .order_by(col(MessageRow.sent_at), col(MessageRow.id))
            )
        )
        events = tuple(
            EventView(e.at, e.kind, e.old_value, e.new_value)
            for e in session.exec(
                select(EventRow).where(EventRow.inquiry_id == row.id).order_by(col(EventRow.id))
            )
        )
        status = Status(row.status)
        return InquiryDetail(
            id=row.id,
            channel=Channel(row.channel),
            subject=row.subject,
            kind=InquiryKind(row.kind),
            status=status,
            received_at=row.received_at,
            first_response_at=row.first_response_at,
            due_at=row.due_at,
            resolved_at=row.resolved_at,
            snoozed_until=row.snoozed_until,
            tags=tuple(t for t in row.tags.split(",") if t),
            promise_kept=row.promise_kept,
            promise_margin_s=row.promise_margin_s,
            overdue=InboxService(self.ctx).in_view(row.id, View.OVERDUE, session),
            customer=build_card(session, self.ctx, customer),
            messages=messages,
            events=events,
            ack_sent_at=row.ack_sent_at,
            closed_loop=row.closed_loop,
            at_risk_public=row.at_risk_public,
            skip_followup=row.skip_followup,
            flags=InquiryFlags(
                row.kind_source, row.kind_reason, row.automatic_reason, customer.sender_verdict
            ),
            needs_reply_since=row.needs_reply_since,
        )

    def get(self, inquiry_id: int) -> InquiryDetail:
        with self.ctx.db.read_session() as session:  # the GUI's detail pane: no write lock
            return self.detail_of(session, self.row(session, inquiry_id))

    # -- creating -----------------------------------------------------------------------------

    def create_in(self, session: Session, new: NewInquiry) -> InquiryRow:
        """Create inside an open transaction (used by imports and the call log)."""
        now = self.ctx.now()
        received = new.received_at or now
        if received.tzinfo is None:
            raise InvalidInput("received time must carry a time zone")
        # The first message guesses a new customer's language; a call's text is the
        # founder's note, not the customer's words, so there only the number counts.
        # A form's subject may be the founder's form name: only a mail's subject is theirs.
        words = "" if new.channel is Channel.PHONE else new.text
        if new.channel is Channel.EMAIL:
            words = f"{new.subject}\n{words}"
        customer = resolve_customer(session, self.ctx, new.customer, text=words)
        assert customer.id is not None
        subject = new.subject.strip() or make_snippet(new.text)[:80]
        row = InquiryRow(
            customer_id=customer.id,
            channel=new.channel.value,
            subject=subject,
            snippet=make_snippet(new.text),
            kind=new.kind.value,
            status=Status.NEW.value,
            received_at=received,
            due_at=self.ctx.due_for(new.channel, received),
            # The customer wrote first: a reply is owed from the moment they did. Callers
            # that create an already-answered case (a call solved on the phone) clear it.
            needs_reply_since=received,
            last_activity_at=received,
            tags=",".join(new.tags),
        )
        classify_new(row, customer, new)
        session.add(row)
        session.flush()
        assert row.id is not None
        if new.text.strip() or new.html:
            session.add(
                MessageRow(
                    inquiry_id=row.id,
                    direction=Direction.IN.value,
                    channel=new.channel.value,
                    author=new.author or customer.name,
                    text=new.text,
                    html=new.html,
                    sent_at=received,
                    external_id=new.external_id,
                )
            )
        _log(session, row.id, now, "created", None, Status.NEW.value)
        return row

    def create(self, new: NewInquiry) -> InquiryDetail:
        with self.ctx.db.session() as session:
            row = self.create_in(session, new)
            return self.detail_of(session, row)

    # -- changing -----------------------------------------------------------------------------

    def set_status_in(self, session: Session, row: InquiryRow, status: Status) -> StatusChange:
        assert row.id is not None
        now = self.ctx.now()
        old = Status(row.status)
        change = StatusChange(
            inquiry_id=row.id,
            old_status=old,
            new_status=status,
            old_due_at=row.due_at,
            new_due_at=row.due_at,
            old_resolved_at=row.resolved_at,
        )
        if old is status:
            return change
        if old is Status.WAITING and status in (Status.NEW, Status.OPEN) and row.due_at:
            # The clock was paused while waiting on the customer: push the promise back by
            # the business time that passed during the pause.
            paused_since = self._waiting_since(session, row.id) or now
            paused = self.ctx.calendar.business_time_between(paused_since, now)
            row.due_at = self.ctx.calendar.add_business_hours(
                row.due_at, paused.total_seconds() / 3600
            )
        if status in (Status.RESOLVED, Status.CLOSED):
            if row.resolved_at is None:
                row.resolved_at = now
        else:
            row.resolved_at = None
        row.status = status.value
        row.last_activity_at = now
        _log(session, row.id, now, "status", old.value, status.value)
        if status is Status.RESOLVED and old not in (Status.RESOLVED, Status.CLOSED):
            for hook in self.ctx.on_resolved:
                hook(session, row)
        elif old in (Status.RESOLVED, Status.CLOSED) and status in OPEN_STATUSES:
            self._reopened(session, row)
        return StatusChange(
            inquiry_id=row.id,
            old_status=old,
            new_status=status,
            old_due_at=change.old_due_at,
            new_due_at=row.due_at,
            old_resolved_at=change.old_resolved_at,
        )

    def _waiting_since(self, session: Session, inquiry_id: int) -> datetime | None:
        event = session.exec(
            select(EventRow)
            .where(
                EventRow.inquiry_id == inquiry_id,
                EventRow.kind == "status",
                EventRow.new_value == Status.WAITING.value,
            )
            .order_by(col(EventRow.id).desc())
        ).first()
        return event.at if event is not None else None

    def set_status(self, inquiry_id: int, status: Status | str) -> StatusChange:
        target = status if isinstance(status, Status) else parse_status(status)
        with self.ctx.db.session() as session:
            return self.set_status_in(session, self.row(session, inquiry_id), target)

    def undo_status(self, change: StatusChange) -> None:
        """Put back exactly what ``change`` altered (status, promise, resolved time)."""
        with self.ctx.db.session() as session:
            row = self.row(session, change.inquiry_id)
            if row.status != change.new_status.value:
                raise InvalidInput(
                    f"inquiry {change.inquiry_id} has changed since; nothing was undone"
                )
            now = self.ctx.now()
            row.status = change.old_status.value
            row.due_at = change.old_due_at
            row.resolved_at = change.old_resolved_at
            row.last_activity_at = now
            _log(
                session,
                change.inquiry_id,
                now,
                "status (undo)",
                change.new_status.value,
                change.old_status.value,
            )
            done = (Status.RESOLVED, Status.CLOSED)
            if change.new_status in done and change.old_status not in done:
                self._reopened(session, row)

    def _reopened(self, session: Session, row: InquiryRow) -> None:
        """Open again after a resolve: whatever the resolve set in motion is called off."""
        for hook in self.ctx.on_reopened:
            hook(session, row)

    def add_note(self, inquiry_id: int, text: str, author: str = "") -> InquiryDetail:
        if not text.strip():
            raise InvalidInput("a note cannot be empty")
        with self.ctx.db.session() as session:
            row = self.row(session, inquiry_id)
            now = self.ctx.now()
            session.add(
                MessageRow(
                    inquiry_id=inquiry_id,
                    direction=Direction.NOTE.value,
                    channel=row.channel,
                    author=author or self.ctx.settings.founder_name,
                    text=text.strip(),
                    sent_at=now,
                )
            )
            row.last_activity_at = now
            return self.detail_of(session, row)

    def record_reply(
        self,
        inquiry_id: int,
        text: str,
        *,
        channel: Channel | None = None,
        sent_at: datetime | None = None,
        counts_as_response: bool = True,
        external_id: str | None = None,
        call_duration_s: int | None = None,
    ) -> InquiryDetail:
        """Store an answer given outside SoloService's own senders (a call, a DM, a letter).

        It fulfils the reply promise (``record_reply_in``); the first reply keeps or breaks it.
        """
        if not text.strip():
            raise InvalidInput("a reply cannot be empty")
        with self.ctx.db.session() as session:
            row = self.row(session, inquiry_id)
            self.add_outgoing_in(
                session,
                row,
                text.strip(),
                channel=channel,
                sent_at=sent_at,
                counts_as_response=counts_as_response,
                external_id=external_id,
                call_duration_s=call_duration_s,
            )
            return self.detail_of(session, row)

    def add_outgoing_in(
        self,
        session: Session,
        row: InquiryRow,
        text: str,
        *,
        channel: Channel | None = None,
        sent_at: datetime | None = None,
        counts_as_response: bool = True,
        external_id: str | None = None,
        call_duration_s: int | None = None,
    ) -> None:
        assert row.id is not None
        at = sent_at or self.ctx.now()
        session.add(
            MessageRow(
                inquiry_id=row.id,
                direction=Direction.OUT.value,
                channel=(channel.value if channel else row.channel),
                author=self.ctx.settings.founder_name,
                text=text,
                sent_at=at,
                external_id=external_id,
                call_duration_s=call_duration_s,
            )
        )
        if counts_as_response:
            self.record_reply_in(session, row, at)
        elif row.status == Status.NEW.value:
            self.set_status_in(session, row, Status.OPEN)
        row.last_activity_at = max(row.last_activity_at, at)

    def record_reply_in(self, session: Session, row: InquiryRow, at: datetime) -> None:
        """A real reply: the promise is fulfilled and the status follows the founder's setting.

        ``after_reply_status`` "waiting" (default) parks the case as waiting on the customer;
        "open" keeps it open. A resolved or already waiting case keeps its status.
        """
        record_reply(row, at)
        if row.needs_reply_since is not None:
            # An older reply seen late: the customer's newer message is still unanswered.
            if row.status == Status.NEW.value:
                self.set_status_in(session, row, Status.OPEN)
            return
        if row.status in (Status.NEW.value, Status.OPEN.value):
            target = (
                Status.OPEN if self.ctx.settings.after_reply_status == "open" else Status.WAITING
            )
            self.set_status_in(session, row, target)

    def record_customer_message_in(self, session: Session, row: InquiryRow, at: datetime) -> None:
        """The customer wrote (mail, DM, call): reopen, wake, and start a promise from ``at``.

        Like Zammad's update time, the new promise runs from the customer's message. A message
        older than a real reply already stored on the case was answered by it.
        """
        assert row.id is not None
        if row.snoozed_until is not None:
            _log(session, row.id, self.ctx.now(), "snooze", row.snoozed_until.isoformat(), None)
            row.snoozed_until = None
        if row.automatic_reason:
            return
        answered = session.exec(
            select(MessageRow.id).where(
                MessageRow.inquiry_id == row.id,
                MessageRow.direction == Direction.OUT.value,
                col(MessageRow.is_ack).is_(False),
                MessageRow.sent_at >= at,
            )
        ).first()
        if answered is not None:
            return  # seen late: a reply already stored answered it; nothing reopens
        status = Status(row.status)
        if status in (Status.RESOLVED, Status.CLOSED):
            row.reopened_count += 1
        if status not in (Status.NEW, Status.OPEN):
            # Waiting or done: whatever was owed before is settled; this message starts over.
            self.set_status_in(session, row, Status.OPEN)
            row.needs_reply_since = None
        record_customer_message(row, at, self.ctx.due_for(Channel(row.channel), at))
        row.last_activity_at = max(row.last_activity_at, at)

    def snooze(self, inquiry_id: int, until: datetime | None) -> InquiryDetail:
        """Hide an open inquiry until ``until`` (None wakes it); the promise is unchanged."""
        if until is not None and until.tzinfo is None:
            raise InvalidInput("snooze time must carry a time zone")
        with self.ctx.db.session() as session:
            row = self.row(session, inquiry_id)
            if Status(row.status) not in OPEN_STATUSES and until is not None:
                raise InvalidInput(f"inquiry {inquiry_id} is {row.status}; only open ones snooze")
            if until is not None and until <= self.ctx.now():
                raise InvalidInput("snooze time must be in the future")
            old = row.snoozed_until.isoformat() if row.snoozed_until else None
            row.snoozed_until = until
            _log(
                session,
                inquiry_id,
                self.ctx.now(),
                "snooze",
                old,
                until.isoformat() if until else None,
            )
            return self.detail_of(session, row)

    def set_kind(self, inquiry_id: int, kind: InquiryKind | str) -> KindChange:
        """The founder's kind for this case: it wins over the detector from now on.

        One transaction, logged; the returned change is what ``undo_kind`` puts back.
        """
        target = kind if isinstance(kind, InquiryKind) else parse_kind(kind)
        with self.ctx.db.session() as session:
            row = self.row(session, inquiry_id)
            change = KindChange(
                inquiry_id=inquiry_id,
                old_kind=InquiryKind(row.kind),
                new_kind=target,
                old_source=row.kind_source,
                old_reason=row.kind_reason,
            )
            _log(session, inquiry_id, self.ctx.now(), "kind", row.kind, target.value)
            row.kind = target.value
            row.kind_source = "founder"
            row.kind_reason = ""
            return change

    def undo_kind(self, change: KindChange) -> None:
        """Put back the kind, and who set it, as they were before ``change``."""
        with self.ctx.db.session() as session:
            row = self.row(session, change.inquiry_id)
            if row.kind != change.new_kind.value or row.kind_source != "founder":
                raise InvalidInput(
                    f"inquiry {change.inquiry_id} has changed since; nothing was undone"
                )
            _log(
                session,
                change.inquiry_id,
                self.ctx.now(),
                "kind (undo)",
                change.new_kind.value,
                change.old_kind.value,
            )
            row.kind = change.old_kind.value
            row.kind_source = change.old_source
            row.kind_reason = change.old_reason

    def snooze_presets(self) -> dict[str, datetime]:
        """Sensible wake-up times: later today, tomorrow morning, next Monday morning."""
        now = self.ctx.now()
        local = now.astimezone(self.ctx.tz)
        morning = local.replace(hour=9, minute=0, second=0, microsecond=0)
        tomorrow = morning + timedelta(days=1)
        monday = morning + timedelta(days=(7 - local.weekday()) or 7)
        return {
            "in_3_hours": now + timedelta(hours=3),
            "tomorrow": tomorrow,
            "next_week": monday,
        }
