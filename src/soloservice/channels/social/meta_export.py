"""Facebook Page / Messenger and Instagram conversations from the platform's data export.

``messages/<folder>/<thread>/message_<n>.json`` anywhere in the export (newer Facebook
exports nest it under ``your_activity_across_facebook/``, Instagram under
``your_instagram_activity/``); ``inbox``, ``archived_threads``, ``filtered_threads`` and
``message_requests`` are all read, since a first-time customer lands in message requests.

The owner (the page or account whose export it is) tells incoming from outgoing. Unless
given, it is the one participant present in every thread (thread titles name the *other*
party, so they break ties in a one-thread export); when that is not unique,
:class:`OwnerUnknown` lists the candidates for the founder to pick.

The export has no message ids, so the id is a hash of sender, millisecond timestamp and
text: stable across re-downloads of the export.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from soloservice.channels.social.archive import ExportSource
from soloservice.channels.social.errors import ExportFormatError, OwnerUnknown
from soloservice.channels.social.export_json import fix_all, load_json
from soloservice.channels.social.model import SocialExport, SocialMessage, SocialThread
from soloservice.domain.identity import InvalidIdentity, normalise_handle
from soloservice.domain.types import Channel

_META_MESSAGES = re.compile(
    r"(?:^|/)messages/(?P<folder>inbox|archived_threads|filtered_threads|message_requests)/"
    r"(?P<thread>[^/]+)/message_(?P<n>\d+)\.(?P<ext>json|html)$"
)
_IG_USERNAME = re.compile(r"^[a-z0-9._]{1,30}$")
_ATTACHMENT_KEYS = {
    "photos": "photo", "videos": "video", "audio_files": "audio", "files": "file",
    "gifs": "gif", "sticker": "sticker", "share": "link", "call_duration": "call",
}  # fmt: skip


@dataclass
class _MetaThread:
    thread_id: str
    title: str | None
    participants: list[str]
    raw_messages: list[tuple[str, dict[str, Any]]]


def _meta_threads(source: ExportSource, platform: Channel) -> list[_MetaThread]:
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    html_files = 0
    for name in source.names():
        match = _META_MESSAGES.search(name)
        if not match:
            continue
        if match["ext"] == "html":
            html_files += 1
            continue
        found[match["thread"]].append((int(match["n"]), name))
    if not found:
        where = "messages/inbox"
        if platform is Channel.INSTAGRAM:
            where = "your_instagram_activity/messages/inbox"
        if html_files:
            raise ExportFormatError(
                f"{source.label}: the export is in HTML format; download it again and choose "
                "the JSON format"
            )
        raise ExportFormatError(
            f"{source.label}: no {platform.value.title()} message files found (expected "
            f"{where}/<conversation>/message_1.json); is this the right export?"
        )
    threads: list[_MetaThread] = []
    for thread_id, files in sorted(found.items()):
        thread = _MetaThread(thread_id, None, [], [])
        for _, name in sorted(files):
            document = load_json(source, name)
            if not isinstance(document, dict):
                raise ExportFormatError(f"{name}: expected a JSON object with 'messages'")
            document = fix_all(document)
            participants = document.get("participants")
            messages = document.get("messages")
            if not isinstance(participants, list) or not isinstance(messages, list):
                missing = "participants" if not isinstance(participants, list) else "messages"
                raise ExportFormatError(f"{name}: no '{missing}' list; not a message file")
            for person in participants:
                person_name = person.get("name") if isinstance(person, dict) else None
                if isinstance(person_name, str) and person_name not in thread.participants:
                    thread.participants.append(person_name)
            title = document.get("title")
            if isinstance(title, str) and title:
                thread.title = title
            for position, message in enumerate(messages):
                if not isinstance(message, dict):
                    raise ExportFormatError(f"{name}: message {position + 1} is not an object")
                stamp = message.get("timestamp_ms")
                if not isinstance(message.get("sender_name"), str) or not isinstance(stamp, int):
                    raise ExportFormatError(
                        f"{name}: message {position + 1} has no sender_name or timestamp_ms"
                    )
                thread.raw_messages.append((f"{name} message {position + 1}", message))
        threads.append(thread)
    return threads


def _infer_owner(threads: list[_MetaThread]) -> str:
    groups = [set(t.participants) for t in threads if len(t.participants) >= 2]
    counts = Counter(name for t in threads for name in t.participants)
    ranked = tuple(name for name, _ in counts.most_common())
    if not groups:
        raise OwnerUnknown("no conversation names its participants; choose who you are", ranked)
    common = set.intersection(*groups)
    if len(common) > 1:
        common -= {t.title for t in threads if t.title}
    if len(common) == 1:
        return common.pop()
    raise OwnerUnknown(
        "cannot tell which participant is you (the page or account); choose one of: "
        + ", ".join(ranked[:10]),
        ranked,
    )


def _meta_message(
    platform: Channel, where: str, raw: dict[str, Any], owner: str
) -> SocialMessage | None:
    sender = raw.get("sender_name")
    stamp = raw.get("timestamp_ms")
    if not isinstance(sender, str) or not isinstance(stamp, int) or isinstance(stamp, bool):
        raise ExportFormatError(f"{where}: has no sender_name or timestamp_ms")
    content = raw.get("content")
    text = content if isinstance(content, str) else ""
    attachments = tuple(kind for key, kind in _ATTACHMENT_KEYS.items() if raw.get(key))
    share = raw.get("share")
    if not text and isinstance(share, dict) and isinstance(share.get("link"), str):
        text = share["link"]
    if raw.get("is_unsent") or (not text and not attachments):
        return None
    digest = hashlib.sha256(f"{sender}\x1f{stamp}\x1f{text}".encode()).hexdigest()[:24]
    return SocialMessage(
        external_id=f"{platform.value}:export:{digest}",
        sender=sender,
        is_from_owner=sender.casefold() == owner.casefold(),
        sent_at=datetime.fromtimestamp(stamp / 1000, tz=UTC),
        text=text,
        attachments=attachments,
    )


def _handle(platform: Channel, name: str | None) -> str | None:
    if platform is not Channel.INSTAGRAM or not name or not _IG_USERNAME.match(name.lower()):
        return None
    try:
        return normalise_handle(name)
    except InvalidIdentity:
        return None


def _read_meta(path: Path, platform: Channel, owner_name: str | None) -> SocialExport:
    with ExportSource(path) as source:
        threads = _meta_threads(source, platform)
    owner = owner_name.strip() if owner_name and owner_name.strip() else _infer_owner(threads)
    result: list[SocialThread] = []
    skipped = 0
    # Counted over the whole export, not per thread: the page's same greeting sent to two
    # customers in one millisecond must not make the second conversation a duplicate of
    # the first (ids are looked up across conversations when importing).
    seen: Counter[str] = Counter()
    for thread in threads:
        messages: list[SocialMessage] = []
        for where, raw in thread.raw_messages:
            message = _meta_message(platform, where, raw, owner)
            if message is None:
                skipped += 1
                continue
            seen[message.external_id] += 1
            if seen[message.external_id] > 1:  # the same text twice in one millisecond
                suffix = f"-{seen[message.external_id]}"
                message = replace(message, external_id=message.external_id + suffix)
            messages.append(message)
        others = tuple(p for p in thread.participants if p.casefold() != owner.casefold())
        name = others[0] if others else thread.title
        result.append(
            SocialThread(
                platform=platform,
                thread_id=thread.thread_id,
                participant_name=name,
                participant_handle=_handle(platform, name),
                participant_id=None,
                messages=tuple(sorted(messages, key=lambda m: m.sent_at)),
                others=others,
            )
        )
    return SocialExport(platform, owner, tuple(result), skipped)


def read_facebook_export(path: Path, *, owner_name: str | None = None) -> SocialExport:
    """Facebook Page / Messenger conversations from an export folder or zip."""
    return _read_meta(Path(path), Channel.FACEBOOK, owner_name)


def read_instagram_export(path: Path, *, owner_name: str | None = None) -> SocialExport:
    """Instagram direct messages from an export folder or zip."""
    return _read_meta(Path(path), Channel.INSTAGRAM, owner_name)
