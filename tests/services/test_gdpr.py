"""Issue 12 item 6: a customer's data export, and forgetting a customer.

Through the composed app: mail comes in with ``soloservice import eml``, the follow-up
answer, remedy and backups through the CLI, the review through ``Services.open``.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from soloservice.paths import database_path
from soloservice.services.gdpr import FORGOTTEN_NAME, read_forgotten
from soloservice.services.registry import Services
from tests.helpers.cli import run, run_json
from tests.services.test_export_roundtrip import ATTACHMENT, mail_with_attachment

NOW = "2026-11-24T10:00:00+00:00"
METTE = "mette@example.dk"
OTHER = "bo.other@example.dk"


def other_mail() -> bytes:
    return (
        f"From: Bo Andersen <{OTHER}>\r\nTo: hej@butik.dk\r\nSubject: Levering\r\n"
        "Message-ID: <bo-1@example.dk>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHvornår kommer min pakke?\r\n"
    ).encode()


def numbers(value: Any) -> Any:
    """The figures of a review (names and texts left out: those are what a forget removes)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return numbers(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {k: numbers(v) for k, v in value.items() if not isinstance(v, str)}
    if isinstance(value, list | tuple):
        return [numbers(v) for v in value if not isinstance(v, str)]
    return value


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
          ) -> dict[str, Any]:  # fmt: skip
    monkeypatch.setenv("SOLOSERVICE_NOW", NOW)
    data_dir = tmp_path / "data"
    d = ("--data-dir", str(data_dir))
    run_json(capsys, *d, "demo", "--count", "20")
    for name, raw in (("vase", mail_with_attachment()), ("bo", other_mail())):
        (tmp_path / f"{name}.eml").write_bytes(raw)
        run_json(capsys, *d, "import", "eml", str(tmp_path / f"{name}.eml"))
    inbox = run_json(capsys, *d, "inbox", "--json")
    vase = next(i for i in inbox if i["subject"] == "Knust vase")
    bo = next(i for i in inbox if i["subject"] == "Levering")
    run_json(capsys, *d, "note", str(vase["id"]), "Mette ringer igen fredag")
    run_json(capsys, *d, "set-status", str(vase["id"]), "resolved")
    survey = next(s for s in run_json(capsys, *d, "followups", "--json")
                  if s["inquiry_id"] == vase["id"])  # fmt: skip
    run_json(capsys, *d, "followups", "record", str(survey["id"]), "--satisfied", "no",
             "--score", "3", "--comment", "Mette er skuffet over vasen")  # fmt: skip
    run_json(capsys, *d, "remedy", "add", str(vase["id"]), "--kind", "gift", "--cost", "150",
             "--note", "Ny vase til Mette")  # fmt: skip
    return {"dir": data_dir, "d": d, "vase": vase, "bo": bo}


def test_customer_export_holds_their_mail_and_raw_source_and_nobody_else(
    store: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mette.json"
    summary = run_json(capsys, *store["d"], "customer", "export",
                       str(store["vase"]["customer_id"]), str(target))  # fmt: skip
    assert summary["raw_mails"] == 1 and summary["attachments"] == 1
    text = target.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "soloservice-customer-export"
    assert data["customer"]["name"] == "Mette Vase"
    assert [i["value"] for i in data["identities"]] == [METTE]
    (inquiry,) = data["inquiries"]
    assert any("vasen kom knust frem" in m["text"] for m in inquiry["messages"])
    (attachment,) = [a for m in inquiry["messages"] for a in m["attachments"]]
    assert base64.b64decode(attachment["data"]["$base64"]) == ATTACHMENT
    assert inquiry["remedies"][0]["note"] == "Ny vase til Mette"
    assert data["surveys"][0]["comment"] == "Mette er skuffet over vasen"
    (raw,) = data["raw_mails"]
    assert base64.b64decode(raw["raw"]["$base64"]) == mail_with_attachment()
    assert OTHER not in text and "Levering" not in text and "Bo Andersen" not in text


def test_forget_needs_yes_and_says_what_would_go(
    store: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    cid = store["vase"]["customer_id"]
    code, out, err = run(capsys, *store["d"], "customer", "forget", str(cid))
    assert code == 2
    assert err.splitlines() == [
        f"soloservice: error: add --yes to forget customer {cid} (1 inquiries, 2 messages)"
    ]
    assert json.loads(out)["raw_mails"] == 1
    card = run_json(capsys, *store["d"], "customer", "show", str(cid))
    assert card["name"] == "Mette Vase"  # nothing happened


def test_forget_removes_them_everywhere_and_keeps_the_review(
    store: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    cid, data_dir = store["vase"]["customer_id"], store["dir"]
    services = Services.open(data_dir)
    try:
        before = numbers(services.review.week(2026, 48))
    finally:
        services.close()
    assert METTE.encode() in database_path(data_dir).read_bytes() + wal(data_dir)
    hits = run_json(capsys, *store["d"], "search", "vedhæftet", "--json")
    assert store["vase"]["id"] in [hit["id"] for hit in hits]

    drafts = data_dir / "drafts.json"
    drafts.write_text(json.dumps({str(store["vase"]["id"]): {"text": "Kære Mette Vase"},
                                  str(store["bo"]["id"]): {"text": "Hej Bo"}}))  # fmt: skip

    done = run_json(capsys, *store["d"], "customer", "forget", str(cid), "--yes")

    assert (done["messages"], done["raw_mails"], done["identities"]) == (2, 1, 1)
    files = database_path(data_dir).read_bytes() + wal(data_dir)
    secrets = (METTE, "Mette Vase", "vasen kom knust", "skuffet over", "Ny vase til", "faktura.pdf")
    for secret in (*secrets, "ringer igen fredag"):
        assert secret.encode() not in files, secret
    assert OTHER.encode() in files  # another customer's mail is untouched
    kept = json.loads(drafts.read_text())  # the other customer's draft, as the window keeps it
    assert (
        list(kept) == [str(store["bo"]["id"])] and kept[str(store["bo"]["id"])]["text"] == "Hej Bo"
    )
    card = run_json(capsys, *store["d"], "customer", "show", str(cid))
    assert card["name"] == FORGOTTEN_NAME and card["identities"] == [] and card["opted_out"]
    hits = run_json(capsys, *store["d"], "search", "vedhæftet", "--json")
    assert store["vase"]["id"] not in [hit["id"] for hit in hits]
    services = Services.open(data_dir)
    try:
        assert numbers(services.review.week(2026, 48)) == before
        assert [e.customer_id for e in read_forgotten(data_dir)] == [cid]
        bo = services.inquiries.get(store["bo"]["id"])
        assert "pakke" in bo.messages[0].text
    finally:
        services.close()
    with sqlite3.connect(database_path(data_dir)) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_backups_from_before_the_forget_are_marked(
    store: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_json(capsys, *store["d"], "backup")
    monkeypatch.setenv("SOLOSERVICE_NOW", "2026-11-24T12:00:00+00:00")
    run_json(capsys, *store["d"], "customer", "forget", str(store["vase"]["customer_id"]), "--yes")
    monkeypatch.setenv("SOLOSERVICE_NOW", "2026-11-25T12:00:00+00:00")
    run_json(capsys, *store["d"], "backup")
    listed = run_json(capsys, *store["d"], "backup", "list", "--json")
    marks = {
        (b["taken_at"][:13], b["forgotten_customers"]) for b in listed if b["kind"] == "manual"
    }
    assert marks == {("2026-11-24T11", 1), ("2026-11-25T13", 0)}
    code, out, _ = run(capsys, *store["d"], "backup", "list")
    assert code == 0
    older = next(line for line in out.splitlines() if "20261124T100000Z-manual" in line)
    assert "holds 1 forgotten customer until it expires" in older
    newer = next(line for line in out.splitlines() if "20261125T120000Z-manual" in line)
    assert "forgotten" not in newer


def wal(data_dir: Path) -> bytes:
    path = Path(f"{database_path(data_dir)}-wal")
    return path.read_bytes() if path.exists() else b""


def test_a_card_merged_into_theirs_is_forgotten_with_them(
    store: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    survivor, merged = store["vase"]["customer_id"], store["bo"]["customer_id"]
    run_json(capsys, *store["d"], "customer", "merge", str(survivor), str(merged))
    # asked about the hidden card, the whole person is forgotten
    done = run_json(capsys, *store["d"], "customer", "forget", str(merged), "--yes")
    assert (done["customer_id"], done["merged_cards"]) == (survivor, 1)
    assert run_json(capsys, *store["d"], "customer", "merges") == []
    files = database_path(store["dir"]).read_bytes() + wal(store["dir"])
    assert OTHER.encode() not in files and METTE.encode() not in files
    assert {e.customer_id for e in read_forgotten(store["dir"])} == {survivor, merged}
