"""CSV exports as founders actually have them: Excel-Danish, Google Forms, WPForms."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from soloservice.channels.form.csv_file import ImportFormatError, sniff
from soloservice.channels.form.csv_import import RowError, read_submissions
from soloservice.channels.form.csv_mapping import ColumnMapping, guess_mapping
from soloservice.channels.form.export_dates import parse_timestamp

EXCEL_DA = (
    "Navn;E-mail;Telefon;Besked;Dato;Hvad drejer det sig om?\r\n"
    'Mette Sørensen;Mette.Sorensen@GMAIL.com;22 33 44 55;"Skålen var revnet.\r\n'
    'Kan I sende en ny?";24.11.2026 10.15;Reklamation\r\n'
    ";;;;;\r\n"
    "Søren Ægidius;ikke-en-mail;;Hvornår kommer varen?;xx;Levering\r\n"
    ";;;kun tekst uden afsender;;\r\n"
    "Åse Øberg;aase@oberg.dk;+45 31 31 31 31;Tak for hurtig hjælp!;01.12.2026 08.00;Ros\r\n"
)

GOOGLE_FORMS = (
    "Timestamp,Email Address,Fulde navn,Telefonnummer,Beskriv problemet\n"
    "11/24/2026 10:15:02,sofie.lund@hotmail.com,Sofie Lund,28910455,Lampen blinker\n"
    '11/25/2026 14:01:40,kim@firma.dk,Kim Madsen,,"Faktura, forkert beløb"\n'
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_sniff_excel_danish_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    preview = sniff(write(tmp_path, "export.csv", EXCEL_DA, encoding))
    assert preview.delimiter == ";"
    assert preview.encoding == encoding
    assert preview.headers[0] == "Navn"
    assert preview.rows[0][0] == "Mette Sørensen"
    assert preview.rows[0][3] == "Skålen var revnet.\r\nKan I sende en ny?"


def test_sniff_tab_separated(tmp_path: Path) -> None:
    preview = sniff(write(tmp_path, "e.tsv", "Name\tEmail\tMessage\nA\ta@b.dk\thej\n"))
    assert preview.delimiter == "\t"
    assert preview.headers == ("Name", "Email", "Message")


def test_guess_mapping_danish_headers() -> None:
    mapping = guess_mapping(("Navn", "E-mail", "Telefon", "Besked", "Dato", "Hvad drejer det?"))
    assert mapping == ColumnMapping(
        name="Navn", email="E-mail", phone="Telefon", message="Besked", submitted_at="Dato",
        extra=("Hvad drejer det?",),
    )  # fmt: skip


def test_guess_mapping_google_forms_and_split_names() -> None:
    google = guess_mapping(("Timestamp", "Email Address", "Fulde navn", "Beskriv problemet"))
    assert (google.submitted_at, google.email, google.name, google.message) == (
        "Timestamp", "Email Address", "Fulde navn", "Beskriv problemet",
    )  # fmt: skip
    split = guess_mapping(("Fornavn", "Etternavn", "E-post", "Melding"))
    assert (split.name, split.last_name, split.email) == ("Fornavn", "Etternavn", "E-post")


def test_read_submissions_good_and_bad_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", EXCEL_DA, "cp1252")
    errors: list[RowError] = []
    rows = list(read_submissions(path, guess_mapping(sniff(path).headers), errors=errors))
    assert [r.name for r in rows] == ["Mette Sørensen", "Søren Ægidius", "Åse Øberg"]
    mette, soren, aase = rows
    assert mette.email == "mette.sorensen@gmail.com"
    assert mette.phone == "+4522334455"
    assert mette.line == 2
    assert mette.submitted_at == datetime(2026, 11, 24, 9, 15, tzinfo=UTC)
    assert ("Hvad drejer det sig om?", "Reklamation") in mette.fields
    assert soren.email is None and soren.submitted_at is None
    assert any("ikke-en-mail" in w for w in soren.warnings)
    assert aase.line == 7
    assert errors == [RowError(6, "no name, email or phone")]


def test_reimporting_the_same_file_gives_the_same_keys(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", GOOGLE_FORMS)
    mapping = guess_mapping(sniff(first).headers)
    keys = [r.row_key for r in read_submissions(first, mapping)]
    # A later export: rows in another order, an extra column the mapping does not use.
    lines = GOOGLE_FORMS.strip().split("\n")
    later = write(
        tmp_path,
        "b.csv",
        "\n".join([lines[0] + ",Ny kolonne", lines[2] + ",x", lines[1] + ",y"]) + "\n",
    )
    again = [r.row_key for r in read_submissions(later, guess_mapping(sniff(later).headers))]
    assert len(set(keys)) == 2
    assert sorted(again) == sorted(keys)


def test_duplicate_rows_in_one_file_are_yielded_once(tmp_path: Path) -> None:
    text = "Navn,E-mail,Besked\nA,a@b.dk,hej\nA,a@b.dk,hej\nA,a@b.dk,hej igen\n"
    path = write(tmp_path, "d.csv", text)
    rows = list(read_submissions(path, guess_mapping(sniff(path).headers)))
    assert [r.message for r in rows] == ["hej", "hej igen"]


def test_us_google_forms_dates_are_month_first(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", GOOGLE_FORMS)
    rows = list(read_submissions(path, guess_mapping(sniff(path).headers)))
    assert rows[0].submitted_at == datetime(2026, 11, 24, 9, 15, 2, tzinfo=UTC)
    assert rows[1].message == "Faktura, forkert beløb"


def test_parse_timestamp_formats() -> None:
    oslo = ZoneInfo("Europe/Oslo")
    assert parse_timestamp("2026-06-01T12:00:00Z", oslo) == datetime(2026, 6, 1, 12, tzinfo=UTC)
    assert parse_timestamp("01.06.2026 14.00", oslo) == datetime(2026, 6, 1, 12, tzinfo=UTC)
    assert parse_timestamp("2026-06-01 14:00", oslo) == datetime(2026, 6, 1, 12, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_timestamp("i går", oslo)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "blank"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel"),
        (b"mette@gmail.com;22334455;hej\nole@x.dk;;hej\n", "looks like data"),
    ],
)
def test_broken_files_name_what_is_wrong(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message) as caught:
        sniff(path)
    assert "broken.csv" in str(caught.value)


def test_mapping_naming_missing_columns_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", GOOGLE_FORMS)
    with pytest.raises(ImportFormatError, match="'E-mail'"):
        read_submissions(path, ColumnMapping(email="E-mail"))
    with pytest.raises(ImportFormatError, match="name, email or phone"):
        read_submissions(path, ColumnMapping(message="Beskriv problemet"))


def test_ragged_row_is_a_row_error_not_a_crash(tmp_path: Path) -> None:
    text = "Navn,E-mail\nA,a@b.dk\nB,b@b.dk,uventet,ekstra\nC,c@b.dk\n"
    path = write(tmp_path, "r.csv", text)
    errors: list[RowError] = []
    rows = list(read_submissions(path, guess_mapping(sniff(path).headers), errors=errors))
    assert [r.name for r in rows] == ["A", "C"]
    assert errors == [RowError(3, "4 values but 2 columns")]


def test_mapping_round_trips_through_a_dict() -> None:
    mapping = ColumnMapping(name="Navn", email="E-mail", extra=("Ordre", "Emne"))
    assert ColumnMapping.from_dict(mapping.as_dict()) == mapping
