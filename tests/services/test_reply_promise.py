"""The reply promise (issue 11, item 2): due while the customer's last message is unanswered.

Everything here runs through the composed app (``Services.open(data_dir)``), as the window
and the CLI do: mail comes in through the mail import, replies leave through the real SMTP
test server, and the clock is pinned with ``SOLOSERVICE_NOW`` and moved on the context.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.types import CallDirection, CallOutcome, Channel, Status
from soloservice.services.calls import CallLog
from soloservice.services.dto import InboxQuery, View
from soloservice.services.mail_accounts import AccountInput
from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.mailservers import SmtpServer, TestCerts

CPH = ZoneInfo("Europe/Copenhagen")
SHOP = "hej@butikken.dk"
# Tuesday 24 November 2026, 10:00 in Copenhagen.
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=CPH)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=CPH)


def at(services: Services, moment: datetime) -> None:
    """Move the composed app's clock (as a new ``SOLOSERVICE_NOW`` would)."""
    services.ctx.clock = lambda: moment.astimezone(UTC)


def mail_file(
    folder: Path,
    subject: str,
    when: datetime,
    *,
    body: str = "Hej, hvor er min pakke?",
    in_reply_to: str | None = None,
) -> tuple[Path, str]:
    message = EmailMessage()
    message["From"] = "Mette Hansen <mette@example.dk>"
    message["To"] = SHOP
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message_id = make_msgid(domain="example.dk")
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(body)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{abs(hash(message_id))}.eml"
    path.write_bytes(message.as_bytes())
    return path, message_id


@pytest.fixture
def app(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setenv(NOW_ENV, TUESDAY_10.isoformat())
    services = Services.open(data_dir)
    yield services
    services.close()


def open_app(data_dir: Path, monkeypatch: pytest.MonkeyPatch, **settings: object) -> Services:
    (data_dir / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    monkeypatch.setenv(NOW_ENV, TUESDAY_10.isoformat())
    return Services.open(data_dir)


def counts(services: Services) -> tuple[int, int, int]:
    views = services.inbox.counts().views
    return views[View.NEEDS_REPLY], views[View.DUE_TODAY], views[View.OVERDUE]


def only(services: Services) -> int:
    (inquiry_id,) = services.inbox.list_ids(InboxQuery(view=View.INBOX))
    return inquiry_id


# -- mail: arrive, reply, write again ---------------------------------------------------------


@pytest.mark.mailserver
def test_a_sent_reply_fulfils_the_promise_and_the_customers_answer_starts_a_new_one(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    test_certs: TestCerts,
    tmp_path: Path,
) -> None:
    smtp = SmtpServer(test_certs, username="shop", password="secret")
    smtp.start()
    monkeypatch.setenv("SHOP_PASSWORD", "secret")
    services = open_app(data_dir, monkeypatch, founder_name="Søs")
    try:
        services.mail_accounts.add(
            AccountInput(
                name="shop", email=SHOP, imap_host="127.0.0.1", smtp_host=smtp.host,
                smtp_port=smtp.port, smtp_security="none", imap_security="none",
                username="shop", password_env="SHOP_PASSWORD",
            )
        )  # fmt: skip
        # Monday 14:00: eight business hours -> due Tuesday 14:00, i.e. today.
        path, _ = mail_file(tmp_path / "in1", "Pakken", local(23, 14))
        services.mail_import.import_path(path, "eml")
        case = only(services)
        assert counts(services) == (1, 1, 0)
        (row,) = services.inbox.rows([case])
        assert row.needs_reply and row.due_today and not row.overdue
        assert [d.id for d in services.promises.due_within(timedelta(hours=5))] == [case]

        # Queued is not answered: the customer has heard nothing until the mail leaves.
        queued = services.outbox.queue_reply(case, "Den er sendt i dag.")
        assert counts(services) == (1, 1, 0)
        at(services, local(24, 10, 5))
        assert services.outbox.send_pending(only_id=queued.id).sent == 1

        detail = services.inquiries.get(case)
        assert detail.status is Status.WAITING  # the default "after I reply"
        assert detail.needs_reply_since is None and not detail.overdue
        assert detail.promise_kept is True
        assert counts(services) == (0, 0, 0)  # sidebar, tray badge and tooltip read these
        assert services.promises.due_within(timedelta(hours=5)) == []  # no alert
        (row,) = services.inbox.rows([case])
        assert not (row.needs_reply or row.due_today or row.overdue)

        # Tuesday 11:00 she answers in the thread: a new promise runs from her message.
        sent_id = queued.message_id
        path, _ = mail_file(
            tmp_path / "in2", "Re: Pakken", local(24, 11), body="Tak!", in_reply_to=sent_id
        )
        at(services, local(24, 11, 30))
        services.mail_import.import_path(path, "eml")
        detail = services.inquiries.get(case)
        assert detail.status is Status.OPEN
        assert detail.needs_reply_since == local(24, 11)
        assert detail.due_at == local(25, 11)  # eight business hours from her message
        assert detail.promise_kept is True  # the first reply still decides "promises kept"
        assert counts(services) == (1, 0, 0)
        assert services.inbox.list_ids(InboxQuery(view=View.NEEDS_REPLY)) == [case]
    finally:
        services.close()
        smtp.stop()


def test_after_reply_status_open_keeps_the_case_open_but_answered(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    services = open_app(data_dir, monkeypatch, after_reply_status="open")
    try:
        assert services.ctx.settings.after_reply_status == "open"
        path, _ = mail_file(tmp_path / "in", "Pakken", local(23, 14))
        services.mail_import.import_path(path, "eml")
        case = only(services)
        detail = services.inquiries.record_reply(case, "Vi ser på det.")
        assert detail.status is Status.OPEN and detail.needs_reply_since is None
        assert counts(services) == (0, 0, 0)
        assert services.inbox.list_ids(InboxQuery(view=View.INBOX)) == [case]
    finally:
        services.close()


def test_a_case_answered_in_time_is_never_overdue(app: Services) -> None:
    # The demo: answered cases stayed red. Received last Thursday, answered Friday.
    from tests.helpers.factories import make_inquiry

    at(app, local(19, 10))
    case = make_inquiry(app)
    at(app, local(20, 9))
    app.inquiries.record_reply(case.id, "Pakken er på vej.")
    app.inquiries.set_status(case.id, Status.OPEN)  # the founder keeps it open by hand
    at(app, TUESDAY_10)
    detail = app.inquiries.get(case.id)
    assert detail.status is Status.OPEN and not detail.overdue
    assert counts(app) == (0, 0, 0)
    assert app.inbox.list_ids(InboxQuery(view=View.INBOX)) == [case.id]
    year, week = 2026, 48
    total = app.review.week(year, week).column("total")
    assert total.unanswered_now.value == 0
    assert total.overdue_now.value == 0

    unanswered = make_inquiry(app, email="other@example.dk", received_at=local(19, 10))
    assert counts(app) == (1, 0, 1)
    total = app.review.week(year, week).column("total")
    assert total.unanswered_now.value == 1 and total.overdue_now.value == 1
    assert app.inquiries.get(unanswered.id).overdue


def test_the_due_sort_puts_cases_needing_a_reply_first(app: Services) -> None:
    from tests.helpers.factories import make_inquiry

    answered = make_inquiry(app, email="a@example.dk", received_at=local(20, 9))
    app.inquiries.record_reply(answered.id, "Svar")
    app.inquiries.set_status(answered.id, Status.OPEN)
    later = make_inquiry(app, email="b@example.dk", received_at=local(24, 9))
    sooner = make_inquiry(app, email="c@example.dk", received_at=local(23, 9))
    query = InboxQuery(view=View.INBOX)
    assert app.inbox.list_ids(query) == [sooner.id, later.id, answered.id]


# -- calls, social, snooze --------------------------------------------------------------------


def test_a_call_solved_on_the_phone_needs_no_reply_a_call_back_owed_does(app: Services) -> None:
    solved = app.calls.log_call(CallLog(phone="+45 20 12 34 56", note="Åbningstider"))
    assert solved.needs_reply_since is None
    owed = app.calls.log_call(
        CallLog(
            phone="+45 20 12 34 57",
            note="Ring tilbage om reklamation",
            outcome=CallOutcome.CALLBACK,
            duration=timedelta(minutes=5),
        )
    )
    assert owed.needs_reply_since == TUESDAY_10
    outgoing = app.calls.log_call(
        CallLog(phone="+45 20 12 34 58", note="Ringede om tilbud", direction=CallDirection.OUTGOING)
    )
    assert outgoing.needs_reply_since is None
    assert app.inbox.list_ids(InboxQuery(view=View.NEEDS_REPLY)) == [owed.id]


def test_a_customer_message_wakes_a_snoozed_case(app: Services, tmp_path: Path) -> None:
    path, first_id = mail_file(tmp_path / "in1", "Pakken", local(24, 9))
    app.mail_import.import_path(path, "eml")
    case = only(app)
    app.inquiries.record_reply(case, "Vi vender tilbage.")
    app.inquiries.snooze(case, local(27, 9))
    assert app.inbox.list_ids(InboxQuery(view=View.SNOOZED)) == [case]
    path, _ = mail_file(
        tmp_path / "in2", "Re: Pakken", local(24, 10, 30), body="Noget nyt?", in_reply_to=first_id
    )
    at(app, local(24, 10, 45))
    app.mail_import.import_path(path, "eml")
    detail = app.inquiries.get(case)
    assert detail.snoozed_until is None
    assert app.inbox.list_ids(InboxQuery(view=View.SNOOZED)) == []
    assert app.inbox.list_ids(InboxQuery(view=View.NEEDS_REPLY)) == [case]


def test_a_social_message_wakes_a_snoozed_conversation_and_a_page_reply_answers_it(
    app: Services, tmp_path: Path
) -> None:
    from tests.helpers.social_exports import METTE, T0, facebook_files, write_folder

    at(app, datetime.fromtimestamp(T0 / 1000 + 3600, tz=UTC))
    app.social_import.import_export(
        Channel.FACEBOOK, write_folder(tmp_path / "a", facebook_files())
    )
    (mette,) = [
        r for r in app.inbox.rows(app.inbox.list_ids(InboxQuery(view=View.WAITING)))
    ]  # the page answered her: not needing a reply
    app.inquiries.set_status(mette.id, Status.OPEN)
    app.inquiries.snooze(mette.id, datetime.fromtimestamp(T0 / 1000 + 86_400 * 3, tz=UTC))
    later = [*METTE, ("Mette Sørensen", T0 + 7_200_000, "Hallo?")]
    at(app, datetime.fromtimestamp(T0 / 1000 + 7_300, tz=UTC))
    app.social_import.import_export(
        Channel.FACEBOOK, write_folder(tmp_path / "b", facebook_files(mette=later))
    )
    detail = app.inquiries.get(mette.id)
    assert detail.snoozed_until is None
    assert detail.needs_reply_since == datetime.fromtimestamp((T0 + 7_200_000) / 1000, tz=UTC)
    assert mette.id in app.inbox.list_ids(InboxQuery(view=View.NEEDS_REPLY))


def test_our_own_reply_from_another_client_answers_the_case(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    services = open_app(data_dir, monkeypatch)
    try:
        services.mail_accounts.add(
            AccountInput(
                name="shop", email=SHOP, imap_host="127.0.0.1", smtp_host="127.0.0.1",
                smtp_security="none", imap_security="none", username="shop",
            )
        )  # fmt: skip
        path, customer_id = mail_file(tmp_path / "in1", "Pakken", local(24, 8))
        services.mail_import.import_path(path, "eml")
        case = only(services)
        # The founder answered from her phone's mail app; the copy in Sent is read back.
        ours = EmailMessage()
        ours["From"] = f"Butikken <{SHOP}>"
        ours["To"] = "mette@example.dk"
        ours["Subject"] = "Re: Pakken"
        ours["Date"] = format_datetime(local(24, 9, 30))
        ours["Message-ID"] = make_msgid(domain="butikken.dk")
        ours["In-Reply-To"] = customer_id
        ours.set_content("Den er sendt.")
        (tmp_path / "sent").mkdir()
        (tmp_path / "sent" / "ours.eml").write_bytes(ours.as_bytes())
        services.mail_import.import_path(tmp_path / "sent" / "ours.eml", "eml")
        detail = services.inquiries.get(case)
        assert detail.needs_reply_since is None and detail.status is Status.WAITING
        assert detail.first_response_at == local(24, 9, 30)
        assert counts(services) == (0, 0, 0)
    finally:
        services.close()


def test_a_second_message_wakes_an_unanswered_snoozed_case_and_keeps_its_promise(
    app: Services, tmp_path: Path
) -> None:
    path, first_id = mail_file(tmp_path / "in1", "Pakken", local(24, 9))
    app.mail_import.import_path(path, "eml")
    case = only(app)
    due = app.inquiries.get(case).due_at
    app.inquiries.snooze(case, local(26, 9))
    path, _ = mail_file(
        tmp_path / "in2", "Re: Pakken", local(24, 10, 30), body="Hallo?", in_reply_to=first_id
    )
    at(app, local(24, 10, 45))
    app.mail_import.import_path(path, "eml")
    detail = app.inquiries.get(case)
    assert detail.snoozed_until is None and detail.status is Status.NEW
    # still owed since her first message, by its promise
    assert detail.needs_reply_since == local(24, 9) and detail.due_at == due
    assert app.inbox.list_ids(InboxQuery(view=View.NEEDS_REPLY)) == [case]
    assert [e.kind for e in detail.events].count("snooze") == 2  # snoozed, then woken
