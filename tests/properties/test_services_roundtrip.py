"""Properties of whole stores, built at random through the composed app (``Services.open``).

- export -> import into an empty store -> export gives the same document, and the copy's
  weekly review is the same review;
- forgetting a customer leaves none of their words in the store (not in any table, not in
  the file's free pages) and the weekly review's figures do not change.

Every customer carries a token (``Q007Z``) in their name, address, messages and notes, so
"no trace" is a plain substring search that cannot hit another customer by accident.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.domain.remedies import RemedyKind
from soloservice.domain.types import (
    CallDirection,
    CallOutcome,
    Channel,
    IdentityKind,
    InquiryKind,
    Status,
)
from soloservice.paths import database_path
from soloservice.services.calls import CallLog
from soloservice.services.customers import CustomerRef
from soloservice.services.data_import import import_all
from soloservice.services.export import export_all
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.properties.conftest import PROPERTIES

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Copenhagen
ACTIONS = ("note", "resolve", "reopen", "waiting", "remedy", "kind", "snooze", "call", "callback")

#: words a customer may write: Nordic letters, quotes, markup, an emoji, a NUL-free mix
words = st.text(alphabet=st.sampled_from("abcæøåÆØÅ éü'\"<>&;\n\t€😀-"), min_size=0, max_size=30)


@dataclass(frozen=True)
class CaseSpec:
    customer: int
    channel: Channel
    kind: InquiryKind
    hours_ago: int
    text: str
    actions: tuple[str, ...]
    cost: float
    annual_value: float | None


cases = st.builds(
    CaseSpec,
    customer=st.integers(0, 3),
    channel=st.sampled_from([Channel.EMAIL, Channel.FORM, Channel.PHONE]),
    kind=st.sampled_from(list(InquiryKind)),
    hours_ago=st.integers(0, 24 * 9),
    text=words,
    actions=st.lists(st.sampled_from(ACTIONS), max_size=4).map(tuple),
    cost=st.floats(0, 5000, allow_nan=False, allow_infinity=False),
    annual_value=st.none() | st.floats(0, 1e6, allow_nan=False, allow_infinity=False),
)
stores = st.lists(cases, min_size=1, max_size=6)


def token(customer: int) -> str:
    return f"Q{customer:03d}Z"


def fresh(template: Path, clock: FixedClock) -> Services:
    folder = Path(tempfile.mkdtemp(prefix="prop-store-", dir=template.parent))
    shutil.copyfile(template, folder / "soloservice.sqlite3")
    services = Services.open(folder)
    services.ctx.clock = clock
    return services


def build(services: Services, clock: FixedClock, specs: list[CaseSpec]) -> dict[int, int]:
    """Apply the specs; returns customer index -> customer id."""
    customers: dict[int, int] = {}
    for spec in specs:
        clock.set(NOW - timedelta(hours=spec.hours_ago))
        mark = token(spec.customer)
        ref = (
            CustomerRef(customer_id=customers[spec.customer])
            if spec.customer in customers
            else CustomerRef(
                name=f"Kunde {mark} {spec.text[:10]}".strip(),
                identity_kind=IdentityKind.EMAIL,
                identity_value=f"k{mark.lower()}@example.dk",
            )
        )
        detail = services.inquiries.create(
            NewInquiry(
                customer=ref,
                channel=spec.channel,
                subject=f"Sag {mark}",
                text=f"{mark} {spec.text}",
                kind=spec.kind,
            )
        )
        customers[spec.customer] = detail.customer.id
        if spec.annual_value is not None:
            services.customer_edit  # noqa: B018  (built through the registry, like the window)
            _set_value(services, detail.customer.id, spec.annual_value)
        for step, action in enumerate(spec.actions):
            clock.advance(minutes=37 * (step + 1))
            _apply(services, detail.id, action, spec, mark)
    clock.set(NOW)
    return customers


def _set_value(services: Services, customer_id: int, value: float) -> None:
    from soloservice.services.customer_changes import CustomerChanges

    services.customers.update(customer_id, CustomerChanges(annual_value=value))


def _apply(services: Services, inquiry_id: int, action: str, spec: CaseSpec, mark: str) -> None:
    status = services.inquiries.get(inquiry_id).status
    is_open = status in (Status.NEW, Status.OPEN, Status.WAITING)
    if action == "note":
        services.inquiries.add_note(inquiry_id, f"note {mark} {spec.text}")
    elif action == "resolve":
        services.inquiries.set_status(inquiry_id, Status.RESOLVED)
    elif action == "reopen":
        services.inquiries.set_status(inquiry_id, Status.OPEN)
    elif action == "waiting":
        services.inquiries.set_status(inquiry_id, Status.WAITING)
    elif action == "remedy":
        services.remedies.add(inquiry_id, RemedyKind.GIFT, spec.cost, f"gave {mark}")
    elif action == "kind":
        services.inquiries.set_kind(inquiry_id, InquiryKind.COMPLAINT)
    elif action == "snooze" and is_open:
        services.inquiries.snooze(inquiry_id, services.ctx.now() + timedelta(days=2))
    elif action in ("call", "callback") and is_open:
        services.calls.log_call(
            CallLog(
                phone="",
                note=f"called {mark}",
                inquiry_id=inquiry_id,
                direction=CallDirection.OUTGOING,
                outcome=CallOutcome.SOLVED if action == "call" else CallOutcome.CALLBACK,
                duration=timedelta(minutes=4),
            )
        )


def exported(services: Services, path: Path) -> dict[str, Any]:
    export_all(services.ctx, path)
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at", None)
    return document


def reviews(services: Services) -> list[dict[str, Any]]:
    """This week's and last week's review, as the CLI's ``review --json`` writes them."""
    year, week = services.review.last_full_week()
    this_year, this_week = NOW.isocalendar()[:2]
    return [
        services.review.as_json(services.review.week(y, w))
        for y, w in ((year, week), (this_year, this_week))
    ]


def store_bytes(services: Services) -> bytes:
    path = database_path(services.ctx.data_dir)
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture(scope="module")
def template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("prop-template") / "soloservice.sqlite3"
    shutil.copyfile(migrated_template, target)
    return target


@settings(PROPERTIES, max_examples=15)
@given(specs=stores)
def test_export_import_export_is_the_same_document_and_the_same_review(
    template: Path, specs: list[CaseSpec]
) -> None:
    clock = FixedClock(NOW)
    source = fresh(template, clock)
    copy = fresh(template, clock)
    try:
        build(source, clock, specs)
        first_path = source.ctx.data_dir / "first.json"
        first = exported(source, first_path)
        summary = import_all(copy.ctx, first_path)
        second = exported(copy, copy.ctx.data_dir / "second.json")
        assert first == second
        assert sum(summary.tables.values()) == sum(len(rows) for rows in first["tables"].values())
        assert reviews(copy) == reviews(source)
        for spec in specs:  # the copy is searchable like the original
            hits = copy.search.search(token(spec.customer))
            assert hits, token(spec.customer)
    finally:
        source.close()
        copy.close()


@settings(PROPERTIES, max_examples=15)
@given(specs=stores, victim=st.integers(0, 3))
def test_a_forgotten_customer_leaves_no_trace_and_the_review_does_not_change(
    template: Path, specs: list[CaseSpec], victim: int
) -> None:
    clock = FixedClock(NOW)
    services = fresh(template, clock)
    try:
        customers = build(services, clock, specs)
        victim = sorted(customers)[victim % len(customers)]
        before = reviews(services)
        services.gdpr.forget(customers[victim])
        mark = token(victim)
        document = json.dumps(exported(services, services.ctx.data_dir / "after.json"))
        assert mark not in document
        assert mark.lower() not in document
        assert mark.encode() not in store_bytes(services)
        assert mark.lower().encode() not in store_bytes(services)
        assert services.search.search(mark) == []
        for other in customers:
            if other != victim:
                assert token(other) in document, f"customer {other} went with {victim}"
        assert reviews(services) == before
        assert services.gdpr.is_forgotten(customers[victim])
    finally:
        services.close()


@settings(PROPERTIES, max_examples=10)
@given(specs=stores)
def test_import_refuses_a_store_that_is_not_empty_and_changes_nothing(
    template: Path, specs: list[CaseSpec]
) -> None:
    clock = FixedClock(NOW)
    source = fresh(template, clock)
    target = fresh(template, clock)
    try:
        build(source, clock, specs)
        path = source.ctx.data_dir / "export.json"
        exported(source, path)
        build(target, clock, specs[:1])
        before = exported(target, target.ctx.data_dir / "before.json")
        from soloservice.services.errors import InvalidInput

        with pytest.raises(InvalidInput):
            import_all(target.ctx, path)
        assert exported(target, target.ctx.data_dir / "after.json") == before
        with sqlite3.connect(database_path(target.ctx.data_dir)) as conn:
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        source.close()
        target.close()
