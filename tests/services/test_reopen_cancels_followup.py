"""Opening a case again calls off its "are you satisfied?" check (issue 11, item 9).

Through ``Services.open``: the hook that cancels the check is wired by the composition root
(``ctx.on_reopened``), so a test that wired it by hand would prove nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from soloservice.domain.types import Status
from soloservice.services.registry import Services
from tests.helpers.factories import make_inquiry


@pytest.fixture
def app(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


def test_undoing_a_resolve_cancels_its_check_at_once(app: Services) -> None:
    inquiry = make_inquiry(app, email="undo@example.dk")
    change = app.inquiries.set_status(inquiry.id, Status.RESOLVED)
    (survey,) = app.surveys.for_inquiry(inquiry.id)
    assert survey.status == "scheduled"

    app.inquiries.undo_status(change)

    (survey,) = app.surveys.for_inquiry(inquiry.id)
    assert (survey.status, survey.skip_reason) == ("skipped", "the case is open again")
    assert survey.scheduled_for is not None
    later = survey.scheduled_for + timedelta(days=1)
    assert app.surveys.due(later) == [], "nothing to ask in person or by mail"
    assert app.surveys.list(status="scheduled") == []


def test_a_cancelled_check_does_not_hold_the_rest_period(app: Services) -> None:
    """The customer can be asked about another case; the undone one no longer counts."""
    first = make_inquiry(app, email="rest@example.dk", subject="Første sag")
    change = app.inquiries.set_status(first.id, Status.RESOLVED)
    app.inquiries.undo_status(change)
    second = make_inquiry(app, email="rest@example.dk", subject="Anden sag")
    app.inquiries.set_status(second.id, Status.RESOLVED)
    (survey,) = app.surveys.for_inquiry(second.id)
    assert survey.status == "scheduled", survey.skip_reason


def test_reopening_by_hand_cancels_and_resolving_again_reschedules(app: Services) -> None:
    inquiry = make_inquiry(app, email="again@example.dk")
    app.inquiries.set_status(inquiry.id, Status.RESOLVED)
    app.inquiries.set_status(inquiry.id, Status.OPEN)
    (survey,) = app.surveys.for_inquiry(inquiry.id)
    assert survey.status == "skipped"

    app.inquiries.set_status(inquiry.id, Status.RESOLVED)
    (again,) = app.surveys.for_inquiry(inquiry.id)
    assert again.id == survey.id and again.status == "scheduled" and again.skip_reason == ""


def test_reopening_a_closed_case_to_waiting_cancels_too(app: Services) -> None:
    inquiry = make_inquiry(app, email="closed@example.dk")
    app.inquiries.set_status(inquiry.id, Status.RESOLVED)
    app.inquiries.set_status(inquiry.id, Status.CLOSED)
    assert app.surveys.for_inquiry(inquiry.id)[0].status == "scheduled"
    app.inquiries.set_status(inquiry.id, Status.WAITING)
    assert app.surveys.for_inquiry(inquiry.id)[0].status == "skipped"


def test_a_check_already_asked_is_kept_when_the_case_reopens(app: Services) -> None:
    inquiry = make_inquiry(app, email="asked@example.dk")
    app.inquiries.set_status(inquiry.id, Status.RESOLVED)
    (survey,) = app.surveys.for_inquiry(inquiry.id)
    # Asked in person on the phone: an answer is recorded, the question is out.
    app.surveys.record_answer(survey.id, satisfied=True)
    app.inquiries.set_status(inquiry.id, Status.OPEN)
    (kept,) = app.surveys.for_inquiry(inquiry.id)
    assert kept.status == "answered" and kept.satisfied is True
