"""Backup names and retention: which copies of the store to take and which to keep.

Pure rules over (time, kind) pairs, so the "7 daily and 4 weekly" promise can be checked
on a calendar of made-up dates without touching a file. The name of a backup file carries
everything the rules need (UTC time and kind), so the backups folder is its own index: no
table in the database it backs up (which might be the damaged thing) has to be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum


class BackupKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    PRE_MIGRATION = "pre-migration"
    PRE_RESTORE = "pre-restore"
    MANUAL = "manual"


#: how many of each kind survive a prune; a kind not listed (manual) is never deleted
KEEP: dict[BackupKind, int] = {
    BackupKind.DAILY: 7,
    BackupKind.WEEKLY: 4,
    BackupKind.PRE_MIGRATION: 4,
    BackupKind.PRE_RESTORE: 4,
}

PREFIX = "soloservice-"
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(
    r"^soloservice-(?P<stamp>\d{8}T\d{6}Z)-(?P<kind>"
    + "|".join(re.escape(kind.value) for kind in BackupKind)
    + r")\.sqlite3$"
)


@dataclass(frozen=True, order=True)
class BackupName:
    taken_at: datetime  # aware, UTC, whole seconds
    kind: BackupKind

    @property
    def filename(self) -> str:
        return f"{PREFIX}{self.taken_at.astimezone(UTC).strftime(_STAMP)}-{self.kind}{SUFFIX}"

    @classmethod
    def make(cls, taken_at: datetime, kind: BackupKind) -> BackupName:
        if taken_at.tzinfo is None:
            raise ValueError("a backup time must be timezone-aware")
        return cls(taken_at.astimezone(UTC).replace(microsecond=0), kind)

    @classmethod
    def parse(cls, filename: str) -> BackupName | None:
        """The name's time and kind, or None for a file that is not one of ours."""
        match = _NAME.match(filename)
        if match is None:
            return None
        try:
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        except ValueError:
            return None  # our pattern, an impossible time ("20261399T..."): not one of ours
        return cls(taken, BackupKind(match["kind"]))


def newest(names: Iterable[BackupName], kind: BackupKind) -> BackupName | None:
    return max((n for n in names if n.kind is kind), default=None)


def daily_due(names: Iterable[BackupName], now: datetime, zone: tzinfo) -> bool:
    """At most one daily backup per *local* day: the founder's day, not UTC's."""
    last = newest(names, BackupKind.DAILY)
    return last is None or last.taken_at.astimezone(zone).date() != now.astimezone(zone).date()


def weekly_due(names: Iterable[BackupName], now: datetime, zone: tzinfo) -> bool:
    """One weekly backup per local ISO week."""
    last = newest(names, BackupKind.WEEKLY)
    if last is None:
        return True
    week = now.astimezone(zone).isocalendar()[:2]
    return last.taken_at.astimezone(zone).isocalendar()[:2] != week


def to_prune(
    names: Iterable[BackupName], keep: dict[BackupKind, int] | None = None
) -> list[BackupName]:
    """The backups to delete: all but the newest ``keep[kind]`` of each kind.

    Manual backups are the founder's own and are never pruned.
    """
    limits = KEEP if keep is None else keep
    doomed: list[BackupName] = []
    everything = sorted(set(names), reverse=True)
    for kind, limit in limits.items():
        of_kind = [n for n in everything if n.kind is kind]
        doomed.extend(of_kind[limit:])
    return sorted(doomed)
