"""The base of the form notification reader (``channels/form/html_text.py``).

How a tag reaches it: character references decoded, ``<br/>`` as ``<br>``. The mail reader
(``channels/email/html_text.py``) reads through html5ever instead, for speed on a large
import; tests/properties/test_html_readers_agree.py holds the two to the same reading of
character references and self-closing tags.
"""

from __future__ import annotations

from html.parser import HTMLParser


class HtmlTextParser(HTMLParser):
    """Character references arrive decoded in ``handle_data``. A self-closing ``<br/>`` or
    ``<hr/>`` acts as its start tag; any other self-closing tag (``<img/>``, a stray ``<p/>``)
    is ignored, since it encloses no text and must not open or close a block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.handle_starttag(tag, attrs)
