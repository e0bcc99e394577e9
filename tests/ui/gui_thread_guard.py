"""Records database statements and network connects made on the GUI thread.

The window must never wait on SQLite's write lock (a sync holds it while it stores mail) or
on a server: every write and every network call runs in a task (``ui/tasks.py``). The guard
sees each statement through SQLAlchemy's ``before_cursor_execute`` and each connect through
the ``socket.connect`` audit event, and keeps the ones made on the main thread, with where
they came from, so a failing test names the culprit.
"""

from __future__ import annotations

import re
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|BEGIN\s+IMMEDIATE|CREATE|DROP)\b", re.I)
READ = re.compile(r"^\s*(SELECT|WITH)\b", re.I)


@dataclass(frozen=True)
class Hit:
    what: str
    where: str

    def __str__(self) -> str:
        return f"{self.what}\n{self.where}"


@dataclass
class GuiThreadGuard:
    writes: list[Hit] = field(default_factory=list)
    reads: list[Hit] = field(default_factory=list)
    connects: list[Hit] = field(default_factory=list)
    active: bool = False

    def _on_gui_thread(self) -> bool:
        return self.active and threading.current_thread() is threading.main_thread()

    def statement(self, conn: Any, cursor: Any, sql: str, *_rest: Any) -> None:
        if not self._on_gui_thread():
            return
        if WRITE.match(sql):
            self.writes.append(Hit(sql.split("\n")[0][:120], _where()))
        elif READ.match(sql):
            self.reads.append(Hit(sql.split("\n")[0][:120], _where()))

    def audit(self, name: str, args: tuple[Any, ...]) -> None:
        if name == "socket.connect" and self._on_gui_thread():
            self.connects.append(Hit(f"connect {args[1]!r}", _where()))

    def read_sites(self) -> dict[str, int]:
        """How many reads each place made (its innermost ui and service frames)."""
        return sites(self.reads)

    def summary(self) -> str:
        """Every write and connect, grouped by where it came from, most frequent first."""
        counts = sites([*self.writes, *self.connects])
        return "\n".join(f"{n:4} x {site}" for site, n in counts.items())


def _innermost(hit: Hit, part: str) -> str:
    lines = [line.strip() for line in hit.where.splitlines() if part in line]
    return lines[-1].split("/soloservice/", 1)[-1] if lines else "-"


def sites(hits: list[Hit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for hit in hits:
        key = (
            f"{hit.what.split()[0]}: {_innermost(hit, 'soloservice/ui/')}"
            f" -> {_innermost(hit, 'soloservice/services/')}"
        )
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


_HOOKED: list[GuiThreadGuard] = []


def _audit(name: str, args: tuple[Any, ...]) -> None:
    for guard in _HOOKED:
        guard.audit(name, args)


def _where() -> str:
    frames = [
        f"  {f.filename}:{f.lineno} {f.name}"
        for f in traceback.extract_stack()[:-3]
        if "/soloservice/" in f.filename or "/tests/" in f.filename
    ]
    return "\n".join(frames[-12:])


_AUDIT_INSTALLED: list[bool] = []


@contextmanager
def guard_gui_thread(engine: Engine) -> Iterator[GuiThreadGuard]:
    """Watch ``engine`` (and every engine derived from it, like the read engine) and the
    process's sockets while the block runs."""
    if not _AUDIT_INSTALLED:  # an audit hook cannot be removed: one, shared, for the session
        sys.addaudithook(_audit)
        _AUDIT_INSTALLED.append(True)
    guard = GuiThreadGuard(active=True)
    event.listen(engine, "before_cursor_execute", guard.statement)
    _HOOKED.append(guard)
    try:
        yield guard
    finally:
        guard.active = False
        _HOOKED.remove(guard)
        event.remove(engine, "before_cursor_execute", guard.statement)
