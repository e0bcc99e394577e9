"""Templates and remedies as the founder uses them, through the composed app
(``Services.open``): own templates over the built-ins, rename and language moves, fallbacks,
rendering for a case; remedies summed per case and week, removed, refused, and counted when
the customer writes again. Split from test_inquiry_actions_behaviour.py (same fixtures)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from soloservice.domain.remedies import RemedyKind
from soloservice.domain.templates import Template
from soloservice.domain.types import (
    InquiryKind,
    Language,
)
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.services.test_inquiry_actions_behaviour import app, case

__all__ = ["app"]  # the fixture, imported for pytest


# -- templates ------------------------------------------------------------------------------------


def own(
    key: str = "tak", language: Language = Language.DA, body: str = "Tak, {customer.first_name}!"
) -> Template:
    return Template(key=key, name="Tak", language=language, subject="Tak", body=body)


def test_an_own_template_overrides_the_builtin_and_deleting_brings_it_back(app: Services) -> None:
    builtin = app.templates.find("satisfied", Language.DA)
    assert builtin.builtin
    app.templates.save(own("satisfied", body="Min egen tekst"))
    assert app.templates.find("satisfied", Language.DA).body == "Min egen tekst"
    keys = [(i.template.key, i.template.language) for i in app.templates.all()]
    assert keys.count(("satisfied", Language.DA)) == 1
    assert app.templates.delete("satisfied", Language.DA) is True
    assert app.templates.find("satisfied", Language.DA).body == builtin.body
    assert app.templates.delete("satisfied", Language.DA) is False


def test_rename_saves_the_new_and_drops_the_old_at_once(app: Services) -> None:
    app.templates.save(own("tak"))
    app.templates.save(own("tusind-tak"), replacing=("tak", Language.DA))
    keys = {(i.template.key, i.template.language) for i in app.templates.all(Language.DA)}
    assert ("tusind-tak", Language.DA) in keys and ("tak", Language.DA) not in keys


def test_changing_the_language_moves_the_template(app: Services) -> None:
    app.templates.save(own("tak", Language.DA))
    app.templates.save(own("tak", Language.NB), replacing=("tak", Language.DA))
    assert [i.template.key for i in app.templates.all(Language.DA) if i.template.key == "tak"] == []
    assert app.templates.find("tak", Language.NB).language is Language.NB


def test_a_template_missing_in_a_language_falls_back_to_english_then_any(app: Services) -> None:
    app.templates.save(own("kun-dansk", Language.DA))
    assert app.templates.find("kun-dansk", Language.NB).language is Language.DA
    app.templates.save(own("kun-dansk", Language.EN, body="Thanks"))
    assert app.templates.find("kun-dansk", Language.NB).language is Language.EN
    with pytest.raises(NotFound):
        app.templates.find("findes-ikke", Language.DA)


def test_a_failed_rename_keeps_the_old_template(app: Services) -> None:
    app.templates.save(own("tak"))
    with pytest.raises(InvalidInput):
        app.templates.save(
            own("nyt", body="Hej {no.such.placeholder}"), replacing=("tak", Language.DA)
        )
    assert app.templates.find("tak", Language.DA).body == "Tak, {customer.first_name}!"


@pytest.mark.parametrize(("key", "name"), [("", "Navn"), ("  ", "Navn"), ("k", ""), ("k", "  ")])
def test_a_template_needs_a_key_and_a_name(app: Services, key: str, name: str) -> None:
    with pytest.raises(InvalidInput, match="key and a name"):
        app.templates.save(Template(key=key, name=name, language=Language.DA, subject="", body="x"))


def test_rendering_for_a_case_fills_the_customers_first_name(app: Services) -> None:
    inquiry = case(app)
    app.templates.save(own())
    rendered = app.templates.render_for("tak", inquiry)
    assert rendered.body == "Tak, Mette!"


# -- remedies -------------------------------------------------------------------------------------


def test_remedies_sum_per_case_and_per_week(app: Services, clock: FixedClock) -> None:
    inquiry = case(app, kind=InquiryKind.COMPLAINT)
    app.remedies.add(inquiry, RemedyKind.EXPRESS_SHIPPING, 200.0)
    app.remedies.add(inquiry, "gift", 150.5, note="chokolade")
    summary = app.remedies.summary_for(inquiry)
    assert summary.total_cost == pytest.approx(350.5)
    assert [r.kind for r in summary.remedies] == [RemedyKind.EXPRESS_SHIPPING, RemedyKind.GIFT]
    week = app.remedies.week_summary(clock.now - timedelta(days=1), clock.now + timedelta(days=1))
    assert week.total_cost == pytest.approx(350.5) and week.customers == 1
    assert week.count_per_kind[RemedyKind.GIFT] == 1


def test_a_removed_remedy_no_longer_counts(app: Services, clock: FixedClock) -> None:
    inquiry = case(app, kind=InquiryKind.COMPLAINT)
    remedy = app.remedies.add(inquiry, RemedyKind.REFUND_FULL, 999.0)
    app.remedies.remove(remedy.id)
    assert app.remedies.list(inquiry) == []
    with pytest.raises(NotFound):
        app.remedies.remove(remedy.id)


@pytest.mark.parametrize("cost", [-1.0, float("nan"), float("inf"), float("-inf")])
def test_a_remedy_cost_must_be_a_finite_amount(app: Services, cost: float) -> None:
    inquiry = case(app, kind=InquiryKind.COMPLAINT)
    with pytest.raises(InvalidInput):
        app.remedies.add(inquiry, RemedyKind.GIFT, cost)
    assert app.remedies.list(inquiry) == []


def test_a_customer_writing_again_after_a_remedy_is_counted(
    app: Services, clock: FixedClock
) -> None:
    inquiry = case(app, kind=InquiryKind.COMPLAINT)
    app.remedies.add(inquiry, RemedyKind.APOLOGY_CALL, 0.0)
    start = clock.now - timedelta(hours=1)
    clock.advance(days=2)
    case(app, text="Tak for sidst, nu vil jeg bestille igen")
    week = app.remedies.week_summary(start, clock.now + timedelta(hours=1))
    assert week.wrote_again == 1
