"""Turning one fetched or imported mail into the inbox, exactly once.

Shared by IMAP sync and archive imports (mbox, Maildir, .eml) so both thread, dedupe and
quarantine the same way. Every mail leaves a row in ``mail_item`` whatever happens to it:
imported, duplicate, own (our reply coming back), auto (auto-reply or bounce), quarantined.
Nothing is ever dropped; the raw source is kept (a duplicate points at the first copy
instead of storing the same bytes again).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import or_
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.channels.email.threads import candidate_parents, find_case_tag
from soloservice.domain.types import OPEN_STATUSES, Channel, Direction, IdentityKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import (
    InquiryService,
    NewInquiry,
    make_snippet,
    record_first_response,
)
from soloservice.storage.mail_tables import AttachmentRow, MailItemRow
from soloservice.storage.tables import InquiryRow, MessageRow

#: Ledger outcomes that mean "this mail's content is already in the store".
_STORED_OUTCOMES = ("imported", "own", "auto", "survey_answer")


class Outcome(StrEnum):
    NEW_INQUIRY = "new_inquiry"
    ADDED = "added_to_existing"
    DUPLICATE = "duplicate"
    OWN = "own"
    AUTO = "auto"
    SURVEY_ANSWER = "survey_answer"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class IngestTotals:
    """What became of a batch of mails; sync and import summaries extend it."""

    fetched: int = 0
    new_inquiries: int = 0
    added_to_existing: int = 0
    duplicates: int = 0
    quarantined: int = 0
    own: int = 0
    auto: int = 0
    survey_answers: int = 0
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict[str, Any]:
        return {
            "fetched": self.fetched,
            "new_inquiries": self.new_inquiries,
            "added_to_existing": self.added_to_existing,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "own": self.own,
            "auto": self.auto,
            "survey_answers": self.survey_answers,
            "errors": list(self.errors),
        }


@dataclass
class IngestCounts:
    """The running tally while mails are ingested."""

    fetched: int = 0
    new_inquiries: int = 0
    added_to_existing: int = 0
    duplicates: int = 0
    own: int = 0
    auto: int = 0
    survey_answers: int = 0
    quarantined: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.fetched += 1
        if outcome is Outcome.NEW_INQUIRY:
            self.new_inquiries += 1
        elif outcome is Outcome.ADDED:
            self.added_to_existing += 1
        elif outcome is Outcome.DUPLICATE:
            self.duplicates += 1
        elif outcome is Outcome.OWN:
            self.own += 1
        elif outcome is Outcome.AUTO:
            self.auto += 1
        elif outcome is Outcome.SURVEY_ANSWER:
            self.survey_answers += 1
        else:
            self.quarantined += 1

    def totals(self) -> dict[str, Any]:
        """Keyword arguments for an IngestTotals (or a summary extending it)."""
        return {
            "fetched": self.fetched,
            "new_inquiries": self.new_inquiries,
            "added_to_existing": self.added_to_existing,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "own": self.own,
            "auto": self.auto,
            "survey_answers": self.survey_answers,
            "errors": tuple(self.errors),
        }


@dataclass(frozen=True)
class MailSource:
    """Where a raw mail came from, for the ledger.

    ``sent`` marks a Sent folder: everything in it is the founder's, whatever the From says
    (aliases, a second address), so it is never taken for a customer's mail.
    """

    source: str = "imap"
    account_id: int | None = None
    folder: str = ""
    uidvalidity: int | None = None
    uid: int | None = None
    sent: bool = False


#: A hook that may turn a mail into a different inquiry (web form notifications): returns
#: a NewInquiry to create instead of the default, or None to go on as a plain email.
FormHook = Callable[[ParsedMail], NewInquiry | None]

#: A hook that recognises a customer's answer to a satisfaction survey (by the survey mail's
#: Message-ID in In-Reply-To/References), records it, and returns True; such a mail is an
#: answer, not a new message that would reopen the case.
SurveyHook = Callable[[Session, ParsedMail], bool]


def raw_hash(raw: bytes) -> str:
    """Identity of a mail nobody could parse: its exact bytes."""
    return "raw:" + hashlib.sha256(raw).hexdigest()


class MailIngest:
    def __init__(
        self,
        ctx: ServiceContext,
        own_addresses: set[str],
        form_hook: FormHook | None = None,
        survey_hook: SurveyHook | None = None,
    ) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)
        self.own_addresses = {a.strip().lower() for a in own_addresses}
        self.form_hook = form_hook
        self.survey_hook = survey_hook

    def ingest(
        self,
        session: Session,
        raw: bytes,
        source: MailSource,
        received: datetime | None = None,
    ) -> Outcome:
        """Store one raw mail inside the caller's transaction and say what became of it."""
        item = MailItemRow(
            account_id=source.account_id,
            source=source.source,
            folder=source.folder,
            uidvalidity=source.uidvalidity,
            uid=source.uid,
            outcome=Outcome.QUARANTINED.value,
            fetched_at=self.ctx.now(),
            raw=raw,
        )
        return self._process(session, item, received, sent=source.sent)

    def reprocess(
        self, session: Session, item: MailItemRow, *, as_customer_mail: bool = False
    ) -> Outcome:
        """Try a quarantined (or auto) ledger item again, e.g. after a parser fix.

        ``as_customer_mail`` overrides the auto-reply detection: the founder says it is a
        real customer writing.
        """
        if item.outcome not in (Outcome.QUARANTINED.value, Outcome.AUTO.value):
            raise InvalidInput(
                f"mail {item.id} was {item.outcome}; only quarantined or "
                "automatic mails can be processed again"
            )
        return self._process(session, item, None, sent=False, force_customer=as_customer_mail)

    # -- deciding -----------------------------------------------------------------------------

    def _process(
        self,
        session: Session,
        item: MailItemRow,
        received: datetime | None,
        *,
        sent: bool,
        force_customer: bool = False,
    ) -> Outcome:
        parsed = parse_message(item.raw, received=received or self.ctx.now())
        if isinstance(parsed, Quarantined):
            item.content_hash = raw_hash(item.raw)
            headers = {k.lower(): v for k, v in parsed.headers}
            item.subject = headers.get("subject", "")[:500]
            item.from_addr = headers.get("from", "")[:320]
            if self._duplicate_of(session, item, None) is not None:
                return self._mark_duplicate(session, item)
            item.outcome = Outcome.QUARANTINED.value
            item.reason = parsed.reason
            session.add(item)
            return Outcome.QUARANTINED
        item.message_id_header = parsed.message_id
        item.content_hash = parsed.content_hash
        item.subject = parsed.subject[:500]
        item.from_addr = parsed.from_addr
        if self._duplicate_of(session, item, parsed.message_id) is not None:
            return self._mark_duplicate(session, item)
        session.add(item)
        session.flush()  # the item's id is needed by attachment rows
        try:
            with session.begin_nested():
                outcome = self._place(
                    session, parsed, item, sent=sent, force_customer=force_customer
                )
        except DBAPIError:
            raise  # the store itself failed (locked, disk full): the whole batch must retry
        except Exception as exc:  # one mail that cannot be stored must not stop the batch
            item.outcome = Outcome.QUARANTINED.value
            item.message_row_id = None
            item.reason = f"The message could not be stored ({type(exc).__name__}: {exc})."
            return Outcome.QUARANTINED
        item.outcome = (
            "imported" if outcome in (Outcome.NEW_INQUIRY, Outcome.ADDED) else outcome.value
        )
        return outcome

    def _mark_duplicate(self, session: Session, item: MailItemRow) -> Outcome:
        item.outcome = Outcome.DUPLICATE.value
        item.reason = "already stored (same Message-ID or content)"
        item.raw = b""  # the first copy keeps the source
        session.add(item)
        return Outcome.DUPLICATE

    def _duplicate_of(
        self, session: Session, item: MailItemRow, message_id: str | None
    ) -> int | None:
        conditions = [col(MailItemRow.content_hash) == item.content_hash]
        if message_id:
            conditions.append(col(MailItemRow.message_id_header) == message_id)
        query = select(MailItemRow.id).where(
            or_(*conditions),
            col(MailItemRow.outcome).in_([*_STORED_OUTCOMES, Outcome.QUARANTINED.value]),
        )
        if item.id is not None:
            query = query.where(MailItemRow.id != item.id)
        seen = session.exec(query).first()
        if seen is not None:
            return seen
        if message_id:
            # Our own replies are stored with their Message-ID before any copy comes back.
            ours = session.exec(
                select(MessageRow.id).where(MessageRow.external_id == message_id)
            ).first()
            return ours
        return None

    def _thread(self, session: Session, parsed: ParsedMail) -> InquiryRow | None:
        candidates = candidate_parents(parsed)
        if candidates:
            found = session.exec(
                select(MessageRow.inquiry_id)
                .where(col(MessageRow.external_id).in_(candidates))
                .order_by(col(MessageRow.id).desc())
            ).first()
            if found is not None:
                return session.get(InquiryRow, found)
        tagged = find_case_tag(parsed.subject)
        if tagged is not None:
            return session.get(InquiryRow, tagged)
        return None

    def _place(
        self,
        session: Session,
        parsed: ParsedMail,
        item: MailItemRow,
        *,
        sent: bool,
        force_customer: bool,
    ) -> Outcome:
        if sent or parsed.from_addr in self.own_addresses:
            return self._own(session, parsed, item)
        if parsed.is_auto and not force_customer:
            item.reason = parsed.auto_reason or "automatic reply"
            return Outcome.AUTO
        item.reason = ""
        if self.survey_hook is not None and self.survey_hook(session, parsed):
            item.reason = "answer to a satisfaction survey"
            return Outcome.SURVEY_ANSWER
        inquiry = self._thread(session, parsed)
        if inquiry is not None:
            message = self._add_message(session, inquiry, parsed, Direction.IN, item)
            item.message_row_id = message.id
            self._customer_wrote_back(session, inquiry, parsed.date)
            return Outcome.ADDED
        new = self.form_hook(parsed) if self.form_hook else None
        if new is None:
            new = NewInquiry(
                customer=CustomerRef(
                    name=parsed.from_name,
                    identity_kind=IdentityKind.EMAIL,
                    identity_value=parsed.reply_to or parsed.from_addr,
                ),
                channel=Channel.EMAIL,
                subject=parsed.subject,
                text=parsed.text,
                html=parsed.html,
                received_at=parsed.date,
                author=parsed.from_name or parsed.from_addr,
                external_id=parsed.message_id,
            )
        row = self.inquiries.create_in(session, new)
        assert row.id is not None
        session.flush()
        first = session.exec(
            select(MessageRow).where(MessageRow.inquiry_id == row.id).order_by(col(MessageRow.id))
        ).first()
        if first is None:  # a mail with only attachments: it still needs its thread anchor
            first = MessageRow(
                inquiry_id=row.id,
                direction=Direction.IN.value,
                channel=new.channel.value,
                author=new.author,
                text="",
                sent_at=row.received_at,
            )
            session.add(first)
        first.external_id = parsed.message_id
        session.flush()
        item.message_row_id = first.id
        self._attachments(session, first, parsed, item)
        return Outcome.NEW_INQUIRY

    def _own(self, session: Session, parsed: ParsedMail, item: MailItemRow) -> Outcome:
        """The founder wrote this (another mail client, or our reply's copy in Sent)."""
        inquiry = self._thread(session, parsed)
        if inquiry is None:
            item.reason = "sent from our own address; not part of a known conversation"
            return Outcome.OWN
        message = self._add_message(session, inquiry, parsed, Direction.OUT, item)
        record_first_response(inquiry, parsed.date)
        if inquiry.status == Status.NEW.value:
            self.inquiries.set_status_in(session, inquiry, Status.OPEN)
        item.message_row_id = message.id
        item.reason = "our own reply, added to its conversation"
        return Outcome.OWN

    # -- storing ------------------------------------------------------------------------------

    def _add_message(
        self,
        session: Session,
        inquiry: InquiryRow,
        parsed: ParsedMail,
        direction: Direction,
        item: MailItemRow,
    ) -> MessageRow:
        assert inquiry.id is not None
        message = MessageRow(
            inquiry_id=inquiry.id,
            direction=direction.value,
            channel=Channel.EMAIL.value,
            author=(
                parsed.from_name or parsed.from_addr
                if direction is Direction.IN
                else self.ctx.settings.founder_name or parsed.from_name or parsed.from_addr
            ),
            text=parsed.text,
            html=parsed.html,
            sent_at=parsed.date,
            external_id=parsed.message_id,
        )
        session.add(message)
        session.flush()
        self._attachments(session, message, parsed, item)
        inquiry.last_activity_at = max(inquiry.last_activity_at, parsed.date)
        if direction is Direction.IN:
            inquiry.snippet = make_snippet(parsed.text)
        return message

    def _attachments(
        self, session: Session, message: MessageRow, parsed: ParsedMail, item: MailItemRow
    ) -> None:
        assert message.id is not None
        for info in parsed.attachments:
            session.add(
                AttachmentRow(
                    message_id=message.id,
                    mail_item_id=item.id,
                    filename=info.filename,
                    content_type=info.content_type,
                    size=info.size,
                    part_index=info.index,
                )
            )

    def _customer_wrote_back(self, session: Session, inquiry: InquiryRow, at: datetime) -> None:
        """A new promise starts when the customer writes back; a resolved case reopens."""
        status = Status(inquiry.status)
        if status in OPEN_STATUSES and status is not Status.WAITING:
            return
        if status in (Status.RESOLVED, Status.CLOSED):
            inquiry.reopened_count += 1
        self.inquiries.set_status_in(session, inquiry, Status.OPEN)
        inquiry.due_at = self.ctx.due_for(Channel(inquiry.channel), max(at, self.ctx.now()))
        inquiry.snoozed_until = None
