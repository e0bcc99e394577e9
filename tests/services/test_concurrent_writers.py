"""Real processes writing the same store at once: nothing doubled, nothing "locked".

Each writer is a separate Python process. They are started, wait until every one has
imported the app and opened the store, and are then released together (one line on stdin
each), so their transactions really overlap instead of running one after the other.
"""

from __future__ import annotations

import json
import mailbox
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlmodel import func, select

from soloservice.domain.types import Direction
from soloservice.services.registry import Services
from soloservice.storage.locks import exclusive, lock_path
from soloservice.storage.mail_tables import MailItemRow
from soloservice.storage.tables import InquiryRow, MessageRow
from tests.helpers import mail_env as mail_harness
from tests.helpers.factories import every_inquiry
from tests.helpers.mail_env import REPO_ROOT, MailEnv, mail, set_account

mail_env = mail_harness.mail_env  # the fixture: a real Dovecot and an account "shop"

#: Runs ``soloservice.cli.main(argv)`` once released; the sync lock can be switched off to
#: show that the database alone refuses a double.
RUNNER = """
import contextlib, sys
from soloservice.cli import main
if sys.argv[1] == "nolock":
    import soloservice.services.mail_sync as mail_sync
    mail_sync.exclusive = lambda path, wait=0.0: contextlib.nullcontext()
print("ready", flush=True)
sys.stdin.readline()
raise SystemExit(main(sys.argv[2:]))
"""

#: Adds notes in a loop through the composed services, as the window does.
NOTE_LOOP = """
import sys
from pathlib import Path
from soloservice.domain.types import Direction
from soloservice.services.registry import Services
services = Services.open(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
for n in range(int(sys.argv[3])):
    services.inquiries.add_note(int(sys.argv[2]), f"note {n}")
services.close()
"""


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, **(extra or {}))
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def run_together(
    commands: Sequence[Sequence[str]], env: dict[str, str] | None = None
) -> list[tuple[int, str, str]]:
    """Start every command, wait until each is ready, release them at once, collect."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", *command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(env),
            text=True,
        )
        for command in commands
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            results.append((proc.returncode, out, err))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()


def cli(*argv: str, lock: bool = True) -> list[str]:
    return [RUNNER, "lock" if lock else "nolock", *argv]


def count(services: Services, table: type, *where: object) -> int:
    # rows counted as stored, after several processes wrote at once: the store is the proof
    with services.ctx.db.read_session() as session:
        return int(session.exec(select(func.count()).select_from(table).where(*where)).one())


def write_mbox(path: Path, n: int) -> Path:
    box = mailbox.mbox(path)
    for i in range(1, n + 1):
        box.add(mail(i, subject=f"Sag {i}", body=f"Mail nummer {i}."))
    box.flush()
    box.close()
    return path


# --- imports ---------------------------------------------------------------------------------


def test_two_concurrent_imports_of_one_mbox_store_each_mail_once(
    services: Services, data_dir: Path, tmp_path: Path
) -> None:
    archive = write_mbox(tmp_path / "arkiv.mbox", 30)
    argv = ("import", "mbox", str(archive), "--data-dir", str(data_dir))
    results = run_together([cli(*argv), cli(*argv)])
    assert [r[0] for r in results] == [0, 0], [r[2] for r in results]
    summaries = [json.loads(r[1]) for r in results]
    assert sorted(s["new_inquiries"] for s in summaries) == [0, 30]
    assert sorted(s["duplicates"] for s in summaries) == [0, 30]
    assert count(services, InquiryRow) == 30
    assert count(services, MessageRow) == 30
    assert count(services, MailItemRow) == 30  # the second import added no ledger rows


def test_a_note_loop_beside_two_imports_never_sees_database_is_locked(
    services: Services, data_dir: Path, tmp_path: Path
) -> None:
    archive = write_mbox(tmp_path / "arkiv.mbox", 30)
    services.mail_import.import_path(write_mbox(tmp_path / "one.mbox", 1))  # mail 1 of 30
    (case,) = every_inquiry(services)
    inquiry_id = case.id
    argv = ("import", "mbox", str(archive), "--data-dir", str(data_dir))
    notes = [NOTE_LOOP, str(data_dir), str(inquiry_id), "25"]
    results = run_together([notes, cli(*argv), cli(*argv), notes])
    for code, _out, err in results:
        assert code == 0 and "locked" not in err, err
    assert count(services, InquiryRow) == 30
    assert count(services, MessageRow, MessageRow.direction == Direction.NOTE.value) == 50
    assert count(services, MessageRow, MessageRow.direction == Direction.IN.value) == 30


# --- sync ------------------------------------------------------------------------------------


@pytest.mark.mailserver
@pytest.mark.parametrize("lock", [True, False], ids=["with-sync-lock", "database-alone"])
def test_three_concurrent_syncs_store_each_mail_once(mail_env: MailEnv, lock: bool) -> None:
    set_account(mail_env, password_env="SHOP_TEST_PASSWORD")
    mail_env.deliver(*(mail(n, subject=f"Emne {n}") for n in range(1, 31)))
    argv = ("sync", "--data-dir", str(mail_env.data_dir))
    results = run_together(
        [cli(*argv, lock=lock)] * 3, env={"SHOP_TEST_PASSWORD": mail_env.user.password}
    )
    assert [r[0] for r in results] == [0, 0, 0], [r[2] for r in results]
    summaries = [json.loads(r[1]) for r in results]
    assert sum(s["new_inquiries"] for s in summaries) == 30
    services = mail_env.services
    assert count(services, InquiryRow) == 30 and count(services, MessageRow) == 30
    assert count(services, MailItemRow) == 30  # one ledger row per uid
    if lock:
        skipped = [r[2] for r, s in zip(results, summaries, strict=True) if s["skipped"]]
        assert all("another sync of 'shop' is running" in err for err in skipped)


@pytest.mark.mailserver
def test_a_sync_of_an_account_being_synced_is_skipped_with_a_note(mail_env: MailEnv) -> None:
    """What cron sees while the window syncs: exit 0, a note, nothing fetched."""
    set_account(mail_env, password_env="SHOP_TEST_PASSWORD")
    mail_env.deliver(mail(1))
    account_id = mail_env.accounts.get("shop").id
    with exclusive(lock_path(mail_env.data_dir, "sync", str(account_id))):
        result = subprocess.run(
            [sys.executable, "-m", "soloservice", "sync", "--data-dir", str(mail_env.data_dir)],
            env=_env({"SHOP_TEST_PASSWORD": mail_env.user.password}),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    assert "note: another sync of 'shop' is running (process" in result.stderr
    assert json.loads(result.stdout)["fetched"] == 0
    assert mail_env.run().new_inquiries == 1  # once it is free the mail comes in
