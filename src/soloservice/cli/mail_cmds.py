"""Commands of the email channel: accounts, sync, replies and the outbox, quarantine."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soloservice.cli.channel_cmds import add_import_source
from soloservice.cli.common import PROG, CliError, iso, print_json, print_json_line, record_id
from soloservice.cli.registry import Command
from soloservice.domain.mail_ports import SECURITY
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, keyring_available


def _complain(message: str) -> None:
    """One line on stderr: cron mails stderr, and nobody reads the JSON of a failed run."""
    flat = " ".join(message.split())
    print(f"{PROG}: error: {flat}", file=sys.stderr)


def _account_json(services: Services, name: str) -> dict[str, Any]:
    view = services.mail_accounts.get(name)
    zone = services.ctx.tz
    return {
        "name": view.name,
        "email": view.email,
        "imap": f"{view.imap_host}:{view.imap_port} ({view.imap_security})",
        "smtp": f"{view.smtp_host}:{view.smtp_port} ({view.smtp_security})",
        "username": view.username,
        "folder": view.folder,
        "sent_folder": view.sent_folder,
        "provider_files_sent": view.sent_files_relayed,
        "password_env": view.password_env,
        "last_sync_at": iso(view.last_sync_at, zone),
        "last_error": view.last_error,
    }


def _read_password(args: argparse.Namespace) -> str | None:
    """A password typed at a prompt (never on the command line, where ps would show it)."""
    if args.password_env:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n") or None
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {args.username}: ") or None
    return None


def cmd_account(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.mail_accounts import AccountInput

    accounts = services.mail_accounts
    if args.action == "list":
        print_json([_account_json(services, a.name) for a in accounts.list()])
        return 0
    if not args.name:
        raise CliError(f"account {args.action} needs the account NAME")
    if args.action == "remove":
        accounts.remove(args.name)
        print_json_line({"removed": args.name})
        return 0
    if args.action == "test":
        results = accounts.test(args.name)
        print_json(
            [
                {"server": r.server, "ok": r.ok, "kind": r.kind, "message": r.message}
                for r in results
            ]
        )
        failing = [f"{r.server}: {r.kind}: {r.message}" for r in results if not r.ok]
        if failing:
            _complain(f"account {args.name}: " + "; ".join(failing))
            return 2
        return 0
    missing = [
        flag
        for flag, value in (
            ("--email", args.email),
            ("--imap-host", args.imap_host),
            ("--smtp-host", args.smtp_host),
            ("--username", args.username),
        )
        if not value
    ]
    if missing:
        raise CliError(f"account add needs {', '.join(missing)}")
    if "none" in (args.imap_security, args.smtp_security) and not args.allow_plaintext:
        raise CliError("security 'none' sends the password unencrypted; add --allow-plaintext")
    if args.password_env and args.password_env not in os.environ:
        print(f"note: {args.password_env} is not set now; it is read at each sync", file=sys.stderr)
    data = AccountInput(
        name=args.name,
        email=args.email,
        imap_host=args.imap_host,
        imap_port=args.imap_port,
        imap_security=args.imap_security,
        smtp_host=args.smtp_host,
        smtp_port=args.smtp_port,
        smtp_security=args.smtp_security,
        username=args.username,
        password_env=args.password_env,
        folder=args.folder,
        sent_folder=args.sent_folder,
        display_name=args.display_name or "",
    )
    password = _read_password(args)
    place = SecretPlace.FILE if args.store_password_in_file else SecretPlace.KEYRING
    view, stored = accounts.add(data, password, place)
    result = _account_json(services, view.name)
    result["password_stored"] = stored.value if stored else None
    if stored is SecretPlace.SESSION:
        _ok, why = keyring_available()
        print(
            f"note: {why}: the password was not saved. Use --password-env VAR for cron, or "
            "--store-password-in-file to keep it in a file only you can read (mode 0600).",
            file=sys.stderr,
        )
    print_json(result)
    return 0


def cmd_sync(services: Services, args: argparse.Namespace) -> int:
    summaries = services.mail_sync.sync(args.account)
    if not summaries:
        raise CliError("no mail account yet: add one with 'soloservice account add'")
    sent = services.outbox.send_pending() if args.send_outbox else None
    output: Any = [s.as_json() for s in summaries]
    if len(output) == 1 and sent is None:
        output = output[0]
    elif sent is not None:
        output = {"sync": output, "outbox": sent.as_json()}
    print_json(output)
    for summary in summaries:
        if summary.skipped:  # not a failure: the sync that runs fetches the same mail
            print(f"note: {summary.skipped}", file=sys.stderr)
        if not summary.ok:
            _complain(f"sync {summary.account}: " + "; ".join(summary.errors))
    if sent is not None:
        for error in sent.errors:
            _complain(f"not sent: {error}")
    failed = any(not s.ok for s in summaries) or (sent is not None and bool(sent.errors))
    return 2 if failed else 0


def sync_nothing_new(data_dir: Path, args: argparse.Namespace) -> int | None:
    """A re-sync with nothing new, answered without the ORM (services/sync_probe.py);
    None when there is anything to fetch or report, so ``cmd_sync`` runs."""
    from datetime import UTC, datetime

    from soloservice.services.registry import NOW_ENV, pinned_clock
    from soloservice.services.sync_probe import nothing_new, settings_zone

    if args.send_outbox or os.environ.get("SOLOSERVICE_SYNC_NO_PROBE"):
        return None
    clock = pinned_clock(os.environ.get(NOW_ENV, ""))
    now = clock() if clock is not None else datetime.now(UTC)
    zone = settings_zone(data_dir)  # without pydantic; None: the full path reports it
    if zone is None:
        return None
    summaries = nothing_new(data_dir, args.account, now, zone)
    if summaries is None:
        return None
    print_json(summaries[0] if len(summaries) == 1 else summaries)
    return 0


def cmd_reply(services: Services, args: argparse.Namespace) -> int:
    body = args.body
    if body == "-":
        body = sys.stdin.read()
    if not body or not body.strip():
        raise CliError("a reply needs --body TEXT (or --body - to read it from stdin)")
    attachments = [Path(p) for p in args.attach or []]
    for path in attachments:
        if not path.is_file():
            raise CliError(f"attachment not found: {path}")
    queued = services.outbox.queue_reply(
        args.id, body, attachments=attachments, account_name=args.account, quote=not args.no_quote
    )
    result: dict[str, Any] = {
        "outbox_id": queued.id,
        "inquiry_id": queued.inquiry_id,
        "to": queued.to_addr,
        "subject": queued.subject,
        "message_id": queued.message_id,
        "status": queued.status,
    }
    if not args.send:
        print_json(result)
        return 0
    sent = services.outbox.send_pending(only_id=queued.id)
    after = services.outbox.get(queued.id)
    result["status"] = after.status
    result["send"] = sent.as_json()
    print_json(result)
    return _reply_send_status(after.status, after.last_error, queued.id)


def _reply_send_status(status: str, error: str | None, outbox_id: int) -> int:
    """``reply --send`` exits 0 only when the mail went out; otherwise it says why on stderr.

    Still waiting (server down, network error, another sender busy with it): the reply is
    safe in the outbox, which retries with a back-off. Refused for good (the server rejected
    the recipient): it is kept as failed and not retried. Both exit 2.
    """
    from soloservice.services.outbox_dto import FAILED, SENT

    if status == SENT:
        return 0
    reason = error or "another sender is sending it right now"
    if status == FAILED:
        _complain(
            f"not sent: {reason}; the server refused it and it will not be retried "
            f"(see 'outbox', or 'outbox cancel {outbox_id}')"
        )
    else:
        _complain(f"queued, not sent: {reason}; the outbox will retry")
    return 2


def cmd_outbox(services: Services, args: argparse.Namespace) -> int:
    zone = services.ctx.tz
    if args.action == "send":
        print_json(services.outbox.send_pending().as_json())
        return 0
    if args.action == "cancel":
        if args.id is None:
            raise CliError("outbox cancel needs the outbox ID")
        if services.outbox.cancel(args.id):
            print_json_line({"cancelled": args.id})
            return 0
        print_json_line({"cancelled": None, "kept": args.id, "status": "unknown"})
        print(
            f"note: outbox item {args.id} may have been sent already (an earlier attempt was "
            f"interrupted), so it is kept: 'outbox retry {args.id}' sends it again, "
            f"'outbox mark-sent {args.id}' records that it arrived",
            file=sys.stderr,
        )
        return 0
    if args.action in ("retry", "mark-sent"):
        if args.id is None:
            raise CliError(f"outbox {args.action} needs the outbox ID")
        if args.action == "mark-sent":
            view = services.outbox.mark_sent(args.id)
            print_json_line({"id": view.id, "status": view.status})
            return 0
        result = services.outbox.retry_now(args.id)
        print_json(result.as_json())
        if result.sent:
            return 0
        _complain("not sent: " + ("; ".join(result.errors) or "another sender has it"))
        return 2
    print_json(
        [
            {
                "id": item.id,
                "inquiry_id": item.inquiry_id,
                "purpose": item.purpose,
                "to": item.to_addr,
                "subject": item.subject,
                "status": item.status,
                "attempts": item.attempts,
                "last_error": item.last_error,
                "next_attempt_at": iso(item.next_attempt_at, zone),
            }
            for item in services.outbox.pending()
        ]
    )
    return 0


def cmd_quarantine(services: Services, args: argparse.Namespace) -> int:
    zone = services.ctx.tz
    if args.action == "show":
        if args.id is None:
            raise CliError("quarantine show needs the item ID")
        sys.stdout.buffer.write(services.mail_sync.raw_of(args.id))
        return 0
    if args.action == "retry":
        if args.id is None:
            raise CliError("quarantine retry needs the item ID")
        outcome = services.mail_sync.reprocess(args.id, as_customer_mail=args.as_customer)
        print_json_line({"id": args.id, "outcome": outcome.value})
        return 0
    print_json(
        [
            {
                "id": item.id,
                "outcome": item.outcome,
                "reason": item.reason,
                "subject": item.subject,
                "from": item.from_addr,
                "fetched_at": iso(item.fetched_at, zone),
                "account": item.account,
            }
            for item in services.mail_sync.quarantined()
        ]
    )
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    account = sub.add_parser("account", parents=[common], help="mail accounts: add, list, remove")
    account.add_argument("action", choices=["add", "list", "remove", "test"])
    account.add_argument("name", nargs="?", metavar="NAME")
    account.add_argument("--email", metavar="ADDR")
    account.add_argument("--display-name", metavar="NAME", help="name shown on your replies")
    account.add_argument("--imap-host", metavar="H")
    account.add_argument("--imap-port", type=int, metavar="P")
    account.add_argument("--imap-security", choices=SECURITY, default="ssl")
    account.add_argument("--smtp-host", metavar="H")
    account.add_argument("--smtp-port", type=int, metavar="P")
    account.add_argument("--smtp-security", choices=SECURITY, default="starttls")
    account.add_argument("--username", metavar="U")
    account.add_argument("--password-env", metavar="VAR", help="read the password from $VAR")
    account.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    account.add_argument(
        "--store-password-in-file",
        action="store_true",
        help="keep the password in a 0600 file in the data dir (when there is no keyring)",
    )
    account.add_argument("--allow-plaintext", action="store_true", help="permit --*-security none")
    account.add_argument("--folder", default="INBOX", metavar="FOLDER")
    account.add_argument("--sent-folder", metavar="FOLDER", help="also read your sent mail")

    sync = sub.add_parser("sync", parents=[common], help="fetch new mail from every account")
    sync.add_argument("--account", metavar="NAME")
    sync.add_argument("--send-outbox", action="store_true", help="then send waiting replies")

    reply = sub.add_parser("reply", parents=[common], help="reply to an email inquiry")
    reply.add_argument("id", type=record_id, metavar="ID")
    reply.add_argument("--body", required=True, metavar="TEXT", help="the reply; - reads stdin")
    reply.add_argument("--send", action="store_true", help="send now (else it waits in the outbox)")
    reply.add_argument("--attach", action="append", metavar="FILE")
    reply.add_argument("--account", metavar="NAME")
    reply.add_argument("--no-quote", action="store_true", help="do not quote the customer")

    outbox = sub.add_parser("outbox", parents=[common], help="replies waiting to be sent")
    outbox.add_argument(
        "action",
        nargs="?",
        choices=["list", "send", "cancel", "retry", "mark-sent"],
        default="list",
    )
    outbox.add_argument("id", nargs="?", type=record_id, metavar="ID")

    quarantine = sub.add_parser(
        "quarantine", parents=[common], help="mail that could not be read, and automatic mail"
    )
    quarantine.add_argument("action", nargs="?", choices=["list", "show", "retry"], default="list")
    quarantine.add_argument("id", nargs="?", type=record_id, metavar="ID")
    quarantine.add_argument(
        "--as-customer", action="store_true", help="retry: treat an automatic mail as a customer's"
    )
    return {
        "account": Command(cmd_account),
        "sync": Command(cmd_sync, fast=sync_nothing_new),
        "reply": Command(cmd_reply),
        "outbox": Command(cmd_outbox),
        "quarantine": Command(cmd_quarantine),
    }


def _configure_mail_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH")


def _mail_importer(kind: str) -> Callable[[Services, argparse.Namespace], int]:
    def handler(services: Services, args: argparse.Namespace) -> int:
        summary = services.mail_import.import_path(Path(args.path), kind)
        print_json(summary.as_json())
        return 0

    return handler


for _kind, _help in (
    ("mbox", "an mbox mail archive (same parsing, threading and dedupe as sync)"),
    ("maildir", "a Maildir folder"),
    ("eml", "one .eml file or a folder of .eml files"),
):
    add_import_source(_kind, _configure_mail_import, _mail_importer(_kind), help=_help)
