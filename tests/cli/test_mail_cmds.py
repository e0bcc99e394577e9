"""The email CLI end to end: account add, sync, reply --send, outbox, quarantine — against the
real Dovecot and aiosmtpd test servers."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from email.utils import format_datetime
from pathlib import Path

import pytest

from soloservice.cli.mail_cmds import _reply_send_status
from soloservice.paths import database_path
from tests.helpers.cli import run, run_json
from tests.helpers.mailservers import DovecotServer, MailUser, SmtpServer, TestCerts, free_port

pytestmark = pytest.mark.mailserver

OWN = "hej@butik.dk"


def customer_mail(n: int, body: str = "Min vase kom i stykker.", extra: str = "") -> bytes:
    when = format_datetime(datetime(2026, 11, 20, 8, n, tzinfo=UTC))
    return (
        f"From: Mette Hansen <mette@example.dk>\r\nTo: {OWN}\r\nSubject: Knust vase\r\n"
        f"Message-ID: <cli{n}@example.dk>\r\nDate: {when}\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n{extra}"
        f"\r\n{body}\r\n"
    ).encode()


@pytest.fixture
def smtp(test_certs: TestCerts, mailbox: MailUser) -> Iterator[SmtpServer]:
    server = SmtpServer(test_certs, username=mailbox.name, password=mailbox.password)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def account_dir(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    dovecot: DovecotServer,
    mailbox: MailUser,
    smtp: SmtpServer,
) -> Path:
    monkeypatch.setenv("SHOP_MAIL_PASSWORD", mailbox.password)
    data = tmp_path / "d"
    added = run_json(
        capsys,
        "--data-dir", str(data), "--create", "account", "add", "shop", "--email", OWN,
        "--imap-host", dovecot.host, "--imap-port", str(dovecot.imap_port),
        "--imap-security", "none", "--smtp-host", smtp.host, "--smtp-port", str(smtp.port),
        "--smtp-security", "none", "--allow-plaintext", "--username", mailbox.name,
        "--password-env", "SHOP_MAIL_PASSWORD",
    )  # fmt: skip
    assert added["password_stored"] is None
    return data


def test_sync_then_reply_lands_in_the_customers_thread(
    account_dir: Path,
    capsys: pytest.CaptureFixture[str],
    dovecot: DovecotServer,
    mailbox: MailUser,
    smtp: SmtpServer,
) -> None:
    dovecot.deliver(mailbox, customer_mail(1))
    summary = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert summary["account"] == "shop"
    assert (summary["fetched"], summary["new_inquiries"], summary["errors"]) == (1, 1, [])
    again = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert (again["fetched"], again["new_inquiries"]) == (0, 0)

    (row,) = run_json(capsys, "--data-dir", str(account_dir), "inbox", "--json")
    reply = run_json(
        capsys, "--data-dir", str(account_dir), "reply", str(row["id"]),
        "--body", "Vi sender en ny vase i dag.", "--send",
    )  # fmt: skip
    assert reply["status"] == "sent"
    assert reply["subject"] == f"Re: Knust vase [#{row['id']}]"
    (received,) = smtp.received
    message = message_from_bytes(received.raw)
    assert message["In-Reply-To"] == "<cli1@example.dk>"
    assert message["Message-ID"] == reply["message_id"]

    shown = run_json(capsys, "--data-dir", str(account_dir), "show", str(row["id"]), "--json")
    assert shown["first_response_at"] is not None
    assert shown["messages"][-1]["direction"] == "out"


def test_wrong_password_exits_2_with_the_reason(
    account_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_MAIL_PASSWORD", "wrong")
    code, out, err = run(capsys, "--data-dir", str(account_dir), "sync")
    assert code == 2
    assert "login" in out
    (line,) = err.strip().splitlines()
    assert line.startswith("soloservice: error: sync shop: login")
    listed = run_json(capsys, "--data-dir", str(account_dir), "account", "list")
    assert "login" in (listed[0]["last_error"] or "")


def test_smtp_down_keeps_the_reply_in_the_outbox(
    account_dir: Path,
    capsys: pytest.CaptureFixture[str],
    dovecot: DovecotServer,
    mailbox: MailUser,
    smtp: SmtpServer,
) -> None:
    dovecot.deliver(mailbox, customer_mail(2))
    run_json(capsys, "--data-dir", str(account_dir), "sync")
    smtp.stop()
    code, out, err = run(
        capsys, "--data-dir", str(account_dir), "reply", "1", "--body", "Tak!", "--send"
    )
    assert code == 2, "a reply that could only be queued is not a success"
    assert json.loads(out)["status"] == "pending"
    (line,) = err.strip().splitlines()
    assert line.startswith("soloservice: error: queued, not sent: ")
    assert line.endswith("; the outbox will retry")
    waiting = run_json(capsys, "--data-dir", str(account_dir), "outbox")
    assert waiting[0]["attempts"] == 1 and waiting[0]["last_error"]
    smtp.start()
    run_json(capsys, "--data-dir", str(account_dir), "outbox", "send")
    # The back-off has not passed: nothing is sent twice, nothing is lost.
    assert run_json(capsys, "--data-dir", str(account_dir), "outbox")[0]["status"] == "pending"


def test_broken_mail_is_quarantined_and_listed(
    account_dir: Path, capsys: pytest.CaptureFixture[str], dovecot: DovecotServer, mailbox: MailUser
) -> None:
    dovecot.deliver(mailbox, b"\r\n\r\n", customer_mail(3))
    summary = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert summary["quarantined"] == 1 and summary["new_inquiries"] == 1
    (item,) = run_json(capsys, "--data-dir", str(account_dir), "quarantine")
    assert item["outcome"] == "quarantined" and item["reason"]


def test_no_password_is_ever_in_the_database(
    account_dir: Path, mailbox: MailUser, capsys: pytest.CaptureFixture[str]
) -> None:
    run_json(capsys, "--data-dir", str(account_dir), "sync")
    with sqlite3.connect(database_path(account_dir)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert mailbox.password.encode() not in database_path(account_dir).read_bytes()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["account", "add", "x", "--email", "a@b.dk"], "needs --imap-host"),
        (["account", "remove", "nope"], "no mail account named 'nope'"),
        (["reply", "1", "--body", "hi"], "no inquiry with id 1"),
        (["outbox", "cancel"], "needs the outbox ID"),
    ],
)
def test_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (tmp_path / "d").mkdir()
    code, _out, err = run(capsys, "--data-dir", str(tmp_path / "d"), *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert message in err


def _add_down_account(data: Path, capsys: pytest.CaptureFixture[str], mailbox: MailUser) -> None:
    """A second account whose servers are down: nothing listens on either port."""
    run_json(
        capsys,
        "--data-dir", str(data), "account", "add", "down", "--email", "salg@butik.dk",
        "--imap-host", "127.0.0.1", "--imap-port", str(free_port()), "--imap-security", "none",
        "--smtp-host", "127.0.0.1", "--smtp-port", str(free_port()), "--smtp-security", "none",
        "--allow-plaintext", "--username", mailbox.name, "--password-env", "SHOP_MAIL_PASSWORD",
    )  # fmt: skip


def test_a_failing_sync_says_why_on_stderr_one_line_per_account(
    account_dir: Path, capsys: pytest.CaptureFixture[str], dovecot: DovecotServer, mailbox: MailUser
) -> None:
    _add_down_account(account_dir, capsys, mailbox)
    dovecot.deliver(mailbox, customer_mail(4))
    code, out, err = run(capsys, "--data-dir", str(account_dir), "sync")
    assert code == 2
    by_account = {item["account"]: item for item in json.loads(out)}
    assert by_account["shop"]["new_inquiries"] == 1, "the working account is still synced"
    assert by_account["down"]["errors"]
    (line,) = err.strip().splitlines()
    assert line.startswith("soloservice: error: sync down: ")
    assert "refused" in line or "connect" in line, line

    code, out, err = run(capsys, "--data-dir", str(account_dir), "sync", "--account", "shop")
    assert (code, err) == (0, "")


def test_account_test_of_a_down_server_says_why_on_stderr(
    account_dir: Path, capsys: pytest.CaptureFixture[str], mailbox: MailUser
) -> None:
    _add_down_account(account_dir, capsys, mailbox)
    code, out, err = run(capsys, "--data-dir", str(account_dir), "account", "test", "down")
    assert code == 2
    assert [r["ok"] for r in json.loads(out)] == [False, False]
    (line,) = err.strip().splitlines()
    assert line.startswith("soloservice: error: account down: ")
    assert "imap" in line.lower() and "smtp" in line.lower()
    code, _out, err = run(capsys, "--data-dir", str(account_dir), "account", "test", "shop")
    assert (code, err) == (0, "")


def test_reply_send_with_a_wrong_smtp_password_exits_2_and_says_it_is_queued(
    account_dir: Path,
    capsys: pytest.CaptureFixture[str],
    dovecot: DovecotServer,
    mailbox: MailUser,
    smtp: SmtpServer,
) -> None:
    dovecot.deliver(mailbox, customer_mail(5))
    run_json(capsys, "--data-dir", str(account_dir), "sync")
    smtp.password = "changed-on-the-server"
    code, out, err = run(
        capsys, "--data-dir", str(account_dir), "reply", "1", "--body", "Tak!", "--send"
    )
    assert code == 2 and json.loads(out)["status"] == "pending"
    assert "queued, not sent: login:" in err and smtp.received == []


def test_a_reply_refused_for_good_is_reported_as_not_retried(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _reply_send_status("sent", None, 7) == 0
    assert _reply_send_status("failed", "rejected: no such user", 7) == 2
    err = capsys.readouterr().err
    assert "not sent: rejected: no such user; the server refused it" in err
    assert "outbox cancel 7" in err
