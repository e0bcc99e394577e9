from __future__ import annotations

from soloservice.services.calls import CallLog
from soloservice.services.registry import Services
from tests.helpers.factories import make_inquiry


def test_search_by_partial_number(services: Services) -> None:
    services.calls.log_call(CallLog(phone="20 12 34 56", name="Mette Hansen", note="a"))
    services.calls.log_call(CallLog(phone="+47 41234567", name="Ola Nordmann", note="b"))
    assert [m.name for m in services.customers.search("2012")] == ["Mette Hansen"]
    assert [m.name for m in services.customers.search("+47 412")] == ["Ola Nordmann"]
    match = services.customers.search("20 12 34 56")[0]
    assert match.phones == ("+45 20 12 34 56",)
    assert match.open_inquiries == 0


def test_search_by_name_or_email(services: Services) -> None:
    make_inquiry(services, name="Søren Kierkegaard", email="soren@example.dk")
    make_inquiry(services, name="Sofie", email="sofie@keramik.dk")
    assert [m.name for m in services.customers.search("so")] == ["Sofie", "Søren Kierkegaard"]
    assert [m.name for m in services.customers.search("keramik")] == ["Sofie"]
    assert services.customers.search("   ") == []
    assert services.customers.search("nobody") == []
    assert services.customers.search("Sofie")[0].open_inquiries == 1


def test_card_has_lifetime_value_from_defaults(services: Services) -> None:
    a = make_inquiry(services)
    card = services.customers.card(a.customer.id)
    assert card.lifetime_value == 100_000
    assert card.identities[0].display == "mette@example.dk"
