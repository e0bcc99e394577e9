"""What a social import or poll left in the store, read back for the tests' assertions."""

from __future__ import annotations

import sqlite3

from sqlmodel import col, select

from soloservice.services.registry import Services
from soloservice.storage.tables import CustomerRow, InquiryRow, MessageRow


def dump(services: Services) -> list[str]:
    """The whole store as SQL: equal before and after means nothing was written."""
    with sqlite3.connect(services.ctx.db.path) as conn:
        return list(conn.iterdump())


def inquiries(services: Services) -> list[InquiryRow]:
    with services.ctx.db.session() as session:
        return list(session.exec(select(InquiryRow).order_by(col(InquiryRow.id))))


def messages_of(services: Services, inquiry_id: int) -> list[MessageRow]:
    with services.ctx.db.session() as session:
        return list(
            session.exec(
                select(MessageRow)
                .where(MessageRow.inquiry_id == inquiry_id)
                .order_by(col(MessageRow.sent_at))
            )
        )


def customer_name(services: Services, customer_id: int) -> str:
    with services.ctx.db.session() as session:
        row = session.get(CustomerRow, customer_id)
        assert row is not None
        return row.name
