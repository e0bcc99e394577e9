"""Follow-up checks and the closed loop, driven through the composed app (``Services.open``).

Each test states a rule from the domain (rest period, praise is never surveyed, an unhappy
answer owes a call-back within 24 hours, a call-back keeps that promise) and checks it
against the store, not against the code that implements it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.types import (
    Channel,
    IdentityKind,
    InquiryKind,
    Status,
)
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock

CPH = ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def app(data_dir: Path, clock: FixedClock, migrated_template: Path) -> Iterator[Services]:
    """The real composition root over a fresh store, with the test's clock."""
    shutil.copyfile(migrated_template, data_dir / "soloservice.sqlite3")
    services = Services.open(data_dir)
    services.ctx.clock = clock
    yield services
    services.close()


def new_case(
    app: Services,
    *,
    email: str = "mette@example.dk",
    name: str = "Mette Hansen",
    kind: InquiryKind = InquiryKind.COMPLAINT,
    channel: Channel = Channel.EMAIL,
) -> int:
    detail = app.inquiries.create(
        NewInquiry(
            customer=CustomerRef(name=name, identity_kind=IdentityKind.EMAIL, identity_value=email),
            channel=channel,
            subject="Pakken er ikke kommet",
            text="Hej, jeg har ventet på min pakke i 10 dage.",
            kind=kind,
        )
    )
    return detail.id


def resolve(app: Services, inquiry_id: int) -> None:
    app.inquiries.set_status(inquiry_id, Status.RESOLVED)


def the_check(app: Services, inquiry_id: int):  # type: ignore[no-untyped-def]
    checks = [s for s in app.surveys.for_inquiry(inquiry_id) if s.kind == "followup"]
    assert len(checks) == 1, checks
    return checks[0]


# -- scheduling ---------------------------------------------------------------------------------


def test_resolving_schedules_one_check_three_days_later_at_the_same_local_hour(
    app: Services, clock: FixedClock
) -> None:
    case = new_case(app)
    resolve(app, case)
    check = the_check(app, case)
    assert check.status == "scheduled"
    assert check.scheduled_for == clock.now + timedelta(days=3)  # Friday 10:00, an open hour
    assert check.by_mail is True


def test_a_check_falling_on_a_weekend_moves_to_monday_opening(
    app: Services, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 11, 26, 14, 0, tzinfo=CPH))  # Thursday: +3 days is Sunday
    case = new_case(app)
    resolve(app, case)
    check = the_check(app, case)
    assert check.scheduled_for is not None
    local = check.scheduled_for.astimezone(CPH)
    assert local.date() == datetime(2026, 11, 30).date()  # Monday
    assert 9 <= local.hour < 17


def test_resolving_twice_moves_the_check_instead_of_stacking_a_second(
    app: Services, clock: FixedClock
) -> None:
    case = new_case(app)
    resolve(app, case)
    first = the_check(app, case)
    app.inquiries.set_status(case, Status.OPEN)
    assert the_check(app, case).status == "skipped"  # called off while the case is open
    clock.advance(days=7)  # Tuesday again: three days on is an open Friday
    resolve(app, case)
    again = the_check(app, case)
    assert again.id == first.id
    assert again.status == "scheduled"
    assert again.scheduled_for == clock.now + timedelta(days=3)


def test_undoing_a_resolve_cancels_its_check(app: Services) -> None:
    case = new_case(app)
    change = app.inquiries.set_status(case, Status.RESOLVED)
    assert the_check(app, case).status == "scheduled"
    app.inquiries.undo_status(change)
    check = the_check(app, case)
    assert check.status == "skipped"
    assert "open again" in check.skip_reason
    assert app.surveys.due(check.scheduled_for) == []


def test_praise_is_never_surveyed(app: Services) -> None:
    case = new_case(app, kind=InquiryKind.PRAISE)
    resolve(app, case)
    check = the_check(app, case)
    assert check.status == "skipped"
    assert "praise" in check.skip_reason


def test_an_opted_out_customer_is_not_asked_and_ticking_back_asks_again(app: Services) -> None:
    case = new_case(app)
    customer = app.inquiries.get(case).customer.id
    app.customers.set_opted_out(customer)
    resolve(app, case)
    assert "opted out" in the_check(app, case).skip_reason
    app.customers.set_opted_out(customer, False)
    view = app.surveys.set_skip(case, False)
    assert view is not None and view.status == "scheduled"


def test_the_founders_untick_wins_until_ticked_again(app: Services) -> None:
    case = new_case(app)
    resolve(app, case)
    unticked = app.surveys.set_skip(case, True)
    assert unticked is not None and unticked.status == "skipped"
    assert "founder" in unticked.skip_reason
    ticked = app.surveys.set_skip(case, False)
    assert ticked is not None and ticked.status == "scheduled"


# -- the rest period ------------------------------------------------------------------------------


def test_a_second_case_within_the_rest_period_is_skipped_with_the_date_it_ends(
    app: Services, clock: FixedClock
) -> None:
    first = new_case(app)
    resolve(app, first)
    first_check = the_check(app, first)
    clock.advance(days=1)
    second = new_case(app)
    resolve(app, second)
    check = the_check(app, second)
    assert check.status == "skipped"
    assert "rest period" in check.skip_reason
    assert first_check.scheduled_for is not None
    ends = first_check.scheduled_for + timedelta(days=app.ctx.settings.rest_period_days)
    assert f"{ends:%Y-%m-%d}" in check.skip_reason


def test_the_rest_period_is_per_customer(app: Services, clock: FixedClock) -> None:
    resolve(app, new_case(app))
    clock.advance(hours=1)
    other = new_case(app, email="ole@example.no", name="Ole Nordmann")
    resolve(app, other)
    assert the_check(app, other).status == "scheduled"


def _asked_then_new_case_after(app: Services, clock: FixedClock, days: float) -> str:
    """A check answered in person at its time; a second case resolved ``days`` later."""
    first = new_case(app)
    resolve(app, first)
    check = the_check(app, first)
    assert check.scheduled_for is not None
    clock.set(check.scheduled_for)
    app.surveys.record_answer(check.id, satisfied=True)  # asked (in person) now
    clock.set(check.scheduled_for + timedelta(days=days))
    second = new_case(app)
    resolve(app, second)
    view = the_check(app, second)
    return view.status


@pytest.mark.parametrize(
    ("days_after", "status"),
    [(176, "skipped"), (177, "scheduled"), (179, "scheduled"), (180, "scheduled")],
)
def test_the_rest_period_ends_exactly_rest_period_days_after_the_last_question(
    app: Services, clock: FixedClock, days_after: int, status: str
) -> None:
    """Judged when the check is due (three days after resolving), not when resolving: a case
    resolved on day 176 would be asked on day 179, inside the 180 days; on day 177, on 180."""
    assert _asked_then_new_case_after(app, clock, days_after) == status


def test_a_check_made_after_the_rest_period_ends_is_not_skipped(
    app: Services, clock: FixedClock
) -> None:
    assert _asked_then_new_case_after(app, clock, 177) == "scheduled"


def test_a_skipped_check_does_not_hold_the_rest_period(app: Services, clock: FixedClock) -> None:
    praise = new_case(app, kind=InquiryKind.PRAISE)
    resolve(app, praise)
    assert the_check(app, praise).status == "skipped"
    complaint = new_case(app)
    resolve(app, complaint)
    assert the_check(app, complaint).status == "scheduled"
