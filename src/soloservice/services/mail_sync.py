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
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.imap import FetchedMessage, ImapSession, ImapSettings
from soloservice.services.context import ServiceContext
from soloservice.services.mail_accounts import AccountView, MailAccountService, PasswordMissing
from soloservice.services.mail_ingest import (
    IngestCounts,
    IngestTotals,
    MailIngest,
    MailSource,
    Outcome,
    PreparedMail,
    bytes_digest,
)
from soloservice.services.mail_ledger import AttachmentView, MailItemView, MailLedgerReads
from soloservice.services.mail_parse_pool import POOL_MIN_MAILS, Parsed, ParsePool
from soloservice.services.prefetch import Prefetched
from soloservice.storage.locks import LockBusy, exclusive, lock_path
from soloservice.storage.mail_tables import (
    FolderStateRow,
)

#: The ledger's views live in mail_ledger.py; callers import them from here too.
__all__ = [
    "AttachmentView",
    "MailItemView",
    "MailSyncService",
    "SyncProgress",
    "SyncSummary",
]

#: mails per transaction (and per parse job)
BATCH_SIZE = 200
#: mails per UID FETCH: one round trip each, on the prefetch thread, so a large first sync
#: asks the server 20 times for 10k mails rather than 50
FETCH_BATCH = 500
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


def _summary(name: str, counts: IngestCounts, cancelled: bool = False) -> SyncSummary:
    return SyncSummary(account=name, cancelled=cancelled, **counts.totals())


class MailSyncService(MailLedgerReads):
    """Syncing; what the ledger holds is read through ``MailLedgerReads``."""

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

            def store(fetched_batch: list[FetchedMessage], parsed: list[Parsed]) -> bool:
                """Store one batch in one transaction; True when cancelled part-way."""
                nonlocal done
                storing = ingest()  # before the transaction: building it reads the store
                prepared = [
                    PreparedMail(
                        fetched.raw,
                        MailSource(
                            source="imap",
                            account_id=account.id,
                            folder=folder,
                            uidvalidity=uidvalidity,
                            uid=fetched.uid,
                            sent=sent,
                        ),
                        fetched.internaldate,
                        result,
                        bytes_digest(fetched.raw),
                    )
                    for fetched, result in zip(fetched_batch, parsed, strict=True)
                ]
                base = done
                stopped = False

                def each(position: int, _outcome: Outcome) -> bool:
                    nonlocal done, stopped
                    done = base + position + 1
                    report()
                    # the rest of the batch is fetched next time
                    stopped = cancel is not None and cancel.is_set()
                    return stopped

                def record(session: Session, outcomes: list[Outcome]) -> None:
                    state = self._state(session, account.id, folder)
                    uids = [fetched.uid for fetched in fetched_batch[: len(outcomes)]]
                    state.last_uid = max([state.last_uid, *uids])

                outcomes = storing.store_batch(
                    self.ctx.db.session, prepared, before_commit=record, after_each=each
                )
                for outcome in outcomes:
                    counts.add(outcome)
                return stopped

            def parse_input(fetched_batch: list[FetchedMessage]) -> list[tuple[bytes, datetime]]:
                now = self.ctx.now()
                return [(f.raw, f.internaldate or now) for f in fetched_batch]

            # Three stages overlap: the next batch is fetched (services/prefetch.py, a
            # thread) and parsed (services/mail_parse_pool.py, a second process on a large
            # first sync) while the one before is stored.
            waiting: deque[tuple[list[FetchedMessage], Any]] = deque()
            fetch_batch = max(self.batch_size, FETCH_BATCH)
            fetching = imap.fetch_since(last_uid, batch=fetch_batch)
            with (
                ParsePool(enabled=total >= POOL_MIN_MAILS) as pool,
                Prefetched(fetching, ahead=fetch_batch + self.batch_size) as ahead,
            ):

                def store_oldest() -> bool:
                    fetched_batch, job = waiting.popleft()
                    return store(fetched_batch, pool.collect(job, parse_input(fetched_batch)))

                for fetched in ahead:
                    batch.append(fetched)
                    cancelled = cancel is not None and cancel.is_set()
                    if len(batch) < self.batch_size and not cancelled:
                        continue
                    waiting.append((list(batch), pool.submit(parse_input(batch))))
                    batch.clear()
                    # the worker parses up to ``pool.depth`` batches ahead of the store
                    if (len(waiting) >= pool.depth or cancelled) and store_oldest():
                        return True
                if batch:
                    waiting.append((list(batch), pool.submit(parse_input(batch))))
                while waiting:
                    if store_oldest():
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
        this one SELECT answers "anything new?" without a SEARCH.

        Flag changes and expunges are ignored on purpose, so CONDSTORE's HIGHESTMODSEQ is
        not asked for: the sync is read-only (EXAMINE, BODY.PEEK) and keeps its own copy;
        a mail read, flagged or deleted in another client changes nothing here (the
        inquiry's state is the founder's, in this app). HIGHESTMODSEQ moves with every
        such change, so using it as the "unchanged" test would turn each \\Seen elsewhere
        into a full sync that fetches nothing."""
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


def _count_new(imap: ImapSession, last_uid: int) -> int:
    """How many messages lie above ``last_uid``, for the progress bar."""
    try:
        uids = imap.client.search(["UID", f"{last_uid + 1}:*"])
    except Exception as exc:  # the fetch that follows reports the connection properly
        raise MailError("protocol", f"Searching the folder failed: {exc}") from exc
    return sum(1 for uid in uids if uid > last_uid)
