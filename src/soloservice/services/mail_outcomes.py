"""What the mail ingest works with and says: sources, prepared mails, outcomes, tallies.

Kept apart from the ingest itself (services/mail_ingest.py) so the batch store, the parse
worker and the summaries of sync and import share one vocabulary without importing the
whole ingest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session

from soloservice.channels.email.parse import ParsedMail, Quarantined
from soloservice.domain.identity import InvalidIdentity, normalise_email
from soloservice.services.inquiries import NewInquiry

#: Ledger outcomes that mean "this mail's content is already in the store".
STORED_OUTCOMES = ("imported", "own", "auto", "survey_answer")
#: ... and those a later copy of the same content is a duplicate of
FIRST_COPY_OUTCOMES = (*STORED_OUTCOMES, "quarantined")


class Outcome(StrEnum):
    NEW_INQUIRY = "new_inquiry"
    ADDED = "added_to_existing"
    DUPLICATE = "duplicate"
    OWN = "own"
    AUTO = "auto"
    SURVEY_ANSWER = "survey_answer"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class IngestTotals:
    """What became of a batch of mails; sync and import summaries extend it."""

    fetched: int = 0
    new_inquiries: int = 0
    added_to_existing: int = 0
    duplicates: int = 0
    quarantined: int = 0
    own: int = 0
    auto: int = 0
    survey_answers: int = 0
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict[str, Any]:
        return {**_tally(self), "errors": list(self.errors)}


@dataclass
class IngestCounts:
    """The running tally while mails are ingested."""

    fetched: int = 0
    new_inquiries: int = 0
    added_to_existing: int = 0
    duplicates: int = 0
    own: int = 0
    auto: int = 0
    survey_answers: int = 0
    quarantined: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.fetched += 1
        if outcome is Outcome.NEW_INQUIRY:
            self.new_inquiries += 1
        elif outcome is Outcome.ADDED:
            self.added_to_existing += 1
        elif outcome is Outcome.DUPLICATE:
            self.duplicates += 1
        elif outcome is Outcome.OWN:
            self.own += 1
        elif outcome is Outcome.AUTO:
            self.auto += 1
        elif outcome is Outcome.SURVEY_ANSWER:
            self.survey_answers += 1
        else:
            self.quarantined += 1

    def totals(self) -> dict[str, Any]:
        """Keyword arguments for an IngestTotals (or a summary extending it)."""
        return _tally(self)


def _tally(counts: IngestTotals | IngestCounts) -> dict[str, Any]:
    """The ``IngestTotals`` fields of a total or a running tally, in that class's order (the
    order of the JSON keys), errors as a tuple. A subclass's own fields are not included."""
    tally = {f.name: getattr(counts, f.name) for f in fields(IngestTotals)}
    tally["errors"] = tuple(counts.errors)
    return tally


@dataclass(frozen=True)
class MailSource:
    """Where a raw mail came from, for the ledger.

    ``sent`` marks a Sent folder: everything in it is the founder's, whatever the From says
    (aliases, a second address), so it is never taken for a customer's mail.
    """

    source: str = "imap"
    account_id: int | None = None
    folder: str = ""
    uidvalidity: int | None = None
    uid: int | None = None
    sent: bool = False
    #: an archive's file and the mail's place in it (see MailItemRow); None for IMAP
    source_path: str | None = None
    source_key: str | None = None


#: A hook that may turn a mail into a different inquiry (web form notifications): returns
#: a NewInquiry to create instead of the default, or None to go on as a plain email.
FormHook = Callable[[ParsedMail], NewInquiry | None]

#: A hook that recognises a customer's answer to a satisfaction survey (by the survey mail's
#: Message-ID in In-Reply-To/References), records it, and returns True; such a mail is an
#: answer, not a new message that would reopen the case.
SurveyHook = Callable[[Session, ParsedMail], bool]


@dataclass(frozen=True)
class PreparedMail:
    """One mail parsed outside any transaction (``MailIngest.prepare``), to be stored by
    ``MailIngest.ingest_batch``: parsing is a quarter of the work and needs no lock."""

    raw: bytes
    source: MailSource
    received: datetime | None
    parsed: ParsedMail | Quarantined
    digest: str

    @property
    def content_hash(self) -> str:
        if isinstance(self.parsed, Quarantined):
            return raw_hash(self.raw)
        return self.parsed.content_hash


class BatchMailFailed(Exception):
    """Mail ``position`` of a batch could not be stored: the batch's transaction is rolled
    back and the batch stored again with that mail quarantined (``store_batch``)."""

    def __init__(self, position: int, error: Exception) -> None:
        super().__init__(f"mail {position} of the batch: {type(error).__name__}: {error}")
        self.position = position
        self.error = error


def refused_address(address: str) -> str | None:
    """Why the customer register would refuse ``address``, or None.

    Checked before ``create_in`` so that such a mail (the public SpamAssassin corpus has a
    few: ``@21cn.com``, ``x@[1086695621]``) is quarantined at once rather than by failing
    the batch's transaction and storing the batch again."""
    try:
        normalise_email(address)
    except InvalidIdentity as exc:
        return str(exc)
    return None


def raw_hash(raw: bytes) -> str:
    """Identity of a mail nobody could parse: its exact bytes."""
    return "raw:" + hashlib.sha256(raw).hexdigest()


def bytes_digest(raw: bytes) -> str:
    """``MailItemRow.raw_hash``: the exact bytes, for every mail (migration 0005 writes it
    the same way for older rows)."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()
