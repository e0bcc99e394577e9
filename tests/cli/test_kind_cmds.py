"""``set-kind`` and ``sender`` through the CLI, on mail imported with ``import eml``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.services.registry import NOW_ENV
from tests.helpers.cli import run, run_json
from tests.helpers.eml import eml

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday 10:00 in Copenhagen


@pytest.fixture(autouse=True)
def _now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_ENV, "2026-11-23T11:00+01:00")


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> object:
    return run_json(capsys, "--data-dir", str(data_dir), *argv)


def import_eml(
    capsys: pytest.CaptureFixture[str], data_dir: Path, folder: Path, raw: bytes, name: str
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.eml").write_bytes(raw)
    cli(capsys, data_dir, "import", "eml", str(folder / f"{name}.eml"))


def test_set_kind_back_to_question_sticks_when_the_customer_writes_again(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    vase = eml(1, when=WHEN, subject="Min vase kom knust", body="Den var knust i pakken.")
    import_eml(capsys, data_dir, tmp_path / "a", vase, "vase")
    (case,) = cli(capsys, data_dir, "inbox", "--json")  # type: ignore[misc]
    assert case["kind"] == "complaint"
    shown = cli(capsys, data_dir, "show", str(case["id"]), "--json")
    assert isinstance(shown, dict)
    assert (shown["kind_source"], shown["kind_reason"]) == ("auto", "words: knust")
    code, out, _err = run(capsys, "--data-dir", str(data_dir), "show", str(case["id"]))
    assert code == 0 and "complaint noticed (words: knust)" in out

    changed = cli(capsys, data_dir, "set-kind", str(case["id"]), "question", "--json")
    assert changed == {
        "id": case["id"],
        "kind": "question",
        "old_kind": "complaint",
        "kind_source": "founder",
        "old_kind_source": "auto",
    }
    again = eml(
        2,
        when=WHEN.replace(hour=10),
        subject="Re: Min vase kom knust",
        body="Stadig knust, og jeg er skuffet.",
        in_reply_to="<m1@example.dk>",
    )
    import_eml(capsys, data_dir, tmp_path / "b", again, "again")
    shown = cli(capsys, data_dir, "show", str(case["id"]), "--json")
    assert isinstance(shown, dict)
    assert (shown["kind"], shown["kind_source"]) == ("question", "founder")
    assert len(shown["messages"]) == 2


def test_set_kind_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    import_eml(capsys, data_dir, tmp_path, eml(1, when=WHEN), "q")
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "set-kind", "99", "praise")
    assert code == 2 and err.strip() == "soloservice: error: no inquiry with id 99"
    with pytest.raises(SystemExit) as exc:
        run(capsys, "--data-dir", str(data_dir), "set-kind", "1", "rant")
    assert exc.value.code == 2
    code, out, _err = run(capsys, "--data-dir", str(data_dir), "set-kind", "1", "praise")
    assert code == 0 and out.strip() == "#1: question -> praise"


def test_sender_spam_moves_the_sender_to_automatic_mail_and_clear_brings_it_back(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    spam = eml(1, when=WHEN, sender="Deals <deals@spam.example>", subject="Cheap watches")
    import_eml(capsys, data_dir, tmp_path / "a", spam, "spam")
    (case,) = cli(capsys, data_dir, "inbox", "--json")  # type: ignore[misc]
    marked = cli(capsys, data_dir, "sender", "spam", str(case["id"]), "--json")
    assert marked == {
        "customer_id": case["customer_id"],
        "sender_verdict": "spam",
        "old_sender_verdict": "",
        "inquiries": [
            {
                "id": case["id"],
                "automatic_reason": "you marked this sender as spam",
                "old_automatic_reason": "",
            }
        ],
    }
    assert cli(capsys, data_dir, "inbox", "--json") == []
    automatic = cli(capsys, data_dir, "inbox", "--view", "automatic", "--json")
    assert [r["id"] for r in automatic] == [case["id"]]  # type: ignore[union-attr]
    later = eml(2, when=WHEN.replace(hour=9, minute=30), sender="deals@spam.example")
    import_eml(capsys, data_dir, tmp_path / "b", later, "later")
    assert cli(capsys, data_dir, "inbox", "--json") == []

    cleared = cli(
        capsys, data_dir, "sender", "clear", str(case["customer_id"]), "--customer", "--json"
    )
    assert isinstance(cleared, dict) and cleared["sender_verdict"] == ""
    assert len(cleared["inquiries"]) == 2  # both back, promised again
    assert len(cli(capsys, data_dir, "inbox", "--json")) == 2  # type: ignore[arg-type]


def test_sender_customer_takes_a_newsletter_filter_mistake_back(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    shop = eml(1, when=WHEN, sender="noreply@webshop.example", subject="Ordre 12: varen er defekt")
    import_eml(capsys, data_dir, tmp_path, shop, "shop")
    assert cli(capsys, data_dir, "inbox", "--json") == []
    (case,) = cli(capsys, data_dir, "inbox", "--view", "automatic", "--json")  # type: ignore[misc]
    code, out, _err = run(
        capsys, "--data-dir", str(data_dir), "sender", "customer", str(case["id"])
    )
    assert code == 0 and f"#{case['id']}: not automatic" in out
    (back,) = cli(capsys, data_dir, "inbox", "--json")  # type: ignore[misc]
    assert back["id"] == case["id"] and back["due_at"] is not None
