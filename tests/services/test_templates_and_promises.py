from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from soloservice.domain.templates import Template
from soloservice.domain.types import Channel, Direction, InquiryKind, Language, Status
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry


def test_builtins_are_listed_in_every_language(services: Services) -> None:
    keys = {(i.template.key, i.template.language) for i in services.templates.all()}
    for language in Language:
        assert ("ack", language) in keys
        assert ("satisfied", language) in keys


def test_own_template_overrides_builtin_and_delete_restores_it(services: Services) -> None:
    builtin = services.templates.find("ack", Language.DA)
    mine = dataclasses.replace(builtin, body="Hej {customer.first_name|}, tak! {promise.due}")
    services.templates.save(mine)
    assert services.templates.find("ack", Language.DA).body.startswith("Hej {customer")
    info = next(i for i in services.templates.all(Language.DA) if i.template.key == "ack")
    assert info.overrides_builtin
    assert services.templates.delete("ack", Language.DA)
    assert services.templates.find("ack", Language.DA).body == builtin.body


def test_unknown_placeholder_is_refused_on_save(services: Services) -> None:
    bad = Template(
        key="mine", name="Mine", language=Language.EN, subject="Hi", body="Hi {customer.nmae}"
    )
    with pytest.raises(InvalidInput, match=r"customer\.nmae"):
        services.templates.save(bad)
    with pytest.raises(NotFound):
        services.templates.find("mine", Language.EN)


def test_render_for_an_inquiry_in_the_customers_language(services: Services) -> None:
    services.ctx.update_settings(
        dataclasses.replace(
            services.ctx.settings, founder_name="Sofie Holm", business_name="Holm Keramik"
        )
    )
    inquiry = make_inquiry(services, name="Mette Hansen")
    rendered = services.templates.render_for("ack", inquiry.id)
    assert "Hej Mette" in rendered.body
    assert "Sofie" in rendered.body
    assert f"[#{inquiry.id}]" in rendered.subject
    # Tuesday 10:00 + 8 business hours -> Wednesday 25 November 10.00.
    assert "onsdag den 25. november kl. 10.00" in rendered.body
    assert rendered.empty == ()


def test_explain_counts_business_hours_and_skips_closed_days(
    services: Services, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 12, 23, 15, 0, tzinfo=UTC))  # Wed 23 Dec 16:00 local
    inquiry = make_inquiry(services)
    text = services.promises.explain(inquiry.id).text()
    assert "Juleaftensdag" in text or "24 Dec" in text
    assert inquiry.due_at is not None
    assert inquiry.due_at.astimezone(UTC).date() == datetime(2026, 12, 28).date()


def test_acknowledgement_states_the_promise_and_does_not_keep_it(services: Services) -> None:
    inquiry = make_inquiry(services, name="Ola Nordmann", kind=InquiryKind.COMPLAINT)
    draft = services.promises.draft_acknowledgement(inquiry.id)
    assert "onsdag den 25. november kl. 10.00" in draft.body
    detail = services.promises.record_acknowledgement(inquiry.id, draft.body)
    ack = detail.messages[-1]
    assert ack.direction is Direction.OUT and ack.is_ack
    assert detail.ack_sent_at is not None
    assert detail.first_response_at is None, "an acknowledgement does not keep the promise"
    assert detail.status is Status.OPEN


def test_due_within_the_hour(services: Services, clock: FixedClock) -> None:
    soon = make_inquiry(services, channel=Channel.PHONE, email="a@x.dk")  # due 14:00 local
    make_inquiry(services, email="b@x.dk")  # due tomorrow
    clock.advance(hours=3, minutes=30)
    assert [d.id for d in services.promises.due_within(timedelta(hours=1))] == [soon.id]
    clock.advance(hours=1)
    assert services.promises.due_within(timedelta(hours=1)) == []
