"""The domain rules end to end: the composed app (``Services.open`` on a real data dir, mail
imported as .eml files, the CLI in-process) must apply exactly what the domain computes.

One test or property per area of tests/properties/test_domain_*.py: promises and their
wording in the acknowledgement, answer reading and the closed loop, template rendering,
identities, complaint detection, backups and the CLI's explanation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soloservice.domain.followup import FollowupSettings, schedule_check
from soloservice.domain.promise import due_at
from soloservice.domain.types import (
    CallOutcome,
    Channel,
    IdentityKind,
    Language,
)
from soloservice.domain.wording import format_promise
from soloservice.services.context import calendar_from
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.composed import (
    CPH,
    FRIDAY_BEFORE_WHIT_MONDAY,
    clock_of,
    only_inquiry,
    open_copy,
)
from tests.helpers.eml import eml, import_mail
from tests.helpers.factories import add_account, email_inquiry, make_call, make_inquiry, resolve
from tests.helpers.surveys import asked_followup

OSLO = ZoneInfo("Europe/Oslo")


def _to_norway(services: Services) -> None:
    services.settings.save(
        dataclasses.replace(
            services.settings.current(),
            timezone="Europe/Oslo",
            holiday_country="NO",
            phone_region="NO",
        )
    )


# -- promises and the acknowledgement -----------------------------------------------------------


def test_a_mail_friday_1655_before_whit_monday_is_promised_tuesday_in_the_ack(
    app: Services, tmp_path: Path
) -> None:
    clock_of(app).set(FRIDAY_BEFORE_WHIT_MONDAY.astimezone(UTC))
    raw = eml(
        1,
        when=FRIDAY_BEFORE_WHIT_MONDAY,
        sender="Mette Hansen <mette@example.dk>",
        subject="Hvornår kommer min ordre?",
        body="Hej, hvornår sender I min ordre?",
    )
    import_mail(app, tmp_path / "in", raw, "friday")
    detail = app.inquiries.get(only_inquiry(app))
    expected = due_at(detail.received_at, Channel.EMAIL, calendar_from(app.settings.current()))
    assert detail.due_at == expected
    # 5 minutes on Friday, the weekend and Whit Monday skipped, 7h55m on Tuesday
    assert expected.astimezone(CPH) == datetime(2026, 5, 26, 16, 55, tzinfo=CPH)
    draft = app.promises.draft_acknowledgement(detail.id)
    assert draft.due_at == expected and not draft.fresh_promise
    assert "tirsdag den 26. maj kl. 16.55" in draft.body
    explanation = app.promises.explain(detail.id).text()
    assert "skipped: weekend" in explanation
    assert "skipped: Anden pinsedag" in explanation


def test_a_norwegian_customer_before_constitution_day_hears_it_in_bokmal(
    app: Services, tmp_path: Path
) -> None:
    """Monday 17 May 2027 is Grunnlovsdag and Whit Monday at once in Norway."""
    _to_norway(app)
    friday = datetime(2027, 5, 14, 16, 55, tzinfo=OSLO)
    clock_of(app).set(friday.astimezone(UTC))
    raw = eml(
        2,
        when=friday,
        sender="Ola Nordmann <ola@firma.no>",
        subject="Bestilling",
        body="Hei! Når kommer bestillingen min? Hilsen Ola",
    )
    import_mail(app, tmp_path / "in", raw, "ola")
    detail = app.inquiries.get(only_inquiry(app))
    assert detail.customer.language is Language.NB
    assert detail.due_at is not None
    assert detail.due_at.astimezone(OSLO) == datetime(2027, 5, 18, 16, 55, tzinfo=OSLO)
    draft = app.promises.draft_acknowledgement(detail.id)
    assert "tirsdag 18. mai kl. 16.55" in draft.body
    assert format_promise(detail.due_at, Language.NB, "Europe/Oslo") in draft.body


@pytest.fixture(scope="module")
def shared_app(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[Services]:
    folder = tmp_path_factory.mktemp("composed")
    services = open_copy(migrated_template, folder, datetime(2026, 1, 1, tzinfo=UTC))
    yield services
    services.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(CPH)
    ),
    st.sampled_from([Channel.EMAIL, Channel.FORM, Channel.PHONE, Channel.FACEBOOK]),
)
def test_every_stored_due_time_is_the_domains(
    shared_app: Services, received: datetime, channel: Channel
) -> None:
    clock_of(shared_app).set(received.astimezone(UTC) + timedelta(minutes=1))
    detail = make_inquiry(
        shared_app, channel=channel, email="kunde@example.dk", received_at=received.astimezone(UTC)
    )
    calendar = calendar_from(shared_app.settings.current())
    assert detail.due_at == due_at(detail.received_at, channel, calendar)
    assert detail.due_at is not None and detail.due_at >= detail.received_at


# -- answers and the closed loop ------------------------------------------------------------


def _asked(services: Services, clock: FixedClock) -> tuple[int, str, int]:
    """An email complaint resolved and its check mailed: (inquiry, check Message-ID, survey)."""
    add_account(services)
    inquiry_id, survey = asked_followup(services, clock)
    assert survey.message_id is not None
    return inquiry_id, survey.message_id, survey.id


def _answer(services: Services, folder: Path, parent: str, body: str, when: datetime) -> None:
    raw = eml(
        90,
        when=when,
        sender="Mette Hansen <mette@example.dk>",
        subject="Re: Er du tilfreds?",
        body=body,
        in_reply_to=parent,
    )
    import_mail(services, folder, raw, "answer")


QUOTED_CHECK = (
    "\n\nDen fre. 27. nov. 2026 kl. 10.00 skrev Butikken <hej@butik.dk>:\n"
    "> Er du tilfreds med løsningen? Svar ja eller nej.\n> 0 til 10?\n"
)


def test_an_unhappy_mailed_answer_reopens_with_a_24_hour_call_back(
    app: Services, tmp_path: Path
) -> None:
    clock = clock_of(app)
    inquiry_id, parent, survey_id = _asked(app, clock)
    answered = clock.advance(hours=7)  # Friday 27 November, 18:00 in Copenhagen
    assert answered.astimezone(CPH).strftime("%a %H:%M") == "Fri 18:00"
    _answer(app, tmp_path / "a", parent, "Nej, jeg er ikke tilfreds. 3" + QUOTED_CHECK, answered)
    survey = app.surveys.get(survey_id)
    assert (survey.satisfied, survey.score) == (False, 3)
    assert survey.comment == "Nej, jeg er ikke tilfreds. 3"  # the quoted check is not hers
    detail = app.inquiries.get(inquiry_id)
    assert detail.status.is_open
    assert survey.answered_at is not None and detail.due_at is not None
    # 24 wall-clock hours, the weekend included: Saturday 18:00, not Monday
    assert detail.due_at == survey.answered_at + timedelta(hours=24)
    assert detail.due_at.astimezone(CPH).strftime("%a %H:%M") == "Sat 18:00"


def test_a_happy_quoted_answer_closes_the_case(app: Services, tmp_path: Path) -> None:
    clock = clock_of(app)
    inquiry_id, parent, survey_id = _asked(app, clock)
    _answer(app, tmp_path / "a", parent, "Ja tak, 9/10" + QUOTED_CHECK, clock.advance(hours=1))
    survey = app.surveys.get(survey_id)
    assert (survey.satisfied, survey.score) == (True, 9)
    assert not app.inquiries.get(inquiry_id).status.is_open


def test_a_mailed_no_with_a_passive_score_reopens_the_case(app: Services, tmp_path: Path) -> None:
    clock = clock_of(app)
    inquiry_id, parent, survey_id = _asked(app, clock)
    _answer(app, tmp_path / "a", parent, "No. 8/10", clock.advance(hours=1))
    assert app.surveys.get(survey_id).satisfied is False
    assert app.inquiries.get(inquiry_id).status.is_open


def test_the_check_is_scheduled_when_the_domain_says(app: Services) -> None:
    """Resolved Friday 22 May 2026 15:00: three days later is Monday, Whit Monday: Tuesday."""
    clock = clock_of(app)
    clock.set(datetime(2026, 5, 20, 8, 0, tzinfo=UTC))
    inquiry_id = email_inquiry(app)
    resolved_at = datetime(2026, 5, 22, 15, 0, tzinfo=CPH)
    clock.set(resolved_at.astimezone(UTC))
    survey = resolve(app, inquiry_id)
    calendar = calendar_from(app.settings.current())
    expected = schedule_check(resolved_at, calendar, FollowupSettings(delay_days=3))
    assert survey.scheduled_for == expected
    assert expected.astimezone(CPH) == datetime(2026, 5, 26, 9, 0, tzinfo=CPH)


def test_the_rest_period_skips_a_second_check_on_another_channel(app: Services) -> None:
    clock = clock_of(app)
    inquiry_id, _parent, survey_id = _asked(app, clock)
    app.surveys.record_answer(survey_id, satisfied=True, score=9)
    mette = app.inquiries.get(inquiry_id).customer
    app.customers.add_identity(mette.id, IdentityKind.PHONE, "20 12 34 56")
    clock.advance(days=10)
    call = make_call(
        app, phone="+45 20 12 34 56", name="Mette Hansen", outcome=CallOutcome.CALLBACK
    )
    assert call.customer.id == mette.id  # the same person, by another spelling of her number
    skipped = resolve(app, call.id)
    assert skipped.status == "skipped"
    assert "180-day rest period" in skipped.skip_reason
