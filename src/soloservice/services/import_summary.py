"""What an import of entries from a file did, for the CLI's JSON and the wizards' last page.

Shared by the form CSV import (``services/form_csv.py``) and the social message exports
(``services/social.py``): both read a whole file first, so a file that cannot be read at
all is an :class:`ImportFailed` with nothing stored, and rows that can be read are counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from soloservice.services.errors import ServiceError


class ImportFailed(ServiceError):
    """The file cannot be imported at all; nothing was stored. The message says why."""


@dataclass(frozen=True)
class ImportSummary:
    """What an import did. ``rows`` counts the rows or messages read from the file,
    ``added`` those stored (in new inquiries or added to existing conversations),
    ``duplicates`` those already stored by an earlier import. ``errors`` are skipped rows;
    ``warnings`` rows kept with a value that could not be read (a bad date, say)."""

    rows: int = 0
    new_inquiries: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: stopped between two batches: ``new_inquiries`` were stored, the rest of the file not
    cancelled: bool = False
    #: rows of the file (after skipping unreadable ones) the import would have stored
    total: int = 0
    #: new inquiries stored already resolved because they were older than asked
    resolved: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "new_inquiries": self.new_inquiries,
            "added": self.added,
            "duplicates": self.duplicates,
            "resolved": self.resolved,
            "cancelled": self.cancelled,
            "errors": list(self.errors),
            "warnings": list(self.warnings),
        }
