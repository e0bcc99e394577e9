"""Making mail HTML safe to show, and readable as plain text.

Remote content is blocked unless the user asks for it per message: a remote image
is how senders learn that (and when, and where) a mail was opened. ``cid:`` parts of
the same mail and inline ``data:`` images cannot phone home, so they stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape as _html_escape
from html import unescape as _html_unescape

import nh3

from soloservice.channels.email.html_text import read_text

_TAGS = set(nh3.ALLOWED_TAGS) | {"font", "body", "tfoot"}
_ATTRIBUTES: dict[str, set[str]] = {
    tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()
}
_ATTRIBUTES["*"] = {"style", "lang", "title", "dir"}
for _tag in ("table", "td", "th", "tr", "body"):
    _ATTRIBUTES.setdefault(_tag, set()).update({"background", "bgcolor", "width", "height"})
_ATTRIBUTES.setdefault("font", set()).update({"color", "face", "size"})
_ATTRIBUTES["a"].add("title")
_URL_SCHEMES = set(nh3.ALLOWED_URL_SCHEMES) | {"cid", "data"}
# Properties that can carry url() (background, list-style-image, border-image, content,
# cursor, ...) are left out on purpose; colours, fonts and box sizes are enough for mail.
_STYLE_PROPERTIES = {
    "color", "background-color", "font", "font-family", "font-size", "font-style",
    "font-weight", "text-align", "text-decoration", "text-indent", "line-height",
    "letter-spacing", "white-space", "vertical-align", "margin", "margin-top",
    "margin-right", "margin-bottom", "margin-left", "padding", "padding-top",
    "padding-right", "padding-bottom", "padding-left", "border", "border-top",
    "border-right", "border-bottom", "border-left", "border-color", "border-style",
    "border-width", "border-collapse", "border-spacing", "border-radius", "width",
    "height", "max-width", "min-width", "max-height", "min-height", "display",
}  # fmt: skip
_LOADING_ATTRS = {"src", "background"}
#: what makes CSS fetch: url(), @import, image-set() (and IE's expression(), for good measure);
#: checked on the *decoded* value, since ``u\72 l(`` is ``url(`` to every CSS parser
_URL_IN_CSS = re.compile(r"url\s*\(|@import|image-set\s*\(|expression\s*\(", re.IGNORECASE)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
#: Past these, nh3 (html5ever) is not used: its time grows with the square of the nesting
#: (200,000 nested <div> took 206 s). Such mail is shown as text, from a linear tag strip.
MAX_HTML_CHARS = 2_000_000
MAX_HTML_DEPTH = 400
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "option", "td", "th", "tr", "dt", "dd",
}  # fmt: skip
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class SafeHtml:
    html: str
    blocked_remote: int
    #: why the HTML was not sanitised but replaced by its text (too large or too deeply
    #: nested to parse in bounded time); ``None`` for ordinary mail
    fallback: str | None = None


def decode_css_escapes(value: str) -> str:
    """CSS as a browser reads it: ``\\75 rl(`` and ``u\\rl(`` are ``url(``; comments go."""

    def unescape(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return match.group(2)

    return _CSS_ESCAPE.sub(unescape, _CSS_COMMENT.sub("", value))


@lru_cache(maxsize=4)
def html_limit_reason(html: str) -> str | None:
    """Why ``html`` is too big or too deep to sanitise, from one linear scan; else ``None``.

    The depth is counted over tags that must be closed; an unclosed ``<p>`` or ``<li>`` is
    not counted, so ordinary sloppy HTML stays under the limit. Remembered for the last few
    texts: parsing a mail asks it of the same HTML twice (``sanitize_html``, then
    ``html_to_text`` when the mail has no plain-text part); a str keeps its hash, so asking
    again costs nothing.
    """
    if len(html) > MAX_HTML_CHARS:
        return f"the HTML is larger than {MAX_HTML_CHARS // 1_000_000} million characters"
    if html.count("<") <= MAX_HTML_DEPTH:  # every level opens with a "<": none to count
        return None
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if self_closing or name in _VOID_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > MAX_HTML_DEPTH:
            return f"the HTML is nested more than {MAX_HTML_DEPTH} levels deep"
    return None


def strip_tags(html: str) -> str:
    """Text of any HTML in linear time, without a parser: for HTML too hostile to parse."""
    text = re.sub(r"(?is)<(script|style|head|title)\b.*?</\1\s*>", " ", html)
    text = re.sub(r"(?i)<(?:br|/p|/div|/tr|/li|/h[1-6]|p|div|tr|li)\b[^>]*>", "\n", text)
    text = re.sub(r"<[^>]*>?", "", text)
    text = _html_unescape(text).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_local_resource(value: str) -> bool:
    compact = _INVISIBLE.sub("", value).lower()
    return compact.startswith("cid:") or compact.startswith("data:image/")


def _is_remote(value: str) -> bool:
    compact = _INVISIBLE.sub("", value).lower()
    return compact.startswith(("http:", "https:", "//", "\\\\", "ftp:"))


def sanitize_html(html: str, allow_remote: bool = False) -> SafeHtml:
    """Strip active content; with ``allow_remote=False`` nothing in the result loads from afar.

    Anything that makes the viewer fetch (``src``/``background`` that is not ``cid:`` or a
    ``data:`` image, CSS ``url()``) is dropped and counted, so the UI can offer
    "load remote content (N)". Links stay: they are only followed on a click.
    """
    too_big = html_limit_reason(html)
    if too_big is not None:
        escaped = _html_escape(strip_tags(html))
        return SafeHtml(html=f"<pre>{escaped}</pre>", blocked_remote=0, fallback=too_big)
    blocked = 0

    def keep(tag: str, attr: str, value: str) -> str | None:
        nonlocal blocked
        if tag not in _TAGS:
            return None  # the whole element goes; do not count what it would have loaded
        if attr in _LOADING_ATTRS:
            if _is_local_resource(value):
                return value
            if allow_remote and _is_remote(value):
                return value
            blocked += 1
            return None
        if attr == "style" and _URL_IN_CSS.search(decode_css_escapes(value)):
            if allow_remote:
                return value
            decoded = decode_css_escapes(value)
            kept = [decl for decl in decoded.split(";") if not _URL_IN_CSS.search(decl)]
            blocked += 1
            return ";".join(kept) or None
        if attr == "href" and _INVISIBLE.sub("", value).lower().startswith("data:"):
            return None
        return value

    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style", "title", "head", "noscript", "template"},
        attributes=_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes=_URL_SCHEMES,
        filter_style_properties=_STYLE_PROPERTIES,
        strip_comments=True,
        link_rel="noopener noreferrer nofollow",
    )
    return SafeHtml(html=cleaned, blocked_remote=blocked)


def html_to_text(html: str) -> str:
    """Readable plain text for previews, search and quoting; links become "text (url)".

    Read as a browser reads the markup (``html_text.read_text``); HTML too large or too
    deep for that in bounded time is stripped of its tags instead."""
    if html_limit_reason(html) is not None:
        return strip_tags(html)
    try:
        return read_text(html)
    except ValueError:  # (a lone surrogate nh3 cannot encode): the text must not be lost
        return strip_tags(html)
