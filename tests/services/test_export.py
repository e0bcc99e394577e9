"""The JSON export holds everything, streams, and never leaves half a file behind."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from soloservice.services.demo import generate_demo
from soloservice.services.export import EXPORT_FORMAT, EXPORT_VERSION, export_all
from soloservice.services.registry import Services
from tests.helpers.factories import make_inquiry


def test_customers_inquiries_messages_and_events_are_in_their_tables(
    services: Services, tmp_path: Path
) -> None:
    created = make_inquiry(services, name="Søren Møller", email="soren@example.dk")
    services.inquiries.add_note(created.id, "Ring i morgen — æøå")
    services.inquiries.set_status(created.id, "waiting")
    target = tmp_path / "out.json"

    summary = export_all(services.ctx, target)

    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == (EXPORT_FORMAT, EXPORT_VERSION)
    tables = data["tables"]
    assert summary.customers == len(tables["customer"]) == 1
    customer = tables["customer"][0]
    assert customer["name"] == "Søren Møller"
    assert [(i["kind"], i["value"]) for i in tables["customer_identity"]] == [
        ("email", "soren@example.dk")
    ]
    (inquiry,) = tables["inquiry"]
    detail = services.inquiries.get(created.id)
    assert inquiry["status"] == "waiting"
    assert inquiry["customer_id"] == customer["id"]
    assert [m["text"] for m in tables["message"]] == [m.text for m in detail.messages]
    assert [e["kind"] for e in tables["inquiry_event"]] == [e.kind for e in detail.events]
    assert datetime.fromisoformat(inquiry["received_at"]) == detail.received_at
    assert inquiry["received_at"].endswith("+00:00")
    assert "æøå" in target.read_text(encoding="utf-8")  # not \\u-escaped


def test_every_row_of_a_demo_store_is_exported(services: Services, tmp_path: Path) -> None:
    demo = generate_demo(services.ctx, 120)
    summary = export_all(services.ctx, tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert (summary.customers, summary.inquiries) == (demo.customers, demo.inquiries)
    assert (summary.messages, summary.events) == (demo.messages, demo.events)
    assert len(data["tables"]["customer_identity"]) == demo.identities
    ids = [i["id"] for i in data["tables"]["inquiry"]]
    assert ids == sorted(ids) and len(set(ids)) == demo.inquiries


def test_empty_store_gives_a_valid_file(services: Services, tmp_path: Path) -> None:
    export_all(services.ctx, tmp_path / "empty.json")
    data = json.loads((tmp_path / "empty.json").read_text(encoding="utf-8"))
    assert data["tables"]["customer"] == [] and data["tables"]["inquiry"] == []


def test_failed_export_leaves_the_old_file_and_no_temp_file(
    services: Services, tmp_path: Path
) -> None:
    make_inquiry(services)
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OSError):
        export_all(services.ctx, tmp_path / "missing-dir" / "out.json")
    with pytest.raises(IsADirectoryError):
        export_all(services.ctx, tmp_path)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.json"]
