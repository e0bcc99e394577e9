"""Run an iterator on a thread a little ahead of its consumer.

The first IMAP sync fetches messages (network and server time, the GIL released while
waiting) and stores them (CPU time in Python and SQLite). Fetching the next batch while this
one is parsed and stored overlaps the two instead of adding them up.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_DONE = object()


class Prefetched(Generic[T]):
    """``for item in Prefetched(source, ahead=100)``: items in order, at most ``ahead``
    fetched before they are taken; an exception of ``source`` is raised in the consumer.
    Use it as a context manager (or call ``close``) so the thread has stopped before the
    source's connection is closed."""

    def __init__(self, source: Iterable[T], ahead: int) -> None:
        self._queue: queue.Queue[object] = queue.Queue(maxsize=max(1, ahead))
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._pump, args=(source,), name="prefetch", daemon=True
        )
        self._thread.start()

    def _put(self, value: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(value, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _pump(self, source: Iterable[T]) -> None:
        try:
            for item in source:
                if not self._put(item):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            self._put(_Failed(exc))
            return
        self._put(_DONE)

    def __iter__(self) -> Iterator[T]:
        while True:
            value = self._queue.get()
            if value is _DONE:
                return
            if isinstance(value, _Failed):
                raise value.error
            yield value  # type: ignore[misc]

    def close(self) -> None:
        self._stop.set()
        self._thread.join()

    def __enter__(self) -> Prefetched[T]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
