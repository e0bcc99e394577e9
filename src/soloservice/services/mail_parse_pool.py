"""Parsing mail in a second process while the first stores the batch before.

Parsing is a quarter of an import's work and needs nothing from the store, so a large
import hands each batch's raw bytes to one worker process (``ProcessPoolExecutor``; the
machine this targets has two cores) and stores the previous batch meanwhile. The worker
runs the same ``parse_message`` as the importer would, so the stored result is the same;
it sends back the parse without the raw bytes (the importer has them) to halve what is
pickled. The worker also scores each mail's language (the guess made for a new customer,
services/language_id.py) and looks for a complaint in it (domain/complaints.py), and the
importer remembers both, so the classifier (its model and its work) and the complaint
words stay out of the storing process. A worker that dies or cannot start
only costs speed: the batch is parsed in the importer's own process instead. Small imports
never start a worker (starting one costs more than it saves). An importer that would wait
for the worker takes the newest batch the worker has not begun back and parses it itself
(``ParsePool._take_back``), so neither process idles while the other has work.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from datetime import datetime
from types import TracebackType

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.channels.email.threads import candidate_parents, find_case_tag
from soloservice.domain import complaints
from soloservice.domain.complaints import ComplaintVerdict, detect_complaint
from soloservice.services import language_id
from soloservice.storage.locks import forget_in_child

#: fewer mails than this are parsed in-process
POOL_MIN_MAILS = 400
#: batches handed to the worker before the importer waits for the first: it parses the
#: next ones while a slow batch (large HTML spam) is stored, and the importer, when it
#: would wait, has batches the worker has not begun to take back
AHEAD = 5

log = logging.getLogger(__name__)

Parsed = ParsedMail | Quarantined


def parse_without_raw(batch: Sequence[tuple[bytes, datetime]]) -> list[Parsed]:
    """The worker's side: every mail parsed, ``raw`` left out of the answer."""
    return [replace(parse_message(raw, received=received), raw=b"") for raw, received in batch]


#: the language scores of one batch, as ``language_id.scores_for`` returns them
Scores = list[tuple[str, dict[str, float]]]
#: per mail of a batch, what ``detect_complaint(subject, text)`` says (None: not asked)
Verdicts = list[ComplaintVerdict | None]
#: what the worker sends back for a batch
Answer = tuple[list[Parsed], Scores, Verdicts]

#: (the worker's) senders whose language is scored already from a mail that starts a
#: case: every later mail of theirs reaches a customer who has a case, and is not guessed
_scored_senders: set[str] = set()


def _starts_a_case(mail: ParsedMail) -> bool:
    """No thread to join: this mail opens a case of its sender's (unless it is a form's)."""
    return not candidate_parents(mail) and find_case_tag(mail.subject) is None


def parse_and_score(batch: Sequence[tuple[bytes, datetime]]) -> Answer:
    """The worker's side: ``parse_without_raw``, the language scores of the mails that
    could start an inquiry (not an auto-reply; for ``language_id.remember``) and each such
    mail's complaint verdict (for ``complaints.remember``).

    A sender's language is guessed once, from their first case: so their mails are scored
    until one that opens a case is; a mail the worker did not score is scored by the
    importer if it needs it (the same scores, only slower)."""
    parsed = parse_without_raw(batch)
    scores: Scores = []
    verdicts: Verdicts = []
    for mail in parsed:
        if not isinstance(mail, ParsedMail) or mail.is_auto:
            verdicts.append(None)
            continue
        verdicts.append(detect_complaint(mail.subject, mail.text))
        sender = (mail.reply_to or mail.from_addr).lower()
        if sender in _scored_senders:
            continue
        words, found = language_id.scores_for(language_id.mail_words(mail.subject, mail.text))
        if words.strip():
            scores.append((words, found))
        if _starts_a_case(mail):
            _scored_senders.add(sender)
    return parsed, scores, verdicts


def _warm_up() -> None:
    language_id.text_scores("warm up")  # imports the classifier and reads its model


def with_raw(parsed: Parsed, raw: bytes) -> Parsed:
    return replace(parsed, raw=raw)


def _worker_start() -> None:
    """First thing in the worker: let go of the parent's locks and end with the parent.

    A SIGKILLed importer cannot shut its pool down; its worker, left waiting for work that
    never comes, would live on (and, forked, keep the account's sync lock). It looks at its
    parent twice a second and leaves when that is gone.
    """
    forget_in_child()
    _scored_senders.clear()  # a forked worker starts with what its parent had
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class _Done:
    """A finished parse, for the in-process path (same shape as a Future's result())."""

    def __init__(self, value: list[Parsed]) -> None:
        self.value = value

    def result(self) -> list[Parsed]:
        return self.value


class _Job:
    """A batch handed to the worker; ``answer`` is set when the importer parsed it itself."""

    def __init__(self, future: Future[Answer], batch: list[tuple[bytes, datetime]]) -> None:
        self.future = future
        self.batch = batch
        self.answer: Answer | None = None

    def done(self) -> bool:
        return self.answer is not None or self.future.done()

    def result(self) -> Answer:
        return self.answer if self.answer is not None else self.future.result()


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
                    max_workers=1,
                    mp_context=multiprocessing.get_context(method),
                    initializer=_worker_start,
                )
            except (OSError, ValueError) as exc:  # no processes here: parse in-process
                log.info("parse worker unavailable (%s); parsing in-process", exc)

        #: how many batches to submit before collecting the first
        self.depth = AHEAD if self._executor is not None else 1
        #: shut down at the end even after a failure stopped its use
        self._owned = self._executor
        #: submitted and not collected yet, oldest first
        self._queued: list[_Job] = []

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
            language_id.forget_all()
            complaints.forget_all()
            _scored_senders.clear()  # (filled here by batches the importer took back)

    def warm_up(self) -> None:
        """Start the worker and load its classifier now (about a second), while the
        importer still reads the archive, rather than when the first batch waits for it."""
        if self._executor is not None:
            # (broken already: the first batch finds out and is parsed here)
            with contextlib.suppress(RuntimeError):
                self._executor.submit(_warm_up)

    def submit(self, batch: list[tuple[bytes, datetime]]) -> _Job | _Done:
        if self._executor is not None:
            try:
                job = _Job(self._executor.submit(parse_and_score, batch), batch)
            except RuntimeError as exc:  # broken or shut down: parse here from now on
                log.warning("parse worker failed (%s); parsing in-process", exc)
                self._executor = None
            else:
                self._queued.append(job)
                return job
        return _Done([parse_message(raw, received=received) for raw, received in batch])

    def _take_back(self) -> bool:
        """While the importer waits for a batch, it parses the newest batch the worker
        has not started (cancelling it there) itself, rather than idle: the worker is the
        slower side where mail is heavy (large HTML), the importer where it is light, and
        this evens the two out batch by batch. False when no batch could be taken."""
        for job in reversed(self._queued):  # (``collect`` took the awaited one out)
            if job.answer is None and job.future.cancel():
                job.answer = parse_and_score(job.batch)
                return True
        return False

    def collect(self, pending: _Job | _Done, batch: list[tuple[bytes, datetime]]) -> list[Parsed]:
        """The batch's parses in order, with their raw bytes (and their language scores and
        complaint verdicts remembered for the store)."""
        if isinstance(pending, _Done):
            return pending.value
        with contextlib.suppress(ValueError):
            self._queued.remove(pending)
        while not pending.done() and self._take_back():
            pass
        try:
            answers, scores, verdicts = pending.result()
        except Exception as exc:  # the worker died (BrokenProcessPool) or could not pickle
            log.warning("parse worker failed (%s); parsing in-process", exc)
            self._executor = None
            return [parse_message(raw, received=received) for raw, received in batch]
        if len(answers) != len(batch) or len(verdicts) != len(batch):
            return [parse_message(raw, received=received) for raw, received in batch]
        for words, found in scores:
            language_id.remember(words, found)
        parsed = [with_raw(p, raw) for p, (raw, _r) in zip(answers, batch, strict=True)]
        complaints.remember(
            (p.subject, p.text, verdict)
            for p, verdict in zip(parsed, verdicts, strict=True)
            if verdict is not None and isinstance(p, ParsedMail)
        )
        return parsed
