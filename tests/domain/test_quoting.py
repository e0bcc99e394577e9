"""Cutting what a mail client quoted below a reply: inline quotes, forwards, Outlook headers."""

from __future__ import annotations

from soloservice.domain.quoting import strip_quoted
from tests.domain.answer_mails import OUTLOOK_EN, OUTLOOK_NB_NO_RULE


def test_strip_quoted_handles_inline_quotes_and_keeps_text_between() -> None:
    text = "> Er du tilfreds?\nJa\n> Giv en karakter 0-10\n9\r\n"
    assert strip_quoted(text) == "Ja\n\n9".replace("\n\n", "\n")


def test_strip_quoted_cuts_forwarded_separator_and_outlook_header() -> None:
    assert strip_quoted("Nej" + OUTLOOK_EN) == "Nej"
    assert strip_quoted("Nei" + OUTLOOK_NB_NO_RULE) == "Nei"
    assert strip_quoted("Ja\n---------- Forwarded message ---------\nFrom: x") == "Ja"


def test_strip_quoted_keeps_a_line_that_only_looks_like_a_sign_off() -> None:
    assert strip_quoted("Best service ever, 10") == "Best service ever, 10"
    assert strip_quoted("Hilsen fra en glad kunde: 10") == "Hilsen fra en glad kunde: 10"
