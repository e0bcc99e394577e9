"""Candidates for the duplicate finder (customer_merge.suggest_matches) by indexed keys.

Comparing one customer's name with every other customer's (difflib over 40k customers) took
~260 ms per selection. Instead each customer has keys in ``customer_match_key``: every word
of its normalised name (``t:``), the name's first three characters (``p:``) and the
ASCII-lowercased local part of each email identity (``e:``), with the normalised name and
its length. The old rules only ever compared names sharing a word or the first three
characters, and emails whose local parts are equal ignoring ASCII case (SQLite's LIKE), so
looking those keys up finds a superset of what the scan found; the caller then applies the
very same rules to the few candidates. A name-similarity ratio of at least r needs the two
lengths within a factor (2 - r) / r of each other, so the lookup also bounds the length.

Keys are computed in Python (the name folding is not SQL), so triggers (migration 0008) only
mark customers whose name or identities changed in ``customer_match_dirty``, in the writer's
own transaction, whoever the writer is; :func:`refresh_keys` recomputes the marked ones
before a lookup.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from soloservice.domain.types import IdentityKind
from soloservice.storage.inbox_tables import CustomerMatchDirtyRow, CustomerMatchKeyRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow

key_table = CustomerMatchKeyRow.__table__  # type: ignore[attr-defined]
dirty_table = CustomerMatchDirtyRow.__table__  # type: ignore[attr-defined]
customer = CustomerRow.__table__  # type: ignore[attr-defined]
identity = IdentityRow.__table__  # type: ignore[attr-defined]
inquiry = InquiryRow.__table__  # type: ignore[attr-defined]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """Lower case as SQLite's LIKE and lower() see it: ASCII letters only."""
    return text.translate(_ASCII_LOWER)


def name_keys(norm: str) -> list[str]:
    """``n:`` the whole name, ``t:`` each word, ``p:`` the first three characters."""
    if not norm:
        return []
    return [f"n:{norm}", *lookup_keys(norm)]


def lookup_keys(norm: str) -> list[str]:
    """The keys another name must share with ``norm`` to be compared with it at all."""
    return sorted({f"t:{token}" for token in norm.split()} | {f"p:{norm[:3]}"})


def email_key(value: str) -> str | None:
    local, at, _ = value.partition("@")
    return f"e:{ascii_lower(local)}" if at else None


def has_keys(conn: Connection) -> bool:
    """Whether the store has the key tables (migration 0008; a damaged store opens
    read-only without migrating, so it may be older)."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customer_match_key'"
    )
    return found.first() is not None


def has_stale(conn: Connection) -> bool:
    """Whether some customer changed since its keys were computed."""
    return conn.execute(select(dirty_table.c.customer_id).limit(1)).first() is not None


def refresh_keys(conn: Connection, normalise: Callable[[str], str]) -> int:
    """Recompute the keys of every marked customer, in the caller's write transaction, in a
    handful of statements whatever their number (the first look after the migration or a
    big import does all customers: ~1 s at 40k); returns how many were marked.
    ``normalise`` is customer_merge.normalise_name."""
    names = conn.exec_driver_sql(
        "SELECT c.id, c.name FROM customer_match_dirty AS d JOIN customer AS c"
        " ON c.id = d.customer_id"
    ).all()
    emails = conn.exec_driver_sql(
        "SELECT i.customer_id, i.value FROM customer_match_dirty AS d"
        " JOIN customer_identity AS i ON i.customer_id = d.customer_id WHERE i.kind = ?",
        (IdentityKind.EMAIL.value,),
    ).all()
    rows: list[tuple[int, str, int, str]] = []
    for cid, name in names:
        norm = normalise(name)
        rows += [(cid, k, len(norm), norm) for k in name_keys(norm)]
    seen: set[tuple[int, str]] = set()
    for cid, value in emails:
        key = email_key(value)
        if key is not None and (cid, key) not in seen:
            seen.add((cid, key))
            rows.append((cid, key, 0, ""))
    conn.exec_driver_sql(
        "DELETE FROM customer_match_key WHERE customer_id IN"
        " (SELECT customer_id FROM customer_match_dirty)"
    )
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO customer_match_key (customer_id, key, size, norm) VALUES (?, ?, ?, ?)",
            rows,
        )
    marked = conn.exec_driver_sql("DELETE FROM customer_match_dirty").rowcount
    return int(marked or 0)


def _length_bounds(size: int, ratio: float) -> tuple[int, int]:
    factor = (2 - ratio) / ratio
    return max(0, math.floor(size / factor) - 1), math.ceil(size * factor) + 1


def candidate_names(conn: Connection, target: str, ratio: float) -> list[str]:
    """Every distinct normalised name sharing a word or the first three characters with
    ``target`` and of a length that can reach ``ratio`` (the rules depend on the two names
    only, so they are applied once per name, not once per customer)."""
    lo, hi = _length_bounds(len(target), ratio)
    stmt = (
        select(key_table.c.norm)
        .distinct()
        .where(key_table.c.key.in_(lookup_keys(target)), key_table.c.size.between(lo, hi))
    )
    return [str(norm) for (norm,) in conn.execute(stmt)]


def customers_named(
    conn: Connection, customer_id: int, norms: Sequence[str]
) -> list[tuple[int, str]]:
    """(id, normalised name) of the unmerged customers other than ``customer_id`` whose
    normalised name is one of ``norms``, by id."""
    if not norms:
        return []
    stmt = (
        select(key_table.c.customer_id, key_table.c.norm)
        .join(customer, customer.c.id == key_table.c.customer_id)
        .where(
            key_table.c.key.in_([f"n:{n}" for n in norms]),
            key_table.c.customer_id != customer_id,
            customer.c.merged_into_id.is_(None),
        )
        .order_by(key_table.c.customer_id)
    )
    return [(int(cid), str(norm)) for cid, norm in conn.execute(stmt)]


def email_candidates(conn: Connection, customer_id: int, local: str) -> list[tuple[int, str]]:
    """(customer id, email) of unmerged other customers whose email starts with
    ``local@`` ignoring ASCII case, as the old ``LIKE 'local@%'`` found them."""
    owners = (
        select(key_table.c.customer_id)
        .join(customer, customer.c.id == key_table.c.customer_id)
        .where(
            key_table.c.key == f"e:{ascii_lower(local)}",
            key_table.c.customer_id != customer_id,
            customer.c.merged_into_id.is_(None),
        )
    )
    found = sorted({int(cid) for (cid,) in conn.execute(owners)})
    if not found:
        return []
    # the owners' ids as a list, not a subquery: SQLite would scan every email identity
    stmt = (
        select(identity.c.customer_id, identity.c.value)
        .where(identity.c.customer_id.in_(found), identity.c.kind == IdentityKind.EMAIL.value)
        .order_by(identity.c.value, identity.c.id)
    )
    prefix = ascii_lower(local) + "@"
    return [
        (int(cid), str(value))
        for cid, value in conn.execute(stmt)
        if ascii_lower(value).startswith(prefix)
    ]


def inquiry_counts(conn: Connection, ids: Sequence[int]) -> dict[int, int]:
    """How many inquiries each of ``ids`` has (one grouped query, not one per customer)."""
    stmt = (
        select(inquiry.c.customer_id, func.count())
        .where(inquiry.c.customer_id.in_(list(ids)))
        .group_by(inquiry.c.customer_id)
    )
    return {int(cid): int(n) for cid, n in conn.execute(stmt)}


def names(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    stmt = select(customer.c.id, customer.c.name).where(customer.c.id.in_(list(ids)))
    return {int(cid): str(name) for cid, name in conn.execute(stmt)}
