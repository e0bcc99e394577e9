"""Indexes and helper tables that keep the inbox and the duplicate finder fast at 100k.

The inbox (services/inbox.py) reads every view in display order straight from an index: each
view's rows live in one *base set* of inquiries with a constant condition (the partial
index's WHERE), and each sort key has one index per base set, ordered by the sort key and
the id and carrying the columns the views' time-dependent conditions read (snoozed, due,
needs reply) and the channel/status filters, so listing a view never sorts (no temporary
B-tree) and never reads the table. The query names its index
(``INDEXED BY``): the planner, without statistics, would rather sort.

``inquiry.customer_sort`` / ``inquiry.value_sort`` (declared in tables.py) copy the
customer's folded name and lifetime value onto the inquiry so that those sorts need no join;
triggers (migration 0008) keep them in step whoever writes, the lifetime value with the
defaults in :class:`InboxSortDefaultRow` (services/inbox_order.py brings those in line
with the settings before a value sort).

``customer_match_key`` holds the indexed keys of services/customer_match.py (normalised
name, its words and first three letters, email local parts); ``customer_match_dirty``
lists the customers whose keys are stale, filled by triggers (migration 0008), emptied by
the duplicate finder before it looks.
"""

from __future__ import annotations

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from soloservice.storage.tables import InquiryRow
from soloservice.storage.types import owned_by

#: base set -> the constant condition of its partial indexes (literal SQL: SQLite uses a
#: partial index only when the query's WHERE repeats these terms)
BASE_WHERE: dict[str, str] = {
    "open": "automatic_reason = '' AND status IN ('new', 'open', 'waiting')",
    "snoozed": (
        "automatic_reason = '' AND status IN ('new', 'open', 'waiting')"
        " AND snoozed_until IS NOT NULL"
    ),
    "done": "automatic_reason = '' AND status IN ('resolved', 'closed')",
    "auto": "automatic_reason != ''",
}

#: in the open base every listed row is not snoozed, so "needs a reply" (services/inbox.py)
#: reduces to this; in the other bases it is false for every row
OPEN_NEEDS_REPLY = "status IN ('new', 'open') AND needs_reply_since IS NOT NULL"

#: sort name -> index expressions in ascending order (a descending list scans backwards).
#: "due": needing a reply first, promise-less last, in both directions, hence two indexes.
SORT_EXPRESSIONS: dict[str, tuple[str, ...]] = {
    "received": ("received_at",),
    "due": ("{rank}", "due_at IS NULL", "due_at"),
    "due_desc": ("{okrank}", "due_at IS NOT NULL", "due_at"),
    "customer": ("customer_sort",),
    "channel": ("channel",),
    "subject": ("lower(subject)",),
    "status": ("status",),
    "value": ("value_sort",),
}

#: what the views' conditions (in the sidebar counts' CASE too, where SQLite does not see
#: that the index's own condition holds) and the channel/status filters read. Kept small:
#: a column here is rewritten in each index of the base whenever it changes; anything
#: else (the phone search's customer_id) is read from the row, for candidates only.
_DONE_COVER = ("status", "channel", "automatic_reason")
_OPEN_COVER = ("snoozed_until", "needs_reply_since", "due_at", *_DONE_COVER)
_COVER: dict[str, tuple[str, ...]] = {
    "open": _OPEN_COVER,
    "snoozed": _OPEN_COVER,
    "done": _DONE_COVER,
    "auto": _DONE_COVER,
}


def rank_expressions(base: str) -> dict[str, str]:
    """The "needs a reply" ranks of the due sorts in ``base`` (constant outside open)."""
    if base == "open":
        return {
            "rank": f"CASE WHEN {OPEN_NEEDS_REPLY} THEN 0 ELSE 1 END",
            "okrank": f"CASE WHEN {OPEN_NEEDS_REPLY} THEN 1 ELSE 0 END",
        }
    return {"rank": "", "okrank": ""}


def order_expressions(base: str, sort: str) -> list[str]:
    """The ORDER BY terms (ascending) of ``sort`` in ``base``, ending with the id."""
    ranks = rank_expressions(base)
    terms = [t.format(**ranks) for t in SORT_EXPRESSIONS[sort]]
    return [t for t in terms if t] + ["id"]


def index_name(base: str, sort: str) -> str:
    return f"ix_inbox_{base}_{sort}"


def index_columns(base: str, sort: str) -> list[str]:
    """Order terms, then the covered columns not already in them (and ``subject`` for
    ``lower(subject)``: SQLite 3.40 reads a row for an expression whose column is missing)."""
    terms = order_expressions(base, sort)
    cover = _COVER[base] + (("subject",) if sort == "subject" else ())
    return terms + [c for c in cover if c not in terms]


_inquiry = InquiryRow.__table__  # type: ignore[attr-defined]


def _index(base: str, sort: str) -> Index:
    parts = [
        _inquiry.c[term] if term in _inquiry.c else text(term) for term in index_columns(base, sort)
    ]
    return Index(index_name(base, sort), *parts, sqlite_where=text(BASE_WHERE[base]))


INBOX_INDEXES: list[Index] = [_index(b, s) for b in BASE_WHERE for s in SORT_EXPRESSIONS]


class InboxSortDefaultRow(SQLModel, table=True):
    """One row (id 1): the defaults ``inquiry.value_sort`` was computed with."""

    __tablename__ = "inbox_sort_default"

    id: int | None = Field(default=None, primary_key=True)
    annual_value: float
    expected_years: float


class CustomerMatchKeyRow(SQLModel, table=True):
    """An indexed key of a customer for the duplicate finder: ``n:`` whole normalised name,
    ``t:`` one of its words, ``p:`` its first three characters, ``e:`` an email local part
    (ASCII-lowercased). ``size`` is the normalised name's length (0 for ``e:``)."""

    __tablename__ = "customer_match_key"
    __table_args__ = (Index("ix_customer_match_key_lookup", "key", "size", "customer_id", "norm"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = owned_by("customer.id")
    key: str
    size: int = Field(default=0)
    norm: str = Field(default="")


class CustomerMatchDirtyRow(SQLModel, table=True):
    """A customer whose match keys are stale (no foreign key: a deleted customer's mark is
    simply dropped at the next refresh)."""

    __tablename__ = "customer_match_dirty"

    customer_id: int = Field(primary_key=True)
