"""Tables of the email channel: accounts, per-folder sync state, the ledger of every fetched
mail (for dedupe, idempotent re-sync and quarantine), stored attachments' metadata and the
outbox that never loses a reply."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from soloservice.storage.types import UTCDateTime, optional_ref, owned_by


class MailAccountRow(SQLModel, table=True):
    """A mailbox. The password is never stored here: keyring, environment or a 0600 file."""

    __tablename__ = "mail_account"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    email: str
    display_name: str = Field(default="")
    imap_host: str
    imap_port: int
    imap_security: str = Field(default="ssl", max_length=10)
    smtp_host: str
    smtp_port: int
    smtp_security: str = Field(default="ssl", max_length=10)
    username: str
    password_env: str | None = Field(default=None)
    folder: str = Field(default="INBOX")
    sent_folder: str | None = Field(default=None)
    # Whether the provider files what it relays in the Sent folder itself (Gmail, Outlook):
    # None until the first reply shows it. Only then does "not in Sent" prove "not sent".
    sent_files_relayed: bool | None = Field(default=None)
    signature: str = Field(default="")
    enabled: bool = Field(default=True)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    last_sync_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None)


class FolderStateRow(SQLModel, table=True):
    """Where incremental sync stands; committed with the messages it covers."""

    __tablename__ = "mail_folder_state"
    __table_args__ = (UniqueConstraint("account_id", "folder", name="uq_folder_state"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(
        sa_column=Column(Integer, ForeignKey("mail_account.id", ondelete="CASCADE"), nullable=False)
    )
    folder: str
    uidvalidity: int
    last_uid: int = Field(default=0)


class MailItemRow(SQLModel, table=True):
    """Every mail ever fetched or imported, whatever became of it.

    ``outcome`` is one of imported, duplicate, own, auto, quarantined; the raw source is
    kept so a quarantined mail can be looked at, re-parsed after a fix, or saved.

    The database itself refuses a second row for the same place a mail came from: one per
    IMAP (account, folder, uidvalidity, uid) and one per archive (source_path, source_key).
    SQLite treats NULLs as distinct in a UNIQUE constraint, so each constraint binds only the
    rows of its own kind. ``raw_hash`` is the sha256 of the exact bytes; a duplicate whose
    bytes are identical to its first copy keeps no bytes of its own but ``duplicate_of``
    points at that copy, so no distinct content is ever dropped.
    """

    __tablename__ = "mail_item"
    __table_args__ = (
        Index("ix_mail_item_message_id", "message_id_header"),
        Index("ix_mail_item_hash", "content_hash"),
        Index("ix_mail_item_raw_hash", "raw_hash"),
        UniqueConstraint("account_id", "folder", "uidvalidity", "uid", name="uq_mail_item_imap"),
        UniqueConstraint("source_path", "source_key", name="uq_mail_item_source"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int | None = optional_ref("mail_account.id")
    source: str = Field(default="imap", max_length=16)
    folder: str = Field(default="")
    uidvalidity: int | None = Field(default=None)
    uid: int | None = Field(default=None)
    message_id_header: str | None = Field(default=None)
    content_hash: str = Field(default="")
    #: "sha256:<hex>" of the raw bytes exactly as fetched or read from the archive
    raw_hash: str = Field(default="")
    #: an archive import's file (absolute path) and the mail's place in it (mbox byte
    #: offset, Maildir key, "" for one .eml file); None for IMAP
    source_path: str | None = Field(default=None)
    source_key: str | None = Field(default=None)
    #: the first copy of a duplicate (its bytes, when this row keeps none)
    duplicate_of: int | None = Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey("mail_item.id", ondelete="CASCADE", name="fk_mail_item_duplicate_of"),
            nullable=True,
        ),
    )
    outcome: str = Field(max_length=16)
    reason: str = Field(default="")
    subject: str = Field(default="")
    from_addr: str = Field(default="")
    message_row_id: int | None = optional_ref("message.id")
    fetched_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class AttachmentRow(SQLModel, table=True):
    """An attachment's metadata; the bytes stay in the raw source until saved on request."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = owned_by("message.id")
    mail_item_id: int | None = optional_ref("mail_item.id")
    filename: str
    content_type: str = Field(default="application/octet-stream")
    size: int = Field(default=0)
    part_index: int = Field(default=0)


class OutboxRow(SQLModel, table=True):
    """A reply on its way out. It stays until the SMTP server accepted it."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    #: None for mail that belongs to no case (an NPS pulse question)
    inquiry_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("inquiry.id", ondelete="CASCADE"), nullable=True, index=True
        ),
    )
    survey_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey("survey.id", ondelete="SET NULL", name="fk_outbox_survey"),
            nullable=True,
        ),
    )
    account_id: int | None = optional_ref("mail_account.id")
    #: reply, ack, survey
    purpose: str = Field(default="reply", max_length=16)
    to_addr: str
    subject: str
    body: str
    message_id_header: str
    in_reply_to: str | None = Field(default=None)
    references: str = Field(default="")
    status: str = Field(default="pending", max_length=16)
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    message_row_id: int | None = optional_ref("message.id")


class OutboxAttachmentRow(SQLModel, table=True):
    __tablename__ = "outbox_attachment"

    id: int | None = Field(default=None, primary_key=True)
    outbox_id: int = owned_by("outbox.id")
    filename: str
    content_type: str = Field(default="application/octet-stream")
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
