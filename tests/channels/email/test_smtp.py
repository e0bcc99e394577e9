"""Sending replies through a real aiosmtpd server and reading what arrived."""

from __future__ import annotations

import ssl
from email import message_from_bytes
from email.policy import default

import pytest

from soloservice.channels.email.errors import MailError
from soloservice.channels.email.parse import ParsedMail, extract_attachment, parse_message
from soloservice.channels.email.smtp import (
    OutgoingMail,
    SmtpSettings,
    build_message,
    check_smtp,
    send,
)
from tests.helpers.mailservers import SmtpServer, TestCerts, free_port

pytestmark = pytest.mark.mailserver

REPLY = OutgoingMail(
    from_addr="hej@butik.dk",
    from_name="Søs fra Butikken",
    to=("kunde@example.dk",),
    subject="Sv: Ødelagt støvsuger [#17]",
    text="Hej Jørgen\n\nVi sender en ny i morgen.\n\n> Min støvsuger virker ikke\n",
    in_reply_to="<Kunde-2@Example.dk>",
    references=("<kunde-1@example.dk>", "<ours-1@butik.dk>"),
    attachments=(("fragtbrev æ.pdf", "application/pdf", b"%PDF-1.4 label"),),
)


def settings(server: SmtpServer, **changes: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "security": "none",
        "username": server.username,
        "password": server.password,
        "timeout": 5.0,
    }
    values.update(changes)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def test_build_message_headers() -> None:
    msg = build_message(REPLY)
    assert msg["Message-ID"].endswith("@butik.dk>")
    assert msg["In-Reply-To"] == "<kunde-2@example.dk>"
    assert msg["References"] == "<kunde-1@example.dk> <ours-1@butik.dk> <kunde-2@example.dk>"
    assert msg["Date"]
    fixed = build_message(
        OutgoingMail(
            from_addr="a@b.dk", to=("c@d.dk",), subject="s", text="t", message_id="<X@b.dk>"
        )
    )
    assert fixed["Message-ID"] == "<x@b.dk>"
    assert fixed["In-Reply-To"] is None and fixed["References"] is None


def test_build_message_trims_long_reference_chains_keeping_the_root() -> None:
    refs = tuple(f"<r{i}@x>" for i in range(40))
    msg = build_message(
        OutgoingMail(from_addr="a@b.dk", to=("c@d.dk",), subject="s", text="t", references=refs)
    )
    kept = str(msg["References"]).split()
    assert len(kept) == 20 and kept[0] == "<r0@x>" and kept[-1] == "<r39@x>"


def test_build_message_rejects_bad_addresses() -> None:
    with pytest.raises(MailError) as info:
        build_message(OutgoingMail(from_addr="a@b.dk", to=("not-an-address",), subject="", text=""))
    assert info.value.kind == "rejected"
    with pytest.raises(MailError):
        build_message(OutgoingMail(from_addr="a@b.dk", to=(), subject="", text=""))


def test_send_delivers_with_threading_headers(smtp_server: SmtpServer) -> None:
    message_id = send(settings(smtp_server), REPLY)
    [received] = smtp_server.received
    assert received.rcpt_tos == ("kunde@example.dk",)
    assert received.mail_from == "hej@butik.dk"
    assert received.login == "sender"
    msg = message_from_bytes(received.raw, policy=default)
    assert msg["Message-ID"] == message_id
    assert msg["Subject"] == "Sv: Ødelagt støvsuger [#17]"
    assert msg["From"].addresses[0].display_name == "Søs fra Butikken"
    # Our own parser reads it back the way the inbox will store it.
    mail = parse_message(received.raw)
    assert isinstance(mail, ParsedMail)
    assert mail.message_id == message_id.lower()
    assert mail.in_reply_to == "<kunde-2@example.dk>"
    assert mail.references == ("<kunde-1@example.dk>", "<ours-1@butik.dk>", "<kunde-2@example.dk>")
    assert mail.subject == "Sv: Ødelagt støvsuger [#17]"
    assert "Vi sender en ny i morgen." in mail.text
    [attachment] = mail.attachments
    assert extract_attachment(received.raw, attachment.index) == (
        "fragtbrev æ.pdf",
        b"%PDF-1.4 label",
    )


def test_send_over_starttls_with_trusted_ca(smtp_server: SmtpServer, test_certs: TestCerts) -> None:
    send(settings(smtp_server, security="starttls"), REPLY, ssl_context=test_certs.client_context())
    assert len(smtp_server.received) == 1


def test_starttls_with_untrusted_certificate_is_a_tls_error(smtp_server: SmtpServer) -> None:
    with pytest.raises(MailError) as info:
        send(
            settings(smtp_server, security="starttls"),
            REPLY,
            ssl_context=ssl.create_default_context(),
        )
    assert info.value.kind == "tls"
    assert "certificate" in info.value.message
    assert smtp_server.received == []


def test_wrong_password_is_a_login_error(smtp_server: SmtpServer) -> None:
    with pytest.raises(MailError) as info:
        send(settings(smtp_server, password="wrong"), REPLY)
    assert info.value.kind == "login"
    assert "password" in info.value.message
    assert smtp_server.received == []


def test_server_down_is_refused_and_sending_works_again_when_it_is_back(
    smtp_server: SmtpServer,
) -> None:
    smtp_server.stop()
    with pytest.raises(MailError) as info:
        send(settings(smtp_server), REPLY)
    assert info.value.kind == "refused"
    assert str(smtp_server.port) in info.value.message
    smtp_server.start()
    send(settings(smtp_server), REPLY)
    assert len(smtp_server.received) == 1


def test_unknown_host_is_a_dns_error() -> None:
    with pytest.raises(MailError) as info:
        check_smtp(SmtpSettings(host="no-such-host.invalid", port=free_port(), security="none"))
    assert info.value.kind == "dns"
