"""``backup [FILE]``, ``backup list``, ``restore FILE``, and the CLI's backup duties.

``cli/main.py`` asks this module two things around every command: may it run on a damaged
(read-only) store (``refuse_if_damaged``), and, after a command that writes, is today's
automatic backup due (``after_command``)?
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from soloservice import paths
from soloservice.cli.common import PROG, local, print_json, print_json_line
from soloservice.cli.registry import Command, SubParsers
from soloservice.services.registry import NOW_ENV, Services, pinned_clock

if TYPE_CHECKING:
    from soloservice.services.backups import BackupInfo

#: commands that only read the store: they still run on a damaged one
READ_COMMANDS = frozenset({"inbox", "show", "export", "review", "backup", "promise"})
#: sub-commands that only read, whatever command they belong to
READ_ACTIONS = frozenset(
    {"list", "show", "report", "suggest", "merges", "test", "propose", "export"}
)


def is_read_only(args: argparse.Namespace) -> bool:
    if args.command == "backup":  # reads the store; a manual backup refuses a damaged one
        return True
    return args.command in READ_COMMANDS or getattr(args, "action", None) in READ_ACTIONS


def refuse_if_damaged(services: Services, args: argparse.Namespace) -> None:
    """A command that writes does not start on a damaged store (one line, exit 2)."""
    from soloservice.storage.readonly import DamagedStoreError, damaged_message

    damage = services.backups.damage
    if damage is not None and not is_read_only(args):
        raise DamagedStoreError(damaged_message(damage))


def after_command(services: Services, args: argparse.Namespace) -> None:
    """Today's automatic backup, after a command that wrote (never fails the command)."""
    if is_read_only(args) or args.command == "restore":
        return
    problem: Exception | None
    try:
        services.backups.daily_if_due()
        problem = services.backups.folder_problem  # daily_if_due skips it without a word
    except Exception as exc:  # a full disk must not turn a stored mail into an error
        problem = exc
    if problem is not None:
        print(f"{PROG}: warning: the daily backup failed: {problem}", file=sys.stderr)


def info_json(info: BackupInfo, services: Services) -> dict[str, Any]:
    return {
        "file": str(info.path),
        "kind": info.kind.value,
        "taken_at": info.taken_at.astimezone(services.ctx.tz).isoformat(),
        "bytes": info.size,
        "forgotten_customers": info.forgotten,
    }


def _holds(info: BackupInfo) -> str:
    """The GDPR note: a backup from before a forget still holds that customer."""
    if not info.forgotten:
        return ""
    plural = "customer" if info.forgotten == 1 else "customers"
    return f"  (holds {info.forgotten} forgotten {plural} until it expires)"


def _size(size: int) -> str:
    for unit in ("B", "kB", "MB"):
        if size < 1000:
            return f"{size} {unit}"
        size //= 1000
    return f"{size} GB"


def cmd_backup(services: Services, args: argparse.Namespace) -> int:
    if args.file == "list":
        services.backups.check_folder()  # "no backups yet" would hide why there are none
        backups = services.backups.available()
        if args.json:
            print_json([info_json(b, services) for b in backups])
            return 0
        if not backups:
            print(f"no backups yet in {services.backups.directory}")
            return 0
        rows = [("TAKEN", "KIND", "SIZE", "FILE")]
        rows += [
            (local(b.taken_at, services.ctx.tz), b.kind.value, _size(b.size), str(b.path))
            for b in backups
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        holds = {str(b.path): _holds(b) for b in backups}
        for row in rows:
            cells = [*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[3]]
            print("  ".join(cells) + holds.get(row[3], ""))
        return 0
    dest = Path(args.file) if args.file else None
    print_json_line(info_json(services.backups.back_up(dest), services))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from soloservice.services.backups import restore
    from soloservice.services.context import utc_now

    clock = pinned_clock(os.environ.get(NOW_ENV, "")) or utc_now
    data_dir = paths.data_dir(args.data_dir, must_exist=not getattr(args, "create", False))
    summary = restore(data_dir, Path(args.file), clock())
    print_json_line(
        {
            "restored_from": str(summary.restored_from),
            "kept_as": str(summary.kept_as) if summary.kept_as else None,
            "revision": summary.revision,
            "migrated": summary.migrated,
        }
    )
    return 0


def register(sub: SubParsers[Any], common: argparse.ArgumentParser) -> dict[str, Command]:
    backup = sub.add_parser(
        "backup",
        parents=[common],
        help="back up the database now; `backup list` lists the backups",
        description="Without FILE, a manual backup goes into the data dir's backups folder "
        "(daily, weekly and pre-migration backups are taken automatically). "
        "`backup list` lists them (to back up to a file named list, write ./list).",
    )
    backup.add_argument("file", nargs="?", metavar="FILE|list", help="where to write it")
    backup.add_argument("--json", action="store_true", help="with list: JSON output")
    restore_parser = sub.add_parser(
        "restore",
        parents=[common],
        help="replace the database by a backup (the current one is kept as a backup)",
        description="Checks FILE with integrity_check and that this version can open it, "
        "keeps the current database in the backups folder, then puts FILE in its place. "
        "Close the window first.",
    )
    restore_parser.add_argument("file", metavar="FILE", help="a backup (see `backup list`)")
    return {
        "backup": Command(cmd_backup),
        "restore": Command(cmd_restore, needs_services=False),
    }
