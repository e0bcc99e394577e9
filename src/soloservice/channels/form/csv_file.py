"""Opening a CSV export: encoding, separator and header row, or a reason it cannot be read.

Founders export from whatever their form service offers and often pass the file through
Excel on a Danish/Norwegian Windows machine: ``;`` separated, cp1252, sometimes UTF-16 or
with a byte-order mark. A workbook, a PDF or a file whose first row is data is refused here,
with the reason, before anything is stored. Customer imports read their files the same way.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

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
class OpenedCsv:
    """A decoded export with its separator and (unique) column names."""

    text: str
    encoding: str
    delimiter: str
    headers: tuple[str, ...]


def open_csv(path: Path) -> OpenedCsv:
    """The decoded file, its separator and header row; raises ImportFormatError."""
    text, encoding = _decode(path)
    if not text.strip():
        raise ImportFormatError(f"{path.name} holds only blank lines")
    delimiter = _choose_delimiter(text)
    try:
        first = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    except csv.Error as exc:
        raise ImportFormatError(f"{path.name}: the header row is not valid CSV ({exc})") from exc
    return OpenedCsv(text, encoding, delimiter, _headers(first, path.name))


def sniff(path: Path, sample_rows: int = 5) -> CsvPreview:
    """Headers, the first rows, separator and encoding; raises ImportFormatError."""
    opened = open_csv(Path(path))
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
