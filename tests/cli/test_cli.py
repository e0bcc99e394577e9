"""The scripting CLI, run in-process through ``main(argv)`` and as a real subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from soloservice.cli import main
from soloservice.paths import database_path
from tests.helpers.cli import run, run_json


def table_counts(data_dir: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(database_path(data_dir)) as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("customer", "inquiry", "message", "inquiry_event")
        )


@pytest.fixture
def demo_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo"
    run_json(capsys, "--data-dir", str(path), "demo", "--count", "150")
    return path


# -- demo ---------------------------------------------------------------------------------------


def test_demo_prints_a_summary_and_fills_every_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "d"), "demo", "--count", "250")
    assert code == 0
    assert len(out.strip().splitlines()) == 1
    summary = json.loads(out)
    assert summary["inquiries"] == 250
    assert set(summary["by_channel"]) == {"email", "form", "phone", "facebook", "instagram", "x"}
    assert set(summary["by_status"]) == {"new", "open", "waiting", "resolved", "closed"}
    assert set(summary["by_language"]) == {"da", "nb", "en"}
    assert summary["snoozed"] > 0
    assert table_counts(tmp_path / "d")[1] == 250


def test_demo_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run_json(capsys, "--data-dir", str(tmp_path / "a"), "demo", "--count", "120")
    second = run_json(capsys, "--data-dir", str(tmp_path / "b"), "demo", "--count", "120")
    for key in ("customers", "identities", "messages", "by_channel", "by_status", "by_language"):
        assert first[key] == second[key]
    with (
        sqlite3.connect(database_path(tmp_path / "a")) as a,
        sqlite3.connect(database_path(tmp_path / "b")) as b,
    ):
        query = "SELECT id, customer_id, channel, subject, kind, status FROM inquiry ORDER BY id"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_demo_refuses_a_store_with_inquiries_unless_forced(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = table_counts(demo_dir)
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "demo", "--count", "10")
    assert code == 2 and out == ""
    assert err.startswith("soloservice: error: ") and err.count("\n") == 1
    assert table_counts(demo_dir) == before
    forced = run_json(capsys, "--data-dir", str(demo_dir), "demo", "--count", "10", "--force")
    assert forced["inquiries"] == 10
    assert table_counts(demo_dir)[1] == before[1] + 10


# -- inbox ----------------------------------------------------------------------------------------


def test_inbox_json_shape(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = run_json(capsys, "--data-dir", str(demo_dir), "inbox", "--json")
    assert rows
    required = {"id", "channel", "customer", "subject", "kind", "status", "received_at"}
    for row in rows:
        assert required | {"due_at", "overdue"} <= row.keys()
        assert row["status"] in ("new", "open", "waiting")
        assert datetime.fromisoformat(row["received_at"]).utcoffset() is not None
        assert row["due_at"] is None or datetime.fromisoformat(row["due_at"]).tzinfo
        assert isinstance(row["overdue"], bool)
    with sqlite3.connect(database_path(demo_dir)) as conn:
        open_now = conn.execute(
            "SELECT count(*) FROM inquiry WHERE status IN ('new','open','waiting') "
            "AND (snoozed_until IS NULL OR snoozed_until <= datetime('now')) "
            "AND automatic_reason = ''"
        ).fetchone()[0]
    assert len(rows) == open_now


def test_inbox_filters(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(demo_dir), "inbox", "--json")
    social = run_json(capsys, *base, "--channel", "social")
    assert social and {r["channel"] for r in social} <= {"facebook", "instagram", "x"}
    facebook = run_json(capsys, *base, "--channel", "facebook")
    assert [r for r in social if r["channel"] == "facebook"] == facebook
    waiting = run_json(capsys, *base, "--status", "waiting")
    assert waiting and {r["status"] for r in waiting} == {"waiting"}
    overdue = run_json(capsys, *base, "--overdue")
    assert overdue and all(r["overdue"] and r["needs_reply"] for r in overdue)
    needs_reply = run_json(capsys, *base, "--needs-reply")
    assert {r["id"] for r in overdue} < {r["id"] for r in needs_reply}
    assert all(r["status"] in ("new", "open") for r in needs_reply)
    due_today = run_json(capsys, *base, "--due-today")
    assert all(r["due_today"] and not r["overdue"] for r in due_today)
    # The demo's open work is mostly answered: only some of it needs a reply (issue 11).
    inbox = run_json(capsys, *base)
    assert len(needs_reply) < len(inbox)
    counts = run_json(capsys, "--data-dir", str(demo_dir), "counts", "--json")
    assert (counts["needs_reply"], counts["overdue"], counts["due_today"]) == (
        len(needs_reply),
        len(overdue),
        len(due_today),
    )
    resolved = run_json(capsys, *base, "--status", "RESOLVED", "--limit", "3")
    assert len(resolved) == 3 and {r["status"] for r in resolved} == {"resolved"}
    assert len(run_json(capsys, *base, "--limit", "2")) == 2


def test_inbox_table(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "inbox", "--limit", "5", "--data-dir", str(demo_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["ID", "CHANNEL", "STATUS", "KIND"]
    assert len(lines) == 6
    # aligned: the CHANNEL column starts at the same place on every line
    start = lines[0].index("CHANNEL")
    assert all(line[start - 2 : start] == "  " for line in lines[1:])


def test_inbox_bad_channel_and_status(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for extra in (("--channel", "fax"), ("--status", "pending")):
        code, out, err = run(capsys, "--data-dir", str(demo_dir), "inbox", *extra)
        assert code == 2 and out == ""
        assert err.startswith("soloservice: error: ") and err.count("\n") == 1


# -- show, log-call, set-status, note -----------------------------------------------------------


def test_show_json_and_text(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    detail = run_json(capsys, "--data-dir", str(demo_dir), "show", "1", "--json")
    assert detail["id"] == 1
    assert detail["messages"] and detail["messages"][0]["direction"] == "in"
    assert detail["customer_card"]["name"] == detail["customer"]
    assert detail["customer_card"]["identities"]
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "show", "1")
    assert code == 0 and out.startswith("#1  ") and detail["customer"] in out


def test_show_unknown_id(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "show", "999999")
    assert code == 2 and out == ""
    assert err == "soloservice: error: no inquiry with id 999999\n"


def test_log_call_with_callback_creates_an_open_phone_inquiry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "calls")
    detail = run_json(
        capsys,
        "--data-dir",
        data,
        "--create",
        "log-call",
        "--phone",
        "20 12 34 56",
        "--name",
        "Mette Hansen",
        "--duration",
        "4.5",
        "--note",
        "Pakken er væk — ringer tilbage i morgen",
        "--complaint",
        "--callback",
    )
    assert detail["channel"] == "phone" and detail["status"] == "open"
    assert detail["kind"] == "complaint" and detail["due_at"] is not None
    assert detail["customer"] == "Mette Hansen"
    assert {"kind": "phone", "value": "+4520123456"}.items() <= detail["customer_card"][
        "identities"
    ][0].items()
    assert detail["messages"][0]["call_duration_s"] == 270
    assert "væk" in detail["messages"][0]["text"]
    solved = run_json(
        capsys, "--data-dir", data, "log-call", "--phone", "+4520123456", "--note", "Tak"
    )
    assert solved["status"] == "resolved"
    assert solved["customer_card"]["id"] == detail["customer_card"]["id"]
    listed = run_json(capsys, "--data-dir", data, "inbox", "--json", "--channel", "phone")
    assert [r["id"] for r in listed] == [detail["id"]]


def test_log_call_bad_phone_changes_nothing(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = table_counts(demo_dir)
    for bad in (("--phone", "12"), ("--phone", "abc"), ("--phone", "1", "--duration", "-3")):
        code, out, err = run(capsys, "--data-dir", str(demo_dir), "log-call", *bad, "--note", "x")
        assert code == 2 and out == ""
        assert err.startswith("soloservice: error: ") and err.count("\n") == 1
    assert table_counts(demo_dir) == before


def test_set_status_and_note(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ("--data-dir", str(demo_dir))
    change = run_json(capsys, *data, "set-status", "2", "resolved")
    assert change["id"] == 2 and change["status"] == "resolved"
    assert run_json(capsys, *data, "show", "2", "--json")["status"] == "resolved"
    noted = run_json(capsys, *data, "note", "2", "Kunden er glad igen")
    assert noted["messages"][-1]["direction"] == "note"
    assert noted["messages"][-1]["text"] == "Kunden er glad igen"


def test_set_status_errors_change_nothing(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = table_counts(demo_dir)
    status_before = run_json(capsys, "--data-dir", str(demo_dir), "show", "2", "--json")["status"]
    for argv in (("set-status", "2", "bogus"), ("set-status", "424242", "open")):
        code, _, err = run(capsys, "--data-dir", str(demo_dir), *argv)
        assert code == 2 and err.count("\n") == 1
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "note", "424242", "hej")
    assert code == 2 and "424242" in err
    assert table_counts(demo_dir) == before
    after = run_json(capsys, "--data-dir", str(demo_dir), "show", "2", "--json")["status"]
    assert after == status_before


def test_argparse_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["show", "not-a-number"])
    assert exc.value.code == 2
    assert "not an id" in capsys.readouterr().err


# -- export -------------------------------------------------------------------------------------


def test_export_round_trip(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "export.json"
    summary = run_json(capsys, "--data-dir", str(demo_dir), "export", str(target))
    customers, inquiries, messages, events = table_counts(demo_dir)
    assert (summary["customers"], summary["inquiries"]) == (customers, inquiries)
    assert (summary["messages"], summary["events"]) == (messages, events)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["tables"]["inquiry"]) == inquiries
    shown = run_json(capsys, "--data-dir", str(demo_dir), "show", "5", "--json")
    exported = next(i for i in data["tables"]["inquiry"] if i["id"] == 5)
    own = [m for m in data["tables"]["message"] if m["inquiry_id"] == 5]
    assert [m["text"] for m in own] == [m["text"] for m in shown["messages"]]
    assert datetime.fromisoformat(exported["received_at"]) == datetime.fromisoformat(
        shown["received_at"]
    )


def test_export_to_unwritable_place(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "x.json"
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "export", str(target))
    assert code == 2 and out == ""
    assert err.startswith("soloservice: error: ") and err.count("\n") == 1
    assert not target.parent.exists()


# -- data directory -----------------------------------------------------------------------------


def test_data_dir_option_beats_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env_dir, opt_dir = tmp_path / "env", tmp_path / "opt"
    monkeypatch.setenv("SOLOSERVICE_DATA_DIR", str(env_dir))
    run_json(capsys, "demo", "--count", "5")
    assert table_counts(env_dir)[1] == 5
    run_json(capsys, "--data-dir", str(opt_dir), "demo", "--count", "7")
    run_json(capsys, "demo", "--count", "9", "--data-dir", str(tmp_path / "after"))
    assert table_counts(opt_dir)[1] == 7
    assert table_counts(tmp_path / "after")[1] == 9
    assert table_counts(env_dir)[1] == 5
    assert len(run_json(capsys, "inbox", "--json", "--status", "resolved")) <= 5


def test_unreadable_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "broken"
    data.mkdir()
    database_path(data).write_bytes(b"this is not a database" * 100)
    code, out, err = run(capsys, "--data-dir", str(data), "inbox")
    assert code == 2 and out == ""
    assert err.startswith("soloservice: error: ") and err.count("\n") == 1


def test_gui_demo_refuses_a_real_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "real")
    run_json(capsys, "--data-dir", data, "--create", "log-call", "--phone", "20123456",
             "--note", "Hej")  # fmt: skip
    code, _, err = run(capsys, "--data-dir", data, "gui", "--demo")
    assert code == 2 and "not demo data" in err


# -- a real process -----------------------------------------------------------------------------


def _subprocess(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOLOSERVICE_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "soloservice", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_subprocess_demo_inbox_and_errors(tmp_path: Path) -> None:
    data = tmp_path / "proc"
    done = _subprocess(data, "demo", "--count", "60")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inquiries"] == 60
    listed = _subprocess(data, "inbox", "--json", "--limit", "3")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 3
    for argv in (("show", "777777"), ("log-call", "--phone", "12", "--note", "x")):
        failed = _subprocess(data, *argv)
        assert failed.returncode == 2
        assert failed.stdout == ""
        assert failed.stderr.startswith("soloservice: error: ")
        assert "Traceback" not in failed.stderr and failed.stderr.count("\n") == 1


def test_cli_does_not_import_qt() -> None:
    code = (
        "import sys, soloservice.cli; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=60).returncode == 0
