"""Storing a batch of parsed mails in one transaction: no savepoint, no flush per mail.

``MailIngest.prepare`` parses outside any transaction (services/mail_parse_pool.py can do
it in a second process); ``store_batch`` then opens one ``BEGIN IMMEDIATE`` transaction,
reads what the batch can collide with (``LedgerIndex``) and what it needs to know
(``BatchLookups``) with a few indexed ``IN`` queries, decides every mail in memory, gives
every new row its id, and sends the batch to SQLite in one flush (executemany INSERTs;
the FTS triggers fire as for any insert). Kill-safety is the transaction's: a kill before
the commit leaves nothing of the batch, after it all of it.

A mail that cannot be stored raises inside the loop (``BatchMailFailed``): the transaction
is rolled back and the batch stored again with that mail quarantined, its reason saying
why. A constraint the deferred flush trips cannot be pinned on one mail: the batch is then
stored again flushing after every mail, which finds the culprit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, SQLModel

from soloservice.channels.email.parse import ParsedMail
from soloservice.services.bulk_insert import insert_objects
from soloservice.services.mail_ledger_index import LedgerIndex
from soloservice.services.mail_lookups import BatchLookups
from soloservice.services.mail_outcomes import (
    FIRST_COPY_OUTCOMES,
    BatchMailFailed,
    Outcome,
    PreparedMail,
)
from soloservice.services.mail_placing import MailPlacing
from soloservice.storage import fts
from soloservice.storage.mail_tables import AttachmentRow, MailItemRow
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow, MessageRow

__all__ = ["AfterEach", "BatchMailFailed", "LedgerIndex", "MailBatchStore"]


#: the page cache while a batch is stored (negative: KiB), 64 MiB
BATCH_CACHE_KIB = -65536

#: (position in the batch, what became of that mail) -> stop here?
AfterEach = Callable[[int, Outcome], bool]


#: The tables a batch adds rows to, in the order they are written: every row after the
#: rows it refers to (customers, their identities, inquiries, messages, ledger rows,
#: attachments). Foreign keys are checked at commit (``defer_foreign_keys``), but order
#: still matters for speed: while any row waits for its parent, SQLite looks for the
#: children of every parent row inserted (``mail_item.message_row_id`` has no index, so
#: each message would scan the whole ledger: quadratic, most of a large import's time).
#: Messages go in by inquiry: each one re-indexes its inquiry for full-text search (the
#: FTS trigger), and FTS5 writes its pending terms out whenever a row id goes backwards.
_INSERT_ORDER: tuple[type[SQLModel], ...] = (
    CustomerRow,
    IdentityRow,
    InquiryRow,
    MessageRow,
    EventRow,
    MailItemRow,
    AttachmentRow,
)


def _by_id(row: Any) -> tuple[int, int]:
    return (0, row.id)


def _by_inquiry(row: Any) -> tuple[int, int]:
    # (a row without its inquiry sorts first; the INSERT refuses it, as it would unsorted)
    return (-1 if row.inquiry_id is None else row.inquiry_id, row.id)


def insert_pending(session: Session) -> None:
    """Write the rows the batch added with driver-level executemany INSERTs
    (``bulk_insert.insert_objects``), in ``_INSERT_ORDER``, instead of the unit of work's
    flush or Core's ``insert()`` (either costs more than SQLite's own work); what else is
    pending (changes to rows read before, other tables) is flushed as usual.

    A row is written with the values it has now, so changes made to it after it was added
    in the batch (an inquiry answered later in the same batch) are in it."""
    pending: dict[type[SQLModel], list[SQLModel]] = {}
    for obj in list(session.new):
        if type(obj) in _INSERT_ORDER:
            pending.setdefault(type(obj), []).append(obj)
    connection = session.connection()
    for kind in _INSERT_ORDER:
        rows = pending.get(kind, [])
        if not rows:
            continue
        table = kind.__table__  # type: ignore[attr-defined]
        with_id = sorted(
            (r for r in rows if getattr(r, "id", None) is not None),
            key=_by_inquiry if kind is MessageRow else _by_id,
        )
        without_id = [r for r in rows if getattr(r, "id", None) is None]
        for group, keep_id in ((with_id, True), (without_id, False)):
            if not group:
                continue
            keys = [c.key for c in table.columns if keep_id or not c.primary_key]
            insert_objects(connection, table, group, keys)
        for row in rows:
            session.expunge(row)  # written: the unit of work must not insert it again
    session.flush()


class _FlushFailed(Exception):
    """The batch's one flush hit a constraint; which mail did it is not known."""


class MailBatchStore(MailPlacing):
    #: set while ``ingest_batch`` runs: the batch's ledger lookups, read up front
    _index: LedgerIndex | None = None

    def store_batch(
        self,
        session_factory: Callable[[], Any],
        batch: Sequence[PreparedMail],
        before_commit: Callable[[Session, list[Outcome]], None] | None = None,
        after_each: AfterEach | None = None,
    ) -> list[Outcome]:
        """Store ``batch`` in one transaction from ``session_factory`` (``db.session``).

        No savepoint per mail: a mail that cannot be stored aborts the transaction, which
        is then run again with that mail quarantined (its reason says why), so one broken
        mail neither stops the batch nor leaves half of itself behind. ``before_commit``
        runs inside the transaction after the last mail (sync records its UID there).
        ``after_each(position, outcome)`` runs after each mail (a progress bar; it runs
        again for the same mails when the batch is stored again); it returns True to stop
        after that mail and commit what is stored, and what it raises rolls the batch back.
        """
        failed: dict[int, str] = {}
        careful = False
        while True:
            try:
                with self.ctx.db.journals_in_memory(), session_factory() as session:
                    outcomes = self.ingest_batch(
                        session, batch, failed, careful=careful, after_each=after_each
                    )
                    if before_commit is not None:
                        before_commit(session, outcomes)
                        session.flush()
                    return outcomes
            except BatchMailFailed as exc:
                if exc.position in failed:  # quarantining it failed too: a real fault
                    raise exc.error from exc
                error = exc.error
                failed[exc.position] = (
                    f"The message could not be stored ({type(error).__name__}: {error})."
                )
            except _FlushFailed as exc:
                if careful or exc.__cause__ is None:
                    raise (exc.__cause__ or exc) from None
                careful = True  # again, flushing after every mail to find the one

    def ingest_batch(
        self,
        session: Session,
        batch: Sequence[PreparedMail],
        failed: Mapping[int, str] | None = None,
        *,
        careful: bool = False,
        after_each: AfterEach | None = None,
    ) -> list[Outcome]:
        """Store prepared mails inside the caller's transaction, as ``ingest`` would one by
        one, with the questions asked once for the whole batch.

        ``failed`` maps positions to quarantine outright with that reason. Raises
        ``BatchMailFailed`` for a mail that cannot be stored (the caller rolls back); a
        failure of the store itself (``DBAPIError``) propagates as it is. ``careful``
        flushes after every mail, so a constraint names its mail.
        """
        # Rows reach SQLite in the unit of work's table order, not the order they refer to
        # each other (a ledger row before the message it names): check the foreign keys at
        # commit, where they hold. SQLite resets this at the end of the transaction.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        # A batch dirties a few MB (the raw mails, the FTS index): with SQLite's default 2 MB
        # page cache it spills pages to the WAL mid-transaction and writes them again and
        # again (3x the import's wall time on a busy disk). Put back after the batch.
        cache_size = session.execute(text("PRAGMA cache_size")).scalar()
        session.execute(text(f"PRAGMA cache_size = {BATCH_CACHE_KIB}"))
        self._index = LedgerIndex.load(
            session,
            [p.source for p in batch],
            [p.digest for p in batch],
            [p.content_hash for p in batch],
            FIRST_COPY_OUTCOMES,
        )
        self._lookups = BatchLookups.load(
            session,
            [p.parsed for p in batch if isinstance(p.parsed, ParsedMail)],
            self.ctx.settings.phone_region,
        )
        outcomes: list[Outcome] = []
        try:
            # Each inquiry's search document is built once, after the batch's rows are in,
            # not once per row that touches it (storage/fts.py)
            with fts.index_deferred(session.connection()):
                self._ingest_each(session, batch, failed, careful, after_each, outcomes)
                try:
                    insert_pending(session)
                except IntegrityError as exc:
                    raise _FlushFailed() from exc
            # (after a failure the connection keeps the larger cache until its next batch)
            session.execute(text(f"PRAGMA cache_size = {int(cache_size or -2000)}"))
        finally:
            self._index = None
            self._lookups = None
        return outcomes

    def _ingest_each(
        self,
        session: Session,
        batch: Sequence[PreparedMail],
        failed: Mapping[int, str] | None,
        careful: bool,
        after_each: AfterEach | None,
        outcomes: list[Outcome],
    ) -> None:
        """Every mail of the batch in turn into ``outcomes`` (see ``ingest_batch``)."""
        for position, prepared in enumerate(batch):
            try:
                outcomes.append(
                    self._ingest_prepared(session, prepared, (failed or {}).get(position))
                )
                if careful:
                    session.flush()
            except IntegrityError as exc:
                if careful:
                    raise BatchMailFailed(position, exc) from exc
                raise _FlushFailed() from exc
            except DBAPIError:
                raise
            except Exception as exc:
                raise BatchMailFailed(position, exc) from exc
            if after_each is not None and after_each(position, outcomes[-1]):
                break

    if TYPE_CHECKING:  # provided by MailIngest, the class this is mixed into

        def _ingest_prepared(
            self, session: Session, prepared: PreparedMail, failed: str | None
        ) -> Outcome: ...
