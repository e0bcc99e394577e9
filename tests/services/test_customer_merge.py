"""One customer across channels: suggestions, merge and un-merge keeping every message."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from soloservice.domain.types import Channel, IdentityKind
from soloservice.services.customer_changes import CustomerChanges
from soloservice.services.customer_merge import (
    CustomerMergeService,
    MergeRefused,
    normalise_name,
)
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import NotFound
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow
from tests.helpers.factories import every_inquiry


def customer(
    services: Services,
    name: str,
    kind: IdentityKind | None = None,
    value: str = "",
    channel: Channel = Channel.EMAIL,
    text: str = "Hej",
) -> int:
    detail = services.inquiries.create(
        NewInquiry(CustomerRef(name=name, identity_kind=kind, identity_value=value), channel,
                   f"Fra {name}", text)
    )  # fmt: skip
    return detail.customer.id


def snapshot(services: Services) -> dict[str, object]:
    """Who owns what, and every message: what a merge and un-merge must not lose."""
    # raw rows: merged (hidden) customers and their ids are what must come back exactly
    with services.ctx.db.session() as session:
        return {
            "identities": sorted(
                (i.id, i.customer_id, i.kind, i.value) for i in session.exec(select(IdentityRow))
            ),
            "inquiries": sorted((i.id, i.customer_id) for i in session.exec(select(InquiryRow))),
            "messages": sorted(
                (m.id, m.inquiry_id, m.text) for m in session.exec(select(MessageRow))
            ),
            "customers": sorted(
                (c.id, c.name, c.notes, c.merged_into_id, c.opted_out)
                for c in session.exec(select(CustomerRow))
            ),
        }


def test_normalised_names_fold_case_accents_and_danish_letters() -> None:
    assert normalise_name("  Søren  ÆRØ ") == normalise_name("soren aero") == "soren aero"
    assert normalise_name("José-Maria") == "jose maria"


def test_suggestions_by_name_email_and_similarity_never_merge(services: Services) -> None:
    mette = customer(services, "Mette Sørensen", IdentityKind.EMAIL, "mette.s@gmail.com")
    same_name = customer(services, "mette sorensen", IdentityKind.FACEBOOK, "id:5001",
                         Channel.FACEBOOK)  # fmt: skip
    same_local = customer(services, "M. S.", IdentityKind.EMAIL, "mette.s@hotmail.com")
    similar = customer(services, "Mette Sørensn", IdentityKind.PHONE, "22334455", Channel.PHONE)
    customer(services, "Ole Hansen", IdentityKind.EMAIL, "ole@gmail.com")
    generic = customer(services, "Info", IdentityKind.EMAIL, "info@gmail.com")
    customer(services, "Butik", IdentityKind.EMAIL, "info@butik.dk")
    merging = CustomerMergeService(services.ctx)
    before = snapshot(services)
    found = merging.suggest_matches(mette)
    assert [s.customer_id for s in found] == [same_name, same_local, similar]
    assert found[0].reasons == ("same name",)
    assert found[1].reasons == ("same email name (mette.s@gmail.com / mette.s@hotmail.com)",)
    assert found[2].reasons[0].startswith("similar name")
    assert all(s.inquiries == 1 for s in found)
    assert merging.suggest_matches(generic) == []  # info@ says nothing about a person
    assert snapshot(services) == before  # suggesting changes nothing
    merging.merge(mette, same_name)
    assert same_name not in [s.customer_id for s in merging.suggest_matches(mette)]
    assert [s.customer_id for s in merging.suggest_matches(similar)] == [mette]


def test_merge_and_unmerge_round_trip(services: Services) -> None:
    survivor = customer(services, "Mette Sørensen", IdentityKind.EMAIL, "mette@gmail.com")
    merged = customer(services, "", IdentityKind.INSTAGRAM, "mette.keramik", Channel.INSTAGRAM)
    services.inquiries.create(
        NewInquiry(CustomerRef(customer_id=merged), Channel.INSTAGRAM, "Igen", "Hej igen")
    )
    services.customers.update(merged, CustomerChanges(notes="Foretrækker DM"))
    services.customers.set_opted_out(merged)
    # no use case but a matched CSV import sets customer_since; the merge must carry it over
    with services.ctx.db.session() as session:
        row = session.get(CustomerRow, merged)
        assert row is not None
        row.customer_since = datetime(2024, 3, 1, tzinfo=UTC)
    before = snapshot(services)
    merging = CustomerMergeService(services.ctx)
    view = merging.merge(survivor, merged)
    assert (view.identities, view.inquiries) == (1, 2)
    card = services.customers.card(survivor)
    assert {i.kind for i in card.identities} == {IdentityKind.EMAIL, IdentityKind.INSTAGRAM}
    assert len(card.inquiries) == 3  # every channel's history on one card
    assert card.notes == "Foretrækker DM"  # filled because the survivor had none
    assert [(m.survivor_id, m.undone_at) for m in merging.merges(merged)] == [(survivor, None)]
    assert card.opted_out and card.customer_since == datetime(2024, 3, 1, tzinfo=UTC)
    # A new DM from the merged identity now lands on the survivor.
    later = services.inquiries.create(
        NewInquiry(CustomerRef(identity_kind=IdentityKind.INSTAGRAM,
                               identity_value="@mette.keramik"), Channel.INSTAGRAM, "Ny")
    )  # fmt: skip
    assert later.customer.id == survivor
    undone = merging.unmerge(view.id)
    assert undone.undone_at == services.ctx.now()
    after = snapshot(services)
    # Everything is back, except the inquiry that arrived after the merge stays with the survivor.
    assert after["identities"] == before["identities"]
    assert after["customers"] == before["customers"]
    extra = [i for i in after["inquiries"] if i not in before["inquiries"]]  # type: ignore[attr-defined]
    assert extra == [(later.id, survivor)]
    assert [m for m in after["messages"] if m[1] != later.id] == before["messages"]  # type: ignore[attr-defined]
    with pytest.raises(MergeRefused, match="undone already"):
        merging.unmerge(view.id)
    assert [m.id for m in merging.merges(merged)] == [view.id]


def test_refusals_change_nothing(services: Services) -> None:
    a = customer(services, "Anna", IdentityKind.EMAIL, "anna@a.dk")
    b = customer(services, "Anna B", IdentityKind.EMAIL, "anna@b.dk")
    c = customer(services, "Anna C", IdentityKind.EMAIL, "anna@c.dk")
    merging = CustomerMergeService(services.ctx)
    with pytest.raises(MergeRefused, match="into itself"):
        merging.merge(a, a)
    with pytest.raises(NotFound):
        merging.merge(a, 999)
    first = merging.merge(b, a)  # a -> b
    with pytest.raises(MergeRefused, match="already merged into customer"):
        merging.merge(c, a)
    second = merging.merge(c, b)  # b (holding a's things) -> c
    before = snapshot(services)
    with pytest.raises(MergeRefused, match="undo that first"):
        merging.unmerge(first.id)
    assert snapshot(services) == before
    merging.unmerge(second.id)
    # An identity of a's moved on by hand to c: a's merge can no longer be undone exactly.
    # no use case moves an identity between customers: this is the out-of-band change refused
    with services.ctx.db.session() as session:
        moved = session.exec(select(IdentityRow).where(IdentityRow.value == "anna@a.dk")).one()
        moved.customer_id = c
    before = snapshot(services)
    with pytest.raises(MergeRefused, match="now belongs to customer"):
        merging.unmerge(first.id)
    assert snapshot(services) == before
    with pytest.raises(NotFound):
        merging.unmerge(12345)


def test_deleted_merged_customer_takes_its_merge_along(services: Services) -> None:
    a = customer(services, "Per", IdentityKind.EMAIL, "per@a.dk")
    b = customer(services, "Per Lund", IdentityKind.EMAIL, "per@b.dk")
    merging = CustomerMergeService(services.ctx)
    view = merging.merge(a, b)
    # the row deleted under the service: the foreign key must take the merge record along
    with services.ctx.db.session() as session:
        row = session.get(CustomerRow, b)
        session.delete(row)
    with pytest.raises(NotFound):
        merging.unmerge(view.id)
    assert {i.customer.id for i in every_inquiry(services)} == {a}
