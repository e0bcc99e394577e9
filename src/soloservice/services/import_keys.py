"""What an import has stored already: one ``import_key`` row per entry, so nothing twice.

Every importer (form CSV rows, social export and API messages, social conversations) keys
what it stored by ``(source, key)`` and points the key at a stored message, so importing the
same file again, finishing a cancelled import or a poll after an export adds only what is
new, and the entry can be traced to where it was stored. Inside the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from soloservice.storage.channel_tables import ImportKeyRow
from soloservice.storage.tables import MessageRow


def is_imported(session: Session, source: str, key: str) -> bool:
    found = session.exec(
        select(ImportKeyRow.id).where(ImportKeyRow.source == source, ImportKeyRow.key == key)
    ).first()
    return found is not None


def mark_imported(
    session: Session, source: str, key: str, *, inquiry_id: int | None, at: datetime
) -> None:
    """Key an entry stored as (the start of) inquiry ``inquiry_id``: the key points at the
    inquiry's first message, or at none when it holds none (a form entry with only a name),
    so that entry, too, is not imported twice."""
    session.flush()
    first = session.exec(
        select(MessageRow.id)
        .where(MessageRow.inquiry_id == inquiry_id)
        .order_by(col(MessageRow.id))
    ).first()
    session.add(ImportKeyRow(source=source, key=key, message_row_id=first, imported_at=at))
