"""A founder's week through the composed app: the real CLI and ``Services.open``, never a
service wired by hand, against the real Dovecot and SMTP test servers, with the clock pinned
by ``SOLOSERVICE_NOW`` at every step."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from soloservice.cli import main as cli_main
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.mailservers import DovecotServer, MailUser, SmtpServer, TestCerts

CPH = ZoneInfo("Europe/Copenhagen")
SHOP = "hej@hyggekeramik.dk"
PASSWORD_ENV = "SHOP_MAIL_PASSWORD"


def local(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """A time in the founder's zone in the week of Monday 23 November 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=CPH)


def mail(
    sender: str,
    subject: str,
    body: str,
    when: datetime,
    *,
    headers: dict[str, str] | None = None,
    in_reply_to: str | None = None,
) -> tuple[bytes, str]:
    """A customer's mail as their client would send it, and its Message-ID."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = SHOP
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message_id = make_msgid(domain=sender.rsplit("@", 1)[-1].rstrip(">"))
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    return message.as_bytes(), message_id


@dataclass
class Founder:
    """What the founder does, each step at a moment of the week."""

    data_dir: Path
    dovecot: DovecotServer
    mailbox: MailUser
    smtp: SmtpServer
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    now: datetime = field(default_factory=lambda: local(23, 8))

    def at(self, moment: datetime) -> Founder:
        self.now = moment
        self.monkeypatch.setenv(NOW_ENV, moment.isoformat())
        return self

    # -- the CLI, in this process (the same composition root as a subprocess) ------------------

    def run(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = cli_main(["--data-dir", str(self.data_dir), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *argv: str) -> str:
        code, out, err = self.run(*argv)
        assert code == 0, f"soloservice {' '.join(argv)} exited {code}: {err}"
        return out

    def json(self, *argv: str) -> Any:
        """A command's JSON output (add ``--json`` where the command needs it)."""
        return json.loads(self.ok(*argv))

    def subprocess(self, *argv: str) -> subprocess.CompletedProcess[str]:
        """The CLI in its own process, as cron runs it."""
        env = {**os.environ, NOW_ENV: self.now.isoformat()}
        return subprocess.run(
            [sys.executable, "-m", "soloservice", "--data-dir", str(self.data_dir), *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    # -- mail ---------------------------------------------------------------------------------

    def receive(self, *raws: bytes) -> None:
        self.dovecot.deliver(self.mailbox, *raws)

    def sync(self) -> dict[str, Any]:
        summary = self.json("sync")
        assert summary["errors"] == [], summary
        return summary

    def sent(self) -> list[EmailMessage]:
        return [
            message_from_bytes(m.raw, _class=EmailMessage, policy=policy.default)  # type: ignore[arg-type]
            for m in self.smtp.received
        ]

    # -- what the founder sees ----------------------------------------------------------------

    @contextmanager
    def services(self) -> Iterator[Services]:
        services = Services.open(self.data_dir)
        try:
            yield services
        finally:
            services.close()

    def counts(self) -> dict[View, int]:
        with self.services() as services:
            return dict(services.inbox.counts().views)

    def inbox(self, *flags: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self.json("inbox", "--json", *flags)
        return rows

    def show(self, inquiry_id: int) -> dict[str, Any]:
        detail: dict[str, Any] = self.json("show", str(inquiry_id), "--json")
        return detail

    def inquiry_of(self, subject: str) -> dict[str, Any]:
        with self.services() as services:
            hits = services.inbox.page(InboxQuery(view=View.INBOX, search=subject))
        assert hits, f"no inquiry about {subject!r}"
        return self.show(hits[0].id)


@pytest.fixture
def founder(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    dovecot: DovecotServer,
    mailbox: MailUser,
    test_certs: TestCerts,
) -> Iterator[Founder]:
    """A shop in Copenhagen with one mailbox, set up through the CLI on Monday morning."""
    smtp = SmtpServer(test_certs, username=mailbox.name, password=mailbox.password)
    smtp.start()
    data = tmp_path / "shop"
    data.mkdir()
    (data / "settings.json").write_text(
        json.dumps(
            {
                "founder_name": "Lene",
                "business_name": "Hygge Keramik",
                "business_email": SHOP,
                "timezone": "Europe/Copenhagen",
                "holiday_country": "DK",
            }
        )
    )
    monkeypatch.setenv(PASSWORD_ENV, mailbox.password)
    who = Founder(data, dovecot, mailbox, smtp, capsys, monkeypatch).at(local(23, 8))
    who.ok(
        "account", "add", "shop", "--email", SHOP,
        "--imap-host", dovecot.host, "--imap-port", str(dovecot.imap_port),
        "--imap-security", "none", "--smtp-host", smtp.host, "--smtp-port", str(smtp.port),
        "--smtp-security", "none", "--allow-plaintext", "--username", mailbox.name,
        "--password-env", PASSWORD_ENV,
    )  # fmt: skip
    yield who
    smtp.stop()
