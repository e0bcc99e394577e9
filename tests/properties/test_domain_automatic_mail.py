"""Telling a person writing from a machine: auto-replies, bounces, newsletters, no-reply.

Through ``parse_message`` (the public parser, whatever module its header rules live in) and
through the composed app: automatic mail gets no reply promise, a person's mail does, and an
auto-reply or a bounce never becomes an inquiry. The header names and values vary in case and
spacing the way real mail servers write them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.eml import eml, import_mail
from tests.properties.conftest import PROPERTIES

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
BULK_HEADERS = (
    ("List-Id", "<news.shop.example>"),
    ("List-Unsubscribe", "<mailto:unsubscribe@shop.example>"),
    ("X-Mailchimp-Campaign", "abc123"),
    ("X-Campaign-Id", "42"),
    ("Feedback-ID", "1:campaign:gmail"),
    ("Precedence", "bulk"),
    ("Precedence", "list"),
    ("Precedence", "junk"),
    ("X-Spam-Flag", "YES"),
    ("X-Spam-Status", "Yes, score=9.1"),
)
AUTO_HEADERS = (
    ("Auto-Submitted", "auto-replied"),
    ("Auto-Submitted", "auto-generated; type=vacation"),
    ("X-Autoreply", "yes"),
    ("X-Autorespond", "Out of office"),
    ("X-Failed-Recipients", "mette@example.dk"),
    ("Precedence", "auto_reply"),
    ("Return-Path", "<>"),
)
NO_REPLY = (
    "noreply",
    "no-reply",
    "no_reply",
    "donotreply",
    "do-not-reply",
    "ikke-svar",
    "nyhedsbrev",
    "newsletter",
    "notifications",
    "shop+noreply",
    "noreply-orders",
)
PEOPLE = ("mette", "ola.nordmann", "sarah_j", "kontakt", "info", "jens+shop", "n0reply2me")
cases = st.sampled_from((str.lower, str.upper, str.title, lambda s: s))


def _raw(sender: str, headers: list[tuple[str, str]]) -> bytes:
    extra = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return (
        f"From: {sender}\r\nTo: hej@butik.dk\r\nSubject: Hej\r\nMessage-ID: <p1@example.dk>\r\n"
        f"Date: Tue, 24 Nov 2026 10:00:00 +0100\r\n{extra}"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHej, har I den i blå?\r\n"
    ).encode()


def _parsed(sender: str, headers: list[tuple[str, str]]) -> ParsedMail:
    mail = parse_message(_raw(sender, headers), received=NOW)
    assert isinstance(mail, ParsedMail)
    return mail


@PROPERTIES
@given(st.sampled_from(PEOPLE), st.sampled_from(("example.dk", "firma.no", "gmail.com")), cases)
def test_a_person_writing_is_neither_automatic_nor_bulk(
    local: str, domain: str, case: object
) -> None:
    mail = _parsed(f"Mette <{local}@{domain}>", [("Auto-Submitted", case("no"))])  # type: ignore[operator]
    assert (mail.is_auto, mail.auto_reason, mail.bulk_reason) == (False, None, None)


@PROPERTIES
@given(st.sampled_from(BULK_HEADERS), cases, cases)
def test_newsletter_list_and_spam_headers_make_bulk_mail(
    pair: tuple[str, str], name_case: object, value_case: object
) -> None:
    name, value = pair
    mail = _parsed("Butikken <info@shop.example>", [(name_case(name), value_case(value))])  # type: ignore[operator]
    assert not mail.is_auto  # a newsletter is stored (as automatic mail), unlike a bounce
    assert mail.bulk_reason is not None


@PROPERTIES
@given(st.sampled_from(AUTO_HEADERS), cases, st.lists(st.sampled_from(BULK_HEADERS), max_size=2))
def test_auto_replies_and_bounces_are_automatic_whatever_else_they_say(
    pair: tuple[str, str], name_case: object, bulk: list[tuple[str, str]]
) -> None:
    name, value = pair
    mail = _parsed("Mette <mette@example.dk>", [(name_case(name), value), *bulk])  # type: ignore[operator]
    assert mail.is_auto and mail.auto_reason
    assert mail.bulk_reason is None  # replies and bounces are not bulk


@PROPERTIES
@given(st.sampled_from(("mailer-daemon", "postmaster", "MAILER-DAEMON", "Postmaster")))
def test_a_mail_server_writing_is_automatic(local: str) -> None:
    mail = _parsed(f"Mail Delivery System <{local}@mx.example.com>", [])
    assert mail.is_auto and mail.auto_reason == f"sent by {local.lower()}"


@PROPERTIES
@given(st.sampled_from(NO_REPLY), cases, st.booleans())
def test_a_no_reply_sender_is_bulk_unless_a_person_is_in_reply_to(
    local: str, case: object, relayed: bool
) -> None:
    sender = f"Shop <{case(local)}@shop.example>"  # type: ignore[operator]
    headers = [("Reply-To", "Mette <mette@example.dk>")] if relayed else []
    mail = _parsed(sender, headers)
    if relayed:  # a web shop or contact form relaying its customer: a person writing
        assert mail.bulk_reason is None
    else:
        assert mail.bulk_reason == f"sent from a no-reply address ({local.lower()}@shop.example)"


# -- through the composed app ------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = Services.open(tmp_path_factory.mktemp("automatic"))
    services.ctx.clock = FixedClock(NOW)
    yield services
    services.close()


_counter = iter(range(1000, 100_000))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.tuples(st.just("bulk"), st.sampled_from(BULK_HEADERS)),
        st.tuples(st.just("auto"), st.sampled_from(AUTO_HEADERS)),
        st.tuples(st.just("person"), st.just(("X-Mailer", "Apple Mail"))),
    )
)
def test_only_a_person_gets_a_reply_promise(
    app: Services, tmp_path_factory: pytest.TempPathFactory, case: tuple[str, tuple[str, str]]
) -> None:
    kind, (name, value) = case
    n = next(_counter)
    raw = eml(
        n,
        when=NOW - timedelta(minutes=5),
        sender=f"Afsender <a{n}@example.dk>",
        subject=f"Besked {n}",
        body="Hej, har I den i blå?",
        extra=f"{name}: {value}\r\n",
    )
    summary = import_mail(app, tmp_path_factory.mktemp("mail"), raw, f"m{n}")
    if kind == "auto":
        assert summary.new_inquiries == 0  # a bounce or an out-of-office is no inquiry
        return
    assert summary.new_inquiries == 1
    view = View.AUTOMATIC if kind == "bulk" else View.INBOX
    ids = app.inbox.list_ids(InboxQuery(view=view))
    detail = max((app.inquiries.get(i) for i in ids), key=lambda d: d.id)
    assert detail.subject == f"Besked {n}"
    if kind == "bulk":
        assert detail.flags.automatic_reason
        assert detail.due_at is None and detail.needs_reply_since is None
    else:
        assert detail.flags.automatic_reason == ""
        assert detail.due_at is not None and detail.due_at > detail.received_at
