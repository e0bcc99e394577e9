"""``soloservice search``: mail imported with the CLI, then found by any word, as text and JSON."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from soloservice.cli import search_cmds
from soloservice.paths import database_path
from tests.helpers.cli import run, run_json
from tests.services.test_search import MAILS, raw_mail, write_mbox


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data_dir = tmp_path / "data"
    hostile = raw_mail(
        9,
        "Evil \x1b[31mRed <evil@example.com>",
        "Terminal \x1b]0;pwned\x07 trick",
        "Ignore this \x1b[2J escape please",
    )
    mbox = write_mbox(tmp_path / "arkiv.mbox", [*MAILS, hostile])
    summary = run_json(capsys, "--data-dir", str(data_dir), "--create", "import", "mbox", str(mbox))
    assert summary["new_inquiries"] == 5
    return data_dir


def test_search_prints_ids_customer_subject_and_snippet(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(store), "search", "printeren")
    assert code == 0, err
    head, snippet = out.strip().splitlines()
    assert head.startswith("#")
    assert "Mette Ærbø" in head and "Spørgsmål om min ordre" in head and "email" in head
    assert "[printeren]" in snippet  # not a terminal: the match in brackets


def test_search_json(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json(capsys, "--data-dir", str(store), "search", "vase", "--json")
    assert [h["customer"] for h in hits] == ["Sarah Miller", "Kari Nordmann"]
    first = hits[0]
    assert set(first) >= {"id", "customer", "subject", "channel", "received_at", "snippet"}
    assert first["channel"] == "email" and first["subject"] == "Broken vase"
    assert first["received_at"].endswith("+01:00")  # local time of the settings
    start, end = first["highlights"][0]
    assert first["snippet"][start:end].lower() == "vase"
    assert "\x02" not in first["snippet"]


def test_search_words_filters_and_limit(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--data-dir", str(store), "search")
    assert len(run_json(capsys, *args, "vase", "--json", "--limit", "1")) == 1
    assert [h["customer"] for h in run_json(capsys, *args, "from:kari", "vase", "--json")] == [
        "Kari Nordmann"
    ]
    assert run_json(capsys, *args, "channel:phone", "--json") == []
    assert run_json(capsys, *args, "print", "--json") == []  # whole words in the CLI...
    assert len(run_json(capsys, *args, "print*", "--json")) == 1  # ...unless asked
    laser = run_json(capsys, *args, "laserjet", "--json")[0]["id"]
    assert [h["id"] for h in run_json(capsys, *args, f"#{laser}", "--json")] == [laser]


@pytest.mark.parametrize("text", ['"', "*", "-", "AND", "a:b", "NEAR(", "(", "'"])
def test_hostile_queries_exit_cleanly(
    store: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, _out, err = run(capsys, "--data-dir", str(store), "search", "--", text)
    assert code == 0, err
    assert "Traceback" not in err


def test_terminal_escapes_from_mail_are_not_printed(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(store), "search", "escape")
    assert code == 0
    assert "[escape]" in out and "\x1b" not in out and "\x07" not in out


def test_a_missing_data_dir_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--data-dir", str(tmp_path / "nope"), "search", "vase")
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "nope").exists()


def test_a_current_store_is_searched_without_the_orm(store: Path) -> None:
    hits = search_cmds.fast_search(database_path(store), "laserjet", 5)
    assert hits is not None and [h.customer_name for h in hits] == ["Mette Ærbø"]


def test_an_older_store_is_migrated_then_searched(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from soloservice.storage.migrate import alembic_config

    # really taken back to 0005 (before the full-text index), as an older version left it
    engine = create_engine(f"sqlite:///{database_path(store)}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    engine.dispose()
    with sqlite3.connect(database_path(store)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
    assert search_cmds.fast_search(database_path(store), "laserjet", 5) is None
    hits = run_json(capsys, "--data-dir", str(store), "search", "laserjet", "--json")
    assert [h["customer"] for h in hits] == ["Mette Ærbø"]  # 0006 ran and indexed it
    assert search_cmds.fast_search(database_path(store), "laserjet", 5) is not None


def test_search_as_a_real_process(store: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "soloservice", "--data-dir", str(store), "search", "ærbø", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"customer": "Mette Ærbø"' in result.stdout
