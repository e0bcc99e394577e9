"""Parsing mail in a second process while the first stores the batch before.

Parsing is a quarter of an import's work and needs nothing from the store, so a large
import hands each batch's raw bytes to one worker process (``ProcessPoolExecutor``; the
machine this targets has two cores) and stores the previous batch meanwhile. The worker
runs the same ``parse_message`` as the importer would, so the stored result is the same;
it sends back the parse without the raw bytes (the importer has them) to halve what is
pickled. A worker that dies or cannot start only costs speed: the batch is parsed in the
importer's own process instead. Small imports never start a worker (starting one costs
more than it saves).
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from datetime import datetime
from types import TracebackType

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message

#: fewer mails than this are parsed in-process
POOL_MIN_MAILS = 400

log = logging.getLogger(__name__)

Parsed = ParsedMail | Quarantined


def parse_without_raw(batch: Sequence[tuple[bytes, datetime]]) -> list[Parsed]:
    """The worker's side: every mail parsed, ``raw`` left out of the answer."""
    return [replace(parse_message(raw, received=received), raw=b"") for raw, received in batch]


def with_raw(parsed: Parsed, raw: bytes) -> Parsed:
    return replace(parsed, raw=raw)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class _Done:
    """A finished parse, for the in-process path (same shape as a Future's result())."""

    def __init__(self, value: list[Parsed]) -> None:
        self.value = value

    def result(self) -> list[Parsed]:
        return self.value


class ParsePool:
    """``submit`` a batch, ``collect`` it later; in a worker process when ``enabled``."""

    def __init__(self, enabled: bool) -> None:
        self._executor: ProcessPoolExecutor | None = None
        if enabled:
            # fork when this process runs no other thread (the CLI): no start-up cost and no
            # re-import of the main script; spawn next to threads (the window), where a fork
            # could copy a lock some other thread holds
            method = "fork" if threading.active_count() == 1 and _can_fork() else "spawn"
            if method == "spawn" and getattr(sys, "frozen", False):
                # a frozen bundle's spawned child would start the app again unless its entry
                # calls multiprocessing.freeze_support(): parse in-process there
                enabled = False
        if enabled:
            try:
                self._executor = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context(method)
                )
            except (OSError, ValueError) as exc:  # no processes here: parse in-process
                log.info("parse worker unavailable (%s); parsing in-process", exc)

        #: shut down at the end even after a failure stopped its use
        self._owned = self._executor

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._owned is not None:
            self._owned.shutdown(wait=True, cancel_futures=True)

    def submit(self, batch: list[tuple[bytes, datetime]]) -> Future[list[Parsed]] | _Done:
        if self._executor is not None:
            try:
                return self._executor.submit(parse_without_raw, batch)
            except RuntimeError as exc:  # broken or shut down: parse here from now on
                log.warning("parse worker failed (%s); parsing in-process", exc)
                self._executor = None
        return _Done([parse_message(raw, received=received) for raw, received in batch])

    def collect(
        self, pending: Future[list[Parsed]] | _Done, batch: list[tuple[bytes, datetime]]
    ) -> list[Parsed]:
        """The batch's parses in order, with their raw bytes."""
        if isinstance(pending, _Done):
            return pending.value
        try:
            answers = pending.result()
        except Exception as exc:  # the worker died (BrokenProcessPool) or could not pickle
            log.warning("parse worker failed (%s); parsing in-process", exc)
            self._executor = None
            return [parse_message(raw, received=received) for raw, received in batch]
        if len(answers) != len(batch):
            return [parse_message(raw, received=received) for raw, received in batch]
        return [with_raw(p, raw) for p, (raw, _r) in zip(answers, batch, strict=True)]
