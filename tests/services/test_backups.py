"""Backups through the composed app: ``Services.open`` on real files in tmp_path."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.backups import KEEP, BackupKind, BackupName, daily_due, to_prune
from soloservice.paths import database_path
from soloservice.services.backups import BackupError, restore, verify_backup
from soloservice.services.demo import generate_demo
from soloservice.services.registry import NOW_ENV, Services
from soloservice.storage.backup import check, schema_revision
from soloservice.storage.database import StorageError
from soloservice.storage.migrate import alembic_config, head_revision
from soloservice.storage.readonly import DamagedStoreError, ReadOnlyDatabase

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday


def snapshot(data_dir: Path) -> dict[str, object]:
    """Counts and a sample of rows: what "the data compares equal" means here."""
    with sqlite3.connect(database_path(data_dir)) as conn:
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("customer", "inquiry", "message", "inquiry_event")
        }
        sample = {
            "customers": conn.execute("SELECT * FROM customer ORDER BY id LIMIT 5").fetchall(),
            "inquiries": conn.execute("SELECT * FROM inquiry ORDER BY id DESC LIMIT 5").fetchall(),
            "messages": conn.execute(
                "SELECT id, inquiry_id, text FROM message ORDER BY id LIMIT 5"
            ).fetchall(),
        }
    return {"counts": counts, "sample": sample}


def dump(path: Path) -> list[str]:
    """The database's content as SQL (a backup-API copy differs in header bytes)."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    services = Services.open(data_dir)
    try:
        generate_demo(services.ctx, 60, seed=3)
    finally:
        services.close()
    return data_dir


def flip_bytes(db: Path) -> None:
    """Overwrite the middle of one of the customer table's pages, as a bad disk would."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'customer' AND pagetype = 'leaf' "
            "ORDER BY pageno LIMIT 1"
        ).fetchone()[0]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek(page * page_size - 512)  # among the rows, which fill a page from its end
        handle.write(b"\xff" * 64)


# -- retention, as a rule -----------------------------------------------------------------------


def test_retention_keeps_seven_daily_four_weekly_and_every_manual() -> None:
    names = [BackupName.make(T0 + timedelta(days=d), BackupKind.DAILY) for d in range(40)]
    names += [BackupName.make(T0 + timedelta(weeks=w), BackupKind.WEEKLY) for w in range(6)]
    names += [BackupName.make(T0 + timedelta(days=d), BackupKind.MANUAL) for d in range(20)]
    doomed = set(to_prune(names))
    kept = [n for n in names if n not in doomed]
    daily = sorted(n.taken_at for n in kept if n.kind is BackupKind.DAILY)
    assert daily == [T0 + timedelta(days=d) for d in range(33, 40)]
    weekly = sorted(n.taken_at for n in kept if n.kind is BackupKind.WEEKLY)
    assert weekly == [T0 + timedelta(weeks=w) for w in range(2, 6)]
    assert sum(n.kind is BackupKind.MANUAL for n in kept) == 20


@given(
    st.lists(
        st.tuples(st.integers(0, 10_000_000), st.sampled_from(list(BackupKind))),
        max_size=60,
    )
)
def test_retention_keeps_the_newest_of_every_kind(raw: list[tuple[int, BackupKind]]) -> None:
    names = {BackupName.make(T0 + timedelta(seconds=s), kind) for s, kind in raw}
    doomed = set(to_prune(names))
    for kind in BackupKind:
        of_kind = sorted((n for n in names if n.kind is kind), reverse=True)
        limit = KEEP.get(kind, len(of_kind))
        assert doomed.isdisjoint(of_kind[:limit])
        assert set(of_kind[limit:]) <= doomed


def test_backup_names_round_trip_and_ignore_strangers() -> None:
    name = BackupName.make(T0, BackupKind.PRE_MIGRATION)
    assert name.filename == "soloservice-20261102T090000Z-pre-migration.sqlite3"
    assert BackupName.parse(name.filename) == name
    assert BackupName.parse("holiday.jpg") is None
    assert BackupName.parse("soloservice-20261102T090000Z-hourly.sqlite3") is None


def test_a_daily_backup_is_due_once_per_local_day() -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Copenhagen")
    late = datetime(2026, 11, 2, 22, 30, tzinfo=UTC)  # 23:30 in Copenhagen
    taken = [BackupName.make(late, BackupKind.DAILY)]
    assert not daily_due(taken, late + timedelta(minutes=20), zone)
    assert daily_due(taken, late + timedelta(hours=1), zone)  # past local midnight


# -- the composed app ------------------------------------------------------------------------------


def test_forty_days_of_use_leave_seven_daily_and_four_weekly_backups(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(40):
        monkeypatch.setenv(NOW_ENV, (T0 + timedelta(days=day)).isoformat())
        services = Services.open(store)
        try:
            services.backups.daily_if_due()
            assert services.backups.daily_if_due() == []  # once a day, however often asked
        finally:
            services.close()
    services = Services.open(store)
    backups = services.backups.available()
    services.close()
    kinds = [b.kind for b in backups]
    assert kinds.count(BackupKind.DAILY) == 7
    assert kinds.count(BackupKind.WEEKLY) == 4
    newest_daily = max(b.taken_at for b in backups if b.kind is BackupKind.DAILY)
    assert newest_daily == T0 + timedelta(days=39)
    assert all(b.path.stat().st_mode & 0o777 == 0o600 for b in backups)
    assert all(check(b.path, quick=False) == [] for b in backups)


def test_backup_then_restore_gives_back_the_same_data(store: Path) -> None:
    before = snapshot(store)
    services = Services.open(store)
    try:
        backup = services.backups.back_up()
        generate_demo(services.ctx, 20, seed=9, force=True)
    finally:
        services.close()
    assert snapshot(store) != before
    summary = restore(store, backup.path, T0)
    assert snapshot(store) == before
    assert summary.kept_as is not None and summary.kept_as.exists()
    assert BackupName.parse(summary.kept_as.name).kind is BackupKind.PRE_RESTORE  # type: ignore[union-attr]
    services = Services.open(store)  # the restored store opens, healthy and writable
    try:
        assert services.backups.damage is None
        assert services.inbox.counts() is not None
    finally:
        services.close()


def test_opening_an_older_store_takes_a_pre_migration_backup_first(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    data_dir = tmp_path / "old"
    data_dir.mkdir()
    engine = create_engine(f"sqlite:///{database_path(data_dir)}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    engine.dispose()
    Services.open(data_dir).close()
    backups = list((data_dir / "backups").iterdir())
    assert [BackupName.parse(p.name).kind for p in backups] == [BackupKind.PRE_MIGRATION]  # type: ignore[union-attr]
    assert schema_revision(backups[0]) == "0003"
    assert schema_revision(database_path(data_dir)) == head_revision()
    Services.open(data_dir).close()  # at head now: no second backup
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_a_store_from_a_newer_version_is_refused_not_migrated(store: Path) -> None:
    db = database_path(store)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = digest(db)
    with pytest.raises(StorageError, match="newer than this SoloService"):
        Services.open(store)
    assert digest(db) == before
    with pytest.raises(BackupError, match="newer SoloService"):
        verify_backup(db)


def test_a_damaged_store_opens_read_only_and_is_never_written(store: Path) -> None:
    db = database_path(store)
    good = Services.open(store)
    try:
        backup = good.backups.back_up()
    finally:
        good.close()
    flip_bytes(db)
    before = digest(db)
    services = Services.open(store)
    try:
        assert isinstance(services.ctx.db, ReadOnlyDatabase)
        assert services.backups.damage
        with pytest.raises(DamagedStoreError, match="quick_check"):
            services.inquiries.add_note(1, "must not land")
        assert services.backups.daily_if_due() == []  # a damaged copy is no backup
        with pytest.raises(BackupError, match="damaged"):
            services.backups.back_up()
        assert services.backups.newest_good() == backup
    finally:
        services.close()
    assert digest(db) == before
    restore(store, backup.path, T0)
    healed = Services.open(store)
    try:
        assert healed.backups.damage is None
        healed.inquiries.add_note(1, "now it may")
    finally:
        healed.close()


@pytest.mark.parametrize("kind", ["text", "corrupt", "foreign"])
def test_restoring_a_bad_file_is_refused_and_changes_nothing(
    store: Path, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / "bad.sqlite3"
    if kind == "text":
        bad.write_text("not a database\n" * 100)
    elif kind == "corrupt":
        shutil.copy(database_path(store), bad)
        flip_bytes(bad)
    else:
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE holiday (id INTEGER PRIMARY KEY)")
        conn.close()
    before = digest(database_path(store))
    with pytest.raises(BackupError):
        restore(store, bad, T0)
    assert digest(database_path(store)) == before
    assert not (store / "backups").exists()


def test_restoring_a_backup_from_an_older_version_migrates_it(store: Path, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    old = tmp_path / "old-backup.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    engine.dispose()
    summary = restore(store, old, T0)
    assert (summary.revision, summary.migrated) == ("0003", True)
    assert schema_revision(database_path(store)) == head_revision()
    assert schema_revision(old) == "0003"  # the file restored from is left as it was
    services = Services.open(store)
    kinds = {b.kind for b in services.backups.available()}
    services.close()
    assert kinds == {BackupKind.PRE_RESTORE, BackupKind.PRE_MIGRATION}


def test_the_weeks_first_backup_is_one_file_under_both_names(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Daily and weekly of the same moment are the same bytes: written once, linked once."""
    monkeypatch.setenv(NOW_ENV, T0.isoformat())
    services = Services.open(store)
    try:
        taken = services.backups.daily_if_due()
    finally:
        services.close()
    assert sorted(b.kind for b in taken) == [BackupKind.DAILY, BackupKind.WEEKLY]
    path = {b.kind: b.path for b in taken}
    daily, weekly = path[BackupKind.DAILY], path[BackupKind.WEEKLY]
    assert daily.stat().st_ino == weekly.stat().st_ino
    daily.unlink()  # the daily's retention ends first: the weekly stays whole
    assert check(weekly, quick=False) == []
    verify_backup(weekly)


def test_a_folder_without_hard_links_gets_a_copy(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setenv(NOW_ENV, T0.isoformat())
    monkeypatch.setattr("os.link", refuse)
    services = Services.open(store)
    try:
        taken = services.backups.daily_if_due()
    finally:
        services.close()
    paths = [b.path for b in taken]
    assert len(paths) == 2
    assert paths[0].stat().st_ino != paths[1].stat().st_ino
    assert dump(paths[0]) == dump(paths[1])
    assert all(check(path, quick=False) == [] for path in paths)
