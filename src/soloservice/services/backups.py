"""Backups and restore: the use cases over storage/backup.py.

The automatic backup is taken at most once per local day (and once per ISO week as a
weekly one) by the composition roots: on the worker when the window opens, and after a CLI
command that writes. Its "is one due?" check reads one directory listing, so running it
after every command costs nothing on the days it has already run.

Restore never trusts the file it is given: ``integrity_check`` first, then "is this a
SoloService store, and not from a newer version?", and only then is the current store kept
as a ``pre-restore`` backup and swapped out.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from soloservice.domain.backups import (
    BackupKind,
    BackupName,
    daily_due,
    to_prune,
    weekly_due,
)
from soloservice.paths import database_path
from soloservice.services.context import ServiceContext
from soloservice.services.errors import ServiceError
from soloservice.storage.backup import (
    SIDE_FILES,
    BackupFileError,
    backups_dir,
    check,
    copy_database,
    schema_revision,
    unique_path,
    write_backup,
)
from soloservice.storage.database import Database
from soloservice.storage.files import data_dir_file, fsync_dir
from soloservice.storage.migrate import head_revision, known_revisions
from soloservice.storage.readonly import DamagedStoreError, ReadOnlyDatabase


class BackupError(ServiceError):
    pass


class DamagedStore(ServiceError, DamagedStoreError):
    """A write refused because the store is damaged: a ServiceError, so the window shows
    its one line as it shows any other refusal."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    kind: BackupKind
    size: int
    #: customers forgotten after it was taken: it still holds them until it expires
    forgotten: int = 0


@dataclass(frozen=True)
class RestoreSummary:
    restored_from: Path
    kept_as: Path | None  # the store as it was before, now a pre-restore backup
    revision: str  # the schema revision of the file restored
    migrated: bool  # it was older and has been upgraded to this version's schema


class BackupFolderError(BackupError):
    """Something other than a folder stands where the backups go (a sync tool's conflict
    copy named ``backups``, a stray symlink): nothing can be listed, taken or kept until it
    is moved away. The window words it itself; the message is the CLI's."""

    def __init__(self, directory: Path) -> None:
        super().__init__(
            f"{directory} is a file, not a folder: move it away so backups can be kept"
        )
        self.directory = directory


def folder_problem(directory: Path) -> BackupFolderError | None:
    """Why no backup can go into ``directory``, or None when it is a folder or not made yet.

    ``lexists`` so that a dangling symlink counts too: ``mkdir`` would refuse it as well.
    """
    if os.path.lexists(directory) and not directory.is_dir():
        return BackupFolderError(directory)
    return None


def _entries(directory: Path) -> list[Path]:
    """What ``directory`` holds; nothing when it is missing or is not a folder (a file
    standing in for it holds no backups, and ``folder_problem`` says why)."""
    try:
        return list(directory.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []


def list_backups(directory: Path) -> list[BackupInfo]:
    """Every backup in ``directory``, newest first; other files there are ignored."""
    found: list[BackupInfo] = []
    for entry in _entries(directory):
        name = BackupName.parse(entry.name)
        if name is None or not entry.is_file():
            continue
        with contextlib.suppress(FileNotFoundError):  # pruned by the CLI meanwhile
            found.append(BackupInfo(entry, name.taken_at, name.kind, entry.stat().st_size))
    found.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
    return found


def _names(directory: Path) -> list[BackupName]:
    return [n for n in map(BackupName.parse, (p.name for p in _entries(directory))) if n]


def verify_backup(path: Path) -> str:
    """The schema revision of ``path`` when it is a sound SoloService store this version
    can open; otherwise a BackupError saying why not."""
    if not path.is_file():
        raise BackupError(f"not a file: {path}")
    problems = check(path, quick=False)
    if problems:
        raise BackupError(f"{path} is not a sound database (integrity_check: {problems[0]})")
    try:
        revision = schema_revision(path)
    except (sqlite3.Error, BackupFileError) as exc:
        raise BackupError(f"{path} cannot be read: {exc}") from exc
    if revision is None:
        raise BackupError(f"{path} is not a SoloService database")
    if revision not in known_revisions():
        raise BackupError(
            f"{path} was written by a newer SoloService (schema {revision}, this version "
            f"knows up to {head_revision()}): restore it with that version"
        )
    return revision


def _keep_current(live: Path, now: datetime) -> Path:
    """The current store as a pre-restore backup, even when it is damaged.

    The backup API copies pages without interpreting them, so it copies a store with a
    broken table; when even that fails (a broken header) the bytes are kept as they are,
    log included, for whoever wants to rescue them.
    """
    directory = backups_dir(live)
    try:
        return write_backup(live, now, BackupKind.PRE_RESTORE)
    except (sqlite3.Error, BackupFileError):
        target = unique_path(directory, now, BackupKind.PRE_RESTORE)
        shutil.copyfile(live, target)
        target.chmod(0o600)
        for suffix in SIDE_FILES[:1]:  # the -wal holds committed data; -shm is an index
            side = Path(f"{live}{suffix}")
            if side.exists():
                shutil.copyfile(side, Path(f"{target}{suffix}"))
        return target


def restore(data_dir: Path, source: Path, now: datetime) -> RestoreSummary:
    """Replace the store in ``data_dir`` by ``source``; nothing may have it open.

    Order matters: verify (nothing changed if that fails), keep the current store, swap,
    then migrate a backup from an older version (taking its own pre-migration copy).
    """
    from soloservice.storage.backup import replace_database  # the one destructive step

    live = database_path(data_dir)
    source = source.expanduser()
    if source.exists() and live.exists() and source.resolve() == live.resolve():
        raise BackupError("that is the current database: choose a backup to restore")
    revision = verify_backup(source)
    keep = live.exists() and live.stat().st_size > 0
    problem = folder_problem(backups_dir(live))
    if keep and problem is not None:
        raise problem  # the current store could not be kept: nothing is replaced
    kept = _keep_current(live, now) if keep else None
    replace_database(source, live)
    migrated = revision != head_revision()
    Database(live).close()  # migrates an older backup now, not at some later start
    return RestoreSummary(source, kept, revision, migrated)


def _second_name(backup: Path, name: Path) -> bool:
    """Give the backup just written a second name (a hard link); False where it cannot be.

    The daily and the weekly backup of the same moment hold the same bytes, and a backup
    is never written again once taken (it is read, verified, restored from, deleted), so
    one file under two names keeps both: each name goes when its own retention lets it
    go. It spares writing (and syncing) the whole store a second time after the week's
    first command. A folder that takes no hard links (FAT, some network shares) gets a
    copy, as before."""
    try:
        os.link(backup, name)
    except OSError:
        return False
    fsync_dir(name.parent)
    return True


class BackupService:
    """Backups of the store the services run on, into ``<data dir>/backups``."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        if isinstance(ctx.db, ReadOnlyDatabase):
            ctx.db.error = DamagedStore

    @property
    def db_path(self) -> Path:
        return self.ctx.db.path

    @property
    def directory(self) -> Path:
        return backups_dir(self.db_path)

    @property
    def damage(self) -> str | None:
        """What quick_check found at open, when the store is damaged (and read-only)."""
        db = self.ctx.db
        return db.damage if isinstance(db, ReadOnlyDatabase) else None

    @property
    def folder_problem(self) -> BackupFolderError | None:
        """Why no backup can be listed or taken now (see ``folder_problem``), or None."""
        return folder_problem(self.directory)

    def check_folder(self) -> None:
        """Raise the folder's problem, for a caller that must not list "no backups" then."""
        problem = self.folder_problem
        if problem is not None:
            raise problem

    def refuse_writes_with(self, message: str) -> None:
        """The words a refused write on a damaged store raises (the window has its own)."""
        if isinstance(self.ctx.db, ReadOnlyDatabase):
            self.ctx.db.refusal = message

    def available(self) -> list[BackupInfo]:
        # Imported here: services.gdpr is a leaf the backups must not pull in at start-up.
        from dataclasses import replace

        from soloservice.services.gdpr import forgotten_after

        data_dir = self.db_path.parent
        return [
            replace(b, forgotten=forgotten_after(data_dir, b.taken_at))
            for b in list_backups(self.directory)
        ]

    def _info(self, path: Path) -> BackupInfo:
        name = BackupName.parse(path.name)
        taken, kind = (name.taken_at, name.kind) if name else (self.ctx.now(), BackupKind.MANUAL)
        return BackupInfo(path, taken, kind, path.stat().st_size)

    def back_up(self, dest: Path | None = None) -> BackupInfo:
        """A manual backup into the backups folder, or to ``dest``."""
        if dest is None:
            if self.damage is not None:
                # It would be listed beside the good ones and could be restored as one.
                raise BackupError(
                    f"the database is damaged (quick_check: {self.damage}); "
                    "back it up to a file of your choice, not into the backups folder"
                )
            self.check_folder()
            return self._info(write_backup(self.db_path, self.ctx.now(), BackupKind.MANUAL))
        dest = dest.expanduser()
        if dest.is_dir():
            dest = dest / BackupName.make(self.ctx.now(), BackupKind.MANUAL).filename
        what = data_dir_file(dest, self.db_path.parent)  # the check every export shares
        if what == "the database":  # the store itself, its -wal, -shm or -journal
            raise BackupError("a backup cannot replace the database it backs up")
        if what is not None and not dest.resolve().is_relative_to(self.directory.resolve()):
            raise BackupError(f"a backup cannot replace {what}")
        try:
            copy_database(self.db_path, dest)
        except BackupFileError as exc:
            raise BackupError(str(exc)) from exc
        return self._info(dest)

    def daily_if_due(self) -> list[BackupInfo]:
        """Take today's daily (and this week's weekly) backup if not taken yet, then prune."""
        if self.damage is not None or not self.db_path.exists():
            return []
        if self.folder_problem is not None:
            return []  # said where backups are listed (the dialog, `backup list`), not here
        names = _names(self.directory)
        now, zone = self.ctx.now(), self.ctx.tz
        want_daily, want_weekly = daily_due(names, now, zone), weekly_due(names, now, zone)
        if not (want_daily or want_weekly):
            return []
        taken: list[Path] = []
        if want_daily:
            taken.append(write_backup(self.db_path, now, BackupKind.DAILY))
        if want_weekly:
            weekly = unique_path(self.directory, now, BackupKind.WEEKLY)
            if not (taken and _second_name(taken[0], weekly)):
                copy_database(taken[0] if taken else self.db_path, weekly)
            taken.append(weekly)
        self.prune()
        return [self._info(path) for path in taken if path.exists()]

    def prune(self) -> list[Path]:
        """Delete what the retention rules let go (7 daily, 4 weekly; manual never)."""
        removed: list[Path] = []
        for name in to_prune(_names(self.directory)):
            path = self.directory / name.filename
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
        return removed

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that passes ``integrity_check`` and this version can open."""
        for info in self.available():
            try:
                verify_backup(info.path)
            except BackupError:
                continue
            return info
        return None
