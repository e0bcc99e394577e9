"""Importing this registers every table on ``SQLModel.metadata`` (for Alembic and tests)."""

from __future__ import annotations

from sqlmodel import SQLModel

from soloservice.storage import (
    channel_tables,
    feedback_tables,
    inbox_tables,
    mail_tables,
    tables,
)

metadata = SQLModel.metadata

__all__ = [
    "channel_tables",
    "feedback_tables",
    "inbox_tables",
    "mail_tables",
    "metadata",
    "tables",
]
