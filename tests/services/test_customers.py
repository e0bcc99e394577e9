from __future__ import annotations

import pytest

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


def test_update_own_figures_and_back_to_the_average(services: Services) -> None:
    from soloservice.domain.types import IdentityKind, Language
    from soloservice.services.customers import CustomerChanges
    from soloservice.services.errors import InvalidInput, NotFound

    a = make_inquiry(services, name="Mette", email="m@example.dk")
    card = services.customers.update(
        a.customer.id,
        CustomerChanges(
            name="Mette Hansen", language=Language.NB, annual_value=40_000, expected_years=10
        ),
    )
    assert (card.name, card.language, card.lifetime_value) == ("Mette Hansen", Language.NB, 400_000)
    card = services.customers.update(a.customer.id, CustomerChanges(annual_value=None))
    assert card.annual_value is None and card.lifetime_value == 20_000 * 10
    assert card.name == "Mette Hansen", "fields not given stay as they were"
    with pytest.raises(InvalidInput, match="negative"):
        services.customers.update(a.customer.id, CustomerChanges(expected_years=-1))
    with pytest.raises(InvalidInput, match="empty"):
        services.customers.update(a.customer.id, CustomerChanges(name="  "))

    card = services.customers.add_identity(a.customer.id, IdentityKind.PHONE, "20 12 34 56")
    assert "+4520123456" in {i.value for i in card.identities}
    other = make_inquiry(services, name="Ole", email="ole@example.dk")
    with pytest.raises(InvalidInput, match="another customer"):
        services.customers.add_identity(other.customer.id, IdentityKind.PHONE, "+4520123456")
    card = services.customers.remove_identity(a.customer.id, IdentityKind.PHONE, "+4520123456")
    assert "+4520123456" not in {i.value for i in card.identities}
    with pytest.raises(NotFound):
        services.customers.remove_identity(a.customer.id, IdentityKind.PHONE, "+4520123456")
