"""What storing a batch of mails needs to know about inquiries, messages and customers.

Asked one mail at a time, threading ("which inquiry holds a message this one answers?"),
customer resolution ("who has this address?"), first contact ("has this customer written
before?") and the reply check ("was this already answered?") were a query each, and each
query flushed the mails before it: three flushes and seven statements per mail. A batch
asks each question once, with ``IN`` over the whole batch on indexed columns, inside the
batch's write transaction (so the answers stay true until it commits), and keeps the
answers up to date as the batch adds rows.

Rows the batch adds get their ids here, up front (``next_id``: what SQLite would give,
``max(id) + 1``, since no table uses AUTOINCREMENT), so nothing has to be flushed to learn
an id and the whole batch goes to SQLite in one flush of executemany INSERTs. Code outside
the batch path that adds rows to these tables (the general ``create_in``, the survey
hook) flushes and asks for ids itself; ``resync`` then reads the counters again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail
from soloservice.channels.email.threads import candidate_parents, find_case_tag
from soloservice.domain.identity import InvalidIdentity, normalise
from soloservice.domain.types import Direction, IdentityKind
from soloservice.services.customer_identity import follow_merges
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.mail_tables import MailItemRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow

#: far below SQLite's limit of bound parameters per statement
_CHUNK = 500

_TABLES: dict[str, type[MailItemRow | MessageRow | InquiryRow | CustomerRow]] = {
    "mail_item": MailItemRow,
    "message": MessageRow,
    "inquiry": InquiryRow,
    "customer": CustomerRow,
}


def _chunks(values: Iterable[object]) -> Iterable[list[object]]:
    ordered = sorted(set(values), key=str)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


@dataclass
class BatchLookups:
    """Answers for one batch, read up front and kept current as the batch adds rows."""

    next_ids: dict[str, int] = field(default_factory=dict)
    #: Message-ID -> (message id, inquiry id) of the newest message carrying it
    messages: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: (identity kind, normalised value) -> customer id
    identities: dict[tuple[str, str], int] = field(default_factory=dict)
    #: customers known to have an inquiry, and those known to have none
    with_inquiries: set[int] = field(default_factory=set)
    without_inquiries: set[int] = field(default_factory=set)
    #: customer id -> the row (the senders', read up front, or added by the batch); held
    #: here because the session's identity map holds rows weakly and misses pending ones
    customers: dict[int, CustomerRow] = field(default_factory=dict)
    #: inquiry id -> the row (read up front, or added by the batch)
    inquiries: dict[int, InquiryRow] = field(default_factory=dict)
    #: the Message-IDs of survey mails the batch's mails refer to
    survey_ids: set[str] = field(default_factory=set)
    #: inquiry id -> when the founder last really replied on it (not an acknowledgement)
    replied_at: dict[int, datetime] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, mails: Sequence[ParsedMail], phone_region: str) -> BatchLookups:
        found = cls()
        found.resync(session)
        candidates = {c for p in mails for c in candidate_parents(p)}
        found._load_messages(session, candidates)
        found._load_surveys(session, candidates)
        tags = {t for t in (find_case_tag(p.subject) for p in mails) if t is not None}
        found._load_inquiries(session, tags | {i for _m, i in found.messages.values()})
        addresses: set[str] = set()
        for p in mails:
            try:
                addresses.add(
                    normalise(IdentityKind.EMAIL, p.reply_to or p.from_addr, phone_region)
                )
            except InvalidIdentity:
                continue
        found._load_identities(session, addresses)
        return found

    def resync(self, session: Session) -> None:
        """Read the id counters (again): after code that let SQLite choose ids."""
        session.flush()
        for name, table in _TABLES.items():
            top = session.execute(sa_select(func.max(col(table.id)))).scalar()
            self.next_ids[name] = max(self.next_ids.get(name, 1), int(top or 0) + 1)

    def next_id(self, table: str) -> int:
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def _load_messages(self, session: Session, ids: set[str]) -> None:
        for part in _chunks(ids):
            rows = session.execute(
                sa_select(
                    col(MessageRow.external_id), col(MessageRow.id), col(MessageRow.inquiry_id)
                ).where(col(MessageRow.external_id).in_(part))
            )
            for external_id, message_id, inquiry_id in rows:
                self.note_message(str(external_id), int(message_id), int(inquiry_id))

    def _load_surveys(self, session: Session, ids: set[str]) -> None:
        for part in _chunks(ids):
            rows = session.execute(
                sa_select(col(SurveyRow.message_id_header)).where(
                    col(SurveyRow.message_id_header).in_(part)
                )
            )
            self.survey_ids.update(str(m) for (m,) in rows)

    def may_answer_survey(self, parsed: ParsedMail) -> bool:
        """Whether ``parsed`` names a survey mail it could answer (the survey hook's
        contract: by the survey's Message-ID in In-Reply-To/References). Surveys are not
        written while a batch is stored, so this was read once for the batch."""
        return any(c in self.survey_ids for c in candidate_parents(parsed))

    def _load_inquiries(self, session: Session, ids: set[int]) -> None:
        for part in _chunks(ids):
            for row in session.exec(select(InquiryRow).where(col(InquiryRow.id).in_(part))):
                assert row.id is not None
                self.inquiries[row.id] = row
            replies = session.execute(
                sa_select(col(MessageRow.inquiry_id), func.max(col(MessageRow.sent_at)))
                .where(
                    col(MessageRow.inquiry_id).in_(part),
                    col(MessageRow.direction) == Direction.OUT.value,
                    col(MessageRow.is_ack).is_(False),
                )
                .group_by(col(MessageRow.inquiry_id))
            )
            self.replied_at.update({int(i): at for i, at in replies if at is not None})

    def _load_identities(self, session: Session, addresses: set[str]) -> None:
        customers: set[int] = set()
        for part in _chunks(addresses):
            rows = session.execute(
                sa_select(col(IdentityRow.value), col(IdentityRow.customer_id)).where(
                    col(IdentityRow.kind) == IdentityKind.EMAIL.value,
                    col(IdentityRow.value).in_(part),
                )
            )
            for value, customer_id in rows:
                self.identities[(IdentityKind.EMAIL.value, str(value))] = int(customer_id)
                customers.add(int(customer_id))
        for part in _chunks(customers):
            for row in session.exec(select(CustomerRow).where(col(CustomerRow.id).in_(part))):
                assert row.id is not None
                self.customers[row.id] = row
            having = session.execute(
                sa_select(col(InquiryRow.customer_id))
                .where(col(InquiryRow.customer_id).in_(part))
                .distinct()
            )
            self.with_inquiries.update(int(c) for (c,) in having)

    # -- asked per mail -------------------------------------------------------------------

    def note_message(self, external_id: str | None, message_id: int, inquiry_id: int) -> None:
        if not external_id:
            return
        known = self.messages.get(external_id)
        if known is None or known[0] < message_id:
            self.messages[external_id] = (message_id, inquiry_id)

    def thread_of(self, candidates: Iterable[str]) -> int | None:
        """The inquiry of the newest message with one of these Message-IDs."""
        best = max((self.messages[c] for c in candidates if c in self.messages), default=None)
        return best[1] if best is not None else None

    def inquiry(self, session: Session, inquiry_id: int) -> InquiryRow | None:
        row = self.inquiries.get(inquiry_id)
        if row is None:
            row = session.get(InquiryRow, inquiry_id)
            if row is not None:
                self.inquiries[inquiry_id] = row
                self._load_replies(session, inquiry_id)
        return row

    def _load_replies(self, session: Session, inquiry_id: int) -> None:
        at = session.execute(
            sa_select(func.max(col(MessageRow.sent_at))).where(
                col(MessageRow.inquiry_id) == inquiry_id,
                col(MessageRow.direction) == Direction.OUT.value,
                col(MessageRow.is_ack).is_(False),
            )
        ).scalar()
        if at is not None:
            self.replied_at[inquiry_id] = at

    def customer(self, session: Session, customer_id: int) -> CustomerRow:
        """``surviving_customer`` from the lookups: merges followed to the one that stayed."""
        return follow_merges(customer_id, lambda cid: self._customer(session, cid))

    def _customer(self, session: Session, customer_id: int) -> CustomerRow | None:
        row = self.customers.get(customer_id)
        if row is None:
            row = session.get(CustomerRow, customer_id)
            if row is not None:
                self.customers[customer_id] = row
        return row

    def has_inquiry(self, session: Session, customer_id: int) -> bool:
        if customer_id in self.with_inquiries:
            return True
        if customer_id in self.without_inquiries:
            return False
        earlier = session.exec(
            select(InquiryRow.id).where(InquiryRow.customer_id == customer_id)
        ).first()
        (self.with_inquiries if earlier is not None else self.without_inquiries).add(customer_id)
        return earlier is not None

    def created_inquiry(self, row: InquiryRow) -> None:
        assert row.id is not None
        self.inquiries[row.id] = row
        self.with_inquiries.add(row.customer_id)
        self.without_inquiries.discard(row.customer_id)

    def replied(self, inquiry_id: int, at: datetime) -> None:
        known = self.replied_at.get(inquiry_id)
        if known is None or known < at:
            self.replied_at[inquiry_id] = at

    def customer_identities(self, session: Session, customer_id: int) -> None:
        """Take every identity of ``customer_id`` into the map (after the general path
        created or extended that customer)."""
        for kind, value in session.execute(
            sa_select(col(IdentityRow.kind), col(IdentityRow.value)).where(
                col(IdentityRow.customer_id) == customer_id
            )
        ):
            self.identities[(str(kind), str(value))] = customer_id
