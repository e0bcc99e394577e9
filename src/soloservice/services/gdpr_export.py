"""Everything about one customer as one machine-readable JSON file (GDPR art. 15 and 20).

Built from the same scope a forget deletes (``services/gdpr_scope.py``) and encoded like the
full export (``services/export.py``: ISO times with offset, ``{"$base64": ...}`` bytes), so
a program that reads one reads the other. Attachments carry their decoded bytes (taken from
the raw mail, where they are stored), the raw mails their exact source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select

from soloservice.channels.email.parse import extract_attachment
from soloservice.services.context import ServiceContext
from soloservice.services.export import dump, encode_row, encode_value, iso
from soloservice.services.gdpr_scope import (
    ATTACHMENT,
    CUSTOMER,
    EVENT,
    IDENTITY,
    INQUIRY,
    MAIL_ITEM,
    MESSAGE,
    OUTBOX,
    REMEDY,
    SURVEY,
    CustomerScope,
    customer_scope,
    table_of,
)
from soloservice.storage.files import atomic_open, refuse_data_dir_file
from soloservice.storage.mail_tables import OutboxAttachmentRow

CUSTOMER_EXPORT_FORMAT = "soloservice-customer-export"
CUSTOMER_EXPORT_VERSION = 1
OUTBOX_ATTACHMENT = table_of(OutboxAttachmentRow)


@dataclass(frozen=True)
class CustomerExportSummary:
    path: Path
    customer_id: int
    inquiries: int
    messages: int
    attachments: int
    raw_mails: int
    bytes: int

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "customer_id": self.customer_id,
            "inquiries": self.inquiries,
            "messages": self.messages,
            "attachments": self.attachments,
            "raw_mails": self.raw_mails,
            "bytes": self.bytes,
        }


def _rows(conn: Connection, table: Table, ids: tuple[int, ...]) -> list[dict[str, Any]]:
    if not ids:
        return []
    stmt = select(table).where(table.c.id.in_(ids)).order_by(table.c.id)
    return [encode_row(table, row) for row in conn.execute(stmt)]


def _by(rows: list[dict[str, Any]], key: str) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get(key) is not None:
            grouped[int(row[key])].append(row)
    return grouped


def _raw_for(conn: Connection, item_id: int | None, message_id: int) -> bytes | None:
    """The stored source an attachment came from (following a byte-identical duplicate)."""
    stmt = (
        select(MAIL_ITEM.c.raw, MAIL_ITEM.c.duplicate_of).where(MAIL_ITEM.c.id == item_id)
        if item_id is not None
        else select(MAIL_ITEM.c.raw, MAIL_ITEM.c.duplicate_of)
        .where(MAIL_ITEM.c.message_row_id == message_id)
        .order_by(MAIL_ITEM.c.id)
    )
    row = conn.execute(stmt).first()
    seen: set[int] = set()
    while row is not None and not row.raw and row.duplicate_of not in (None, *seen):
        seen.add(int(row.duplicate_of))
        row = conn.execute(
            select(MAIL_ITEM.c.raw, MAIL_ITEM.c.duplicate_of).where(
                MAIL_ITEM.c.id == row.duplicate_of
            )
        ).first()
    return bytes(row.raw) if row is not None and row.raw else None


def _attachment(conn: Connection, row: dict[str, Any]) -> dict[str, Any]:
    raw = _raw_for(conn, row["mail_item_id"], int(row["message_id"]))
    if raw is None:
        return {**row, "data": None, "missing": "no stored mail source"}
    try:
        _name, data = extract_attachment(raw, int(row["part_index"]))
    except KeyError as exc:
        return {**row, "data": None, "missing": str(exc)}
    return {**row, "data": encode_value(data)}


def customer_document(conn: Connection, scope: CustomerScope, exported_at: Any) -> dict[str, Any]:
    customers = _rows(conn, CUSTOMER, scope.customers)
    messages = _rows(conn, MESSAGE, scope.messages)
    attachments = _by(
        [_attachment(conn, a) for a in _rows(conn, ATTACHMENT, scope.attachments)], "message_id"
    )
    events = _by(
        [
            encode_row(EVENT, e)
            for e in conn.execute(
                select(EVENT).where(EVENT.c.inquiry_id.in_(scope.inquiries)).order_by(EVENT.c.id)
            )
        ],
        "inquiry_id",
    )
    remedies = _by(_rows(conn, REMEDY, scope.remedies), "inquiry_id")
    for message in messages:
        message["attachments"] = attachments.get(int(message["id"]), [])
    by_inquiry = _by(messages, "inquiry_id")
    inquiries = _rows(conn, INQUIRY, scope.inquiries)
    for inquiry in inquiries:
        key = int(inquiry["id"])
        inquiry["messages"] = by_inquiry.get(key, [])
        inquiry["events"] = events.get(key, [])
        inquiry["remedies"] = remedies.get(key, [])
    outbox = _rows(conn, OUTBOX, scope.outbox)
    files = _by(
        [
            encode_row(OUTBOX_ATTACHMENT, f)
            for f in conn.execute(
                select(OUTBOX_ATTACHMENT)
                .where(OUTBOX_ATTACHMENT.c.outbox_id.in_(scope.outbox))
                .order_by(OUTBOX_ATTACHMENT.c.id)
            )
        ],
        "outbox_id",
    )
    for item in outbox:
        item["attachments"] = files.get(int(item["id"]), [])
    card = next(c for c in customers if c["id"] == scope.customer_id)
    return {
        "format": CUSTOMER_EXPORT_FORMAT,
        "version": CUSTOMER_EXPORT_VERSION,
        "exported_at": iso(exported_at),
        "customer_id": scope.customer_id,
        "customer": card,
        "merged_cards": [c for c in customers if c["id"] != scope.customer_id],
        "identities": _rows(conn, IDENTITY, scope.identities),
        "inquiries": inquiries,
        "surveys": _rows(conn, SURVEY, scope.surveys),
        "outbox": outbox,
        "raw_mails": _rows(conn, MAIL_ITEM, scope.mail_items),
    }


def export_customer(ctx: ServiceContext, customer_id: int, path: Path) -> CustomerExportSummary:
    """Write everything about ``customer_id`` to ``path`` (atomically, 0600)."""
    target = Path(path)
    refuse_data_dir_file(target, ctx.data_dir)  # an export never replaces the store itself
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory")
    with ctx.db.read_engine.connect() as conn, conn.begin():
        scope = customer_scope(conn, customer_id)
        document = customer_document(conn, scope, ctx.now())
    with atomic_open(target, protect=ctx.data_dir) as out:
        out.write(dump(document))
        out.write("\n")
    return CustomerExportSummary(
        path=target.resolve(),
        customer_id=scope.customer_id,
        inquiries=len(scope.inquiries),
        messages=len(scope.messages),
        attachments=len(scope.attachments),
        raw_mails=len(scope.mail_items),
        bytes=target.stat().st_size,
    )
