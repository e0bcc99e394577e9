"""Mail HTML read as text the way a browser reads the markup (channels/email/html_text.py).

The cases are from the benchmark corpus's real newsletters, where the stdlib HTMLParser
read differently from a browser: it showed an iframe's fallback markup and a script's
``document.write`` strings, decoded ``&sect`` inside a link's query, and turned misnested
links into "url (url name)".
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.email.html import html_to_text
from soloservice.channels.email.html_text import normalised_html, read_text
from tests.helpers.composed import CPH, only_inquiry, open_copy
from tests.properties.conftest import PROPERTIES

WORD = st.text(st.characters(whitelist_categories=("L", "Nd")), min_size=1, max_size=8)
WORDS = st.lists(WORD, min_size=1, max_size=6)


def test_frame_fallback_and_script_strings_are_not_text() -> None:
    page = (
        "<p>Nyhedsbrev</p>"
        '<iframe src="https://ads.example/x"><script src="https://ads.example/y"></script>'
        "Your browser does not do frames</iframe>"
        "<script>document.write('<TD>x</TD><A HREF=\"https://track.example\">');</script>"
        "<p>Tilbud</p>"
    )
    assert html_to_text(page) == "Nyhedsbrev\n\nTilbud"


def test_a_link_query_keeps_its_ampersands() -> None:
    text = html_to_text('<a href="https://shop.example/o?target=3&sectionid=1&amp;x=2">Ordre</a>')
    assert text == "Ordre (https://shop.example/o?target=3&sectionid=1&x=2)"


def test_misnested_links_read_as_a_browser_shows_them() -> None:
    page = (
        '<A href="https://a.example"><FONT size=4><A href="https://a.example&nbsp;UK">'
        "https://a.example</FONT></A><FONT size=4>&nbsp;UK</A></FONT>"
    )
    assert html_to_text(page) == "https://a.example UK"


def test_a_link_without_text_adds_nothing() -> None:
    page = '<p>Se <a href="https://shop.example/"><img src="cid:logo"></a>vores butik</p>'
    assert html_to_text(page) == "Se vores butik"


def test_pre_keeps_its_spacing_and_nbsp_reads_as_a_space() -> None:
    page = "<p>a &nbsp;\n b</p><pre>  x   y\n z</pre><p>c&nbsp;&nbsp;d</p>"
    assert html_to_text(page) == "a b\n\nx   y\nz\n\nc d"  # (every line is trimmed)


def test_escaped_markup_in_text_stays_text() -> None:
    assert html_to_text("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;ok&quot;</p>") == (
        '1 < 2 && 3 > 2 "ok"'
    )


def test_javascript_links_are_not_shown() -> None:
    assert html_to_text('<a href="javascript:steal()">Klik</a>') == "Klik"


@PROPERTIES
@given(
    st.lists(WORDS, min_size=1, max_size=5),
    st.sampled_from(["p", "div", "h2", "blockquote", "section"]),
)
def test_every_word_of_the_text_is_read_in_order(blocks: list[list[str]], tag: str) -> None:
    page = "".join(f"<{tag}>{html.escape(' '.join(words))}</{tag}>" for words in blocks)
    assert read_text(page).split() == [w for words in blocks for w in words]


@PROPERTIES
@given(WORDS, st.text(st.characters(codec="utf-8"), max_size=30))
def test_a_link_shows_its_target_once(words: list[str], path: str) -> None:
    target = "https://shop.example/" + "".join(ch for ch in path if ch.isalnum())
    page = f'<p><a href="{html.escape(target)}">{html.escape(" ".join(words))}</a></p>'
    assert read_text(page) == f"{' '.join(words)} ({target})"


@PROPERTIES
@given(st.text(max_size=300))
def test_normalised_markup_is_what_the_reader_walks(page: str) -> None:
    """Whatever comes in, nh3's output holds only tags of the form the walk expects."""
    clean = normalised_html(page)
    assert "<!--" not in clean
    assert isinstance(read_text(page), str)


def test_an_html_only_mail_is_stored_with_the_browsers_reading(
    tmp_path: Path, migrated_template: Path
) -> None:
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=CPH)
    services = open_copy(migrated_template, tmp_path / "data", monday)
    mail = tmp_path / "news.eml"
    mail.write_bytes(
        b"From: Kunde <kunde@example.dk>\r\nTo: hej@butik.dk\r\nSubject: Ordre 1043\r\n"
        b"Message-ID: <h1@example.dk>\r\nDate: Mon, 23 Nov 2026 08:00:00 +0100\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b"<p>Hej, min ordre er ikke kommet.</p><iframe><p>frames!</p></iframe>"
        b"<script>document.write('</td>hidden');</script><p>Mvh Jens</p>\r\n"
    )
    try:
        summary = services.mail_import.import_path(mail, kind="eml")
        assert summary.new_inquiries == 1
        detail = services.inquiries.get(only_inquiry(services))
        assert detail.messages[0].text == "Hej, min ordre er ikke kommet.\n\nMvh Jens"
    finally:
        services.close()


def test_table_cells_are_spaced_and_rows_are_lines() -> None:
    page = "<table><tr><td>Vare</td><td>Pris</td></tr><tr><th>Sko</th><th>499 kr</th></tr></table>"
    assert html_to_text(page) == "Vare Pris\n\nSko 499 kr"
