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

# -- the domain: calendars, moments, answers (tests/properties/test_domain_*.py) -------------

from datetime import UTC, date, datetime, time, timedelta  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

#: zones a Danish or Norwegian shop runs in, plus ones with odd offsets and DST rules
ZONES = (
    "Europe/Copenhagen", "Europe/Oslo", "UTC", "America/New_York", "Australia/Lord_Howe",
    "Asia/Kathmandu", "Atlantic/Faroe", "America/Nuuk",
)  # fmt: skip
HOME_ZONES = ("Europe/Copenhagen", "Europe/Oslo")

#: instants between 2024 and 2029 (every DST change of those years included), any zone
moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2029, 12, 31),
    timezones=st.sampled_from([ZoneInfo(z) for z in ZONES]),
).map(lambda moment: moment.astimezone(UTC))  # fmt: skip


def _near_dst(base: datetime, minutes: int) -> datetime:
    return (base + timedelta(minutes=minutes)).astimezone(UTC)


#: instants within two days of a European DST change (last Sunday of March / October)
DST_CHANGES = tuple(
    datetime(year, month, day, 1, 0, tzinfo=UTC)
    for year, month, day in (
        (2025, 3, 30), (2025, 10, 26), (2026, 3, 29), (2026, 10, 25), (2027, 3, 28),
        (2027, 10, 31),
    )
)  # fmt: skip
dst_moments = st.builds(
    _near_dst, st.sampled_from(DST_CHANGES), st.integers(-2 * 24 * 60, 2 * 24 * 60)
)
any_moment = st.one_of(moments, dst_moments)

#: quarter-hour wall-clock times, as founders type them
quarter_hours = st.builds(time, st.integers(0, 23), st.sampled_from((0, 15, 30, 45)))


def _day_hours(opens: time, closes: time | None) -> tuple[time, time]:
    if closes is None or closes <= opens:
        return opens, time(0)  # open until midnight
    return opens, closes


day_hours = st.builds(_day_hours, quarter_hours, st.none() | quarter_hours)
week_hours = st.dictionaries(st.integers(0, 6), day_hours, min_size=1, max_size=7)


def _calendar(
    zone: str,
    hours: dict[int, tuple[time, time]],
    country: str | None,
    closed: frozenset[date],
    christmas: bool,
) -> object:
    from soloservice.domain.business_calendar import BusinessCalendar

    return BusinessCalendar(
        timezone=zone, hours=hours, holiday_country=country, closed_days=closed,
        close_christmas_eve=christmas,
    )  # fmt: skip


closed_days = st.frozensets(st.dates(date(2024, 1, 1), date(2030, 1, 31)), max_size=8)
calendars = st.builds(
    _calendar, st.sampled_from(ZONES), week_hours, st.sampled_from((None, "DK", "NO")),
    closed_days, st.booleans(),
)  # fmt: skip
#: a Danish or Norwegian shop: its own zone and holidays, hours on some weekdays
home_calendars = st.builds(
    lambda zone, hours, closed: _calendar(
        zone, hours, "DK" if zone == "Europe/Copenhagen" else "NO", closed, True
    ),
    st.sampled_from(HOME_ZONES), week_hours, closed_days,
)  # fmt: skip
#: promises in hours, down to the minute, up to two working weeks
promise_hours = st.integers(0, 80 * 60).map(lambda minutes: minutes / 60)
business_time = st.integers(0, 80 * 60).map(lambda minutes: timedelta(minutes=minutes))
