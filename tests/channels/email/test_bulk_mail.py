"""Newsletters, lists, spam and no-reply senders are told apart from people writing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from soloservice.channels.email.parse import ParsedMail, parse_message

RECEIVED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def parsed(head: bytes, sender: bytes = b"Nyheder <news@cnet.example>") -> ParsedMail:
    raw = b"From: " + sender + b"\r\n" + head + b"Subject: Daily Dispatch\r\n\r\nHello\r\n"
    result = parse_message(raw, received=RECEIVED)
    assert isinstance(result, ParsedMail), result
    return result


@pytest.mark.parametrize(
    ("header", "reason_part"),
    [
        (b"List-Id: <dispatch.cnet.example>\r\n", "List-Id"),
        (b"List-Unsubscribe: <mailto:unsub@cnet.example>\r\n", "List-Unsubscribe"),
        (b"Precedence: bulk\r\n", "Precedence: bulk"),
        (b"Precedence: list\r\n", "Precedence: list"),
        (b"Precedence: junk\r\n", "Precedence: junk"),
        (b"X-Spam-Flag: YES\r\n", "X-Spam-Flag"),
        (b"X-Spam-Status: Yes, score=9.1 required=5.0\r\n", "X-Spam-Status"),
        (b"X-Mailchimp-Campaign: 1234\r\n", "X-Mailchimp-Campaign"),
        (b"Feedback-ID: 1:camp:mc:sender\r\n", "Feedback-ID"),
    ],
)
def test_bulk_headers_make_automatic_mail(header: bytes, reason_part: str) -> None:
    mail = parsed(header, b"Anne <anne@example.dk>")
    assert mail.bulk_reason is not None and reason_part in mail.bulk_reason
    assert not mail.is_auto  # stored as automatic mail, unlike an auto-reply


@pytest.mark.parametrize(
    "sender",
    [
        b"noreply@shop.example",
        b"no-reply@shop.example",
        b"No_Reply@shop.example",
        b"donotreply@bank.example",
        b"do-not-reply@bank.example",
        b"newsletter@brand.example",
        b"noreply+bounce123@service.example",
    ],
)
def test_no_reply_senders_are_automatic(sender: bytes) -> None:
    mail = parsed(b"", sender)
    assert mail.bulk_reason is not None and "no-reply" in mail.bulk_reason


def test_a_no_reply_sender_relaying_a_person_is_a_person() -> None:
    """Contact forms send from noreply@ with the customer in Reply-To."""
    mail = parsed(b"Reply-To: Kari <kari@example.no>\r\n", b"noreply@site.example")
    assert mail.bulk_reason is None


@pytest.mark.parametrize(
    "head",
    [b"", b"X-Spam-Flag: NO\r\n", b"X-Spam-Status: No, score=0.1\r\n", b"Precedence: normal\r\n"],
)
def test_people_are_not_bulk(head: bytes) -> None:
    assert parsed(head, b"Anne <anne@example.dk>").bulk_reason is None
    assert parsed(head, b"Noreen <noreen@example.dk>").bulk_reason is None


def test_auto_replies_stay_auto_not_bulk() -> None:
    mail = parsed(b"Auto-Submitted: auto-replied\r\nList-Id: <x.example>\r\n")
    assert mail.is_auto and mail.bulk_reason is None
