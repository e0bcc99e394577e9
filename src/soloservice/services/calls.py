"""Logging a phone call, typed in while the founder is still on the phone.

A call is always stored as an inquiry on the phone channel, so every call shows in the
customer's history: solved on the call, it is stored resolved (answered at once, promise
kept); with a call-back owed, it stays open with the phone channel's call-back promise.
A call made to answer an existing inquiry is attached to it and counts as its response.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from soloservice.domain.identity import InvalidIdentity, normalise_phone
from soloservice.domain.types import (
    CallDirection,
    CallOutcome,
    Channel,
    Direction,
    IdentityKind,
    InquiryKind,
    Status,
)
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import (
    InquiryService,
    NewInquiry,
    make_snippet,
    record_first_response,
)
from soloservice.storage.tables import MessageRow

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
    outcome: CallOutcome = CallOutcome.SOLVED
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

    def log_call(self, log: CallLog) -> InquiryDetail:
        if not log.note.strip():
            raise InvalidInput("a call needs a note: what was it about?")
        if log.duration is not None and not timedelta(0) <= log.duration <= MAX_CALL:
            raise InvalidInput("call duration must be between 0 and 12 hours")
        phone = ""
        if log.phone.strip():
            try:
                phone = normalise_phone(log.phone, self.ctx.settings.phone_region)
            except InvalidIdentity as exc:
                raise InvalidInput(str(exc)) from exc
        elif log.customer_id is None and not log.name.strip():
            raise InvalidInput("a call needs a phone number or a customer name")
        now = self.ctx.now()
        started = log.started_at or (now - (log.duration or timedelta(0)))
        duration_s = int(log.duration.total_seconds()) if log.duration is not None else None
        note = log.note.strip()
        with self.ctx.db.session() as session:
            if log.inquiry_id is not None:
                row = self.inquiries.row(session, log.inquiry_id)
                self.inquiries.add_outgoing_in(
                    session,
                    row,
                    note,
                    channel=Channel.PHONE,
                    sent_at=started,
                    call_duration_s=duration_s,
                    counts_as_response=True,
                )
                if log.outcome is CallOutcome.SOLVED:
                    self.inquiries.set_status_in(session, row, Status.RESOLVED)
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
            if log.outcome is CallOutcome.SOLVED:
                # Answered while on the phone: the promise is kept at the moment of the call.
                record_first_response(row, started)
                self.inquiries.set_status_in(session, row, Status.RESOLVED)
            else:
                # A call-back is owed: the promise runs from the end of the call.
                row.due_at = self.ctx.due_for(
                    Channel.PHONE, started + (log.duration or timedelta(0))
                )
                self.inquiries.set_status_in(session, row, Status.OPEN)
            return self.inquiries.detail_of(session, row)
