"""What a change touched, so that the window redraws only that (like Anki's ``OpChanges``).

Refreshing everything after every change costs a model reset and every sidebar count (about
a quarter of a second of GUI-thread work at 100k inquiries). A ``Changes`` says which
inquiries' rows changed, whether the views' membership may have changed (a status, a snooze,
a kind, a new inquiry: the id query must run again), whether the counts may have changed and
whether customers changed (names and values are shown on every row of theirs). Plain data,
no Qt: services and the window's operations build one; the window applies it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    #: the inquiries whose rows (or conversation) changed
    inquiry_ids: frozenset[int] = field(default_factory=frozenset)
    #: which inquiries a view holds, or their order, may have changed: re-run the id query
    membership: bool = False
    #: the sidebar's and status bar's counts may have changed
    counts: bool = False
    #: customers changed (name, value, merge): every shown row may be out of date
    customers: bool = False

    @classmethod
    def rows(cls, *inquiry_ids: int) -> Changes:
        """Only these rows' contents changed (a note, a reply sent, a call logged)."""
        return cls(inquiry_ids=frozenset(inquiry_ids))

    @classmethod
    def status(cls, *inquiry_ids: int) -> Changes:
        """A status, snooze or kind changed: rows may leave or join views; counts move."""
        return cls(inquiry_ids=frozenset(inquiry_ids), membership=True, counts=True)

    @classmethod
    def customer(cls, *inquiry_ids: int) -> Changes:
        """A customer was edited, merged or forgotten: refetch the rows, keep the list."""
        return cls(inquiry_ids=frozenset(inquiry_ids), customers=True)

    @classmethod
    def everything(cls, inquiry_ids: Iterable[int] = ()) -> Changes:
        """Unknown: assume the worst (a failed change, Refresh, a sync)."""
        return cls(frozenset(inquiry_ids), membership=True, counts=True, customers=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.inquiry_ids | other.inquiry_ids,
            self.membership or other.membership,
            self.counts or other.counts,
            self.customers or other.customers,
        )

    @property
    def empty(self) -> bool:
        return not (self.inquiry_ids or self.membership or self.counts or self.customers)
