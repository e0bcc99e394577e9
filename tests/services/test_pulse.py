"""The NPS pulse: who is proposed, the question by mail, answers and the monthly report."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from soloservice.domain.types import Channel, InquiryKind, Language, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import NotFound
from soloservice.services.followups import SurveyService
from soloservice.services.inquiries import NewInquiry
from soloservice.services.pulse import PulseService
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.factories import (
    add_account,
    make_customer,
    make_inquiry,
    make_template,
    pulse_answer,
    resolve,
)
from tests.helpers.mail_env import MailEnv, mail_env
from tests.helpers.surveys import hook, queued_mail, reply_mail, smtp_message, survey_sync

__all__ = ["mail_env"]  # the fixture, imported for pytest


def settings(services: Services, **values: object) -> None:
    services.ctx.update_settings(dataclasses.replace(services.ctx.settings, **values))


def customer(services: Services, name: str, **values: object) -> int:
    return make_customer(services, name, **values).id  # type: ignore[arg-type]


@pytest.fixture
def base(services: Services, clock: FixedClock) -> dict[str, int]:
    """Six customers, only two of whom may be asked this month."""
    now = clock.now
    clock.set(now - timedelta(days=800))  # customers for two years: any answer may be dated
    old_anna = customer(services, "Anna (gammel)", email="anna.old@example.dk")
    ids = {
        "anna": customer(services, "Anna", email="anna@example.dk", annual_value=30_000.0),
        "kari": customer(services, "Kari Nordmann", email="kari@example.no", language=Language.NB),
        "opted": customer(services, "Bo", email="bo@example.dk", opted_out=True),
        "phone": customer(services, "Ole", phone="+4520123456"),
        "asked": customer(services, "Lise", email="lise@example.dk"),
        "complaint": customer(services, "Per", email="per@example.dk"),
    }
    services.customer_merge.merge(ids["anna"], old_anna)
    ids["merged"] = old_anna
    # Lise answered a follow-up check two months ago: within the rest period
    clock.set(now - timedelta(days=60))
    lise = make_inquiry(services, customer_id=ids["asked"], kind=InquiryKind.QUESTION)
    services.surveys.record_answer(resolve(services, lise.id).id, satisfied=True)
    clock.set(now)
    services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(customer_id=ids["complaint"]),
            channel=Channel.EMAIL,
            subject="Forkert vare",
            text="Jeg fik den forkerte farve.",
            kind=InquiryKind.COMPLAINT,
        )
    )
    return ids


def test_proposal_excludes_opt_outs_no_email_rest_period_complaints_and_merged(
    services: Services, base: dict[str, int]
) -> None:
    proposal = PulseService(services.ctx).propose()
    assert {p.customer_id for p in proposal} == {base["anna"], base["kari"]}
    anna = next(p for p in proposal if p.customer_id == base["anna"])
    assert anna.email == "anna@example.dk" and anna.last_asked_at is None
    assert anna.lifetime_value == 150_000.0  # 30,000 a year for the default 5 years


def test_a_closed_complaint_and_an_old_survey_no_longer_exclude(
    services: Services, base: dict[str, int], clock: FixedClock
) -> None:
    (complaint,) = services.customers.card(base["complaint"]).inquiries
    complaint_id = complaint.id
    services.inquiries.set_status(complaint_id, Status.CLOSED)
    clock.advance(days=121)  # Lise's survey is now 181 days old
    proposed = {p.customer_id for p in PulseService(services.ctx).propose()}
    assert proposed == {base["anna"], base["kari"], base["complaint"], base["asked"]}


def test_quota_per_month_and_share_minus_those_asked_already(
    services: Services, base: dict[str, int], clock: FixedClock
) -> None:
    add_account(services)
    pulse = PulseService(services.ctx)
    settings(services, pulse_per_month=1)
    (first,) = pulse.propose()
    summary = pulse.send()
    assert summary.queued == 1 and summary.survey_ids
    assert pulse.propose() == []  # this month's one has been asked
    clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    (second,) = pulse.propose()
    assert second.customer_id != first.customer_id
    # a share of the base: 6 customers (not the merged one), 30 % is 2, but only one may be asked
    settings(services, pulse_share=0.3)
    assert [p.customer_id for p in pulse.propose()] == [second.customer_id]


def test_send_queues_the_question_in_the_customers_language_without_links(
    services: Services, base: dict[str, int]
) -> None:
    add_account(services)
    settings(services, founder_name="Søs", business_name="Butikken")
    pulse = PulseService(services.ctx)
    summary = pulse.send([base["kari"], base["anna"], base["opted"]])
    assert summary.queued == 2 and summary.skipped == 1
    assert "opted out" in summary.skip_reasons[0]
    kari, anna = queued_mail(services)
    assert kari.inquiry_id is None and kari.purpose == "survey" and kari.survey_id
    assert kari.to_addr == "kari@example.no" and kari.in_reply_to is None
    assert kari.subject == "Et kort spørsmål fra Butikken"
    assert kari.body.startswith("Hei Kari\n") and "fra 0 til 10" in kari.body
    assert "anbefale Butikken" in anna.body and anna.body.startswith("Hej Anna\n")
    assert "http" not in kari.body + anna.body  # answered by replying, never by a link
    asked = pulse.list(status="asked")
    assert {s.customer_id for s in asked} == {base["kari"], base["anna"]}
    assert all(s.message_id for s in asked)
    # asked now: the rest period keeps them out of the next proposal
    assert {p.customer_id for p in pulse.propose()} == set()
    with pytest.raises(NotFound, match="no customer with id 999"):
        pulse.send([999])


def test_a_detractor_opens_a_closed_loop_complaint_with_a_24_hour_callback(
    services: Services, base: dict[str, int], clock: FixedClock
) -> None:
    add_account(services)
    pulse = PulseService(services.ctx)
    pulse.send([base["kari"], base["anna"]])
    surveys = {s.customer_id: s for s in pulse.list()}
    kari = surveys[base["kari"]]
    assert kari.message_id is not None
    clock.advance(hours=5)
    answer = (
        "3. Leveringen tok tre uker, og ingen svarte på telefonen.\n\nHilsen Kari\n\n"
        "> Hvor sannsynlig er det at du vil anbefale oss? Svar med et tall fra 0 til 10."
    )
    raw = reply_mail(
        kari.message_id, answer, when=clock.now, sender="Kari Nordmann <kari@example.no>"
    )
    assert hook(services, raw)
    after = SurveyService(services.ctx).get(kari.id)
    assert after.status == "answered" and after.score == 3
    assert after.followup_inquiry_id is not None
    detail = services.inquiries.get(after.followup_inquiry_id)
    assert detail.customer.id == base["kari"]
    assert detail.channel is Channel.EMAIL and detail.kind is InquiryKind.COMPLAINT
    assert detail.closed_loop and detail.at_risk_public
    assert detail.due_at == clock.now + timedelta(hours=24)
    assert detail.subject == "NPS-svar: 3 av 10"
    (first,) = detail.messages
    assert first.text.startswith("3. Leveringen tok tre uker")
    # a promoter opens nothing
    anna = surveys[base["anna"]]
    assert anna.message_id is not None
    anna_mail = "Anna <anna@example.dk>"  # only the customer asked can answer
    raw = reply_mail(anna.message_id, "10!", when=clock.now, n=95, sender=anna_mail)
    assert hook(services, raw)
    assert SurveyService(services.ctx).get(anna.id).followup_inquiry_id is None
    # Anna's promoter reply opens nothing and is stored on no case of hers
    assert services.customers.card(base["anna"]).inquiries == ()
    assert [i.id for i in services.customers.card(base["kari"]).inquiries] == [detail.id]


def test_unclear_pulse_answers_go_to_the_founder(
    services: Services, base: dict[str, int], clock: FixedClock
) -> None:
    add_account(services)
    pulse = PulseService(services.ctx)
    pulse.send([base["anna"]])
    (anna,) = pulse.list()
    assert anna.message_id is not None
    raw = reply_mail(
        anna.message_id, "Mellem 5 og 8 vil jeg tro", when=clock.now, sender="<anna@example.dk>"
    )
    assert hook(services, raw)
    assert SurveyService(services.ctx).get(anna.id).status == "unclear"
    result = SurveyService(services.ctx).classify_unclear(anna.id, satisfied=None, score=5)
    assert result.closed_loop_inquiry_id is not None
    assert services.inquiries.get(result.closed_loop_inquiry_id).closed_loop


def test_monthly_report_is_separate_from_follow_ups_and_counts_answers(
    services: Services, base: dict[str, int], clock: FixedClock
) -> None:
    now = clock.now  # 24 November 2026
    anna, kari = base["anna"], base["kari"]

    add_account(services)
    settings(services, rest_period_days=0)

    def answered(customer_id: int, at: datetime, score: int, kind: str = "pulse") -> None:
        clock.set(at)
        if kind == "pulse":
            survey = pulse_answer(services, customer_id, score=score)
            if survey.followup_inquiry_id is not None:  # a detractor's call-back: done
                services.inquiries.set_status(survey.followup_inquiry_id, Status.CLOSED)
        else:
            case = make_inquiry(services, customer_id=customer_id, kind=InquiryKind.QUESTION)
            check = resolve(services, case.id)
            services.surveys.record_answer(check.id, None, score=score)
            services.inquiries.set_status(case.id, Status.CLOSED)
        clock.set(now)

    answered(anna, datetime(2025, 11, 3, 10, tzinfo=UTC), 0)  # 13 months ago: outside
    answered(anna, datetime(2026, 10, 5, 10, tzinfo=UTC), 10)
    answered(kari, datetime(2026, 10, 6, 10, tzinfo=UTC), 3)
    answered(kari, datetime(2026, 11, 2, 10, tzinfo=UTC), 9)
    answered(anna, datetime(2026, 11, 3, 10, tzinfo=UTC), 2, kind="followup")  # not the pulse
    report = PulseService(services.ctx).report(now)
    assert len(report.months) == 12
    assert report.months[0].month == "2025-12" and report.months[-1].month == "2026-11"
    october, november = report.months[-2], report.months[-1]
    assert (october.answers, october.nps) == (2, 0.0)
    assert (november.answers, november.nps) == (1, 100.0)
    assert report.months[0].nps is None and report.months[0].answers == 0
    assert report.answers == 3 and report.nps == pytest.approx(100 / 3)
    assert PulseService(services.ctx).report(now, months=1).answers == 1


def test_the_founders_own_pulse_template_wins(services: Services, base: dict[str, int]) -> None:
    make_template(
        services, "pulse", name="Min puls", subject="Hej fra os",
        body="Hej {customer.first_name}\n\nGiv os et tal fra 0 til 10.",
    )  # fmt: skip
    add_account(services)
    PulseService(services.ctx).send([base["anna"]])
    (row,) = queued_mail(services)
    assert row.subject == "Hej fra os" and row.body.startswith("Hej Anna\n\nGiv os")
    services.customers.set_opted_out(base["anna"])
    assert PulseService(services.ctx).send([base["anna"]]).queued == 0


@pytest.mark.mailserver
def test_pulse_round_trip_on_real_servers_opens_a_closed_loop_case(mail_env: MailEnv) -> None:
    env = mail_env
    jorgen = customer(env.services, "Jørgen Hansen", email="jorgen@example.dk")
    pulse = PulseService(env.services.ctx)
    assert [p.customer_id for p in pulse.propose()] == [jorgen]
    assert pulse.send().queued == 1
    result = env.outbox.send_pending()
    assert (result.sent, result.failed, result.errors) == (1, 0, ())
    (survey,) = pulse.list()
    msg = smtp_message(env)
    assert msg["Message-ID"] == survey.message_id and msg["In-Reply-To"] is None
    assert msg["To"] == "jorgen@example.dk"
    env.clock.advance(hours=4)
    assert survey.message_id is not None
    env.deliver(
        reply_mail(
            survey.message_id,
            "2 ud af 10. Ingen svarede, da jeg ringede.\n\nMvh Jørgen\n\n"
            "> Hvor sandsynligt er det, at du vil anbefale os? Svar med et tal fra 0 til 10.",
            when=env.clock.now,
            sender="Jørgen Hansen <jorgen@example.dk>",
            subject="Re: Et kort spørgsmål fra os",
        )
    )
    (summary,) = survey_sync(env).sync("shop")
    assert summary.as_json()["survey_answers"] == 1
    (case,) = env.inquiries()
    assert case.customer_id == jorgen and case.kind == "complaint" and case.channel == "email"
    assert case.closed_loop and case.at_risk_public
    assert case.due_at == env.clock.now + timedelta(hours=24)
    (first,) = env.messages(case.id)
    assert first.text.startswith("2 ud af 10. Ingen svarede")
    assert pulse.report().months[-1].answers == 1
