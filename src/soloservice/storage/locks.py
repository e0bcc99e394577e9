"""Cross-process locks on files in the data directory (one sync per account at a time).

An OS file lock rather than a row in the database: the kernel releases it when the holder
dies, even by kill -9 or a power cut, so there is no lease to expire or steal, and taking it
never waits on SQLite's write lock. The GUI and the CLI (cron) take the same file, so they
honour each other. POSIX uses ``flock``; Windows locks the file's first byte with
``msvcrt.locking``. The file holds the holder's pid and host, only for the message.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_POLL_SECONDS = 0.05


class LockBusy(RuntimeError):
    """Someone else holds the lock; ``holder`` says who, as far as the file tells."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{path} is held{' by ' + holder if holder else ''}")
        self.path = path
        self.holder = holder


def lock_path(data_dir: Path, kind: str, name: str) -> Path:
    """``<data_dir>/locks/<kind>-<name>.lock``, the name made safe for any file system."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", name)[:80] or "_"
    return data_dir / "locks" / f"{kind}-{safe}.lock"


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()[:200]
    except OSError:
        return ""


#: descriptors of the locks this process holds now (see ``forget_in_child``)
_held: set[int] = set()


def forget_in_child() -> None:
    """In a child made by ``fork``: close the copies of the parent's lock descriptors.

    An ``flock`` belongs to the open file, which a forked child shares: a parse worker that
    outlived its killed parent would keep the account's sync lock, and every later sync
    would skip the account as "already syncing". Closing the child's copies leaves the lock
    with the parent alone, released when it ends however it ends.
    """
    for fd in list(_held):
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


@contextmanager
def exclusive(path: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold ``path`` locked for the block; wait up to ``wait`` seconds, then LockBusy."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+b") as handle:
        deadline = time.monotonic() + max(0.0, wait)
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise LockBusy(path, _holder(path))
            time.sleep(_POLL_SECONDS)
        _held.add(handle.fileno())
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"process {os.getpid()} on {socket.gethostname()}".encode())
            handle.flush()
            yield
        finally:
            _held.discard(handle.fileno())
            _unlock(handle)
