"""Re-sync after the mailbox changed only in flags or by a deletion (issue 14, item 7).

The sync is read-only and keeps its own copy, so ``\\Seen``, ``\\Flagged`` and expunges
made in another mail client are ignored on purpose: such a re-sync stores nothing and is
answered as "nothing new" by the ORM-free probe (Dovecot offers CONDSTORE, whose
HIGHESTMODSEQ moves with these changes; UIDNEXT does not). A new mail after that is fetched
once. Against the real Dovecot, through the CLI.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from soloservice.paths import database_path
from soloservice.services.mail_sync import SyncSummary
from tests.helpers.cli import run_json
from tests.helpers.mailservers import DovecotServer, MailUser
from tests.services.test_resync_probe import PASSWORD_ENV, account_dir, customer_mail

pytestmark = pytest.mark.mailserver

__all__ = ["account_dir"]  # the fixture, shared with test_resync_probe.py

#: runs the CLI in a fresh interpreter and says which heavy modules it imported
_PROBE = (
    "import json, sys\n"
    "from soloservice.cli.main import main\n"
    "code = main(['--data-dir', sys.argv[1], 'sync'])\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules"
    " if m.startswith(('sqlalchemy', 'sqlmodel', 'alembic', 'pydantic'))})\n"
    "print(json.dumps({'code': code, 'heavy': heavy}))\n"
)


def stored(data: Path) -> tuple[int, int]:
    """(messages, inquiries) in the store."""
    with closing(sqlite3.connect(database_path(data))) as db:
        (messages,) = db.execute("SELECT count(*) FROM message").fetchone()
        (inquiries,) = db.execute("SELECT count(*) FROM inquiry").fetchone()
    return int(messages), int(inquiries)


def probe(data: Path, password: str) -> tuple[dict[str, object], dict[str, object]]:
    """(the sync's JSON, {"code", "heavy"}) from a separate process, as cron runs it."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(data)],
        capture_output=True, text=True, check=True, env={**os.environ, PASSWORD_ENV: password},
    )  # fmt: skip
    *summary_lines, last = done.stdout.strip().splitlines()
    return json.loads("\n".join(summary_lines)), json.loads(last)


def test_a_flag_change_or_deletion_elsewhere_is_nothing_new_and_new_mail_is_fetched_once(
    account_dir: Path,
    capsys: pytest.CaptureFixture[str],
    dovecot: DovecotServer,
    mailbox: MailUser,
) -> None:
    uids = dovecot.deliver(mailbox, customer_mail(11), customer_mail(12), customer_mail(13))
    first = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert (first["fetched"], first["new_inquiries"]) == (3, 3)
    before = stored(account_dir)

    client = dovecot.connect(mailbox)
    try:
        client.select_folder("INBOX")
        assert client.has_capability("CONDSTORE")  # offered, and still not needed
        modseq = client.folder_status("INBOX", ["HIGHESTMODSEQ"])[b"HIGHESTMODSEQ"]
        client.add_flags([uids[0]], [b"\\Seen"])
        client.add_flags([uids[1]], [b"\\Flagged"])
        client.delete_messages([uids[2]])
        client.expunge()
        assert client.folder_status("INBOX", ["HIGHESTMODSEQ"])[b"HIGHESTMODSEQ"] > modseq
    finally:
        client.logout()

    summary, how = probe(account_dir, mailbox.password)
    assert how == {"code": 0, "heavy": []}  # answered by the probe: no ORM, no pydantic
    assert summary == SyncSummary(account="shop").as_json()
    assert stored(account_dir) == before  # the deleted mail's inquiry stays, nothing added
    # vouched for again after its one write: the next probe skips quick_check
    assert (account_dir / "soloservice-closed.json").is_file()
    _again, how = probe(account_dir, mailbox.password)
    assert how == {"code": 0, "heavy": []}
    assert (account_dir / "soloservice-closed.json").is_file()

    # The full path (probe off) agrees: nothing fetched, nothing stored.
    os.environ["SOLOSERVICE_SYNC_NO_PROBE"] = "1"
    try:
        full = run_json(capsys, "--data-dir", str(account_dir), "sync")
    finally:
        del os.environ["SOLOSERVICE_SYNC_NO_PROBE"]
    assert full == SyncSummary(account="shop").as_json()
    assert stored(account_dir) == before

    dovecot.deliver(mailbox, customer_mail(14))
    summary, how = probe(account_dir, mailbox.password)
    assert how["code"] == 0 and how["heavy"]  # new mail: the full sync ran
    assert (summary["fetched"], summary["new_inquiries"]) == (1, 1)
    assert stored(account_dir) == (before[0] + 1, before[1] + 1)
    again = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert again["fetched"] == 0  # fetched once
    assert stored(account_dir) == (before[0] + 1, before[1] + 1)


def test_the_probe_reads_the_time_zone_without_pydantic_and_defers_on_odd_settings(
    account_dir: Path,
    capsys: pytest.CaptureFixture[str],
    dovecot: DovecotServer,
    mailbox: MailUser,
) -> None:
    dovecot.deliver(mailbox, customer_mail(21))
    run_json(capsys, "--data-dir", str(account_dir), "sync")
    settings = account_dir / "settings.json"

    settings.write_text(json.dumps({"version": 1, "timezone": "Europe/Oslo"}))
    _summary, how = probe(account_dir, mailbox.password)
    assert how == {"code": 0, "heavy": []}

    # a time zone that does not exist: the full path runs (and reports the settings)
    settings.write_text(json.dumps({"version": 1, "timezone": "Mars/Olympus"}))
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(account_dir)],
        capture_output=True, text=True, env={**os.environ, PASSWORD_ENV: mailbox.password},
    )  # fmt: skip
    assert "Mars/Olympus" in done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["code"] == 2
