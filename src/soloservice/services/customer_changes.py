"""What the founder may change on a customer, the checks on it and how it is applied.

Shared by ``CustomerService``'s single-change methods (one field from the CLI or a card
action) and the customer dialog's one-transaction edit (services/customer_edit.py), so both
refuse the same values and write them the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from sqlmodel import Session, select

from soloservice.domain.types import IdentityKind, Language
from soloservice.domain.value import MAX_ANNUAL_VALUE, MAX_EXPECTED_YEARS
from soloservice.services.customer_identity import identity_display
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.storage.feedback_tables import SurveyRow
from soloservice.storage.tables import CustomerRow, IdentityRow


class Keep(Enum):
    """A field of CustomerChanges left as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class CustomerChanges:
    """Fields to change. ``None`` for a figure means "use the business's average" again."""

    name: str | Keep = KEEP
    language: Language | Keep = KEEP
    notes: str | Keep = KEEP
    annual_value: float | Keep | None = KEEP
    expected_years: float | Keep | None = KEEP


def check_changes(changes: CustomerChanges) -> None:
    """Refuse figures the store could not round-trip (inf/nan become invalid JSON) and an
    empty name."""
    for label, figure, top in (
        ("annual value", changes.annual_value, MAX_ANNUAL_VALUE),
        ("expected years", changes.expected_years, MAX_EXPECTED_YEARS),
    ):
        if isinstance(figure, float | int) and not math.isfinite(figure):
            raise InvalidInput(f"the {label} must be a finite number, not {figure}")
        if isinstance(figure, float | int) and figure < 0:
            raise InvalidInput(f"the {label} cannot be negative")
        if isinstance(figure, float | int) and figure > top:
            # each figure bounded, so their product (the lifetime value) stays finite
            raise InvalidInput(f"the {label} cannot be more than {top:,.0f}")
    if isinstance(changes.name, str) and not changes.name.strip():
        raise InvalidInput("a customer's name cannot be empty")


def update_in(row: CustomerRow, changes: CustomerChanges) -> None:
    """Apply checked field changes; fields left at KEEP stay."""
    if not isinstance(changes.name, Keep):
        row.name = changes.name.strip()
    if not isinstance(changes.language, Keep):
        # An explicit choice: no later guess may change it.
        row.language = changes.language.value
        row.language_source = "founder"
        row.language_reason = ""
    if not isinstance(changes.notes, Keep):
        row.notes = changes.notes.strip()
    if not isinstance(changes.annual_value, Keep):
        row.annual_value = changes.annual_value
    if not isinstance(changes.expected_years, Keep):
        row.expected_years = changes.expected_years


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
