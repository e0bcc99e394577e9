"""Commands on the inbox itself: list, show, log a call, status, notes, export, demo, gui."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from soloservice import paths
from soloservice.cli.common import (
    CliError,
    detail_json,
    detail_text,
    inquiry_table,
    iso,
    positive_int,
    print_json,
    print_json_line,
    record_id,
    row_json,
)
from soloservice.cli.registry import Command
from soloservice.domain.types import CallDirection, CallOutcome, Channel, ChannelGroup, Status
from soloservice.services.dto import InboxQuery, InquiryListRow, View
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services

GUI_DEMO_COUNT = 200
_PAGE = 500

#: ``services.demo.DEFAULT_SEED``, spelled out so that building the parser imports no
#: service (tests/test_startup_imports.py checks the two agree)
DEMO_SEED = 2026


def _channel_filter(text: str | None) -> tuple[ChannelGroup | None, Channel | None]:
    if text is None:
        return None, None
    value = text.strip().lower()
    try:
        return ChannelGroup(value), None
    except ValueError:
        pass
    try:
        channel = Channel(value)
    except ValueError:
        allowed = ", ".join([g.value for g in ChannelGroup] + sorted(c.value for c in Channel))
        raise CliError(f"unknown channel {text!r} (use one of: {allowed})") from None
    return ChannelGroup.SOCIAL, channel


def _inbox_rows(services: Services, args: argparse.Namespace) -> list[InquiryListRow]:
    from soloservice.services.inquiries import parse_status

    group, platform = _channel_filter(args.channel)
    status = parse_status(args.status) if args.status else None
    if args.view is not None:
        view = View(args.view)
    elif args.overdue:
        view = View.OVERDUE
    elif args.due_today:
        view = View.DUE_TODAY
    elif args.needs_reply:
        view = View.NEEDS_REPLY
    elif status is Status.WAITING:
        view = View.WAITING
    elif status in (Status.RESOLVED, Status.CLOSED):
        view = View.RESOLVED
    else:
        view = View.INBOX
    query = InboxQuery(view=view, group=group, channel=platform, status=status)
    limit = args.limit if args.limit is not None else services.inbox.count(query)
    rows: list[InquiryListRow] = []
    while len(rows) < limit:
        page = services.inbox.page(query, offset=len(rows), limit=min(_PAGE, limit - len(rows)))
        if not page:
            break
        rows.extend(page)
    return rows


def cmd_inbox(services: Services, args: argparse.Namespace) -> int:
    rows = _inbox_rows(services, args)
    zone = services.ctx.tz
    if args.json:
        print_json([row_json(row, zone) for row in rows])
    elif rows:
        print(inquiry_table(rows, zone))
    else:
        print("No inquiries.")
    return 0


def cmd_counts(services: Services, args: argparse.Namespace) -> int:
    """Every view's count, from the same SQL as the sidebar, the tray and the alerts."""
    counts = services.inbox.counts()
    views = {view.value: counts.views.get(view, 0) for view in View}
    groups = {group.value: counts.groups.get(group, 0) for group in ChannelGroup}
    if args.json:
        print_json({**views, "channels": groups})
    else:
        width = max(len(name) for name in [*views, *groups])
        for name, value in views.items():
            print(f"{name:<{width}}  {value}")
        for name, value in groups.items():
            print(f"{name:<{width}}  {value}  (open, by channel)")
    return 0


def cmd_show(services: Services, args: argparse.Namespace) -> int:
    detail = services.inquiries.get(args.id)
    zone = services.ctx.tz
    if args.json:
        print_json(detail_json(detail, zone))
    else:
        print(detail_text(detail, zone, services.ctx.settings.currency))
    return 0


def _call_outcome(args: argparse.Namespace) -> CallOutcome | None:
    """``--callback`` / ``--solved``; neither means solved for a new call and, on a case,
    answered (the status follows the after-reply setting, as after a mailed reply)."""
    if args.callback:
        return CallOutcome.CALLBACK
    if args.solved or args.inquiry is None:
        return CallOutcome.SOLVED
    return None


def cmd_log_call(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.calls import CallLog

    duration = None
    if args.duration is not None:
        if not 0 <= args.duration <= 12 * 60:
            raise CliError("--duration is minutes, between 0 and 720")
        duration = timedelta(minutes=args.duration)
    phone = args.phone or ""
    if not phone.strip() and args.inquiry is None:
        raise CliError("log-call needs --phone NUMBER (or --inquiry ID for a call on a case)")
    log = CallLog(
        phone=phone,
        note=args.note,
        name=args.name or "",
        direction=CallDirection(args.direction),
        duration=duration,
        complaint=args.complaint,
        outcome=_call_outcome(args),
        inquiry_id=args.inquiry,
    )
    detail = services.calls.log_call(log)
    print_json(detail_json(detail, services.ctx.tz))
    warning = services.calls.phone_warning(phone)
    if warning:
        # Stored all the same (exit 0); the line tells a script's log what to check.
        print(f"soloservice: warning: {warning}", file=sys.stderr)
    return 0


def cmd_set_status(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.inquiries import parse_status

    status = parse_status(args.status)
    change = services.inquiries.set_status(args.id, status)
    zone = services.ctx.tz
    print_json(
        {
            "id": change.inquiry_id,
            "old_status": change.old_status.value,
            "status": change.new_status.value,
            "due_at": iso(change.new_due_at, zone),
        }
    )
    return 0


def cmd_note(services: Services, args: argparse.Namespace) -> int:
    detail = services.inquiries.add_note(args.id, args.text)
    print_json(detail_json(detail, services.ctx.tz))
    return 0


def cmd_export(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.export import export_all

    summary = export_all(services.ctx, Path(args.file))
    print_json_line(
        {
            "file": str(summary.path),
            "customers": summary.customers,
            "inquiries": summary.inquiries,
            "messages": summary.messages,
            "events": summary.events,
            "rows": sum(summary.tables.values()),
            "bytes": summary.bytes,
        }
    )
    return 0


def cmd_demo(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.demo import generate_demo, mark_demo_dir

    if args.count < 0:
        raise CliError("--count cannot be negative")
    summary = generate_demo(services.ctx, args.count, seed=args.seed, force=args.force)
    mark_demo_dir(services.ctx.data_dir)
    print_json_line(summary.as_dict())
    return 0


def run_gui(data_dir: Path, demo: bool = False, quit_after: float | None = None) -> int:
    # What the first page needs from the database stack is imported before Qt: once
    # PySide6 is loaded, its ``__feature__`` import hook reads the source of every module
    # imported after it (~0.1 s of launch for SQLAlchemy, pydantic and holidays; the rest is
    # read cheaply, soloservice/qt_import.py). (tests/ui/test_launch_clock.py checks the order)
    from soloservice.services import backups, inbox, inquiries  # noqa: F401

    # isort: split
    from soloservice.app import run_gui as start  # Qt is imported only when a window opens

    return int(start(data_dir, demo=demo, quit_after=quit_after))


def cmd_gui(args: argparse.Namespace) -> int:
    quit_after = getattr(args, "quit_after", None)
    if quit_after is not None and not 0 <= quit_after <= 24 * 3600:
        raise CliError("--quit-after is seconds, between 0 and 86400")
    if not args.demo:
        return run_gui(paths.data_dir(args.data_dir), quit_after=quit_after)
    # The demo generator (0.2 s of imports) only when demo data may be needed.
    from soloservice.services.demo import (
        DEFAULT_SEED,
        generate_demo,
        inquiry_count,
        is_demo_dir,
        mark_demo_dir,
    )

    if args.data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="soloservice-demo-"))
    else:
        data_dir = paths.data_dir(args.data_dir)
    services = Services.open(data_dir)
    try:
        existing = inquiry_count(services.ctx)
        if existing and not is_demo_dir(data_dir):
            raise InvalidInput(
                f"{data_dir} already holds {existing} inquiries that are not demo data; "
                "gui --demo needs an empty or demo data directory"
            )
        if not existing:
            generate_demo(services.ctx, args.count, seed=DEFAULT_SEED)
            mark_demo_dir(data_dir)
    finally:
        services.close()
    print(f"Demo data in {data_dir}", file=sys.stderr)
    return run_gui(data_dir, demo=True, quit_after=quit_after)


# -- parsing --------------------------------------------------------------------------------


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    demo = sub.add_parser("demo", parents=[common], help="fill the data dir with demo data")
    demo.add_argument("--count", type=positive_int, default=GUI_DEMO_COUNT, metavar="N")
    demo.add_argument("--seed", type=int, default=DEMO_SEED, help=argparse.SUPPRESS)
    demo.add_argument(
        "--force", action="store_true", help="add demo data even if inquiries exist already"
    )

    gui = sub.add_parser("gui", parents=[common], help="open the window")
    gui.add_argument(
        "--demo", action="store_true", help="open on demo data (a fresh temporary dir)"
    )
    gui.add_argument("--count", type=positive_int, default=GUI_DEMO_COUNT, metavar="N")
    # For smoke tests of a built bundle: the real window, closed after SECONDS (not in --help).
    gui.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)

    inbox = sub.add_parser("inbox", parents=[common], help="list open inquiries")
    inbox.add_argument("--json", action="store_true")
    inbox.add_argument("--channel", metavar="C", help="email, form, phone, social or a platform")
    inbox.add_argument("--status", metavar="S", help="new, open, waiting, resolved or closed")
    which = inbox.add_mutually_exclusive_group()
    which.add_argument(
        "--view",
        choices=[v.value for v in View],
        metavar="VIEW",
        help="one sidebar view: " + ", ".join(v.value for v in View),
    )
    which.add_argument(
        "--needs-reply",
        action="store_true",
        help="only those whose customer waits for a reply (the promise is running)",
    )
    which.add_argument("--due-today", action="store_true", help="needing a reply, due later today")
    which.add_argument(
        "--overdue", action="store_true", help="needing a reply, past their due time"
    )
    inbox.add_argument("--limit", type=positive_int, metavar="N")

    counts = sub.add_parser(
        "counts", parents=[common], help="how many inquiries each view holds (as the sidebar)"
    )
    counts.add_argument("--json", action="store_true")

    show = sub.add_parser("show", parents=[common], help="one inquiry with its messages")
    show.add_argument("id", type=record_id, metavar="ID")
    show.add_argument("--json", action="store_true")

    call = sub.add_parser("log-call", parents=[common], help="log a phone call")
    call.add_argument("--phone", metavar="NUMBER", help="needed unless --inquiry is given")
    call.add_argument(
        "--inquiry",
        type=record_id,
        metavar="ID",
        help="add the call to this open case (an outgoing call-back answers it)",
    )
    call.add_argument("--name", metavar="NAME")
    call.add_argument("--direction", choices=["in", "out"], default="in")
    call.add_argument("--duration", type=float, metavar="MIN", help="length of the call")
    call.add_argument("--note", required=True, metavar="TEXT")
    call.add_argument("--complaint", action="store_true")
    outcome = call.add_mutually_exclusive_group()
    outcome.add_argument("--callback", action="store_true", help="a call-back is owed")
    outcome.add_argument(
        "--solved",
        action="store_true",
        help="settled on the call: resolve it (the default for a call without --inquiry)",
    )

    status = sub.add_parser("set-status", parents=[common], help="change an inquiry's status")
    status.add_argument("id", type=record_id, metavar="ID")
    status.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in Status))

    note = sub.add_parser("note", parents=[common], help="add a private note to an inquiry")
    note.add_argument("id", type=record_id, metavar="ID")
    note.add_argument("text", metavar="TEXT")

    export = sub.add_parser(
        "export", parents=[common], help="write everything to a JSON file (`import json` reads it)"
    )
    export.add_argument("file", metavar="FILE.json")
    return {
        "demo": Command(cmd_demo),
        "gui": Command(cmd_gui, needs_services=False),
        "inbox": Command(cmd_inbox),
        "counts": Command(cmd_counts),
        "show": Command(cmd_show),
        "log-call": Command(cmd_log_call),
        "set-status": Command(cmd_set_status),
        "note": Command(cmd_note),
        "export": Command(cmd_export),
    }
