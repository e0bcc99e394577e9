"""Logging a phone call, typed in while the founder is still on the phone.

A call is stored as an inquiry on the phone channel, so every call shows in the customer's
history: solved on the call, it is stored resolved (answered at once, promise kept); with a
call-back owed, it stays open with the phone channel's call-back promise.

A call about a case that is already open (``CallLog.inquiry_id``) joins that case instead of
making a second one. An outgoing call there is a reply: it fulfils the reply promise (also a
closed-loop case's 24-hour call-back). An incoming one is the customer speaking: a message
that needs a reply, unless it was solved on the call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from soloservice.domain.identity import InvalidIdentity, check_phone, phone_warning
from soloservice.domain.types import (
    OPEN_STATUSES,
    CallDirection,
    CallOutcome,
    Channel,
    Direction,
    IdentityKind,
    InquiryKind,
    Status,
)
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef, resolve_customer
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import (
    InquiryService,
    NewInquiry,
    make_snippet,
    record_customer_message,
    record_reply,
)
from soloservice.storage.tables import CustomerRow, InquiryRow, MessageRow

MAX_CALL = timedelta(hours=12)


@dataclass(frozen=True)
class CallLog:
    phone: str
    note: str
    name: str = ""
    customer_id: int | None = None
    direction: CallDirection = CallDirection.INCOMING
    duration: timedelta | None = None
    complaint: bool = False
    #: None on a case: the call answered it, and the status follows the after-reply setting
    #: as after a mailed reply (neither settled nor owing a call). A new call counts as solved.
    outcome: CallOutcome | None = CallOutcome.SOLVED
    started_at: datetime | None = None
    #: attach to this existing inquiry (a call-back) instead of creating a new one
    inquiry_id: int | None = None
    subject: str = ""


def _subject(log: CallLog) -> str:
    if log.subject.strip():
        return log.subject.strip()
    first_line = log.note.strip().splitlines()[0] if log.note.strip() else ""
    if first_line:
        return first_line[:80]
    return "Phone call" if log.direction is CallDirection.INCOMING else "Outgoing call"


class CallService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)

    def phone_warning(self, raw: str) -> str:
        """Why a number that will be stored deserves a second look ("" when it is fine)."""
        return phone_warning(raw, self.ctx.settings.phone_region) if raw.strip() else ""

    def log_call(self, log: CallLog) -> InquiryDetail:
        if not log.note.strip():
            raise InvalidInput("a call needs a note: what was it about?")
        if log.duration is not None and not timedelta(0) <= log.duration <= MAX_CALL:
            raise InvalidInput("call duration must be between 0 and 12 hours")
        phone = ""
        if log.phone.strip():
            try:
                # A possible number outside the library's known ranges is logged (the
                # caller sees phone_warning); only what cannot be a number is refused.
                phone = check_phone(log.phone, self.ctx.settings.phone_region).e164
            except InvalidIdentity as exc:
                raise InvalidInput(str(exc)) from exc
        elif log.customer_id is None and not log.name.strip() and log.inquiry_id is None:
            raise InvalidInput("a call needs a phone number or a customer name")
        now = self.ctx.now()
        started = log.started_at or (now - (log.duration or timedelta(0)))
        duration_s = int(log.duration.total_seconds()) if log.duration is not None else None
        note = log.note.strip()
        with self.ctx.db.session() as session:
            if log.inquiry_id is not None:
                row = self.inquiries.row(session, log.inquiry_id)
                self._join_case(session, row, log, phone, started, duration_s, note)
                return self.inquiries.detail_of(session, row)

            ref = CustomerRef(
                customer_id=log.customer_id,
                name=log.name,
                identity_kind=IdentityKind.PHONE if phone else None,
                identity_value=phone,
            )
            new = NewInquiry(
                customer=ref,
                channel=Channel.PHONE,
                subject=_subject(log),
                kind=InquiryKind.COMPLAINT if log.complaint else InquiryKind.QUESTION,
                received_at=started,
            )
            row = self.inquiries.create_in(session, new)
            assert row.id is not None
            row.snippet = make_snippet(note)
            session.add(
                MessageRow(
                    inquiry_id=row.id,
                    direction=(
                        Direction.IN.value
                        if log.direction is CallDirection.INCOMING
                        else Direction.OUT.value
                    ),
                    channel=Channel.PHONE.value,
                    author=self.ctx.settings.founder_name
                    if log.direction is CallDirection.OUTGOING
                    else (log.name.strip() or phone),
                    text=note,
                    sent_at=started,
                    call_duration_s=duration_s,
                )
            )
            if log.outcome is not CallOutcome.CALLBACK:
                # Answered while on the phone: the promise is kept at the moment of the call.
                record_reply(row, started)
                self.inquiries.set_status_in(session, row, Status.RESOLVED)
            else:
                # A call-back is owed: the promise runs from the end of the call.
                ended = started + (log.duration or timedelta(0))
                row.needs_reply_since = ended
                row.due_at = self.ctx.due_for(Channel.PHONE, ended)
                self.inquiries.set_status_in(session, row, Status.OPEN)
            return self.inquiries.detail_of(session, row)

    def _join_case(
        self,
        session: Session,
        row: InquiryRow,
        log: CallLog,
        phone: str,
        started: datetime,
        duration_s: int | None,
        note: str,
    ) -> None:
        """Add the call to an open case: a reply when the founder called, a customer
        message when the customer did; then the outcome the founder chose."""
        assert row.id is not None
        if Status(row.status) not in OPEN_STATUSES:
            raise InvalidInput(
                f"inquiry #{row.id} is {row.status}; a call joins only an open case "
                "(log it without the inquiry to start a new one)"
            )
        if log.customer_id is not None and log.customer_id != row.customer_id:
            merged = resolve_customer(session, self.ctx, CustomerRef(customer_id=log.customer_id))
            if merged.id != row.customer_id:
                raise InvalidInput(
                    f"inquiry #{row.id} belongs to another customer (#{row.customer_id})"
                )
        if phone:
            # The number they called from or were called on is theirs, unless it is someone
            # else's already (then nothing is moved).
            resolve_customer(
                session,
                self.ctx,
                CustomerRef(
                    customer_id=row.customer_id, more_identities=((IdentityKind.PHONE, phone),)
                ),
            )
        if log.complaint and row.kind != InquiryKind.COMPLAINT.value:
            row.kind = InquiryKind.COMPLAINT.value
            row.kind_source = "founder"
        ended = started + timedelta(seconds=duration_s or 0)
        if log.direction is CallDirection.OUTGOING:
            # A call-back is a reply: it fulfils the reply promise (and a closed loop's
            # 24-hour call-back promise, which is the same promise). With an outcome chosen
            # the status follows it below, not the after-reply setting.
            self.inquiries.add_outgoing_in(
                session,
                row,
                note,
                channel=Channel.PHONE,
                sent_at=started,
                call_duration_s=duration_s,
                counts_as_response=False,
            )
            if log.outcome is None:
                self.inquiries.record_reply_in(session, row, started)
            else:
                record_reply(row, started)
        else:
            customer = session.get(CustomerRow, row.customer_id)
            customer_name = customer.name if customer is not None else ""
            session.add(
                MessageRow(
                    inquiry_id=row.id,
                    direction=Direction.IN.value,
                    channel=Channel.PHONE.value,
                    author=customer_name or phone,
                    text=note,
                    sent_at=started,
                    call_duration_s=duration_s,
                )
            )
            self.inquiries.record_customer_message_in(session, row, started)
            if log.outcome is None:
                self.inquiries.record_reply_in(session, row, ended)
            elif log.outcome is CallOutcome.SOLVED:
                # Answered while they were on the line.
                record_reply(row, ended)
        if log.outcome is None:
            row.last_activity_at = max(row.last_activity_at, ended)
            return
        if log.outcome is CallOutcome.SOLVED:
            self.inquiries.set_status_in(session, row, Status.RESOLVED)
            return
        # "Call-back owed": the case stays open and the founder owes a call, due by the
        # phone channel's call-back promise from the end of this call.
        if Status(row.status) is not Status.OPEN:
            self.inquiries.set_status_in(session, row, Status.OPEN)
        call_back_due = self.ctx.due_for(Channel.PHONE, ended)
        if row.needs_reply_since is None:
            # The founder's call answered what was owed; the call-back owed now is new.
            record_customer_message(row, ended, call_back_due)
        elif row.needs_reply_since >= started and not row.automatic_reason:
            # This call is what the customer waits on: the phone's call-back promise applies,
            # not the promise of the channel the case came in on. An older unanswered
            # message keeps its own (earlier) promise.
            row.due_at = call_back_due
        row.last_activity_at = max(row.last_activity_at, ended)
