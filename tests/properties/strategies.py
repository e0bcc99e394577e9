"""Hostile mail, HTML and text, built from Hypothesis strategies."""

from __future__ import annotations

from hypothesis import strategies as st

HEADER_NAMES = (
    "From", "To", "Cc", "Reply-To", "Sender", "Subject", "Date", "Message-ID", "In-Reply-To",
    "References", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
    "MIME-Version", "Auto-Submitted", "Precedence", "List-Id", "X-Spam-Flag", "Return-Path",
)  # fmt: skip
CHARSETS = ("utf-8", "iso-8859-1", "windows-1252", "koi8-r", "x-unknown", "utf-7", "gb2312", "")
CTES = ("7bit", "8bit", "base64", "quoted-printable", "binary", "x-uuencode", "bogus")
TYPES = (
    "text/plain", "text/html", "application/pdf", "image/png", "message/rfc822",
    "text/rfc822-headers", "multipart/alternative", "application/octet-stream", "x/y",
)  # fmt: skip

header_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
    max_size=120,
)
encoded_word = st.builds(
    lambda cs, enc, payload: f"=?{cs}?{enc}?{payload}?=",
    st.sampled_from(CHARSETS), st.sampled_from("BbQqX"),
    st.text(alphabet="ABCDEFabcdef0123456789=+/_?", max_size=30),
)  # fmt: skip
header_value = st.one_of(
    header_text, encoded_word, st.lists(encoded_word, max_size=4).map(" ".join)
)
header = st.tuples(
    st.sampled_from(HEADER_NAMES) | header_text.filter(lambda s: ":" not in s), header_value
)
body_bytes = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
)


def _leaf(ctype: str, charset: str, cte: str, filename: str | None, body: bytes) -> bytes:
    head = f"Content-Type: {ctype}; charset={charset}\r\nContent-Transfer-Encoding: {cte}\r\n"
    if filename is not None:
        head += f'Content-Disposition: attachment; filename="{filename}"\r\n'
    return head.encode("utf-8", "surrogateescape") + b"\r\n" + body


leaf = st.builds(
    _leaf, st.sampled_from(TYPES), st.sampled_from(CHARSETS), st.sampled_from(CTES),
    st.none() | header_text, body_bytes,
)  # fmt: skip


def _multipart(boundary: str, subtype: str, parts: list[bytes], close: bool) -> bytes:
    b = boundary.encode()
    out = f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\n\r\n'.encode()
    for part in parts:
        out += b"--" + b + b"\r\n" + part + b"\r\n"
    return out + (b"--" + b + b"--\r\n" if close else b"")


mime_part = st.recursive(
    leaf,
    lambda children: st.builds(
        _multipart,
        st.text(alphabet="abcXYZ0123456789'()+_,-./:=?", min_size=1, max_size=20),
        st.sampled_from(("mixed", "alternative", "related", "report", "signed")),
        st.lists(children, max_size=4),
        st.booleans(),
    ),
    max_leaves=8,
)


def _message(headers: list[tuple[str, str]], part: bytes, crlf: bool) -> bytes:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    raw = head.encode("utf-8", "surrogateescape") + part
    return raw if crlf else raw.replace(b"\r\n", b"\n")


mime_message = st.builds(_message, st.lists(header, max_size=12), mime_part, st.booleans())

TAGS = ("div", "p", "a", "img", "script", "style", "svg", "math", "iframe", "table", "td",
        "b", "font", "object", "base", "meta", "form", "input", "template", "noscript")  # fmt: skip
ATTRS = ("href", "src", "style", "onload", "onclick", "OnError", "background", "srcset",
         "xlink:href", "formaction", "class", "id", "title", "lang")  # fmt: skip
attr_value = st.one_of(
    st.text(max_size=40),
    st.sampled_from((
        "javascript:alert(1)", "http://t.example/p.png", "url(http://t.example)",
        r"u\72 l(http://t.example)", "expression(alert(1))", "data:text/html,<script>x</script>",
        "cid:part1", "&#106;avascript:x", "java\tscript:x",
    )),
)  # fmt: skip


def _element(tag: str, attrs: list[tuple[str, str]], inner: list[str], close: bool) -> str:
    rendered = "".join(f' {name}="{value}"' for name, value in attrs)
    return f"<{tag}{rendered}>" + "".join(inner) + (f"</{tag}>" if close else "")


html_fragment = st.recursive(
    st.text(max_size=40),
    lambda children: st.builds(
        _element, st.sampled_from(TAGS), st.lists(st.tuples(st.sampled_from(ATTRS), attr_value),
        max_size=3), st.lists(children, max_size=4), st.booleans(),
    ),
    max_leaves=12,
)  # fmt: skip
