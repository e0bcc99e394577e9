"""CSV imports in batches: progress, cancel (a clean prefix) and old entries as answered."""

from __future__ import annotations

import csv
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from soloservice.domain.types import Status
from soloservice.services.dto import InboxQuery, View
from soloservice.services.form_csv import CSV_BATCH
from soloservice.services.registry import Services
from tests.conftest import DEFAULT_NOW
from tests.helpers.cli import run, run_json


def write_export(path: Path, rows: int, *, days_apart: float = 0.0) -> Path:
    """A form export with ``rows`` entries; the newest first, ``days_apart`` days between."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Navn", "E-mail", "Besked", "Dato"])
        for n in range(rows):
            sent = DEFAULT_NOW - timedelta(hours=1) - timedelta(days=days_apart * n)
            out.writerow(
                [f"Kunde {n}", f"kunde{n}@example.dk", f"Spørgsmål nummer {n}", sent.isoformat()]
            )
    return path


def inquiry_count(services: Services) -> int:
    """Every stored case: the imports here leave each one in the inbox or resolved."""
    views = services.inbox.counts().views
    return sum(views.get(v, 0) for v in (View.INBOX, View.RESOLVED, View.AUTOMATIC))


def test_progress_grows_to_the_total(services: Services, tmp_path: Path) -> None:
    path = write_export(tmp_path / "stor.csv", 1_000)
    seen: list[tuple[int, int]] = []
    summary = services.forms.import_csv(path, progress=lambda d, t: seen.append((d, t)))
    assert summary.new_inquiries == 1_000 and not summary.cancelled
    assert seen[0] == (0, 1_000) and seen[-1] == (1_000, 1_000)
    dones = [d for d, _t in seen]
    assert dones == sorted(dones) and len(set(dones)) == len(dones)
    assert len(seen) == 1 + -(-1_000 // CSV_BATCH)


def test_a_cancel_keeps_a_clean_prefix_and_a_reimport_finishes(
    services: Services, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "stor.csv", 1_000)
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done >= CSV_BATCH:
            cancel.set()  # after the first batch

    summary = services.forms.import_csv(path, progress=progress, cancel=cancel)
    assert summary.cancelled
    assert summary.new_inquiries == CSV_BATCH == inquiry_count(services)
    again = services.forms.import_csv(path)
    assert again.duplicates == CSV_BATCH and again.new_inquiries == 1_000 - CSV_BATCH
    assert inquiry_count(services) == 1_000


def test_entries_older_than_n_days_are_resolved_not_overdue(
    services: Services, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "gamle.csv", 60, days_apart=1.0)  # today … 59 days ago
    summary = services.forms.import_csv(path, resolve_older_than_days=30)
    assert summary.resolved == 30 and summary.new_inquiries == 60
    resolved = [
        services.inquiries.get(i) for i in services.inbox.list_ids(InboxQuery(view=View.RESOLVED))
    ]
    waiting = [
        services.inquiries.get(i) for i in services.inbox.list_ids(InboxQuery(view=View.INBOX))
    ]
    cutoff = DEFAULT_NOW - timedelta(days=30)
    assert len(resolved) == 30 and all(r.received_at < cutoff for r in resolved)
    assert all(r.status is Status.RESOLVED and r.due_at is None for r in resolved)
    assert len(waiting) == 30 and all(r.status is Status.NEW for r in waiting)
    counts = services.inbox.counts()
    assert counts.views.get(View.OVERDUE, 0) <= 29  # at most the 30 recent ones, less today's
    assert counts.views.get(View.INBOX, 0) == 30


def test_negative_days_are_refused(services: Services, tmp_path: Path) -> None:
    path = write_export(tmp_path / "a.csv", 3)
    with pytest.raises(Exception, match="0 or more"):
        services.forms.import_csv(path, resolve_older_than_days=-1)
    assert inquiry_count(services) == 0


def test_cli_resolve_older_than(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOLOSERVICE_NOW", DEFAULT_NOW.isoformat())
    path = write_export(tmp_path / "gamle.csv", 40, days_apart=1.0)
    out = run_json(
        capsys, "--data-dir", str(data_dir), "import", "form-csv", str(path),
        "--resolve-older-than", "30",
    )  # fmt: skip
    assert out["new_inquiries"] == 40 and out["resolved"] == 10
    code, _out, err = run(
        capsys, "--data-dir", str(data_dir), "import", "form-csv", str(path),
        "--resolve-older-than", "-2",
    )  # fmt: skip
    assert code == 2 and "0 or more" in err and "Traceback" not in err
