"""Full-text search over the FTS5 index ``inquiry_fts`` (migration 0006).

What was typed is parsed in domain/search_query.py into a safe FTS5 expression; the SQL is
in search_sql.py (plain sqlite3, shared with the fast CLI path). Two users:

- the inbox (services/inbox.py) narrows its current view with :func:`search_condition`:
  ``inquiry.id IN (SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH :q)``. The view's
  conditions and sort stay outside MATCH (a numeric predicate inside MATCH makes FTS5 walk
  the whole index): SQLite reads the matching rowids from the index, then those rows. The
  list keeps the view's sort, so the column headers stay true while searching.
- :class:`SearchService` ranks every inquiry by bm25 with a highlighted snippet, for the
  CLI, and gives the window the snippets of the rows that matched.

The index is kept in step by triggers (every writer, even raw sqlite3), so nothing here
writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import cast

from sqlalchemy import (
    ColumnElement,
    and_,
    column,
    false,
    literal,
    literal_column,
    or_,
    select,
    table,
    true,
)
from sqlalchemy.engine import Connection

from soloservice.domain.search_query import SearchQuery, parse
from soloservice.services import search_sql
from soloservice.services.context import ServiceContext
from soloservice.services.search_sql import SearchHit
from soloservice.storage.fts import FTS_TABLE
from soloservice.storage.tables import IdentityRow, InquiryRow

__all__ = ["SearchHit", "SearchService", "search_condition"]

inquiry = InquiryRow.__table__  # type: ignore[attr-defined]
identity = IdentityRow.__table__  # type: ignore[attr-defined]
fts = table(FTS_TABLE, column("rowid"))


def _raw(conn: Connection) -> sqlite3.Connection:
    """The driver's connection, inside the transaction SQLAlchemy began."""
    return cast(sqlite3.Connection, conn.connection.dbapi_connection)


def _text_condition(query: SearchQuery, expression: str | None) -> ColumnElement[bool]:
    if query.id_only and query.inquiry_id is not None:
        only: ColumnElement[bool] = inquiry.c.id == query.inquiry_id
        return only
    found: list[ColumnElement[bool]] = []
    if expression is not None:
        match = literal_column(FTS_TABLE).op("MATCH")(literal(expression))
        found.append(inquiry.c.id.in_(select(fts.c.rowid).where(match)))
    if query.inquiry_id is not None:
        found.append(inquiry.c.id == query.inquiry_id)
    if query.phone_digits is not None:
        phones = select(identity.c.customer_id).where(
            identity.c.kind == "phone",
            identity.c.value.like(search_sql.phone_pattern(query.phone_digits), escape="\\"),
        )
        found.append(inquiry.c.customer_id.in_(phones))
    if not found:
        return false()
    return or_(*found)


def build_condition(conn: Connection, text: str) -> ColumnElement[bool] | None:
    """The WHERE condition on ``inquiry`` for ``text``; None when there is nothing to find."""
    query = parse(text)
    if query.is_empty:
        return None
    conditions: list[ColumnElement[bool]] = []
    if query.channels is not None:
        conditions.append(inquiry.c.channel.in_(sorted(query.channels)))
    if query.match is not None or query.inquiry_id is not None or query.phone_digits is not None:
        expression = search_sql.usable_expression(_raw(conn), query)
        conditions.append(_text_condition(query, expression))
    return and_(*conditions)


def search_condition(ctx: ServiceContext, text: str) -> ColumnElement[bool]:
    """For services/inbox.py: the search as one condition (true when nothing to find)."""
    with ctx.db.read_session() as session:
        condition = build_condition(session.connection(), text)
    return true() if condition is None else condition


class SearchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        with self.ctx.db.read_session() as session:
            yield _raw(session.connection())

    def search(self, text: str, limit: int = 50, *, prefix_last: bool = True) -> list[SearchHit]:
        """Every inquiry (any view, automatic mail too) matching ``text``, best first:
        the inquiry named by number, then a matching phone number's, then by bm25.
        ``prefix_last``: the last word is still being typed (the CLI passes False)."""
        query = parse(text, prefix_last=prefix_last)
        if query.is_empty or limit <= 0:
            return []
        with self._conn() as conn:
            return search_sql.search(conn, query, limit)

    def snippets(self, text: str, ids: Sequence[int], tokens: int = 10) -> dict[int, str]:
        """The matching passage of each of ``ids`` whose text matches (the window shows it
        beside the row); ids found only by number or phone number get none."""
        query = parse(text)
        if query.match is None or not ids:
            return {}
        with self._conn() as conn:
            return search_sql.snippets(conn, query, ids, tokens)
