"""Use cases on one inquiry: create, read, change status, note, reply, snooze.

Each public method is one transaction. Status changes return a ``StatusChange`` so the UI
can undo exactly what was done; every change is also written to the event log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from soloservice.domain.promise import promise_outcome
from soloservice.domain.types import OPEN_STATUSES, Channel, Direction, InquiryKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef, build_card, resolve_customer
from soloservice.services.dto import EventView, InquiryDetail, MessageView, StatusChange
from soloservice.services.errors import InvalidInput, NotFound
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
        now = self.ctx.now()
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
            overdue=bool(
                status in (Status.NEW, Status.OPEN) and row.due_at is not None and row.due_at < now
            ),
            customer=build_card(session, self.ctx, customer),
            messages=messages,
            events=events,
            ack_sent_at=row.ack_sent_at,
            closed_loop=row.closed_loop,
            at_risk_public=row.at_risk_public,
            skip_followup=row.skip_followup,
        )

    def get(self, inquiry_id: int) -> InquiryDetail:
        with self.ctx.db.session() as session:
            return self.detail_of(session, self.row(session, inquiry_id))

    # -- creating -----------------------------------------------------------------------------

    def create_in(self, session: Session, new: NewInquiry) -> InquiryRow:
        """Create inside an open transaction (used by imports and the call log)."""
        now = self.ctx.now()
        received = new.received_at or now
        if received.tzinfo is None:
            raise InvalidInput("received time must carry a time zone")
        customer = resolve_customer(session, self.ctx, new.customer)
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
            last_activity_at=received,
            tags=",".join(new.tags),
        )
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

        A new inquiry becomes open; the first reply keeps or breaks the promise.
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
            record_first_response(row, at)
        if row.status == Status.NEW.value:
            self.set_status_in(session, row, Status.OPEN)
        row.last_activity_at = at

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

    def set_kind(self, inquiry_id: int, kind: InquiryKind) -> InquiryDetail:
        with self.ctx.db.session() as session:
            row = self.row(session, inquiry_id)
            if row.kind != kind.value:
                _log(session, inquiry_id, self.ctx.now(), "kind", row.kind, kind.value)
                row.kind = kind.value
            return self.detail_of(session, row)

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
