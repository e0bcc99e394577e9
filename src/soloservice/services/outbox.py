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

The queue is here; the sending half is ``services/outbox_send.py``, the records and states
``services/outbox_dto.py``, the conversation a reply joins ``services/outbox_thread.py`` and
the words of a reply (subject, quote, signature) ``services/reply_text.py``.
"""

from __future__ import annotations

import ssl
from collections.abc import Sequence

from sqlmodel import Session, col, select

from soloservice.channels.email.smtp import build_message, new_message_id
from soloservice.channels.email.threads import case_tag
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import InquiryService
from soloservice.services.mail_accounts import MailAccountService
from soloservice.services.outbox_dto import (
    PENDING,
    SENDING,
    SENT,
    UNKNOWN,
    Attachment,
    OutboxResult,
    OutboxView,
    outbox_row,
    outbox_view,
)
from soloservice.services.outbox_send import OutboxSender
from soloservice.services.outbox_thread import (
    account_of_thread,
    load_attachment,
    pick_account,
    thread_of,
)
from soloservice.services.reply_text import reply_subject, sign_reply
from soloservice.storage.mail_tables import OutboxAttachmentRow, OutboxRow
from soloservice.storage.tables import MessageRow


class OutboxService:
    def __init__(self, ctx: ServiceContext, accounts: MailAccountService) -> None:
        self.ctx = ctx
        self.accounts = accounts
        self.inquiries = InquiryService(ctx)
        self.sender = OutboxSender(ctx, accounts, self.inquiries)

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
                thread_account = account_of_thread(session, [i for i in ids if i])
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
        files = [load_attachment(a) for a in attachments]
        now = self.ctx.now()
        with self.ctx.db.session() as session:
            inquiry = self.inquiries.row(session, inquiry_id)
            thread = thread_of(self.ctx, session, inquiry, with_quote)
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

    # -- reading and managing -----------------------------------------------------------------

    def _view(self, session: Session, row: OutboxRow) -> OutboxView:
        return outbox_view(session, row)

    def _row(self, session: Session, outbox_id: int) -> OutboxRow:
        return outbox_row(session, outbox_id)

    def get(self, outbox_id: int) -> OutboxView:
        with self.ctx.db.read_session() as session:
            return self._view(session, self._row(session, outbox_id))

    def _unsent_row(self, session: Session, outbox_id: int) -> OutboxRow:
        """The item, refused when it is sent already or a sender holds it right now."""
        row = self._row(session, outbox_id)
        if row.status == SENT:
            raise InvalidInput(f"outbox item {outbox_id} was sent already")
        if row.status == SENDING and row.next_attempt_at and row.next_attempt_at > self.ctx.now():
            raise InvalidInput(f"outbox item {outbox_id} is being sent right now")
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
            row = self._unsent_row(session, outbox_id)
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
            account_name = self.sender._account_name(session, row)
        if account_name is None:
            raise InvalidInput(f"the mail account of outbox item {outbox_id} was removed")
        account = self.accounts.get(account_name)
        out, files = self.sender._outgoing(outbox_id, account)
        self.sender._mark_sent(outbox_id, account, build_message(out).as_bytes(), files)
        return self.get(outbox_id)

    def retry_now(
        self, outbox_id: int, *, ssl_context: ssl.SSLContext | None = None
    ) -> OutboxResult:
        """Send this item now, whatever its back-off said (also a refused one, after a fix)."""
        with self.ctx.db.session() as session:
            row = self._unsent_row(session, outbox_id)
            if row.status != SENDING:  # an interrupted one is still checked in Sent first
                row.status = PENDING  # UNKNOWN too: the founder says "send it again"
            row.next_attempt_at = self.ctx.now()
        return self.send_pending(ssl_context=ssl_context, only_id=outbox_id)

    def send_pending(
        self, *, ssl_context: ssl.SSLContext | None = None, only_id: int | None = None
    ) -> OutboxResult:
        """Send every item that is due; failures wait with a growing back-off, never lost."""
        return self.sender.send_pending(ssl_context=ssl_context, only_id=only_id)
