"""CSV exports of form submissions (WPForms, Jotform, Google Forms, Typeform, Tally, Excel).

Founders export from whatever their form service offers and often pass the file through
Excel on a Danish/Norwegian Windows machine: ``;`` separated, cp1252, day-first dates with
``10.15`` as the time. ``csv_file.sniff`` finds encoding and separator,
``csv_mapping.guess_mapping`` picks the columns, :func:`read_submissions` (here) yields one
:class:`CsvSubmission` per good row; times are read by ``export_dates.parse_timestamp``.

Re-importing must add nothing twice: each row gets a ``row_key``, a hash of its *mapped*
content (name, email, phone, message, subject, submitted-at as written). Columns the mapping
does not use and the row's position do not enter the key, so a later export of the same form
with new columns or rows in another order yields the same keys for the same submissions.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from soloservice.channels.form.csv_file import ImportFormatError, OpenedCsv, open_csv
from soloservice.channels.form.csv_mapping import ColumnMapping
from soloservice.channels.form.export_dates import parse_timestamp
from soloservice.domain.identity import InvalidIdentity, check_phone, normalise_email


@dataclass(frozen=True)
class RowError:
    """A row that was skipped; ``line`` is the line number in the file (1 = header)."""

    line: int
    reason: str


@dataclass(frozen=True)
class CsvSubmission:
    """One good row. ``email``/``phone`` are normalised identities; ``submitted_at`` is UTC."""

    row_key: str
    line: int
    name: str | None
    email: str | None
    phone: str | None
    message: str | None
    subject: str | None
    submitted_at: datetime | None
    fields: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...] = ()


def _row_key(values: tuple[str | None, ...]) -> str:
    canonical = "\x1f".join(" ".join((value or "").split()).casefold() for value in values)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def read_submissions(
    path: Path,
    mapping: ColumnMapping,
    *,
    errors: list[RowError] | None = None,
    region: str = "DK",
    local_tz: tzinfo | None = None,
) -> Iterator[CsvSubmission]:
    """The good rows of a CSV export; skipped rows are appended to ``errors``.

    The file and the mapping are checked before this returns, so a broken file raises
    :class:`ImportFormatError` here rather than half-way through an import. A row is
    skipped only when it names nobody: no name, no valid email and no valid phone number.
    A bad email, phone or date elsewhere keeps the row, with a warning and the raw value in
    ``fields``. Rows identical in their mapped content are yielded once.
    """
    opened = open_csv(Path(path))
    missing = [col for col in mapping.used_columns() if col not in opened.headers]
    if missing:
        raise ImportFormatError(
            f"{Path(path).name}: column(s) {', '.join(repr(m) for m in missing)} from the "
            f"mapping are not in the file; it has: {', '.join(opened.headers)}"
        )
    if not any((mapping.name, mapping.email, mapping.phone)):
        raise ImportFormatError("the mapping needs a name, email or phone column")
    zone = local_tz or ZoneInfo("Europe/Copenhagen")
    return _rows(opened, mapping, errors if errors is not None else [], region, zone)


def _rows(
    opened: OpenedCsv, mapping: ColumnMapping, errors: list[RowError], region: str, zone: tzinfo
) -> Iterator[CsvSubmission]:
    reader = csv.reader(io.StringIO(opened.text), delimiter=opened.delimiter)
    index = {header: position for position, header in enumerate(opened.headers)}
    seen: set[str] = set()
    line = 1
    try:
        next(reader)
        line = reader.line_num + 1
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(opened.headers) and any(c.strip() for c in row[len(index) :]):
                errors.append(
                    RowError(start, f"{len(row)} values but {len(opened.headers)} columns")
                )
                continue
            result = _submission(row, start, index, mapping, region, zone)
            if isinstance(result, RowError):
                errors.append(result)
            elif result.row_key not in seen:
                seen.add(result.row_key)
                yield result
    except csv.Error as exc:
        errors.append(RowError(line, f"not valid CSV from here on ({exc})"))


def _submission(
    row: list[str],
    line: int,
    index: dict[str, int],
    mapping: ColumnMapping,
    region: str,
    zone: tzinfo,
) -> CsvSubmission | RowError:
    def cell(column: str | None) -> str | None:
        if column is None:
            return None
        position = index[column]
        value = row[position].strip() if position < len(row) else ""
        return value or None

    warnings: list[str] = []
    raw_name, raw_last = cell(mapping.name), cell(mapping.last_name)
    name = " ".join(part for part in (raw_name, raw_last) if part) or None
    raw_email, raw_phone = cell(mapping.email), cell(mapping.phone)
    email = phone = None
    if raw_email:
        try:
            email = normalise_email(raw_email)
        except InvalidIdentity:
            warnings.append(f"not an email address: {raw_email!r}")
    if raw_phone:
        try:
            checked = check_phone(raw_phone, region)
        except InvalidIdentity:
            warnings.append(f"not a valid phone number: {raw_phone!r}")
        else:
            phone = checked.e164
            if checked.warning:
                warnings.append(checked.warning)
    if not (name or email or phone):
        reason = "; ".join(warnings) if warnings else "no name, email or phone"
        return RowError(line, reason)
    raw_date = cell(mapping.submitted_at)
    submitted_at = None
    if raw_date:
        try:
            submitted_at = parse_timestamp(raw_date, zone)
        except ValueError:
            warnings.append(f"not a date: {raw_date!r}")
    message, subject = cell(mapping.message), cell(mapping.subject)
    labelled = [(col, cell(col)) for col in mapping.used_columns()]
    key = _row_key((name, email or raw_email, phone or raw_phone, message, subject, raw_date))
    return CsvSubmission(
        row_key=key,
        line=line,
        name=name,
        email=email,
        phone=phone,
        message=message,
        subject=subject,
        submitted_at=submitted_at,
        fields=tuple((col, value) for col, value in labelled if value),
        warnings=tuple(warnings),
    )
