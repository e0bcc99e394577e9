"""Writing files safely: atomically, durably, privately, and only over regular files.

One helper instead of a hand-written temp-file-and-rename per writer, so every export, report
and settings file gets the same guarantees: the target is the old file or the complete new
one (fsync before the rename, the directory synced after it); the new file is mode 0600
from its first byte (it holds customer data); and a target that exists but is not a regular
file (``/dev/full``, a folder, a FIFO) is refused instead of being replaced by a file.

The data directory itself is kept 0700 with its files 0600 (``secure_data_dir``), at open
and again at close, so a file another part of the app (or Qt) created with the default
umask does not stay readable by others.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from soloservice.paths import DB_FILENAME

FILE_MODE = 0o600
DIR_MODE = 0o700
#: files of the data directory besides those named ``soloservice*`` (store, -wal, -shm, logs)
DATA_FILES = frozenset(
    {"settings.json", "ui.ini", "drafts.json", "secrets.json", "demo-data.txt", "forgotten.json"}
)
#: folders of the data directory whose every file is ours
DATA_SUBDIRS = ("backups", "logs", "locks")
#: the files SQLite keeps beside the live database (``paths.DB_FILENAME``)
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")


class NotARegularFile(OSError):
    """The target exists and is not a regular file; the CLI prints "not a regular file: X"."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


def refuse_non_regular(path: Path) -> None:
    if path.exists() and not path.is_file():
        raise NotARegularFile(path)


class DataDirFile(OSError):
    """A file the founder named is one of the data directory's own (the store, its settings,
    a backup, a log): writing an export there would destroy it, so it is refused.

    The CLI prints the message and the path on one line (exit 2), like any ``OSError``.
    """

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(errno.EPERM, f"cannot write over {what}", str(path))
        self.what = what


def data_dir_file(path: Path, data_dir: Path) -> str | None:
    """What ``path`` is, if it is (or would be) one of ``data_dir``'s own files, else None.

    Both are resolved first, so a relative path, ``..`` or a symlink to the store is caught
    too. The one check every writer of a founder-named file shares, ``backup FILE`` included.
    """
    target, home = Path(path).expanduser().resolve(), Path(data_dir).expanduser().resolve()
    if target == home:
        return "the data directory"
    if target.parent == home:
        name = target.name
        if name in {DB_FILENAME, *(f"{DB_FILENAME}{side}" for side in DATABASE_SIDE_FILES)}:
            return "the database"
        if _ours(name):
            return f"the data directory's {name}"
    for folder in DATA_SUBDIRS:
        if target.is_relative_to(home / folder):
            return f"the data directory's {folder} folder"
    return None


def refuse_data_dir_file(path: Path, data_dir: Path | None) -> None:
    """Raise ``DataDirFile`` when ``path`` is one of ``data_dir``'s own files."""
    if data_dir is not None and (what := data_dir_file(path, data_dir)) is not None:
        raise DataDirFile(Path(path), what)


def fsync_dir(directory: Path) -> None:
    """Make a rename durable: the directory entry must reach the disk too."""
    with contextlib.suppress(OSError):  # not every file system lets a directory be opened
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(
    path: Path, mode: int = FILE_MODE, suffix: str = ".tmp", *, protect: Path | None = None
) -> Iterator[Path]:
    """A private temporary path beside ``path`` for a writer that wants a file name (a PDF
    writer, SQLite); when the block ends it is synced and renamed over ``path``.

    ``protect`` is the data directory when ``path`` was named by the founder (an export, a
    report): a path that is one of its own files is refused before anything is written.
    """
    path = Path(path)
    refuse_data_dir_file(path, protect)
    refuse_non_regular(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=directory)
    os.close(fd)  # mkstemp made it 0600 already
    temporary = Path(name)
    try:
        yield temporary
        _fsync_file(temporary)
        os.chmod(temporary, mode)
        refuse_non_regular(path)  # it may have changed while the caller wrote
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_dir(directory)


@contextmanager
def atomic_open(
    path: Path,
    mode: int = FILE_MODE,
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    protect: Path | None = None,
) -> Iterator[IO[str]]:
    """A text file to write to; it replaces ``path`` (see ``atomic_path``) when the block ends."""
    with (
        atomic_path(path, mode, protect=protect) as temporary,
        temporary.open("w", encoding=encoding, newline=newline) as handle,
    ):
        yield handle
        handle.flush()


def atomic_write(
    path: Path, data: bytes | str, mode: int = FILE_MODE, *, protect: Path | None = None
) -> None:
    """Replace ``path`` by ``data`` atomically and durably (text is written as UTF-8)."""
    with atomic_path(path, mode, protect=protect) as temporary:
        if isinstance(data, str):
            temporary.write_text(data, encoding="utf-8", newline="")
        else:
            temporary.write_bytes(data)


def create_private(path: Path) -> None:
    """Create ``path`` empty and 0600 if it is missing (SQLite then gives its -wal and -shm
    the same mode)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))


def _tighten(path: Path, wanted: int) -> None:
    with contextlib.suppress(OSError):  # a file owned by someone else: leave it
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            return
        if stat.S_IMODE(info.st_mode) & ~wanted:
            os.chmod(path, stat.S_IMODE(info.st_mode) & wanted)


def _ours(name: str) -> bool:
    return name in DATA_FILES or name.startswith("soloservice")


def secure_data_dir(directory: Path) -> None:
    """0700 for the data dir and its folders, 0600 for the files SoloService keeps there.

    Only files the app knows are touched, so a data dir pointed at a folder with other
    files in it does not lose, say, an executable bit on someone's script.
    """
    if not directory.is_dir():
        return
    _tighten(directory, DIR_MODE)
    with contextlib.suppress(OSError):
        for entry in directory.iterdir():
            if entry.name in DATA_SUBDIRS and entry.is_dir():
                _tighten(entry, DIR_MODE)
                for inner in entry.iterdir():
                    if inner.is_file():
                        _tighten(inner, FILE_MODE)
            elif _ours(entry.name) and entry.is_file():
                _tighten(entry, FILE_MODE)
