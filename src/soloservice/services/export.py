"""Export the whole store as one JSON file, so the founder's data is never locked in.

The file is written as a stream (one customer or inquiry at a time, never the whole store in
memory) to a temporary file next to the target, flushed to disk and then renamed over it: a
full disk or a crash leaves either the old file or none, never half a file. Times are ISO 8601
in UTC with an explicit ``+00:00`` offset, the portable choice for other programs.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Row, Table, select

from soloservice.services.context import ServiceContext
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow, MessageRow

EXPORT_FORMAT = "soloservice-export"
EXPORT_VERSION = 1

_customer: Table = CustomerRow.__table__  # type: ignore[attr-defined]
_identity: Table = IdentityRow.__table__  # type: ignore[attr-defined]
_inquiry: Table = InquiryRow.__table__  # type: ignore[attr-defined]
_message: Table = MessageRow.__table__  # type: ignore[attr-defined]
_event: Table = EventRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    customers: int
    inquiries: int
    messages: int
    events: int
    bytes: int


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with an offset; the store always hands back aware UTC times."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _grouped(rows: Iterator[Row[Any]], key: str) -> Iterator[tuple[int, list[Row[Any]]]]:
    """Consecutive rows with the same ``key`` column, from a query ordered by it."""
    current: int | None = None
    group: list[Row[Any]] = []
    for row in rows:
        value = int(getattr(row, key))
        if value != current:
            if current is not None:
                yield current, group
            current, group = value, []
        group.append(row)
    if current is not None:
        yield current, group


class _Children:
    """Walks a child table ordered by parent id alongside the parents, like a merge join."""

    def __init__(self, conn: Connection, table: Table, key: str) -> None:
        stmt = select(table).order_by(table.c[key], table.c.id)
        self._groups = _grouped(iter(conn.execute(stmt)), key)
        self._pending: tuple[int, list[Row[Any]]] | None = next(self._groups, None)

    def of(self, parent_id: int) -> list[Row[Any]]:
        while self._pending is not None and self._pending[0] < parent_id:
            self._pending = next(self._groups, None)
        if self._pending is not None and self._pending[0] == parent_id:
            rows = self._pending[1]
            self._pending = next(self._groups, None)
            return rows
        return []


def _customer_dict(row: Row[Any], identities: list[Row[Any]]) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "language": row.language,
        "notes": row.notes,
        "annual_value": row.annual_value,
        "expected_years": row.expected_years,
        "created_at": iso(row.created_at),
        "identities": [{"kind": i.kind, "value": i.value} for i in identities],
    }


def _inquiry_dict(
    row: Row[Any], messages: list[Row[Any]], events: list[Row[Any]]
) -> dict[str, Any]:
    return {
        "id": row.id,
        "customer_id": row.customer_id,
        "channel": row.channel,
        "subject": row.subject,
        "kind": row.kind,
        "status": row.status,
        "received_at": iso(row.received_at),
        "first_response_at": iso(row.first_response_at),
        "due_at": iso(row.due_at),
        "resolved_at": iso(row.resolved_at),
        "snoozed_until": iso(row.snoozed_until),
        "last_activity_at": iso(row.last_activity_at),
        "tags": [t for t in row.tags.split(",") if t],
        "promise_kept": row.promise_kept,
        "promise_margin_s": row.promise_margin_s,
        "messages": [
            {
                "id": m.id,
                "direction": m.direction,
                "channel": m.channel,
                "author": m.author,
                "text": m.text,
                "html": m.html,
                "sent_at": iso(m.sent_at),
                "external_id": m.external_id,
                "call_duration_s": m.call_duration_s,
            }
            for m in messages
        ],
        "events": [
            {"at": iso(e.at), "kind": e.kind, "old_value": e.old_value, "new_value": e.new_value}
            for e in events
        ],
    }


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write(conn: Connection, out: IO[str], exported_at: datetime, timezone: str) -> list[int]:
    counts = [0, 0, 0, 0]
    out.write("{\n")
    out.write(f'"format":{_dump(EXPORT_FORMAT)},"version":{EXPORT_VERSION},')
    out.write(f'"exported_at":{_dump(iso(exported_at))},"timezone":{_dump(timezone)},\n')
    out.write('"customers":[')
    identities = _Children(conn, _identity, "customer_id")
    for n, row in enumerate(conn.execute(select(_customer).order_by(_customer.c.id))):
        out.write(("," if n else "") + "\n" + _dump(_customer_dict(row, identities.of(row.id))))
        counts[0] += 1
    out.write('\n],\n"inquiries":[')
    messages = _Children(conn, _message, "inquiry_id")
    events = _Children(conn, _event, "inquiry_id")
    for n, row in enumerate(conn.execute(select(_inquiry).order_by(_inquiry.c.id))):
        own_messages, own_events = messages.of(row.id), events.of(row.id)
        out.write(("," if n else "") + "\n" + _dump(_inquiry_dict(row, own_messages, own_events)))
        counts[1] += 1
        counts[2] += len(own_messages)
        counts[3] += len(own_events)
    out.write("\n]\n}\n")
    return counts


def export_all(ctx: ServiceContext, path: Path) -> ExportSummary:
    """Write every customer (with identities), inquiry, message and event to ``path``.

    Raises ``OSError`` when the target cannot be written; the target is then untouched.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory")
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            # One read transaction: a concurrent writer cannot make the file inconsistent.
            with ctx.db.engine.connect() as conn, conn.begin():
                counts = _write(conn, out, ctx.now(), ctx.settings.timezone)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportSummary(
        path=target.resolve(),
        customers=counts[0],
        inquiries=counts[1],
        messages=counts[2],
        events=counts[3],
        bytes=target.stat().st_size,
    )
