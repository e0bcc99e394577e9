"""Rows built in memory straight to the driver: the demo data (dicts, 100k at a time) and
a mail batch's new rows (table-model objects, services/mail_batch.py).

The rows go to sqlite3 in batches, inside the caller's transaction, with ids assigned by
the caller so rows can point at each other without a round trip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Connection, Table, func, select

from soloservice.storage.types import UTCDateTime

BATCH = 5_000


def max_id(conn: Connection, table: Table) -> int:
    """The highest id in ``table`` (0 when empty): new rows are numbered after it."""
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())


def db_time(moment: datetime) -> str:
    """A time as the store keeps it: naive UTC text, as ``UTCDateTime`` on SQLite writes it.

    The bulk insert hands rows straight to the driver, because SQLAlchemy's per-row bind
    processing costs twice what SQLite spends storing the row; ``tests/services/test_demo.py``
    checks that this text is exactly what the ORM would have written.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime refused: times are stored in UTC")
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.isoformat(sep=" ", timespec="microseconds")


def insert_statement(conn: Connection, table: Table, names: Sequence[str]) -> str:
    """The driver-level ``INSERT`` of ``names`` into ``table``, one ``?`` per column."""
    quote = conn.dialect.identifier_preparer.quote
    return (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )


def time_columns(table: Table) -> frozenset[str]:
    """The columns ``db_time`` must turn into text (``UTCDateTime``)."""
    return frozenset(c.name for c in table.columns if isinstance(c.type, UTCDateTime))


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Bulk-insert rows that all have the same keys, in batches, inside the caller's transaction."""
    if rows:
        names = [column.name for column in table.columns if column.name in rows[0]]
        _insert(conn, table, names, rows, itemgetter(*names))


def insert_objects(
    conn: Connection, table: Table, objects: Sequence[object], keys: Sequence[str]
) -> None:
    """Insert table-model objects' ``keys`` (attribute = column names) straight through the
    driver, as ``bulk_insert`` does for dicts: the unit of work's flush and Core's
    ``insert()`` spend more per row than SQLite does storing it (``mail_batch``)."""
    if objects:
        _insert(conn, table, keys, objects, attrgetter(*keys))


def _insert(
    conn: Connection,
    table: Table,
    names: Sequence[str],
    items: Sequence[Any],
    values: Callable[[Any], Any],
) -> None:
    """``items`` into ``names`` of ``table``, ``values(item)`` giving each one's values.

    Only for columns whose values SQLite takes as they are (text, numbers, booleans, bytes,
    None) or that are ``UTCDateTime`` (``db_time``); another bind conversion raises."""
    times = time_columns(table)
    for name in names:
        column = table.columns[name]
        if name not in times and type(column.type).__name__ not in _AS_THEY_ARE:
            raise TypeError(f"{table.name}.{name} ({column.type!r}) needs its bind conversion")
    sql = insert_statement(conn, table, names)
    at = [index for index, name in enumerate(names) if name in times]
    single = len(names) == 1  # (the getter then returns the value, not a tuple)
    for start in range(0, len(items), BATCH):
        rows: list[tuple[Any, ...]] = []
        for item in items[start : start + BATCH]:
            row: tuple[Any, ...] = (values(item),) if single else values(item)
            if at:
                cells = list(row)
                for index in at:
                    if cells[index] is not None:
                        cells[index] = db_time(cells[index])
                row = tuple(cells)
            rows.append(row)
        conn.exec_driver_sql(sql, rows)


#: column types whose values the sqlite3 driver stores exactly as SQLAlchemy would
_AS_THEY_ARE = frozenset({"AutoString", "String", "Integer", "Float", "Boolean", "LargeBinary"})
