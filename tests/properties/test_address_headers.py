"""Property: whatever a From header holds around the address, the sender read from it is
that address, lower-cased, and no terminal escape or control character reaches the name the
window and the CLI print (Python 3.11 and 3.13 alike; see tests/channels/email/)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.email.parse import ParsedMail, parse_message
from tests.properties.conftest import PROPERTIES

RECEIVED = datetime(2026, 11, 24, 9, tzinfo=UTC)
#: what hostile or broken clients put into display names
NOISE = st.sampled_from(["\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x07", "\x00", "\x7f", "\t"])
WORDS = st.text(st.characters(whitelist_categories=("L",)), min_size=1, max_size=12)
LOCAL = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789._-"), min_size=1, max_size=12)
DOMAIN = st.sampled_from(["example.dk", "butik.no", "Example.COM", "mail.example.org"])


def raw(sender: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: hej@butik.dk\r\nSubject: Hej\r\n"
        "Message-ID: <p1@example.com>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHej\r\n"
    ).encode("utf-8", "surrogateescape")


@PROPERTIES
@given(
    st.lists(st.one_of(WORDS, NOISE), min_size=1, max_size=5),
    LOCAL.filter(lambda s: s[0] not in ".-" and s[-1] not in ".-" and ".." not in s),
    DOMAIN,
)
def test_the_address_survives_any_noise_in_the_name(
    name_parts: list[str], local: str, domain: str
) -> None:
    sender = " ".join(name_parts) + f" <{local}@{domain}>"
    parsed = parse_message(raw(sender), received=RECEIVED)
    assert isinstance(parsed, ParsedMail), parsed
    assert parsed.from_addr == f"{local}@{domain}".lower()
    assert not any(ch in parsed.from_name for ch in "\x1b\x07\x00\x7f")


@PROPERTIES
@given(LOCAL.filter(lambda s: s[0] not in ".-" and s[-1] not in ".-" and ".." not in s), DOMAIN)
def test_a_bare_address_is_its_own_sender(local: str, domain: str) -> None:
    parsed = parse_message(raw(f"{local}@{domain}"), received=RECEIVED)
    assert isinstance(parsed, ParsedMail), parsed
    assert parsed.from_addr == f"{local}@{domain}".lower()
