"""Tables for the other channels: form rules and CSV mappings, social accounts, import
bookkeeping, the weekly review's hand-checked channels, templates and customer merges."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from soloservice.storage.types import UTCDateTime, optional_ref, owned_by


class FormRuleRow(SQLModel, table=True):
    __tablename__ = "form_rule"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    sender_pattern: str | None = Field(default=None)
    subject_pattern: str | None = Field(default=None)
    field_map_json: str = Field(default="{}")
    enabled: bool = Field(default=True)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class CsvMappingRow(SQLModel, table=True):
    """Column mapping of a form's CSV export, remembered per form."""

    __tablename__ = "csv_mapping"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    mapping_json: str = Field(default="{}")
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class ImportKeyRow(SQLModel, table=True):
    """One imported item (CSV row, social message, archived mail): importing again skips it."""

    __tablename__ = "import_key"
    __table_args__ = (UniqueConstraint("source", "key", name="uq_import_key"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=24)
    key: str
    message_row_id: int | None = optional_ref("message.id")
    imported_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class SocialAccountRow(SQLModel, table=True):
    """A live social connector. The token lives in the keyring or an environment variable."""

    __tablename__ = "social_account"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    platform: str = Field(max_length=16)
    account_ref: str = Field(default="")
    token_env: str | None = Field(default=None)
    base_url: str | None = Field(default=None)
    cursor: str | None = Field(default=None)
    enabled: bool = Field(default=True)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    last_sync_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None)


class ChannelCheckRow(SQLModel, table=True):
    """A place customers reach the founder that cannot be synced: checked by hand weekly."""

    __tablename__ = "channel_check"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    channel: str = Field(default="", max_length=16)
    url: str = Field(default="")
    archived: bool = Field(default=False)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class ChannelTickRow(SQLModel, table=True):
    __tablename__ = "channel_tick"

    id: int | None = Field(default=None, primary_key=True)
    check_id: int = owned_by("channel_check.id")
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    note: str = Field(default="")


class TemplateRow(SQLModel, table=True):
    """The founder's own templates (built-ins live in code and can be overridden by key)."""

    __tablename__ = "reply_template"
    __table_args__ = (UniqueConstraint("key", "language", name="uq_template_key_language"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str
    name: str
    language: str = Field(max_length=2)
    subject: str = Field(default="")
    body: str = Field(default="")
    channels: str = Field(default="")
    shortcut: str | None = Field(default=None)
    updated_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class CustomerMergeRow(SQLModel, table=True):
    """A merge of two customers, with what moved, so it can be undone exactly."""

    __tablename__ = "customer_merge"

    id: int | None = Field(default=None, primary_key=True)
    survivor_id: int = Field(
        sa_column=Column(Integer, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False)
    )
    merged_id: int = Field(
        sa_column=Column(Integer, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False)
    )
    moved_json: str = Field(default="{}")
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    undone_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
