"""Sender addresses read the same on every Python the app runs on (3.11 on Debian 12, 3.13 on
Debian 13): 3.13's strict address parser refuses a whole From header that holds a terminal
escape or a stray special, which once quarantined such a mail there ("not an email address")
while 3.11 stored it. Through the CLI import, as the founder's archive would come in."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.channels.email.parse import ParsedMail, parse_message
from tests.helpers.cli import run_json

RECEIVED = datetime(2026, 11, 24, 9, tzinfo=UTC)


def raw(sender: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: hej@butik.dk\r\nSubject: Hej\r\n"
        "Message-ID: <a1@example.com>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHej med jer\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("sender", "name", "address"),
    [
        ("Evil \x1b[31mRed <Evil@Example.com>", "Evil Red", "evil@example.com"),
        ("\x1b]0;pwned\x07Mette <mette@example.dk>", "Mette", "mette@example.dk"),
        ("Bo [Shop] <bo@example.dk>", None, "bo@example.dk"),
        ("Jørgen Hansen <jorgen@example.dk>", "Jørgen Hansen", "jorgen@example.dk"),
    ],
)
def test_the_sender_is_read_whatever_else_the_header_holds(
    sender: str, name: str | None, address: str
) -> None:
    parsed = parse_message(raw(sender), received=RECEIVED)
    assert isinstance(parsed, ParsedMail), parsed
    assert parsed.from_addr == address
    assert "\x1b" not in parsed.from_name and "\x07" not in parsed.from_name
    if name is not None:
        assert parsed.from_name == name


def test_a_mail_with_escapes_in_its_from_is_imported_not_quarantined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "evil.eml"
    mail.write_bytes(raw("Evil \x1b[31mRed <evil@example.com>"))
    out = run_json(
        capsys, "--data-dir", str(tmp_path / "d"), "--create", "import", "eml", str(mail)
    )
    assert (out["new_inquiries"], out["quarantined"]) == (1, 0)
