"""The full-text index's place in the schema: SQLite FTS5 tables that SQLModel does not know.

``inquiry_fts`` (migration 0006) is a virtual table, kept in step by triggers, and FTS5
keeps its index in shadow tables (``inquiry_fts_data``, ``_idx``, ``_content``,
``_docsize``, ``_config``). Migration 0010 added ``inquiry_fts_pause`` and
``inquiry_fts_pending``: a writer of many rows pauses the triggers' rebuilding for its own
transaction and catches up before it commits (``index_deferred``). None of them
are SQLModel tables, so Alembic's comparison of models and database must leave them out, or
it would ask to drop them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

#: one row per inquiry, ``rowid`` = ``inquiry.id``; columns subject, who, body
FTS_TABLE = "inquiry_fts"

_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config", "_pause", "_pending")

_WHO = (
    "c.name || ' ' || coalesce((SELECT group_concat(ci.value, ' ') FROM customer_identity AS ci"
    " WHERE ci.customer_id = c.id), '')"
)
_BODY = (
    "coalesce((SELECT group_concat(m.text, char(10)) FROM message AS m"
    " WHERE m.inquiry_id = i.id), '')"
)
_CATCH_UP = (
    "DELETE FROM inquiry_fts_pause",
    "DELETE FROM inquiry_fts WHERE rowid IN (SELECT inquiry_id FROM inquiry_fts_pending)",
    "INSERT INTO inquiry_fts(rowid, subject, who, body)"
    f" SELECT i.id, i.subject, {_WHO}, {_BODY}"
    " FROM inquiry AS i JOIN customer AS c ON c.id = i.customer_id"
    " WHERE i.id IN (SELECT inquiry_id FROM inquiry_fts_pending)",
    "DELETE FROM inquiry_fts_pending",
)


@contextmanager
def index_deferred(connection: Connection) -> Iterator[None]:
    """Inside the block, in this transaction, the triggers only note which inquiries need
    a new search document (migration 0010); when it ends, those documents are rebuilt in one
    statement. A block that raises rebuilds nothing: its transaction is rolled back, the
    pause row with it.

    Only inside a write transaction (``BEGIN IMMEDIATE``): the pause row is uncommitted, so
    other connections index as usual."""
    connection.exec_driver_sql("INSERT OR IGNORE INTO inquiry_fts_pause (id) VALUES (1)")
    yield
    for statement in _CATCH_UP:
        connection.exec_driver_sql(statement)


def is_fts_table(name: str | None) -> bool:
    """True for the FTS5 table and its shadow tables."""
    if not name:
        return False
    return name == FTS_TABLE or any(name == FTS_TABLE + s for s in _SHADOW_SUFFIXES)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object`` hook: skip the FTS tables found in the database."""
    return not (type_ == "table" and reflected and compare_to is None and is_fts_table(name))
