"""Reading the inbox: views, counts, sorting, searching and paging, all in SQL.

The GUI's table model holds only the ordered ids of a view (cheap even for 100k inquiries)
and asks for the rows it is about to paint, a page at a time, so opening a large inbox
never loads every row, and sorting never happens in Python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.sql import Select
from sqlalchemy.sql.visitors import replacement_traverse
from sqlmodel import Session

from soloservice.domain.types import (
    OPEN_STATUSES,
    Channel,
    ChannelGroup,
    InquiryKind,
    Status,
)
from soloservice.domain.value import bounded_value
from soloservice.services import inbox_order
from soloservice.services.context import ServiceContext
from soloservice.services.dto import (
    InboxQuery,
    InquiryListRow,
    SortKey,
    View,
    ViewCounts,
)
from soloservice.services.search import search_condition
from soloservice.storage.inbox_tables import index_name
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow

_ACTIVE = (Status.NEW.value, Status.OPEN.value)
_OPEN = tuple(s.value for s in OPEN_STATUSES)
_DONE = (Status.RESOLVED.value, Status.CLOSED.value)

_EMPTY: ColumnElement[str] = literal_column("''", String)
#: ``+column``: a filter, never a way into an index (see _where)
plain_channel = literal_column("+inquiry.channel", String)
plain_status = literal_column("+inquiry.status", String)

inquiry = InquiryRow.__table__  # type: ignore[attr-defined]
customer = CustomerRow.__table__  # type: ignore[attr-defined]
identity = IdentityRow.__table__  # type: ignore[attr-defined]


def _as_filter(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """``condition`` with the channel and status columns as ``+column`` (the search's
    ``channel:`` filter), for the same reason as the filters in ``_where``."""
    swap = {inquiry.c.channel: plain_channel, inquiry.c.status: plain_status}

    def replace(element: Any, **_kw: Any) -> Any:
        for column, plain in swap.items():
            if element is column:
                return plain
        return None

    opts: dict[str, Any] = {}
    return replacement_traverse(condition, opts, replace)


class InboxService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        #: whether the store has the inbox indexes (read once: see inbox_order.has_indexes)
        self._indexed: bool | None = None

    # -- conditions ---------------------------------------------------------------------------

    def _not_snoozed(self, now: datetime) -> ColumnElement[bool]:
        return or_(inquiry.c.snoozed_until.is_(None), inquiry.c.snoozed_until <= now)

    def _view_condition(self, view: View, now: datetime) -> ColumnElement[bool]:
        """The one definition of every view, shared by lists, counts, the CLI and the tray."""
        # '' as a literal, not a parameter: the inbox indexes' own condition then implies
        # the term, and SQLite never reads the row for it (storage/inbox_tables.py)
        if view is View.AUTOMATIC:
            automatic: ColumnElement[bool] = inquiry.c.automatic_reason != _EMPTY
            return automatic
        return and_(inquiry.c.automatic_reason == _EMPTY, self._real_view_condition(view, now))

    def view_condition(self, view: View, now: datetime) -> ColumnElement[bool]:
        """``view``'s SQL condition on the inquiry table, for other services' queries (the
        review, due-soon alerts) so that no second copy of a rule exists."""
        return self._view_condition(view, now)

    def _needs_reply(self, now: datetime) -> ColumnElement[bool]:
        """The reply promise runs: new or open, the customer's last message unanswered."""
        return and_(
            inquiry.c.status.in_(_ACTIVE),
            inquiry.c.needs_reply_since.is_not(None),
            self._not_snoozed(now),
        )

    def _real_view_condition(self, view: View, now: datetime) -> ColumnElement[bool]:
        if view is View.INBOX:
            return and_(inquiry.c.status.in_(_OPEN), self._not_snoozed(now))
        if view is View.NEEDS_REPLY:
            return self._needs_reply(now)
        if view is View.DUE_TODAY:
            return and_(
                self._needs_reply(now),
                inquiry.c.due_at >= now,
                inquiry.c.due_at < self.ctx.end_of_local_day(now),
            )
        if view is View.OVERDUE:
            return and_(self._needs_reply(now), inquiry.c.due_at < now)
        if view is View.WAITING:
            return and_(inquiry.c.status == Status.WAITING.value, self._not_snoozed(now))
        if view is View.SNOOZED:
            return and_(inquiry.c.status.in_(_OPEN), inquiry.c.snoozed_until > now)
        done: ColumnElement[bool] = inquiry.c.status.in_(_DONE)
        return done

    def _search_condition(self, text: str) -> ColumnElement[bool]:
        """Full-text search (FTS5, services/search.py), joined to the view's conditions."""
        return search_condition(self.ctx, text)

    def _where(self, query: InboxQuery, now: datetime) -> list[ColumnElement[bool]]:
        if query.only_ids is not None:
            where: list[ColumnElement[bool]] = [inquiry.c.id.in_(list(query.only_ids))]
        else:
            where = [self._view_condition(query.view, now)]
        # The filters as ``+column``: a filter, never a way into an index, so that SQLite
        # keeps reading the view's index in order instead of seeking channel by channel
        # and sorting what it found.
        if query.group is not None and query.only_ids is None:
            where.append(plain_channel.in_(sorted(c.value for c in query.group.channels())))
        if query.channel is not None:
            where.append(plain_channel == query.channel.value)
        if query.status is not None:
            where.append(plain_status == query.status.value)
        if query.search.strip():
            where.append(_as_filter(self._search_condition(query.search)))
        return where

    def _value_expr(self) -> ColumnElement[Any]:
        defaults = self.ctx.value_defaults
        return func.coalesce(customer.c.annual_value, defaults.annual_value) * func.coalesce(
            customer.c.expected_years, defaults.expected_years
        )

    def _order(self, query: InboxQuery, now: datetime) -> list[Any]:
        columns: dict[SortKey, Any] = {
            SortKey.RECEIVED: inquiry.c.received_at,
            SortKey.DUE: inquiry.c.due_at,
            SortKey.CUSTOMER: func.lower(customer.c.name),
            SortKey.CHANNEL: inquiry.c.channel,
            SortKey.SUBJECT: func.lower(inquiry.c.subject),
            SortKey.STATUS: inquiry.c.status,
            SortKey.VALUE: self._value_expr(),
        }
        column = columns[query.sort]
        primary = column.desc() if query.descending else column.asc()
        order: list[Any] = []
        if query.sort is SortKey.DUE:
            # Only a case that needs a reply has a running promise: answered, waiting,
            # resolved and promise-less ones go last whichever way the list is sorted.
            order.append(case((self._view_condition(View.NEEDS_REPLY, now), 0), else_=1))
            order.append(case((inquiry.c.due_at.is_(None), 1), else_=0))
        order.append(primary)
        order.append(inquiry.c.id.desc() if query.descending else inquiry.c.id.asc())
        return order

    def _base(self, *columns: Any) -> Select[Any]:
        return select(*columns).select_from(
            inquiry.join(customer, customer.c.id == inquiry.c.customer_id)
        )

    def _listing(self, query: InboxQuery, now: datetime) -> Select[Any]:
        """The ids of ``query`` in display order, read in order from the view's index
        (services/inbox_order.py); the same rows and order as :meth:`_order` over a join."""
        plan = self._plan(query)
        if plan is None:  # a fixed handful of ids, or an old read-only store: the plain way
            return (
                self._base(inquiry.c.id)
                .where(*self._where(query, now))
                .order_by(*self._order(query, now))
            )
        return (
            select(inquiry.c.id)
            .with_hint(inquiry, plan.hint(), "sqlite")
            .where(plan.condition, *self._where(query, now))
            .order_by(*plan.order)
        )

    def _plan(self, query: InboxQuery) -> inbox_order.Plan | None:
        if self._indexed is None:
            self._indexed = inbox_order.has_indexes(self.ctx)
        if not self._indexed:
            return None
        if query.sort is SortKey.VALUE and not inbox_order.ensure_value_defaults(self.ctx):
            return None
        return inbox_order.plan(query)

    def reference_list_ids(self, query: InboxQuery) -> list[int]:
        """:meth:`list_ids` the straightforward way (a join, sorted in a temporary
        B-tree): the oracle the tests compare the indexed listing with."""
        now = self.ctx.now()
        stmt = (
            self._base(inquiry.c.id)
            .where(*self._where(query, now))
            .order_by(*self._order(query, now))
        )
        with self.ctx.db.read_session() as session:
            return [row[0] for row in session.connection().execute(stmt)]

    def listing_sql(self, query: InboxQuery) -> Select[Any]:
        """The statement :meth:`list_ids` runs (for EXPLAIN QUERY PLAN in tests)."""
        return self._listing(query, self.ctx.now())

    # -- queries ------------------------------------------------------------------------------

    def list_ids(self, query: InboxQuery) -> list[int]:
        """Every matching inquiry id, in display order."""
        stmt = self._listing(query, self.ctx.now())
        with self.ctx.db.read_session() as session:
            result = session.connection().execute(stmt)
            try:
                # Straight from the driver's cursor: SQLAlchemy's Row objects cost as much
                # as the query itself for the 65k ids of the Resolved view.
                return [row[0] for row in result.cursor.fetchall()]
            finally:
                result.close()

    def count(self, query: InboxQuery) -> int:
        now = self.ctx.now()
        stmt = select(func.count()).select_from(inquiry).where(*self._where(query, now))
        plan = self._plan(dataclasses.replace(query, sort=SortKey.RECEIVED))
        if plan is not None:
            stmt = stmt.where(plan.condition).with_hint(inquiry, plan.hint(), "sqlite")
        with self.ctx.db.read_session() as session:
            return int(session.connection().execute(stmt).scalar_one())

    def rows(self, ids: Sequence[int]) -> list[InquiryListRow]:
        """The list rows for ``ids``, in the same order; unknown ids are left out."""
        if not ids:
            return []
        now = self.ctx.now()

        def flag(view: View) -> Any:
            return case((self._view_condition(view, now), 1), else_=0)

        stmt = self._base(
            inquiry.c.id,
            inquiry.c.customer_id,
            customer.c.name,
            inquiry.c.channel,
            inquiry.c.subject,
            inquiry.c.snippet,
            inquiry.c.kind,
            inquiry.c.status,
            inquiry.c.received_at,
            inquiry.c.due_at,
            inquiry.c.snoozed_until,
            self._value_expr().label("value"),
            inquiry.c.closed_loop,
            inquiry.c.at_risk_public,
            flag(View.OVERDUE).label("is_overdue"),
            flag(View.DUE_TODAY).label("is_due_today"),
            flag(View.NEEDS_REPLY).label("is_needs_reply"),
        ).where(inquiry.c.id.in_(list(ids)))
        found: dict[int, InquiryListRow] = {}
        with self.ctx.db.read_session() as session:
            for r in session.connection().execute(stmt):
                status = Status(r.status)
                due: datetime | None = r.due_at
                found[r.id] = InquiryListRow(
                    id=r.id,
                    customer_id=r.customer_id,
                    customer_name=r.name,
                    channel=Channel(r.channel),
                    subject=r.subject,
                    snippet=r.snippet,
                    kind=InquiryKind(r.kind),
                    status=status,
                    received_at=r.received_at,
                    due_at=due,
                    snoozed_until=r.snoozed_until,
                    lifetime_value=bounded_value(r.value),  # 1e308 * 1e308 is inf in SQL
                    overdue=bool(r.is_overdue),
                    due_today=bool(r.is_due_today),
                    closed_loop=bool(r.closed_loop),
                    at_risk_public=bool(r.at_risk_public),
                    needs_reply=bool(r.is_needs_reply),
                )
        return [found[i] for i in ids if i in found]

    def page(self, query: InboxQuery, offset: int = 0, limit: int = 100) -> list[InquiryListRow]:
        """One page of rows, for the CLI and scripts (the GUI pages by id)."""
        stmt = self._listing(query, self.ctx.now()).offset(offset).limit(limit)
        with self.ctx.db.read_session() as session:
            ids = [row[0] for row in session.connection().execute(stmt)]
        return self.rows(ids)

    def in_view(self, inquiry_id: int, view: View, session: Session | None = None) -> bool:
        """Whether one inquiry is in ``view`` now (the detail pane's overdue flag).

        With ``session`` it reads that transaction's own (flushed) changes.
        """
        now = self.ctx.now()
        stmt = (
            select(func.count())
            .select_from(inquiry)
            .where(inquiry.c.id == inquiry_id, self._view_condition(view, now))
        )
        if session is not None:
            session.flush()
            return bool(session.connection().execute(stmt).scalar_one())
        with self.ctx.db.read_session() as own:
            return bool(own.connection().execute(stmt).scalar_one())

    def ids_in(self, view: View, now: datetime | None = None) -> Select[Any]:
        """A subquery of the ids in ``view`` at ``now`` (for the review's figures)."""
        at = now or self.ctx.now()
        return select(inquiry.c.id).where(self._view_condition(view, at))

    def counts_sql(self) -> Any:
        """The one grouped statement behind :meth:`counts` (also for EXPLAIN in tests)."""
        now = self.ctx.now()

        def column(view: View, base: str) -> Any:
            # The bases are disjoint and hold their views: elsewhere the count is 0.
            if inbox_order.count_base(view) != base:
                return literal(0).label(view.value)
            met = case((self._view_condition(view, now), 1), else_=0)
            return func.sum(met).label(view.value)

        if self._indexed is None:
            self._indexed = inbox_order.has_indexes(self.ctx)
        hint = "INDEXED BY {}" if self._indexed else ""
        parts = [
            select(inquiry.c.channel, *(column(view, base) for view in View))
            .with_hint(inquiry, hint.format(index_name(base, "channel")), "sqlite")
            .where(inbox_order.base_condition(base))
            .group_by(inquiry.c.channel)
            for base in inbox_order.COUNT_BASES
        ]
        return union_all(*parts)

    def counts(self) -> ViewCounts:
        """Live counts for the sidebar: one grouped query (per channel, every view's own
        condition summed), reading the views' base sets from their channel indexes (every
        row a view counts lies in one of them) instead of the whole table."""
        stmt = self.counts_sql()
        views = dict.fromkeys(View, 0)
        inbox_by_channel: dict[str, int] = {}
        with self.ctx.db.read_session() as session:
            for row in session.connection().execute(stmt):
                for view in View:
                    views[view] += int(getattr(row, view.value) or 0)
                inbox_by_channel[row.channel] = inbox_by_channel.get(row.channel, 0) + int(
                    getattr(row, View.INBOX.value) or 0
                )
        groups = {
            group: sum(inbox_by_channel.get(c.value, 0) for c in group.channels())
            for group in ChannelGroup
        }
        return ViewCounts(views=views, groups=groups)
