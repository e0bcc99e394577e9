"""Use cases on one inquiry: create, read, change status, note, reply, snooze.

Each public method is one transaction. Status changes return a ``StatusChange`` so the UI
can undo exactly what was done; every change is also written to the event log.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from soloservice.domain.types import OPEN_STATUSES, Channel, Direction, InquiryKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customer_identity import resolve_customer
from soloservice.services.dto import (
    InquiryDetail,
    KindChange,
    StatusChange,
)
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiry_detail import inquiry_detail
from soloservice.services.inquiry_replies import InquiryReplies
from soloservice.services.inquiry_rules import (
    VERDICT_REASONS,
    NewInquiry,
    detect_kind,
    first_message_row,
    log_event,
    make_snippet,
    new_inquiry_row,
    parse_kind,
    parse_status,
    record_customer_message,
    record_reply,
)
from soloservice.services.rows import row_or_not_found
from soloservice.storage.tables import EventRow, InquiryRow, MessageRow

#: Names other modules (mail intake, forms, calls) import from here: the inquiry's vocabulary.
__all__ = [
    "VERDICT_REASONS",
    "InquiryService",
    "NewInquiry",
    "detect_kind",
    "make_snippet",
    "parse_kind",
    "parse_status",
    "record_customer_message",
    "record_reply",
]


class InquiryService(InquiryReplies):
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- reading ------------------------------------------------------------------------------

    def row(self, session: Session, inquiry_id: int) -> InquiryRow:
        return row_or_not_found(session, InquiryRow, inquiry_id, "inquiry")

    def detail_of(self, session: Session, row: InquiryRow) -> InquiryDetail:
        return inquiry_detail(self.ctx, session, row)

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
        row = new_inquiry_row(new, customer, received, self.ctx.due_for(new.channel, received))
        session.add(row)
        session.flush()
        assert row.id is not None
        if new.text.strip() or new.html:
            session.add(first_message_row(new, row.id, customer, received))
        log_event(session, row.id, now, "created", None, Status.NEW.value)
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
        log_event(session, row.id, now, "status", old.value, status.value)
        if status is Status.RESOLVED and old not in (Status.RESOLVED, Status.CLOSED):
            for hook in self.ctx.on_resolved:
                hook(session, row.id)
        elif old in (Status.RESOLVED, Status.CLOSED) and status in OPEN_STATUSES:
            self._reopened(session, row)
        return replace(change, new_due_at=row.due_at)

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
            log_event(
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
        assert row.id is not None
        for hook in self.ctx.on_reopened:
            hook(session, row.id)

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
            log_event(
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
            log_event(session, inquiry_id, self.ctx.now(), "kind", row.kind, target.value)
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
            log_event(
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
