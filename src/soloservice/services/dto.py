"""Plain data the services hand to the UI and the CLI.

Never ORM rows: a view holding a row would keep a session alive and could lazily hit the
database from the GUI thread. These are frozen snapshots, safe to pass between threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from soloservice.domain.types import (
    Channel,
    ChannelGroup,
    Direction,
    IdentityKind,
    InquiryKind,
    Language,
    Status,
)


class View(StrEnum):
    """The sidebar's views. Channel entries are a ChannelGroup on the query instead."""

    INBOX = "inbox"
    #: new or open, the customer's last message unanswered (the reply promise is running)
    NEEDS_REPLY = "needs_reply"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    WAITING = "waiting"
    SNOOZED = "snoozed"
    RESOLVED = "resolved"
    #: newsletters, lists, spam, no-reply senders: stored, never promised or counted elsewhere
    AUTOMATIC = "automatic"


class SortKey(StrEnum):
    RECEIVED = "received"
    DUE = "due"
    CUSTOMER = "customer"
    CHANNEL = "channel"
    SUBJECT = "subject"
    STATUS = "status"
    VALUE = "value"


@dataclass(frozen=True)
class InboxQuery:
    view: View = View.INBOX
    group: ChannelGroup | None = None
    #: narrower than ``group``: one platform (e.g. only Instagram)
    channel: Channel | None = None
    #: narrower than ``view``: one status within the view (e.g. only "new" in the inbox)
    status: Status | None = None
    search: str = ""
    #: a fixed set of inquiries (the ones behind a number in the weekly review); the view and
    #: group are ignored while it is set
    only_ids: tuple[int, ...] | None = None
    sort: SortKey = SortKey.DUE
    descending: bool = False


@dataclass(frozen=True)
class InquiryListRow:
    id: int
    customer_id: int
    customer_name: str
    channel: Channel
    subject: str
    snippet: str
    kind: InquiryKind
    status: Status
    received_at: datetime
    due_at: datetime | None
    snoozed_until: datetime | None
    lifetime_value: float
    overdue: bool
    due_today: bool
    closed_loop: bool = False
    at_risk_public: bool = False
    #: the customer's last message is unanswered (View.NEEDS_REPLY's definition)
    needs_reply: bool = False


@dataclass(frozen=True)
class MessageView:
    id: int
    direction: Direction
    channel: Channel
    author: str
    text: str
    html: str | None
    sent_at: datetime
    call_duration_s: int | None
    is_ack: bool = False


@dataclass(frozen=True)
class EventView:
    at: datetime
    kind: str
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class IdentityView:
    kind: IdentityKind
    value: str
    display: str


@dataclass(frozen=True)
class InquiryBrief:
    id: int
    channel: Channel
    subject: str
    kind: InquiryKind
    status: Status
    received_at: datetime


@dataclass(frozen=True)
class CustomerCard:
    id: int
    name: str
    language: Language
    notes: str
    annual_value: float | None
    expected_years: float | None
    lifetime_value: float
    identities: tuple[IdentityView, ...]
    inquiries: tuple[InquiryBrief, ...] = ()
    #: never send this customer satisfaction surveys or the NPS pulse
    opted_out: bool = False
    #: where ``language`` came from: "" (the default), "guess" or "founder"
    language_source: str = ""
    #: why it was guessed: "text, .no address, +47 phone" (domain/language.py)
    language_reason: str = ""
    #: since when they have been a customer, by the founder's own records (a customer list)
    customer_since: datetime | None = None


@dataclass(frozen=True)
class InquiryDetail:
    id: int
    channel: Channel
    subject: str
    kind: InquiryKind
    status: Status
    received_at: datetime
    first_response_at: datetime | None
    due_at: datetime | None
    resolved_at: datetime | None
    snoozed_until: datetime | None
    tags: tuple[str, ...]
    promise_kept: bool | None
    promise_margin_s: int | None
    overdue: bool
    customer: CustomerCard
    messages: tuple[MessageView, ...] = ()
    events: tuple[EventView, ...] = ()
    ack_sent_at: datetime | None = None
    closed_loop: bool = False
    at_risk_public: bool = False
    skip_followup: bool = False
    flags: InquiryFlags = field(default_factory=lambda: InquiryFlags())
    #: the customer's oldest unanswered message; None once answered (no promise runs)
    needs_reply_since: datetime | None = None
    #: how often a "no" or a new message brought the case back after it was settled
    reopened_count: int = 0


@dataclass(frozen=True)
class InquiryFlags:
    """Kind provenance and automatic-mail state of an inquiry (``InquiryDetail.flags``)."""

    #: who set ``kind``: "" (default), "auto" (the complaint detector) or "founder"
    kind_source: str = ""
    #: why the detector called it a complaint ("words: knust, refusion")
    kind_reason: str = ""
    #: non-empty for automatic mail (newsletter, list, spam, a sender marked as spam): why
    automatic_reason: str = ""
    #: the founder's verdict on the customer as a sender: "", "spam" or "not_customer"
    sender_verdict: str = ""


@dataclass(frozen=True)
class KindChange:
    """What ``set_kind`` did, so the UI can undo exactly that."""

    inquiry_id: int
    old_kind: InquiryKind
    new_kind: InquiryKind
    old_source: str
    old_reason: str

    @property
    def kind(self) -> InquiryKind:
        return self.new_kind


@dataclass(frozen=True)
class AutomaticMark:
    """One inquiry a sender verdict (or its reversal) changed, with what it was before."""

    inquiry_id: int
    old_reason: str
    new_reason: str
    old_due_at: datetime | None
    old_needs_reply_since: datetime | None


@dataclass(frozen=True)
class SenderVerdictChange:
    """What a sender verdict or "not automatic" did, so it can be undone exactly."""

    customer_id: int
    old_verdict: str
    new_verdict: str
    inquiries: tuple[AutomaticMark, ...] = ()


@dataclass(frozen=True)
class StatusChange:
    """What ``set_status`` did, so the UI can offer to undo exactly that."""

    inquiry_id: int
    old_status: Status
    new_status: Status
    old_due_at: datetime | None
    new_due_at: datetime | None
    old_resolved_at: datetime | None


@dataclass(frozen=True)
class CustomerMatch:
    id: int
    name: str
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    open_inquiries: int = 0


@dataclass(frozen=True)
class ViewCounts:
    views: dict[View, int] = field(default_factory=dict)
    groups: dict[ChannelGroup, int] = field(default_factory=dict)
