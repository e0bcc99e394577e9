"""Turning one fetched or imported mail into the inbox, exactly once.

Shared by IMAP sync and archive imports (mbox, Maildir, .eml) so both thread, dedupe and
quarantine the same way. Every mail leaves a row in ``mail_item`` whatever happens to it:
imported, duplicate, own (our reply coming back), auto (auto-reply or bounce), quarantined.
Nothing is ever dropped; the raw source is kept (a duplicate points at the first copy
instead of storing the same bytes again).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.channels.email.threads import candidate_parents, find_case_tag
from soloservice.domain.identity import InvalidIdentity, normalise_email
from soloservice.domain.types import Channel, Direction, IdentityKind
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import (
    InquiryService,
    NewInquiry,
    detect_kind,
    make_snippet,
)
from soloservice.services.mail_batch import LedgerIndex
from soloservice.storage.mail_tables import AttachmentRow, MailItemRow
from soloservice.storage.tables import InquiryRow, MessageRow

#: Ledger outcomes that mean "this mail's content is already in the store".
_STORED_OUTCOMES = ("imported", "own", "auto", "survey_answer")
#: ... and those a later copy of the same content is a duplicate of
_FIRST_COPY_OUTCOMES = (*_STORED_OUTCOMES, "quarantined")


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
    #: an archive's file and the mail's place in it (see MailItemRow); None for IMAP
    source_path: str | None = None
    source_key: str | None = None


#: A hook that may turn a mail into a different inquiry (web form notifications): returns
#: a NewInquiry to create instead of the default, or None to go on as a plain email.
FormHook = Callable[[ParsedMail], NewInquiry | None]

#: A hook that recognises a customer's answer to a satisfaction survey (by the survey mail's
#: Message-ID in In-Reply-To/References), records it, and returns True; such a mail is an
#: answer, not a new message that would reopen the case.
SurveyHook = Callable[[Session, ParsedMail], bool]


@dataclass(frozen=True)
class PreparedMail:
    """One mail parsed outside any transaction (``MailIngest.prepare``), to be stored by
    ``MailIngest.ingest_batch``: parsing is a quarter of the work and needs no lock."""

    raw: bytes
    source: MailSource
    received: datetime | None
    parsed: ParsedMail | Quarantined
    digest: str

    @property
    def content_hash(self) -> str:
        if isinstance(self.parsed, Quarantined):
            return raw_hash(self.raw)
        return self.parsed.content_hash


class BatchMailFailed(Exception):
    """Mail ``position`` of a batch could not be stored: the batch's transaction is rolled
    back and the batch stored again with that mail quarantined (``store_batch``)."""

    def __init__(self, position: int, error: Exception) -> None:
        super().__init__(f"mail {position} of the batch: {type(error).__name__}: {error}")
        self.position = position
        self.error = error


def _refused_address(address: str) -> str | None:
    """Why the customer register would refuse ``address``, or None.

    Checked before ``create_in`` so that such a mail (the public SpamAssassin corpus has a
    few: ``@21cn.com``, ``x@[1086695621]``) is quarantined at once rather than by failing
    the batch's transaction and storing the batch again."""
    try:
        normalise_email(address)
    except InvalidIdentity as exc:
        return str(exc)
    return None


def raw_hash(raw: bytes) -> str:
    """Identity of a mail nobody could parse: its exact bytes."""
    return "raw:" + hashlib.sha256(raw).hexdigest()


def bytes_digest(raw: bytes) -> str:
    """``MailItemRow.raw_hash``: the exact bytes, for every mail (migration 0005 writes it
    the same way for older rows)."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()


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
        #: set while ``ingest_batch`` runs: the batch's ledger lookups, read up front
        self._index: LedgerIndex | None = None

    def prepare(
        self, raw: bytes, source: MailSource, received: datetime | None = None
    ) -> PreparedMail:
        """Parse ``raw`` for ``ingest_batch``; call it before opening the transaction."""
        parsed = parse_message(raw, received=received or self.ctx.now())
        return PreparedMail(raw, source, received, parsed, bytes_digest(raw))

    def store_batch(
        self,
        session_factory: Callable[[], Any],
        batch: Sequence[PreparedMail],
        before_commit: Callable[[Session, list[Outcome]], None] | None = None,
    ) -> list[Outcome]:
        """Store ``batch`` in one transaction from ``session_factory`` (``db.session``).

        No savepoint per mail: a mail that cannot be stored aborts the transaction, which
        is then run again with that mail quarantined (its reason says why), so one broken
        mail neither stops the batch nor leaves half of itself behind. ``before_commit``
        runs inside the transaction after the last mail (sync records its UID there).
        """
        failed: dict[int, str] = {}
        while True:
            try:
                with session_factory() as session:
                    outcomes = self.ingest_batch(session, batch, failed)
                    if before_commit is not None:
                        before_commit(session, outcomes)
                    return outcomes
            except BatchMailFailed as exc:
                if exc.position in failed:  # quarantining it failed too: a real fault
                    raise exc.error from exc
                error = exc.error
                failed[exc.position] = (
                    f"The message could not be stored ({type(error).__name__}: {error})."
                )

    def ingest_batch(
        self,
        session: Session,
        batch: Sequence[PreparedMail],
        failed: Mapping[int, str] | None = None,
    ) -> list[Outcome]:
        """Store prepared mails inside the caller's transaction, as ``ingest`` would one by
        one, with the ledger questions asked once for the whole batch (``LedgerIndex``).

        ``failed`` maps positions to quarantine outright with that reason. Raises
        ``BatchMailFailed`` for a mail that cannot be stored (the caller rolls back);
        a failure of the store itself (``DBAPIError``) propagates as it is.
        """
        self._index = LedgerIndex.load(
            session,
            [p.source for p in batch],
            [p.digest for p in batch],
            [p.content_hash for p in batch],
            _FIRST_COPY_OUTCOMES,
        )
        outcomes: list[Outcome] = []
        try:
            for position, prepared in enumerate(batch):
                try:
                    outcomes.append(
                        self._ingest_prepared(session, prepared, (failed or {}).get(position))
                    )
                except DBAPIError:
                    raise
                except Exception as exc:
                    raise BatchMailFailed(position, exc) from exc
        finally:
            self._index = None
        return outcomes

    def _ingest_prepared(
        self, session: Session, prepared: PreparedMail, failed: str | None
    ) -> Outcome:
        item = self._ledger_item(prepared.raw, prepared.source, prepared.digest)
        if self._already_fetched(session, item):
            return Outcome.DUPLICATE
        return self._process(
            session,
            item,
            prepared.received,
            sent=prepared.source.sent,
            parsed=prepared.parsed,
            failed=failed,
        )

    def _ledger_item(self, raw: bytes, source: MailSource, digest: str) -> MailItemRow:
        return MailItemRow(
            account_id=source.account_id,
            source=source.source,
            folder=source.folder,
            uidvalidity=source.uidvalidity,
            uid=source.uid,
            source_path=source.source_path,
            source_key=source.source_key,
            outcome=Outcome.QUARANTINED.value,
            fetched_at=self.ctx.now(),
            raw=raw,
            raw_hash=digest,
        )

    def ingest(
        self,
        session: Session,
        raw: bytes,
        source: MailSource,
        received: datetime | None = None,
    ) -> Outcome:
        """Store one raw mail inside the caller's transaction and say what became of it.

        The caller's transaction holds the write lock (``Database.session`` begins
        IMMEDIATE), so "is it stored already?" stays true until this mail is committed.
        """
        item = self._ledger_item(raw, source, bytes_digest(raw))
        if self._already_fetched(session, item):
            return Outcome.DUPLICATE
        return self._process(session, item, received, sent=source.sent)

    def _already_fetched(self, session: Session, item: MailItemRow) -> bool:
        """The same place was read before: the same IMAP uid, the same archive entry.

        An IMAP uid names one message for as long as the UIDVALIDITY lasts, so it is
        skipped outright (the ledger refuses a second row anyway). An archive entry is
        skipped only when its bytes are the ones stored: a rewritten mbox may hold a
        different mail at the same place, which then gets a key of its own.
        """
        index = self._index
        if item.account_id is not None and item.uidvalidity is not None and item.uid is not None:
            if index is not None:
                return index.imap_seen(item)
            return (
                session.exec(
                    select(MailItemRow.id).where(
                        MailItemRow.account_id == item.account_id,
                        MailItemRow.folder == item.folder,
                        MailItemRow.uidvalidity == item.uidvalidity,
                        MailItemRow.uid == item.uid,
                    )
                ).first()
                is not None
            )
        if item.source_path is None or item.source_key is None:
            return False
        for key in (item.source_key, f"{item.source_key}#{item.raw_hash[7:23]}"):
            if index is not None:
                taken, stored = index.archive_place(item.source_path, key)
            else:
                stored = session.exec(
                    select(MailItemRow.raw_hash).where(
                        MailItemRow.source_path == item.source_path, MailItemRow.source_key == key
                    )
                ).first()
                taken = stored is not None
            if not taken:
                item.source_key = key
                return False
            if stored == item.raw_hash:
                return True
        return True  # sha256 prefixes colliding at one place: nothing left to tell apart

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
        parsed: ParsedMail | Quarantined | None = None,
        failed: str | None = None,
    ) -> Outcome:
        """Decide and store one ledger item; ``parsed`` when ``prepare`` parsed it already,
        ``failed`` (batches only) when a try to store it failed: it is quarantined so."""
        if parsed is None:
            parsed = parse_message(item.raw, received=received or self.ctx.now())
        if isinstance(parsed, Quarantined):
            item.content_hash = raw_hash(item.raw)
            headers = {k.lower(): v for k, v in parsed.headers}
            item.subject = headers.get("subject", "")[:500]
            item.from_addr = headers.get("from", "")[:320]
            if self._duplicate_of(session, item, None, own=False) is not None:
                return self._mark_duplicate(session, item)
            item.outcome = Outcome.QUARANTINED.value
            item.reason = parsed.reason
            session.add(item)
            self._stored(item)
            return Outcome.QUARANTINED
        item.message_id_header = parsed.message_id
        item.content_hash = parsed.content_hash
        item.subject = parsed.subject[:500]
        item.from_addr = parsed.from_addr
        own = sent or parsed.from_addr in self.own_addresses
        if self._duplicate_of(session, item, parsed.message_id, own=own) is not None:
            return self._mark_duplicate(session, item)
        session.add(item)
        session.flush()  # the item's id is needed by attachment rows
        if self._index is not None:  # a batch: a failure re-runs the batch (store_batch)
            if failed is not None:
                item.outcome = Outcome.QUARANTINED.value
                item.reason = failed
                self._stored(item)
                return Outcome.QUARANTINED
            outcome = self._place(session, parsed, item, sent=sent, force_customer=force_customer)
            item.outcome = (
                "imported" if outcome in (Outcome.NEW_INQUIRY, Outcome.ADDED) else outcome.value
            )
            self._stored(item)
            return outcome
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

    def _stored(self, item: MailItemRow) -> None:
        if self._index is not None:
            self._index.stored(item)

    def _mark_duplicate(self, session: Session, item: MailItemRow) -> Outcome:
        """Keep the ledger row and never lose bytes: only a mail whose bytes are exactly
        its first copy's gives up its own and points at that copy (``duplicate_of``); the
        same mail with other transport headers keeps its source."""
        item.outcome = Outcome.DUPLICATE.value
        first = session.get(MailItemRow, item.duplicate_of) if item.duplicate_of else None
        if first is not None and first.raw_hash == item.raw_hash and item.id is None:
            item.reason = f"already stored: the same bytes as mail {first.id}"
            item.raw = b""  # the first copy holds exactly these bytes; the row points at it
        elif first is not None:
            item.reason = f"already stored: the same mail as mail {first.id}"
        else:
            item.reason = "already stored: a copy of our own reply"
        session.add(item)
        if self._index is not None:
            self._index.placed(item)
        return Outcome.DUPLICATE

    def _duplicate_of(
        self, session: Session, item: MailItemRow, message_id: str | None, *, own: bool
    ) -> int | None:
        """The mail this one is a copy of, or None when it must be stored.

        A copy is the same bytes, or the same ``content_hash``: that hash covers the
        Message-ID, sender, recipients, subject, Date and the bodies and attachment names
        and sizes, but not transport headers, so the same mail fetched over IMAP and found
        in an mbox export is one mail. A shared Message-ID alone proves nothing (mailing
        lists, broken clients and test corpora reuse them): such a mail is stored and
        threaded like any other. Sets ``item.duplicate_of`` when a first copy is found.
        """
        if self._index is not None and item.id is None:
            same_content = self._index.first_copy(session, item)
        else:
            same_content = self._query_first_copy(session, item)
        if same_content is not None:
            item.duplicate_of = same_content
            return same_content
        if message_id and own:
            # Our own replies are stored with their Message-ID before any copy comes back
            # from the Sent folder; only a mail from us can be that copy.
            ours = session.exec(
                select(MessageRow.id).where(
                    MessageRow.external_id == message_id,
                    MessageRow.direction == Direction.OUT.value,
                )
            ).first()
            return ours
        return None

    def _query_first_copy(self, session: Session, item: MailItemRow) -> int | None:
        not_self = [MailItemRow.id != item.id] if item.id is not None else []
        first_copies = col(MailItemRow.outcome) != Outcome.DUPLICATE.value
        same_bytes = session.exec(
            select(MailItemRow.id)
            .where(MailItemRow.raw_hash == item.raw_hash, first_copies, *not_self)
            .order_by(col(MailItemRow.id))
        ).first()
        same_content = (
            same_bytes
            or session.exec(
                select(MailItemRow.id)
                .where(
                    MailItemRow.content_hash == item.content_hash,
                    col(MailItemRow.outcome).in_([*_STORED_OUTCOMES, Outcome.QUARANTINED.value]),
                    *not_self,
                )
                .order_by(col(MailItemRow.id))
            ).first()
        )
        return same_content

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
            if parsed.message_id:  # the answer is stored on its case: link the ledger to it
                item.message_row_id = session.exec(
                    select(MessageRow.id)
                    .where(MessageRow.external_id == parsed.message_id)
                    .order_by(col(MessageRow.id).desc())
                ).first()
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
            refused = _refused_address(new.customer.identity_value)
            if refused is not None:  # what create_in would raise, before anything is written
                item.message_row_id = None
                item.reason = f"The message could not be stored (InvalidInput: {refused})."
                return Outcome.QUARANTINED
        row = self.inquiries.create_in(session, new)
        assert row.id is not None
        # The message create_in just added is still pending: take it from the session
        # rather than flush and query it back (one statement less per new inquiry).
        first = next(
            (m for m in session.new if isinstance(m, MessageRow) and m.inquiry_id == row.id),
            None,
        )
        if first is None:
            session.flush()
            first = session.exec(
                select(MessageRow)
                .where(MessageRow.inquiry_id == row.id)
                .order_by(col(MessageRow.id))
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
        self.inquiries.record_reply_in(session, inquiry, parsed.date)
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
        """A reply is owed again, promised from this message; a resolved case reopens."""
        self.inquiries.record_customer_message_in(session, inquiry, at)
