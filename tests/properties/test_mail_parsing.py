"""parse_message on anything: a ParsedMail or a Quarantined with a reason, never an exception."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.email.parse import (
    ParsedMail,
    Quarantined,
    extract_attachment,
    parse_message,
)
from tests.properties.conftest import PROPERTIES
from tests.properties.strategies import mime_message

RECEIVED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def check(raw: bytes) -> ParsedMail | Quarantined:
    result = parse_message(raw, received=RECEIVED)
    assert isinstance(result, ParsedMail | Quarantined)
    assert result.raw == raw
    if isinstance(result, Quarantined):
        assert result.reason.strip()
    else:
        assert result.date.tzinfo is not None
        assert isinstance(result.text, str) and isinstance(result.subject, str)
        for info in result.attachments:
            assert "/" not in info.filename and info.size >= 0
    return result


@PROPERTIES
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(raw: bytes) -> None:
    check(raw)


@PROPERTIES
@given(mime_message)
def test_arbitrary_mime(raw: bytes) -> None:
    result = check(raw)
    if isinstance(result, ParsedMail):
        for info in result.attachments:  # every listed attachment can be saved
            name, data = extract_attachment(raw, info.index)
            assert name and isinstance(data, bytes)
