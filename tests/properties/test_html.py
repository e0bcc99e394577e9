"""The sanitiser on anything: no exception, no script, no event handler, nothing remote."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.email.html import decode_css_escapes, html_to_text, sanitize_html
from tests.properties.conftest import PROPERTIES
from tests.properties.strategies import html_fragment

# inside tags only: the text itself is escaped (&lt;), so "<" starts a real tag
_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_REMOTE = re.compile(r"""<[^>]*\s(?:src|background)\s*=\s*["']?\s*(?:https?:|//)""", re.I)
_SCRIPT_URL = re.compile(
    r"<[^>]*\s(?:href|src|action|formaction|background|xlink:href)\s*=\s*[\"']?\s*javascript:",
    re.IGNORECASE,
)
_STYLE = re.compile(r"""<[^>]*\sstyle\s*=\s*"([^"]*)\"""", re.IGNORECASE)


def check(html: str) -> None:
    safe = sanitize_html(html)
    lowered = safe.html.lower()
    for tag in ("<script", "<iframe", "<object", "<svg", "<math", "<base", "<meta", "<form"):
        assert tag not in lowered
    assert _HANDLER.search(safe.html) is None
    assert _SCRIPT_URL.search(safe.html) is None
    assert _REMOTE.search(safe.html) is None
    for style in _STYLE.findall(safe.html):
        decoded = decode_css_escapes(style.replace("&quot;", '"')).lower()
        assert "url(" not in decoded and "@import" not in decoded
    assert safe.blocked_remote >= 0
    assert isinstance(html_to_text(html), str)


@PROPERTIES
@given(st.text(max_size=500))
def test_arbitrary_text(html: str) -> None:
    check(html)


@PROPERTIES
@given(html_fragment)
def test_arbitrary_markup(html: str) -> None:
    check(html)
