"""CLI: the weekly review (text, JSON, CSV, PDF) and the channel checklist."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import run, run_json


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data = tmp_path / "d"
    run_json(
        capsys,
        "--data-dir", str(data), "--create", "log-call", "--phone", "+45 20 12 34 56", "--name",
        "Mette Hansen", "--note", "Vasen kom i stykker", "--complaint", "--callback",
    )  # fmt: skip
    return data


def _this_week() -> str:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    iso = datetime.now(ZoneInfo("Europe/Copenhagen")).isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def test_review_json_has_stable_keys(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    week = _this_week()
    doc = run_json(capsys, "--data-dir", str(data), "review", "--week", week, "--json")
    assert doc["week"] == week and doc["schema"] == 1
    assert list(doc["channels"]) == [
        "email", "form", "phone", "facebook", "instagram", "x", "social", "total"
    ]  # fmt: skip
    phone = doc["channels"]["phone"]
    assert phone["received"]["value"] == 1 and phone["complaints"]["value"] == 1
    # The shop's only customer is the one who complained: nobody is left to be silent.
    assert phone["iceberg"] == {
        "low": 0, "high": 0, "estimate_low": 10, "estimate_high": 26,
        "customers_on_record": 1, "complaining_customers": 1, "bound": 0, "bounded": True,
    }  # fmt: skip
    assert phone["value_at_risk"]["value"] == 100_000
    assert phone["value_at_risk_default"]["value"] == 100_000
    assert phone["value_at_risk_known"] == {"value": 0.0, "inquiry_ids": []}
    assert set(doc["remedies"]) >= {"total_cost", "per_kind", "satisfied_percent"}


def test_review_default_is_the_last_full_week_as_text(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(data), "review")
    assert code == 0, err
    assert out.startswith("Weekly review ")
    assert "Received" in out and "Value at risk" in out and "total" in out


def test_review_csv_and_pdf_files(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    week = _this_week()
    target = tmp_path / "w.csv"
    code, _, err = run(capsys, "--data-dir", str(data), "review", "--week", week, "--csv",
                         str(target))  # fmt: skip
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("week,metric,email,")
    pdf = tmp_path / "w.pdf"
    code, _out, err = run(capsys, "--data-dir", str(data), "review", "--week", week, "--pdf",
                         str(pdf))  # fmt: skip
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5_000


@pytest.mark.parametrize("week", ["2026-W54", "last week", "2026-47"])
def test_a_bad_week_is_one_line_and_exit_2(
    data: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    code, out, err = run(capsys, "--data-dir", str(data), "review", "--week", week)
    assert code == 2
    assert out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("soloservice: error:")


def test_checklist_commands(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(data), "checklist")
    item = run_json(capsys, *base, "add", "Trustpilot", "--url", "https://trustpilot.com/x")
    assert item["name"] == "Trustpilot" and item["last_ticked_at"] is None
    listed = run_json(capsys, *base, "list", "--json")
    assert [(s["name"], s["kind"], s["flagged"]) for s in listed] == [
        ("Trustpilot", "manual", True)
    ]
    tick = run_json(capsys, *base, "tick", str(item["id"]), "--note", "all answered")
    assert tick["note"] == "all answered"
    listed = run_json(capsys, *base, "list", "--json")
    assert listed[0]["flagged"] is False and listed[0]["last_checked_or_synced"] == tick["at"]
    code, out, err = run(capsys, *base)
    assert code == 0 and "Trustpilot" in out and "never" not in out
    run_json(capsys, *base, "archive", str(item["id"]))
    assert run_json(capsys, *base, "list", "--json") == []
    code, out, err = run(capsys, *base, "tick", "999")
    assert code == 2 and "999" in err


def test_review_command_does_not_load_qt() -> None:
    code = (
        "import sys, soloservice.cli.review_cmds, soloservice.cli.main; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().lower()) is False
