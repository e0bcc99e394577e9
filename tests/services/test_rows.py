"""One wording for "that id names nothing", whichever service is asked (services/rows.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from soloservice.services.errors import NotFound
from soloservice.services.registry import Services
from tests.helpers.factories import email_inquiry

MISSING = 987_654

CALLS: dict[str, tuple[Callable[[Services], object], str]] = {
    "inquiry": (lambda s: s.inquiries.get(MISSING), "inquiry"),
    "remedies of an inquiry": (lambda s: s.remedies.list(MISSING), "inquiry"),
    "remedy": (lambda s: s.remedies.remove(MISSING), "remedy"),
    "channel check": (lambda s: s.checklist.tick(MISSING), "channel to check"),
    "survey": (lambda s: s.surveys.get(MISSING), "follow-up or survey"),
    "survey history": (lambda s: s.surveys.customer_history(MISSING), "customer"),
    "sender verdict": (lambda s: s.senders.set_verdict_for_inquiry(MISSING, "spam"), "inquiry"),
    "outbox item": (lambda s: s.outbox.get(MISSING), "outbox item"),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_missing_id_is_one_line_naming_what_and_which(services: Services, name: str) -> None:
    email_inquiry(services)  # a store with rows in it, just not this one
    call, what = CALLS[name]
    with pytest.raises(NotFound) as raised:
        call(services)
    assert str(raised.value) == f"no {what} with id {MISSING}"


def test_an_existing_id_is_found_through_the_same_lookup(services: Services) -> None:
    inquiry_id = email_inquiry(services)
    assert services.inquiries.get(inquiry_id).id == inquiry_id
    assert services.remedies.list(inquiry_id) == []
