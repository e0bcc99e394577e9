"""Turning one fetched or imported mail into the inbox, exactly once.

Shared by IMAP sync and archive imports (mbox, Maildir, .eml) so both thread, dedupe and
quarantine the same way. Every mail leaves a row in ``mail_item`` whatever happens to it:
imported, duplicate, own (our reply coming back), auto (auto-reply or bounce), quarantined.
Nothing is ever dropped; the raw source is kept (a duplicate points at the first copy
instead of storing the same bytes again).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.domain.types import Direction
from soloservice.services.errors import InvalidInput
from soloservice.services.mail_batch import MailBatchStore
from soloservice.services.mail_outcomes import (
    STORED_OUTCOMES,
    BatchMailFailed,
    FormHook,
    IngestCounts,
    IngestTotals,
    MailSource,
    Outcome,
    PreparedMail,
    SurveyHook,
    bytes_digest,
    raw_hash,
)
from soloservice.services.mail_rows import new_row
from soloservice.storage.mail_tables import MailItemRow
from soloservice.storage.tables import MessageRow

#: The ingest's vocabulary lives in mail_outcomes.py; callers import it from here too.
__all__ = [
    "BatchMailFailed",
    "FormHook",
    "IngestCounts",
    "IngestTotals",
    "MailIngest",
    "MailSource",
    "Outcome",
    "PreparedMail",
    "SurveyHook",
    "bytes_digest",
    "raw_hash",
]


class MailIngest(MailBatchStore):
    """One mail (``ingest``) or a batch (``store_batch``, services/mail_batch.py) into the
    inbox; where each goes is decided in services/mail_placing.py."""

    def prepare(
        self, raw: bytes, source: MailSource, received: datetime | None = None
    ) -> PreparedMail:
        """Parse ``raw`` for ``store_batch``; call it before opening the transaction."""
        parsed = parse_message(raw, received=received or self.ctx.now())
        return PreparedMail(raw, source, received, parsed, bytes_digest(raw))

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
        return new_row(
            MailItemRow,
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
            first = self._duplicate_of(session, item, None, own=False)
            if first is not None:
                return self._mark_duplicate(session, item, first)
            item.outcome = Outcome.QUARANTINED.value
            item.reason = parsed.reason
            self._add_item(session, item)
            self._stored(item)
            return Outcome.QUARANTINED
        item.message_id_header = parsed.message_id
        item.content_hash = parsed.content_hash
        item.subject = parsed.subject[:500]
        item.from_addr = parsed.from_addr
        own = sent or parsed.from_addr in self.own_addresses
        first = self._duplicate_of(session, item, parsed.message_id, own=own)
        if first is not None:
            return self._mark_duplicate(session, item, first)
        self._add_item(session, item)
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

    def _add_item(self, session: Session, item: MailItemRow) -> None:
        """Into the session; in a batch with its id given now (attachments point at it),
        else flushed for it."""
        if item.id is None and self._lookups is not None:
            item.id = self._lookups.next_id("mail_item")
        session.add(item)
        if item.id is None:
            session.flush()

    def _stored(self, item: MailItemRow) -> None:
        if self._index is not None:
            self._index.stored(item)

    def _mark_duplicate(
        self, session: Session, item: MailItemRow, first: tuple[int, str | None]
    ) -> Outcome:
        """Keep the ledger row and never lose bytes: only a mail whose bytes are exactly
        its first copy's gives up its own and points at that copy (``duplicate_of``); the
        same mail with other transport headers keeps its source. ``first`` is (id, its
        raw_hash) of the first copy, or (id of our own reply, None)."""
        item.outcome = Outcome.DUPLICATE.value
        first_id, first_hash = first
        if item.duplicate_of is None:
            item.reason = "already stored: a copy of our own reply"
        elif first_hash == item.raw_hash and item.id is None:
            item.reason = f"already stored: the same bytes as mail {first_id}"
            item.raw = b""  # the first copy holds exactly these bytes; the row points at it
        else:
            item.reason = f"already stored: the same mail as mail {first_id}"
        self._add_item(session, item)
        if self._index is not None:
            self._index.placed(item)
        return Outcome.DUPLICATE

    def _duplicate_of(
        self, session: Session, item: MailItemRow, message_id: str | None, *, own: bool
    ) -> tuple[int, str | None] | None:
        """The mail this one is a copy of, as (id, its raw_hash), or None when it must be
        stored.

        A copy is the same bytes, or the same ``content_hash``: that hash covers the
        Message-ID, sender, recipients, subject, Date and the bodies and attachment names
        and sizes, but not transport headers, so the same mail fetched over IMAP and found
        in an mbox export is one mail. A shared Message-ID alone proves nothing (mailing
        lists, broken clients and test corpora reuse them): such a mail is stored and
        threaded like any other. Sets ``item.duplicate_of`` when a first copy is found.
        """
        same_content: tuple[int, str | None] | None
        if self._index is not None and item.id is None:
            same_content = self._index.first_copy(session, item)
        else:
            found = self._query_first_copy(session, item)
            first = session.get(MailItemRow, found) if found is not None else None
            same_content = (found, first.raw_hash) if found is not None and first else None
        if same_content is not None:
            item.duplicate_of = same_content[0]
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
            return (ours, None) if ours is not None else None
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
                    col(MailItemRow.outcome).in_([*STORED_OUTCOMES, Outcome.QUARANTINED.value]),
                    *not_self,
                )
                .order_by(col(MailItemRow.id))
            ).first()
        )
        return same_content
