"""Acknowledging automatically, as a use case of its own (PromiseService.auto_acknowledge).

Driven through the composed app (``Services.open``) and a real SMTP server (aiosmtpd): the
rules — email and form only, the last 24 hours, never automatic mail, never an answered
case, never twice — hold without a window.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from soloservice.domain.types import Channel
from soloservice.services.registry import Services
from tests.helpers.eml import eml, import_mail
from tests.helpers.factories import add_account, make_inquiry
from tests.helpers.mailservers import SmtpServer

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def app(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, smtp_server: SmtpServer
) -> Iterator[Services]:
    monkeypatch.setenv("SOLOSERVICE_NOW", NOW.isoformat())
    services = Services.open(data_dir)
    add_account(services, smtp=smtp_server)
    services.ctx.update_settings(dataclasses.replace(services.ctx.settings, auto_acknowledge=True))
    yield services
    services.close()


def test_new_email_and_form_cases_are_acknowledged_once(
    app: Services, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    recent = NOW - timedelta(hours=2)
    mail = make_inquiry(app, email="mette@example.dk", received_at=recent)
    form = make_inquiry(app, email="bo@example.dk", channel=Channel.FORM, received_at=recent)
    phone = make_inquiry(app, email=None, name="Ib", channel=Channel.PHONE, received_at=recent)
    old = make_inquiry(app, email="ole@example.dk", received_at=NOW - timedelta(hours=30))
    answered = make_inquiry(app, email="åse@example.dk", received_at=recent)
    app.inquiries.record_reply(answered.id, "Vi kigger på det.", counts_as_response=True)
    import_mail(
        app,
        tmp_path / "mail",
        eml(
            1,
            when=recent,
            sender="CNET <dispatch@cnet.example>",
            extra="List-Id: CNET Daily <dispatch.cnet.example>\r\n",
        ),
        "news",
    )

    outcome = app.promises.auto_acknowledge(app.outbox)

    assert sorted(outcome.queued) == sorted([mail.id, form.id])
    assert outcome.sent == 2 and outcome.errors == ()
    assert sorted(m.rcpt_tos[0] for m in smtp_server.received) == [
        "bo@example.dk",
        "mette@example.dk",
    ]
    for case in (mail, form):
        assert app.inquiries.get(case.id).ack_sent_at == NOW
    for case in (phone, old, answered):
        assert app.inquiries.get(case.id).ack_sent_at is None
    assert phone.id not in outcome.considered and old.id not in outcome.considered

    again = app.promises.auto_acknowledge(app.outbox)
    assert again.queued == () and len(smtp_server.received) == 2


def test_a_case_queued_before_is_left_to_the_outbox(app: Services, smtp_server: SmtpServer) -> None:
    case = make_inquiry(app, received_at=NOW - timedelta(hours=1))
    draft = app.promises.draft_acknowledgement(case.id)
    app.outbox.queue_acknowledgement(case.id, draft.subject, draft.body)
    outcome = app.promises.auto_acknowledge(app.outbox)
    assert outcome.queued == () and smtp_server.received == []


def test_skipped_ids_are_not_looked_at_again(app: Services, smtp_server: SmtpServer) -> None:
    case = make_inquiry(app, received_at=NOW - timedelta(hours=1))
    outcome = app.promises.auto_acknowledge(app.outbox, frozenset({case.id}))
    assert outcome.considered == () and smtp_server.received == []
