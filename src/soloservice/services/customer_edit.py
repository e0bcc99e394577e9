"""One edit of a customer in the customer dialog, applied in one transaction.

The dialog changes names, language, notes, figures, identities and the survey opt-out at
once. Applied as separate service calls (up to N+2 transactions) a refused identity, one
held by another customer, would leave the customer half edited; here everything is checked
and written in one unit of work, so it either all happens or nothing does.

The in-session steps (``update_in``, ``remove_identity_in``, ``set_opted_out_in`` in
services/customer_changes.py) are the ones ``CustomerService``'s single-change methods use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from soloservice.domain.types import IdentityKind
from soloservice.services.context import ServiceContext
from soloservice.services.customer_card import build_card
from soloservice.services.customer_changes import (
    CustomerChanges,
    check_changes,
    remove_identity_in,
    set_opted_out_in,
    update_in,
)
from soloservice.services.customer_identity import attach_identity, surviving_customer
from soloservice.services.dto import CustomerCard


@dataclass(frozen=True)
class CustomerEdit:
    """Everything one save of the customer dialog changes."""

    customer_id: int
    changes: CustomerChanges = field(default_factory=CustomerChanges)
    added: tuple[tuple[IdentityKind, str], ...] = ()
    removed: tuple[tuple[IdentityKind, str], ...] = ()
    #: None leaves the opt-out as it is
    opted_out: bool | None = None


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
                attach_identity(session, self.ctx, row, kind, value)
            if edit.opted_out is not None:
                set_opted_out_in(session, row, edit.opted_out)
            update_in(row, edit.changes)
            session.flush()
            return build_card(session, self.ctx, row)
