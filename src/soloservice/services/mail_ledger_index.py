"""What a batch of mails needs to know about the ledger, read with a few indexed queries.

The ingest decides per mail "was this place read before?" and "is this a copy of a stored
mail?". Asked one mail at a time that was four to five ORM queries per mail; a batch asks
once per kind of question (``IN`` over the batch's hashes and places, each column indexed:
see storage/mail_tables.py) inside the batch's write transaction, so the answers stay true
until it commits. Mails stored earlier in the same batch are added as they are stored, so a
batch holding two copies of one mail still stores it once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import Session

from soloservice.storage.mail_tables import MailItemRow

if TYPE_CHECKING:
    from soloservice.services.mail_outcomes import MailSource

#: SQLite's default limit of bound parameters is 32766; stay far below it per statement.
_CHUNK = 500

_DUPLICATE = "duplicate"


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


@dataclass
class LedgerIndex:
    """The ledger rows a batch can collide with, and the rows the batch has added.

    A row added by the batch is kept as the object itself: its id exists only once it has
    been flushed, which the ingest does before anything needs it.
    """

    stored_content: tuple[str, ...]
    #: (account_id, folder, uidvalidity, uid) read before
    imap_places: set[tuple[int, str, int, int]] = field(default_factory=set)
    #: (source_path, source_key) -> raw_hash of the row stored there
    archive_places: dict[tuple[str, str], str | None] = field(default_factory=dict)
    #: raw_hash -> the first row (not a duplicate) with those bytes
    by_bytes: dict[str, int | MailItemRow] = field(default_factory=dict)
    #: content_hash -> the first row with that content and a stored or quarantined outcome,
    #: as (id, raw_hash) when read from the store
    by_content: dict[str, tuple[int, str] | MailItemRow] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        session: Session,
        sources: Sequence[MailSource],
        raw_hashes: Sequence[str],
        content_hashes: Sequence[str],
        stored_content: tuple[str, ...],
    ) -> LedgerIndex:
        index = cls(stored_content=stored_content)
        index._load_imap(session, sources)
        index._load_archive(session, sources, raw_hashes)
        t = MailItemRow.__table__  # type: ignore[attr-defined]
        for part in _chunks(sorted(set(raw_hashes))):
            rows = session.execute(
                select(t.c.raw_hash, func.min(t.c.id))
                .where(t.c.raw_hash.in_(part), t.c.outcome != _DUPLICATE)
                .group_by(t.c.raw_hash)
            )
            index.by_bytes.update({str(h): int(i) for h, i in rows})
        for part in _chunks(sorted({h for h in content_hashes if h})):
            rows = session.execute(
                # SQLite gives a bare column the values of the row min() picked
                select(t.c.content_hash, func.min(t.c.id), t.c.raw_hash)
                .where(t.c.content_hash.in_(part), t.c.outcome.in_(stored_content))
                .group_by(t.c.content_hash)
            )
            index.by_content.update({str(h): (int(i), str(r)) for h, i, r in rows})
        return index

    def _load_imap(self, session: Session, sources: Sequence[MailSource]) -> None:
        t = MailItemRow.__table__  # type: ignore[attr-defined]
        groups: dict[tuple[int, str, int], list[int]] = {}
        for s in sources:
            if s.account_id is not None and s.uidvalidity is not None and s.uid is not None:
                groups.setdefault((s.account_id, s.folder, s.uidvalidity), []).append(s.uid)
        for (account_id, folder, uidvalidity), uids in groups.items():
            for start in range(0, len(uids), _CHUNK):
                rows = session.execute(
                    select(t.c.uid).where(
                        t.c.account_id == account_id,
                        t.c.folder == folder,
                        t.c.uidvalidity == uidvalidity,
                        t.c.uid.in_(uids[start : start + _CHUNK]),
                    )
                )
                self.imap_places.update((account_id, folder, uidvalidity, u) for (u,) in rows)

    def _load_archive(
        self, session: Session, sources: Sequence[MailSource], raw_hashes: Sequence[str]
    ) -> None:
        t = MailItemRow.__table__  # type: ignore[attr-defined]
        places: dict[str, set[str]] = {}
        for s, digest in zip(sources, raw_hashes, strict=True):
            if s.source_path is not None and s.source_key is not None:
                keys = places.setdefault(s.source_path, set())
                keys.add(s.source_key)
                keys.add(f"{s.source_key}#{digest[7:23]}")
        # One path and IN over its keys: SQLite searches the unique (path, key) index for
        # that, but scans the whole ledger for a row-value IN over (path, key) pairs.
        for path, keys in sorted(places.items()):
            for part in _chunks(sorted(keys)):
                rows = session.execute(
                    select(t.c.source_path, t.c.source_key, t.c.raw_hash).where(
                        t.c.source_path == path, t.c.source_key.in_(part)
                    )
                )
                self.archive_places.update({(p, k): h for p, k, h in rows})

    # -- asked per mail -------------------------------------------------------------------

    def imap_seen(self, item: MailItemRow) -> bool:
        assert item.account_id is not None and item.uidvalidity is not None
        assert item.uid is not None
        return (item.account_id, item.folder, item.uidvalidity, item.uid) in self.imap_places

    def archive_place(self, path: str, key: str) -> tuple[bool, str | None]:
        """(is the place taken, the raw_hash stored there)."""
        if (path, key) in self.archive_places:
            return True, self.archive_places[(path, key)]
        return False, None

    def first_copy(self, session: Session, item: MailItemRow) -> tuple[int, str] | None:
        """(id, raw_hash) of the first stored copy of ``item`` (same bytes, else same
        content), answered from the batch's reads: no query."""
        found: int | tuple[int, str] | MailItemRow | None = self.by_bytes.get(item.raw_hash or "")
        if found is None and item.content_hash:
            found = self.by_content.get(item.content_hash)
        if isinstance(found, MailItemRow):
            if found.id is None:  # ids are given up front in a batch; flush otherwise
                session.flush()
            assert found.id is not None
            return found.id, found.raw_hash
        if isinstance(found, int):
            return found, item.raw_hash
        return found

    def stored(self, item: MailItemRow) -> None:
        """``item`` is now in the ledger (not as a duplicate): later copies point at it."""
        if item.source_path is not None and item.source_key is not None:
            self.archive_places[(item.source_path, item.source_key)] = item.raw_hash
        if item.account_id is not None and item.uidvalidity is not None and item.uid is not None:
            self.imap_places.add((item.account_id, item.folder, item.uidvalidity, item.uid))
        if item.raw_hash:
            self.by_bytes.setdefault(item.raw_hash, item)
        if item.content_hash and item.outcome in self.stored_content:
            self.by_content.setdefault(item.content_hash, item)

    def placed(self, item: MailItemRow) -> None:
        """A duplicate still takes its place (the ledger holds one row per place)."""
        if item.source_path is not None and item.source_key is not None:
            self.archive_places[(item.source_path, item.source_key)] = item.raw_hash
        if item.account_id is not None and item.uidvalidity is not None and item.uid is not None:
            self.imap_places.add((item.account_id, item.folder, item.uidvalidity, item.uid))
