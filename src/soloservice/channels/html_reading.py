"""The base of both HTML-to-text readers, so they read the same markup the same way.

``channels/email/html.py`` turns mail HTML into readable text (previews, search, quoting);
``channels/form/html_text.py`` turns a form notification into ``Label: value`` lines. What
they make of the text differs; how a tag reaches them does not, and lives here.
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
