"""What the mail ledger holds, for the founder to look at: quarantined and automatic mail,
a mail's source, its attachments, its HTML with remote content.

``MailSyncService`` (services/mail_sync.py) offers these next to syncing; they live here so
that each module stays about one thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from soloservice.channels.email.parse import extract_attachment
from soloservice.channels.email.parse import remote_html as parse_remote_html
from soloservice.services.context import ServiceContext
from soloservice.services.errors import NotFound
from soloservice.services.mail_ingest import MailIngest, Outcome
from soloservice.services.rows import row_or_not_found
from soloservice.storage.mail_tables import AttachmentRow, MailAccountRow, MailItemRow
from soloservice.storage.tables import MessageRow


@dataclass(frozen=True)
class MailItemView:
    """A ledger entry the founder may want to look at: quarantined or automatic mail."""

    id: int
    outcome: str
    reason: str
    subject: str
    from_addr: str
    fetched_at: datetime
    account: str | None
    source: str
    folder: str


@dataclass(frozen=True)
class AttachmentView:
    id: int
    message_id: int
    filename: str
    content_type: str
    size: int


class MailLedgerReads:
    ctx: ServiceContext
    ingest_factory: Callable[[], MailIngest]

    def quarantined(self, include_auto: bool = True) -> list[MailItemView]:
        """Mail that did not become customer messages, newest first, for the GUI to show."""
        outcomes = [Outcome.QUARANTINED.value] + ([Outcome.AUTO.value] if include_auto else [])
        with self.ctx.db.read_session() as session:
            names = {a.id: a.name for a in session.exec(select(MailAccountRow))}
            rows = session.execute(
                sa_select(
                    col(MailItemRow.id),
                    col(MailItemRow.outcome),
                    col(MailItemRow.reason),
                    col(MailItemRow.subject),
                    col(MailItemRow.from_addr),
                    col(MailItemRow.fetched_at),
                    col(MailItemRow.account_id),
                    col(MailItemRow.source),
                    col(MailItemRow.folder),
                )
                .where(col(MailItemRow.outcome).in_(outcomes))
                .order_by(col(MailItemRow.id).desc())
            ).all()
            return [
                MailItemView(
                    id=r[0] or 0,
                    outcome=r[1],
                    reason=r[2],
                    subject=r[3],
                    from_addr=r[4],
                    fetched_at=r[5],
                    account=names.get(r[6]) if r[6] is not None else None,
                    source=r[7],
                    folder=r[8],
                )
                for r in rows
            ]

    def raw_of(self, item_id: int) -> bytes:
        """The mail's source exactly as fetched (a duplicate that kept no bytes of its own
        gives its first copy's, which are the same bytes)."""
        with self.ctx.db.read_session() as session:
            item = row_or_not_found(session, MailItemRow, item_id, "fetched mail")
            if item.raw or item.outcome != Outcome.DUPLICATE.value:
                return item.raw
            if item.duplicate_of is not None:
                first_copy = session.get(MailItemRow, item.duplicate_of)
                if first_copy is not None and first_copy.raw:
                    return first_copy.raw
            # a duplicate blanked before migration 0005 that it could not link
            conditions = [col(MailItemRow.content_hash) == item.content_hash]
            if item.message_id_header:
                conditions.append(col(MailItemRow.message_id_header) == item.message_id_header)
            first = session.exec(
                select(MailItemRow.raw)
                .where(or_(*conditions), MailItemRow.outcome != Outcome.DUPLICATE.value)
                .order_by(col(MailItemRow.id))
            ).first()
            return first or b""

    def reprocess(self, item_id: int, *, as_customer_mail: bool = False) -> Outcome:
        """Try a quarantined or automatic mail again (after a parser fix, or by the founder's
        word that an "auto-reply" is really a customer)."""
        ingest = self.ingest_factory()
        with self.ctx.db.session() as session:
            item = row_or_not_found(session, MailItemRow, item_id, "fetched mail")
            return ingest.reprocess(session, item, as_customer_mail=as_customer_mail)

    def attachments(self, inquiry_id: int) -> list[AttachmentView]:
        """Every attachment of the conversation's messages, in message order."""
        with self.ctx.db.read_session() as session:
            rows = session.exec(
                select(AttachmentRow)
                .join(MessageRow, col(MessageRow.id) == col(AttachmentRow.message_id))
                .where(MessageRow.inquiry_id == inquiry_id)
                .order_by(col(MessageRow.sent_at), col(AttachmentRow.id))
            ).all()
            return [
                AttachmentView(r.id or 0, r.message_id, r.filename, r.content_type, r.size)
                for r in rows
            ]

    def attachment(self, attachment_id: int) -> tuple[str, bytes]:
        """(safe filename, decoded bytes) to save; taken from the stored raw source."""
        with self.ctx.db.read_session() as session:
            row = row_or_not_found(session, AttachmentRow, attachment_id, "attachment")
            raw = self._raw_for(session, row.mail_item_id, row.message_id)
            try:
                _name, data = extract_attachment(raw, row.part_index)
            except KeyError as exc:
                raise NotFound(f"attachment {row.filename} is missing from its mail") from exc
            return row.filename, data

    def remote_html(self, message_id: int) -> str | None:
        """The message's HTML with remote images allowed, for "load remote content"."""
        with self.ctx.db.read_session() as session:
            raw = self._raw_for(session, None, message_id)
        return parse_remote_html(raw)

    def _raw_for(self, session: Session, item_id: int | None, message_id: int) -> bytes:
        item = session.get(MailItemRow, item_id) if item_id is not None else None
        if item is None:
            item = session.exec(
                select(MailItemRow)
                .where(MailItemRow.message_row_id == message_id)
                .order_by(col(MailItemRow.id))
            ).first()
        if item is None or not item.raw:
            raise NotFound(f"message {message_id} has no stored mail source")
        return item.raw
