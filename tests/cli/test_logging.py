"""The log file: written by the CLI, private, and free of secrets and customer text."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from soloservice.logsetup import (
    MASK,
    RedactingFilter,
    log_path,
    redact,
    setup_logging,
    stop_logging,
)
from tests.cli.test_mail_cmds import account_dir, customer_mail, smtp  # noqa: F401 (fixtures)
from tests.helpers.cli import run, run_json
from tests.helpers.mailservers import DovecotServer, MailUser


@pytest.mark.mailserver
def test_sync_logs_counts_but_no_password_or_address(
    account_dir: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    dovecot: DovecotServer,
    mailbox: MailUser,
) -> None:
    dovecot.deliver(mailbox, customer_mail(1), b"\r\n\r\n")
    summary = run_json(capsys, "--data-dir", str(account_dir), "sync")
    assert summary["new_inquiries"] == 1
    monkeypatch.setenv("SHOP_MAIL_PASSWORD", mailbox.password + "-wrong")
    code, _out, _err = run(capsys, "--data-dir", str(account_dir), "sync")
    assert code == 2
    path = log_path(account_dir)
    text = path.read_text(encoding="utf-8")
    assert "sync account 1: 2 fetched, 1 new" in text
    assert "command sync: exit 0" in text
    assert "sync account 1: 0 fetched" in text and "sync account 1: login" in text
    for secret in (mailbox.password, "mette@example.dk", "Mette Hansen", "Knust vase", "vase"):
        assert secret not in text, secret
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_redact_masks_addresses_passwords_and_tokens() -> None:
    line = (
        "login failed for mette@example.dk password=hunter2 token: abc "
        'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload {"api_key": "k-123"} '
        "session 9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c"
    )
    masked = redact(line, ("s3cret-Pa55",))
    for leaked in ("mette@example.dk", "hunter2", "eyJhbGciOiJIUzI1NiJ9", "k-123", "9f8e7d6c5b4a"):
        assert leaked not in masked, leaked
    assert "login failed for [address]" in masked and MASK in masked
    assert redact("sync account 3: 12 fetched, 3 new") == "sync account 3: 12 fetched, 3 new"
    assert redact("my s3cret-Pa55 here", ("s3cret-Pa55",)) == f"my {MASK} here"


def test_the_filter_redacts_arguments_and_tracebacks(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, process="test")
    assert path is not None
    log = logging.getLogger("soloservice.test")
    log.info("reply to %s", "kari@example.no")
    log.debug("debug is not written by default: %s", "dbg@example.no")
    try:
        raise RuntimeError("server said: password=opensesame for ole@example.dk")
    except RuntimeError:
        log.exception("sync failed")
    stop_logging()
    text = path.read_text(encoding="utf-8")
    assert "reply to [address]" in text
    assert "RuntimeError: server said: password=[redacted] for [address]" in text
    assert "Traceback" in text
    for leaked in ("kari@example.no", "opensesame", "ole@example.dk", "dbg@example.no"):
        assert leaked not in text
    record = logging.LogRecord("x", logging.DEBUG, "", 0, "to %s", ("a@b.dk",), None)
    assert RedactingFilter().filter(record) and record.getMessage() == "to a@b.dk"


def test_cli_commands_log_into_the_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    run_json(capsys, "--data-dir", str(data), "demo", "--count", "5")
    code, _out, _err = run(capsys, "--data-dir", str(data), "show", "999999")
    assert code == 2
    text = log_path(data).read_text(encoding="utf-8")
    assert "command demo: exit 0" in text and "command failed: no inquiry" in text
