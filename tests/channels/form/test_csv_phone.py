"""Phone columns in form CSV exports: recognised by their usual headers, kept as identities."""

from __future__ import annotations

from pathlib import Path

import pytest

from soloservice.channels.form.csv_import import RowError, read_submissions
from soloservice.channels.form.csv_mapping import guess_mapping
from tests.helpers.cli import run_json

GOOGLE_FORMS = (
    "Timestamp,Email address,Name,Phone number,Message\r\n"
    "2026/11/23 10:15:00,jens@example.dk,Jens Petersen,+45 20 00 00 00,Hvornår kommer pakken?\r\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "Phone number",
        "Telefon",
        "Telefonnummer",
        "Mobil",
        "Tlf.",
        "Phone",
        "Tlf. (valgfri)",
        "Phone number (optional)",
        "Mobilnr.",
        "Kontaktnummer",
        "Contact number",
    ],
)
def test_phone_headers_are_mapped(header: str) -> None:
    mapping = guess_mapping(["Navn", "E-mail", header, "Besked"])
    assert mapping.phone == header


def test_google_forms_headers_are_all_mapped() -> None:
    mapping = guess_mapping(["Timestamp", "Email address", "Name", "Phone number", "Message"])
    assert (mapping.name, mapping.email, mapping.phone, mapping.message, mapping.submitted_at) == (
        "Name",
        "Email address",
        "Phone number",
        "Message",
        "Timestamp",
    )


def test_a_possible_number_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_text(GOOGLE_FORMS, encoding="utf-8")
    errors: list[RowError] = []
    (row,) = read_submissions(
        path,
        guess_mapping(["Timestamp", "Email address", "Name", "Phone number", "Message"]),
        errors=errors,
    )
    assert errors == []
    assert row.phone == "+4520000000"
    assert any("stored anyway" in w for w in row.warnings)


def test_imported_form_phone_is_an_identity_and_a_call_finds_the_customer(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "kontakt.csv"
    path.write_text(GOOGLE_FORMS, encoding="utf-8")
    summary = run_json(capsys, "--data-dir", str(data_dir), "import", "form-csv", str(path))
    assert summary["new_inquiries"] == 1 and summary["warnings"]
    call = run_json(
        capsys, "--data-dir", str(data_dir), "log-call", "--phone", "20 00 00 00", "--note", "x"
    )
    assert call["customer"] == "Jens Petersen"
    kinds = {i["kind"] for i in call["customer_card"]["identities"]}
    assert kinds == {"email", "phone"}
