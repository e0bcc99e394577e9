"""The outbox's states and records: what a queued mail is, and what a send run did.

Shared by the queue (``services/outbox.py``), the sender (``services/outbox_send.py``), the
CLI and the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from soloservice.services.errors import ServiceError
from soloservice.services.rows import row_or_not_found
from soloservice.storage.mail_tables import MailAccountRow, OutboxAttachmentRow, OutboxRow

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


class NoMailAccount(ServiceError):
    pass


class NoRecipient(ServiceError):
    pass


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


def outbox_row(session: Session, outbox_id: int) -> OutboxRow:
    return row_or_not_found(session, OutboxRow, outbox_id, "outbox item")


def outbox_view(session: Session, row: OutboxRow) -> OutboxView:
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
