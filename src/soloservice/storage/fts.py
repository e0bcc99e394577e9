"""The full-text index's place in the schema: SQLite FTS5 tables that SQLModel does not know.

``inquiry_fts`` (migration 0006) is a virtual table, kept in step by triggers, and FTS5
keeps its index in shadow tables (``inquiry_fts_data``, ``_idx``, ``_content``,
``_docsize``, ``_config``). None of them are SQLModel tables, so Alembic's comparison of
models and database must leave them out, or it would ask to drop them.
"""

from __future__ import annotations

from typing import Any

#: one row per inquiry, ``rowid`` = ``inquiry.id``; columns subject, who, body
FTS_TABLE = "inquiry_fts"

_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


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
