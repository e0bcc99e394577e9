"""Sending the outbox over SMTP: claim an item, send it, record it, copy it to Sent.

See ``services/outbox.py`` for why an item is queued first and what an interrupted send
("sending" with an expired lease) means; this is the half that touches the network.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy import update
from sqlmodel import Session, col, select

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.imap import ImapSession
from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.channels.email.smtp import OutgoingMail, build_message, send
from soloservice.domain.types import Direction, Status
from soloservice.services.context import ServiceContext
from soloservice.services.inquiries import InquiryService
from soloservice.services.mail_accounts import AccountView, MailAccountService, PasswordMissing
from soloservice.services.mail_ingest import bytes_digest
from soloservice.services.outbox_dto import (
    FAILED,
    PENDING,
    SEND_LEASE,
    SENDING,
    SENT,
    UNKNOWN,
    OutboxResult,
    backoff,
    outbox_row,
)
from soloservice.storage.mail_tables import (
    AttachmentRow,
    MailAccountRow,
    MailItemRow,
    OutboxAttachmentRow,
    OutboxRow,
)
from soloservice.storage.tables import InquiryRow, MessageRow


class OutboxSender:
    """The sending half of the outbox; ``OutboxService.send_pending`` runs it."""

    def __init__(
        self, ctx: ServiceContext, accounts: MailAccountService, inquiries: InquiryService
    ) -> None:
        self.ctx = ctx
        self.accounts = accounts
        self.inquiries = inquiries

    def _row(self, session: Session, outbox_id: int) -> OutboxRow:
        return outbox_row(session, outbox_id)

    def send_pending(
        self, *, ssl_context: ssl.SSLContext | None = None, only_id: int | None = None
    ) -> OutboxResult:
        """Send every item that is due; failures wait with a growing back-off, never lost."""
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            query = select(OutboxRow.id).where(
                col(OutboxRow.status).in_([PENDING, SENDING]),
                col(OutboxRow.next_attempt_at) <= now,
            )
            if only_id is not None:
                query = query.where(OutboxRow.id == only_id)
            due = [i for i in session.exec(query.order_by(col(OutboxRow.id))).all() if i]
        sent = failed = 0
        errors: list[str] = []
        copy_errors: list[str] = []
        for outbox_id in due:
            claimed, interrupted = self._claim(outbox_id)
            if not claimed:
                continue  # another sender (GUI worker, cron) has it
            ok, error, copy_error = self._send_one(outbox_id, ssl_context, interrupted)
            if ok:
                sent += 1
            else:
                failed += 1
            if error:
                errors.append(f"outbox {outbox_id}: {error}")
            if copy_error:
                copy_errors.append(f"outbox {outbox_id}: {copy_error}")
        with self.ctx.db.session() as session:
            query = select(OutboxRow.id).where(col(OutboxRow.status) != SENT)
            if only_id is not None:
                query = query.where(OutboxRow.id == only_id)
            waiting = len(session.exec(query).all())
        return OutboxResult(sent, failed, waiting, tuple(errors), tuple(copy_errors))

    def _claim(self, outbox_id: int) -> tuple[bool, bool]:
        """(claimed, interrupted): whether this run has the item now, and whether an
        earlier attempt took it and never finished (its outcome is unknown). The session
        holds the write lock, so the status read and the update see the same row."""
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            before = session.exec(select(OutboxRow.status).where(OutboxRow.id == outbox_id)).first()
            result = session.execute(
                update(OutboxRow)
                .where(
                    col(OutboxRow.id) == outbox_id,
                    col(OutboxRow.status).in_([PENDING, SENDING]),
                    col(OutboxRow.next_attempt_at) <= now,
                )
                .values(status=SENDING, next_attempt_at=now + SEND_LEASE)
            )
            claimed = bool(getattr(result, "rowcount", 0) == 1)
            return claimed, claimed and before == SENDING

    def _account_name(self, session: Session, row: OutboxRow) -> str | None:
        account_row = session.get(MailAccountRow, row.account_id) if row.account_id else None
        return account_row.name if account_row else None

    def _outgoing(
        self, outbox_id: int, account: AccountView
    ) -> tuple[OutgoingMail, tuple[tuple[str, str, bytes], ...]]:
        with self.ctx.db.read_session() as session:
            row = self._row(session, outbox_id)
            files = tuple(
                (a.filename, a.content_type, a.data)
                for a in session.exec(
                    select(OutboxAttachmentRow)
                    .where(OutboxAttachmentRow.outbox_id == outbox_id)
                    .order_by(col(OutboxAttachmentRow.id))
                )
            )
            snapshot = replace_row(row)
        out = OutgoingMail(
            from_addr=account.email,
            from_name=account.display_name or self.ctx.settings.founder_name,
            to=(snapshot.to_addr,),
            subject=snapshot.subject,
            text=snapshot.body,
            in_reply_to=snapshot.in_reply_to,
            references=tuple(snapshot.references.split()),
            attachments=files,
            message_id=snapshot.message_id_header,
        )
        return out, files

    def _send_one(
        self, outbox_id: int, ssl_context: ssl.SSLContext | None, interrupted: bool = False
    ) -> tuple[bool, str | None, str | None]:
        with self.ctx.db.read_session() as session:
            account_name = self._account_name(session, self._row(session, outbox_id))
        if account_name is None:
            return self._failed(outbox_id, "the mail account of this reply was removed", False)
        account = self.accounts.get(account_name)
        try:
            _imap, smtp = self.accounts.server_settings(account)
        except PasswordMissing as exc:
            return self._failed(outbox_id, str(exc), False)
        out, files = self._outgoing(outbox_id, account)
        if interrupted:
            found = self._found_in_sent(outbox_id, account, out.message_id or "", ssl_context)
            if found is not None:
                return found
        try:
            send(smtp, out, ssl_context=ssl_context)
        except MailError as exc:
            return self._failed(outbox_id, f"{exc.kind}: {exc.message}", exc.kind == "rejected")
        raw = build_message(out).as_bytes()
        self._mark_sent(outbox_id, account, raw, files)
        copy_error = self._file_in_sent(account, raw, out.message_id or "", ssl_context)
        return True, None, copy_error

    def _found_in_sent(
        self,
        outbox_id: int,
        account: AccountView,
        message_id: str,
        ssl_context: ssl.SSLContext | None,
    ) -> tuple[bool, str | None, str | None] | None:
        """An interrupted attempt: was it delivered? None means "no: send it".

        Found in the Sent folder: recorded as sent with the copy found there. No Sent
        folder to look in: kept as UNKNOWN for the founder. The server unreachable: tried
        again after the back-off, still unknown, never sent blind.
        """
        if not account.sent_folder:
            return self._unknown(
                outbox_id,
                "may have been sent: an earlier attempt was interrupted and the account has "
                "no Sent folder to check; send it again or mark it sent",
            )
        try:
            with self._sent_folder(account, account.sent_folder, ssl_context) as s:
                uids = s.client.search(["HEADER", "Message-ID", message_id])
                raw = b""
                if uids:
                    fetched = s.client.fetch(uids[:1], ["BODY.PEEK[]"])
                    raw = bytes(next(iter(fetched.values())).get(b"BODY[]") or b"")
        except Exception as exc:  # MailError, a missing password, the IMAP library's own
            error = f"cannot check {account.sent_folder} for the interrupted attempt: {exc}"
            self._still_unknown(outbox_id, error)
            return False, error, None
        if not uids:
            if account.sent_files_relayed:
                return None  # this provider files every relayed mail: not there, not sent
            return self._unknown(
                outbox_id,
                "may have been sent: an earlier attempt was interrupted, and this provider is "
                "not known to file sent mail in "
                + account.sent_folder
                + " by itself, so its absence there proves nothing; send it again or mark it sent",
            )
        out, files = self._outgoing(outbox_id, account)
        self._mark_sent(outbox_id, account, raw or build_message(out).as_bytes(), files)
        return True, None, None

    def _unknown(self, outbox_id: int, reason: str) -> tuple[bool, str | None, str | None]:
        with self.ctx.db.session() as session:
            row = self._row(session, outbox_id)
            row.status = UNKNOWN
            row.last_error = reason
            row.next_attempt_at = None
        return False, reason, None

    def _still_unknown(self, outbox_id: int, error: str) -> None:
        """Stays "sending" (unknown) with a back-off, so the next run checks Sent again."""
        with self.ctx.db.session() as session:
            row = self._row(session, outbox_id)
            row.attempts += 1
            row.last_error = error
            row.next_attempt_at = self.ctx.now() + backoff(row.attempts)

    def _failed(
        self, outbox_id: int, error: str, permanent: bool
    ) -> tuple[bool, str | None, str | None]:
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            row = self._row(session, outbox_id)
            row.attempts += 1
            row.last_error = error
            row.status = FAILED if permanent else PENDING
            row.next_attempt_at = None if permanent else now + backoff(row.attempts)
        return False, error, None

    def _mark_sent(
        self,
        outbox_id: int,
        account: AccountView,
        raw: bytes,
        files: tuple[tuple[str, str, bytes], ...],
    ) -> None:
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            row = self._row(session, outbox_id)
            row.status = SENT
            row.sent_at = now
            row.attempts += 1
            row.last_error = None
            row.next_attempt_at = None
            inquiry = session.get(InquiryRow, row.inquiry_id) if row.inquiry_id else None
            message: MessageRow | None = None
            if inquiry is not None and inquiry.id is not None:
                message = MessageRow(
                    inquiry_id=inquiry.id,
                    direction=Direction.OUT.value,
                    channel=inquiry.channel,
                    author=self.ctx.settings.founder_name or account.display_name or account.email,
                    text=row.body.rstrip("\n"),
                    sent_at=now,
                    external_id=row.message_id_header,
                    is_ack=row.purpose == "ack",
                )
                session.add(message)
                session.flush()
                row.message_row_id = message.id
            # The sent source joins the ledger, so its attachments open like a customer's.
            item = MailItemRow(
                account_id=account.id,
                source="smtp",
                folder="",
                message_id_header=row.message_id_header,
                content_hash=f"sent:{row.message_id_header}",
                outcome="own",
                reason="sent by SoloService",
                subject=row.subject[:500],
                from_addr=account.email,
                message_row_id=message.id if message else None,
                fetched_at=now,
                raw=raw,
                raw_hash=bytes_digest(raw),
            )
            session.add(item)
            session.flush()
            if inquiry is None or message is None:
                return
            parsed = parse_message(raw, received=now)
            if isinstance(parsed, ParsedMail):
                for info in parsed.attachments:
                    session.add(
                        AttachmentRow(
                            message_id=message.id or 0,
                            mail_item_id=item.id,
                            filename=info.filename,
                            content_type=info.content_type,
                            size=info.size,
                            part_index=info.index,
                        )
                    )
            if row.purpose == "ack":
                if inquiry.ack_sent_at is None:
                    inquiry.ack_sent_at = now
                if inquiry.status == Status.NEW.value:
                    self.inquiries.set_status_in(session, inquiry, Status.OPEN)
            elif row.purpose == "reply":
                # Fulfilled when it leaves, not when queued: a queued reply can still fail
                # or be cancelled, and the customer has heard nothing until it is sent.
                self.inquiries.record_reply_in(session, inquiry, now)
            inquiry.last_activity_at = now

    @contextmanager
    def _sent_folder(
        self, account: AccountView, folder: str, ssl_context: ssl.SSLContext | None
    ) -> Iterator[ImapSession]:
        """An IMAP session with the account's Sent ``folder`` selected (both checks of Sent)."""
        imap, _smtp = self.accounts.server_settings(account)
        with ImapSession(replace(imap, folder=folder), ssl_context=ssl_context) as s:
            s.folder_state()  # selects the folder
            yield s

    def _file_in_sent(
        self,
        account: AccountView,
        raw: bytes,
        message_id: str,
        ssl_context: ssl.SSLContext | None,
    ) -> str | None:
        """Put our copy in Sent unless the provider already filed it, and learn which it does.

        Whether the provider files relayed mail decides what an interrupted send's empty
        search of Sent means later (``_found_in_sent``); it also keeps Gmail-like
        providers from showing every reply twice in Sent.
        """
        if not account.sent_folder:
            return None
        try:
            with self._sent_folder(account, account.sent_folder, ssl_context) as s:
                filed = bool(message_id) and bool(
                    s.client.search(["HEADER", "Message-ID", message_id])
                )
                if not filed:
                    s.append(account.sent_folder, raw, seen=True, when=self.ctx.now())
        except Exception as exc:  # MailError, a missing password, the IMAP library's own
            return f"sent, but the copy to {account.sent_folder} failed: {exc}"
        self.accounts.learn_sent_filing(account.id, filed)
        return None


@dataclass(frozen=True)
class _Snapshot:
    to_addr: str
    subject: str
    body: str
    in_reply_to: str | None
    references: str
    message_id_header: str


def replace_row(row: OutboxRow) -> _Snapshot:
    """A detached copy of what sending needs, so no session is open during SMTP."""
    return _Snapshot(
        row.to_addr, row.subject, row.body, row.in_reply_to, row.references, row.message_id_header
    )
