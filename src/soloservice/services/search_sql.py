"""The search queries as plain SQL over a DB-API sqlite3 connection.

No SQLAlchemy here on purpose: ``soloservice search`` runs these on a bare ``sqlite3``
connection when the store is already current, so a search from a shell or a script costs
a Python start and a few milliseconds, not the ORM's imports. SearchService (search.py)
runs the very same functions on its session's connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from soloservice.domain.search_query import MARK_END, MARK_START, SearchQuery
from soloservice.domain.types import Channel, Status

FTS_TABLE = "inquiry_fts"  # storage/fts.py names it too; kept here to stay import-light

#: bm25 weights of the columns subject, who (name and identities), body: a word in the
#: subject or the customer's name says more about an inquiry than one somewhere in a thread
WEIGHTS = (5.0, 3.0, 1.0)
ELLIPSIS = "…"
#: a word in more inquiries than this is ranked among its newest RANK_WINDOW inquiries only:
#: bm25 costs ~15 µs per matching inquiry, so ranking "pakke" over 60,000 would take a
#: second; the newest 500 take a few milliseconds (rowid = inquiry id = creation order)
RANK_WINDOW = 500

_COLUMNS = (
    "i.id, i.customer_id, c.name, i.subject, i.channel, i.status, i.received_at, i.automatic_reason"
)
_FROM = "inquiry AS i JOIN customer AS c ON c.id = i.customer_id"


@dataclass(frozen=True)
class SearchHit:
    inquiry_id: int
    customer_id: int
    customer_name: str
    subject: str
    channel: Channel
    status: Status
    received_at: datetime
    #: the best matching passage, matched words between MARK_START and MARK_END
    #: (domain.search_query.split_marked); the inquiry's snippet when found by number/phone
    snippet: str
    #: automatic mail (newsletter, spam...): found, but the CLI says so
    automatic: bool


def _utc(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _hit(row: Sequence[Any], snippet: str) -> SearchHit:
    return SearchHit(
        inquiry_id=int(row[0]),
        customer_id=int(row[1]),
        customer_name=str(row[2]),
        subject=str(row[3]),
        channel=Channel(row[4]),
        status=Status(row[5]),
        received_at=_utc(row[6]),
        snippet=snippet,
        automatic=bool(row[7]),
    )


_VALIDATOR_LOCK = threading.Lock()
_validator: sqlite3.Connection | None = None


def _accepted(expression: str) -> bool:
    """Does FTS5 parse ``expression``? Asked of an empty in-memory table of the same columns:
    syntax does not depend on the data, and on the real index even ``LIMIT 1`` pays for
    merging every word of a prefix ("pa*": 30 ms at 100k inquiries)."""
    global _validator
    with _VALIDATOR_LOCK:
        if _validator is None:
            _validator = sqlite3.connect(":memory:", check_same_thread=False)
            _validator.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(subject, who, body)")
        try:
            _validator.execute(
                f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (expression,)
            ).fetchall()
        except sqlite3.OperationalError:
            return False
    return True


def usable_expression(conn: sqlite3.Connection, query: SearchQuery) -> str | None:
    """The expression FTS5 accepts: the parsed one, else the plain phrase, else none (also
    when the store has no index: a damaged store opened read-only, unmigrated).

    The parser emits only quoted strings, so the fallback should never be needed; it is
    there so that no input, whatever FTS5 version reads it, can make a search raise.
    """
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).fetchone()
    if exists is None:
        return None
    for expression in (query.match, query.fallback):
        if expression is not None and _accepted(expression):
            return expression
    return None


def phone_pattern(digits: str) -> str:
    escaped = digits.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_PHONE_CUSTOMERS = (
    "SELECT customer_id FROM customer_identity WHERE kind = 'phone' AND value LIKE ? ESCAPE '\\'"
)


def _channel_clause(query: SearchQuery) -> tuple[str, list[Any]]:
    if query.channels is None:
        return "", []
    values = sorted(query.channels)
    if not values:
        return " AND 0", []
    return f" AND i.channel IN ({', '.join('?' for _ in values)})", list(values)


def _plain(
    conn: sqlite3.Connection, condition: str, params: list[Any], query: SearchQuery, limit: int
) -> list[SearchHit]:
    channel_sql, channel_params = _channel_clause(query)
    rows = conn.execute(
        f"SELECT {_COLUMNS}, i.snippet FROM {_FROM} WHERE {condition}{channel_sql}"
        " ORDER BY i.received_at DESC, i.id DESC LIMIT ?",
        [*params, *channel_params, limit],
    ).fetchall()
    return [_hit(row, str(row[8])) for row in rows]


def _window_start(
    conn: sqlite3.Connection,
    expression: str,
    channel_sql: str,
    channel_params: list[Any],
    size: int,
) -> int | None:
    """The lowest rowid of the newest ``size`` matches, or None if there are fewer."""
    join = f" JOIN inquiry AS i ON i.id = {FTS_TABLE}.rowid" if channel_sql else ""
    row = conn.execute(
        f"SELECT {FTS_TABLE}.rowid FROM {FTS_TABLE}{join} WHERE {FTS_TABLE} MATCH ?"
        f"{channel_sql} ORDER BY {FTS_TABLE}.rowid DESC LIMIT 1 OFFSET ?",
        [expression, *channel_params, size - 1],
    ).fetchone()
    return None if row is None else int(row[0])


def ranked(
    conn: sqlite3.Connection, expression: str, query: SearchQuery, limit: int, tokens: int = 16
) -> list[SearchHit]:
    """Matches of ``expression``, best bm25 first, each with its best passage (for a very
    common word: the best of its newest RANK_WINDOW inquiries)."""
    channel_sql, channel_params = _channel_clause(query)
    start = _window_start(conn, expression, channel_sql, channel_params, max(RANK_WINDOW, limit))
    if start is not None:
        channel_sql += f" AND {FTS_TABLE}.rowid >= ?"
        channel_params = [*channel_params, start]
    weights = ", ".join(str(w) for w in WEIGHTS)
    rows = conn.execute(
        f"SELECT {_COLUMNS}, snippet({FTS_TABLE}, -1, ?, ?, ?, ?),"
        f" bm25({FTS_TABLE}, {weights}) AS score"
        f" FROM {FTS_TABLE} JOIN inquiry AS i ON i.id = {FTS_TABLE}.rowid"
        " JOIN customer AS c ON c.id = i.customer_id"
        f" WHERE {FTS_TABLE} MATCH ?{channel_sql}"
        " ORDER BY score, i.id DESC LIMIT ?",
        [MARK_START, MARK_END, ELLIPSIS, tokens, expression, *channel_params, limit],
    ).fetchall()
    return [_hit(row, str(row[8])) for row in rows]


def search(conn: sqlite3.Connection, query: SearchQuery, limit: int) -> list[SearchHit]:
    """Every inquiry (any view, automatic mail too) matching ``query``, best first: the
    inquiry named by number, then those of a matching phone number, then by bm25."""
    if query.is_empty or limit <= 0:
        return []
    found: dict[int, SearchHit] = {}

    def add(hits: list[SearchHit]) -> None:
        for hit in hits:
            found.setdefault(hit.inquiry_id, hit)

    if query.inquiry_id is not None:
        add(_plain(conn, "i.id = ?", [query.inquiry_id], query, limit))
    if not query.id_only:
        if query.phone_digits is not None:
            condition = f"i.customer_id IN ({_PHONE_CUSTOMERS})"
            add(_plain(conn, condition, [phone_pattern(query.phone_digits)], query, limit))
        expression = usable_expression(conn, query)
        if expression is not None:
            add(ranked(conn, expression, query, limit))
        elif query.match is None and query.phone_digits is None and query.inquiry_id is None:
            add(_plain(conn, "1", [], query, limit))  # only channel: filters
    return list(found.values())[:limit]


def snippets(
    conn: sqlite3.Connection, query: SearchQuery, ids: Sequence[int], tokens: int = 10
) -> dict[int, str]:
    """The best matching passage of each of ``ids`` that matches the query's words."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if not wanted:
        return {}
    expression = usable_expression(conn, query)
    if expression is None:
        return {}
    marks = ", ".join("?" for _ in wanted)
    if '"*' in expression:
        # A prefix: FTS5 merges the doclists of every word with that prefix on each lookup,
        # so one pass over the page's rowid range beats a lookup per id (3 s -> 30 ms at
        # 100k inquiries for "pakke*"). A whole word seeks each rowid cheaply.
        where = f"rowid BETWEEN ? AND ? AND +rowid IN ({marks})"
        params: list[Any] = [min(wanted), max(wanted), *wanted]
    else:
        where = f"rowid IN ({marks})"
        params = list(wanted)
    rows = conn.execute(
        f"SELECT rowid, snippet({FTS_TABLE}, -1, ?, ?, ?, ?) FROM {FTS_TABLE}"
        f" WHERE {FTS_TABLE} MATCH ? AND {where}",
        [MARK_START, MARK_END, ELLIPSIS, tokens, expression, *params],
    ).fetchall()
    return {int(r[0]): str(r[1]) for r in rows}
