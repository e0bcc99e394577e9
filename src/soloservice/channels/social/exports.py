"""Message exports from Facebook (Page / Messenger), Instagram and the X archive.

Every user can download their data, so this works without tokens or app review.

**Facebook / Instagram**: ``messages/<folder>/<thread>/message_<n>.json`` anywhere in the
export (newer Facebook exports nest it under ``your_activity_across_facebook/``, Instagram
under ``your_instagram_activity/``); ``inbox``, ``archived_threads``, ``filtered_threads``
and ``message_requests`` are all read, since a first-time customer lands in message requests.
Meta writes every string as UTF-8 bytes decoded as latin-1 ("SÃ¸ren" for "Søren"), which is
undone here; strings that are already right are left alone.

**The owner** (the page or account whose export it is) must be known to tell incoming from
outgoing. Pass ``owner_name`` (Facebook/Instagram) or ``owner_id`` (X); otherwise it is
inferred: X archives name the account in ``data/account.js``; for Meta exports, the owner is
the one participant present in every thread (thread titles name the *other* party, so they
break ties in a one-thread export). When that is not unique, :class:`OwnerUnknown` lists
the candidates for the user to pick.

**X**: ``data/direct-messages.js`` (and ``-partN``), a JavaScript assignment
``window.YTD.direct_messages.part0 = [...]``. Group DMs are not read.

Message ids: X messages keep their own id (``x:dm:<id>``, the same id the X API gives).
Meta exports have none, so the id is a hash of sender, millisecond timestamp and text:
stable across re-downloads of the export.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from soloservice.channels.social.archive import ExportSource
from soloservice.channels.social.errors import ExportFormatError
from soloservice.channels.social.model import SocialMessage, SocialThread
from soloservice.domain.identity import InvalidIdentity, normalise_handle
from soloservice.domain.types import Channel

_META_MESSAGES = re.compile(
    r"(?:^|/)messages/(?P<folder>inbox|archived_threads|filtered_threads|message_requests)/"
    r"(?P<thread>[^/]+)/message_(?P<n>\d+)\.(?P<ext>json|html)$"
)
_X_MESSAGES = re.compile(r"(?:^|/)data/direct-messages?(?:-part\d+)?\.js$")
_X_ACCOUNT = re.compile(r"(?:^|/)data/account\.js$")
_YTD_PREFIX = re.compile(r"^\s*window\.YTD\.[A-Za-z0-9_]+\.part\d+\s*=\s*")
_IG_USERNAME = re.compile(r"^[a-z0-9._]{1,30}$")
_ATTACHMENT_KEYS = {
    "photos": "photo", "videos": "video", "audio_files": "audio", "files": "file",
    "gifs": "gif", "sticker": "sticker", "share": "link", "call_duration": "call",
}  # fmt: skip


class OwnerUnknown(ExportFormatError):
    """Which participant is the founder cannot be told from the export alone."""

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


@dataclass(frozen=True)
class SocialExport:
    platform: Channel
    owner: str
    threads: tuple[SocialThread, ...]
    skipped_messages: int = 0


def fix_mojibake(text: str) -> str:
    """Undo Meta's latin-1 decoding of UTF-8; text that is not mojibake comes back as is."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _fix_all(value: Any) -> Any:
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [_fix_all(item) for item in value]
    if isinstance(value, dict):
        return {fix_mojibake(key): _fix_all(item) for key, item in value.items()}
    return value


#: Real exports nest five or six levels; past this a file is hostile or not an export, and
#: the recursive helpers below (and the caller's stack) must not be asked to walk it.
MAX_JSON_DEPTH = 64


def _too_deep(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``value`` nests deeper than ``limit``, walked without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def _load_json(source: ExportSource, name: str, data: bytes | None = None) -> Any:
    raw = source.read(name) if data is None else data
    too_deep = ExportFormatError(
        f"{name}: the file is nested too deeply to be a Facebook, Instagram or X export"
    )
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ExportFormatError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise ExportFormatError(
            f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from exc
    except RecursionError:  # json.loads recurses once per nesting level
        raise too_deep from None
    if _too_deep(document):
        raise too_deep
    return document


# -- Facebook and Instagram --------------------------------------------------------------------


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
            document = _load_json(source, name)
            if not isinstance(document, dict):
                raise ExportFormatError(f"{name}: expected a JSON object with 'messages'")
            document = _fix_all(document)
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
    for thread in threads:
        messages: list[SocialMessage] = []
        seen: Counter[str] = Counter()
        for where, raw in thread.raw_messages:
            message = _meta_message(platform, where, raw, owner)
            if message is None:
                skipped += 1
                continue
            seen[message.external_id] += 1
            if seen[message.external_id] > 1:  # the same text twice in one millisecond
                suffix = f"-{seen[message.external_id]}"
                message = SocialMessage(
                    message.external_id + suffix, message.sender, message.is_from_owner,
                    message.sent_at, message.text, message.attachments,
                )  # fmt: skip
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


# -- X -------------------------------------------------------------------------------------------


def _load_ytd(source: ExportSource, name: str) -> list[Any]:
    raw = source.read(name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportFormatError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    prefix = _YTD_PREFIX.match(text)
    if not prefix:
        raise ExportFormatError(f"{name}: does not start with 'window.YTD.<name>.part0 ='")
    body = text[prefix.end() :].strip().rstrip(";")
    document = _load_json(source, name, body.encode("utf-8"))
    if not isinstance(document, list):
        raise ExportFormatError(f"{name}: expected a list after 'window.YTD... ='")
    return document


def _x_account(source: ExportSource) -> tuple[str | None, str | None]:
    for name in source.names():
        if _X_ACCOUNT.search(name):
            for item in _load_ytd(source, name):
                account = item.get("account") if isinstance(item, dict) else None
                if isinstance(account, dict) and account.get("accountId"):
                    username = account.get("username")
                    return str(account["accountId"]), (
                        username if isinstance(username, str) else None
                    )
    return None, None


def _x_timestamp(value: object, where: str) -> datetime:
    if not isinstance(value, str):
        raise ExportFormatError(f"{where}: no createdAt")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ExportFormatError(f"{where}: createdAt {value!r} is not a timestamp") from exc
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def read_x_archive(path: Path, *, owner_id: str | None = None) -> SocialExport:
    """X (Twitter) direct messages from an archive folder or zip."""
    conversations: list[tuple[str, str, list[dict[str, Any]]]] = []
    with ExportSource(Path(path)) as source:
        files = [name for name in source.names() if _X_MESSAGES.search(name)]
        if not files:
            raise ExportFormatError(
                f"{source.label}: no data/direct-messages.js found; is this an X archive?"
            )
        account_id, _username = _x_account(source)
        for name in files:
            for position, item in enumerate(_load_ytd(source, name)):
                conversation = item.get("dmConversation") if isinstance(item, dict) else None
                if not isinstance(conversation, dict):
                    raise ExportFormatError(f"{name}: entry {position + 1} has no dmConversation")
                conversation_id = conversation.get("conversationId")
                messages = conversation.get("messages")
                if not isinstance(conversation_id, str) or not isinstance(messages, list):
                    raise ExportFormatError(
                        f"{name}: conversation {position + 1} has no conversationId or messages"
                    )
                conversations.append((name, conversation_id, messages))
    owner = owner_id or account_id or _infer_x_owner([c for _, c, _ in conversations])
    threads: list[SocialThread] = []
    for name, conversation_id, messages in conversations:
        parsed: list[SocialMessage] = []
        other: str | None = None
        for position, entry in enumerate(messages):
            create = entry.get("messageCreate") if isinstance(entry, dict) else None
            if not isinstance(create, dict):
                continue  # reactions, joins, name changes: not messages
            where = f"{name}: conversation {conversation_id} message {position + 1}"
            sender, recipient = create.get("senderId"), create.get("recipientId")
            event_id = create.get("id")
            if not isinstance(sender, str) or not isinstance(event_id, str):
                raise ExportFormatError(f"{where}: has no senderId or id")
            other = other or (recipient if sender == owner else sender)
            raw_text = create.get("text")
            text = html.unescape(raw_text) if isinstance(raw_text, str) else ""
            media = tuple("media" for _ in create.get("mediaUrls") or [])
            parsed.append(
                SocialMessage(
                    external_id=f"x:dm:{event_id}",
                    sender=sender,
                    is_from_owner=sender == owner,
                    sent_at=_x_timestamp(create.get("createdAt"), where),
                    text=text,
                    attachments=media,
                )
            )
        if other is None:
            ids = [part for part in conversation_id.split("-") if part != owner]
            other = ids[0] if ids else None
        threads.append(
            SocialThread(
                platform=Channel.X,
                thread_id=conversation_id,
                participant_name=None,
                participant_handle=None,
                participant_id=other if isinstance(other, str) else None,
                messages=tuple(sorted(parsed, key=lambda m: m.sent_at)),
                others=(other,) if isinstance(other, str) else (),
            )
        )
    return SocialExport(Channel.X, owner, tuple(threads))


def _infer_x_owner(conversation_ids: list[str]) -> str:
    groups = [set(c.split("-")) for c in conversation_ids if c.count("-") == 1]
    counts = Counter(part for group in groups for part in group)
    ranked = tuple(name for name, _ in counts.most_common())
    common = set.intersection(*groups) if groups else set()
    if len(common) == 1:
        return common.pop()
    raise OwnerUnknown(
        "the archive has no data/account.js and the account id cannot be inferred; "
        "give your X account id",
        ranked,
    )


def read_export(
    platform: Channel,
    path: Path,
    *,
    owner_name: str | None = None,
    owner_id: str | None = None,
) -> SocialExport:
    """Dispatch by platform, for the CLI's ``import facebook|instagram|x PATH``."""
    if platform is Channel.FACEBOOK:
        return read_facebook_export(path, owner_name=owner_name)
    if platform is Channel.INSTAGRAM:
        return read_instagram_export(path, owner_name=owner_name)
    if platform is Channel.X:
        return read_x_archive(path, owner_id=owner_id)
    raise ValueError(f"{platform.value} has no message export")
