"""X (Twitter) direct messages from the account's archive.

``data/direct-messages.js`` (and ``-partN``) is a JavaScript assignment,
``window.YTD.direct_messages.part0 = [...]``; group DMs are not read. The owner is named in
``data/account.js``; without it, the one id in every one-to-one conversation id
(``<id>-<id>``) is taken, else :class:`OwnerUnknown` asks for it. Messages keep their own
id (``x:dm:<id>``, the same id the X API gives), so an archive and the live API never store
a message twice.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from soloservice.channels.social.archive import ExportSource
from soloservice.channels.social.errors import ExportFormatError, OwnerUnknown
from soloservice.channels.social.export_json import load_json
from soloservice.channels.social.model import SocialExport, SocialMessage, SocialThread
from soloservice.domain.types import Channel

_X_MESSAGES = re.compile(r"(?:^|/)data/direct-messages?(?:-part\d+)?\.js$")
_X_ACCOUNT = re.compile(r"(?:^|/)data/account\.js$")
_YTD_PREFIX = re.compile(r"^\s*window\.YTD\.[A-Za-z0-9_]+\.part\d+\s*=\s*")


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
    document = load_json(source, name, body.encode("utf-8"))
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
