"""More domain rules end to end through the composed app: template rendering with the
founder's data, every spelling of a phone number finding one customer, the complaint
detector on imported mail, backups, the CLI's promise explanation and the weekly review's
business-time figures (see test_domain_composed.py for promises and answers).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from soloservice.domain.templates import Template
from soloservice.domain.types import (
    Channel,
    InquiryKind,
    Language,
    Status,
)
from soloservice.services.registry import Services
from tests.helpers.cli import run
from tests.helpers.clock import FixedClock
from tests.helpers.composed import CPH, FRIDAY_BEFORE_WHIT_MONDAY, clock_of, only_inquiry
from tests.helpers.eml import eml, import_mail
from tests.helpers.factories import make_call, make_inquiry

# -- templates, identities, complaints -----------------------------------------------------------


def test_a_customers_name_with_braces_is_written_as_typed(app: Services) -> None:
    app.templates.save(
        Template(
            key="hello",
            name="Hello",
            language=Language.DA,
            subject="Hej",
            body="Hej {customer.name}, sag {case.id}",
        )
    )
    detail = make_inquiry(app, name="Mette {case.id} }}", email="braces@example.dk")
    rendered = app.templates.render_for("hello", detail.id)
    assert rendered.body == f"Hej Mette {{case.id}} }}}}, sag {detail.id}"
    assert rendered.empty == ()


def test_the_builtin_ack_is_signed_with_the_founders_names(app: Services) -> None:
    app.settings.save(
        dataclasses.replace(
            app.settings.current(), founder_name="Sofie Holm", business_name="Holm Keramik"
        )
    )
    detail = make_inquiry(app, name="Mette Hansen", email="mette@example.dk")
    rendered = app.templates.render_for("ack", detail.id)
    assert rendered.body.splitlines()[0] == "Hej Mette"
    assert rendered.body.rstrip().endswith("Venlig hilsen\nSofie Holm\nHolm Keramik")
    assert "{" not in rendered.body and rendered.empty == ()


def test_a_customer_without_a_name_is_greeted_without_one(app: Services) -> None:
    by_mail = make_inquiry(app, name="", email="anon@example.dk")
    by_phone = make_call(app, phone="+4520304050", name="")
    for inquiry_id in (by_mail.id, by_phone.id):
        assert app.templates.render_for("ack", inquiry_id).body.splitlines()[0] == "Hej"


@pytest.mark.parametrize(
    "spelling", ["20 30 40 50", "+45 20 30 40 50", "0045-20304050", "4520304050", "(+45) 2030 4050"]
)
def test_every_spelling_of_a_number_finds_the_same_customer(app: Services, spelling: str) -> None:
    first = make_call(app, phone="+4520304050", name="Mette")
    again = make_call(app, phone=spelling, name="Mette")
    assert again.customer.id == first.customer.id


def test_a_possible_but_unknown_danish_number_is_kept(app: Services) -> None:
    """+45 20 00 00 00 is outside the ranges the phone library knows: kept, not refused."""
    call = make_call(app, phone="20 00 00 00", name="Test")
    again = make_call(app, phone="+45 2000 0000", name="Test")
    assert again.customer.id == call.customer.id


@pytest.mark.parametrize(
    ("subject", "body", "complaint"),
    [
        ("Min vase kom knust", "Hej, den var i stykker.", True),
        ("Spørgsmål", "Jeg er ikke skuffet, tværtimod! Tak.", False),
        ("Re: ordre", "Tak!\n> Vi beklager at den kom knust", False),
        ("Order", "The lamp stopped working, I want a refund", True),
    ],
)
def test_the_detector_decides_the_kind_of_imported_mail(
    app: Services, tmp_path: Path, subject: str, body: str, complaint: bool
) -> None:
    clock = clock_of(app)
    import_mail(
        app,
        tmp_path / "in",
        eml(5, when=clock.now - timedelta(minutes=3), subject=subject, body=body),
        "mail",
    )
    detail = app.inquiries.get(only_inquiry(app))
    assert (detail.kind is InquiryKind.COMPLAINT) is complaint


# -- backups -------------------------------------------------------------------------------------


def test_a_stray_file_in_the_backups_folder_is_ignored(app: Services) -> None:
    made = app.backups.back_up()
    stray = made.path.parent / "soloservice-20261399T000000Z-daily.sqlite3"
    stray.write_bytes(b"not ours")
    assert [b.path for b in app.backups.available()] == [made.path]


# -- the CLI ------------------------------------------------------------------------------------


def test_the_cli_explains_the_promise_the_domain_computed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "cli-data"
    data.mkdir()
    services = Services.open(data)
    services.ctx.clock = FixedClock(FRIDAY_BEFORE_WHIT_MONDAY.astimezone(UTC))
    detail = make_inquiry(services, received_at=FRIDAY_BEFORE_WHIT_MONDAY.astimezone(UTC))
    services.close()
    monkeypatch.setenv("SOLOSERVICE_NOW", FRIDAY_BEFORE_WHIT_MONDAY.isoformat())
    code, out, err = run(capsys, "--data-dir", str(data), "promise", str(detail.id))
    assert code == 0, err
    assert "Sun 24 May 2026: skipped: weekend" in out
    assert "Mon 25 May 2026: skipped: Anden pinsedag" in out
    assert "Due Tuesday 26 May 2026 16:55 (Europe/Copenhagen), 2026-05-26 14:55 UTC." in out
    code, _out, err = run(capsys, "--data-dir", str(data), "promise", "99999")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_a_status_change_keeps_the_promise(app: Services) -> None:
    detail = make_inquiry(app)
    app.inquiries.set_status(detail.id, Status.OPEN)
    assert app.inquiries.get(detail.id).due_at == detail.due_at


# -- the weekly review ----------------------------------------------------------------------------


def _local(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=CPH).astimezone(UTC)


def test_the_weeks_response_times_are_business_time_as_the_domain_counts_it(
    app: Services,
) -> None:
    """ISO week 48 of 2026 (Monday 23 November), read on Monday 30 November at 11:00."""
    clock = clock_of(app)
    plan = [  # received, channel, answered (None: not yet)
        (_local(23, 10), Channel.EMAIL, _local(23, 14)),  # 4h, kept
        (_local(27, 16), Channel.EMAIL, _local(30, 10)),  # 1h Friday + 1h Monday, kept
        (_local(25, 9), Channel.PHONE, None),  # due Wednesday 13:00: broken, overdue
        (_local(26, 10), Channel.EMAIL, _local(27, 12)),  # 7h + 3h = 10h: broken
    ]
    ids = []
    for n, (received, channel, _answered) in enumerate(plan):
        clock.set(received)
        detail = make_inquiry(
            app, channel=channel, email=f"k{n}@example.dk", received_at=received,
            kind=InquiryKind.QUESTION,
        )  # fmt: skip
        ids.append(detail.id)
    for inquiry_id, (_received, _channel, answered) in sorted(
        zip(ids, plan, strict=True), key=lambda pair: pair[1][2] or datetime.max.replace(tzinfo=UTC)
    ):
        if answered is not None:
            clock.set(answered)
            app.inquiries.record_reply(inquiry_id, "Tak, det ordner vi.")
    clock.set(_local(30, 11))
    total = app.review.week(2026, 48).total
    a, b, c, d = ids
    assert total.received.ids == tuple(sorted(ids))
    assert total.answered.ids == tuple(sorted((a, b, d)))
    assert total.first_response_median.value == timedelta(hours=4)
    assert total.first_response_p90.value == timedelta(hours=10)  # nearest rank: a real wait
    assert total.promises_kept_percent.value == 50.0
    assert total.promises_broken.ids == tuple(sorted((c, d)))
    assert total.unanswered_now.ids == (c,) and total.overdue_now.ids == (c,)
    assert total.oldest_waiting is not None and total.oldest_waiting.id == c
    phone = app.review.week(2026, 48).column(Channel.PHONE.value)
    assert phone.received.ids == (c,) and phone.promises_kept_percent.value == 0.0
