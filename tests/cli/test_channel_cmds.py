"""The form, social, capture and customer commands, run in-process."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest

from soloservice.channels.form.builtin_rules import SAMPLE_MAILS
from soloservice.cli import channel_cmds
from soloservice.cli.main import build_parser
from soloservice.paths import database_path
from tests.helpers.cli import run, run_json
from tests.helpers.fake_social_api import TOKEN, FakeSocialApi
from tests.helpers.social_exports import facebook_files, write_folder
from tests.services.test_forms import EXCEL_CSV, eml


def counts(data_dir: Path) -> tuple[int, ...]:
    with sqlite3.connect(database_path(data_dir)) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("customer", "inquiry", "message", "import_key", "csv_mapping")
        )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()  # a --data-dir that does not exist is refused (issue 11)
    return tmp_path / "data"


def test_import_form_csv_is_idempotent_and_broken_files_exit_2(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "kontakt.csv"
    csv_path.write_bytes(EXCEL_CSV.encode("cp1252"))
    first = run_json(capsys, "--data-dir", str(data), "import", "form-csv", str(csv_path),
                     "--form", "Kontakt")  # fmt: skip
    assert (first["new_inquiries"], first["duplicates"], len(first["errors"])) == (3, 0, 1)
    again = run_json(capsys, "--data-dir", str(data), "import", "form-csv", str(csv_path),
                     "--mapping", "Kontakt")  # fmt: skip
    assert (again["new_inquiries"], again["duplicates"]) == (0, 3)
    before = counts(data)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"PK\x03\x04 not really a csv")
    code, out, err = run(capsys, "--data-dir", str(data), "import", "form-csv", str(broken))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "broken.csv is an Excel workbook" in err
    assert counts(data) == before


def test_import_facebook_and_a_broken_export(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_folder(tmp_path / "fb", facebook_files())
    summary = run_json(capsys, "--data-dir", str(data), "import", "facebook", str(export))
    assert (summary["new_inquiries"], summary["added"]) == (2, 3)
    assert (
        run_json(capsys, "--data-dir", str(data), "import", "facebook", str(export))["duplicates"]
        == 3
    )
    before = counts(data)
    code, _out, err = run(capsys, "--data-dir", str(data), "import", "x", str(export))
    assert code == 2 and "no data/direct-messages.js found" in err
    assert len(err.strip().splitlines()) == 1
    assert counts(data) == before


def test_form_rules_add_test_and_remove(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ("--data-dir", str(data), "form-rule")
    added = run_json(capsys, *base, "add", "Tally kontakt", "--sender", "*@tally.so",
                     "--field", "Tlf.=phone", "--form-name", "Kontakt os")  # fmt: skip
    assert added["name"] == "Tally kontakt"
    rules = run_json(capsys, *base, "list")
    assert rules[0]["name"] == "Tally kontakt" and not rules[0]["builtin"]
    mail = tmp_path / "tally.eml"
    mail.write_bytes(eml(SAMPLE_MAILS["Tally"]))
    tested = run_json(capsys, *base, "test", str(mail))
    assert tested["rule"] == "Tally kontakt"
    assert tested["submission"]["form_name"] == "Kontakt os"
    assert tested["submission"]["email"] == "peter@friis-vvs.dk"
    code, out, _ = run(capsys, *base, "test", str(mail), "--rule", "Formspree")
    assert code == 1 and json.loads(out)["submission"] is None
    run_json(capsys, *base, "remove", "Tally kontakt")
    code, _, err = run(capsys, *base, "remove", "Tally kontakt")
    assert code == 2 and "no form rule named" in err


def test_social_accounts_poll_against_the_local_api(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_X_TOKEN", TOKEN)
    events = [
        {"id": "101", "event_type": "MessageCreate", "text": "Min ordre?", "sender_id": "5678",
         "created_at": "2026-11-24T09:15:00.000Z", "dm_conversation_id": "1234-5678"},
    ]  # fmt: skip
    with FakeSocialApi(x_events=events) as api:
        base = ("--data-dir", str(data), "social")
        run_json(capsys, *base, "add", "shop-x", "--platform", "x", "--account-ref", "1234",
                 "--token-env", "SHOP_X_TOKEN", "--base-url", api.base_url)  # fmt: skip
        (listed,) = run_json(capsys, *base, "list")
        assert listed["token_env"] == "SHOP_X_TOKEN" and TOKEN not in json.dumps(listed)
        (polled,) = run_json(capsys, *base, "poll")
        assert polled["ok"] and polled["new_inquiries"] == 1
        api.mode = "expired"
        code, out, _ = run(capsys, *base, "poll", "shop-x")
        assert code == 1 and json.loads(out)[0]["error"] == "token expired — renew it"
    run_json(capsys, *base, "remove", "shop-x")
    assert run_json(capsys, *base, "list") == []


def test_capture_suggest_merge_unmerge(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(data))
    first = run_json(capsys, *base, "capture", "--platform", "instagram", "--handle",
                     "@mette.keramik", "--name", "Mette Sørensen",
                     "--text", "Er skålen på lager?")  # fmt: skip
    second = run_json(capsys, *base, "capture", "--platform", "email", "--handle",
                      "mette@gmail.com", "--name", "Mette Sorensen", "--text", "Hej igen",
                      "--source", "Trustpilot")  # fmt: skip
    assert "source:Trustpilot" in second["tags"]
    (suggestion,) = run_json(capsys, *base, "customer", "suggest", str(first["customer_id"]))
    assert suggestion["customer_id"] == second["customer_id"]
    assert suggestion["reasons"] == ["same name"]
    merged = run_json(capsys, *base, "customer", "merge", str(first["customer_id"]),
                      str(second["customer_id"]))  # fmt: skip
    assert (merged["identities"], merged["inquiries"]) == (1, 1)
    undone = run_json(capsys, *base, "customer", "unmerge", str(merged["id"]))
    assert undone["undone_at"] is not None
    code, _, err = run(capsys, *base, "customer", "unmerge", str(merged["id"]))
    assert code == 2 and "undone already" in err
    code, _, err = run(capsys, *base, "capture", "--platform", "tiktok", "--text", "x",
                       "--name", "A")  # fmt: skip
    assert code == 2 and "unknown channel" in err


def test_other_modules_can_add_import_sources(capsys: pytest.CaptureFixture[str]) -> None:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("path")

    channel_cmds.add_import_source("test-kind", configure, lambda s, a: 0, help="for the test")
    try:
        parser, commands = build_parser()
        args = parser.parse_args(["import", "test-kind", "somewhere"])
        assert args.source == "test-kind" and args.path == "somewhere"
        assert "import" in commands
        with pytest.raises(ValueError, match="twice"):
            channel_cmds.add_import_source("test-kind", configure, lambda s, a: 0)
    finally:
        del channel_cmds.IMPORT_SOURCES["test-kind"]


def test_customer_opt_out_stops_surveys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "optout")
    (tmp_path / "optout").mkdir()
    call = run_json(
        capsys, "--data-dir", data, "log-call", "--phone", "+45 20 12 34 56", "--name", "Ole",
        "--note", "Tak",
    )  # fmt: skip
    customer_id = call["customer_card"]["id"]
    shown = run_json(capsys, "--data-dir", data, "customer", "opt-out", str(customer_id))
    assert shown == {"id": customer_id, "name": "Ole", "opted_out": True}
    card = run_json(capsys, "--data-dir", data, "customer", "show", str(customer_id))
    assert card["opted_out"] is True
    (survey,) = run_json(capsys, "--data-dir", data, "followups", "--json")
    assert survey["status"] == "skipped"
    undone = run_json(capsys, "--data-dir", data, "customer", "opt-out", str(customer_id), "--undo")
    assert undone["opted_out"] is False


def test_customer_edit_and_identities(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "edit")
    (tmp_path / "edit").mkdir()
    call = run_json(
        capsys, "--data-dir", data, "log-call", "--phone", "+45 20 12 34 56", "--name", "Ole",
        "--note", "Tak",
    )  # fmt: skip
    cid = str(call["customer_card"]["id"])
    card = run_json(
        capsys, "--data-dir", data, "customer", "edit", cid, "--annual-value", "30000",
        "--years", "3", "--language", "nb",
    )  # fmt: skip
    assert (card["lifetime_value"], card["language"]) == (90_000, "nb")
    card = run_json(capsys, "--data-dir", data, "customer", "edit", cid, "--years", "default")
    assert card["expected_years"] is None and card["lifetime_value"] == 150_000
    card = run_json(
        capsys, "--data-dir", data, "customer", "add-identity", cid, "email", "Ole@Example.no"
    )
    assert "ole@example.no" in [i["value"] for i in card["identities"]]
    code, _out, err = run(capsys, "--data-dir", data, "customer", "edit", cid, "--years", "x")
    assert code == 2 and "not a number" in err
