"""A parse worker never outlives a killed importer, nor keeps its sync lock (issue 12).

The kill test found it: a ``sync`` killed while its forked parse worker waited for work left
the worker running with a copy of the account's ``flock``, so every later sync skipped the
account as "already syncing" and 7,200 mails were never fetched. Here a real process takes
the sync lock the way ``MailSyncService`` does, starts the pool, gets a batch parsed by the
worker and dies by SIGKILL; the worker must be gone and the lock free soon after.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.storage.locks import LockBusy, exclusive, lock_path
from tests.helpers.eml import eml

REPO_SRC = Path(__file__).resolve().parents[2] / "src"

#: takes the sync lock of account 1, has the worker parse a mail, prints its pid, dies
KILLED_IMPORTER = """
import os, signal, sys
from datetime import UTC, datetime
from pathlib import Path
from soloservice.services.mail_parse_pool import ParsePool
from soloservice.storage.locks import exclusive, lock_path

data, raw = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes()
with exclusive(lock_path(data, "sync", "1")):
    pool = ParsePool(True).__enter__()
    parsed = pool.submit([(raw, datetime(2026, 11, 24, tzinfo=UTC))]).result()
    assert parsed[0][0].subject == "Sag 1", parsed
    (worker,) = pool._executor._processes  # type: ignore[union-attr]
    print(worker, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie child of init counts as gone: it holds no files any more
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(sys.platform == "win32", reason="flock and SIGKILL are POSIX")
def test_a_killed_importers_worker_ends_and_leaves_the_sync_lock_free(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    mail = tmp_path / "1.eml"
    mail.write_bytes(eml(1, when=datetime(2026, 11, 24, 9, tzinfo=UTC), subject="Sag 1"))
    result = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORTER, str(data), str(mail)],
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(REPO_SRC), os.environ.get("PYTHONPATH", "")]),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -9, result.stderr
    worker = int(result.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(worker), "the parse worker outlived the process that started it"
    try:
        with exclusive(lock_path(data, "sync", "1"), wait=5):
            pass
    except LockBusy as exc:  # pragma: no cover - the failure this test is about
        pytest.fail(f"the dead importer's sync lock is still held: {exc}")
