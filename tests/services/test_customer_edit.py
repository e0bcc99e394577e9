"""The customer dialog's edit is one transaction: a refused part changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.domain.types import IdentityKind, Language
from soloservice.services.customer_edit import CustomerEdit
from soloservice.services.customers import CustomerChanges
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.registry import Services
from tests.helpers.factories import make_inquiry


@pytest.fixture
def app(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


def test_everything_in_one_go(app: Services) -> None:
    mette = make_inquiry(app, name="Mette", email="mette@example.dk").customer
    card = app.customer_edit.apply(
        CustomerEdit(
            mette.id,
            CustomerChanges(name="Mette Hansen", language=Language.EN, annual_value=1200.0),
            added=((IdentityKind.PHONE, "+45 20 12 34 56"),),
            removed=((IdentityKind.EMAIL, "mette@example.dk"),),
            opted_out=True,
        )
    )
    assert card.name == "Mette Hansen" and card.language is Language.EN
    assert card.annual_value == 1200.0 and card.opted_out
    assert [i.kind for i in card.identities] == [IdentityKind.PHONE]
    assert app.customers.card(mette.id) == card


def test_an_identity_held_by_another_customer_leaves_the_customer_unchanged(
    app: Services,
) -> None:
    mette = make_inquiry(app, name="Mette", email="mette@example.dk").customer
    make_inquiry(app, name="Bo", email="bo@example.dk")
    before = app.customers.card(mette.id)
    edit = CustomerEdit(
        mette.id,
        CustomerChanges(name="Mette Hansen", notes="VIP"),
        added=((IdentityKind.EMAIL, "bo@example.dk"),),
        removed=((IdentityKind.EMAIL, "mette@example.dk"),),
        opted_out=True,
    )
    with pytest.raises(InvalidInput, match="another customer"):
        app.customer_edit.apply(edit)
    assert app.customers.card(mette.id) == before


def test_removing_an_identity_it_does_not_have_changes_nothing(app: Services) -> None:
    mette = make_inquiry(app, name="Mette", email="mette@example.dk").customer
    before = app.customers.card(mette.id)
    with pytest.raises(NotFound):
        app.customer_edit.apply(
            CustomerEdit(
                mette.id,
                CustomerChanges(name="Someone else"),
                removed=((IdentityKind.EMAIL, "nobody@example.dk"),),
            )
        )
    assert app.customers.card(mette.id) == before


@pytest.mark.parametrize("bad", [float("inf"), float("nan"), -1.0])
def test_bad_figures_are_refused(app: Services, bad: float) -> None:
    mette = make_inquiry(app, name="Mette").customer
    with pytest.raises(InvalidInput):
        app.customer_edit.apply(CustomerEdit(mette.id, CustomerChanges(annual_value=bad)))
