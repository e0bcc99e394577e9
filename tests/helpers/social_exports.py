"""Facebook, Instagram and X export files as the platforms write them, built for tests.

Meta writes text as UTF-8 bytes read as latin-1 (:func:`mojibake`) and threads newest
message first; X archives are JavaScript assignments (``window.YTD...part0 = [...]``).
Channel tests read these with the export readers, service tests import them.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

PAGE = "Hygge Keramik"
T0 = 1_795_500_000_000  # 2026-11-24 in ms

METTE = [
    ("Mette Sørensen", T0, "Hej! Min skål er gået i stykker 😢 Kan I hjælpe?"),
    (PAGE, T0 + 60_000, "Åh nej, det må du undskylde! Vi sender en ny i morgen."),
]
OLE = [("Ole Hansen", T0 + 5_000, "Har I åbent på lørdag?")]


def mojibake(text: str) -> str:
    """How Meta writes text: UTF-8 bytes read as latin-1."""
    return text.encode("utf-8").decode("latin-1")


def meta_thread(
    other: str, messages: list[tuple[str, int, str]], title: str | None = None
) -> dict[str, Any]:
    """One ``message_1.json`` between ``other`` and the page."""
    return {
        "participants": [{"name": mojibake(other)}, {"name": mojibake(PAGE)}],
        "messages": [
            {"sender_name": mojibake(s), "timestamp_ms": t, "content": mojibake(c),
             "is_geoblocked_for_viewer": False, "type": "Generic"}
            for s, t, c in sorted(messages, key=lambda m: -m[1])
        ],
        "title": mojibake(title or other),
        "is_still_participant": True,
        "thread_path": "inbox/x",
        "magic_words": [],
    }  # fmt: skip


def facebook_files(
    prefix: str = "your_activity_across_facebook/", mette: list[tuple[str, int, str]] = METTE
) -> dict[str, Any]:
    """Mette in the inbox and Ole in message requests, under ``prefix`` (newer exports nest)."""
    return {
        f"{prefix}messages/inbox/mettesorensen_10223/message_1.json": meta_thread(
            "Mette Sørensen", mette
        ),
        f"{prefix}messages/message_requests/olehansen_99812/message_1.json": meta_thread(
            "Ole Hansen", OLE
        ),
    }


def x_archive_files(extra: list[dict[str, Any]] | None = None) -> dict[str, str]:
    """One DM conversation between the shop (1234) and a customer (5678), with account.js."""
    messages = [
        {"messageCreate": {"id": "1862000000000000002", "senderId": "1234", "recipientId": "5678",
                           "text": "Den er afsendt &amp; på vej", "mediaUrls": [],
                           "createdAt": "2026-11-24T09:20:00.000Z"}},
        {"messageCreate": {"id": "1862000000000000001", "senderId": "5678", "recipientId": "1234",
                           "text": "Min ordre?", "mediaUrls": [],
                           "createdAt": "2026-11-24T09:15:00.000Z"}},
        *(extra or []),
    ]  # fmt: skip
    dms = [{"dmConversation": {"conversationId": "1234-5678", "messages": messages}}]
    account = [{"account": {"accountId": "1234", "username": "hyggekeramik"}}]
    return {
        "data/direct-messages.js": "window.YTD.direct_messages.part0 = " + json.dumps(dms),
        "data/account.js": "window.YTD.account.part0 = " + json.dumps(account),
    }


def _data(content: Any) -> str | bytes:
    return content if isinstance(content, str | bytes) else json.dumps(content)


def write_folder(root: Path, files: dict[str, Any]) -> Path:
    """An unpacked export: text, bytes, or JSON for anything else."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _data(content)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return root


def write_zip(path: Path, files: dict[str, Any]) -> Path:
    """The export as the platform's download: one zip."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, _data(content))
    return path
