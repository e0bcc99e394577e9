"""What a social import or poll left in the store, read back for the tests' assertions."""

from __future__ import annotations

import sqlite3

from soloservice.services.dto import InquiryDetail, MessageView
from soloservice.services.registry import Services
from tests.helpers.factories import every_inquiry


def dump(services: Services) -> list[str]:
    """The whole store as SQL: equal before and after means nothing was written."""
    # raw on purpose: "nothing was written" is about every table, not what a service shows
    with sqlite3.connect(services.ctx.db.path) as conn:
        return list(conn.iterdump())


def inquiries(services: Services) -> list[InquiryDetail]:
    """Every stored case, oldest id first."""
    return every_inquiry(services)


def messages_of(services: Services, inquiry_id: int) -> list[MessageView]:
    """The case's messages, oldest first."""
    return sorted(services.inquiries.get(inquiry_id).messages, key=lambda m: m.sent_at)


def identities(services: Services, customer_id: int) -> list[str]:
    """The customer's stored identity values (``id:5678``, a handle...)."""
    return [i.value for i in services.customers.card(customer_id).identities]


def customer_name(services: Services, customer_id: int) -> str:
    return services.customers.card(customer_id).name
