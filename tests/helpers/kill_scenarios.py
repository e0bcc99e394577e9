"""The three kinds of work the kill test interrupts: import, sync and sending the outbox.

Each scenario has its own data dir (and mailbox), makes fresh work for every round (a new
archive, new mail on the server, a new reply) so that each kill interrupts real work, says
where a kill landed, and counts what the store and the servers hold after the clean run.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime, timedelta
from email import message_from_bytes
from pathlib import Path

from tests.helpers.kill_points import (
    NOW,
    Cli,
    Findings,
    add_account,
    customer_mail,
    db_rows,
    smtp_for,
    stored_in,
    write_maildir,
    write_mbox,
)
from tests.helpers.mailservers import DovecotServer, MailUser, SmtpServer, TestCerts


def _new_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True)
    return path


def _landing(stored: int, wanted: int, killed: bool) -> str:
    if not killed:
        return "ended before the kill"
    if stored == 0:
        return "before the first batch was stored"
    if stored == wanted:
        return "after every mail was stored"
    return "part-way: a batch stored, the next not"


class ImportScenario:
    """``import mbox|maildir`` of a new archive each round; each archive repeats the last
    mails of the previous one (the same mail in two archives is stored once)."""

    def __init__(self, root: Path, kind: str, per_round: int = 410, overlap: int = 10) -> None:
        self.name = f"import {kind}"
        self.kind = kind
        self.root = root
        self.per_round = per_round
        self.overlap = overlap
        self.cli = Cli(root / "data")
        self.archives: list[Path] = []
        self.own: dict[int, list[str]] = {}
        self.message_ids: list[str] = []
        self._previous: list[bytes] = []

    def _archive(self, label: str, mails: list[bytes]) -> Path:
        path = self.root / f"{label}.{self.kind}"
        (write_mbox if self.kind == "mbox" else write_maildir)(path, mails)
        return path

    def setup(self) -> None:
        _new_dir(self.cli.data_dir)
        self._idle = self._archive("idle", [customer_mail(f"{self.kind}-idle", 0)])

    def idle(self) -> tuple[list[str], datetime]:
        return ["--create", "import", self.kind, str(self._idle)], NOW

    def prepare(self, round_no: int) -> tuple[list[str], datetime]:
        tag = f"{self.kind}{round_no}"
        mails = [customer_mail(tag, n) for n in range(self.per_round)]
        path = self._archive(f"round-{round_no}", self._previous + mails)
        self._previous = mails[-self.overlap :]
        self.archives.append(path)
        ids = [f"<{tag}.{n}@example.dk>" for n in range(self.per_round)]
        self.own[round_no] = ids
        self.message_ids.extend(ids)
        return ["import", self.kind, str(path)], NOW

    def landed(self, round_no: int, killed: bool) -> str:
        ids = self.own[round_no]
        return _landing(len(stored_in(self.cli.data_dir, ids)), len(ids), killed)

    def clean_run(self) -> None:
        for path in self.archives:
            self.cli.run("import", self.kind, str(path))

    def findings(self) -> Findings:
        counts = stored_in(self.cli.data_dir, self.message_ids)
        return Findings(
            expected=len(self.message_ids),
            duplicates=sum(1 for c in counts.values() if c > 1),
            lost=sum(1 for m in self.message_ids if counts[m] == 0),
        )


class SyncScenario:
    """``sync`` against the real Dovecot after new mail arrived each round."""

    def __init__(self, root: Path, dovecot: DovecotServer, user: MailUser, per_round: int = 120):
        self.name = "sync"
        self.dovecot = dovecot
        self.user = user
        self.per_round = per_round
        self.cli = Cli(root / "data")
        self.own: dict[int, list[str]] = {}
        self.message_ids: list[str] = []
        self._stored_before = 0

    def setup(self) -> None:
        _new_dir(self.cli.data_dir)
        add_account(self.cli, self.dovecot, None, self.user, None)

    def idle(self) -> tuple[list[str], datetime]:
        return ["sync"], NOW

    def prepare(self, round_no: int) -> tuple[list[str], datetime]:
        tag = f"sync{round_no}"
        self.dovecot.deliver(self.user, *(customer_mail(tag, n) for n in range(self.per_round)))
        ids = [f"<{tag}.{n}@example.dk>" for n in range(self.per_round)]
        self.own[round_no] = ids
        self.message_ids.extend(ids)
        self._stored_before = len(stored_in(self.cli.data_dir, self.message_ids))
        return ["sync"], NOW

    def landed(self, round_no: int, killed: bool) -> str:
        # A killed sync leaves its mail for the next one, which fetches the oldest first:
        # count every mail still waiting, not only this round's.
        stored = len(stored_in(self.cli.data_dir, self.message_ids))
        waiting = len(self.message_ids) - self._stored_before
        return _landing(stored - self._stored_before, waiting, killed)

    def clean_run(self) -> None:
        self.cli.run("sync")

    def findings(self) -> Findings:
        counts = stored_in(self.cli.data_dir, self.message_ids)
        return Findings(
            expected=len(self.message_ids),
            duplicates=sum(1 for c in counts.values() if c > 1),
            lost=sum(1 for m in self.message_ids if counts[m] == 0),
        )


#: how the account and the provider treat the Sent folder
FILES_SENT = "provider files in Sent"  # Gmail, Outlook, iCloud: the interrupted check works
NO_SENT_FOLDER = "no Sent folder"  # an interrupted send is kept as unknown for the founder
SENT_NOT_FILED = "Sent folder, provider does not file"  # learnt: an interrupted send is kept
MODES = (FILES_SENT, NO_SENT_FOLDER, SENT_NOT_FILED)


class OutboxScenario:
    """``reply ID --send`` (two rounds in three) or ``outbox send`` of a queued reply, over
    the real aiosmtpd, each round an hour after the last (so a dead sender's lease is over)."""

    def __init__(
        self, root: Path, dovecot: DovecotServer, user: MailUser, certs: TestCerts, mode: str
    ) -> None:
        self.name = f"outbox ({mode})"
        self.mode = mode
        self.root = root
        self.dovecot = dovecot
        self.user = user
        self.certs = certs
        self.cli = Cli(root / "data")
        self.smtp: SmtpServer | None = None
        self.inquiries: list[int] = []
        self.rounds = 0
        self._before: dict[int, int] = {}
        self._kind: dict[int, str] = {}

    def setup(self) -> None:
        _new_dir(self.cli.data_dir)
        self.smtp = smtp_for(self.certs, self.dovecot, self.user, self.mode == FILES_SENT)
        sent = None if self.mode == NO_SENT_FOLDER else "Sendt"
        add_account(self.cli, self.dovecot, self.smtp, self.user, sent)
        archive = self.root / "customers.mbox"
        write_mbox(archive, [customer_mail("outbox", n) for n in range(5)])
        self.cli.run("import", "mbox", str(archive))
        self.inquiries = [r[0] for r in db_rows(self.cli.data_dir, "SELECT id FROM inquiry")]

    def stop(self) -> None:
        if self.smtp is not None:
            self.smtp.stop()

    def _max_id(self) -> int:
        return int(db_rows(self.cli.data_dir, "SELECT COALESCE(MAX(id), 0) FROM outbox")[0][0])

    def idle(self) -> tuple[list[str], datetime]:
        return ["outbox", "send"], NOW

    def prepare(self, round_no: int) -> tuple[list[str], datetime]:
        self.rounds = max(self.rounds, round_no)
        now = NOW + timedelta(hours=round_no + 1)
        inquiry = str(self.inquiries[round_no % len(self.inquiries)])
        body = f"Tak for din besked. Svar nummer {round_no}."
        self._before[round_no] = self._max_id()
        if round_no % 3 == 2:
            self.cli.run("reply", inquiry, "--body", body, "--no-quote", now=now)
            self._kind[round_no] = "outbox send"
            return ["outbox", "send"], now
        self._kind[round_no] = "reply --send"
        return ["reply", inquiry, "--body", body, "--no-quote", "--send"], now

    def received(self) -> Counter[str]:
        assert self.smtp is not None
        return Counter(
            str(message_from_bytes(m.raw)["Message-ID"]).strip() for m in self.smtp.received
        )

    def _settle(self) -> None:
        """A client killed right after the end of DATA leaves the server finishing that
        mail on its own thread: wait until its count stops moving before reading it."""
        assert self.smtp is not None
        last, deadline = -1, time.monotonic() + 2.0
        while time.monotonic() < deadline and len(self.smtp.received) != last:
            last = len(self.smtp.received)
            time.sleep(0.1)

    def landed(self, round_no: int, killed: bool) -> str:
        kind = self._kind[round_no]
        if killed:
            self._settle()
        rows = db_rows(
            self.cli.data_dir,
            "SELECT status, message_id_header FROM outbox WHERE id > ? ORDER BY id",
            self._before[round_no],
        )
        if not killed:
            return f"{kind}: ended before the kill"
        if not rows:
            return f"{kind}: before the reply was queued"
        status, message_id = rows[0]
        at_server = self.received()[message_id] > 0
        if status == "sent":
            return f"{kind}: after it was marked sent"
        if at_server:
            return f"{kind}: at the SMTP server, not yet marked sent"
        return f"{kind}: queued, not yet at the SMTP server ({status})"

    def clean_run(self) -> None:
        self.cli.run("outbox", "send", now=NOW + timedelta(hours=self.rounds + 3))

    def findings(self) -> Findings:
        received = self.received()
        rows = db_rows(self.cli.data_dir, "SELECT id, status, message_id_header FROM outbox")
        out = Counter(
            r[0]
            for r in db_rows(self.cli.data_dir, "SELECT external_id FROM message WHERE "
                             "direction = 'out'")
        )  # fmt: skip
        found = Findings(expected=len(rows))
        known = set()
        for outbox_id, status, message_id in rows:
            known.add(message_id)
            count = received[message_id]
            if count > 1:
                found.doubles_sent += 1
            if status == "sent":
                if count == 0:
                    found.lost += 1
                    found.problems.append(f"outbox {outbox_id} recorded sent, never received")
                if out[message_id] > 1:
                    found.duplicates += 1
                elif out[message_id] == 0:
                    found.lost += 1
                    found.problems.append(f"outbox {outbox_id} sent, not in the conversation")
            elif status == "unknown":
                found.unknown += 1
                found.unknown_delivered += count > 0
            else:
                found.lost += 1
                found.problems.append(f"outbox {outbox_id} still {status} after the clean run")
        forgotten = [m for m in received if m not in known]
        found.lost += len(forgotten)
        found.problems.extend(f"received {m} the store does not know" for m in forgotten)
        return found
