"""An outbox send interrupted after the SMTP server took the mail (issue 12, item 3): it is
looked for in Sent before it goes again, where the provider is known to file sent mail there,
and otherwise kept as "may have been sent" for the founder; never sent blind, never deleted.
Over the real aiosmtpd and Dovecot, with a sender really killed by SIGKILL."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers.cli import run
from tests.helpers.kill_points import _FilingCollector
from tests.helpers.mail_env import REPO_ROOT, MailEnv, mail_env, set_account
from tests.helpers.mailservers import _Collector
from tests.services.test_outbox import customer_inquiry, received

__all__ = ["mail_env"]  # the fixture, imported for pytest
pytestmark = pytest.mark.mailserver


# --- an attempt interrupted after the server took the mail (issue 12, item 3) -------------

#: Sends the outbox through the composed services and dies by SIGKILL right after the
#: SMTP server accepted the mail, before it could be marked sent.
KILLED_SENDER = """
import os, signal, sys
from pathlib import Path
from soloservice.services.outbox_send import OutboxSender
from soloservice.services.registry import Services

OutboxSender._mark_sent = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
Services.open(Path(sys.argv[1])).outbox.send_pending()
"""


def send_and_die(env: MailEnv) -> None:
    """The real thing: a process sends over the real aiosmtpd and is killed mid-way."""
    assert send_and_die_after(env, 0)


def send_and_die_after(env: MailEnv, delivered: int) -> bool:
    """``send_and_die`` when the server already holds ``delivered`` earlier mails."""
    set_account(env, password_env="SHOP_TEST_PASSWORD")
    process_env = dict(
        os.environ,
        SHOP_TEST_PASSWORD=env.user.password,
        SOLOSERVICE_NOW=env.clock.now.isoformat(),
        PYTHONPATH=os.pathsep.join([str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    )
    result = subprocess.run(
        [sys.executable, "-c", KILLED_SENDER, str(env.data_dir)],
        env=process_env,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -9, result.stderr.decode()
    assert len(env.smtp.received) == delivered + 1  # the customer has it
    (item,) = env.outbox.pending()
    assert item.status == "sending"  # ... but the store does not know
    env.clock.advance(minutes=11)  # the dead sender's lease runs out
    return True


def cli_env(env: MailEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process CLI reads the password and "now" as the killed process did."""
    monkeypatch.setenv("SHOP_TEST_PASSWORD", env.user.password)
    monkeypatch.setenv("SOLOSERVICE_NOW", env.clock.now.isoformat())


def test_an_interrupted_send_found_in_sent_is_recorded_and_not_sent_twice(
    mail_env: MailEnv,
) -> None:
    inquiry_id = customer_inquiry(mail_env)
    set_account(mail_env, sent_folder="Sendt")
    view = mail_env.outbox.queue_reply(inquiry_id, "Ny støvsuger er på vej.", quote=False)
    send_and_die(mail_env)
    # the provider filed what it relayed in Sent (Gmail, Outlook, iCloud do)
    mail_env.deliver(mail_env.smtp.received[0].raw, folder="Sendt")
    result = mail_env.outbox.send_pending()
    assert (result.sent, result.failed, result.waiting) == (1, 0, 0)
    assert len(mail_env.smtp.received) == 1  # not sent again
    assert mail_env.outbox.get(view.id).status == "sent"
    detail = mail_env.services.inquiries.get(inquiry_id)
    assert detail.messages[-1].text.startswith("Ny støvsuger er på vej.")
    assert detail.first_response_at == mail_env.clock.now
    summary = mail_env.run()  # the copy in Sent is the same mail, not a new one
    assert (summary.own, summary.new_inquiries) == (0, 0) and summary.duplicates == 1
    assert len(mail_env.services.inquiries.get(inquiry_id).messages) == len(detail.messages)


def filing_provider(env: MailEnv) -> None:
    """The SMTP server from now on files what it relays in Sendt, as Gmail and Outlook do."""
    env.smtp.stop()
    env.smtp._collector = _FilingCollector(env.dovecot, env.user)
    env.smtp.start()


def in_sent(env: MailEnv, message_id: str) -> int:
    """How many copies of one reply the Sendt folder holds."""
    client = env.dovecot.connect(env.user)
    try:
        client.select_folder("Sendt")
        return len(client.search(["HEADER", "Message-ID", message_id]))
    finally:
        client.logout()


def sent_once(env: MailEnv, inquiry_id: int, body: str) -> str:
    """One reply sent cleanly; its Message-ID."""
    view = env.outbox.queue_reply(inquiry_id, body, quote=False)
    assert env.outbox.send_pending().sent == 1
    return view.message_id


def test_a_reply_is_filed_in_sent_once_whoever_files_it(mail_env: MailEnv) -> None:
    inquiry_id = customer_inquiry(mail_env)
    set_account(mail_env, sent_folder="Sendt")
    assert mail_env.accounts.get("shop").sent_files_relayed is None  # nothing seen yet
    ours = sent_once(mail_env, inquiry_id, "Tak, vi kigger på det.")
    assert in_sent(mail_env, ours) == 1  # the provider did not file it: our copy
    assert mail_env.accounts.get("shop").sent_files_relayed is False
    filing_provider(mail_env)
    theirs = sent_once(mail_env, inquiry_id, "Pakken er sendt.")
    assert in_sent(mail_env, theirs) == 1  # filed by the provider, not copied a second time
    assert mail_env.accounts.get("shop").sent_files_relayed is True
    set_account(mail_env, sent_folder="INBOX.Sendt")  # another folder: learnt again
    assert mail_env.accounts.get("shop").sent_files_relayed is None


def test_an_interrupted_send_not_in_sent_goes_again_when_the_provider_files_sent_mail(
    mail_env: MailEnv,
) -> None:
    inquiry_id = customer_inquiry(mail_env)
    set_account(mail_env, sent_folder="Sendt")
    filing_provider(mail_env)
    sent_once(mail_env, inquiry_id, "Tak for din besked.")  # shows the provider files
    assert mail_env.accounts.get("shop").sent_files_relayed is True
    mail_env.smtp.stop()
    mail_env.smtp._collector = _Collector()  # this attempt dies before anything is filed
    mail_env.smtp.start()
    view = mail_env.outbox.queue_reply(inquiry_id, "Hej igen", quote=False)
    send_and_die(mail_env)
    result = mail_env.outbox.send_pending()
    assert (result.sent, result.waiting) == (1, 0)
    first, second = mail_env.smtp.received
    assert received(mail_env, 0)["Message-ID"] == received(mail_env, 1)["Message-ID"]
    assert received(mail_env, 1)["Message-ID"] == view.message_id
    assert first.raw != b"" and second.raw != b""


def test_an_interrupted_send_not_in_sent_is_kept_when_the_provider_does_not_file(
    mail_env: MailEnv,
) -> None:
    """Not in Sent proves nothing where only we file replies there: never sent blind."""
    inquiry_id = customer_inquiry(mail_env)
    set_account(mail_env, sent_folder="Sendt")
    sent_once(mail_env, inquiry_id, "Tak for din besked.")  # we filed our own copy
    assert mail_env.accounts.get("shop").sent_files_relayed is False
    delivered = len(mail_env.smtp.received)
    view = mail_env.outbox.queue_reply(inquiry_id, "Hej igen", quote=False)
    assert send_and_die_after(mail_env, delivered)
    result = mail_env.outbox.send_pending()
    assert (result.sent, result.waiting) == (0, 1)
    assert len(mail_env.smtp.received) == delivered + 1  # the customer has it once
    item = mail_env.outbox.get(view.id)
    assert item.status == "unknown" and "may have been sent" in (item.last_error or "")
    assert "Sendt" in (item.last_error or "")


def test_an_interrupted_send_without_a_sent_folder_waits_for_the_founder(
    mail_env: MailEnv, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inquiry_id = customer_inquiry(mail_env)
    view = mail_env.outbox.queue_reply(inquiry_id, "Hej", quote=False)
    send_and_die(mail_env)
    result = mail_env.outbox.send_pending()
    assert (result.sent, result.failed, result.waiting) == (0, 1, 1)
    assert len(mail_env.smtp.received) == 1  # never sent blind
    (item,) = mail_env.outbox.pending()
    assert item.status == "unknown" and "may have been sent" in (item.last_error or "")
    mail_env.clock.advance(hours=5)
    assert mail_env.outbox.send_pending().sent == 0  # nor later on its own
    # the founder checked with the customer: it arrived
    cli_env(mail_env, monkeypatch)
    code, _out, err = run(
        capsys, "outbox", "mark-sent", str(view.id), "--data-dir", str(mail_env.data_dir)
    )
    assert code == 0, err
    assert mail_env.outbox.get(view.id).status == "sent" and len(mail_env.smtp.received) == 1
    assert mail_env.services.inquiries.get(inquiry_id).messages[-1].text.startswith("Hej")


def test_cancel_keeps_an_unknown_outcome_reply_as_may_have_been_sent(
    mail_env: MailEnv, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    inquiry_id = customer_inquiry(mail_env)
    view = mail_env.outbox.queue_reply(inquiry_id, "Hej", quote=False)
    send_and_die(mail_env)
    cli_env(mail_env, monkeypatch)
    code, out, err = run(
        capsys, "outbox", "cancel", str(view.id), "--data-dir", str(mail_env.data_dir)
    )
    assert code == 0 and "may have been sent already" in err
    assert json.loads(out) == {"cancelled": None, "kept": view.id, "status": "unknown"}
    (item,) = mail_env.outbox.pending()
    assert item.id == view.id and item.status == "unknown" and item.body.startswith("Hej")
    assert not mail_env.outbox.cancel(view.id)  # asking again still keeps it
    assert mail_env.outbox.send_pending().sent == 0
    # the founder decides it did not arrive: retry sends it (the same Message-ID)
    code, out, err = run(
        capsys, "outbox", "retry", str(view.id), "--data-dir", str(mail_env.data_dir)
    )
    assert code == 0, err
    assert len(mail_env.smtp.received) == 2 and mail_env.outbox.get(view.id).status == "sent"
