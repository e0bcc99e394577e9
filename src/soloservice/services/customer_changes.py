"""What the founder may change on a customer, the checks on it and how it is applied.

Shared by ``CustomerService.update`` (one field from the CLI or a card action) and the
customer dialog's one-transaction edit (services/customer_edit.py), so both refuse the same
values and write them the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from soloservice.domain.types import Language
from soloservice.services.errors import InvalidInput
from soloservice.storage.tables import CustomerRow


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
    for label, figure in (
        ("annual value", changes.annual_value),
        ("expected years", changes.expected_years),
    ):
        if isinstance(figure, float | int) and not math.isfinite(figure):
            raise InvalidInput(f"the {label} must be a finite number, not {figure}")
        if isinstance(figure, float | int) and figure < 0:
            raise InvalidInput(f"the {label} cannot be negative")
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
