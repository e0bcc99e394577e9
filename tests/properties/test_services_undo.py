"""Undo is exact: any walk of status and kind changes, undone newest first, gives back the case
as it was, and a snooze never moves the promise. Driven through ``Services.open``."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain.types import Channel, IdentityKind, InquiryKind, Status
from soloservice.services.customers import CustomerRef
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.properties.conftest import PROPERTIES

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

steps = st.lists(
    st.tuples(
        st.sampled_from(["status", "kind"]),
        st.sampled_from(list(Status)),
        st.sampled_from(list(InquiryKind)),
        st.integers(1, 600),  # minutes until this step
    ),
    min_size=1,
    max_size=6,
)


@pytest.fixture(scope="module")
def template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("undo-template") / "soloservice.sqlite3"
    shutil.copyfile(migrated_template, target)
    return target


def open_app(template: Path, clock: FixedClock) -> Services:
    folder = Path(tempfile.mkdtemp(prefix="undo-", dir=template.parent))
    shutil.copyfile(template, folder / "soloservice.sqlite3")
    services = Services.open(folder)
    services.ctx.clock = clock
    return services


def new_case(app: Services, kind: InquiryKind = InquiryKind.QUESTION) -> int:
    return app.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name="Mette", identity_kind=IdentityKind.EMAIL, identity_value="mette@example.dk"
            ),
            channel=Channel.EMAIL,
            subject="Pakken",
            text="Hvor er min pakke?",
            kind=kind,
        )
    ).id


def state(detail: InquiryDetail) -> tuple[object, ...]:
    """What undo promises to give back."""
    return (
        detail.status,
        detail.due_at,
        detail.resolved_at,
        detail.kind,
        detail.flags.kind_source,
        detail.flags.kind_reason,
    )


@settings(PROPERTIES, max_examples=30)
@given(walk=steps, start_kind=st.sampled_from(list(InquiryKind)))
def test_undoing_every_change_newest_first_gives_back_the_case(
    template: Path, walk: list[tuple[str, Status, InquiryKind, int]], start_kind: InquiryKind
) -> None:
    clock = FixedClock(NOW)
    app = open_app(template, clock)
    try:
        case = new_case(app, start_kind)
        history = [state(app.inquiries.get(case))]
        changes: list[tuple[str, object]] = []
        for what, status, kind, minutes in walk:
            clock.advance(minutes=minutes)
            if what == "status":
                changes.append(("status", app.inquiries.set_status(case, status)))
            else:
                changes.append(("kind", app.inquiries.set_kind(case, kind)))
            history.append(state(app.inquiries.get(case)))
        for (what, change), before in zip(reversed(changes), reversed(history[:-1]), strict=True):
            clock.advance(minutes=1)
            if what == "status":
                app.inquiries.undo_status(change)  # type: ignore[arg-type]
            else:
                app.inquiries.undo_kind(change)  # type: ignore[arg-type]
            assert state(app.inquiries.get(case)) == before
        # a resolve that was undone leaves no follow-up check to be made
        assert all(s.status != "scheduled" for s in app.surveys.for_inquiry(case))
    finally:
        app.close()


@settings(PROPERTIES, max_examples=20)
@given(walk=steps)
def test_an_undo_out_of_order_is_refused_and_changes_nothing(
    template: Path, walk: list[tuple[str, Status, InquiryKind, int]]
) -> None:
    clock = FixedClock(NOW)
    app = open_app(template, clock)
    try:
        case = new_case(app)
        first = app.inquiries.set_status(case, Status.RESOLVED)
        clock.advance(minutes=5)
        app.inquiries.set_status(case, Status.OPEN)
        for what, status, kind, minutes in walk:
            clock.advance(minutes=minutes)
            if what == "status" and status is not Status.RESOLVED:
                app.inquiries.set_status(case, status)
            elif what == "kind":
                app.inquiries.set_kind(case, kind)
        now = state(app.inquiries.get(case))
        with pytest.raises(InvalidInput, match="changed since"):
            app.inquiries.undo_status(first)
        assert state(app.inquiries.get(case)) == now
    finally:
        app.close()


@settings(PROPERTIES, max_examples=20)
@given(snoozes=st.lists(st.one_of(st.none(), st.integers(1, 60 * 24 * 30)), min_size=1, max_size=6))
def test_snoozing_and_waking_never_moves_the_promise(
    template: Path, snoozes: list[int | None]
) -> None:
    clock = FixedClock(NOW)
    app = open_app(template, clock)
    try:
        case = new_case(app)
        due = app.inquiries.get(case).due_at
        for minutes in snoozes:
            until = None if minutes is None else clock.now + timedelta(minutes=minutes)
            detail = app.inquiries.snooze(case, until)
            assert detail.snoozed_until == until
            assert detail.due_at == due
            clock.advance(minutes=7)
        assert app.inquiries.get(case).needs_reply_since is not None
    finally:
        app.close()
