"""One edit of a customer in the customer dialog, applied in one transaction.

The dialog changes names, language, notes, figures, identities and the survey opt-out at
once. Applied as separate service calls (up to N+2 transactions) a refused identity, one
held by another customer, would leave the customer half edited; here everything is checked
and written in one unit of work, so it either all happens or nothing does.

The in-session steps (``update_in``, ``remove_identity_in``, ``set_opted_out_in``) are the
building blocks ``CustomerService``'s single-change methods can share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from soloservice.domain.types import IdentityKind
from soloservice.services.context import ServiceContext
from soloservice.services.customer_changes import CustomerChanges, check_changes, update_in
from soloservice.services.customers import (
    _attach_identity,
    build_card,
    identity_display,
    surviving_customer,
)
from soloservice.services.dto import CustomerCard
from soloservice.services.errors import NotFound
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import CustomerRow, IdentityRow


@dataclass(frozen=True)
class CustomerEdit:
    """Everything one save of the customer dialog changes."""

    customer_id: int
    changes: CustomerChanges = field(default_factory=CustomerChanges)
    added: tuple[tuple[IdentityKind, str], ...] = ()
    removed: tuple[tuple[IdentityKind, str], ...] = ()
    #: None leaves the opt-out as it is
    opted_out: bool | None = None


def remove_identity_in(session: Session, row: CustomerRow, kind: IdentityKind, value: str) -> None:
    found = session.exec(
        select(IdentityRow).where(
            IdentityRow.customer_id == row.id,
            IdentityRow.kind == kind.value,
            IdentityRow.value == value,
        )
    ).first()
    if found is None:
        raise NotFound(f"{identity_display(kind, value)} is not one of this customer's")
    session.delete(found)


def set_opted_out_in(session: Session, row: CustomerRow, opted_out: bool) -> None:
    """Opting out calls off the checks already scheduled now, not at send time."""
    row.opted_out = opted_out
    if not opted_out:
        return
    for survey in session.exec(
        select(SurveyRow).where(SurveyRow.customer_id == row.id, SurveyRow.status == "scheduled")
    ):
        survey.status = "skipped"
        survey.skip_reason = "the customer has opted out of surveys"


class CustomerEditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def apply(self, edit: CustomerEdit) -> CustomerCard:
        """The whole edit in one transaction; any refusal (ServiceError) changes nothing."""
        check_changes(edit.changes)
        with self.ctx.db.session() as session:
            row = surviving_customer(session, edit.customer_id)
            # Removals first, so moving a number from one kind to another never collides.
            for kind, value in edit.removed:
                remove_identity_in(session, row, kind, value)
            session.flush()
            for kind, value in edit.added:
                _attach_identity(session, self.ctx, row, kind, value)
            if edit.opted_out is not None:
                set_opted_out_in(session, row, edit.opted_out)
            update_in(row, edit.changes)
            session.flush()
            return build_card(session, self.ctx, row)
