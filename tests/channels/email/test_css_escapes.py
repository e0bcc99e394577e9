"""CSS escapes must not hide a remote fetch from the remote-content count (issue 12)."""

from __future__ import annotations

import pytest

from soloservice.channels.email.html import decode_css_escapes, sanitize_html


@pytest.mark.parametrize(
    "style",
    [
        r"background-color: u\72 l(http://tracker.example/p.png)",
        r"width: \75 rl(http://tracker.example/p.png)",
        r"width: \000075\000072\00006c(http://tracker.example/p.png)",
        r"color: u\rl(http://tracker.example/p.png)",
        r"color: red; width: image-set('http://tracker.example/p.png' 1x)",
        r"color: red; width: \@import 'http://tracker.example/x.css'",
    ],
)
def test_escaped_url_is_blocked_and_counted(style: str) -> None:
    safe = sanitize_html(f'<p style="{style}">hej</p>')
    assert safe.blocked_remote == 1
    assert "tracker.example" not in safe.html


def test_plain_style_is_kept_and_allow_remote_keeps_it() -> None:
    assert sanitize_html('<p style="color:blue">x</p>').html == '<p style="color:blue">x</p>'
    loaded = sanitize_html(r'<p style="width: u\72 l(http://a.example/i.png)">x</p>', True)
    assert loaded.blocked_remote == 0


def test_decode_css_escapes() -> None:
    assert decode_css_escapes(r"u\72 l(") == "url("
    assert decode_css_escapes(r"\75\72\6c(") == "url("
    assert decode_css_escapes(r"u/* x */rl") == "url"
    assert decode_css_escapes("\\0 x") == "\ufffdx"
