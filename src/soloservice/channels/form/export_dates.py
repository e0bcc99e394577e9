"""Submission times as form exports write them, read as aware UTC.

ISO 8601 (with or without a zone), ``yyyy-mm-dd hh:mm`` and ``yyyy/mm/dd``, and the
day-first ``dd.mm.yyyy 10.15`` of Danish and Norwegian Excel; ``11/24/2026 10:15:02 PM``
from US-locale Google Forms is read month-first because only that makes sense.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
)  # fmt: skip
_DAY_FIRST = re.compile(
    r"^(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{4})"
    r"(?:[ T,]+(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?$"
)


def parse_timestamp(raw: str, local: tzinfo) -> datetime:
    """A submission time as written by the usual exports, as aware UTC.

    Naive times are in ``local`` (the founder's zone). ``dd.mm.yyyy`` / ``dd/mm/yyyy`` are
    read day-first as Danish and Norwegian exports write them, unless only month-first makes
    sense (``11/24/2026``), which is how US-locale Google Forms exports look.
    """
    text = raw.strip()
    if not text:
        raise ValueError("empty date")
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        found = _DAY_FIRST.match(text)
        if not found:
            raise ValueError(f"not a date: {raw!r}")
        a, b = int(found["a"]), int(found["b"])
        day, month = (b, a) if b > 12 >= a else (a, b)
        hour = int(found["h"] or 0)
        if found["ampm"]:
            hour = hour % 12 + (12 if found["ampm"].lower() == "pm" else 0)
        parsed = datetime(
            int(found["y"]), month, day, hour, int(found["mi"] or 0), int(found["s"] or 0)
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local)
    return parsed.astimezone(UTC)
