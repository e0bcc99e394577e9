"""Fetching every account's new mail into the inbox, safe to interrupt at any point.

Each batch of messages is stored in one transaction together with the folder's new
``last_uid``: a sync killed half-way (kill -9, a dropped connection, a cancel) has either
stored a batch and moved the marker past it, or neither. The next run fetches from the
marker, and the ledger's dedupe catches anything a changed UIDVALIDITY sends again.

Only one sync of an account runs at a time, whoever starts it (the window, the tray, a
cron ``soloservice sync``): an OS file lock in ``<data dir>/locks/`` that the kernel drops
when the holder dies. A second sync waits ``lock_wait`` seconds, then skips that account
with a note (``SyncSummary.skipped``) rather than an error: the running sync fetches the
same mail. Even without the lock nothing is stored twice: every batch is one
``BEGIN IMMEDIATE`` transaction that checks the ledger, and the ledger refuses a second
row for an account/folder/uidvalidity/uid.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.imap import FetchedMessage, ImapSession, ImapSettings
from soloservice.channels.email.parse import extract_attachment
from soloservice.channels.email.parse import remote_html as parse_remote_html
from soloservice.services.context import ServiceContext
from soloservice.services.errors import NotFound
from soloservice.services.mail_accounts import AccountView, MailAccountService, PasswordMissing
from soloservice.services.mail_ingest import (
    IngestCounts,
    IngestTotals,
    MailIngest,
    MailSource,
    Outcome,
)
from soloservice.services.prefetch import Prefetched
from soloservice.storage.locks import LockBusy, exclusive, lock_path
from soloservice.storage.mail_tables import (
    AttachmentRow,
    FolderStateRow,
    MailAccountRow,
    MailItemRow,
)
from soloservice.storage.tables import MessageRow

BATCH_SIZE = 50
#: How long a sync waits for another sync of the same account before it skips it.
LOCK_WAIT_SECONDS = 2.0

IngestFactory = Callable[[], MailIngest]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncProgress:
    """For a progress bar: ``done`` of ``total`` new messages in this folder."""

    account: str
    folder: str
    done: int
    total: int


@dataclass(frozen=True)
class SyncSummary(IngestTotals):
    account: str = ""
    cancelled: bool = False
    #: why this account was not synced although nothing failed (another sync holds it)
    skipped: str = ""
    #: no password was found: the window asks for it rather than showing ``errors``
    password_missing: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            **super().as_json(),
            "cancelled": self.cancelled,
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class MailItemView:
    """A ledger entry the founder may want to look at: quarantined or automatic mail."""

    id: int
    outcome: str
    reason: str
    subject: str
    from_addr: str
    fetched_at: datetime
    account: str | None
    source: str
    folder: str


@dataclass(frozen=True)
class AttachmentView:
    id: int
    message_id: int
    filename: str
    content_type: str
    size: int


def _summary(name: str, counts: IngestCounts, cancelled: bool = False) -> SyncSummary:
    return SyncSummary(account=name, cancelled=cancelled, **counts.totals())


class MailSyncService:
    def __init__(
        self,
        ctx: ServiceContext,
        accounts: MailAccountService,
        ingest_factory: IngestFactory | None = None,
        *,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.ctx = ctx
        self.accounts = accounts
        self.batch_size = max(1, batch_size)
        self.ingest_factory: IngestFactory = ingest_factory or (
            lambda: MailIngest(ctx, accounts.own_addresses())
        )

    # -- syncing ------------------------------------------------------------------------------

    def sync(
        self,
        account_name: str | None = None,
        *,
        progress: Callable[[SyncProgress], None] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        cancel: threading.Event | None = None,
        lock_wait: float = LOCK_WAIT_SECONDS,
    ) -> list[SyncSummary]:
        """Sync one account (by name) or every enabled one; one summary per account.

        Server and password problems end up in ``SyncSummary.errors`` (and the account's
        ``last_error``), never as exceptions. An exception raised by ``progress`` aborts the
        sync; the batch in progress is rolled back and fetched again next time. An account
        another process is syncing is waited for ``lock_wait`` seconds, then skipped.
        """
        if account_name is not None:
            targets = [self.accounts.get(account_name)]
        else:
            targets = [a for a in self.accounts.list() if a.enabled]
        summaries: list[SyncSummary] = []
        for account in targets:
            if cancel is not None and cancel.is_set():
                summaries.append(SyncSummary(account=account.name, cancelled=True))
                continue
            summary = self._sync_locked(account, progress, ssl_context, cancel, lock_wait)
            summaries.append(summary)
            # ids and counts only: an error text may quote the server (redacted anyway)
            log.info(
                "sync account %s: %d fetched, %d new, %d added, %d duplicates, "
                "%d quarantined, %d errors%s",
                account.id, summary.fetched, summary.new_inquiries, summary.added_to_existing,
                summary.duplicates, summary.quarantined, len(summary.errors),
                " (skipped: locked)" if summary.skipped else "",
            )  # fmt: skip
            for error in summary.errors:
                log.warning("sync account %s: %s", account.id, error)
        return summaries

    def _sync_locked(
        self,
        account: AccountView,
        progress: Callable[[SyncProgress], None] | None,
        ssl_context: ssl.SSLContext | None,
        cancel: threading.Event | None,
        lock_wait: float,
    ) -> SyncSummary:
        path = lock_path(self.ctx.db.path.parent, "sync", str(account.id))
        try:
            with exclusive(path, wait=lock_wait):
                return self._sync_account(account, progress, ssl_context, cancel)
        except LockBusy as busy:
            holder = f" ({busy.holder})" if busy.holder else ""
            return SyncSummary(
                account=account.name,
                skipped=f"another sync of {account.name!r} is running{holder}; skipped",
            )

    def _sync_account(
        self,
        account: AccountView,
        progress: Callable[[SyncProgress], None] | None,
        ssl_context: ssl.SSLContext | None,
        cancel: threading.Event | None,
    ) -> SyncSummary:
        counts = IngestCounts()
        try:
            imap, _smtp = self.accounts.server_settings(account)
        except PasswordMissing as exc:
            message = f"password: {exc}"
            self.accounts.record_sync(account.name, message)
            return SyncSummary(account=account.name, errors=(message,), password_missing=True)
        folders = [(account.folder, False)]
        if account.sent_folder and account.sent_folder != account.folder:
            folders.append((account.sent_folder, True))
        # Built on first need: a re-sync with nothing new never pays for the ingest (its
        # rules, hooks and modules).
        built: list[MailIngest] = []

        def ingest() -> MailIngest:
            if not built:
                built.append(self.ingest_factory())
            return built[0]

        cancelled = False
        for folder, sent in folders:
            try:
                cancelled = self._sync_folder(
                    account, replace(imap, folder=folder), sent, ingest, counts,
                    progress, ssl_context, cancel,
                )  # fmt: skip
            except MailError as exc:
                counts.errors.append(f"{exc.kind}: {folder}: {exc.message}")
            if cancelled:
                break
        self.accounts.record_sync(account.name, "; ".join(counts.errors) or None)
        return _summary(account.name, counts, cancelled)

    def _sync_folder(
        self,
        account: AccountView,
        settings: ImapSettings,
        sent: bool,
        ingest: Callable[[], MailIngest],
        counts: IngestCounts,
        progress: Callable[[SyncProgress], None] | None,
        ssl_context: ssl.SSLContext | None,
        cancel: threading.Event | None,
    ) -> bool:
        """Returns True when stopped by ``cancel``."""
        folder = settings.folder
        with ImapSession(settings, ssl_context=ssl_context) as imap:
            uidvalidity, uidnext = imap.folder_state()
            if self._unchanged(account.id, folder, uidvalidity, uidnext):
                return False  # nothing new: no search, no fetch, no write
            last_uid = self._start_state(account.id, folder, uidvalidity)
            total = _count_new(imap, last_uid)
            done = 0

            def report() -> None:
                if progress is not None:
                    progress(SyncProgress(account.name, folder, done, total))

            report()
            batch: list[FetchedMessage] = []

            def store() -> bool:
                """Store the batch in one transaction; True when cancelled part-way."""
                nonlocal done
                stopped = False
                storing = ingest()  # before the transaction: building it reads the store
                with self.ctx.db.session() as session:
                    state = self._state(session, account.id, folder)
                    for fetched in batch:
                        source = MailSource(
                            source="imap",
                            account_id=account.id,
                            folder=folder,
                            uidvalidity=uidvalidity,
                            uid=fetched.uid,
                            sent=sent,
                        )
                        counts.add(
                            storing.ingest(session, fetched.raw, source, fetched.internaldate)
                        )
                        state.last_uid = max(state.last_uid, fetched.uid)
                        done += 1
                        report()
                        if cancel is not None and cancel.is_set():
                            stopped = True  # the rest of the batch is fetched next time
                            break
                batch.clear()
                return stopped

            # The next batch is fetched while this one is stored (services/prefetch.py).
            fetching = imap.fetch_since(last_uid, batch=self.batch_size)
            with Prefetched(fetching, ahead=2 * self.batch_size) as ahead:
                for fetched in ahead:
                    batch.append(fetched)
                    if (
                        len(batch) >= self.batch_size or (cancel is not None and cancel.is_set())
                    ) and store():
                        return True
            if batch and store():
                return True
        return False

    def _state(self, session: Session, account_id: int, folder: str) -> FolderStateRow:
        row = session.exec(
            select(FolderStateRow).where(
                FolderStateRow.account_id == account_id, FolderStateRow.folder == folder
            )
        ).one()
        return row

    def _unchanged(self, account_id: int, folder: str, uidvalidity: int, uidnext: int) -> bool:
        """The folder holds nothing after our marker: same UIDVALIDITY, and UIDNEXT (the
        UID the next new message will get) not above ``last_uid + 1``. UIDs only grow, so
        this one SELECT answers "anything new?" without a SEARCH. Flag changes (what
        CONDSTORE's HIGHESTMODSEQ tracks) are not synced, so they need no check."""
        with self.ctx.db.read_session() as session:
            row = session.exec(
                select(FolderStateRow).where(
                    FolderStateRow.account_id == account_id, FolderStateRow.folder == folder
                )
            ).first()
        return row is not None and row.uidvalidity == uidvalidity and uidnext <= row.last_uid + 1

    def _start_state(self, account_id: int, folder: str, uidvalidity: int) -> int:
        """The UID to fetch after; a changed UIDVALIDITY starts the folder over."""
        with self.ctx.db.session() as session:
            row = session.exec(
                select(FolderStateRow).where(
                    FolderStateRow.account_id == account_id, FolderStateRow.folder == folder
                )
            ).first()
            if row is None:
                session.add(
                    FolderStateRow(
                        account_id=account_id, folder=folder, uidvalidity=uidvalidity, last_uid=0
                    )
                )
                return 0
            if row.uidvalidity != uidvalidity:
                row.uidvalidity = uidvalidity
                row.last_uid = 0
            return row.last_uid

    # -- the ledger ---------------------------------------------------------------------------

    def quarantined(self, include_auto: bool = True) -> list[MailItemView]:
        """Mail that did not become customer messages, newest first, for the GUI to show."""
        outcomes = [Outcome.QUARANTINED.value] + ([Outcome.AUTO.value] if include_auto else [])
        with self.ctx.db.read_session() as session:
            names = {a.id: a.name for a in session.exec(select(MailAccountRow))}
            rows = session.execute(
                sa_select(
                    col(MailItemRow.id),
                    col(MailItemRow.outcome),
                    col(MailItemRow.reason),
                    col(MailItemRow.subject),
                    col(MailItemRow.from_addr),
                    col(MailItemRow.fetched_at),
                    col(MailItemRow.account_id),
                    col(MailItemRow.source),
                    col(MailItemRow.folder),
                )
                .where(col(MailItemRow.outcome).in_(outcomes))
                .order_by(col(MailItemRow.id).desc())
            ).all()
            return [
                MailItemView(
                    id=r[0] or 0,
                    outcome=r[1],
                    reason=r[2],
                    subject=r[3],
                    from_addr=r[4],
                    fetched_at=r[5],
                    account=names.get(r[6]) if r[6] is not None else None,
                    source=r[7],
                    folder=r[8],
                )
                for r in rows
            ]

    def raw_of(self, item_id: int) -> bytes:
        """The mail's source exactly as fetched (a duplicate that kept no bytes of its own
        gives its first copy's, which are the same bytes)."""
        with self.ctx.db.read_session() as session:
            item = session.get(MailItemRow, item_id)
            if item is None:
                raise NotFound(f"no fetched mail with id {item_id}")
            if item.raw or item.outcome != Outcome.DUPLICATE.value:
                return item.raw
            if item.duplicate_of is not None:
                first_copy = session.get(MailItemRow, item.duplicate_of)
                if first_copy is not None and first_copy.raw:
                    return first_copy.raw
            # a duplicate blanked before migration 0005 that it could not link
            conditions = [col(MailItemRow.content_hash) == item.content_hash]
            if item.message_id_header:
                conditions.append(col(MailItemRow.message_id_header) == item.message_id_header)
            first = session.exec(
                select(MailItemRow.raw)
                .where(or_(*conditions), MailItemRow.outcome != Outcome.DUPLICATE.value)
                .order_by(col(MailItemRow.id))
            ).first()
            return first or b""

    def reprocess(self, item_id: int, *, as_customer_mail: bool = False) -> Outcome:
        """Try a quarantined or automatic mail again (after a parser fix, or by the founder's
        word that an "auto-reply" is really a customer)."""
        ingest = self.ingest_factory()
        with self.ctx.db.session() as session:
            item = session.get(MailItemRow, item_id)
            if item is None:
                raise NotFound(f"no fetched mail with id {item_id}")
            return ingest.reprocess(session, item, as_customer_mail=as_customer_mail)

    def attachments(self, inquiry_id: int) -> list[AttachmentView]:
        """Every attachment of the conversation's messages, in message order."""
        with self.ctx.db.read_session() as session:
            rows = session.exec(
                select(AttachmentRow)
                .join(MessageRow, col(MessageRow.id) == col(AttachmentRow.message_id))
                .where(MessageRow.inquiry_id == inquiry_id)
                .order_by(col(MessageRow.sent_at), col(AttachmentRow.id))
            ).all()
            return [
                AttachmentView(r.id or 0, r.message_id, r.filename, r.content_type, r.size)
                for r in rows
            ]

    def attachment(self, attachment_id: int) -> tuple[str, bytes]:
        """(safe filename, decoded bytes) to save; taken from the stored raw source."""
        with self.ctx.db.read_session() as session:
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise NotFound(f"no attachment with id {attachment_id}")
            raw = self._raw_for(session, row.mail_item_id, row.message_id)
            try:
                _name, data = extract_attachment(raw, row.part_index)
            except KeyError as exc:
                raise NotFound(f"attachment {row.filename} is missing from its mail") from exc
            return row.filename, data

    def remote_html(self, message_id: int) -> str | None:
        """The message's HTML with remote images allowed, for "load remote content"."""
        with self.ctx.db.read_session() as session:
            raw = self._raw_for(session, None, message_id)
        return parse_remote_html(raw)

    def _raw_for(self, session: Session, item_id: int | None, message_id: int) -> bytes:
        item = session.get(MailItemRow, item_id) if item_id is not None else None
        if item is None:
            item = session.exec(
                select(MailItemRow)
                .where(MailItemRow.message_row_id == message_id)
                .order_by(col(MailItemRow.id))
            ).first()
        if item is None or not item.raw:
            raise NotFound(f"message {message_id} has no stored mail source")
        return item.raw


def _count_new(imap: ImapSession, last_uid: int) -> int:
    """How many messages lie above ``last_uid``, for the progress bar."""
    try:
        uids = imap.client.search(["UID", f"{last_uid + 1}:*"])
    except Exception as exc:  # the fetch that follows reports the connection properly
        raise MailError("protocol", f"Searching the folder failed: {exc}") from exc
    return sum(1 for uid in uids if uid > last_uid)
