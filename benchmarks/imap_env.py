"""A real Dovecot on loopback with one mailbox filled from a Maildir, for the sync figures.

Reuses the test suite's Dovecot helper (tests/helpers/mailservers.py); nothing here is
timed. ``soloservice account add`` points a data dir at the mailbox over plaintext IMAP on
127.0.0.1 (the password comes from an environment variable, as a cron job would pass it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.helpers.mailservers import (  # noqa: E402
    DovecotServer,
    MailUser,
    dovecot_binary,
    remove_dovecot,
    start_dovecot,
)

PASSWORD_ENV = "SOLOSERVICE_BENCH_IMAP_PASSWORD"


@dataclass
class Mailbox:
    server: DovecotServer
    user: MailUser
    count: int

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, PASSWORD_ENV: self.user.password}


@contextmanager
def dovecot() -> Iterator[DovecotServer]:
    if dovecot_binary() is None:
        raise RuntimeError("dovecot is not installed (apt-get install dovecot-imapd)")
    server = start_dovecot()
    try:
        yield server
    finally:
        remove_dovecot(server)


def fill(server: DovecotServer, raws: Iterable[bytes]) -> Mailbox:
    """A fresh user whose INBOX holds ``raws`` (APPEND over one connection)."""
    user = server.new_user()
    client: Any = server.connect(user)
    count = 0
    try:
        for raw in raws:
            client.append("INBOX", raw)
            count += 1
    finally:
        client.logout()
    return Mailbox(server, user, count)


def add_account(python: str, data_dir: Path, box: Mailbox) -> None:
    """``soloservice account add`` for ``box`` in ``data_dir`` (created)."""
    subprocess.run(
        [
            python, "-m", "soloservice", "--data-dir", str(data_dir), "--create",
            "account", "add", "bench", "--email", "shop@example.com",
            "--imap-host", box.server.host, "--imap-port", str(box.server.imap_port),
            "--imap-security", "none", "--smtp-host", "127.0.0.1", "--smtp-port", "2525",
            "--smtp-security", "none", "--allow-plaintext", "--username", box.user.name,
            "--password-env", PASSWORD_ENV, "--sent-folder", "",
        ],
        check=True, env=box.env, capture_output=True,
    )  # fmt: skip
