"""Making mail HTML safe to show, and readable as plain text.

Remote content is blocked unless the user asks for it per message: a remote image
is how senders learn that (and when, and where) a mail was opened. ``cid:`` parts of
the same mail and inline ``data:`` images cannot phone home, so they stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

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
_URL_IN_CSS = re.compile(r"url\s*\(", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class SafeHtml:
    html: str
    blocked_remote: int


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
        if attr == "style" and _URL_IN_CSS.search(value):
            if allow_remote:
                return value
            kept = [decl for decl in value.split(";") if not _URL_IN_CSS.search(decl)]
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


_BLOCK_TAGS = {
    "p", "div", "table", "tr", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4",
    "h5", "h6", "section", "article", "header", "footer", "address", "dl", "dt", "dd",
    "center", "form", "fieldset", "hr",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "head", "title", "noscript", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0
        self._pre = 0
        self._links: list[tuple[str, int]] = []

    def _newline(self, count: int = 1) -> None:
        self.chunks.append("\n" * count)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self._newline()
        elif tag == "li":
            self._newline()
            self.chunks.append("- ")
        elif tag in ("td", "th"):
            self.chunks.append(" ")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._links.append((href, len(self.chunks)))
        elif tag in _BLOCK_TAGS:
            self._newline(2 if tag in ("p", "blockquote", "table") or tag[0] == "h" else 1)
            if tag == "pre":
                self._pre += 1
            if tag == "hr":
                self.chunks.append("----")
                self._newline()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            text = "".join(self.chunks[start:]).strip()
            target = href.strip()
            shown = target[7:] if target.lower().startswith("mailto:") else target
            if target and not target.startswith("#") and shown not in text:
                self.chunks.append(f" ({shown})")
        elif tag in _BLOCK_TAGS:
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self._newline(2 if tag in ("p", "blockquote", "table") or tag[0] == "h" else 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.chunks.append(data if self._pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Readable plain text for previews, search and quoting; links become "text (url)"."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
        while parser._links:  # an <a> never closed still shows where it pointed
            parser.handle_endtag("a")
    except Exception:  # HTMLParser is lenient, but a crash must not lose the mail's text
        return re.sub(r"<[^>]*>", " ", html).strip()
    text = "".join(parser.chunks).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
