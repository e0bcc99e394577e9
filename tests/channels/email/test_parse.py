"""A corpus of hand-made nasty mails, each the kind that breaks naive parsers."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime

import pytest

from soloservice.channels.email.parse import (
    ParsedMail,
    Quarantined,
    decode_header_value,
    extract_attachment,
    parse_message,
    remote_html,
)

RECEIVED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def parsed(raw: bytes, **kwargs: object) -> ParsedMail:
    result = parse_message(raw, received=RECEIVED, **kwargs)  # type: ignore[arg-type]
    assert isinstance(result, ParsedMail), result
    return result


def test_plain_danish_mail_with_encoded_words() -> None:
    raw = (
        b"From: =?iso-8859-1?q?S=F8ren_=C6bel=F8?= <Soren@Example.DK>\r\n"
        b'To: support@shop.dk, "Bo" <BO@shop.dk>\r\n'
        b"Subject: =?utf-8?B?UHJvYmxlbSBtZWQgbWluIG9yZHJlIMOmw7jDpQ==?=\r\n"
        b"Message-Id: <ABC.123@Mail.Example.DK>\r\n"
        b"Date: Tue, 5 Mar 2024 10:00:00 +0100\r\n"
        b"\r\nHej\r\nMed venlig hilsen\r\n"
    )
    mail = parsed(raw)
    assert mail.from_name == "Søren Æbelø"
    assert mail.from_addr == "soren@example.dk"
    assert mail.subject == "Problem med min ordre æøå"
    assert mail.to == ("support@shop.dk", "bo@shop.dk")
    assert mail.message_id == "<abc.123@mail.example.dk>"
    assert mail.date == datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
    assert mail.date_from_header
    assert mail.text == "Hej\nMed venlig hilsen"
    assert mail.html is None
    assert not mail.is_auto
    assert mail.raw == raw


def test_norwegian_subject_split_over_words_and_charsets() -> None:
    raw = (
        b"From: =?utf-8?q?Kj=C3=A6rsti_Ho=C3=A5s?= <k@example.no>\r\n"
        b"Subject: =?iso-8859-1?q?Klage_p=E5_?=\r\n =?utf-8?b?w7hkZWxhZ3QgdmFyZQ==?= [#42]\r\n"
        b"Message-ID: <n@example.no>\r\n\r\nbody\r\n"
    )
    mail = parsed(raw)
    assert mail.from_name == "Kjærsti Hoås"
    assert mail.subject == "Klage på ødelagt vare [#42]"


def test_encoded_display_name_with_comma_stays_one_address() -> None:
    raw = b"From: =?utf-8?q?Hansen=2C_Per?= <per@example.dk>\r\nSubject: x\r\n\r\nx\r\n"
    mail = parsed(raw)
    assert (mail.from_name, mail.from_addr) == ("Hansen, Per", "per@example.dk")


def test_unknown_8bit_body_and_raw_8bit_header() -> None:
    raw = (
        b"From: J\xf8rgen <j@example.dk>\r\nSubject: K\xf8b af st\xf8vsuger\r\n"
        b"Content-Type: text/plain; charset=unknown-8bit\r\nContent-Transfer-Encoding: 8bit\r\n"
        b"\r\nJeg har k\xf8bt en st\xf8vsuger til 1.299 kr.\r\n"
    )
    mail = parsed(raw)
    assert mail.subject == "Køb af støvsuger"
    assert mail.from_name == "Jørgen"
    assert mail.text == "Jeg har købt en støvsuger til 1.299 kr."


def test_default_charset_declared_but_body_is_utf8() -> None:
    raw = (
        b"From: a@example.dk\r\nSubject: =?DEFAULT_CHARSET?q?Hej_med_dig?=\r\n"
        b"Content-Type: text/plain; charset=DEFAULT_CHARSET\r\n\r\n"
        + "Blåbærgrød".encode()
        + b"\r\n"
    )
    mail = parsed(raw)
    assert mail.subject == "Hej med dig"
    assert mail.text == "Blåbærgrød"


def test_lying_charset_falls_back_per_part() -> None:
    raw = (
        b"From: a@example.dk\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"caf\xe9 \x80 50\r\n"
    )
    assert parsed(raw).text == "café € 50"


def test_bogus_charset_name_and_non_text_codec_are_ignored() -> None:
    for charset in (b"x-no-such-charset", b"rot13", b"base64"):
        raw = (
            b"From: a@example.dk\r\nSubject: x\r\nContent-Type: text/plain; charset="
            + charset
            + b"\r\n\r\nhello\r\n"
        )
        assert parsed(raw).text == "hello"


def test_empty_message_id_is_missing() -> None:
    raw = b"From: a@example.dk\r\nMessage-Id: <>\r\nIn-Reply-To: <>\r\nSubject: x\r\n\r\nx\r\n"
    mail = parsed(raw)
    assert mail.message_id is None
    assert mail.in_reply_to is None


def test_header_with_thousands_of_semicolons_is_fast() -> None:
    params = b";" * 5000
    raw = (
        b"From: a@example.dk\r\nSubject: x\r\nTo: b@example.dk" + params + b"\r\n"
        b"Content-Type: text/plain; charset=utf-8" + params + b"\r\n\r\nhello\r\n"
    )
    start = time.perf_counter()
    mail = parsed(raw)
    elapsed = time.perf_counter() - start
    assert mail.text == "hello"
    assert mail.to == ("b@example.dk",)
    assert elapsed < 1.0, f"parsing took {elapsed:.2f} s"


def test_thousands_of_parameters_in_a_mime_part_header_is_fast() -> None:
    raw = (
        b"From: a@example.dk\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: application/pdf; " + b"a=b; " * 3000 + b"name=x.pdf\r\n\r\nPDF\r\n"
        b"--b--\r\n"
    )
    start = time.perf_counter()
    mail = parsed(raw)
    assert time.perf_counter() - start < 1.0
    assert len(mail.attachments) == 1


def test_broken_base64_still_gives_the_readable_part() -> None:
    good = base64.b64encode("Varen er gået i stykker".encode()).decode()
    raw = (
        b"From: a@example.dk\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + good[:-3].encode() + b"!!*\r\n"
    )
    mail = parsed(raw)
    assert mail.text.startswith("Varen er gået i")


def test_missing_closing_boundary_and_missing_boundary_parameter() -> None:
    unterminated = (
        b"From: a@example.dk\r\nSubject: x\r\nContent-Type: multipart/alternative; boundary=zz\r\n"
        b"\r\n--zz\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n"
    )
    assert parsed(unterminated).text == "first part"
    no_param = (
        b"From: a@example.dk\r\nSubject: x\r\nContent-Type: multipart/mixed\r\n\r\n"
        b"just some text\r\n"
    )
    mail = parsed(no_param)
    assert "just some text" in mail.text or any(a.size > 0 for a in mail.attachments)


def test_nested_multipart_prefers_plain_text_and_lists_attachments() -> None:
    raw = (
        b"From: a@example.dk\r\nSubject: nested\r\n"
        b"Content-Type: multipart/mixed; boundary=outer\r\n"
        b"\r\n--outer\r\nContent-Type: multipart/related; boundary=rel\r\n\r\n"
        b"--rel\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n"
        b"--alt\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=F8d til alle\r\n"
        b"--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b'<p>Gr\xc3\xb8d <img src="cid:logo@x"></p>\r\n--alt--\r\n'
        b"--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--rel--\r\n"
        b"--outer\r\nContent-Type: application/pdf\r\n"
        b"Content-Disposition: attachment; filename*=utf-8''faktura%20%C3%A6%C3%B8.pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.b64encode(b"%PDF-1.4 data") + b"\r\n"
        b"--outer\r\nContent-Type: message/rfc822\r\n\r\n"
        b"From: x@example.dk\r\nSubject: forwarded\r\n\r\nold body\r\n--outer--\r\n"
    )
    mail = parsed(raw)
    assert mail.text == "Grød til alle"
    assert mail.html is not None and 'src="cid:logo@x"' in mail.html
    names = [(a.filename, a.content_type) for a in mail.attachments]
    assert ("faktura æø.pdf", "application/pdf") in names
    assert any(ct == "image/png" for _, ct in names)
    assert any(ct == "message/rfc822" for _, ct in names)
    pdf = next(a for a in mail.attachments if a.content_type == "application/pdf")
    assert extract_attachment(raw, pdf.index) == ("faktura æø.pdf", b"%PDF-1.4 data")
    assert pdf.size == len(b"%PDF-1.4 data")
    forwarded = next(a for a in mail.attachments if a.content_type == "message/rfc822")
    assert b"old body" in extract_attachment(raw, forwarded.index)[1]
    with pytest.raises(KeyError):
        extract_attachment(raw, 999)
    with pytest.raises(KeyError):
        extract_attachment(raw, 0)  # the container itself


def test_attachment_filename_cannot_escape_a_folder() -> None:
    raw = (
        b"From: a@example.dk\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
        b"--b\r\nContent-Type: application/octet-stream\r\n"
        b'Content-Disposition: attachment; filename="..\\\\..\\\\evil.exe"\r\n\r\nMZ\r\n--b--\r\n'
    )
    mail = parsed(raw)
    assert mail.text == "see attached"
    assert [a.filename for a in mail.attachments] == ["evil.exe"]


def test_html_only_mail_with_tracking_pixel() -> None:
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        "<p>Tak for din henvendelse &amp; god dag</p>"
        '<a href="https://shop.example/ordre/1">Se ordre</a>'
        '<img src="https://track.example/open.gif?id=42" width="1" height="1">'
        "<script>alert(1)</script></body></html>"
    )
    raw = (
        b"From: a@example.dk\r\nSubject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        + html.encode()
    )
    mail = parsed(raw)
    assert mail.html is not None
    assert "track.example" not in mail.html
    assert "script" not in mail.html and "alert" not in mail.html
    assert mail.blocked_remote == 1
    assert "Tak for din henvendelse & god dag" in mail.text
    assert "Se ordre (https://shop.example/ordre/1)" in mail.text
    loaded = remote_html(raw)
    assert loaded is not None and "track.example/open.gif" in loaded


@pytest.mark.parametrize(
    ("header", "reason_part"),
    [
        (b"Auto-Submitted: auto-replied", "auto-replied"),
        (b"X-Autoreply: yes", "X-Autoreply"),
        (b"X-Autorespond: yes", "X-Autorespond"),
        (b"Precedence: auto_reply", "auto_reply"),
        (b"Return-Path: <>", "Return-Path"),
    ],
)
def test_auto_replies_are_marked(header: bytes, reason_part: str) -> None:
    raw = b"From: a@example.dk\r\n" + header + b"\r\nSubject: Out of office\r\n\r\nAway\r\n"
    mail = parsed(raw)
    assert mail.is_auto
    assert mail.auto_reason is not None and reason_part in mail.auto_reason


def test_auto_submitted_no_is_a_person() -> None:
    raw = b"From: a@example.dk\r\nAuto-Submitted: no\r\nSubject: x\r\n\r\nx\r\n"
    assert not parsed(raw).is_auto


def test_dsn_bounce_is_auto_and_keeps_the_report() -> None:
    raw = (
        b"From: Mail Delivery System <MAILER-DAEMON@mx.example.dk>\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce1@mx.example.dk>\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\r\n\r\n'
        b"--R\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you...\r\n"
        b"--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.dk\r\n"
        b"\r\nFinal-Recipient: rfc822; nobody@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        b"--R\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <ours@shop.dk>\r\n"
        b"Subject: Re: order\r\n--R--\r\n"
    )
    mail = parsed(raw)
    assert mail.is_auto
    assert mail.auto_reason == "delivery report (delivery-status)"
    assert "sorry" in mail.text
    status = next(a for a in mail.attachments if a.content_type == "message/delivery-status")
    assert b"Status: 5.1.1" in extract_attachment(raw, status.index)[1]


def test_mailer_daemon_sender_without_report_is_auto() -> None:
    raw = b"From: postmaster@example.dk\r\nSubject: failure\r\n\r\nx\r\n"
    assert parsed(raw).auto_reason == "sent by postmaster"


def test_threading_headers_are_normalised() -> None:
    raw = (
        b"From: a@example.dk\r\nSubject: Re: x\r\nMessage-ID: <Reply@Example.dk>\r\n"
        b"In-Reply-To: <Parent@Shop.dk> (Your message of Monday)\r\n"
        b"References: <root@shop.dk>\r\n <Parent@Shop.dk>\r\n\t<root@shop.dk> junk <>\r\n\r\nx\r\n"
    )
    mail = parsed(raw)
    assert mail.in_reply_to == "<parent@shop.dk>"
    assert mail.references == ("<parent@shop.dk>", "<root@shop.dk>")


def test_missing_or_absurd_date_falls_back_to_received() -> None:
    for date in (b"", b"Date: not a date\r\n", b"Date: Mon, 1 Jan 2091 10:00:00 +0000\r\n"):
        mail = parsed(b"From: a@example.dk\r\n" + date + b"Subject: x\r\n\r\nx\r\n")
        assert mail.date == RECEIVED
        assert not mail.date_from_header


def test_naive_date_is_treated_as_utc() -> None:
    mail = parsed(b"From: a@example.dk\r\nDate: 5 Mar 2024 10:00:00 -0000\r\nSubject: x\r\n\r\nx")
    assert mail.date == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)


def test_content_hash_ignores_transport_headers_but_not_content() -> None:
    base = (
        b"From: a@example.dk\r\nSubject: x\r\nDate: Tue, 5 Mar 2024 10:00:00 +0100\r\n\r\nbody\r\n"
    )
    relayed = (
        b"Received: from mx by mx2; Tue, 5 Mar 2024 10:00:01 +0100\r\nDelivered-To: s@x\r\n" + base
    )
    changed = base.replace(b"body", b"other body")
    assert parsed(base).content_hash == parsed(relayed).content_hash
    assert parsed(base).content_hash != parsed(changed).content_hash
    # Without a Date header the fallback time must not make the same mail look new.
    undated = b"From: a@example.dk\r\nSubject: x\r\n\r\nbody\r\n"
    later = parse_message(undated, received=datetime(2030, 1, 1, tzinfo=UTC))
    assert isinstance(later, ParsedMail)
    assert parsed(undated).content_hash == later.content_hash


@pytest.mark.parametrize(
    ("raw", "reason_part"),
    [
        (b"", "empty"),
        (b"  \r\n\r\n", "empty"),
        (b"\x00\x01\x02 binary garbage without any header", "no mail headers"),
        (b"X-Whatever: 1\r\n\r\nno sender, no subject", "does not look like an email"),
    ],
)
def test_unreadable_messages_are_quarantined(raw: bytes, reason_part: str) -> None:
    result = parse_message(raw)
    assert isinstance(result, Quarantined)
    assert reason_part in result.reason.lower()
    assert result.raw == raw


def test_quarantine_keeps_partial_headers() -> None:
    raw = b"X-Whatever: 1\r\nX-Mailer: =?utf-8?q?Br=C3=B8d?=\r\n\r\nno sender"
    result = parse_message(raw)
    assert isinstance(result, Quarantined)
    assert ("X-Mailer", "Brød") in result.headers


def test_parse_work_limit_on_parts_quarantines_instead_of_hanging() -> None:
    def mail(count: int) -> bytes:
        parts = b"".join(
            b"--b\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(count)
        )
        return (
            b"From: a@example.dk\r\nSubject: many parts\r\n"
            b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + parts + b"--b--\r\n"
        )

    assert isinstance(parse_message(mail(300)), ParsedMail)
    result = parse_message(mail(2100))
    assert isinstance(result, Quarantined)
    assert "more than 2000 MIME parts" in result.reason


def test_decode_header_value_keeps_undecodable_words() -> None:
    assert decode_header_value("=?utf-8?b?###?= ok") == "=?utf-8?b?###?= ok"
    assert decode_header_value("=?x-unknown?q?Hej?=") == "Hej"
    assert decode_header_value(None) == ""
    assert decode_header_value("line\r\n folded") == "line folded"
