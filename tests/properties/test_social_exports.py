"""Social exports on generated conversations: every message read back, once, with its text."""

from __future__ import annotations

import html
import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.social.export_json import fix_mojibake
from soloservice.channels.social.meta_export import read_facebook_export
from soloservice.channels.social.x_archive import read_x_archive
from tests.helpers.social_exports import PAGE, T0, mojibake, write_folder, write_zip
from tests.properties.conftest import PROPERTIES

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
said = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
customer = st.text(
    st.characters(whitelist_categories=("Lu", "Ll", "Zs"), max_codepoint=0x2FF),
    min_size=1,
    max_size=20,
).filter(lambda n: n.strip() and n.casefold() != PAGE.casefold())
#: (from the customer?, milliseconds after T0, text); repeats allowed on purpose
message = st.tuples(st.booleans(), st.integers(0, 10**9), said)
conversation = st.tuples(customer, st.lists(message, min_size=1, max_size=8))


@PROPERTIES
@given(any_text)
def test_mojibake_is_always_undone(text: str) -> None:
    assert fix_mojibake(mojibake(text)) == text


@PROPERTIES
@given(st.text(st.characters(min_codepoint=0x100, blacklist_categories=("Cs",)), max_size=30))
def test_text_beyond_latin1_is_left_alone(text: str) -> None:
    assert fix_mojibake(text) == text


def meta_file(other: str, messages: list[tuple[bool, int, str]]) -> dict[str, Any]:
    return {
        "participants": [{"name": mojibake(other)}, {"name": mojibake(PAGE)}],
        "messages": [
            {"sender_name": mojibake(other if mine else PAGE), "timestamp_ms": T0 + ms,
             "content": mojibake(text)}
            for mine, ms, text in messages
        ],
        "title": mojibake(other),
    }  # fmt: skip


@PROPERTIES
@given(st.lists(conversation, min_size=1, max_size=4))
def test_facebook_conversations_are_read_back_whole(
    conversations: list[tuple[str, list[tuple[bool, int, str]]]],
) -> None:
    files = {
        f"messages/inbox/thread_{i}/message_1.json": meta_file(other, messages)
        for i, (other, messages) in enumerate(conversations)
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = read_facebook_export(write_folder(Path(tmp) / "fb", files), owner_name=PAGE)
        zipped = read_facebook_export(write_zip(Path(tmp) / "fb.zip", files), owner_name=PAGE)
    assert folder == zipped  # the same ids from a re-download, folder or zip
    ids = [m.external_id for t in folder.threads for m in t.messages]
    assert len(ids) == len(set(ids))  # even the same text twice in one millisecond
    for thread, (other, messages) in zip(folder.threads, conversations, strict=True):
        assert thread.participant_name == other
        assert sorted((m.sent_at, m.text, not m.is_from_owner) for m in thread.messages) == sorted(
            (datetime.fromtimestamp((T0 + ms) / 1000, tz=UTC), text, mine)
            for mine, ms, text in messages
        )


x_message = st.tuples(st.booleans(), st.integers(0, 10**6), said)


@PROPERTIES
@given(st.lists(x_message, min_size=1, max_size=10, unique_by=lambda m: m[1]))
def test_x_messages_keep_their_ids_and_text(messages: list[tuple[bool, int, str]]) -> None:
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    events = [
        {"messageCreate": {
            "id": str(1862000000000000000 + n), "senderId": "5678" if mine else "1234",
            "recipientId": "1234" if mine else "5678", "text": html.escape(text, quote=False),
            "mediaUrls": [],
            "createdAt": (start + timedelta(seconds=n)).isoformat().replace("+00:00", "Z"),
        }}
        for mine, n, text in messages
    ]  # fmt: skip
    dms = [{"dmConversation": {"conversationId": "1234-5678", "messages": events}}]
    files = {"data/direct-messages.js": "window.YTD.direct_messages.part0 = " + json.dumps(dms)}
    with tempfile.TemporaryDirectory() as tmp:
        export = read_x_archive(write_folder(Path(tmp), files), owner_id="1234")
    (thread,) = export.threads
    assert thread.participant_id == "5678"
    expected = sorted(messages, key=lambda m: m[1])
    assert [m.external_id for m in thread.messages] == [
        f"x:dm:{1862000000000000000 + n}" for _mine, n, _text in expected
    ]
    assert [(m.text, not m.is_from_owner) for m in thread.messages] == [
        (text, mine) for mine, _n, text in expected
    ]
