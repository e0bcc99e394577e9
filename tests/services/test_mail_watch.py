"""IMAP IDLE without Qt (services/mail_watch.py), on the real Dovecot.

The window's adapter (tests/ui/test_mail_idle.py) only drains the queue; the protocol,
threads, back-off and stop flag are checked here, through the composed app.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.services.mail_watch import MailWatch, State
from soloservice.services.registry import Services
from tests.helpers import factories
from tests.helpers.eml import eml
from tests.helpers.mailservers import DovecotServer, MailUser, free_port

pytestmark = pytest.mark.mailserver

WAIT = 15.0


@pytest.fixture
def app(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


def add_account(
    services: Services, dovecot: DovecotServer, user: MailUser, *, port: int | None = None
) -> None:
    factories.add_account(
        services, password=user.password, username=user.name, imap_host=dovecot.host,
        imap_port=port or dovecot.imap_port, imap_security="none", smtp_security="none",
    )  # fmt: skip


@pytest.fixture
def watch(app: Services) -> Iterator[MailWatch]:
    watch = MailWatch(app.mail_accounts, backoff=(30.0,))
    yield watch
    assert watch.stop()


def test_new_mail_is_reported_once_per_account(
    app: Services, watch: MailWatch, dovecot: DovecotServer, mailbox: MailUser
) -> None:
    add_account(app, dovecot, mailbox)
    assert watch.start() == ["shop"]
    assert watch.wait_until_idle("shop", WAIT), watch.last_error("shop")
    assert watch.state("shop") == State.IDLE
    assert watch.take_reported() == []
    when = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    dovecot.deliver(mailbox, eml(1, when=when), eml(2, when=when))
    assert watch.take_reported(timeout=WAIT) == ["shop"]


def test_an_unreachable_server_backs_off_and_stop_cuts_the_wait_short(
    app: Services, dovecot: DovecotServer, mailbox: MailUser
) -> None:
    add_account(app, dovecot, mailbox, port=free_port())
    watch = MailWatch(app.mail_accounts, backoff=(30.0,))
    watch.start()
    threads = watch.threads()
    assert not watch.wait_until_idle("shop", 1.0)
    assert watch.state("shop") in (State.CONNECTING, State.RETRYING)
    assert watch.stop(wait=3.0)  # waiting 30 s before the next try: the stop flag ends it
    assert not any(t.is_alive() for t in threads)
    assert watch.state("shop") == State.STOPPED
    assert watch.take_reported() == []
