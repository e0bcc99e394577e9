"""Shared set-up for the mail GUI tests: a real Dovecot mailbox, a real aiosmtpd server and
an account on both (security "none", password kept for the session), as in
tests/services/test_mail_sync.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import format_datetime

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from soloservice.services.mail_accounts import AccountInput
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.main_window import MainWindow
from tests.conftest import DEFAULT_NOW
from tests.helpers.mailservers import DovecotServer, MailUser, SmtpServer, TestCerts
from tests.ui.conftest import open_window

OWN = "hej@butik.dk"


def mail(
    n: int,
    *,
    sender: str = "Jørgen Hansen <jorgen@example.dk>",
    subject: str = "Ødelagt støvsuger",
    body: str = "Min støvsuger virker ikke.",
    extra: str = "",
) -> bytes:
    when = DEFAULT_NOW.replace(hour=8, minute=n % 60)
    head = (
        f"From: {sender}\r\nTo: {OWN}\r\nSubject: {subject}\r\n"
        f"Message-ID: <c{n}@example.dk>\r\nDate: {format_datetime(when)}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
    )
    return (head + extra + "\r\n" + body + "\r\n").encode()


@dataclass
class MailSetup:
    services: Services
    dovecot: DovecotServer
    user: MailUser
    smtp: SmtpServer

    def deliver(self, *raws: bytes) -> None:
        self.dovecot.deliver(self.user, *raws)

    def sync(self) -> None:
        (summary,) = self.services.mail_sync.sync("shop")
        assert summary.ok, summary.errors

    def account_input(self, **changes: object) -> AccountInput:
        values: dict[str, object] = {
            "name": "shop",
            "email": OWN,
            "display_name": "Butikken",
            "imap_host": self.dovecot.host,
            "imap_port": self.dovecot.imap_port,
            "imap_security": "none",
            "smtp_host": self.smtp.host,
            "smtp_port": self.smtp.port,
            "smtp_security": "none",
            "username": self.user.name,
            "signature": "Venlig hilsen\nSøs, Butikken",
        }
        values.update(changes)
        return AccountInput(**values)  # type: ignore[arg-type]

    def add_account(self) -> None:
        self.services.mail_accounts.add(
            self.account_input(), password=self.user.password, place=SecretPlace.SESSION
        )


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """Never touch a real keyring: the machine has none, as on a headless Linux."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(name="mail_setup")
def mail_setup_fixture(
    services: Services, dovecot: DovecotServer, mailbox: MailUser, test_certs: TestCerts
) -> Iterator[MailSetup]:
    smtp = SmtpServer(test_certs, username=mailbox.name, password=mailbox.password)
    smtp.start()
    yield MailSetup(services, dovecot, mailbox, smtp)
    smtp.stop()


def open_mail_window(
    qtbot: QtBot, services: Services, *, idle: bool = False
) -> tuple[MainWindow, MailFeature]:
    """The main window with its scheduled syncs stopped, so a test decides when mail comes.

    IMAP IDLE threads only where a test asks for them (``idle=True``): they would otherwise
    start after the test's first sync and sync on their own.
    """
    window = open_window(qtbot, services)
    feature = window.features["mail"]
    assert isinstance(feature, MailFeature)
    feature.sync.startup_timer.stop()
    feature.sync.timer.stop()
    feature.idle_enabled = idle
    return window, feature
