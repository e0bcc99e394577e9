"""Handles and profile links pasted by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from soloservice.channels.social.capture import parse_handle, quick_capture
from soloservice.domain.identity import InvalidIdentity
from soloservice.domain.types import Channel


@pytest.mark.parametrize(
    ("platform", "text", "handle"),
    [
        (Channel.INSTAGRAM, "@Kari.Nordmann", "kari.nordmann"),
        (Channel.INSTAGRAM, "https://www.instagram.com/kari.nordmann/?hl=da", "kari.nordmann"),
        (Channel.INSTAGRAM, "instagram.com/kari.nordmann", "kari.nordmann"),
        (Channel.X, "https://x.com/JensHansen/status/1862000000000000001", "jenshansen"),
        (Channel.X, "twitter.com/jenshansen", "jenshansen"),
        (Channel.X, "jens_hansen", "jens_hansen"),
        (Channel.FACEBOOK, "https://www.facebook.com/mette.sorensen.77", "mette.sorensen.77"),
        (Channel.FACEBOOK, "https://m.facebook.com/profile.php?id=100012345678", "100012345678"),
        (Channel.FACEBOOK, "https://www.facebook.com/people/Mette-S/100012345678/",
         "100012345678"),
    ],
)  # fmt: skip
def test_parse_handle(platform: Channel, text: str, handle: str) -> None:
    assert parse_handle(platform, text) == handle


@pytest.mark.parametrize(
    ("platform", "text", "fragment"),
    [
        (Channel.FACEBOOK, "https://www.instagram.com/kari", "Instagram link"),
        (Channel.INSTAGRAM, "https://www.instagram.com/p/Cx12ab/", "not a profile"),
        (Channel.X, "https://x.com/i/flow/login", "not a profile"),
        (Channel.X, "@this_handle_is_far_too_long", "not a valid X handle"),
        (Channel.INSTAGRAM, "https://example.com/kari", "not a Facebook, Instagram or X link"),
        (Channel.INSTAGRAM, "   ", "empty"),
        (Channel.PHONE, "@kari", "no handles"),
    ],
)
def test_parse_handle_refuses(platform: Channel, text: str, fragment: str) -> None:
    with pytest.raises(InvalidIdentity, match=fragment):
        parse_handle(platform, text)


def test_quick_capture_keeps_the_link_and_normalises_the_handle() -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    capture = quick_capture(
        Channel.INSTAGRAM,
        "  Kommentar under opslaget: varen kom i stykker!  ",
        handle="https://www.instagram.com/Kari.Nordmann/",
        now=now,
    )
    assert capture.handle == "kari.nordmann"
    assert capture.text == "Kommentar under opslaget: varen kom i stykker!"
    assert capture.source_url == "https://www.instagram.com/Kari.Nordmann/"
    assert capture.captured_at == now


def test_quick_capture_needs_text_and_somebody() -> None:
    with pytest.raises(ValueError, match="message text"):
        quick_capture(Channel.FACEBOOK, " ", name="Mette")
    with pytest.raises(ValueError, match="handle, profile link or name"):
        quick_capture(Channel.FACEBOOK, "Anmeldelse: 2 stjerner")
    review = quick_capture(Channel.FACEBOOK, "Anmeldelse: 2 stjerner", name="Mette S.")
    assert review.handle is None and review.name == "Mette S."
