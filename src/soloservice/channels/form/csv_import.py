"""CSV exports of form submissions (WPForms, Jotform, Google Forms, Typeform, Tally, Excel).

Founders export from whatever their form service offers and often pass the file through
Excel on a Danish/Norwegian Windows machine: ``;`` separated, cp1252, day-first dates with
``10.15`` as the time. :func:`sniff` finds encoding and separator, :func:`guess_mapping`
picks the columns, :func:`read_submissions` yields one :class:`CsvSubmission` per good row.

Re-importing must add nothing twice: each row gets a ``row_key``, a hash of its *mapped*
content (name, email, phone, message, subject, submitted-at as written). Columns the mapping
does not use and the row's position do not enter the key, so a later export of the same form
with new columns or rows in another order yields the same keys for the same submissions.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from soloservice.channels.form.labels import StandardField, compact_label, standard_field
from soloservice.domain.identity import InvalidIdentity, check_phone, normalise_email

MAX_FILE_BYTES = 50 * 1024 * 1024
_DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_LINES = 50


class ImportFormatError(ValueError):
    """The file cannot be read as a CSV export at all; the message names what is wrong."""


@dataclass(frozen=True)
class CsvPreview:
    """What the wizard shows before the user maps columns."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    delimiter: str
    encoding: str


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds what; values are header names exactly as in the file.

    ``last_name`` is for exports that split the name in two ("Fornavn", "Efternavn"): it is
    appended to ``name``. ``extra`` columns are kept as labelled fields on the submission.
    """

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    message: str | None = None
    submitted_at: str | None = None
    subject: str | None = None
    last_name: str | None = None
    extra: tuple[str, ...] = ()

    def used_columns(self) -> tuple[str, ...]:
        named = (
            self.name, self.email, self.phone, self.message, self.submitted_at, self.subject,
            self.last_name,
        )  # fmt: skip
        return tuple(col for col in named if col) + self.extra

    def as_dict(self) -> dict[str, str | list[str] | None]:
        """A JSON-ready form, so the mapping can be remembered per form."""
        result: dict[str, str | list[str] | None] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            result[item.name] = list(value) if isinstance(value, tuple) else value
        return result

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ColumnMapping:
        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        extra = data.get("extra")
        return cls(
            name=text("name"),
            email=text("email"),
            phone=text("phone"),
            message=text("message"),
            submitted_at=text("submitted_at"),
            subject=text("subject"),
            last_name=text("last_name"),
            extra=tuple(str(v) for v in extra) if isinstance(extra, list | tuple) else (),
        )


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


# -- reading the file --------------------------------------------------------------------------


def _decode(path: Path) -> tuple[str, str]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFormatError(f"{path.name}: cannot be opened ({exc.strerror})") from exc
    if path.is_dir():
        raise ImportFormatError(f"{path.name} is a folder, not a CSV file")
    if size == 0:
        raise ImportFormatError(f"{path.name} is empty")
    if size > MAX_FILE_BYTES:
        raise ImportFormatError(
            f"{path.name} is {size // (1024 * 1024)} MB; CSV exports over "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB are not supported"
        )
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ImportFormatError(f"{path.name}: broken UTF-16 text") from exc
    if data.startswith(b"PK\x03\x04"):
        raise ImportFormatError(
            f"{path.name} is an Excel workbook or zip file, not CSV; "
            "save it as 'CSV (semikolonsepareret)' / 'CSV UTF-8' and import that"
        )
    if data.startswith(b"%PDF") or b"\x00" in data[:8192]:
        raise ImportFormatError(f"{path.name} is a binary file, not CSV text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _choose_delimiter(text: str) -> str:
    """The separator giving the most columns consistently over the first lines."""
    sample = "\n".join(text.splitlines()[:_SAMPLE_LINES])
    best, best_score = ",", (-1.0, 0)
    for delimiter in _DELIMITERS:
        try:
            rows = [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        consistent = sum(1 for row in rows if len(row) == width) / len(rows)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


_DATA_LIKE = re.compile(r"@|^\+?[\d\s.:/-]+$")


def _headers(row: list[str], name: str) -> tuple[str, ...]:
    cleaned = [cell.strip().strip("\ufeff").strip() for cell in row]
    if not any(cleaned):
        raise ImportFormatError(f"{name}: the first row is empty; it should hold column names")
    data_like = [cell for cell in cleaned if cell and _DATA_LIKE.search(cell)]
    if len(data_like) * 2 > len([c for c in cleaned if c]):
        raise ImportFormatError(
            f"{name}: the first row looks like data ({', '.join(data_like[:3])}), "
            "not column names; export again with a header row"
        )
    seen: dict[str, int] = {}
    unique: list[str] = []
    for index, cell in enumerate(cleaned, start=1):
        label = cell or f"Column {index}"
        count = seen.get(label, 0) + 1
        seen[label] = count
        unique.append(label if count == 1 else f"{label} ({count})")
    return tuple(unique)


@dataclass(frozen=True)
class _Opened:
    text: str
    encoding: str
    delimiter: str
    headers: tuple[str, ...]


def _open(path: Path) -> _Opened:
    text, encoding = _decode(path)
    if not text.strip():
        raise ImportFormatError(f"{path.name} holds only blank lines")
    delimiter = _choose_delimiter(text)
    try:
        first = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    except csv.Error as exc:
        raise ImportFormatError(f"{path.name}: the header row is not valid CSV ({exc})") from exc
    return _Opened(text, encoding, delimiter, _headers(first, path.name))


def sniff(path: Path, sample_rows: int = 5) -> CsvPreview:
    """Headers, the first rows, separator and encoding; raises ImportFormatError."""
    opened = _open(Path(path))
    reader = csv.reader(io.StringIO(opened.text), delimiter=opened.delimiter)
    rows: list[tuple[str, ...]] = []
    try:
        next(reader)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            rows.append(tuple(row))
            if len(rows) >= sample_rows:
                break
    except csv.Error as exc:
        raise ImportFormatError(f"{Path(path).name}: not valid CSV ({exc})") from exc
    return CsvPreview(opened.headers, tuple(rows), opened.delimiter, opened.encoding)


def guess_mapping(headers: tuple[str, ...] | list[str]) -> ColumnMapping:
    """The mapping a founder would most likely pick; every other column becomes ``extra``."""
    chosen: dict[StandardField, str] = {}
    for header in headers:
        kind = standard_field(header)
        if kind is None:
            kind = _loose_kind(header)
        if kind is not None and kind not in chosen:
            chosen[kind] = header
    name = chosen.get(StandardField.NAME) or chosen.get(StandardField.FIRST_NAME)
    last = chosen.get(StandardField.LAST_NAME) if name != chosen.get(StandardField.NAME) else None
    mapping = ColumnMapping(
        name=name,
        email=chosen.get(StandardField.EMAIL) or chosen.get(StandardField.SENDER),
        phone=chosen.get(StandardField.PHONE),
        message=chosen.get(StandardField.MESSAGE),
        submitted_at=chosen.get(StandardField.SUBMITTED_AT),
        subject=chosen.get(StandardField.SUBJECT),
        last_name=last,
    )
    used = set(mapping.used_columns())
    return replace(mapping, extra=tuple(h for h in headers if h not in used))


_LOOSE: tuple[tuple[str, StandardField], ...] = (
    ("email", StandardField.EMAIL),
    ("epost", StandardField.EMAIL),
    ("telefon", StandardField.PHONE),
    ("phone", StandardField.PHONE),
    ("mobil", StandardField.PHONE),
    ("tlf", StandardField.PHONE),
    ("contactnumber", StandardField.PHONE),
    ("kontaktnummer", StandardField.PHONE),
    ("besked", StandardField.MESSAGE),
    ("melding", StandardField.MESSAGE),
    ("message", StandardField.MESSAGE),
    ("kommentar", StandardField.MESSAGE),
    ("submitdate", StandardField.SUBMITTED_AT),
    ("submittedat", StandardField.SUBMITTED_AT),
    ("tidsstempel", StandardField.SUBMITTED_AT),
    ("timestamp", StandardField.SUBMITTED_AT),
)


def _loose_kind(header: str) -> StandardField | None:
    """Headers like "Din e-mail-adresse" or "Submit Date (UTC)": a known word inside."""
    compact = compact_label(header)
    for word, kind in _LOOSE:
        if word in compact:
            return kind
    return None


# -- dates ---------------------------------------------------------------------------------------

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
)  # fmt: skip
_DAY_FIRST = re.compile(
    r"^(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{4})"
    r"(?:[ T,]+(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?$"
)


def parse_timestamp(raw: str, local: tzinfo) -> datetime:
    """A submission time as written by the usual exports, as aware UTC.

    Naive times are in ``local`` (the founder's zone). ``dd.mm.yyyy`` / ``dd/mm/yyyy`` are
    read day-first as Danish and Norwegian exports write them, unless only month-first makes
    sense (``11/24/2026``), which is how US-locale Google Forms exports look.
    """
    text = raw.strip()
    if not text:
        raise ValueError("empty date")
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        found = _DAY_FIRST.match(text)
        if not found:
            raise ValueError(f"not a date: {raw!r}")
        a, b = int(found["a"]), int(found["b"])
        day, month = (b, a) if b > 12 >= a else (a, b)
        hour = int(found["h"] or 0)
        if found["ampm"]:
            hour = hour % 12 + (12 if found["ampm"].lower() == "pm" else 0)
        parsed = datetime(
            int(found["y"]), month, day, hour, int(found["mi"] or 0), int(found["s"] or 0)
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local)
    return parsed.astimezone(UTC)


# -- rows ----------------------------------------------------------------------------------------


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
    opened = _open(Path(path))
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
    opened: _Opened, mapping: ColumnMapping, errors: list[RowError], region: str, zone: tzinfo
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
