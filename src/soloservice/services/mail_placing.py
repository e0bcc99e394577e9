"""Where a parsed mail goes: its conversation, a new inquiry, the founder's own, automatic.

The base of ``MailIngest`` (services/mail_ingest.py). Inside a batch (``_lookups`` set by
``MailBatchStore.ingest_batch``) every question is answered from the batch's lookups and
every new row gets its id up front, so a mail costs no query and no flush; outside a batch
(one mail, ``reprocess``) the same rules ask the store directly. The batch versions of
``InquiryService.create_in`` / ``resolve_customer`` and ``record_customer_message_in``
cover only the common case (an email sender, a case that stays open) and hand every other
case to those methods, so the rules stay written once.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail
from soloservice.channels.email.threads import candidate_parents, find_case_tag
from soloservice.domain.identity import InvalidIdentity, normalise
from soloservice.domain.types import Channel, Direction, IdentityKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customer_identity import (
    CustomerRef,
    _apply_guess,
    identity_display,
)
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import InquiryService, NewInquiry, detect_kind, make_snippet
from soloservice.services.inquiry_rules import (
    first_message_row,
    inquiry_of_messages,
    new_inquiry_row,
    record_customer_message,
)
from soloservice.services.language_id import guess_for
from soloservice.services.mail_lookups import BatchLookups
from soloservice.services.mail_outcomes import FormHook, Outcome, SurveyHook, refused_address
from soloservice.services.mail_rows import new_row
from soloservice.storage.mail_tables import AttachmentRow, MailItemRow
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow, MessageRow


class MailPlacing:
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
        #: set while a batch is stored: what it needs to know, read up front
        self._lookups: BatchLookups | None = None

    def _thread(self, session: Session, parsed: ParsedMail) -> InquiryRow | None:
        candidates = candidate_parents(parsed)
        lookups = self._lookups
        if lookups is not None:
            found_id = lookups.thread_of(candidates)
            if found_id is not None:
                return lookups.inquiry(session, found_id)
            tagged = find_case_tag(parsed.subject)
            return lookups.inquiry(session, tagged) if tagged is not None else None
        found = inquiry_of_messages(session, candidates)
        if found is not None:
            return found
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
        if self._survey_answer(session, parsed):
            item.reason = "answer to a satisfaction survey"
            if parsed.message_id:  # the answer is stored on its case: link the ledger to it
                found = session.exec(
                    select(MessageRow)
                    .where(MessageRow.external_id == parsed.message_id)
                    .order_by(col(MessageRow.id).desc())
                ).first()
                item.message_row_id = found.id if found is not None else None
                if found is not None and found.id is not None and self._lookups is not None:
                    self._lookups.note_message(parsed.message_id, found.id, found.inquiry_id)
            return Outcome.SURVEY_ANSWER
        inquiry = self._thread(session, parsed)
        if inquiry is not None:
            message = self._add_message(session, inquiry, parsed, Direction.IN, item)
            item.message_row_id = message.id
            if not inquiry.automatic_reason:
                detect_kind(inquiry, parsed.subject, parsed.text)  # "still broken" upgrades
            self._customer_wrote_back(session, inquiry, parsed.date)
            return Outcome.ADDED
        new = self.form_hook(parsed) if self.form_hook else None
        if new is None:
            automatic = "" if force_customer else (parsed.bulk_reason or "")
            if automatic:
                item.reason = f"automatic mail: {automatic}"
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
                automatic_reason=automatic,
            )
            refused = refused_address(new.customer.identity_value)
            if refused is not None:  # what create_in would raise, before anything is written
                item.message_row_id = None
                item.reason = f"The message could not be stored (InvalidInput: {refused})."
                return Outcome.QUARANTINED
        row, first = self._create(session, new)
        assert row.id is not None
        if first is None:  # a mail with only attachments: it still needs its thread anchor
            first = new_row(
                MessageRow,
                id=self._new_id("message"),
                inquiry_id=row.id,
                direction=Direction.IN.value,
                channel=new.channel.value,
                author=new.author,
                text="",
                sent_at=row.received_at,
            )
            session.add(first)
        first.external_id = parsed.message_id
        if self._lookups is None:
            session.flush()
        assert first.id is not None
        item.message_row_id = first.id
        if self._lookups is not None:
            self._lookups.note_message(parsed.message_id, first.id, row.id)
        self._attachments(session, first, parsed, item)
        return Outcome.NEW_INQUIRY

    def _survey_answer(self, session: Session, parsed: ParsedMail) -> bool:
        if self.survey_hook is None:
            return False
        if self._lookups is None:
            return self.survey_hook(session, parsed)
        if not self._lookups.may_answer_survey(parsed):
            return False  # the usual mail: no survey of ours in its references
        # Surveys are not written by the ingest: the hook's lookup need not flush the batch.
        with session.no_autoflush:
            answered = self.survey_hook(session, parsed)
        if answered:
            self._lookups.resync(session)  # it let SQLite choose the ids of what it added
        return answered

    def _new_id(self, table: str) -> int | None:
        return self._lookups.next_id(table) if self._lookups is not None else None

    def _own(self, session: Session, parsed: ParsedMail, item: MailItemRow) -> Outcome:
        """The founder wrote this (another mail client, or our reply's copy in Sent)."""
        inquiry = self._thread(session, parsed)
        if inquiry is None:
            item.reason = "sent from our own address; not part of a known conversation"
            return Outcome.OWN
        message = self._add_message(session, inquiry, parsed, Direction.OUT, item)
        self.inquiries.record_reply_in(session, inquiry, parsed.date)
        item.message_row_id = message.id
        item.reason = "our own reply, added to its conversation"
        return Outcome.OWN

    # -- storing ------------------------------------------------------------------------------

    def _create(self, session: Session, new: NewInquiry) -> tuple[InquiryRow, MessageRow | None]:
        """A new inquiry and its first message (None for a mail without text)."""
        lookups = self._lookups
        ref = new.customer
        if (
            lookups is None
            or ref.customer_id is not None
            or ref.identity_kind is None
            or ref.more_identities
            or ref.language is not None
        ):
            row = self.inquiries.create_in(session, new)
            made = next(
                (m for m in session.new if isinstance(m, MessageRow) and m.inquiry_id == row.id),
                None,
            )
            session.flush()
            if lookups is not None:  # it chose ids and may have added identities
                lookups.resync(session)
                lookups.customer_identities(session, row.customer_id)
                lookups.created_inquiry(row)
            if made is None:
                made = session.exec(
                    select(MessageRow)
                    .where(MessageRow.inquiry_id == row.id)
                    .order_by(col(MessageRow.id))
                ).first()
            return row, made
        # InquiryService.create_in, answered from the batch's lookups (the rows: inquiry_rules)
        now = self.ctx.now()
        received = new.received_at or now
        if received.tzinfo is None:
            raise InvalidInput("received time must carry a time zone")
        words = f"{new.subject}\n{new.text}" if new.channel is Channel.EMAIL else new.text
        customer = self._sender(session, lookups, ref, ref.identity_kind, words)
        assert customer.id is not None
        due = self.ctx.due_for(new.channel, received)
        row = new_inquiry_row(new, customer, received, due, row_id=lookups.next_id("inquiry"))
        session.add(row)
        assert row.id is not None
        first: MessageRow | None = None
        if new.text.strip() or new.html:
            first = first_message_row(
                new, row.id, customer, received, row_id=lookups.next_id("message")
            )
            session.add(first)
        # log_event's row, built the cheap way
        created = {"kind": "created", "old_value": None, "new_value": Status.NEW.value}
        session.add(new_row(EventRow, inquiry_id=row.id, at=now, **created))
        lookups.created_inquiry(row)
        return row, first

    def _sender(
        self,
        session: Session,
        lookups: BatchLookups,
        ref: CustomerRef,
        kind: IdentityKind,
        text: str,
    ) -> CustomerRow:
        """``resolve_customer`` for one identity and no customer id, from the lookups."""
        try:
            value = normalise(kind, ref.identity_value, self.ctx.settings.phone_region)
        except InvalidIdentity as exc:
            raise InvalidInput(str(exc)) from exc
        known = lookups.identities.get((kind.value, value))
        if known is not None:
            found = lookups.customer(session, known)
            if not found.name and ref.name.strip():
                found.name = ref.name.strip()
            assert found.id is not None
            first_contact = found.language_source != "founder" and not lookups.has_inquiry(
                session, found.id
            )
            if text.strip() and first_contact:
                _apply_guess(session, self.ctx, found, text)
            return found
        default = self.ctx.settings.founder_language
        row = new_row(
            CustomerRow,
            id=lookups.next_id("customer"),
            name=ref.name.strip() or identity_display(kind, value),
            language=default.value,
            language_source="",
            created_at=self.ctx.now(),
        )
        session.add(row)
        assert row.id is not None
        lookups.customers[row.id] = row
        session.add(new_row(IdentityRow, customer_id=row.id, kind=kind.value, value=value))
        lookups.identities[(kind.value, value)] = row.id
        lookups.without_inquiries.add(row.id)
        emails = [value] if kind is IdentityKind.EMAIL else []
        phones = [value] if kind is IdentityKind.PHONE else []
        guess = guess_for(text, emails=emails, phones=phones, default=default)
        if guess.guessed:
            row.language = guess.language.value
            row.language_source = "guess"
            row.language_reason = guess.reason
        return row

    def _add_message(
        self,
        session: Session,
        inquiry: InquiryRow,
        parsed: ParsedMail,
        direction: Direction,
        item: MailItemRow,
    ) -> MessageRow:
        assert inquiry.id is not None
        message = new_row(
            MessageRow,
            id=self._new_id("message"),
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
        if self._lookups is None:
            session.flush()
        assert message.id is not None
        if self._lookups is not None:
            self._lookups.note_message(parsed.message_id, message.id, inquiry.id)
            if direction is Direction.OUT:
                self._lookups.replied(inquiry.id, parsed.date)
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
                new_row(
                    AttachmentRow,
                    message_id=message.id,
                    mail_item_id=item.id,
                    filename=info.filename,
                    content_type=info.content_type,
                    size=info.size,
                    part_index=info.index,
                )
            )

    def _customer_wrote_back(self, session: Session, inquiry: InquiryRow, at: datetime) -> None:
        """A reply is owed again, promised from this message; a resolved case reopens.

        In a batch, a case that is open, awake and not automatic (the usual one) changes
        only its promise: done here from the lookups, as ``record_customer_message_in``
        would. Anything else (a status change, a snooze ending) goes through that method.
        """
        lookups = self._lookups
        plain = inquiry.status in (Status.NEW.value, Status.OPEN.value)
        if (
            lookups is None
            or inquiry.snoozed_until is not None
            or inquiry.automatic_reason
            or not plain
        ):
            self.inquiries.record_customer_message_in(session, inquiry, at)
            return
        assert inquiry.id is not None
        answered = lookups.replied_at.get(inquiry.id)
        if answered is not None and answered >= at:
            return  # seen late: a reply already stored answered it
        record_customer_message(inquiry, at, self.ctx.due_for(Channel(inquiry.channel), at))
        inquiry.last_activity_at = max(inquiry.last_activity_at, at)
