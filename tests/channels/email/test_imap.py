"""Incremental IMAP reading and connection checks against a real Dovecot."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime, timedelta

import pytest

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.imap import ImapSession, ImapSettings, test_connection
from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.channels.email.smtp import OutgoingMail, SmtpSettings, build_message
from tests.helpers.mailservers import DovecotServer, MailUser, SmtpServer, free_port

pytestmark = pytest.mark.mailserver


def mail(n: int, subject: str = "Reklamation") -> bytes:
    return (
        f"From: Kunde {n} <kunde{n}@example.dk>\r\nTo: hej@butik.dk\r\n"
        f"Subject: {subject} {n}\r\nMessage-ID: <m{n}@example.dk>\r\n"
        f"Date: Tue, 5 Mar 2024 10:{n % 60:02d}:00 +0100\r\n\r\nBesked nummer {n}\r\n"
    ).encode()


def plain(dovecot: DovecotServer, user: MailUser, **changes: object) -> ImapSettings:
    values: dict[str, object] = {
        "host": dovecot.host,
        "port": dovecot.imap_port,
        "security": "none",
        "username": user.name,
        "password": user.password,
        "timeout": 5.0,
    }
    values.update(changes)
    return ImapSettings(**values)  # type: ignore[arg-type]


def test_fetch_all_then_only_new_mail(dovecot: DovecotServer, mailbox: MailUser) -> None:
    dovecot.deliver(mailbox, *(mail(n) for n in range(1, 8)))
    with ImapSession(plain(dovecot, mailbox)) as session:
        uidvalidity, uidnext = session.folder_state()
        assert uidnext == 8
        first = list(session.fetch_since(0, batch=3))
        assert [m.uid for m in first] == [1, 2, 3, 4, 5, 6, 7]
        parsed = parse_message(first[0].raw)
        assert isinstance(parsed, ParsedMail) and parsed.message_id == "<m1@example.dk>"
        assert first[0].internaldate is not None and first[0].internaldate.tzinfo is not None
        assert abs(first[0].internaldate - datetime.now(UTC)) < timedelta(minutes=5)
        # Nothing new: "UID 8:*" still matches UID 7 on the server; it must not come back.
        assert list(session.fetch_since(7)) == []
        dovecot.deliver(mailbox, mail(8), mail(9))
        new = list(session.fetch_since(7))
        assert [m.uid for m in new] == [8, 9]
        assert session.folder_state() == (uidvalidity, 10)
    # Fetching never marks mail as read in the founder's other mail clients.
    client = dovecot.connect(mailbox)
    client.select_folder("INBOX")
    assert all(b"\\Seen" not in f for f in client.get_flags([1, 8]).values())
    client.logout()


def test_uidvalidity_change_is_visible_and_refetches(
    dovecot: DovecotServer, mailbox: MailUser
) -> None:
    admin = dovecot.connect(mailbox)
    admin.create_folder("Support")
    admin.logout()
    dovecot.deliver(mailbox, mail(1), mail(2), folder="Support")
    settings = plain(dovecot, mailbox, folder="Support")
    with ImapSession(settings) as session:
        before, _ = session.folder_state()
        assert len(list(session.fetch_since(0))) == 2
    admin = dovecot.connect(mailbox)
    admin.delete_folder("Support")
    admin.create_folder("Support")
    admin.logout()
    dovecot.deliver(mailbox, mail(1), mail(2), mail(3), folder="Support")
    with ImapSession(settings) as session:
        after, uidnext = session.folder_state()
        assert after != before
        assert uidnext == 4
        assert [m.uid for m in session.fetch_since(0)] == [1, 2, 3]


def test_sent_folder_and_append(dovecot: DovecotServer, mailbox: MailUser) -> None:
    with ImapSession(plain(dovecot, mailbox)) as session:
        names = [name for _flags, name in session.list_folders()]
        assert {"INBOX", "Sendt", "Trash"} <= set(names)
        sent = session.find_sent_folder()
        assert sent == "Sendt"  # found by SPECIAL-USE \Sent, not by its (Danish) name
        raw = build_message(
            OutgoingMail(from_addr="hej@butik.dk", to=("k@example.dk",), subject="Sv: x", text="ok")
        ).as_bytes()
        uid = session.append(sent, raw)
        assert uid == 1
    with ImapSession(plain(dovecot, mailbox, folder="Sendt")) as session:
        [stored] = list(session.fetch_since(0))
        assert "\\Seen" in stored.flags
        assert stored.raw.replace(b"\r\n", b"\n") == raw.replace(b"\r\n", b"\n")


def test_wrong_password_is_a_login_error(dovecot: DovecotServer, mailbox: MailUser) -> None:
    with pytest.raises(MailError) as info:
        ImapSession(plain(dovecot, mailbox, password="wrong")).open()
    assert info.value.kind == "login"


def test_refused_port(dovecot: DovecotServer, mailbox: MailUser) -> None:
    with pytest.raises(MailError) as info:
        ImapSession(plain(dovecot, mailbox, port=free_port())).open()
    assert info.value.kind == "refused"


def test_missing_folder_is_a_protocol_error(dovecot: DovecotServer, mailbox: MailUser) -> None:
    with pytest.raises(MailError) as info:
        ImapSession(plain(dovecot, mailbox, folder="Nope")).open()
    assert info.value.kind == "protocol"


def test_tls_untrusted_then_trusted(
    dovecot: DovecotServer, mailbox: MailUser, dovecot_tls: ssl.SSLContext
) -> None:
    implicit = plain(dovecot, mailbox, port=dovecot.imaps_port, security="ssl")
    with pytest.raises(MailError) as info:
        ImapSession(implicit, ssl_context=ssl.create_default_context()).open()
    assert info.value.kind == "tls"
    assert "certificate" in info.value.message
    with ImapSession(implicit, ssl_context=dovecot_tls) as session:
        assert session.folder_state()[0] > 0
    starttls = plain(dovecot, mailbox, security="starttls")
    with pytest.raises(MailError) as info:
        ImapSession(starttls, ssl_context=ssl.create_default_context()).open()
    assert info.value.kind == "tls"
    with ImapSession(starttls, ssl_context=dovecot_tls) as session:
        assert session.folder_state()[0] > 0


def test_connection_check_names_each_failure(
    dovecot: DovecotServer,
    mailbox: MailUser,
    smtp_server: SmtpServer,
    dovecot_tls: ssl.SSLContext,
) -> None:
    smtp = SmtpSettings(
        host=smtp_server.host,
        port=smtp_server.port,
        security="starttls",
        username=smtp_server.username,
        password=smtp_server.password,
        timeout=5,
    )
    ok = test_connection(plain(dovecot, mailbox), smtp, ssl_context=dovecot_tls)
    assert [(r.server, r.ok, r.kind) for r in ok] == [("imap", True, None), ("smtp", True, None)]

    bad_imap = plain(dovecot, mailbox, password="nope")
    smtp_down = SmtpSettings(host="127.0.0.1", port=free_port(), security="none", timeout=5)
    results = test_connection(bad_imap, smtp_down, ssl_context=dovecot_tls)
    assert [(r.server, r.ok, r.kind) for r in results] == [
        ("imap", False, "login"),
        ("smtp", False, "refused"),
    ]
    assert results[0].message.startswith("IMAP: ")
    assert results[1].message.startswith("SMTP: ")

    dns = test_connection(
        plain(dovecot, mailbox, host="no-such-host.invalid"),
        SmtpSettings(host="no-such-host.invalid", port=25, security="none", timeout=5),
    )
    assert [r.kind for r in dns] == ["dns", "dns"]
