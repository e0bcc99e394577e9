"""Reply detection: prefixes, case tags and parent candidates."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.channels.email.threads import (
    CASE_TAG_RE,
    candidate_parents,
    case_tag,
    find_case_tag,
    normalise_message_id,
    normalise_subject,
)


@dataclass(frozen=True)
class Headers:
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]


def test_case_tag_round_trip() -> None:
    assert case_tag(123) == "[#123]"
    assert find_case_tag(f"Re: Sv: Din reklamation {case_tag(123)}") == 123
    assert find_case_tag("Re: [#12] fwd of [#99]") == 99
    assert find_case_tag("Order #123 [123]") is None
    assert find_case_tag(None) is None
    assert CASE_TAG_RE.search("x [#7] y") is not None


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Sv: AW: [#12] Hej", "Hej"),
        ("SV: VS: Antw: Fwd: Re[2]: Reklamation [#7]", "Reklamation"),
        ("RE:RE:re: Problem med ordre", "Problem med ordre"),
        ("Fw: WG: Tr: Faktura   1234", "Faktura 1234"),
        ("[support] Re: foo", "foo"),
        ("Reklamation", "Reklamation"),
        ("Regarding: Refund", "Regarding: Refund"),
        ("Re: [URGENT]", "[URGENT]"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_subject(subject: str | None, expected: str) -> None:
    assert normalise_subject(subject) == expected


def test_normalise_message_id() -> None:
    assert normalise_message_id("<ABC@Example.DK>") == "<abc@example.dk>"
    assert normalise_message_id("  <a@b>  (comment)") == "<a@b>"
    assert normalise_message_id("bare@id.dk") == "<bare@id.dk>"
    for junk in ("<>", "", None, "no id here", "<with space@x>"):
        assert normalise_message_id(junk) is None


def test_candidates_in_reply_to_first_then_references_newest_first() -> None:
    mail = Headers("<me@x>", "<parent@x>", ("<root@x>", "<mid@x>", "<parent@x>"))
    assert candidate_parents(mail) == ["<parent@x>", "<mid@x>", "<root@x>"]


def test_candidates_ignore_self_references_and_junk() -> None:
    mail = Headers("<me@x>", "<me@x>", ("<ROOT@x>", "<me@x>", "<>", "<root@x>"))
    assert candidate_parents(mail) == ["<root@x>"]
    assert candidate_parents(Headers(None, None, ())) == []


def test_candidates_from_a_parsed_reply() -> None:
    raw = (
        b"From: kunde@example.dk\r\nSubject: Sv: Din ordre [#5]\r\nMessage-ID: <r2@example.dk>\r\n"
        b"In-Reply-To: <Out1@shop.dk>\r\nReferences: <in1@example.dk> <out1@shop.dk>\r\n\r\nok\r\n"
    )
    mail = parse_message(raw)
    assert isinstance(mail, ParsedMail)
    assert candidate_parents(mail) == ["<out1@shop.dk>", "<in1@example.dk>"]
    assert find_case_tag(mail.subject) == 5
