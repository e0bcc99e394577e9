from __future__ import annotations

import pytest

from soloservice.domain.types import Channel, IdentityKind, Language
from soloservice.services.calls import CallLog
from soloservice.services.customers import CustomerChanges, CustomerRef
from soloservice.services.inquiries import NewInquiry
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


def test_choosing_a_language_makes_it_the_founders(services: Services) -> None:
    detail = services.calls.log_call(CallLog(phone="+47 41234567", name="Ola", note="b"))
    assert (detail.customer.language.value, detail.customer.language_source) == ("nb", "guess")
    card = services.customers.update(detail.customer.id, CustomerChanges(language=Language.EN))
    assert (card.language, card.language_source, card.language_reason) == (
        Language.EN,
        "founder",
        "",
    )
    # other edits leave the source alone
    card = services.customers.update(card.id, CustomerChanges(notes="ringer helst"))
    assert card.language_source == "founder"


def test_a_further_identity_finds_the_customer_when_the_main_one_is_new(
    services: Services,
) -> None:
    call = services.calls.log_call(CallLog(phone="22 33 44 55", name="Mette", note="a"))
    form = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Mette Sørensen",
                identity_kind=IdentityKind.EMAIL,
                identity_value="mette@example.dk",
                more_identities=((IdentityKind.PHONE, "+45 22 33 44 55"),),
            ),
            channel=Channel.FORM,
            subject="Revnet skål",
            text="Hej, skålen var revnet.",
        )
    )
    assert form.customer.id == call.customer.id
    assert {i.kind for i in form.customer.identities} == {IdentityKind.PHONE, IdentityKind.EMAIL}


def test_an_unreadable_further_identity_is_left_out_not_refused(services: Services) -> None:
    detail = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Mette",
                identity_kind=IdentityKind.EMAIL,
                identity_value="mette@example.dk",
                more_identities=((IdentityKind.PHONE, "12"),),
            ),
            channel=Channel.FORM,
            subject="x",
            text="y",
        )
    )
    assert [i.kind for i in detail.customer.identities] == [IdentityKind.EMAIL]
