"""The customer's language guessed on first contact, through the composed app (the CLI)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from tests.helpers.cli import run, run_json

NORWEGIAN = (
    "Ola Nordmann <ola@firma.no>",
    "Pakken min",
    "Hei, jeg har ikke mottatt pakken min ennå. Kan dere sjekke?",
)
DANISH = (
    "Mette Hansen <mette@gmail.com>",
    "Min pakke",
    "Hej, jeg har endnu ikke modtaget min pakke. Kan I tjekke det?",
)
ENGLISH = (
    "John Smith <john@example.com>",
    "My parcel",
    "Hi, I still haven't received my parcel. Could you check where it is?",
)


def write_eml(folder: Path, sender: str, subject: str, text: str) -> Path:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "kontakt@hyggekeramik.dk"
    mail["Subject"] = subject
    mail["Date"] = format_datetime(datetime(2026, 11, 23, 18, 30, tzinfo=UTC))
    mail["Message-ID"] = make_msgid(domain="example.org")
    mail.set_content(text)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{len(list(folder.iterdir()))}.eml"
    path.write_bytes(mail.as_bytes())
    return path


def customer_of(capsys: pytest.CaptureFixture[str], data: Path, inquiry_id: int) -> dict:
    detail = run_json(capsys, "--data-dir", str(data), "show", str(inquiry_id), "--json")
    card_id = detail["customer_card"]["id"]
    return run_json(capsys, "--data-dir", str(data), "customer", "show", str(card_id), "--json")


def import_one(capsys: pytest.CaptureFixture[str], data: Path, tmp: Path, mail: tuple) -> int:
    path = write_eml(tmp, *mail)
    summary = run_json(capsys, "--data-dir", str(data), "import", "eml", str(path))
    assert summary["new_inquiries"] == 1, summary
    rows = run_json(capsys, "--data-dir", str(data), "inbox", "--json")
    return max(row["id"] for row in rows)


@pytest.mark.parametrize(
    ("mail", "language", "reason"),
    [
        (NORWEGIAN, "nb", "text, .no address"),
        (DANISH, "da", "text"),
        (ENGLISH, "en", "text"),
    ],
)
def test_first_mail_guesses_the_language_with_a_reason(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    mail: tuple,
    language: str,
    reason: str,
) -> None:
    inquiry = import_one(capsys, data_dir, tmp_path / "mails", mail)
    card = customer_of(capsys, data_dir, inquiry)
    assert (card["language"], card["language_source"]) == (language, "guess")
    assert card["language_reason"] == reason


def test_the_founders_choice_survives_later_mail(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "kunder.csv"
    csv.write_text("Navn;E-mail\nOla Nordmann;ola@firma.no\n", encoding="utf-8")
    run_json(capsys, "--data-dir", str(data_dir), "import", "customers-csv", str(csv))
    card = run_json(capsys, "--data-dir", str(data_dir), "customer", "show", "1")
    assert (card["language"], card["language_source"]) == ("nb", "guess")  # .no address
    edited = run_json(
        capsys, "--data-dir", str(data_dir), "customer", "edit", "1", "--language", "en"
    )
    assert (edited["language"], edited["language_source"]) == ("en", "founder")
    # Their first mail, in Norwegian, would have been a first-contact guess: it is not.
    inquiry = import_one(capsys, data_dir, tmp_path / "mails", NORWEGIAN)
    card = customer_of(capsys, data_dir, inquiry)
    assert card["id"] == 1
    assert (card["language"], card["language_source"], card["language_reason"]) == (
        "en",
        "founder",
        "",
    )


def test_an_imported_customers_first_mail_refines_the_address_guess(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "kunder.csv"
    csv.write_text("Navn;E-mail\nJohn Smith;john@firma.dk\n", encoding="utf-8")
    run_json(capsys, "--data-dir", str(data_dir), "import", "customers-csv", str(csv))
    sender = ("John Smith <john@firma.dk>", ENGLISH[1], ENGLISH[2])
    inquiry = import_one(capsys, data_dir, tmp_path / "mails", sender)
    card = customer_of(capsys, data_dir, inquiry)
    assert (card["language"], card["language_source"], card["language_reason"]) == (
        "en",
        "guess",
        "text",
    )


def test_a_call_uses_only_the_phone_country(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    # The note is the founder's Danish, the caller Norwegian: only +47 counts.
    detail = run_json(
        capsys,
        "--data-dir",
        str(data_dir),
        "log-call",
        "--phone",
        "+47 412 34 567",
        "--note",
        "Kunden ringede om en knust vase og vil have pengene tilbage",
    )
    card = detail["customer_card"]
    assert (card["language"], card["language_reason"]) == ("nb", "+47 phone")


def test_the_classifier_is_not_imported_at_start_up() -> None:
    code = (
        "import sys, soloservice.cli.main, soloservice.services.registry;"
        "sys.exit('py3langid' in sys.modules or 'numpy' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_log_call_help_mentions_inquiry(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "log-call", "--help")
    assert "--inquiry" in capsys.readouterr().out
