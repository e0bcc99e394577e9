"""IMAP IDLE against a real Dovecot: new mail wakes the waiter, ``stop`` ends the wait."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from dataclasses import replace

import pytest

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.imap import ImapSession, ImapSettings, supports_idle
from tests.helpers.mailservers import DovecotServer, MailUser

pytestmark = pytest.mark.mailserver

GENEROUS = 10.0  # seconds: only a bound so a broken IDLE cannot hang the suite


def settings(dovecot: DovecotServer, user: MailUser) -> ImapSettings:
    return ImapSettings(
        host=dovecot.host,
        port=dovecot.imap_port,
        security="none",
        username=user.name,
        password=user.password,
        timeout=5.0,
    )


def mail(n: int) -> bytes:
    return (
        f"From: Kunde <kunde{n}@example.dk>\r\nTo: hej@butik.dk\r\nSubject: Hjælp {n}\r\n"
        f"Message-ID: <idle{n}@example.dk>\r\n\r\nHej {n}\r\n"
    ).encode()


def test_dovecot_offers_idle(dovecot: DovecotServer, mailbox: MailUser) -> None:
    with ImapSession(settings(dovecot, mailbox)) as session:
        assert supports_idle(session)


def test_new_mail_ends_the_wait(dovecot: DovecotServer, mailbox: MailUser) -> None:
    dovecot.deliver(mailbox, mail(1))  # already there: must not count as a change
    idling = threading.Event()
    with ImapSession(settings(dovecot, mailbox)) as session:
        session.folder_state()
        delivered: list[int] = []

        def deliver_once_idling() -> None:
            if idling.wait(GENEROUS):
                delivered.extend(dovecot.deliver(mailbox, mail(2)))

        helper = threading.Thread(target=deliver_once_idling, daemon=True)
        helper.start()
        changed = session.wait_for_change(GENEROUS, threading.Event(), on_idle=idling.set)
        helper.join(GENEROUS)
        assert delivered == [2]
        assert changed is True
        # The session is usable again after IDLE: the new message is there to fetch.
        assert [m.uid for m in session.fetch_since(1)] == [2]


def test_idle_over_tls(
    dovecot: DovecotServer, mailbox: MailUser, dovecot_tls: ssl.SSLContext
) -> None:
    """imapclient polls the raw socket; over TLS the EXISTS must still come through."""
    tls = replace(settings(dovecot, mailbox), port=dovecot.imaps_port, security="ssl")
    idling = threading.Event()
    helper = threading.Thread(
        target=lambda: idling.wait(GENEROUS) and dovecot.deliver(mailbox, mail(3)), daemon=True
    )
    helper.start()
    with ImapSession(tls, ssl_context=dovecot_tls) as session:
        assert supports_idle(session)
        session.folder_state()
        assert session.wait_for_change(GENEROUS, threading.Event(), on_idle=idling.set)
    helper.join(GENEROUS)


def test_timeout_without_mail_reports_no_change(dovecot: DovecotServer, mailbox: MailUser) -> None:
    with ImapSession(settings(dovecot, mailbox)) as session:
        session.folder_state()
        assert session.wait_for_change(0.3, threading.Event(), check_every=0.1) is False
        assert session.folder_state()[1] == 1  # still usable: IDLE was ended with DONE


def test_stop_ends_the_wait(dovecot: DovecotServer, mailbox: MailUser) -> None:
    stop = threading.Event()
    with ImapSession(settings(dovecot, mailbox)) as session:
        session.folder_state()
        # Stop as soon as the server has accepted IDLE.
        result = session.wait_for_change(GENEROUS, stop, on_idle=stop.set)
        assert result is False
        # A stop that is already set returns at once, without IDLE.
        started = time.monotonic()
        assert session.wait_for_change(GENEROUS, stop) is False
        assert time.monotonic() - started < GENEROUS / 2


def test_stop_from_another_thread(dovecot: DovecotServer, mailbox: MailUser) -> None:
    stop = threading.Event()
    outcome: list[bool] = []
    with ImapSession(settings(dovecot, mailbox)) as session:
        session.folder_state()
        idling = threading.Event()
        waiter = threading.Thread(
            target=lambda: outcome.append(
                session.wait_for_change(3600, stop, check_every=0.2, on_idle=idling.set)
            ),
            daemon=True,
        )
        waiter.start()
        assert idling.wait(GENEROUS)
        stop.set()
        waiter.join(GENEROUS)
        assert not waiter.is_alive()
    assert outcome == [False]


def test_a_dropped_connection_is_a_mail_error(dovecot: DovecotServer, mailbox: MailUser) -> None:
    """imapclient swallows the EOF of a closed connection; the wait must not spin on it."""
    with ImapSession(settings(dovecot, mailbox)) as session:
        session.folder_state()

        def drop() -> None:
            session.client.socket().shutdown(socket.SHUT_RDWR)

        with pytest.raises(MailError, match="closed the connection"):
            session.wait_for_change(GENEROUS, threading.Event(), on_idle=drop)


def test_a_session_that_is_not_open_is_a_mail_error() -> None:
    session = ImapSession(ImapSettings(host="127.0.0.1", port=1, security="none"))
    with pytest.raises(MailError):
        session.wait_for_change(1.0, threading.Event())
