"""A form's CSV export -> form inquiries, mixed into ``FormService``; the mappings it remembers.

A CSV import stores its rows in batches of ``CSV_BATCH`` rows, one transaction each: a file
that cannot be read stores nothing (it is read and checked before the first batch), and a
cancel (checked between batches) or a crash keeps a clean prefix of whole batches. Each
imported row leaves an ``import_key``, so importing the same export again adds nothing twice
and simply finishes a cancelled import. Batches rather than all-or-nothing because a 6,000-row
export takes a minute: the founder sees it move, and a cancel after 5,000 rows keeps them.

Old entries (an export of years of submissions) can be imported as already answered
(``resolve_older_than_days``): resolved on arrival, with no promise and no follow-up check,
so they do not flood Overdue.

The column mapping is a plain frozen dataclass of the form channel; the wizard builds one
from its choices and takes the type from here (ui does not import channels).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session, col, select

from soloservice.channels.form.csv_file import ImportFormatError, sniff
from soloservice.channels.form.csv_import import CsvSubmission, RowError, read_submissions
from soloservice.channels.form.csv_mapping import ColumnMapping, guess_mapping
from soloservice.domain.types import Status
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.form_mail import form_inquiry
from soloservice.services.import_keys import is_imported, mark_imported
from soloservice.services.import_summary import ImportFailed, ImportSummary
from soloservice.services.inquiries import InquiryService
from soloservice.services.inquiry_rules import log_event
from soloservice.storage.channel_tables import CsvMappingRow
from soloservice.storage.tables import InquiryRow

__all__ = [
    "CSV_BATCH",
    "FORM_CSV_SOURCE",
    "ColumnMapping",
    "CsvImportPreview",
    "FormCsvImport",
    "ImportProgress",
]

FORM_CSV_SOURCE = "form-csv"
#: rows stored per transaction by a CSV import; progress is reported and a cancel honoured
#: after each batch
CSV_BATCH = 250
#: ``progress(done, total)``: rows of the file worked through so far
ImportProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class CsvImportPreview:
    """What the CSV wizard shows: the file's first rows and the mapping to start from.

    ``remembered`` says the mapping is the one used last time for this form.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    delimiter: str
    encoding: str
    mapping: ColumnMapping
    remembered: bool


@dataclass
class _Tally:
    """What the batches of one import have stored so far."""

    new: int = 0
    duplicates: int = 0
    resolved: int = 0
    cancelled: bool = False
    warnings: list[str] = field(default_factory=list)


class FormCsvImport:
    """Needs the host's ``ctx`` and ``inquiries`` (``FormService``)."""

    ctx: ServiceContext
    inquiries: InquiryService

    # -- mappings ------------------------------------------------------------------------------

    def mappings(self) -> dict[str, ColumnMapping]:
        with self.ctx.db.session() as session:
            rows = session.exec(select(CsvMappingRow).order_by(col(CsvMappingRow.name))).all()
            return {row.name: _mapping_of(row) for row in rows}

    def mapping(self, name: str) -> ColumnMapping | None:
        with self.ctx.db.session() as session:
            row = session.exec(select(CsvMappingRow).where(CsvMappingRow.name == name)).first()
            return _mapping_of(row) if row is not None else None

    def save_mapping(self, name: str, mapping: ColumnMapping) -> None:
        with self.ctx.db.session() as session:
            self._save_mapping(session, name, mapping)

    def _save_mapping(self, session: Session, name: str, mapping: ColumnMapping) -> None:
        if not name.strip():
            raise InvalidInput("a mapping needs a name (the form's name)")
        row = session.exec(select(CsvMappingRow).where(CsvMappingRow.name == name)).first()
        data = json.dumps(mapping.as_dict(), ensure_ascii=False)
        if row is None:
            session.add(
                CsvMappingRow(name=name.strip(), mapping_json=data, created_at=self.ctx.now())
            )
        else:
            row.mapping_json = data

    # -- import --------------------------------------------------------------------------------

    def csv_preview(self, path: Path | str, form_name: str | None = None) -> CsvImportPreview:
        try:
            found = sniff(Path(path))
        except ImportFormatError as exc:
            raise ImportFailed(str(exc)) from exc
        remembered = self.mapping(form_name) if form_name else None
        if remembered is not None and not set(remembered.used_columns()) <= set(found.headers):
            remembered = None  # the export's columns changed: start from a fresh guess
        return CsvImportPreview(
            headers=found.headers,
            rows=found.rows,
            delimiter=found.delimiter,
            encoding=found.encoding,
            mapping=remembered or guess_mapping(found.headers),
            remembered=remembered is not None,
        )

    def import_csv(
        self,
        path: Path | str,
        mapping_name: str | None = None,
        mapping: ColumnMapping | None = None,
        form_name: str | None = None,
        *,
        progress: ImportProgress | None = None,
        cancel: threading.Event | None = None,
        resolve_older_than_days: int | None = None,
        batch_size: int = CSV_BATCH,
    ) -> ImportSummary:
        """Import a form's CSV export; the mapping is remembered under the form's name.

        The mapping is ``mapping`` if given, else the one remembered as ``mapping_name``
        (which must exist), else the one remembered for ``form_name``, else a guess from
        the headers. The form's name defaults to the mapping's name, else the file's name.

        ``progress(done, total)`` is called after every batch (on the caller's thread);
        ``cancel`` is checked before each batch, so a cancelled import keeps whole batches.
        Entries sent more than ``resolve_older_than_days`` days ago are stored resolved.
        """
        if resolve_older_than_days is not None and resolve_older_than_days < 0:
            raise InvalidInput("--resolve-older-than needs a number of days, 0 or more")
        source = Path(path)
        form = (form_name or mapping_name or source.stem).strip()
        chosen = mapping if mapping is not None else self._chosen(source, form, mapping_name)
        row_errors: list[RowError] = []
        try:
            # Read (and check) the whole file before the first write: a broken file stores
            # nothing, and the total is known for the progress bar.
            submissions = list(
                read_submissions(
                    source,
                    chosen,
                    errors=row_errors,
                    region=self.ctx.settings.phone_region,
                    local_tz=self.ctx.tz,
                )
            )
        except ImportFormatError as exc:
            raise ImportFailed(str(exc)) from exc
        cutoff = (
            None
            if resolve_older_than_days is None
            else self.ctx.now() - timedelta(days=resolve_older_than_days)
        )
        tally = _Tally()
        total, size = len(submissions), max(1, batch_size)
        if progress is not None:
            progress(0, total)
        for start in range(0, max(total, 1), size):
            if cancel is not None and cancel.is_set():
                tally.cancelled = True
                break
            with self.ctx.db.session() as session:
                for submission in submissions[start : start + size]:
                    self._store_once(session, submission, chosen, form, cutoff, tally)
                if start == 0:
                    self._save_mapping(session, form, chosen)
            if progress is not None and total:
                progress(min(total, start + size), total)
        return ImportSummary(
            rows=tally.new + tally.duplicates + len(row_errors),
            new_inquiries=tally.new,
            added=tally.new,
            duplicates=tally.duplicates,
            errors=[f"line {e.line}: {e.reason}" for e in row_errors],
            warnings=tally.warnings,
            cancelled=tally.cancelled,
            total=total,
            resolved=tally.resolved,
        )

    def _chosen(self, source: Path, form: str, mapping_name: str | None) -> ColumnMapping:
        """The mapping remembered as ``mapping_name`` (which must exist), else the one
        remembered for ``form``, else a guess from the file's headers."""
        if mapping_name is not None:
            named = self.mapping(mapping_name)
            if named is None:
                known = ", ".join(self.mappings()) or "none yet"
                raise NotFound(f"no CSV mapping named {mapping_name!r} (known: {known})")
            return named
        remembered = self.mapping(form)
        if remembered is not None:
            return remembered
        try:
            return guess_mapping(sniff(source).headers)
        except ImportFormatError as exc:
            raise ImportFailed(str(exc)) from exc

    def _store_once(
        self,
        session: Session,
        submission: CsvSubmission,
        mapping: ColumnMapping,
        form: str,
        cutoff: datetime | None,
        tally: _Tally,
    ) -> None:
        """Store one row unless an earlier import did; resolved if sent before ``cutoff``."""
        tally.warnings.extend(f"line {submission.line}: {w}" for w in submission.warnings)
        if is_imported(session, FORM_CSV_SOURCE, submission.row_key):
            tally.duplicates += 1
            return
        old = (
            cutoff is not None
            and submission.submitted_at is not None
            and submission.submitted_at < cutoff
        )
        self._store_row(session, submission, mapping, form, resolve=old)
        tally.new += 1
        tally.resolved += int(old)

    def _store_row(
        self,
        session: Session,
        submission: CsvSubmission,
        mapping: ColumnMapping,
        form: str,
        *,
        resolve: bool = False,
    ) -> None:
        shown_elsewhere = {
            mapping.name, mapping.last_name, mapping.email, mapping.message, mapping.subject,
            mapping.submitted_at,
        }  # fmt: skip
        message = (submission.message or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        row = self.inquiries.create_in(
            session,
            form_inquiry(
                form=form,
                name=submission.name,
                email=submission.email,
                phone=submission.phone,
                subject=submission.subject,
                message=message,
                listed=[
                    f"{label}: {value}"
                    for label, value in submission.fields
                    if label not in shown_elsewhere
                ],
                received_at=submission.submitted_at,
            ),
        )
        if resolve:
            _resolve_as_old(session, row)
        mark_imported(
            session, FORM_CSV_SOURCE, submission.row_key, inquiry_id=row.id, at=self.ctx.now()
        )


def _resolve_as_old(session: Session, row: InquiryRow) -> None:
    """An entry from long ago was answered back then, outside SoloService: resolved when it
    came, with no promise to keep or break and no "are you satisfied?" check (the resolve
    hooks are not run: nobody wants a survey about a form they sent last year)."""
    assert row.id is not None
    row.status = Status.RESOLVED.value
    row.resolved_at = row.received_at
    row.due_at = None
    row.needs_reply_since = None
    log_event(session, row.id, row.received_at, "status", Status.NEW.value, Status.RESOLVED.value)


def _mapping_of(row: CsvMappingRow) -> ColumnMapping:
    try:
        data = json.loads(row.mapping_json or "{}")
    except ValueError:
        data = {}
    return ColumnMapping.from_dict(data if isinstance(data, dict) else {})
