"""The SQLite schema as SQLModel tables.

Changing a table here needs a new Alembic revision in ``storage/migrations/versions``;
``tests/storage/test_migrations.py`` fails while the two disagree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from soloservice.storage.types import UTCDateTime, optional_ref, owned_by


class CustomerRow(SQLModel, table=True):
    __tablename__ = "customer"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(default="", index=True)
    language: str = Field(default="da", max_length=2)
    notes: str = Field(default="")
    annual_value: float | None = Field(default=None)
    expected_years: float | None = Field(default=None)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    customer_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: the customer asked not to be surveyed (follow-up checks and the NPS pulse)
    opted_out: bool = Field(default=False)
    #: where ``language`` came from: "" (the default), "guess" (read from the first
    #: contact) or "founder" (chosen on the card: a guess never overrides it)
    language_source: str = Field(default="", max_length=8, sa_column_kwargs={"server_default": ""})
    #: why the guess was made ("text reads as Norwegian; .no address"), shown on the card
    language_reason: str = Field(default="", sa_column_kwargs={"server_default": ""})
    #: "spam" or "not_customer" when the founder said so: their mail is automatic from then on
    sender_verdict: str = Field(default="", max_length=16, sa_column_kwargs={"server_default": ""})
    #: set when merged into another customer; such rows are hidden, kept for un-merge
    merged_into_id: int | None = optional_ref("customer.id")


class IdentityRow(SQLModel, table=True):
    __tablename__ = "customer_identity"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_identity_kind_value"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = owned_by("customer.id")
    kind: str = Field(max_length=16)
    value: str


class InquiryRow(SQLModel, table=True):
    __tablename__ = "inquiry"
    __table_args__ = (
        Index("ix_inquiry_status_due", "status", "due_at"),
        Index("ix_inquiry_status_received", "status", "received_at"),
        # (channel, received_at) and (needs_reply_since, due_at): dropped by 0009, unused
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    channel: str = Field(max_length=16)
    subject: str = Field(default="")
    snippet: str = Field(default="")
    kind: str = Field(default="question", max_length=16)
    status: str = Field(default="new", max_length=16)
    received_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    first_response_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    snoozed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_activity_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    tags: str = Field(default="")
    promise_kept: bool | None = Field(default=None)
    promise_margin_s: int | None = Field(default=None)
    ack_sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: reopened by an unhappy follow-up answer: 24-hour call-back, shown in red
    closed_loop: bool = Field(default=False)
    #: a 0-4 answer: ready to complain in public
    at_risk_public: bool = Field(default=False)
    #: the founder unticked the follow-up check for this case
    skip_followup: bool = Field(default=False)
    reopened_count: int = Field(default=0)
    #: the customer's oldest message that has no reply yet; None once answered. The reply
    #: promise (``due_at``) runs only while this is set: Due today, Overdue, the tray badge
    #: and the alerts all read it (services/inbox.py holds the one SQL definition).
    needs_reply_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: who set ``kind``: "" (nobody: the default), "auto" (the complaint detector, with
    #: ``kind_reason``) or "founder" (always wins; the detector never changes it again)
    kind_source: str = Field(default="", max_length=8, sa_column_kwargs={"server_default": ""})
    kind_reason: str = Field(default="", sa_column_kwargs={"server_default": ""})
    #: non-empty for automatic mail (newsletter, list, spam, no-reply sender, a sender the
    #: founder called spam): stored and shown in its own view, never promised, acknowledged,
    #: surveyed or counted. The text says why ("List-Id header").
    automatic_reason: str = Field(default="", sa_column_kwargs={"server_default": ""})
    #: copies of the customer's ``lower(name)`` and lifetime value, kept by triggers
    #: (migration 0008) so the inbox sorts by customer or value from an index, without a join
    #: (storage/inbox_tables.py)
    customer_sort: str = Field(default="", sa_column_kwargs={"server_default": ""})
    value_sort: float | None = Field(default=None)


class MessageRow(SQLModel, table=True):
    __tablename__ = "message"

    id: int | None = Field(default=None, primary_key=True)
    inquiry_id: int = owned_by("inquiry.id")
    direction: str = Field(max_length=8)
    channel: str = Field(max_length=16)
    author: str = Field(default="")
    text: str = Field(default="")
    html: str | None = Field(default=None)
    sent_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    external_id: str | None = Field(default=None, index=True)
    call_duration_s: int | None = Field(default=None)
    #: an acknowledgement states the promise but does not keep it
    is_ack: bool = Field(default=False)


class EventRow(SQLModel, table=True):
    """Append-only log of what happened to an inquiry: status changes, snoozes, promises."""

    __tablename__ = "inquiry_event"

    id: int | None = Field(default=None, primary_key=True)
    inquiry_id: int = owned_by("inquiry.id")
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    kind: str = Field(max_length=24)
    old_value: str | None = Field(default=None)
    new_value: str | None = Field(default=None)
