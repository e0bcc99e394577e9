"""Importing an existing mail archive (mbox, Maildir, .eml files) into the inbox.

The same ingest as IMAP sync, so threading, dedupe and quarantine behave alike: importing
an archive twice, or an archive that overlaps the synced mailbox, adds nothing twice.
Messages are taken oldest first (by Date header) so replies find the mail they answer.

Each mail is recorded with its place in the archive (the file's absolute path and the
mbox/Maildir key, "" for an .eml file), which the ledger holds unique: two imports of the
same archive running at once, or one run again after a kill, store each mail once, and
every batch checks and writes under one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import mailbox
import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from soloservice.services.context import ServiceContext
from soloservice.services.errors import ServiceError
from soloservice.services.mail_ingest import (
    IngestCounts,
    IngestTotals,
    MailIngest,
    MailSource,
    PreparedMail,
    bytes_digest,
)
from soloservice.services.mail_parse_pool import POOL_MIN_MAILS, ParsePool

BATCH_SIZE = 200
_SNIFF_BYTES = 64 * 1024
_LINESEP = os.linesep.encode()
_KINDS = ("mbox", "maildir", "eml")


class ImportFailed(ServiceError):
    """The path is not an archive we can read; the message names the file."""


@dataclass(frozen=True)
class ImportSummary(IngestTotals):
    path: str = ""
    kind: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, **super().as_json()}


#: (sort key, label for the ledger, (source path, source key), a way to read the bytes)
_Entry = tuple[tuple[datetime, int], str, tuple[str, str], Callable[[], bytes]]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


#: the first Date header of a header block, folded lines and all (what compat32's
#: ``message.get("Date")`` returns, without parsing every other header of the mail)
_DATE_HEADER = re.compile(rb"^date[ \t]*:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.I | re.M)


def _date_of(raw_head: bytes) -> datetime:
    """The mail's Date, to import an archive oldest first (the epoch when it has none).

    Only the sort key: a regular expression over the header block finds it at a tenth of
    the cost of the email parser (which the parse worker runs on the whole mail anyway)."""
    head_bytes = raw_head[:_SNIFF_BYTES]
    ends = [at for at in (head_bytes.find(b"\n\n"), head_bytes.find(b"\n\r\n")) if at >= 0]
    if ends:  # only the header block: the body may be most of the 64 KiB
        head_bytes = head_bytes[: min(ends) + 1]
    found = _DATE_HEADER.search(head_bytes)
    if found is None:
        return _EPOCH
    value = found.group(1).decode("ascii", "replace").replace("\r", " ").replace("\n", " ")
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):  # an odd date sorts first
        return _EPOCH
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _looks_like_mail(head: bytes) -> bool:
    """A header block: the first line is ``Name: value`` (or an mbox/Return-Path line)."""
    first = head.lstrip(b"\r\n").split(b"\n", 1)[0]
    name, colon, _ = first.partition(b":")
    return bool(colon) and bool(name) and all(33 <= c <= 126 for c in name)


def detect_kind(path: Path) -> str:
    """mbox, maildir or eml for ``path``; raises ImportFailed naming the file otherwise."""
    if path.is_dir():
        if all((path / sub).is_dir() for sub in ("cur", "new", "tmp")):
            return "maildir"
        return "eml"
    if not path.is_file():
        raise ImportFailed(f"{path} does not exist")
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ImportFailed(f"cannot read {path}: {exc.strerror}") from exc
    if head.startswith(b"From "):
        return "mbox"
    if _looks_like_mail(head):
        return "eml"
    raise ImportFailed(f"{path} is not an mbox, a Maildir or an .eml mail file")


class MailImportService:
    def __init__(self, ctx: ServiceContext, ingest_factory: Callable[[], MailIngest]) -> None:
        self.ctx = ctx
        self.ingest_factory = ingest_factory

    def import_path(self, path: Path | str, kind: str | None = None) -> ImportSummary:
        """Import an mbox file, a Maildir, one .eml file or a folder of .eml files.

        ``kind`` (mbox, maildir, eml) checks the path is what the user said it is.
        """
        target = Path(path).expanduser()
        found = detect_kind(target)
        if kind is not None:
            wanted = kind.lower()
            if wanted not in _KINDS:
                raise ImportFailed(f"unknown archive kind {kind!r}: use mbox, maildir or eml")
            if wanted != found:
                raise ImportFailed(
                    f"{target} is not {'an' if wanted != 'maildir' else 'a'} "
                    f"{wanted} ({'it looks like ' + found})"
                )
        with ExitStack() as stack:
            pools: list[ParsePool] = []

            def start_pool(count: int) -> None:
                """Once the number of mails is known, before their dates are read: a large
                import's worker starts (and loads its classifier) while this reads them."""
                pools.append(stack.enter_context(ParsePool(enabled=count >= POOL_MIN_MAILS)))
                pools[0].warm_up()

            entries = self._entries(target, found, start_pool)
            if not pools:
                start_pool(len(entries))
            return self._import(target, found, entries, pools[0])

    def _import(
        self, target: Path, found: str, entries: list[_Entry], pool: ParsePool
    ) -> ImportSummary:
        entries.sort(key=lambda e: e[0])
        counts = IngestCounts()
        ingest = self.ingest_factory()
        batches = [entries[i : i + BATCH_SIZE] for i in range(0, len(entries), BATCH_SIZE)]
        # Read and parse outside the transaction, the next batch (in a second process when
        # the import is large) while this one is stored in one (MailIngest.store_batch: no
        # savepoint per mail, a broken one is quarantined).
        waiting: deque[tuple[list[tuple[MailSource, bytes, datetime]], Any]] = deque()
        next_batch = 0
        while True:
            while next_batch < len(batches) and len(waiting) < pool.depth:
                ahead = self._read(batches[next_batch], found, counts)
                next_batch += 1
                if ahead:
                    waiting.append((ahead, pool.submit([(raw, at) for _s, raw, at in ahead])))
            if not waiting:
                break
            current, parsing = waiting.popleft()
            parsed = pool.collect(parsing, [(raw, at) for _s, raw, at in current])
            prepared = [
                PreparedMail(raw, source, None, result, bytes_digest(raw))
                for (source, raw, _at), result in zip(current, parsed, strict=True)
            ]
            for outcome in ingest.store_batch(self.ctx.db.session, prepared):
                counts.add(outcome)
        return ImportSummary(path=str(target), kind=found, **counts.totals())

    def _read(
        self, batch: list[_Entry], kind: str, counts: IngestCounts
    ) -> list[tuple[MailSource, bytes, datetime]]:
        """The batch's bytes with their ledger source and the time they count as received."""
        read_in: list[tuple[MailSource, bytes, datetime]] = []
        for _key, label, (source_path, source_key), read in batch:
            try:
                raw = read()
            except OSError as exc:
                counts.errors.append(f"cannot read {label}: {exc.strerror or exc}")
                continue
            source = MailSource(
                source=kind, folder=label[:500], source_path=source_path, source_key=source_key
            )
            read_in.append((source, raw, self.ctx.now()))
        return read_in

    def _entries(self, path: Path, kind: str, counted: Callable[[int], None]) -> list[_Entry]:
        """The archive's entries, dated; ``counted`` hears how many there are first."""
        try:
            if kind == "mbox":
                box: mailbox.Mailbox[Any] = mailbox.mbox(path, create=False)
            elif kind == "maildir":
                box = mailbox.Maildir(path, create=False)
            if kind in ("mbox", "maildir"):
                keys = list(box.iterkeys())
                counted(len(keys))
                return list(self._mailbox_entries(box, keys, str(path)))
        except (OSError, mailbox.Error, ValueError) as exc:
            raise ImportFailed(f"cannot read the {kind} {path}: {exc}") from exc
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*.eml") if p.is_file())
        if not files:
            raise ImportFailed(f"{path} holds no .eml files")
        counted(len(files))
        entries: list[_Entry] = []
        for index, file in enumerate(files):
            try:
                with file.open("rb") as handle:
                    head = handle.read(_SNIFF_BYTES)
            except OSError as exc:
                raise ImportFailed(f"cannot read {file}: {exc.strerror}") from exc
            place = (str(file.resolve()), "")
            entries.append(((_date_of(head), index), str(file), place, file.read_bytes))
        return entries

    def _mailbox_entries(
        self, box: mailbox.Mailbox[Any], keys: list[str], label: str
    ) -> Iterator[_Entry]:
        """An mbox key is the mail's position in the file, a Maildir key its unique name."""
        where = str(Path(label).resolve())
        for index, key in enumerate(keys):
            # the start of what get_bytes(key) returns (it turns os.linesep into b"\n"; a
            # line end counts at most two bytes): the date needs no more than that
            with box.get_file(key) as handle:
                head = handle.read(2 * _SNIFF_BYTES).replace(_LINESEP, b"\n")[:_SNIFF_BYTES]

            def read(key: str = key) -> bytes:
                return box.get_bytes(key)

            yield (_date_of(head), index), f"{label}#{index + 1}", (where, str(key)), read
