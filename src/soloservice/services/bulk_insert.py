"""Bulk insert with SQLAlchemy core, for rows built in memory (the demo data, 100k at a time).

The rows go straight to the driver in batches, inside the caller's transaction, with ids
assigned by the caller so rows can point at each other without a round trip.
"""

from __future__ import annotations

from datetime import UTC, datetime
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


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Bulk-insert rows that all have the same keys, in batches, inside the caller's transaction."""
    if not rows:
        return
    names = [column.name for column in table.columns if column.name in rows[0]]
    times = {column.name for column in table.columns if isinstance(column.type, UTCDateTime)}
    quote = conn.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    plain = [name not in times for name in names]
    pairs = list(zip(names, plain, strict=True))
    for start in range(0, len(rows), BATCH):
        batch = [
            tuple(
                row[name] if keep or row[name] is None else db_time(row[name])
                for name, keep in pairs
            )
            for row in rows[start : start + BATCH]
        ]
        conn.exec_driver_sql(sql, batch)
