"""The monthly NPS pulse through the composed app: who is asked, the shared rest period, the
closed loop a detractor sets off, and the report's NPS against a reference computed here."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain.types import Channel, IdentityKind, InquiryKind, Language, Status
from soloservice.services.customer_changes import CustomerChanges
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import NotFound, ServiceError
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.services.survey_dto import SurveyView
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account
from tests.properties.conftest import PROPERTIES

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=CPH)


def open_app(template: Path, clock: FixedClock, folder: Path | None = None) -> Services:
    folder = folder or Path(tempfile.mkdtemp(prefix="pulse-", dir=template.parent))
    shutil.copyfile(template, folder / "soloservice.sqlite3")
    services = Services.open(folder)
    services.ctx.clock = clock
    return services


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def app(data_dir: Path, clock: FixedClock, migrated_template: Path) -> Iterator[Services]:
    services = open_app(migrated_template, clock, data_dir)
    yield services
    services.close()


def customer(
    app: Services, index: int, *, kind: InquiryKind = InquiryKind.QUESTION, resolve: bool = True
) -> int:
    detail = app.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name=f"Kunde {index}",
                identity_kind=IdentityKind.EMAIL,
                identity_value=f"kunde{index}@example.dk",
            ),
            channel=Channel.EMAIL,
            subject="Spørgsmål",
            text="Hej",
            kind=kind,
        )
    )
    if resolve:  # resolved with the follow-up unticked: no follow-up check in the way
        app.inquiries.set_status(detail.id, Status.RESOLVED)
        app.surveys.set_skip(detail.id, True)
    return detail.customer.id


def outbox_count(app: Services) -> int:
    return len(app.outbox.pending())


def surveys(app: Services) -> list[SurveyView]:
    """The pulse questions asked (the unticked follow-up checks of ``customer`` aside)."""
    return list(app.pulse.list())


# -- who is asked --------------------------------------------------------------------------------


def test_the_proposal_is_the_monthly_quota_of_eligible_customers(app: Services) -> None:
    app.ctx.update_settings(app.ctx.settings.__class__(pulse_per_month=3))
    ids = [customer(app, i) for i in range(6)]
    proposal = app.pulse.propose()
    assert len(proposal) == 3
    assert {p.customer_id for p in proposal} <= set(ids)
    assert all(p.email.endswith("@example.dk") for p in proposal)


def test_an_open_complaint_an_opt_out_and_a_spam_sender_are_never_proposed(
    app: Services,
) -> None:
    fine = customer(app, 1)
    complaining = customer(app, 2, kind=InquiryKind.COMPLAINT, resolve=False)
    opted = customer(app, 3)
    spam = customer(app, 4)
    app.customers.set_opted_out(opted)
    app.senders.set_verdict(spam, "spam")
    proposed = {p.customer_id for p in app.pulse.propose()}
    assert proposed == {fine}
    assert complaining not in proposed


def test_asking_spends_the_quota_and_the_rest_period(app: Services, clock: FixedClock) -> None:
    add_account(app)
    app.ctx.update_settings(app.ctx.settings.__class__(pulse_per_month=2))
    for i in range(4):
        customer(app, i)
    first = app.pulse.send()
    assert first.queued == 2 and outbox_count(app) == 2
    assert len(app.pulse.propose()) == 0  # this month's quota is spent
    asked = set(s.customer_id for s in surveys(app))
    clock.set(datetime(2026, 12, 2, 10, 0, tzinfo=CPH))  # next month: a fresh quota...
    proposed = {p.customer_id for p in app.pulse.propose()}
    assert proposed and proposed.isdisjoint(asked)  # ...but not the ones just asked
    again = app.pulse.send(customer_ids=sorted(asked))
    assert again.queued == 0 and again.skipped == 2
    assert all("rest period" in reason for reason in again.skip_reasons)


def test_a_follow_up_check_holds_the_pulse_off_too(app: Services) -> None:
    add_account(app)
    detail = app.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Mette", identity_kind=IdentityKind.EMAIL, identity_value="mette@example.dk"
            ),
            channel=Channel.EMAIL,
            subject="Pakken",
            text="Hvor er den?",
            kind=InquiryKind.QUESTION,
        )
    )
    app.inquiries.set_status(detail.id, Status.RESOLVED)  # schedules the follow-up check
    assert detail.customer.id not in {p.customer_id for p in app.pulse.propose()}
    summary = app.pulse.send(customer_ids=[detail.customer.id])
    assert summary.queued == 0 and "rest period" in summary.skip_reasons[0]


def test_sending_without_an_account_or_to_a_stranger_stores_nothing(app: Services) -> None:
    known = customer(app, 1)
    with pytest.raises(ServiceError):
        app.pulse.send(customer_ids=[known])
    add_account(app)
    with pytest.raises(NotFound):
        app.pulse.send(customer_ids=[known, 987654])
    assert surveys(app) == [] and outbox_count(app) == 0


def test_the_question_goes_to_the_customers_newest_address_in_their_language(
    app: Services,
) -> None:
    add_account(app)
    cid = customer(app, 1)
    app.customers.update(cid, CustomerChanges(language=Language.NB))
    summary = app.pulse.send(customer_ids=[cid])
    assert summary.queued == 1
    (item,) = app.outbox.pending()
    assert item.to_addr == "kunde1@example.dk"
    assert item.subject == "Et kort spørsmål fra oss"  # bokmål, no business name set
    assert item.body.startswith("Hei Kunde\n")


def test_the_founders_own_pulse_template_wins_over_the_builtin(app: Services) -> None:
    from soloservice.domain.templates import Template

    add_account(app)
    cid = customer(app, 1)
    app.templates.save(
        Template(key="pulse", name="Min puls", language=Language.DA, subject="Hvordan gik det?",
                 body="Hej {customer.first_name}, giv os 0-10")
    )  # fmt: skip
    app.pulse.send(customer_ids=[cid])
    (item,) = app.outbox.pending()
    assert (item.subject, item.body.rstrip("\n")) == ("Hvordan gik det?", "Hej Kunde, giv os 0-10")


# -- answers and the report ----------------------------------------------------------------------


@pytest.mark.parametrize("score", range(11))
def test_a_pulse_answer_follows_the_closed_loop(
    app: Services, clock: FixedClock, score: int
) -> None:
    add_account(app)
    cid = customer(app, 1)
    (survey_id,) = app.pulse.send(customer_ids=[cid]).survey_ids
    clock.advance(hours=5)
    result = app.surveys.record_answer(survey_id, satisfied=None, score=score, comment="Hmm")
    if score <= 6:
        assert result.closed_loop_inquiry_id is not None
        case = app.inquiries.get(result.closed_loop_inquiry_id)
        assert case.kind is InquiryKind.COMPLAINT and "nps-pulse" in case.tags
        assert case.closed_loop is True and case.customer.id == cid
        assert case.due_at == clock.now + timedelta(hours=24)
        assert case.at_risk_public is (score <= 4)
    else:
        assert result.closed_loop_inquiry_id is None
    assert app.pulse.list("answered")[0].score == score


month_answers = st.lists(
    st.tuples(st.integers(0, 10), st.integers(0, 2)),  # (score, months ago)
    min_size=0,
    max_size=8,
)


@pytest.fixture(scope="module")
def template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pulse-template") / "soloservice.sqlite3"
    shutil.copyfile(migrated_template, target)
    return target


@settings(PROPERTIES, max_examples=15)
@given(answers=month_answers)
def test_the_pulse_report_is_nps_per_local_month(
    template: Path, answers: list[tuple[int, int]]
) -> None:
    clock = FixedClock(NOW)
    app = open_app(template, clock)
    try:
        add_account(app)
        app.ctx.update_settings(app.ctx.settings.__class__(rest_period_days=0))
        months = ["2026-09", "2026-10", "2026-11"]
        expected: dict[str, list[int]] = {m: [] for m in months}
        for index, (score, ago) in enumerate(answers):
            clock.set(datetime(2026, 11 - ago, 3, 10, 0, tzinfo=CPH))
            cid = customer(app, index)
            (survey_id,) = app.pulse.send(customer_ids=[cid]).survey_ids
            clock.advance(days=1)
            app.surveys.record_answer(survey_id, satisfied=None, score=score)
            expected[months[2 - ago]].append(score)
        clock.set(NOW)
        report = app.pulse.report(months=3)
    finally:
        app.close()
    assert [m.month for m in report.months] == months
    for figure in report.months:
        scores = expected[figure.month]
        promoters = sum(1 for s in scores if s >= 9)
        detractors = sum(1 for s in scores if s <= 6)
        assert figure.answers == len(scores)
        assert (figure.promoters, figure.detractors) == (promoters, detractors)
        assert figure.passives == len(scores) - promoters - detractors
        if scores:
            assert figure.nps == pytest.approx(100 * (promoters - detractors) / len(scores))
        else:
            assert figure.nps is None
    every = [s for scores in expected.values() for s in scores]
    assert report.answers == len(every) and report.asked == len(every)
    if every:
        p = sum(1 for s in every if s >= 9)
        d = sum(1 for s in every if s <= 6)
        assert report.nps == pytest.approx(100 * (p - d) / len(every))
    else:
        assert report.nps is None


def test_a_report_needs_at_least_one_month(app: Services) -> None:
    from soloservice.services.errors import InvalidInput

    with pytest.raises(InvalidInput):
        app.pulse.report(months=0)
