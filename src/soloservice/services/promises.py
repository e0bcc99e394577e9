"""Reply-time promises on inquiries: why an inquiry is due when it is, what becomes due soon,
and the acknowledgement that tells the customer when they will hear back."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import and_, select

from soloservice.domain.promise import PromiseExplanation
from soloservice.domain.templates import render_template
from soloservice.domain.types import Channel, Direction, InquiryKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.dto import InboxQuery, InquiryDetail, View
from soloservice.services.errors import InvalidInput, ServiceError
from soloservice.services.inbox import InboxService
from soloservice.services.inquiries import InquiryService
from soloservice.services.templates import TemplateService, template_values
from soloservice.storage.tables import CustomerRow, InquiryRow, MessageRow

if TYPE_CHECKING:
    from soloservice.services.outbox import OutboxService

_ACTIVE = (Status.NEW.value, Status.OPEN.value)
#: how far back "acknowledge automatically" reaches: older cases are the founder's to judge
AUTO_ACK_WINDOW = timedelta(hours=24)
#: the channels an acknowledgement can be mailed on (a social reply is the founder's own)
AUTO_ACK_CHANNELS = frozenset({Channel.EMAIL, Channel.FORM})


@dataclass(frozen=True)
class DueSoon:
    id: int
    customer_name: str
    subject: str
    channel: Channel
    due_at: datetime


@dataclass(frozen=True)
class Acknowledgement:
    inquiry_id: int
    subject: str
    body: str
    empty_placeholders: tuple[str, ...]
    #: the time the text states (never in the past)
    due_at: datetime | None = None
    #: the case's promise had already passed: the text states a fresh one counted from now
    #: (the case itself stays overdue: the broken promise is not rewritten)
    fresh_promise: bool = False


@dataclass(frozen=True)
class AutoAckOutcome:
    """One automatic round: what it looked at (not looked at again), queued and sent."""

    considered: tuple[int, ...] = ()
    queued: tuple[int, ...] = ()
    sent: int = 0
    errors: tuple[str, ...] = ()


class PromiseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)
        self.templates = TemplateService(ctx)

    def explain(self, inquiry_id: int) -> PromiseExplanation:
        """How the inquiry's current due time follows from its received time and the calendar."""
        detail = self.inquiries.get(inquiry_id)
        hours = self.ctx.promise_hours(detail.channel)
        return self.ctx.calendar.explain(detail.received_at, hours)

    def due_within(self, window: timedelta) -> list[DueSoon]:
        """Cases needing a reply that become due between now and now + window (alerts).

        Uses the inbox's Needs reply definition: an answered case sends no alert.
        """
        now = self.ctx.now()
        inquiry = InquiryRow.__table__  # type: ignore[attr-defined]
        customer = CustomerRow.__table__  # type: ignore[attr-defined]
        stmt = (
            select(
                inquiry.c.id,
                customer.c.name,
                inquiry.c.subject,
                inquiry.c.channel,
                inquiry.c.due_at,
            )
            .select_from(inquiry.join(customer, customer.c.id == inquiry.c.customer_id))
            .where(
                and_(
                    InboxService(self.ctx).view_condition(View.NEEDS_REPLY, now),
                    inquiry.c.due_at > now,
                    inquiry.c.due_at <= now + window,
                )
            )
            .order_by(inquiry.c.due_at)
        )
        with self.ctx.db.read_session() as session:  # the GUI thread asks: never lock
            return [
                DueSoon(r.id, r.name, r.subject, Channel(r.channel), r.due_at)
                for r in session.connection().execute(stmt)
            ]

    def draft_acknowledgement(self, inquiry_id: int) -> Acknowledgement:
        """The acknowledgement in the customer's language, stating the promised time.

        Only a case whose customer waits for a reply is acknowledged. If its promise has
        passed, the text states a fresh one counted from now rather than a time gone by.
        """
        detail = self.inquiries.get(inquiry_id)
        self._check_acknowledgeable(detail)
        assert detail.due_at is not None
        now = self.ctx.now()
        fresh = detail.due_at <= now
        due = self.ctx.due_for(detail.channel, now) if fresh else detail.due_at
        key = "ack_complaint" if detail.kind is InquiryKind.COMPLAINT else "ack"
        template = self.templates.find(key, detail.customer.language)
        values = template_values(self.ctx, replace(detail, due_at=due))
        rendered = render_template(template, values)
        return Acknowledgement(
            inquiry_id, rendered.subject, rendered.body, rendered.empty, due, fresh
        )

    def _check_acknowledgeable(self, detail: InquiryDetail) -> None:
        """One-line reasons why an acknowledgement would say something untrue."""
        if detail.status not in (Status.NEW, Status.OPEN):
            raise InvalidInput(
                f"inquiry {detail.id} is {detail.status.value}; only new or open ones are "
                "acknowledged"
            )
        if detail.needs_reply_since is None:
            raise InvalidInput(
                f"inquiry {detail.id} is answered; there is no reply to promise until the "
                "customer writes again"
            )
        if detail.due_at is None:
            raise InvalidInput(f"inquiry {detail.id} has no promise to state")

    def record_acknowledgement(self, inquiry_id: int, body: str) -> InquiryDetail:
        """Store an acknowledgement given (or sent) to the customer.

        It states the promise but does not keep it: the first real reply still counts.
        """
        if not body.strip():
            raise InvalidInput("an acknowledgement cannot be empty")
        self._check_acknowledgeable(self.inquiries.get(inquiry_id))
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            row = self.inquiries.row(session, inquiry_id)
            assert row.id is not None
            session.add(
                MessageRow(
                    inquiry_id=row.id,
                    direction=Direction.OUT.value,
                    channel=row.channel,
                    author=self.ctx.settings.founder_name,
                    text=body.strip(),
                    sent_at=now,
                    is_ack=True,
                )
            )
            if row.ack_sent_at is None:
                row.ack_sent_at = now
            if row.status == Status.NEW.value:
                self.inquiries.set_status_in(session, row, Status.OPEN)
            row.last_activity_at = now
            return self.inquiries.detail_of(session, row)

    def auto_acknowledge(
        self, outbox: OutboxService, skip: frozenset[int] = frozenset()
    ) -> AutoAckOutcome:
        """Queue and send the acknowledgement of new email/form cases of the last 24 hours.

        The rules live here, not in the window, so they hold for every caller: automatic
        mail (a newsletter, a no-reply sender) and a case already answered are never
        acknowledged, nor one acknowledged or queued before (maybe before a restart: the
        outbox retries that one). Each case is its own queue-then-send, so one failure
        neither stops the round nor loses the others. ``skip`` holds ids an earlier round
        considered. The outbox is passed in so that promises alone need no mail account.
        """
        considered: list[int] = []
        queued: list[int] = []
        sent = 0
        errors: list[str] = []
        now = self.ctx.now()
        inbox = InboxService(self.ctx)
        for row in inbox.rows(inbox.list_ids(InboxQuery(view=View.INBOX, status=Status.NEW))):
            if row.id in skip or row.channel not in AUTO_ACK_CHANNELS or not row.needs_reply:
                continue
            if row.received_at < now - AUTO_ACK_WINDOW:
                continue
            considered.append(row.id)
            try:
                detail = self.inquiries.get(row.id)
                if detail.flags.automatic_reason or detail.needs_reply_since is None:
                    continue
                if detail.ack_sent_at is not None or detail.due_at is None:
                    continue
                if any(p.purpose == "ack" for p in outbox.pending(row.id)):
                    continue
                draft = self.draft_acknowledgement(row.id)
                view = outbox.queue_acknowledgement(row.id, draft.subject, draft.body)
                queued.append(row.id)
                result = outbox.send_pending(only_id=view.id)
                sent += result.sent
                errors.extend(result.errors)
            except ServiceError as exc:
                errors.append(f"#{row.id}: {exc}")
        return AutoAckOutcome(tuple(considered), tuple(queued), sent, tuple(errors))
