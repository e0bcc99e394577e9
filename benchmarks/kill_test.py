"""The full kill test (issue 12): 200 SIGKILLs across import, sync and outbox send.

    .venv/bin/python benchmarks/kill_test.py [--kills 200] [--seed 12] [--keep DIR]

Starts its own Dovecot and aiosmtpd servers (as the test fixtures do), drives the real CLI
in subprocesses, kills it at random points (seeded), then runs every command once more
cleanly and prints where the kills landed and what the store holds: duplicates, lost
mail, replies the SMTP server received twice, replies kept as "may have been sent", and
``integrity_check``/``foreign_key_check``. Exits 1 if anything was doubled or lost.
The short version runs in the test suite: tests/services/test_kill_points.py.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tests.helpers import kill_points
from tests.helpers.kill_points import Report, Scenario, run_kill_test
from tests.helpers.kill_scenarios import (
    MODES,
    ImportScenario,
    OutboxScenario,
    SyncScenario,
)
from tests.helpers.mailservers import make_certs, remove_dovecot, start_dovecot

#: share of the kills per kind of work
SHARES = {"import": 0.3, "sync": 0.3, "outbox": 0.4}


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


#: every non-Qt module imports (a half-done edit elsewhere shows up as an ImportError)
IMPORT_ALL = """
import importlib, pkgutil, soloservice
assert soloservice.__file__.startswith({target!r}), soloservice.__file__
for info in pkgutil.walk_packages(soloservice.__path__, "soloservice."):
    skip = ("soloservice.ui", "soloservice.app", "soloservice.__main__", "soloservice.storage.mig")
    if not info.name.startswith(skip):
        importlib.import_module(info.name)
"""


def snapshot(target: Path) -> Path:
    """A copy of src/ that compiles and starts (retried while someone is mid-edit)."""
    for _attempt in range(30):
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(kill_points.REPO_ROOT / "src", target)
        env = dict(os.environ, PYTHONPATH=str(target))
        ok = subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(target)], capture_output=True
        ).returncode == 0 and subprocess.run(
            [sys.executable, "-c", IMPORT_ALL.format(target=str(target))],
            env=env, capture_output=True,
        ).returncode == 0  # fmt: skip
        if ok:
            return target
        time.sleep(10)
    raise SystemExit("src/ did not compile for five minutes: not running")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="work here and keep the data dirs")
    parser.add_argument(
        "--snapshot",
        action="store_true",
        help="run a copy of src/ taken at the start (others may edit the tree meanwhile)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="say where each kill landed")
    args = parser.parse_args(argv)
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's own deprecation notes
    root = args.keep or Path(tempfile.mkdtemp(prefix="soloservice-kill-"))
    root.mkdir(parents=True, exist_ok=True)
    if args.snapshot:
        kill_points.SRC = snapshot(root / "src")
    certs = make_certs(root / "tls")
    dovecot = start_dovecot(certs)
    imports = split(round(args.kills * SHARES["import"]), 2)
    syncs = round(args.kills * SHARES["sync"])
    outbox = split(args.kills - sum(imports) - syncs, len(MODES))
    scenarios: list[Scenario] = [
        ImportScenario(root / "mbox", "mbox"),
        ImportScenario(root / "maildir", "maildir"),
        SyncScenario(root / "sync", dovecot, dovecot.new_user()),
    ]
    outboxes = [
        OutboxScenario(root / f"outbox{i}", dovecot, dovecot.new_user(), certs, mode)
        for i, mode in enumerate(MODES)
    ]
    try:
        report: Report = run_kill_test(
            [*scenarios, *outboxes], [*imports, syncs, *outbox], args.seed, args.verbose
        )
    finally:
        for scenario in outboxes:
            scenario.stop()
        remove_dovecot(dovecot)
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
