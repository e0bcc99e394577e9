"""The reply promise's use cases on one inquiry, mixed into ``InquiryService``.

The promise (``due_at``) runs while the customer's oldest message is unanswered; a real reply
(mail, DM, call-back) fulfils it and the customer writing again starts a new one. The
row-level rules are ``services/inquiry_rules.record_reply`` / ``record_customer_message``;
these methods add the status and the stored message. Mail intake, calls, social
conversations and the outbox all call them through ``InquiryService``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TypedDict, Unpack

from sqlmodel import Session, col, select

from soloservice.domain.types import Channel, Direction, Status
from soloservice.services.context import ServiceContext
from soloservice.services.dto import InquiryDetail, StatusChange
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiry_rules import (
    log_event,
    record_customer_message,
    record_reply,
)
from soloservice.storage.tables import InquiryRow, MessageRow


class OutgoingReply(TypedDict, total=False):
    """How an answer was given, as ``add_outgoing_in`` takes it (all optional): the one list
    of these options, so ``record_reply`` passes them on without spelling them out again."""

    channel: Channel | None
    sent_at: datetime | None
    counts_as_response: bool
    external_id: str | None
    call_duration_s: int | None


class InquiryReplies:
    """Needs the host's ``row``, ``detail_of`` and ``set_status_in`` (``InquiryService``)."""

    ctx: ServiceContext

    if TYPE_CHECKING:  # provided by InquiryService, the class this is mixed into

        def row(self, session: Session, inquiry_id: int) -> InquiryRow: ...

        def detail_of(self, session: Session, row: InquiryRow) -> InquiryDetail: ...

        def set_status_in(
            self, session: Session, row: InquiryRow, status: Status
        ) -> StatusChange: ...

    def record_reply(
        self, inquiry_id: int, text: str, **how: Unpack[OutgoingReply]
    ) -> InquiryDetail:
        """Store an answer given outside SoloService's own senders (a call, a DM, a letter).

        It fulfils the reply promise (``record_reply_in``); the first reply keeps or breaks it.
        """
        if not text.strip():
            raise InvalidInput("a reply cannot be empty")
        with self.ctx.db.session() as session:
            row = self.row(session, inquiry_id)
            self.add_outgoing_in(session, row, text.strip(), **how)
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
            log_event(
                session, row.id, self.ctx.now(), "snooze", row.snoozed_until.isoformat(), None
            )
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
