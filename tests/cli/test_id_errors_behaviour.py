"""Every CLI command that takes an id, given a bad one: exit 2, one error line, no traceback,
and the store left exactly as it was.

"Bad" is each of: past SQLite's signed 64-bit INTEGER (2^63), negative, zero, not a number,
and a well-formed id that names no row (including the largest one SQLite can hold).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.cli import main
from soloservice.cli.common import MAX_ID
from soloservice.paths import database_path
from tests.helpers.cli import run_json

#: commands with ``{id}`` where the id goes; every one is run with every bad id
COMMANDS: list[tuple[str, ...]] = [
    ("show", "{id}"),
    ("show", "--json", "{id}"),
    ("set-status", "{id}", "open"),
    ("note", "{id}", "hej"),
    ("snooze", "{id}", "--for", "1d"),
    ("snooze", "{id}", "--clear"),
    ("set-kind", "{id}", "praise"),
    ("sender", "spam", "{id}"),
    ("sender", "not-customer", "--customer", "{id}"),
    ("sender", "clear", "{id}"),
    ("promise", "{id}"),
    ("acknowledge", "{id}"),
    ("acknowledge", "--record", "{id}"),
    ("reply", "{id}", "--body", "hej"),
    ("remedy", "add", "{id}", "--kind", "apology_call"),
    ("remedy", "list", "{id}"),
    ("remedy", "remove", "{id}"),
    ("followups", "record", "{id}", "--satisfied", "yes"),
    ("followups", "classify", "{id}", "--satisfied", "no"),
    ("followups", "skip", "{id}"),
    ("customer", "show", "{id}"),
    ("customer", "edit", "{id}", "--name", "Ny"),
    ("customer", "add-identity", "{id}", "email", "ny@example.dk"),
    ("customer", "opt-out", "{id}"),
    ("customer", "suggest", "{id}"),
    ("customer", "merge", "1", "{id}"),
    ("customer", "merge", "{id}", "1"),
    ("customer", "unmerge", "{id}"),
    ("customer", "export", "{id}", "{tmp}/customer.json"),
    ("customer", "forget", "{id}"),
    ("customer", "forget", "--yes", "{id}"),
    ("log-call", "--inquiry", "{id}", "--note", "ringede"),
    ("template", "render", "satisfied", "--inquiry", "{id}"),
    ("outbox", "cancel", "{id}"),
    ("outbox", "retry", "{id}"),
    ("quarantine", "show", "{id}"),
    ("checklist", "tick", "{id}"),
    ("checklist", "rename", "{id}", "Nyt navn"),
    ("checklist", "archive", "{id}"),
    ("pulse", "send", "--no-send", "--ids", "{id}"),
]

MALFORMED = [str(2**63), str(10**30), "-1", "0", "abc", "1.5", ""]
MISSING = [str(MAX_ID), "987654"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("id-errors") / "data"
    capsys_free_main(["--data-dir", str(path), "demo", "--count", "8"])
    yield path


def capsys_free_main(argv: list[str]) -> None:
    """The module fixture cannot use capsys; the demo's output is not looked at."""
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(argv) == 0


#: caches rebuilt from the other tables whenever a command wants them (the duplicate
#: finder's match keys, the search index): refreshing them changes no data
DERIVED = ("customer_match_", "inquiry_fts")


def fingerprint(data_dir: Path) -> str:
    """Every row of every table but the caches, so "nothing changed" means no data changed."""
    connection = sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        for name in names:
            if name.startswith(DERIVED):
                continue
            digest.update(name.encode())
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{name}"'))
            digest.update("\n".join(rows).encode())
        return digest.hexdigest()
    finally:
        connection.close()


def invoke(
    capsys: pytest.CaptureFixture[str], store: Path, argv: tuple[str, ...], bad: str, tmp: Path
) -> tuple[int, str, str]:
    """``main`` in-process; capsys (not StringIO) so ``sys.stdout.buffer`` exists as in a
    terminal (``quarantine show`` writes raw bytes)."""
    args = [a.replace("{id}", bad).replace("{tmp}", str(tmp)) for a in argv]
    capsys.readouterr()
    try:
        code = main(["--data-dir", str(store), *args])
    except SystemExit as exc:  # argparse refusing the argument itself
        code = int(exc.code) if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "error:" in line]


def _name(argv: tuple[str, ...]) -> str:
    return " ".join(argv)


@pytest.mark.parametrize("bad", MALFORMED)
@pytest.mark.parametrize("argv", COMMANDS, ids=_name)
def test_a_malformed_id_is_one_error_line_and_changes_nothing(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    bad: str,
) -> None:
    before = fingerprint(store)
    code, out, err = invoke(capsys, store, argv, bad, tmp_path)
    assert code == 2, (out, err)
    assert "Traceback" not in err and "Overflow" not in err, err
    lines = error_lines(err)
    assert len(lines) == 1, err
    assert "id" in lines[0].lower() or "argument" in lines[0].lower(), lines[0]
    assert out == ""
    assert fingerprint(store) == before
    assert not (tmp_path / "customer.json").exists()


@pytest.mark.parametrize("bad", MISSING)
@pytest.mark.parametrize("argv", COMMANDS, ids=_name)
def test_an_id_that_names_nothing_is_a_single_line_and_changes_nothing(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    bad: str,
) -> None:
    before = fingerprint(store)
    code, out, err = invoke(capsys, store, argv, bad, tmp_path)
    assert code == 2, (out, err)
    assert "Traceback" not in err and "Overflow" not in err, err
    assert len(err.strip().splitlines()) == 1, err  # no usage block for a well-formed id
    assert err.startswith("soloservice: error:"), err
    assert bad in err or "no " in err, err
    assert fingerprint(store) == before
    assert not (tmp_path / "customer.json").exists()


def test_the_fixture_store_is_real(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The bad-id tests mean something only if the good ids exist."""
    rows = run_json(capsys, "--data-dir", str(store), "inbox", "--json")
    assert rows and all(isinstance(r["id"], int) for r in rows)
    shown = run_json(capsys, "--data-dir", str(store), "show", "--json", str(rows[0]["id"]))
    assert shown["id"] == rows[0]["id"]
