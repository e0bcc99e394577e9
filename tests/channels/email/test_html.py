"""Sanitising mail HTML: nothing active survives, nothing remote loads unless allowed."""

from __future__ import annotations

from soloservice.channels.email.html import html_to_text, sanitize_html

HOSTILE = (
    '<div onclick="steal()" style="color: red; background-image: url(https://t.example/bg.png)">'
    "Hej</div>"
    '<img src="https://track.example/pixel.gif" width="1" height="1">'
    '<img src="//cdn.example/logo.png">'
    '<img src=" HTTP://caps.example/x.png">'
    '<img src="cid:logo@shop.dk" alt="logo">'
    '<img src="data:image/png;base64,iVBORw0KGgo=">'
    '<table background="http://bg.example/t.png"><tr><td>cell</td></tr></table>'
    "<script>alert(1)</script><style>body{background:url(http://s.example/)}</style>"
    '<form action="https://phish.example"><input name="pw"></form>'
    '<iframe src="https://frame.example"></iframe>'
    '<a href="https://shop.example/o/1" onmouseover="x()">ordre</a>'
    '<a href="javascript:alert(1)">js</a><a href="data:text/html,hi">data</a>'
)


def test_remote_content_is_blocked_and_counted() -> None:
    safe = sanitize_html(HOSTILE)
    for host in ("t.example", "track.example", "cdn.example", "caps.example", "bg.example"):
        assert host not in safe.html, host
    assert safe.blocked_remote == 5
    assert 'src="cid:logo@shop.dk"' in safe.html
    assert "data:image/png" in safe.html
    assert "color:red" in safe.html.replace(" ", "")


def test_active_content_is_removed() -> None:
    html = sanitize_html(HOSTILE).html
    for needle in ("script", "alert", "onclick", "onmouseover", "<form", "<input", "iframe",
                   "frame.example", "s.example", "javascript:", "data:text/html"):  # fmt: skip
        assert needle not in html, needle
    assert 'href="https://shop.example/o/1"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_allow_remote_loads_images_but_stays_safe() -> None:
    safe = sanitize_html(HOSTILE, allow_remote=True)
    assert "https://track.example/pixel.gif" in safe.html
    assert "script" not in safe.html and "onclick" not in safe.html
    assert safe.blocked_remote == 0


def test_relative_image_paths_are_blocked_too() -> None:
    safe = sanitize_html('<img src="/open?id=1"><img src="pixel.gif">')
    assert "pixel.gif" not in safe.html and "open?id" not in safe.html
    assert safe.blocked_remote == 2


def test_html_to_text_keeps_structure_and_links() -> None:
    text = html_to_text(
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<h1>Ordre&nbsp;bekræftelse</h1><p>Tak for din ordre.<br>Levering: 2 dage.</p>"
        '<p>Se <a href="https://shop.example/o/1">din ordre</a> eller skriv til '
        '<a href="mailto:hej@shop.dk">hej@shop.dk</a>.</p>'
        "<ul><li>Støvsuger</li><li>Poser</li></ul><script>var x=1;</script></body></html>"
    )
    assert text == (
        "Ordre bekræftelse\n\nTak for din ordre.\nLevering: 2 dage.\n\n"
        "Se din ordre (https://shop.example/o/1) eller skriv til hej@shop.dk.\n\n"
        "- Støvsuger\n- Poser"
    )


def test_html_to_text_survives_broken_markup() -> None:
    assert html_to_text("<p>unclosed <b>bold <a href='x'>link") == "unclosed bold link (x)"
    assert html_to_text("") == ""
