"""Remedies: recorded per case, their cost against the customer's worth, the weekly sums."""

from __future__ import annotations

from datetime import timedelta

import pytest

from soloservice.domain.remedies import RemedyKind
from soloservice.domain.types import Channel
from soloservice.services.customer_changes import CustomerChanges
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.followups import SurveyService
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.services.remedies import RemedyService
from tests.helpers.clock import FixedClock
from tests.helpers.factories import email_inquiry, resolve


def test_add_list_remove_and_cost_next_to_lifetime_value(services: Services) -> None:
    inquiry_id = email_inquiry(services)
    customer_id = services.inquiries.get(inquiry_id).customer.id
    services.customers.update(customer_id, CustomerChanges(annual_value=20_000.0))
    remedies = RemedyService(services.ctx)
    first = remedies.add(inquiry_id, "express-shipping", 150, "Sendt med GLS Express")
    remedies.add(inquiry_id, RemedyKind.GIFT, 100.0, "Æske chokolade")
    remedies.add(inquiry_id, "apology call", 0)
    listed = remedies.list(inquiry_id)
    assert [r.kind for r in listed] == [
        RemedyKind.EXPRESS_SHIPPING,
        RemedyKind.GIFT,
        RemedyKind.APOLOGY_CALL,
    ]
    assert listed[0].label == "express shipping" and listed[0].note == "Sendt med GLS Express"
    summary = remedies.summary_for(inquiry_id)
    assert summary.total_cost == 250.0 and summary.lifetime_value == 100_000.0
    assert summary.text == "remedy 250 kr — customer worth 100.000 kr"
    remedies.remove(first.id)
    assert remedies.summary_for(inquiry_id).text == "remedy 100 kr — customer worth 100.000 kr"
    with pytest.raises(NotFound):
        remedies.remove(first.id)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r, i: r.add(i, "bribe", 10), "unknown remedy kind 'bribe'"),
        (lambda r, i: r.add(i, "gift", -5), "cannot be negative"),
        (lambda r, i: r.add(999, "gift", 5), "no inquiry with id 999"),
        (lambda r, i: r.list(999), "no inquiry with id 999"),
    ],
)
def test_bad_remedies_are_refused(services: Services, call: object, message: str) -> None:
    inquiry_id = email_inquiry(services)
    remedies = RemedyService(services.ctx)
    with pytest.raises((InvalidInput, NotFound), match=message):
        call(remedies, inquiry_id)  # type: ignore[operator]
    assert remedies.list(inquiry_id) == []


def test_week_summary_costs_per_kind_satisfaction_and_who_wrote_again(
    services: Services, clock: FixedClock
) -> None:
    start = clock.now
    remedies = RemedyService(services.ctx)
    happy = email_inquiry(services)
    unhappy = email_inquiry(services, name="Per", email="per@example.dk", message_id=None)
    remedies.add(happy, "refund_partial", 200)
    remedies.add(happy, "gift", 50)
    remedies.add(unhappy, "replacement", 400)
    # a remedy from the week before is not counted
    remedies.add(unhappy, "gift", 75, at=start - timedelta(days=8))
    clock.advance(hours=2)
    surveys = SurveyService(services.ctx)
    surveys.record_answer(resolve(services, happy).id, satisfied=True, score=9)
    surveys.record_answer(resolve(services, unhappy).id, satisfied=False)
    clock.advance(days=2)
    # Mette writes again with a new question after her remedy; Per does not
    services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(customer_id=services.inquiries.get(happy).customer.id),
            channel=Channel.EMAIL,
            subject="Nyt spørgsmål",
            text="Har I den i blå?",
        )
    )
    week = remedies.week_summary(start, start + timedelta(days=7))
    assert week.total_cost == 650.0
    assert week.cost_per_kind == {
        RemedyKind.REPLACEMENT: 400.0,
        RemedyKind.REFUND_PARTIAL: 200.0,
        RemedyKind.GIFT: 50.0,
    }
    assert week.count_per_kind[RemedyKind.GIFT] == 1
    assert week.customers == 2
    assert (week.followup_answers, week.followup_satisfied, week.satisfied_rate) == (2, 1, 50.0)
    assert week.wrote_again == 1
    assert week.wrote_again_ids == (services.inquiries.get(happy).customer.id,)
    empty = remedies.week_summary(start + timedelta(days=7), start + timedelta(days=14))
    assert empty.total_cost == 0 and empty.satisfied_rate is None and empty.customers == 0
