"""Reading the inbox: views, counts, sorting, searching and paging, all in SQL.

The GUI's table model holds only the ordered ids of a view (cheap even for 100k inquiries)
and asks for the rows it is about to paint, a page at a time, so opening a large inbox
never loads every row, and sorting never happens in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.sql import Select
from sqlmodel import Session

from soloservice.domain.types import (
    OPEN_STATUSES,
    Channel,
    ChannelGroup,
    InquiryKind,
    Status,
)
from soloservice.services.context import ServiceContext
from soloservice.services.dto import (
    InboxQuery,
    InquiryListRow,
    SortKey,
    View,
    ViewCounts,
)
from soloservice.services.search import search_condition
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow

_ACTIVE = (Status.NEW.value, Status.OPEN.value)
_OPEN = tuple(s.value for s in OPEN_STATUSES)
_DONE = (Status.RESOLVED.value, Status.CLOSED.value)

inquiry = InquiryRow.__table__  # type: ignore[attr-defined]
customer = CustomerRow.__table__  # type: ignore[attr-defined]
identity = IdentityRow.__table__  # type: ignore[attr-defined]


class InboxService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- conditions ---------------------------------------------------------------------------

    def _not_snoozed(self, now: datetime) -> ColumnElement[bool]:
        return or_(inquiry.c.snoozed_until.is_(None), inquiry.c.snoozed_until <= now)

    def _view_condition(self, view: View, now: datetime) -> ColumnElement[bool]:
        """The one definition of every view, shared by lists, counts, the CLI and the tray."""
        if view is View.AUTOMATIC:
            automatic: ColumnElement[bool] = inquiry.c.automatic_reason != ""
            return automatic
        return and_(inquiry.c.automatic_reason == "", self._real_view_condition(view, now))

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
        if query.group is not None and query.only_ids is None:
            where.append(inquiry.c.channel.in_(sorted(c.value for c in query.group.channels())))
        if query.channel is not None:
            where.append(inquiry.c.channel == query.channel.value)
        if query.status is not None:
            where.append(inquiry.c.status == query.status.value)
        if query.search.strip():
            where.append(self._search_condition(query.search))
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

    # -- queries ------------------------------------------------------------------------------

    def list_ids(self, query: InboxQuery) -> list[int]:
        """Every matching inquiry id, in display order."""
        now = self.ctx.now()
        stmt = (
            self._base(inquiry.c.id)
            .where(*self._where(query, now))
            .order_by(*self._order(query, now))
        )
        with self.ctx.db.read_session() as session:
            return [row[0] for row in session.connection().execute(stmt)]

    def count(self, query: InboxQuery) -> int:
        now = self.ctx.now()
        stmt = self._base(func.count()).where(*self._where(query, now))
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
                    lifetime_value=float(r.value),
                    overdue=bool(r.is_overdue),
                    due_today=bool(r.is_due_today),
                    closed_loop=bool(r.closed_loop),
                    at_risk_public=bool(r.at_risk_public),
                    needs_reply=bool(r.is_needs_reply),
                )
        return [found[i] for i in ids if i in found]

    def page(self, query: InboxQuery, offset: int = 0, limit: int = 100) -> list[InquiryListRow]:
        """One page of rows, for the CLI and scripts (the GUI pages by id)."""
        now = self.ctx.now()
        stmt = (
            self._base(inquiry.c.id)
            .where(*self._where(query, now))
            .order_by(*self._order(query, now))
            .offset(offset)
            .limit(limit)
        )
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

    def counts(self) -> ViewCounts:
        """Live counts for the sidebar, in one round trip."""
        now = self.ctx.now()
        view_columns = [
            func.sum(case((self._view_condition(view, now), 1), else_=0)) for view in View
        ]
        group_columns = [
            func.sum(
                case(
                    (
                        and_(
                            self._view_condition(View.INBOX, now),
                            inquiry.c.channel.in_(sorted(c.value for c in group.channels())),
                        ),
                        1,
                    ),
                    else_=0,
                )
            )
            for group in ChannelGroup
        ]
        stmt = select(*view_columns, *group_columns).select_from(inquiry)
        with self.ctx.db.read_session() as session:
            row = session.connection().execute(stmt).one()
        values = [int(v or 0) for v in row]
        views = dict(zip(View, values[: len(View)], strict=True))
        groups = dict(zip(ChannelGroup, values[len(View) :], strict=True))
        return ViewCounts(views=views, groups=groups)
