"""Backup names and retention as properties (``domain/backups.py``).

The folder is its own index: a name must read back as the time and kind it was made from,
and a file that is not ours must never be mistaken for one (it could be deleted by a prune).
Retention keeps the newest N of each kind and never a manual backup.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.backups import (
    KEEP,
    PREFIX,
    SUFFIX,
    BackupKind,
    BackupName,
    daily_due,
    newest,
    to_prune,
    weekly_due,
)
from tests.properties.conftest import FEWER, PROPERTIES
from tests.properties.strategies import HOME_ZONES, any_moment

kinds = st.sampled_from(list(BackupKind))
names = st.builds(BackupName.make, any_moment, kinds)
name_sets = st.lists(names, max_size=40)


@FEWER
@given(any_moment, kinds, st.sampled_from(HOME_ZONES))
def test_a_name_reads_back_as_its_time_and_kind(
    moment: datetime, kind: BackupKind, zone: str
) -> None:
    made = BackupName.make(moment.astimezone(ZoneInfo(zone)), kind)
    assert made.taken_at == moment.replace(microsecond=0)
    assert made.taken_at.utcoffset() == timedelta(0)
    filename = made.filename
    assert filename.startswith(PREFIX) and filename.endswith(SUFFIX)
    assert BackupName.parse(filename) == made
    assert f"-{kind.value}{SUFFIX}" in filename


@PROPERTIES
@given(names, names)
def test_names_sort_like_their_times(a: BackupName, b: BackupName) -> None:
    """A plain directory listing in name order is oldest first within a kind."""
    if a.kind is b.kind and a.taken_at != b.taken_at:
        assert (a.filename < b.filename) is (a.taken_at < b.taken_at)


@PROPERTIES
@given(st.text(max_size=60))
def test_any_other_file_is_not_a_backup(filename: str) -> None:
    parsed = BackupName.parse(filename)
    if parsed is not None:
        assert parsed.filename == filename  # only our exact spelling reads as ours


@pytest.mark.parametrize(
    "filename",
    [
        "soloservice-20261124T090000Z-daily.sqlite3-wal",
        "soloservice-20261124T090000Z-daily.sqlite3.tmp",
        "soloservice-20261124T090000Z-hourly.sqlite3",
        "soloservice-20261124T0900Z-daily.sqlite3",
        "soloservice.sqlite3",
        "copy of soloservice-20261124T090000Z-daily.sqlite3",
        "SOLOSERVICE-20261124T090000Z-DAILY.SQLITE3",
    ],
)
def test_near_misses_are_not_backups(filename: str) -> None:
    """A prune must never delete a journal, a half-written copy or the founder's own file."""
    assert BackupName.parse(filename) is None


@pytest.mark.parametrize(
    "filename",
    [
        "soloservice-20261399T000000Z-daily.sqlite3",
        "soloservice-20260230T120000Z-manual.sqlite3",
        "soloservice-20261124T256199Z-weekly.sqlite3",
    ],
)
def test_a_name_with_an_impossible_date_is_not_a_backup(filename: str) -> None:
    assert BackupName.parse(filename) is None


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        BackupName.make(datetime(2026, 11, 24, 9, 0), BackupKind.DAILY)


@FEWER
@given(name_sets)
def test_pruning_keeps_the_newest_of_each_kind_and_every_manual_one(
    items: list[BackupName],
) -> None:
    doomed = to_prune(items)
    survivors = set(items) - set(doomed)
    assert set(doomed) <= set(items)
    assert doomed == sorted(set(doomed))
    for kind in BackupKind:
        of_kind = sorted({n for n in items if n.kind is kind}, reverse=True)
        kept = sorted((n for n in survivors if n.kind is kind), reverse=True)
        if kind not in KEEP:
            assert kept == of_kind  # manual backups are the founder's own
            continue
        assert kept == of_kind[: KEEP[kind]]
        assert all(max(kept) >= n for n in of_kind) if kept else not of_kind


@PROPERTIES
@given(name_sets)
def test_pruning_twice_deletes_nothing_more(items: list[BackupName]) -> None:
    survivors = sorted(set(items) - set(to_prune(items)))
    assert to_prune(survivors) == []


@PROPERTIES
@given(name_sets, st.dictionaries(kinds, st.integers(0, 5)))
def test_custom_limits(items: list[BackupName], keep: dict[BackupKind, int]) -> None:
    doomed = to_prune(items, keep)
    for kind in BackupKind:
        count = len({n for n in items if n.kind is kind})
        removed = sum(1 for n in doomed if n.kind is kind)
        assert removed == (max(0, count - keep[kind]) if kind in keep else 0)


@PROPERTIES
@given(name_sets, any_moment, st.sampled_from(HOME_ZONES))
def test_one_daily_backup_per_local_day(items: list[BackupName], now: datetime, zone: str) -> None:
    tz = ZoneInfo(zone)
    due = daily_due(items, now, tz)
    last = newest(items, BackupKind.DAILY)
    if last is None:
        assert due
        return
    assert due is (last.taken_at.astimezone(tz).date() != now.astimezone(tz).date())
    if now >= last.taken_at:  # taking one now satisfies today
        assert not daily_due([*items, BackupName.make(now, BackupKind.DAILY)], now, tz)


@PROPERTIES
@given(name_sets, any_moment, st.sampled_from(HOME_ZONES))
def test_one_weekly_backup_per_local_iso_week(
    items: list[BackupName], now: datetime, zone: str
) -> None:
    tz = ZoneInfo(zone)
    last = newest(items, BackupKind.WEEKLY)
    due = weekly_due(items, now, tz)
    if last is None:
        assert due
        return
    same_week = (
        last.taken_at.astimezone(tz).isocalendar()[:2] == now.astimezone(tz).isocalendar()[:2]
    )
    assert due is not same_week


def test_the_founders_day_not_utcs_decides() -> None:
    """23:30 UTC on Monday is already Tuesday in Copenhagen: a new day, a new backup."""
    cph = ZoneInfo("Europe/Copenhagen")
    monday_evening = BackupName.make(datetime(2026, 11, 23, 22, 0, tzinfo=UTC), BackupKind.DAILY)
    assert daily_due([monday_evening], datetime(2026, 11, 23, 23, 30, tzinfo=UTC), cph)
    assert not daily_due([monday_evening], datetime(2026, 11, 23, 22, 30, tzinfo=UTC), cph)
    assert not daily_due([monday_evening], datetime(2026, 11, 23, 23, 30, tzinfo=UTC), UTC)
