"""CLI: promise explanations, acknowledgements and templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import run, run_json


@pytest.fixture
def call_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int]:
    data = tmp_path / "d"
    detail = run_json(
        capsys,
        "--data-dir", str(data), "--create", "log-call", "--phone", "+45 20 12 34 56", "--name",
        "Mette Hansen", "--note", "Vasen kom i stykker", "--complaint", "--callback",
    )  # fmt: skip
    return data, int(detail["id"])


def test_promise_explains_the_hours_counted(
    call_dir: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data, inquiry = call_dir
    code, out, err = run(capsys, "--data-dir", str(data), "promise", str(inquiry))
    assert code == 0, err
    assert "Promise: 4h of business hours." in out
    assert "Due " in out
    doc = run_json(capsys, "--data-dir", str(data), "promise", str(inquiry), "--json")
    assert doc["promise_hours"] == 4
    assert sum(step["counted_hours"] for step in doc["steps"]) == pytest.approx(4)
    assert doc["computed_due_at"] == doc["due_at"]


def test_acknowledge_drafts_in_the_customers_language_and_records(
    call_dir: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data, inquiry = call_dir
    draft = run_json(capsys, "--data-dir", str(data), "acknowledge", str(inquiry))
    assert "vender tilbage senest" in draft["body"]
    assert draft["recorded"] is False
    run_json(capsys, "--data-dir", str(data), "acknowledge", str(inquiry), "--record")
    shown = run_json(capsys, "--data-dir", str(data), "show", str(inquiry), "--json")
    assert shown["messages"][-1]["text"] == draft["body"].strip()
    assert shown["first_response_at"] is None


def test_template_list_and_render(
    call_dir: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data, inquiry = call_dir
    listed = run_json(capsys, "--data-dir", str(data), "template", "list", "--json")
    assert {row["language"] for row in listed} == {"da", "nb", "en"}
    rendered = run_json(
        capsys, "--data-dir", str(data), "template", "render", "apology", "--inquiry",
        str(inquiry), "--language", "en", "--json",
    )  # fmt: skip
    assert rendered["subject"].endswith(f"[#{inquiry}]")
    assert "Mette" in rendered["body"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["promise", "999"], "no inquiry with id 999"),
        (["template", "render", "ack"], "--inquiry"),
        (["template", "render", "nope", "--inquiry", "1"], "no template"),
        (["template", "list", "--language", "sv"], "unknown language"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    call_dir: tuple[Path, int], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    data, _ = call_dir
    code, _out, err = run(capsys, "--data-dir", str(data), *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert message in err
