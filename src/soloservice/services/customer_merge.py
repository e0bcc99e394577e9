"""One customer across channels: suggesting likely duplicates, merging and un-merging.

Exact identity matches attach automatically when an inquiry arrives; everything weaker
(same name, same email user at another domain, a near-identical name) is only suggested,
because two people can share a name and a silent merge would show one person's history to
the other. A merge records exactly which identities, inquiries and surveys moved, and which
empty fields of the surviving customer it filled, so un-merge puts back exactly that.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from soloservice.domain.types import IdentityKind
from soloservice.services import customer_match
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.storage.channel_tables import CustomerMergeRow
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.readonly import ReadOnlyDatabase
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow

SIMILAR_NAME_RATIO = 0.85
#: Mailbox names many unrelated businesses use: the same local part says nothing.
GENERIC_LOCAL_PARTS = frozenset(
    {
        "info", "kontakt", "contact", "post", "mail", "hello", "hej", "hei", "support",
        "service", "kundeservice", "admin", "office", "kontor", "sales", "salg", "noreply",
        "no-reply", "ordre", "order", "faktura", "invoice", "booking", "webmaster",
    }
)  # fmt: skip
#: Fields a merge may fill on the survivor when the survivor has none.
_FILLABLE = ("name", "notes", "annual_value", "expected_years", "customer_since", "opted_out")
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "đ": "d", "ł": "l"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


_Owned = TypeVar("_Owned", IdentityRow, InquiryRow, SurveyRow)


class MergeRefused(InvalidInput):
    """The merge or un-merge cannot be done as asked; nothing was changed."""


def normalise_name(name: str) -> str:
    """Case, accents, Danish/Norwegian letters and punctuation folded: "Søren  Ærø" and
    "soren aero" are one name."""
    folded = name.casefold().translate(_FOLD)
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    return " ".join(_NOT_WORD.sub(" ", stripped).split())


@dataclass(frozen=True)
class MatchSuggestion:
    customer_id: int
    name: str
    reasons: tuple[str, ...]
    score: float
    inquiries: int


@dataclass(frozen=True)
class MergeView:
    id: int
    survivor_id: int
    merged_id: int
    survivor_name: str
    merged_name: str
    identities: int
    inquiries: int
    surveys: int
    at: datetime
    undone_at: datetime | None


def _moved(row: CustomerMergeRow) -> dict[str, Any]:
    try:
        data = json.loads(row.moved_json or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def _ids(data: dict[str, Any], key: str) -> list[int]:
    value = data.get(key)
    return [int(v) for v in value] if isinstance(value, list) else []


def _encode(value: object) -> object:
    return value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value


def _decode(field_name: str, value: object) -> object:
    if field_name == "customer_since" and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _ratio(target: str, other: str) -> float:
    """difflib's ratio, skipped (0) when its cheap upper bounds already fall short."""
    matcher = SequenceMatcher(None, target, other)
    if matcher.real_quick_ratio() < SIMILAR_NAME_RATIO:
        return 0.0
    if matcher.quick_ratio() < SIMILAR_NAME_RATIO:
        return 0.0
    return matcher.ratio()


def _empty(value: object) -> bool:
    return value is None or value == "" or value is False


class CustomerMergeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- suggestions -----------------------------------------------------------------------

    def suggest_matches(self, customer_id: int, limit: int = 10) -> list[MatchSuggestion]:
        """Customers that may be the same person, best first; never merged by this.

        The rules are the old scan's (tests/services/test_customer_merge_keys.py keeps it as
        the oracle), applied only to the candidates services/customer_match.py finds by
        indexed keys: ~1 ms instead of ~260 ms at 40k customers."""
        with self.ctx.db.read_session() as session:
            conn = session.connection()
            if not customer_match.has_keys(conn):  # an old store opened read-only (damaged)
                self._customer(session, customer_id)
                return []
            if isinstance(self.ctx.db, ReadOnlyDatabase) or not customer_match.has_stale(conn):
                return self._suggest(session, customer_id, limit)
        # names or identities changed since the last look: bring their keys up to date
        with self.ctx.db.session() as session:
            customer_match.refresh_keys(session.connection(), normalise_name)
        with self.ctx.db.read_session() as session:
            return self._suggest(session, customer_id, limit)

    def _suggest(self, session: Session, customer_id: int, limit: int) -> list[MatchSuggestion]:
        conn = session.connection()
        customer = self._customer(session, customer_id)
        target = normalise_name(customer.name)
        target_tokens = set(target.split())
        # Email reasons first (few customers), so that of the many customers sharing one
        # name only those that can still make the top ``limit`` are noted: within one name
        # they rank by id alone. Reasons keep the old order: the name's, then the emails'.
        mail_reasons: dict[int, list[str]] = {}
        emails = session.exec(
            select(IdentityRow.value)
            .where(
                IdentityRow.customer_id == customer_id,
                IdentityRow.kind == IdentityKind.EMAIL.value,
            )
            .order_by(col(IdentityRow.id))
        ).all()
        for email in emails:
            local, _, domain = email.partition("@")
            if not local or local in GENERIC_LOCAL_PARTS:
                continue
            for other_id, other_email in customer_match.email_candidates(conn, customer_id, local):
                if other_email.partition("@")[2] != domain:
                    reason = f"same email name ({email} / {other_email})"
                    mail_reasons.setdefault(other_id, []).append(reason)
        reasons: dict[int, list[str]] = {}
        scores: dict[int, float] = {}
        if target:
            verdicts: dict[str, tuple[str, float]] = {}
            for other in customer_match.candidate_names(conn, target, SIMILAR_NAME_RATIO):
                if other == target:
                    verdicts[other] = ("same name", 0.9)
                elif target_tokens & set(other.split()) or other[:3] == target[:3]:
                    ratio = _ratio(target, other)
                    if ratio >= SIMILAR_NAME_RATIO:
                        verdicts[other] = (f"similar name ({ratio:.0%})", 0.5 + ratio / 4)
            taken: dict[str, int] = {}
            for other_id, other in customer_match.customers_named(
                conn, customer_id, list(verdicts)
            ):
                if other_id not in mail_reasons:
                    if taken.get(other, 0) >= limit:
                        continue  # ranks after ``limit`` others with the same name
                    taken[other] = taken.get(other, 0) + 1
                reason, score = verdicts[other]
                reasons[other_id] = [reason]
                scores[other_id] = score
        for other_id, found in mail_reasons.items():
            reasons.setdefault(other_id, []).extend(found)
            scores[other_id] = max(scores.get(other_id, 0.0), 0.8)
        if not reasons:
            return []
        ranked = sorted(reasons, key=lambda cid: (-scores[cid], -len(reasons[cid]), cid))
        ranked = ranked[:limit]
        counts = customer_match.inquiry_counts(conn, ranked)
        names = customer_match.names(conn, ranked)
        result = []
        for other_id in ranked:
            bonus = 0.05 * (len(reasons[other_id]) - 1)
            result.append(
                MatchSuggestion(
                    customer_id=other_id,
                    name=names[other_id],
                    reasons=tuple(reasons[other_id]),
                    score=min(1.0, scores[other_id] + bonus),
                    inquiries=counts.get(other_id, 0),
                )
            )
        return result

    # -- merging -----------------------------------------------------------------------------

    def merge(self, survivor_id: int, merged_id: int) -> MergeView:
        """Move everything of ``merged_id`` to ``survivor_id``; the merged row is kept,
        hidden, pointing at the survivor, so the merge can be undone."""
        if survivor_id == merged_id:
            raise MergeRefused("a customer cannot be merged into itself")
        with self.ctx.db.session() as session:
            survivor = self._customer(session, survivor_id)
            merged = self._customer(session, merged_id)
            for row in (survivor, merged):
                if row.merged_into_id is not None:
                    raise MergeRefused(
                        f"customer {row.id} ({row.name}) was already merged into customer "
                        f"{row.merged_into_id}; use that one"
                    )
            identities = session.exec(
                select(IdentityRow).where(IdentityRow.customer_id == merged_id)
            ).all()
            inquiries = session.exec(
                select(InquiryRow).where(InquiryRow.customer_id == merged_id)
            ).all()
            surveys = session.exec(
                select(SurveyRow).where(SurveyRow.customer_id == merged_id)
            ).all()
            filled: dict[str, object] = {}
            for name in _FILLABLE:
                mine, theirs = getattr(survivor, name), getattr(merged, name)
                if name == "customer_since" and mine is not None and theirs is not None:
                    if theirs < mine:
                        filled[name] = _encode(mine)
                        setattr(survivor, name, theirs)
                elif _empty(mine) and not _empty(theirs):
                    filled[name] = _encode(mine)
                    setattr(survivor, name, theirs)
            for item in (*identities, *inquiries, *surveys):
                item.customer_id = survivor_id
            merged.merged_into_id = survivor_id
            moved = {
                "identities": [i.id for i in identities],
                "inquiries": [i.id for i in inquiries],
                "surveys": [s.id for s in surveys],
                "filled": filled,
                "set": {name: _encode(getattr(survivor, name)) for name in filled},
            }
            record = CustomerMergeRow(
                survivor_id=survivor_id,
                merged_id=merged_id,
                moved_json=json.dumps(moved, ensure_ascii=False),
                at=self.ctx.now(),
            )
            session.add(record)
            session.flush()
            return self._view(session, record)

    def unmerge(self, merge_id: int) -> MergeView:
        """Put back exactly what the merge moved. Refused, changing nothing, when that is no
        longer possible: undone already, the survivor merged on since, or a moved item now
        belonging to a third customer."""
        with self.ctx.db.session() as session:
            record = session.get(CustomerMergeRow, merge_id)
            if record is None:
                raise NotFound(f"no merge with id {merge_id} (deleted customers take theirs along)")
            if record.undone_at is not None:
                raise MergeRefused(f"merge {merge_id} was undone already")
            survivor = session.get(CustomerRow, record.survivor_id)
            merged = session.get(CustomerRow, record.merged_id)
            if survivor is None or merged is None:
                raise MergeRefused(f"merge {merge_id}: a customer of it no longer exists")
            if merged.merged_into_id != survivor.id:
                raise MergeRefused(
                    f"merge {merge_id}: customer {merged.id} is no longer merged into "
                    f"customer {survivor.id}"
                )
            if survivor.merged_into_id is not None:
                later = self._active_merge_of(session, survivor.id or 0)
                which = f" (merge {later})" if later else ""
                raise MergeRefused(
                    f"customer {survivor.id} was merged into customer {survivor.merged_into_id} "
                    f"since{which}; undo that first"
                )
            moved = _moved(record)
            back: list[IdentityRow | InquiryRow | SurveyRow] = []
            back += self._movable(session, record, moved, "identities", IdentityRow)
            back += self._movable(session, record, moved, "inquiries", InquiryRow)
            back += self._movable(session, record, moved, "surveys", SurveyRow)
            for item in back:
                item.customer_id = merged.id or 0
            filled = moved.get("filled") if isinstance(moved.get("filled"), dict) else {}
            set_to = moved.get("set") if isinstance(moved.get("set"), dict) else {}
            assert isinstance(filled, dict) and isinstance(set_to, dict)
            for name, old in filled.items():
                if name in _FILLABLE and _encode(getattr(survivor, name)) == set_to.get(name):
                    setattr(survivor, name, _decode(name, old))  # unchanged since the merge
            merged.merged_into_id = None
            record.undone_at = self.ctx.now()
            return self._view(session, record)

    def merges(self, customer_id: int | None = None) -> list[MergeView]:
        """Every merge, newest first; with ``customer_id`` only those it took part in."""
        with self.ctx.db.session() as session:
            query = select(CustomerMergeRow).order_by(col(CustomerMergeRow.id).desc())
            if customer_id is not None:
                query = query.where(
                    (col(CustomerMergeRow.survivor_id) == customer_id)
                    | (col(CustomerMergeRow.merged_id) == customer_id)
                )
            return [self._view(session, row) for row in session.exec(query)]

    # -- helpers -----------------------------------------------------------------------------

    def _customer(self, session: Session, customer_id: int) -> CustomerRow:
        row = session.get(CustomerRow, customer_id)
        if row is None:
            raise NotFound(f"no customer with id {customer_id}")
        return row

    def _movable(
        self,
        session: Session,
        record: CustomerMergeRow,
        moved: dict[str, Any],
        key: str,
        table: type[_Owned],
    ) -> list[_Owned]:
        """The recorded items still with the survivor; refuses if one went elsewhere."""
        found: list[_Owned] = []
        for item_id in _ids(moved, key):
            item = session.get(table, item_id)
            if item is None:
                continue  # deleted since: nothing to put back
            if item.customer_id != record.survivor_id:
                raise MergeRefused(
                    f"merge {record.id}: {key[:-1]} {item_id} now belongs to customer "
                    f"{item.customer_id}; it cannot be moved back"
                )
            found.append(item)
        return found

    def _active_merge_of(self, session: Session, merged_id: int) -> int | None:
        return session.exec(
            select(CustomerMergeRow.id).where(
                CustomerMergeRow.merged_id == merged_id, col(CustomerMergeRow.undone_at).is_(None)
            )
        ).first()

    def _view(self, session: Session, row: CustomerMergeRow) -> MergeView:
        assert row.id is not None
        moved = _moved(row)
        survivor = session.get(CustomerRow, row.survivor_id)
        merged = session.get(CustomerRow, row.merged_id)
        return MergeView(
            id=row.id,
            survivor_id=row.survivor_id,
            merged_id=row.merged_id,
            survivor_name=survivor.name if survivor else "",
            merged_name=merged.name if merged else "",
            identities=len(_ids(moved, "identities")),
            inquiries=len(_ids(moved, "inquiries")),
            surveys=len(_ids(moved, "surveys")),
            at=row.at,
            undone_at=row.undone_at,
        )
