"""Replies on their way out: queued first, sent over SMTP, retried until the server takes them.

A reply is written to the outbox table before any network is touched, with its
Message-ID already chosen, so a crash, an offline laptop or a down server never loses it,
and every retry sends the same Message-ID (mail clients fold accidental double deliveries).
It joins the conversation as a message only once the SMTP server has accepted it.

A send killed after the server accepted the mail but before it was marked sent leaves the
item "sending" with an expired lease: its outcome is unknown. Before such an item is sent
again, the account's Sent folder is searched for its Message-ID over IMAP (many providers
file what they relay there); found, it is recorded as sent and not sent twice. When that
cannot be checked (no Sent folder) it is kept as "unknown" (may have been sent) for the
founder to decide, and cancelling an unknown-outcome item keeps it that way instead of
deleting a reply the customer may have received.
"""

from __future__ import annotations

import mimetypes
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.imap import ImapSession
from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.channels.email.smtp import OutgoingMail, build_message, new_message_id, send
from soloservice.channels.email.threads import case_tag, normalise_subject
from soloservice.domain.signature import sign_once
from soloservice.domain.types import Direction, IdentityKind, Language, Status
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound, ServiceError
from soloservice.services.inquiries import InquiryService
from soloservice.services.mail_accounts import AccountView, MailAccountService, PasswordMissing
from soloservice.services.mail_ingest import bytes_digest
from soloservice.storage.mail_tables import (
    AttachmentRow,
    MailAccountRow,
    MailItemRow,
    OutboxAttachmentRow,
    OutboxRow,
)
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow

#: Minutes to wait after the n-th failed attempt; the last step repeats for ever.
BACKOFF_MINUTES = (1, 2, 5, 15, 30, 60)
#: How long a send in progress holds its item; a crashed sender's claim expires after it.
SEND_LEASE = timedelta(minutes=10)

PENDING = "pending"
SENDING = "sending"
FAILED = "failed"  # refused for good (bad recipient): waits for the founder, not retried
SENT = "sent"
#: may have been sent: an interrupted attempt nobody could verify; never sent again or
#: deleted on its own, only by the founder's word (retry sends it, mark_sent records it)
UNKNOWN = "unknown"

Attachment = Path | tuple[str, str, bytes]  # a file, or (filename, content type, data)

_MONTHS = {
    Language.DA: ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.",
                  "okt.", "nov.", "dec."),
    Language.NB: ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.",
                  "okt.", "nov.", "des."),
    Language.EN: ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                  "Nov", "Dec"),
}  # fmt: skip


class NoMailAccount(ServiceError):
    pass


class NoRecipient(ServiceError):
    pass


def pick_account(
    session: Session, name: str | None, thread_account_id: int | None = None
) -> MailAccountRow:
    """The named account, else the one the conversation came in on, else the first enabled."""
    if name is not None:
        row = session.exec(select(MailAccountRow).where(MailAccountRow.name == name)).first()
        if row is None:
            raise NotFound(f"no mail account named {name!r}")
        return row
    if thread_account_id is not None:
        found = session.get(MailAccountRow, thread_account_id)
        if found is not None and found.enabled:
            return found
    row = session.exec(
        select(MailAccountRow)
        .where(MailAccountRow.enabled == True)  # noqa: E712 - SQL, not Python
        .order_by(col(MailAccountRow.id))
    ).first()
    if row is None:
        raise NoMailAccount("no mail account is set up to send from: add one first")
    return row


@dataclass(frozen=True)
class OutboxView:
    id: int
    inquiry_id: int | None  # None: mail that belongs to no case (an NPS pulse question)
    account: str | None
    purpose: str
    to_addr: str
    subject: str
    body: str
    message_id: str
    in_reply_to: str | None
    references: tuple[str, ...]
    status: str
    survey_id: int | None
    attempts: int
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime | None
    sent_at: datetime | None
    attachments: tuple[str, ...]


@dataclass(frozen=True)
class OutboxResult:
    sent: int = 0
    failed: int = 0
    waiting: int = 0
    errors: tuple[str, ...] = ()
    #: the reply went out but its copy could not be put in the Sent folder
    copy_errors: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "waiting": self.waiting,
            "errors": list(self.errors),
            "copy_errors": list(self.copy_errors),
        }


def backoff(attempts: int) -> timedelta:
    """The wait after ``attempts`` failed tries: 1, 2, 5, 15, 30, then 60 minutes."""
    step = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return timedelta(minutes=BACKOFF_MINUTES[step])


def attribution(language: Language, when: datetime, who: str) -> str:
    """The line above a quote, in the customer's language ("Den 24. nov. 2026 kl. 10.00 ...")."""
    month = _MONTHS[language][when.month - 1]
    if language is Language.DA:
        return f"Den {when.day}. {month} {when.year} kl. {when:%H.%M} skrev {who}:"
    if language is Language.NB:
        return f"Den {when.day}. {month} {when.year} kl. {when:%H:%M} skrev {who}:"
    return f"On {when.day} {month} {when.year} at {when:%H:%M}, {who} wrote:"


def quote(text: str) -> str:
    lines = text.strip("\n").splitlines() or [""]
    return "\n".join(">" if not line.strip() else f"> {line}" for line in lines)


def reply_subject(subject: str, inquiry_id: int) -> str:
    """ "Re: <subject> [#id]", whatever prefixes and tags the subject had already."""
    base = normalise_subject(subject)
    return f"Re: {base} {case_tag(inquiry_id)}" if base else f"Re: {case_tag(inquiry_id)}"


def with_signature(body: str, signature: str) -> str:
    text = body.rstrip()
    sig = signature.strip("\n")
    if not sig.strip():
        return text
    if sig.lstrip().startswith("--"):
        return f"{text}\n\n{sig}"
    return f"{text}\n\n-- \n{sig}"


def sign_reply(body: str, signature: str, ctx: ServiceContext) -> str:
    """The reply with the account signature below it, once (domain.signature has the rule)."""
    settings = ctx.settings
    return sign_once(
        body, signature, founder_name=settings.founder_name, business_name=settings.business_name
    )


def _load_attachment(item: Attachment) -> tuple[str, str, bytes]:
    if isinstance(item, Path):
        try:
            data = item.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"cannot read the attachment {item}: {exc.strerror}") from exc
        ctype = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
        return item.name, ctype, data
    name, ctype, data = item
    return name, ctype or "application/octet-stream", data


@dataclass(frozen=True)
class _Thread:
    """What a reply needs to know about the conversation it answers."""

    to_addr: str
    in_reply_to: str | None
    references: tuple[str, ...]
    quoted: str | None
    account_id: int | None


class OutboxService:
    def __init__(self, ctx: ServiceContext, accounts: MailAccountService) -> None:
        self.ctx = ctx
        self.accounts = accounts
        self.inquiries = InquiryService(ctx)

    # -- queueing -----------------------------------------------------------------------------

    def queue_reply(
        self,
        inquiry_id: int,
        body: str,
        *,
        attachments: Sequence[Attachment] = (),
        account_name: str | None = None,
        quote: bool = True,
    ) -> OutboxView:
        """Put a reply in the outbox (nothing is sent yet; call ``send_pending``)."""
        if not body.strip():
            raise InvalidInput("a reply cannot be empty")
        return self._queue(inquiry_id, "reply", body, None, attachments, account_name, quote)

    def queue_acknowledgement(
        self, inquiry_id: int, subject: str, body: str, *, account_name: str | None = None
    ) -> OutboxView:
        """Queue the acknowledgement mail; once sent it states the promise without keeping it."""
        if not body.strip():
            raise InvalidInput("an acknowledgement cannot be empty")
        return self._queue(inquiry_id, "ack", body, subject, (), account_name, False)

    def queue_message(
        self,
        to_addr: str,
        subject: str,
        body: str,
        *,
        purpose: str = "survey",
        inquiry_id: int | None = None,
        survey_id: int | None = None,
        account_name: str | None = None,
    ) -> OutboxView:
        """Queue a mail that is not a reply, e.g. a survey question, with or without a case.

        With an ``inquiry_id`` the sent mail joins that conversation (not counting as a
        response); without one it is only sent and kept in the ledger.
        """
        if not body.strip():
            raise InvalidInput("a mail cannot be empty")
        if purpose in ("reply", "ack"):
            raise InvalidInput("use queue_reply or queue_acknowledgement for replies")
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            thread_account = None
            if inquiry_id is not None:
                inquiry = self.inquiries.row(session, inquiry_id)
                ids = session.exec(
                    select(MessageRow.id).where(MessageRow.inquiry_id == inquiry.id)
                ).all()
                thread_account = self._account_of_thread(session, [i for i in ids if i])
            account = pick_account(session, account_name, thread_account)
            row = OutboxRow(
                inquiry_id=inquiry_id,
                survey_id=survey_id,
                account_id=account.id,
                purpose=purpose,
                to_addr=to_addr.strip(),
                subject=subject.strip(),
                body=body.strip("\n") + "\n",
                message_id_header=new_message_id(account.email),
                status=PENDING,
                created_at=now,
                next_attempt_at=now,
            )
            session.add(row)
            session.flush()
            return self._view(session, row)

    def _queue(
        self,
        inquiry_id: int,
        purpose: str,
        body: str,
        subject: str | None,
        attachments: Sequence[Attachment],
        account_name: str | None,
        with_quote: bool,
    ) -> OutboxView:
        files = [_load_attachment(a) for a in attachments]
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            inquiry = self.inquiries.row(session, inquiry_id)
            thread = self._thread(session, inquiry, with_quote)
            account = pick_account(session, account_name, thread.account_id)
            text = body.strip("\n")
            if purpose == "reply":
                text = sign_reply(text, account.signature, self.ctx)
                title = reply_subject(inquiry.subject, inquiry_id)
            else:
                title = subject.strip() if subject and subject.strip() else inquiry.subject
                if case_tag(inquiry_id) not in title:
                    title = f"{title} {case_tag(inquiry_id)}".strip()
            if thread.quoted:
                text = f"{text}\n\n{thread.quoted}"
            row = OutboxRow(
                inquiry_id=inquiry_id,
                account_id=account.id,
                purpose=purpose,
                to_addr=thread.to_addr,
                subject=title,
                body=text + "\n",
                message_id_header=new_message_id(account.email),
                in_reply_to=thread.in_reply_to,
                references=" ".join(thread.references),
                status=PENDING,
                created_at=now,
                next_attempt_at=now,
            )
            session.add(row)
            session.flush()
            assert row.id is not None
            for name, ctype, data in files:
                session.add(
                    OutboxAttachmentRow(
                        outbox_id=row.id, filename=name, content_type=ctype, data=data
                    )
                )
            session.flush()
            return self._view(session, row)

    def _thread(self, session: Session, inquiry: InquiryRow, with_quote: bool) -> _Thread:
        assert inquiry.id is not None
        messages = session.exec(
            select(MessageRow)
            .where(MessageRow.inquiry_id == inquiry.id, MessageRow.direction != Direction.NOTE)
            .order_by(col(MessageRow.sent_at), col(MessageRow.id))
        ).all()
        references = tuple(dict.fromkeys(m.external_id for m in messages if m.external_id))
        inbound = [m for m in messages if m.direction == Direction.IN.value]
        latest = inbound[-1] if inbound else None
        parsed = self._source_of(session, latest) if latest is not None else None
        item_account = self._account_of_thread(session, [m.id for m in messages if m.id])
        to_addr = (parsed.reply_to or parsed.from_addr) if parsed is not None else ""
        if not to_addr:
            to_addr = self._customer_email(session, inquiry)
        quoted: str | None = None
        if with_quote and latest is not None and latest.text.strip():
            customer = session.get(CustomerRow, inquiry.customer_id)
            language = Language(customer.language) if customer is not None else Language.EN
            who = latest.author or (customer.name if customer else "") or to_addr
            if parsed is not None and parsed.from_name and parsed.from_addr:
                who = f"{parsed.from_name} <{parsed.from_addr}>"
            when = latest.sent_at.astimezone(self.ctx.tz)
            quoted = f"{attribution(language, when, who)}\n{quote(latest.text)}"
        in_reply_to = None
        for message in reversed(inbound):
            if message.external_id:
                in_reply_to = message.external_id
                break
        return _Thread(to_addr, in_reply_to, references, quoted, item_account)

    def _source_of(self, session: Session, message: MessageRow) -> ParsedMail | None:
        raw = session.exec(
            select(MailItemRow.raw)
            .where(MailItemRow.message_row_id == message.id)
            .order_by(col(MailItemRow.id))
        ).first()
        if not raw:
            return None
        parsed = parse_message(raw, received=message.sent_at)
        return parsed if isinstance(parsed, ParsedMail) else None

    def _account_of_thread(self, session: Session, message_ids: list[int]) -> int | None:
        if not message_ids:
            return None
        return session.exec(
            select(MailItemRow.account_id)
            .where(
                col(MailItemRow.message_row_id).in_(message_ids),
                col(MailItemRow.account_id).is_not(None),
            )
            .order_by(col(MailItemRow.id).desc())
        ).first()

    def _customer_email(self, session: Session, inquiry: InquiryRow) -> str:
        identity = session.exec(
            select(IdentityRow)
            .where(
                IdentityRow.customer_id == inquiry.customer_id,
                IdentityRow.kind == IdentityKind.EMAIL.value,
            )
            .order_by(col(IdentityRow.id).desc())
        ).first()
        if identity is None:
            raise NoRecipient(
                f"inquiry {inquiry.id}: the customer has no email address to reply to"
            )
        return identity.value

    # -- reading and managing -----------------------------------------------------------------

    def _view(self, session: Session, row: OutboxRow) -> OutboxView:
        assert row.id is not None
        account = session.get(MailAccountRow, row.account_id) if row.account_id else None
        names = session.exec(
            select(OutboxAttachmentRow.filename)
            .where(OutboxAttachmentRow.outbox_id == row.id)
            .order_by(col(OutboxAttachmentRow.id))
        ).all()
        return OutboxView(
            id=row.id,
            inquiry_id=row.inquiry_id,
            account=account.name if account else None,
            purpose=row.purpose,
            to_addr=row.to_addr,
            subject=row.subject,
            body=row.body,
            message_id=row.message_id_header,
            in_reply_to=row.in_reply_to,
            references=tuple(row.references.split()),
            status=row.status,
            survey_id=row.survey_id,
            attempts=row.attempts,
            last_error=row.last_error,
            created_at=row.created_at,
            next_attempt_at=row.next_attempt_at,
            sent_at=row.sent_at,
            attachments=tuple(names),
        )

    def get(self, outbox_id: int) -> OutboxView:
        with self.ctx.db.read_session() as session:
            return self._view(session, self._row(session, outbox_id))

    def _row(self, session: Session, outbox_id: int) -> OutboxRow:
        row = session.get(OutboxRow, outbox_id)
        if row is None:
            raise NotFound(f"no outbox item with id {outbox_id}")
        return row

    def pending(self, inquiry_id: int | None = None) -> list[OutboxView]:
        """Everything not yet accepted by a server (oldest first), e.g. for "in the outbox"."""
        with self.ctx.db.read_session() as session:
            query = select(OutboxRow).where(col(OutboxRow.status) != SENT)
            if inquiry_id is not None:
                query = query.where(OutboxRow.inquiry_id == inquiry_id)
            rows = session.exec(query.order_by(col(OutboxRow.id))).all()
            return [self._view(session, r) for r in rows]

    def cancel(self, outbox_id: int) -> bool:
        """Drop an unsent reply (its text is gone; the GUI should have asked).

        An item whose last attempt was interrupted may have reached the customer: it is not
        deleted but kept as UNKNOWN ("may have been sent") and never sent on its own.
        Returns True when the item was deleted, False when it was kept so.
        """
        with self.ctx.db.session() as session:
            row = self._row(session, outbox_id)
            if row.status == SENT:
                raise InvalidInput(f"outbox item {outbox_id} was sent already")
            if (
                row.status == SENDING
                and row.next_attempt_at
                and row.next_attempt_at > self.ctx.now()
            ):
                raise InvalidInput(f"outbox item {outbox_id} is being sent right now")
            if row.status in (SENDING, UNKNOWN):
                row.status = UNKNOWN
                row.next_attempt_at = None
                row.last_error = (
                    "may have been sent: an earlier attempt was interrupted after it started; "
                    "kept instead of cancelled"
                )
                return False
            session.delete(row)
            return True

    def mark_sent(self, outbox_id: int) -> OutboxView:
        """The founder's word that an unknown-outcome item reached the customer."""
        with self.ctx.db.session() as session:
            row = self._row(session, outbox_id)
            if row.status != UNKNOWN:
                raise InvalidInput(
                    f"outbox item {outbox_id} is {row.status}; only one that may have been "
                    "sent can be marked sent"
                )
            account_name = self._account_name(session, row)
        if account_name is None:
            raise InvalidInput(f"the mail account of outbox item {outbox_id} was removed")
        account = self.accounts.get(account_name)
        out, files = self._outgoing(outbox_id, account)
        self._mark_sent(outbox_id, account, build_message(out).as_bytes(), files)
        return self.get(outbox_id)

    def retry_now(
        self, outbox_id: int, *, ssl_context: ssl.SSLContext | None = None
    ) -> OutboxResult:
        """Send this item now, whatever its back-off said (also a refused one, after a fix)."""
        with self.ctx.db.session() as session:
            row = self._row(session, outbox_id)
            if row.status == SENT:
                raise InvalidInput(f"outbox item {outbox_id} was sent already")
            if (
                row.status == SENDING
                and row.next_attempt_at
                and row.next_attempt_at > self.ctx.now()
            ):
                raise InvalidInput(f"outbox item {outbox_id} is being sent right now")
            if row.status != SENDING:  # an interrupted one is still checked in Sent first
                row.status = PENDING  # UNKNOWN too: the founder says "send it again"
            row.next_attempt_at = self.ctx.now()
        return self.send_pending(ssl_context=ssl_context, only_id=outbox_id)

    # -- sending ------------------------------------------------------------------------------

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
        copy_error = self._copy_to_sent(account, raw, ssl_context)
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
            imap, _smtp = self.accounts.server_settings(account)
            with ImapSession(
                replace(imap, folder=account.sent_folder), ssl_context=ssl_context
            ) as s:
                s.folder_state()  # selects the folder
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
            return None
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

    def _copy_to_sent(
        self, account: AccountView, raw: bytes, ssl_context: ssl.SSLContext | None
    ) -> str | None:
        if not account.sent_folder:
            return None
        try:
            imap, _smtp = self.accounts.server_settings(account)
            with ImapSession(
                replace(imap, folder=account.sent_folder), ssl_context=ssl_context
            ) as s:
                s.append(account.sent_folder, raw, seen=True, when=self.ctx.now())
        except (MailError, PasswordMissing) as exc:
            return f"sent, but the copy to {account.sent_folder} failed: {exc}"
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
