"""CLI: follow-ups, the pulse, remedies and the customer import, over a real data directory."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.cli import run, run_json
from tests.helpers.factories import add_account, email_inquiry, phone_inquiry, resolve


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A mail and a phone complaint, resolved ten days ago: both checks are due now."""
    path = tmp_path / "d"
    path.mkdir()
    monkeypatch.setenv(NOW_ENV, (datetime.now(UTC) - timedelta(days=10)).isoformat())
    services = Services.open(path)
    try:
        add_account(services)
        for inquiry_id in (email_inquiry(services), phone_inquiry(services)):
            assert resolve(services, inquiry_id).status == "scheduled"
    finally:
        services.close()
    monkeypatch.delenv(NOW_ENV)  # the commands run now, when the checks are due
    yield path


def test_followups_list_send_and_record(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ("--data-dir", str(data))
    due = run_json(capsys, *d, "followups", "--due", "--json")
    assert [(f["channel"], f["by_mail"], f["status"]) for f in due] == [
        ("email", True, "scheduled"),
        ("phone", False, "scheduled"),
    ]
    code, out, err = run(capsys, *d, "followups")
    assert code == 0, err
    assert "phone (ask)" in out and "Mette Hansen" in out

    sent = run_json(capsys, *d, "followups", "send", "--no-send")
    assert (sent["queued"], sent["in_person"]) == (1, 1) and "outbox" not in sent
    (phone_check,) = run_json(capsys, *d, "followups", "--due", "--json")
    assert phone_check["channel"] == "phone"

    answer = run_json(
        capsys, *d, "followups", "record", str(phone_check["id"]), "--satisfied", "nej",
        "--score", "3", "--comment", "Vasen kom i stykker igen",
    )  # fmt: skip
    assert answer["status"] == "answered" and answer["satisfied"] is False
    assert answer["closed_loop_inquiry_id"] == phone_check["inquiry_id"]
    assert "24 hours" in answer["reason"]
    shown = run_json(capsys, *d, "show", str(phone_check["inquiry_id"]), "--json")
    assert shown["status"] == "open"
    asked = run_json(capsys, *d, "followups", "--status", "asked", "--json")
    assert [a["channel"] for a in asked] == ["email"]


def test_skip_and_unskip(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ("--data-dir", str(data))
    first = run_json(capsys, *d, "followups", "--json")[-1]
    skipped = run_json(capsys, *d, "followups", "skip", str(first["inquiry_id"]))
    assert skipped["status"] == "skipped" and "chose not to ask" in skipped["skip_reason"]
    back = run_json(capsys, *d, "followups", "skip", str(first["inquiry_id"]), "--undo")
    assert back["status"] == "scheduled"


def test_pulse_propose_send_report(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ("--data-dir", str(data))
    proposal = run_json(capsys, *d, "pulse", "propose", "--json")
    # Mette has a follow-up check scheduled: the shared rest period keeps her out; Ole has no mail
    assert proposal == []
    imported = tmp_csv(data, "Navn;E-mail;Omsætning\nAnna;anna@example.dk;30.000\n")
    assert run_json(capsys, *d, "import", "customers-csv", str(imported))["created"] == 1
    (anna,) = run_json(capsys, *d, "pulse", "propose", "--json")
    assert anna["name"] == "Anna" and anna["lifetime_value"] == 150_000.0
    code, out, _err = run(capsys, *d, "pulse", "propose")
    assert code == 0 and "Anna" in out and "150.000 kr" in out
    sent = run_json(capsys, *d, "pulse", "send", "--no-send")
    assert sent["queued"] == 1
    assert run_json(capsys, *d, "pulse", "propose", "--json") == []
    again = run_json(capsys, *d, "pulse", "send", "--no-send", "--ids", str(anna["customer_id"]))
    assert again["queued"] == 0 and "rest period" in again["skip_reasons"][0]
    report = run_json(capsys, *d, "pulse", "report", "--json")
    assert len(report["months"]) == 12 and report["asked"] == 1 and report["answers"] == 0
    code, out, _err = run(capsys, *d, "pulse", "report", "--months", "3")
    assert code == 0 and out.count("NPS") == 4


def tmp_csv(data: Path, text: str) -> Path:
    path = data.parent / "kunder.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_remedies_and_customer_import(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ("--data-dir", str(data))
    first = run_json(capsys, *d, "followups", "--json")[-1]
    inquiry = str(first["inquiry_id"])
    added = run_json(
        capsys, *d, "remedy", "add", inquiry, "--kind", "express_shipping", "--cost", "150",
        "--note", "GLS Express",
    )  # fmt: skip
    assert added["kind"] == "express_shipping" and added["cost"] == 150.0
    run_json(capsys, *d, "remedy", "add", inquiry, "--kind", "gift", "--cost", "100,50")
    code, out, err = run(capsys, *d, "remedy", "list", inquiry)
    assert code == 0, err
    assert "remedy 250 kr — customer worth 100.000 kr" in out and "GLS Express" in out
    listed = run_json(capsys, *d, "remedy", "list", inquiry, "--json")
    assert listed["total_cost"] == 250.5 and len(listed["remedies"]) == 2
    assert run_json(capsys, *d, "remedy", "remove", str(added["id"]))["removed"] == added["id"]

    path = tmp_csv(data, "Name,Email,Phone,Annual revenue\nMette Hansen,mette@example.dk,,50000\n")
    result = run_json(capsys, *d, "import", "customers-csv", str(path))
    assert (result["created"], result["updated"]) == (0, 1)
    assert run_json(capsys, *d, "import", "customers-csv", str(path))["skipped"] == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["followups", "record", "1", "--satisfied", "maybe"], "--satisfied takes yes or no"),
        (["followups", "record", "1", "--score", "11"], "0-10, not 11"),
        (["followups", "record", "1"], "needs --satisfied"),
        (["followups", "record", "x", "--score", "3"], "not an id"),
        (["followups", "record", "99", "--score", "3"], "no follow-up or survey with id 99"),
        (["followups", "classify", "1", "--satisfied", "yes"], "only unclear answers"),
        (["followups", "--status", "later"], "unknown status"),
        (["followups", "send", "--account", "nope"], "no mail account named 'nope'"),
        (["pulse", "send", "--ids", "999"], "no customer with id 999"),
        (["pulse", "report", "--months", "0"], "at least 1"),
        (["remedy", "add", "1", "--kind", "bribe", "--cost", "5"], "unknown remedy kind"),
        (["remedy", "add", "1", "--kind", "gift", "--cost", "-5"], "cannot be negative"),
        (["remedy", "add", "1", "--cost", "5"], "needs --kind"),
        (["remedy", "list", "999"], "no inquiry with id 999"),
        (["import", "customers-csv", "/nonexistent/kunder.csv"], "kunder.csv"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    data: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _out, err = run(capsys, "--data-dir", str(data), *argv)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1
    assert message in err
