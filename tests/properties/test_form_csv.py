"""Form CSV exports on generated rows: every row read back, in any separator and encoding."""

from __future__ import annotations

import csv
import io
import random
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.form.csv_file import sniff
from soloservice.channels.form.csv_import import read_submissions
from soloservice.channels.form.csv_mapping import ColumnMapping, guess_mapping
from soloservice.channels.form.export_dates import parse_timestamp
from tests.properties.conftest import PROPERTIES

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
HEADERS = ("Navn", "E-mail", "Besked", "Ordrenummer")
#: what the file is saved as, and the characters that survive it
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16")
SEPARATORS = (",", ";", "\t")

#: cell text: Danish letters and punctuation, never a separator or a carriage return
cell_char = st.characters(
    whitelist_categories=("Lu", "Ll", "Nd", "Zs", "Po"),
    blacklist_characters=",;\t|\r\x85",
    max_codepoint=0xFF,
)
name = st.text(cell_char, min_size=1, max_size=20).filter(lambda s: any(c.isalpha() for c in s))
email = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10).map(lambda s: s + "@x.dk")
message = st.lists(st.text(cell_char, max_size=30), min_size=1, max_size=3).map("\n".join)
row = st.tuples(name, email, message, st.text("0123456789", max_size=6))
rows = st.lists(row, min_size=1, max_size=12, unique_by=lambda r: r[0].strip().casefold())


def write(path: Path, table: list[tuple[str, ...]], separator: str, encoding: str) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator)
    writer.writerows(table)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


@PROPERTIES
@given(rows, st.sampled_from(SEPARATORS), st.sampled_from(ENCODINGS))
def test_every_row_is_read_back(
    table: list[tuple[str, str, str, str]], separator: str, encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "form.csv", [HEADERS, *table], separator, encoding)
        preview = sniff(path)
        assert preview.headers == HEADERS and preview.delimiter == separator
        mapping = guess_mapping(preview.headers)
        assert (mapping.name, mapping.email, mapping.message) == HEADERS[:3]
        errors: list[object] = []
        found = list(read_submissions(path, mapping, errors=errors))  # type: ignore[arg-type]
    assert errors == []
    assert [s.name for s in found] == [r[0].strip() for r in table]
    assert [s.email for s in found] == [r[1] for r in table]
    assert [s.message for s in found] == [r[2].strip() or None for r in table]
    assert len({s.row_key for s in found}) == len(table)


@PROPERTIES
@given(rows, st.randoms(use_true_random=False))
def test_row_keys_ignore_unused_columns_and_row_order(
    table: list[tuple[str, str, str, str]], rnd: random.Random
) -> None:
    mapping = ColumnMapping(name="Navn", email="E-mail", message="Besked")
    later = [(r[3], r[2], "ny kolonne", r[0], r[1]) for r in table]
    rnd.shuffle(later)
    with tempfile.TemporaryDirectory() as folder:
        first = write(Path(folder) / "a.csv", [HEADERS, *table], ";", "utf-8")
        second = write(
            Path(folder) / "b.csv",
            [("Ordrenummer", "Besked", "Kanal", "Navn", "E-mail"), *later],
            ",",
            "utf-8",
        )
        keys = {s.row_key for s in read_submissions(first, mapping)}
        again = {s.row_key for s in read_submissions(second, mapping)}
    assert keys == again


#: naive local times; the hour that comes twice in October is read as the first one (fold=0)
moment = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda d: d.replace(microsecond=0, fold=0)
)


def local(when: datetime) -> datetime:
    """A naive time as the founder's zone means it, in UTC."""
    return when.replace(tzinfo=COPENHAGEN).astimezone(UTC)


@PROPERTIES
@given(moment)
def test_the_usual_date_formats_give_the_same_instant(when: datetime) -> None:
    written = {
        when.strftime("%Y-%m-%d %H:%M:%S"): local(when),
        when.isoformat(): local(when),
        local(when).strftime("%Y-%m-%dT%H:%M:%SZ"): local(when),
        when.strftime("%d/%m/%Y %H:%M:%S"): local(when),
        # Danish Excel: day first, a dot in the time, no seconds
        when.strftime("%d.%m.%Y %H.%M"): local(when.replace(second=0)),
    }
    for text, instant in written.items():
        assert parse_timestamp(text, COPENHAGEN) == instant, text


@PROPERTIES
@given(moment.filter(lambda d: d.day > 12))
def test_us_dates_are_read_month_first_when_only_that_makes_sense(when: datetime) -> None:
    text = when.strftime("%m/%d/%Y %I:%M:%S %p")
    assert parse_timestamp(text, COPENHAGEN) == local(when)
