"""Fetching one row by id for a use case, with the one-line error the user sees if it is gone.

Every service that takes an id from the window or the CLI needs the row or a ``NotFound``
worded the same way ("no inquiry with id 7"); this is that one lookup.
"""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, SQLModel

from soloservice.services.errors import NotFound

RowT = TypeVar("RowT", bound=SQLModel)


def row_or_not_found(session: Session, table: type[RowT], row_id: int, what: str) -> RowT:
    """The ``table`` row with primary key ``row_id``; ``NotFound("no {what} with id N")`` if
    there is none (deleted meanwhile, or a mistyped id)."""
    row = session.get(table, row_id)
    if row is None:
        raise NotFound(f"no {what} with id {row_id}")
    return row
