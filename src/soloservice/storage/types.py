"""Column types (times are stored in UTC and always come back timezone-aware) and the two
reference shapes the tables share: to the row that owns this one, and an optional one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import DateTime, TypeDecorator
from sqlmodel import Field


class UTCDateTime(TypeDecorator[datetime]):
    """Refuse naive datetimes on the way in; attach UTC on the way out.

    SQLite has no time zone type. Storing naive UTC and re-attaching the zone on load keeps
    ordering in SQL correct and makes it impossible to mix local and UTC times by accident.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: times are stored in UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def owned_by(target: str) -> Any:
    """The field of a row that belongs to another (``"inquiry.id"``): required, indexed, and
    deleted with its owner (ON DELETE CASCADE). A new ``Column`` each call, as SQLModel needs."""
    return Field(
        sa_column=Column(
            Integer, ForeignKey(target, ondelete="CASCADE"), nullable=False, index=True
        )
    )


def optional_ref(target: str) -> Any:
    """A field that may point at another row (``"inquiry.id"``) and is cleared when that row
    is deleted (ON DELETE SET NULL): the row itself outlives what it points at."""
    return Field(
        default=None,
        sa_column=Column(Integer, ForeignKey(target, ondelete="SET NULL"), nullable=True),
    )
