"""The founder's word on a sender: "this is spam", "not a customer", or "this is a customer".

A verdict is remembered on the customer (``customer.sender_verdict``): their open inquiries
become automatic mail at once (out of every view but Automatic mail, no promise, no
acknowledgement, no survey, no review figure) and every later message from their addresses
arrives as automatic mail (``inquiries.classify_new``). "Not automatic — this is a customer"
is the way back for one inquiry the filters got wrong: it clears the reason and the verdict
and starts the reply promise from now.

Every change returns a ``SenderVerdictChange`` holding exactly what it altered, so the
window's Ctrl+Z (and ``undo``) puts back the verdict and each inquiry as they were.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from soloservice.domain.types import OPEN_STATUSES, Channel, Direction, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customers import surviving_customer
from soloservice.services.dto import AutomaticMark, SenderVerdictChange
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import VERDICT_REASONS
from soloservice.services.rows import row_or_not_found
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import CustomerRow, EventRow, InquiryRow, MessageRow

#: What the CLI and the window may say; "" takes a verdict back.
VERDICTS = ("spam", "not_customer", "")
_OPEN = [s.value for s in OPEN_STATUSES]


def parse_verdict(text: str) -> str:
    value = text.strip().lower().replace("-", "_")
    if value in ("clear", "none"):
        value = ""
    if value not in VERDICTS:
        raise InvalidInput(f"unknown sender verdict {text!r} (use spam, not-customer or clear)")
    return value


class SenderVerdictService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- the founder's verdicts ---------------------------------------------------------------

    def set_verdict(self, customer_id: int, verdict: str) -> SenderVerdictChange:
        """Remember ``verdict`` for this sender and apply it to their open inquiries."""
        value = parse_verdict(verdict)
        with self.ctx.db.session() as session:
            customer = surviving_customer(session, customer_id)
            return self._set(session, customer, value)

    def set_verdict_for_inquiry(self, inquiry_id: int, verdict: str) -> SenderVerdictChange:
        """As ``set_verdict``, for the customer who sent this inquiry."""
        value = parse_verdict(verdict)
        with self.ctx.db.session() as session:
            customer = surviving_customer(session, self._inquiry(session, inquiry_id).customer_id)
            return self._set(session, customer, value)

    def not_automatic(self, inquiry_id: int) -> SenderVerdictChange:
        """ "This is a customer": the inquiry is a real one, and the sender's verdict goes."""
        with self.ctx.db.session() as session:
            row = self._inquiry(session, inquiry_id)
            customer = surviving_customer(session, row.customer_id)
            change = self._set(session, customer, "")
            marks = list(change.inquiries)
            if row.automatic_reason:
                marks.append(self._unmark(session, row))
            return SenderVerdictChange(
                customer_id=change.customer_id,
                old_verdict=change.old_verdict,
                new_verdict="",
                inquiries=tuple(marks),
            )

    def undo(self, change: SenderVerdictChange) -> None:
        """Put back the verdict and every inquiry ``change`` touched, as they were.

        An inquiry changed since (marked or unmarked again by hand) is left as it is now.
        """
        with self.ctx.db.session() as session:
            customer = row_or_not_found(session, CustomerRow, change.customer_id, "customer")
            if customer.sender_verdict != change.new_verdict:
                raise InvalidInput(
                    f"customer {change.customer_id}'s sender verdict has changed since; "
                    "nothing was undone"
                )
            customer.sender_verdict = change.old_verdict
            now = self.ctx.now()
            for mark in change.inquiries:
                row = session.get(InquiryRow, mark.inquiry_id)
                if row is None or row.automatic_reason != mark.new_reason:
                    continue
                row.automatic_reason = mark.old_reason
                row.due_at = mark.old_due_at
                row.needs_reply_since = mark.old_needs_reply_since
                self._log(session, row, now, "automatic (undo)", mark.new_reason, mark.old_reason)
            self._call_off_surveys(session, customer)

    # -- inside one transaction ---------------------------------------------------------------

    def _inquiry(self, session: Session, inquiry_id: int) -> InquiryRow:
        return row_or_not_found(session, InquiryRow, inquiry_id, "inquiry")

    def _set(self, session: Session, customer: CustomerRow, verdict: str) -> SenderVerdictChange:
        assert customer.id is not None
        old = customer.sender_verdict
        customer.sender_verdict = verdict
        marks: list[AutomaticMark] = []
        ours = set(VERDICT_REASONS.values())
        for row in session.exec(
            select(InquiryRow)
            .where(InquiryRow.customer_id == customer.id, col(InquiryRow.status).in_(_OPEN))
            .order_by(col(InquiryRow.id))
        ):
            if verdict and (not row.automatic_reason or row.automatic_reason in ours):
                marks.append(self._mark(session, row, VERDICT_REASONS[verdict]))
            elif not verdict and row.automatic_reason in ours:
                marks.append(self._unmark(session, row))
        self._call_off_surveys(session, customer)
        return SenderVerdictChange(customer.id, old, verdict, tuple(marks))

    def _mark(self, session: Session, row: InquiryRow, reason: str) -> AutomaticMark:
        assert row.id is not None
        mark = AutomaticMark(
            row.id, row.automatic_reason, reason, row.due_at, row.needs_reply_since
        )
        self._log(session, row, self.ctx.now(), "automatic", row.automatic_reason, reason)
        row.automatic_reason = reason
        row.due_at = None
        row.needs_reply_since = None
        return mark

    def _unmark(self, session: Session, row: InquiryRow) -> AutomaticMark:
        """A real inquiry again: promised from now if the customer's last word is unanswered."""
        assert row.id is not None
        mark = AutomaticMark(row.id, row.automatic_reason, "", row.due_at, row.needs_reply_since)
        now = self.ctx.now()
        self._log(session, row, now, "automatic", row.automatic_reason, "")
        row.automatic_reason = ""
        waiting_since = self._unanswered_since(session, row)
        if waiting_since is not None and row.status in (Status.NEW.value, Status.OPEN.value):
            row.needs_reply_since = waiting_since
            row.due_at = self.ctx.due_for(Channel(row.channel), max(now, waiting_since))
        return mark

    def _unanswered_since(self, session: Session, row: InquiryRow) -> datetime | None:
        """The customer's oldest message after the founder's last real reply, if any."""
        messages = session.exec(
            select(MessageRow)
            .where(MessageRow.inquiry_id == row.id, MessageRow.direction != Direction.NOTE.value)
            .order_by(col(MessageRow.sent_at), col(MessageRow.id))
        ).all()
        since: datetime | None = row.received_at if not messages else None
        for message in messages:
            if message.direction == Direction.OUT.value and not message.is_ack:
                since = None
            elif message.direction == Direction.IN.value and since is None:
                since = message.sent_at
        return since

    def _call_off_surveys(self, session: Session, customer: CustomerRow) -> None:
        """A spam sender is not asked "are you satisfied?": scheduled checks are skipped."""
        if not customer.sender_verdict:
            return
        for survey in session.exec(
            select(SurveyRow).where(
                SurveyRow.customer_id == customer.id, SurveyRow.status == "scheduled"
            )
        ):
            survey.status = "skipped"
            survey.skip_reason = VERDICT_REASONS[customer.sender_verdict]

    def _log(
        self, session: Session, row: InquiryRow, at: datetime, kind: str, old: str, new: str
    ) -> None:
        assert row.id is not None
        session.add(
            EventRow(inquiry_id=row.id, at=at, kind=kind, old_value=old or None, new_value=new)
        )
