"""Re-sync with nothing new (issue 14): the folder's UIDVALIDITY/UIDNEXT decide, the CLI
answers without the ORM, and anything new still goes through the full sync. Against the real
Dovecot, through the CLI and the composed services."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from soloservice.paths import database_path
from soloservice.services.mail_sync import SyncSummary
from soloservice.services.registry import Services
from soloservice.services.sync_probe import EMPTY_COUNTS
from tests.helpers.cli import run_json
from tests.helpers.mailservers import DovecotServer, MailUser

pytestmark = pytest.mark.mailserver

OWN = "hej@butik.dk"
PASSWORD_ENV = "PROBE_MAIL_PASSWORD"


def customer_mail(n: int) -> bytes:
    when = format_datetime(datetime(2026, 11, 20, 8, n, tzinfo=UTC))
    return (
        f"From: Mette Hansen <mette{n}@example.dk>\r\nTo: {OWN}\r\nSubject: Vase {n}\r\n"
        f"Message-ID: <probe{n}@example.dk>\r\nDate: {when}\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nMin vase kom i stykker.\r\n"
    ).encode()


@pytest.fixture
def account_dir(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    dovecot: DovecotServer,
    mailbox: MailUser,
) -> Path:
    monkeypatch.setenv(PASSWORD_ENV, mailbox.password)
    data = tmp_path / "d"
    run_json(
        capsys,
        "--data-dir", str(data), "--create", "account", "add", "shop", "--email", OWN,
        "--imap-host", dovecot.host, "--imap-port", str(dovecot.imap_port),
        "--imap-security", "none", "--smtp-host", "127.0.0.1", "--smtp-port", "2525",
        "--smtp-security", "none", "--allow-plaintext", "--username", mailbox.name,
        "--password-env", PASSWORD_ENV,
    )  # fmt: skip
    return data


def last_sync(data: Path) -> str | None:
    with sqlite3.connect(database_path(data)) as db:
        (value,) = db.execute("SELECT last_sync_at FROM mail_account").fetchone()
    return None if value is None else str(value)


def test_the_probes_summary_is_a_real_empty_sync_summary() -> None:
    assert SyncSummary(account="shop").as_json() == {"account": "shop", **EMPTY_COUNTS}


def test_resync_with_nothing_new_needs_no_orm_and_new_mail_is_still_fetched(
    account_dir: Path,
    capsys: pytest.CaptureFixture[str],
    dovecot: DovecotServer,
    mailbox: MailUser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dovecot.deliver(mailbox, customer_mail(1), customer_mail(2))
    first = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert first["new_inquiries"] == 2
    synced = last_sync(account_dir)

    probe = (
        "import json, sys\n"
        "from soloservice.cli.main import main\n"
        "code = main(['--data-dir', sys.argv[1], 'sync'])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules"
        " if m.startswith(('sqlalchemy', 'sqlmodel', 'alembic'))})\n"
        "print(json.dumps({'code': code, 'heavy': heavy}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(account_dir)],
        capture_output=True, text=True, check=True,
        env={**os.environ, PASSWORD_ENV: mailbox.password},
    )  # fmt: skip
    *summary_lines, last = done.stdout.strip().splitlines()
    assert json.loads(last) == {"code": 0, "heavy": []}
    assert json.loads("\n".join(summary_lines)) == SyncSummary(account="shop").as_json()
    assert last_sync(account_dir) != synced  # recorded as synced, as the full path does

    dovecot.deliver(mailbox, customer_mail(3))
    again = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert (again["fetched"], again["new_inquiries"]) == (1, 1)
    nothing = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert nothing["fetched"] == 0


def test_an_unchanged_folder_is_skipped_before_any_search_or_ingest(
    account_dir: Path, dovecot: DovecotServer, mailbox: MailUser
) -> None:
    dovecot.deliver(mailbox, customer_mail(1))
    services = Services.open(account_dir)
    try:
        built: list[int] = []
        real = services.mail_sync.ingest_factory

        def counting():  # type: ignore[no-untyped-def]
            built.append(1)
            return real()

        services.mail_sync.ingest_factory = counting
        (first,) = services.mail_sync.sync()
        assert (first.new_inquiries, len(built)) == (1, 1)
        (second,) = services.mail_sync.sync()
        assert (second.fetched, len(built)) == (0, 1)  # no ingest built: the folder was skipped
        assert second.ok
    finally:
        services.close()
