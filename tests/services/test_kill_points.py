"""Kill -9 at random points of import, sync and outbox send, then a clean run (issue 12).

The short version of benchmarks/kill_test.py (200 kills): a few seeded random kills of each
kind of work through the real CLI in subprocesses, against the real Dovecot and aiosmtpd;
then every mail must be stored exactly once, no reply received twice by the SMTP server,
nothing lost, and the store's integrity and foreign keys clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.kill_points import Report, run_kill_test
from tests.helpers.kill_scenarios import (
    FILES_SENT,
    NO_SENT_FOLDER,
    ImportScenario,
    OutboxScenario,
    SyncScenario,
)
from tests.helpers.mailservers import DovecotServer, TestCerts

SEED = 20261201


def check(report: Report) -> None:
    text = report.text()
    for line in report.lines:
        f = line.findings
        assert (f.duplicates, f.lost, f.doubles_sent, f.problems) == (0, 0, 0, []), text
        assert line.kills > 0, text


def test_killed_mbox_and_maildir_imports_store_every_mail_once(tmp_path: Path) -> None:
    scenarios = [
        ImportScenario(tmp_path / "mbox", "mbox", per_round=230),
        ImportScenario(tmp_path / "maildir", "maildir", per_round=230),
    ]
    report = run_kill_test(scenarios, [4, 4], SEED)
    check(report)
    for line in report.lines:
        assert line.findings.expected == (2 + line.kills + line.ended_first) * 230


@pytest.mark.mailserver
def test_killed_syncs_store_every_mail_once(tmp_path: Path, dovecot: DovecotServer) -> None:
    report = run_kill_test(
        [SyncScenario(tmp_path, dovecot, dovecot.new_user(), per_round=60)], [8], SEED
    )
    check(report)
    line = report.lines[0]
    assert line.findings.expected == (2 + line.kills + line.ended_first) * 60


@pytest.fixture
def outboxes(
    tmp_path: Path, dovecot: DovecotServer, test_certs: TestCerts
) -> Iterator[list[OutboxScenario]]:
    scenarios = [
        OutboxScenario(tmp_path / "files", dovecot, dovecot.new_user(), test_certs, FILES_SENT),
        OutboxScenario(tmp_path / "none", dovecot, dovecot.new_user(), test_certs, NO_SENT_FOLDER),
    ]
    yield scenarios
    for scenario in scenarios:
        scenario.stop()


@pytest.mark.mailserver
def test_killed_sends_never_reach_the_customer_twice(outboxes: list[OutboxScenario]) -> None:
    """A provider that files in Sent: an interrupted send is found there, never resent.
    No Sent folder: it is kept as "may have been sent" (unknown), never sent blind."""
    report = run_kill_test(outboxes, [5, 5], SEED)
    check(report)
    files, none = (line.findings for line in report.lines)
    assert files.unknown == 0, report.text()
    assert none.unknown_delivered <= none.unknown
