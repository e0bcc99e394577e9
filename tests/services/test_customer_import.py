"""Importing the customer base from a shop or accounting export, idempotently."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.services.customer_import import CustomerImportService, parse_amount
from soloservice.services.dto import CustomerCard
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services
from tests.helpers.cli import run, run_json
from tests.helpers.factories import email_inquiry

DANISH_EXPORT = (
    "Navn;E-mail;Telefon;Årlig omsætning;Kunde siden\r\n"
    "Mette Hansen;Mette@Example.dk;20 12 34 56;20.000,00;15.03.2019\r\n"
    "Kari Nordmann;kari@example.no;+47 912 34 567;kr. 4.500,-;2021-06-01\r\n"
    "Ole Jensen;;+45 30 30 30 30;125000;\r\n"
    "Ingen Kontakt;;;1000;\r\n"
    "Forkert Mail;ikke-en-mail;;;\r\n"
)


def write(tmp_path: Path, text: str, name: str = "kunder.csv", encoding: str = "cp1252") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def customers(services: Services) -> list[CustomerCard]:
    return services.customers.all()


def test_import_creates_customers_and_a_second_run_changes_nothing(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, DANISH_EXPORT)
    importer = CustomerImportService(services.ctx)
    summary = importer.import_customers_csv(path)
    assert (summary.rows, summary.created, summary.updated, summary.skipped) == (5, 3, 0, 0)
    assert summary.errors == (
        "line 5: no email or phone number to recognise the customer by",
        "line 6: not an email address: 'ikke-en-mail'",
    )
    mette, kari, ole = customers(services)
    assert (mette.name, mette.language, mette.annual_value) == ("Mette Hansen", "da", 20_000.0)
    assert mette.customer_since == datetime(2019, 3, 14, 23, 0, tzinfo=UTC)  # local midnight
    assert (kari.language, kari.annual_value) == ("nb", 4_500.0)
    assert ole.annual_value == 125_000.0 and ole.customer_since is None
    identities = {(i.kind, i.value) for c in (mette, kari, ole) for i in c.identities}
    assert ("email", "mette@example.dk") in identities
    assert ("phone", "+4520123456") in identities and ("phone", "+4791234567") in identities

    again = importer.import_customers_csv(path)
    assert (again.created, again.updated, again.skipped) == (0, 0, 3)
    assert len(customers(services)) == 3


def test_existing_customers_are_matched_by_email_or_phone_and_updated(
    services: Services, tmp_path: Path
) -> None:
    inquiry_id = email_inquiry(services, name="", email="mette@example.dk")
    before = services.inquiries.get(inquiry_id).customer
    path = write(
        tmp_path,
        "Name,Email,Phone,Annual revenue,Customer since\n"
        'Mette Hansen,mette@example.dk,+4520123456,"20,000.00",2019-03-15\n',
        encoding="utf-8",
    )
    summary = CustomerImportService(services.ctx).import_customers_csv(path)
    assert (summary.created, summary.updated) == (0, 1)
    (mette,) = customers(services)
    assert mette.id == before.id and mette.annual_value == 20_000.0
    assert mette.name == "Mette Hansen"  # filled in where the mail gave none
    # matched by phone alone in the next export, with a higher revenue
    path2 = write(tmp_path, "Navn;Tlf;Omsætning\nMette H.;20123456;25.000\n", name="b.csv")
    assert CustomerImportService(services.ctx).import_customers_csv(path2).updated == 1
    (mette,) = customers(services)
    assert mette.annual_value == 25_000.0 and mette.name == "Mette Hansen"


def test_email_and_phone_of_two_different_customers_is_reported(
    services: Services, tmp_path: Path
) -> None:
    email_inquiry(services, name="Mette", email="mette@example.dk")
    email_inquiry(services, name="Ole", email="ole@example.dk", message_id=None)
    importer = CustomerImportService(services.ctx)
    importer.import_customers_csv(
        write(tmp_path, "Navn;Email;Telefon\nOle;ole@example.dk;30303030\n")
    )
    summary = importer.import_customers_csv(
        write(tmp_path, "Navn;Email;Telefon\nMette;mette@example.dk;30303030\n", name="c.csv")
    )
    assert summary.errors and "belong to two different customers" in summary.errors[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 excel", "Excel workbook"),
        (b"", "is empty"),
        (b"Navn;Adresse\nMette;Vej 1\n", "no email or phone column"),
        (b"%PDF-1.4 binary", "binary file"),
    ],
)
def test_a_broken_file_is_refused_and_nothing_is_stored(
    services: Services, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "kunder.csv"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        CustomerImportService(services.ctx).import_customers_csv(path)
    assert customers(services) == []


def test_missing_file(services: Services, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"nope\.csv"):
        CustomerImportService(services.ctx).import_customers_csv(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("20.000,00", 20_000.0),
        ("20,000.50", 20_000.5),
        ("20 000 kr", 20_000.0),
        ("kr. 1.250,-", 1_250.0),
        ("199,95", 199.95),
        ("20,000", 20_000.0),
        ("20.000", 20_000.0),
        ("DKK 1.234.567", 1_234_567.0),
        ("3.5", 3.5),
    ],
)
def test_amounts_as_exports_write_them(raw: str, value: float) -> None:
    assert parse_amount(raw) == pytest.approx(value)


def test_a_possible_but_unknown_number_is_imported_with_a_warning(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "Navn;Telefon\r\nNy Kunde;+45 20 00 00 00\r\nForkert;12\r\n")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "customers-csv", str(path))
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["created"], len(summary["errors"])) == (1, 1)
    assert summary["errors"][0].startswith("line 3:")
    assert summary["warnings"] and summary["warnings"][0].startswith("line 2:")
    assert "warning" in err and "+45 20 00 00 00" in err
    call = run_json(
        capsys, "--data-dir", str(data_dir), "log-call", "--phone", "20000000", "--note", "hej"
    )
    assert call["customer_card"]["name"] == "Ny Kunde"
    assert call["customer_card"]["language_reason"] == "+45 phone"


def test_language_column_is_the_founders_and_a_guess_says_why(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, "Navn;E-mail;Sprog\r\nKari;kari@firma.no;\r\nJohn;john@firma.no;en\r\n")
    CustomerImportService(services.ctx).import_customers_csv(path)
    kari, john = customers(services)
    assert (kari.language, kari.language_source, kari.language_reason) == (
        "nb",
        "guess",
        ".no address",
    )
    assert (john.language, john.language_source) == ("en", "founder")
