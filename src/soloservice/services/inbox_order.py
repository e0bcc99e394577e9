"""How the inbox reads a view in order from its index (storage/inbox_tables.py).

Each view lives in one base set of inquiries (a partial index's constant WHERE); each sort
key has one covering index per base set. A listing repeats the base set's condition (SQLite
uses a partial index only then), orders by exactly the index's terms and names the index
(``INDEXED BY``): without statistics the planner would rather sort the rows in a temporary
B-tree, 4-7x slower at 100k. The rules of the views stay in services/inbox.py; this module
only says which index holds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, text, update
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler

from soloservice.services.context import ServiceContext
from soloservice.services.dto import InboxQuery, SortKey, View
from soloservice.storage.inbox_tables import (
    BASE_WHERE,
    InboxSortDefaultRow,
    index_name,
    order_expressions,
)
from soloservice.storage.tables import CustomerRow, InquiryRow

inquiry = InquiryRow.__table__  # type: ignore[attr-defined]
customer = CustomerRow.__table__  # type: ignore[attr-defined]
sort_default = InboxSortDefaultRow.__table__  # type: ignore[attr-defined]


def _from_hint_text(self: SQLiteCompiler, table: Any, hint: str | None) -> str | None:
    """SQLAlchemy's SQLite dialect drops ``with_hint``; SQLite's hint is ``INDEXED BY``."""
    return hint


SQLiteCompiler.get_from_hint_text = _from_hint_text  # type: ignore[method-assign, assignment]

#: the base set of each view (the smallest set with a constant condition holding it)
VIEW_BASE: dict[View, str] = {
    View.INBOX: "open",
    View.NEEDS_REPLY: "open",
    View.DUE_TODAY: "open",
    View.OVERDUE: "open",
    View.WAITING: "open",
    View.SNOOZED: "snoozed",
    View.RESOLVED: "done",
    View.AUTOMATIC: "auto",
}

#: the bases that together hold every row some view counts (open holds snoozed); they
#: are disjoint, so a view's count comes from its own base alone
COUNT_BASES = ("open", "done", "auto")


def count_base(view: View) -> str:
    base = VIEW_BASE[view]
    return "open" if base == "snoozed" else base


@dataclass(frozen=True)
class Plan:
    base: str
    index: str
    condition: ColumnElement[bool]
    order: list[Any]

    def hint(self) -> str:
        return f"INDEXED BY {self.index}"


def base_condition(base: str) -> ColumnElement[bool]:
    return text(BASE_WHERE[base])  # type: ignore[return-value]


def plan(query: InboxQuery) -> Plan | None:
    """Where ``query`` is read from; None for a fixed set of ids (sorted the plain way)."""
    if query.only_ids is not None:
        return None
    base = VIEW_BASE[query.view]
    sort = query.sort.value
    if query.sort is SortKey.DUE and query.descending:
        sort = "due_desc"
    terms: list[ColumnElement[Any]] = [literal_column(t) for t in order_expressions(base, sort)]
    order = [t.desc() for t in terms] if query.descending else [t.asc() for t in terms]
    return Plan(base, index_name(base, sort), base_condition(base), order)


def has_indexes(ctx: ServiceContext) -> bool:
    """Whether the store has the inbox indexes (migration 0008). A damaged store is opened
    read-only without migrating it, so it may be older: the inbox then sorts the plain way."""
    stmt = text("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :name")
    with ctx.db.read_session() as session:
        found = session.connection().execute(stmt, {"name": index_name("open", "due")})
        return found.first() is not None


def ensure_value_defaults(ctx: ServiceContext) -> bool:
    """Bring ``inquiry.value_sort`` in line with the settings' value defaults (a rewrite of
    every row, only when the defaults changed since the last value sort). False when it is
    not and cannot be (a read-only store): sort by value the plain way then."""
    from soloservice.storage.readonly import ReadOnlyDatabase

    defaults = ctx.value_defaults
    wanted = (float(defaults.annual_value), float(defaults.expected_years))
    stmt = select(sort_default.c.annual_value, sort_default.c.expected_years).where(
        sort_default.c.id == 1
    )
    with ctx.db.read_session() as session:
        row = session.connection().execute(stmt).first()
    if row is not None and (float(row[0]), float(row[1])) == wanted:
        return True
    if isinstance(ctx.db, ReadOnlyDatabase):
        return False
    with ctx.db.session() as session:
        conn = session.connection()
        conn.execute(sort_default.delete())
        conn.execute(
            sort_default.insert().values(id=1, annual_value=wanted[0], expected_years=wanted[1])
        )
        conn.execute(
            update(inquiry).values(
                value_sort=select(
                    func.coalesce(customer.c.annual_value, wanted[0])
                    * func.coalesce(customer.c.expected_years, wanted[1])
                )
                .where(customer.c.id == inquiry.c.customer_id)
                .scalar_subquery()
            )
        )
    return True


def explain(ctx: ServiceContext, stmt: Any) -> list[str]:
    """SQLite's EXPLAIN QUERY PLAN of ``stmt`` with its real parameters (tests, benchmarks):
    the statement is sent as it would run, with the prefix added on its way to the driver."""
    from sqlalchemy import event

    def prefix(conn: Any, cursor: Any, sql: str, params: Any, context: Any, many: bool) -> Any:
        return "EXPLAIN QUERY PLAN " + sql, params

    with ctx.db.read_session() as session:
        conn = session.connection()
        event.listen(conn, "before_cursor_execute", prefix, retval=True)
        try:
            return [str(row[3]) for row in conn.execute(stmt)]
        finally:
            event.remove(conn, "before_cursor_execute", prefix)
