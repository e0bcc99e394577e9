"""Mail sync end to end: a real Dovecot, the real store, a fixed clock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from sqlmodel import func, select

from soloservice.domain.types import Channel, Direction, Status
from soloservice.services.mail_ingest import Outcome
from soloservice.services.mail_sync import SyncProgress
from soloservice.services.secrets import SecretPlace
from soloservice.storage.mail_tables import FolderStateRow, MailItemRow
from soloservice.storage.tables import CustomerRow, IdentityRow, MessageRow
from tests.helpers.mail_env import (
    REPO_ROOT,
    START,
    MailEnv,
    mail,
    mail_env,
    set_account,
)

__all__ = ["mail_env"]  # the fixture, imported for pytest
pytestmark = pytest.mark.mailserver

# --- the basic flow -------------------------------------------------------------------------


def test_sync_creates_inquiries_for_the_right_customers_and_rerun_adds_nothing(
    mail_env: MailEnv,
) -> None:
    mail_env.deliver(
        mail(1),
        mail(2, sender="=?utf-8?q?Bj=C3=B8rn_Dahl?= <Bjorn@Example.NO>", subject="Faktura"),
        mail(3, subject="Levering"),
        mail(4, sender="Anne <anne@example.dk>", subject="Spørgsmål"),
    )
    seen: list[SyncProgress] = []
    summary = mail_env.run(progress=seen.append)
    assert summary.as_json() | {
        "own": 0,
        "auto": 0,
        "survey_answers": 0,
        "cancelled": False,
        "skipped": "",
    } == {
        "account": "shop",
        "fetched": 4,
        "new_inquiries": 4,
        "added_to_existing": 0,
        "duplicates": 0,
        "quarantined": 0,
        "own": 0,
        "auto": 0,
        "survey_answers": 0,
        "errors": [],
        "cancelled": False,
        "skipped": "",
    }
    assert seen[0] == SyncProgress("shop", "INBOX", 0, 4)
    assert seen[-1] == SyncProgress("shop", "INBOX", 4, 4)
    assert [p.done for p in seen] == [0, 1, 2, 3, 4]
    rows = mail_env.inquiries()
    assert [r.subject for r in rows] == ["Ødelagt støvsuger", "Faktura", "Levering", "Spørgsmål"]
    assert rows[0].customer_id == rows[2].customer_id != rows[1].customer_id
    with mail_env.services.ctx.db.session() as session:
        customer = session.get(CustomerRow, rows[1].customer_id)
        assert customer is not None and customer.name == "Bjørn Dahl"
        emails = set(session.exec(select(IdentityRow.value)))
    assert emails == {"jorgen@example.dk", "bjorn@example.no", "anne@example.dk"}
    assert rows[0].status == Status.NEW.value
    assert rows[0].received_at == START.replace(hour=8, minute=1)
    assert rows[0].due_at is not None and rows[0].due_at > rows[0].received_at
    first = mail_env.messages(rows[0].id)
    assert first[0].external_id == "<c1@example.dk>" and "støvsuger" in first[0].text
    account = mail_env.accounts.get("shop")
    assert account.last_error is None and account.last_sync_at == mail_env.clock.now

    again = mail_env.run()
    assert (again.fetched, again.new_inquiries, again.errors) == (0, 0, ())
    assert len(mail_env.inquiries()) == 4 and len(mail_env.messages()) == 4


def test_replies_thread_by_headers_and_by_case_tag_new_subject_is_new_inquiry(
    mail_env: MailEnv,
) -> None:
    mail_env.deliver(mail(1))
    mail_env.run()
    (first,) = mail_env.inquiries()
    mail_env.deliver(
        # a reply by In-Reply-To only
        mail(2, subject="Re: Ødelagt støvsuger", in_reply_to="<c1@example.dk>"),
        # a parent we never saw, but References still names the first mail
        mail(
            3,
            subject="SV: noget andet",
            in_reply_to="<unknown@x.dk>",
            references="<c1@example.dk> <unknown@x.dk>",
        ),
        # no headers at all, only the case tag in the subject
        mail(4, subject=f"Sv: Ødelagt støvsuger [#{first.id}]"),
        # the same customer on a new subject: a new inquiry for the same customer
        mail(5, subject="Ny ordre"),
    )
    summary = mail_env.run()
    assert (summary.added_to_existing, summary.new_inquiries) == (3, 1)
    rows = mail_env.inquiries()
    assert len(rows) == 2 and rows[1].subject == "Ny ordre"
    assert rows[1].customer_id == first.customer_id
    assert [m.external_id for m in mail_env.messages(first.id)] == [
        f"<c{n}@example.dk>" for n in (1, 2, 3, 4)
    ]


def test_resolved_inquiry_reopens_and_waiting_gets_a_new_promise(mail_env: MailEnv) -> None:
    mail_env.deliver(mail(1), mail(2, subject="Andet emne"))
    mail_env.run()
    resolved, waiting = mail_env.inquiries()
    assert resolved.id is not None and waiting.id is not None
    mail_env.services.inquiries.set_status(resolved.id, Status.RESOLVED)
    mail_env.services.inquiries.set_status(waiting.id, Status.WAITING)
    mail_env.clock.advance(days=1)  # Wednesday 10:00 Copenhagen
    mail_env.deliver(
        mail(3, in_reply_to="<c1@example.dk>", minute=30),
        mail(4, in_reply_to="<c2@example.dk>", minute=31),
    )
    assert mail_env.run().added_to_existing == 2
    reopened, answered = mail_env.inquiries()
    # The new promise runs from the customer's message (its Date), not from the sync.
    wrote = START.replace(hour=8, minute=30)
    due_for = mail_env.services.ctx.due_for
    assert reopened.status == Status.OPEN.value and reopened.reopened_count == 1
    assert reopened.resolved_at is None and reopened.due_at == due_for(Channel.EMAIL, wrote)
    assert reopened.needs_reply_since == wrote
    later = wrote.replace(minute=31)
    assert answered.status == Status.OPEN.value
    assert answered.due_at == due_for(Channel.EMAIL, later)
    assert answered.needs_reply_since == later


# --- resync and interruption ----------------------------------------------------------------


def test_uidvalidity_change_resyncs_without_duplicates(mail_env: MailEnv) -> None:
    mail_env.admin(("create_folder", "Support"))
    set_account(mail_env, folder="Support")
    mail_env.deliver(mail(1), mail(2, subject="B"), folder="Support")
    assert mail_env.run().new_inquiries == 2
    with mail_env.services.ctx.db.session() as session:
        before = session.exec(select(FolderStateRow)).one()
        old_validity = before.uidvalidity
    mail_env.admin(("delete_folder", "Support"), ("create_folder", "Support"))
    mail_env.deliver(mail(1), mail(2, subject="B"), mail(3, subject="C"), folder="Support")
    summary = mail_env.run()
    assert (summary.fetched, summary.duplicates, summary.new_inquiries) == (3, 2, 1)
    with mail_env.services.ctx.db.session() as session:
        state = session.exec(select(FolderStateRow)).one()
    assert state.uidvalidity != old_validity and state.last_uid == 3
    assert len(mail_env.inquiries()) == 3 and len(mail_env.messages()) == 3


def _stored_once(env: MailEnv, count: int) -> None:
    with env.services.ctx.db.session() as session:
        ids = list(session.exec(select(MessageRow.external_id)))
        imported = session.exec(
            select(func.count()).select_from(MailItemRow).where(MailItemRow.outcome == "imported")
        ).one()
    assert sorted(ids) == sorted(f"<c{n}@example.dk>" for n in range(1, count + 1))
    assert imported == count


def test_sync_interrupted_by_an_exception_then_rerun_stores_each_mail_once(
    mail_env: MailEnv,
) -> None:
    mail_env.deliver(*(mail(n, subject=f"Emne {n}") for n in range(1, 9)))

    def explode(progress: SyncProgress) -> None:
        if progress.done == 5:
            raise KeyboardInterrupt  # as if the user pulled the plug mid-batch

    with pytest.raises(KeyboardInterrupt):
        mail_env.run(progress=explode)
    # batches of 3: the first is stored with its marker, the second was rolled back
    assert len(mail_env.inquiries()) == 3
    with mail_env.services.ctx.db.session() as session:
        assert session.exec(select(FolderStateRow.last_uid)).one() == 3
    summary = mail_env.run()
    assert (summary.fetched, summary.new_inquiries, summary.duplicates) == (5, 5, 0)
    _stored_once(mail_env, 8)


def test_cancel_event_stops_after_the_current_mail_and_rerun_finishes(mail_env: MailEnv) -> None:
    mail_env.deliver(*(mail(n, subject=f"Emne {n}") for n in range(1, 9)))
    cancel = threading.Event()

    def progress(p: SyncProgress) -> None:
        if p.done == 4:
            cancel.set()

    summary = mail_env.run(progress=progress, cancel=cancel)
    assert summary.cancelled and summary.fetched == 4
    rest = mail_env.run()
    assert summary.fetched + rest.fetched == 8 and rest.duplicates == 0
    _stored_once(mail_env, 8)


KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from soloservice.services.context import ServiceContext
from soloservice.services.mail_accounts import MailAccountService
from soloservice.services.mail_sync import MailSyncService
from soloservice.services.secrets import SecretStore
from soloservice.storage.database import Database

data_dir = Path(sys.argv[1])
ctx = ServiceContext(db=Database(data_dir / "soloservice.sqlite3"))
accounts = MailAccountService(ctx, SecretStore(data_dir))

def progress(p):
    if p.done == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)

MailSyncService(ctx, accounts, batch_size=3).sync("shop", progress=progress)
"""


def test_sync_killed_with_sigkill_then_rerun_stores_each_mail_once(mail_env: MailEnv) -> None:
    set_account(mail_env, password_env="SHOP_TEST_PASSWORD")  # cron style, as a real run
    mail_env.deliver(*(mail(n, subject=f"Emne {n}") for n in range(1, 9)))
    env = dict(os.environ, SHOP_TEST_PASSWORD=mail_env.user.password)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT / "src"), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, str(mail_env.data_dir), "5"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -9, result.stderr.decode()
    assert len(mail_env.inquiries()) == 3  # one batch committed, the next one lost with the kill
    summary = mail_env.run()
    assert (summary.fetched, summary.new_inquiries, summary.duplicates) == (5, 5, 0)
    _stored_once(mail_env, 8)


# --- errors ---------------------------------------------------------------------------------


def test_wrong_password_is_a_login_error_in_the_summary_and_on_the_account(
    mail_env: MailEnv,
) -> None:
    mail_env.secrets.put("mail:shop", "not-the-password", SecretPlace.SESSION)
    summary = mail_env.run()
    assert summary.fetched == 0 and len(summary.errors) == 1
    assert summary.errors[0].startswith("login")
    assert summary.as_json()["errors"] == list(summary.errors)
    account = mail_env.accounts.get("shop")
    assert account.last_error is not None and account.last_error.startswith("login")
    assert account.last_sync_at is None


def test_missing_password_is_a_clear_error(mail_env: MailEnv) -> None:
    mail_env.secrets.delete("mail:shop")
    (summary,) = mail_env.sync.sync()
    assert summary.errors and summary.errors[0].startswith("password:")
    assert "no password stored" in summary.errors[0]


def test_broken_mail_is_quarantined_with_its_raw_source_and_the_sync_goes_on(
    mail_env: MailEnv,
) -> None:
    broken = b"X-Nothing: here\r\n\r\n\x01\xff not a mail at all\r\n"
    mail_env.deliver(mail(1), broken, mail(2, subject="Efter den"))
    summary = mail_env.run()
    assert (summary.new_inquiries, summary.quarantined) == (2, 1)
    (item,) = mail_env.sync.quarantined()
    assert item.outcome == "quarantined" and "does not look like an email" in item.reason
    assert item.account == "shop" and item.folder == "INBOX"
    assert mail_env.sync.raw_of(item.id).replace(b"\r\n", b"\n") == broken.replace(b"\r\n", b"\n")
    # trying again gives the same answer and keeps it visible, once
    assert mail_env.sync.reprocess(item.id) is Outcome.QUARANTINED
    assert len(mail_env.sync.quarantined()) == 1
    # after a UIDVALIDITY-style refetch it is not quarantined twice
    with mail_env.services.ctx.db.session() as session:
        session.exec(select(FolderStateRow)).one().last_uid = 0
    assert mail_env.run().duplicates == 3
    assert len(mail_env.sync.quarantined()) == 1


def test_auto_replies_and_bounces_are_marked_not_customers(mail_env: MailEnv) -> None:
    auto = mail(
        1,
        sender="Ferie <jorgen@example.dk>",
        subject="Autosvar: Ødelagt",
        extra="Auto-Submitted: auto-replied\r\n",
    )
    bounce = (
        b"From: Mail Delivery System <MAILER-DAEMON@mx.example.dk>\r\nTo: hej@butik.dk\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <b1@mx.example.dk>\r\n"
        b"Date: Tue, 03 Mar 2026 08:05:00 +0000\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nI could not deliver your mail.\r\n"
        b"--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        b"Final-Recipient: rfc822; gone@example.dk\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        b"--b--\r\n"
    )
    mail_env.deliver(auto, bounce)
    summary = mail_env.run()
    assert (summary.auto, summary.new_inquiries) == (2, 0)
    assert mail_env.inquiries() == []
    with mail_env.services.ctx.db.session() as session:
        assert session.exec(select(CustomerRow)).all() == []
    items = mail_env.sync.quarantined()
    assert {i.outcome for i in items} == {"auto"}
    assert any("delivery report" in i.reason for i in items)
    # the founder says the auto-reply is a real customer after all
    auto_item = next(i for i in items if "Auto-Submitted" in i.reason)
    assert mail_env.sync.reprocess(auto_item.id, as_customer_mail=True) is Outcome.NEW_INQUIRY
    assert [r.subject for r in mail_env.inquiries()] == ["Autosvar: Ødelagt"]
    assert mail_env.sync.quarantined(include_auto=False) == []


def test_own_mail_in_the_sent_folder_threads_as_our_reply(mail_env: MailEnv) -> None:
    set_account(mail_env, sent_folder="Sendt")
    mail_env.deliver(mail(1))
    ours = mail(
        90,
        sender="Søs <hej@butik.dk>",
        to="jorgen@example.dk",
        subject="Re: Ødelagt støvsuger",
        body="Vi sender en ny.",
        in_reply_to="<c1@example.dk>",
        minute=40,
    )
    unrelated = mail(91, sender="Søs <hej@butik.dk>", to="lev@example.dk", subject="Bestilling")
    mail_env.deliver(ours, unrelated, folder="Sendt")
    summary = mail_env.run()
    assert (summary.new_inquiries, summary.own, summary.added_to_existing) == (1, 2, 0)
    (row,) = mail_env.inquiries()
    # our reply in Sent answers the customer: by default the case then waits on them
    assert row.status == Status.WAITING.value and row.needs_reply_since is None
    assert row.first_response_at == START.replace(hour=8, minute=40)
    assert row.promise_kept is True
    out = [m for m in mail_env.messages(row.id) if m.direction == Direction.OUT.value]
    assert [m.external_id for m in out] == ["<c90@example.dk>"]
    assert mail_env.run().fetched == 0  # both folders are incremental


def test_attachments_and_remote_content_come_from_the_stored_source(mail_env: MailEnv) -> None:
    raw = (
        "From: Jørgen <jorgen@example.dk>\r\nTo: hej@butik.dk\r\nSubject: Billede\r\n"
        "Message-ID: <att@example.dk>\r\nDate: Tue, 03 Mar 2026 08:10:00 +0000\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="m"\r\n\r\n'
        "--m\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        '<p>Se billedet</p><img src="https://tracker.example/p.gif">\r\n'
        "--m\r\nContent-Type: image/png\r\n"
        'Content-Disposition: attachment; filename="skade.png"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--m--\r\n"
    ).encode()
    mail_env.deliver(raw)
    mail_env.run()
    (row,) = mail_env.inquiries()
    assert row.id is not None
    (message,) = mail_env.messages(row.id)
    assert message.html is not None and "tracker.example" not in message.html
    (att,) = mail_env.sync.attachments(row.id)
    assert (att.filename, att.content_type, att.message_id) == (
        "skade.png",
        "image/png",
        message.id,
    )
    assert mail_env.sync.attachment(att.id) == ("skade.png", b"\x89PNG\r\n\x1a\n")
    assert message.id is not None
    remote = mail_env.sync.remote_html(message.id)
    assert remote is not None and "https://tracker.example/p.gif" in remote
