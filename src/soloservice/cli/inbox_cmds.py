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
    row_json,
)
from soloservice.cli.registry import Command
from soloservice.domain.types import CallDirection, CallOutcome, Channel, ChannelGroup, Status
from soloservice.services.calls import CallLog
from soloservice.services.demo import (
    DEFAULT_SEED,
    generate_demo,
    inquiry_count,
    is_demo_dir,
    mark_demo_dir,
)
from soloservice.services.dto import InboxQuery, InquiryListRow, View
from soloservice.services.errors import InvalidInput
from soloservice.services.export import export_all
from soloservice.services.inquiries import parse_status
from soloservice.services.registry import Services

GUI_DEMO_COUNT = 200
_PAGE = 500


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
    group, platform = _channel_filter(args.channel)
    status = parse_status(args.status) if args.status else None
    if args.overdue:
        view = View.OVERDUE
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


def cmd_show(services: Services, args: argparse.Namespace) -> int:
    detail = services.inquiries.get(args.id)
    zone = services.ctx.tz
    if args.json:
        print_json(detail_json(detail, zone))
    else:
        print(detail_text(detail, zone, services.ctx.settings.currency))
    return 0


def cmd_log_call(services: Services, args: argparse.Namespace) -> int:
    duration = None
    if args.duration is not None:
        if not 0 <= args.duration <= 12 * 60:
            raise CliError("--duration is minutes, between 0 and 720")
        duration = timedelta(minutes=args.duration)
    log = CallLog(
        phone=args.phone,
        note=args.note,
        name=args.name or "",
        direction=CallDirection(args.direction),
        duration=duration,
        complaint=args.complaint,
        outcome=CallOutcome.CALLBACK if args.callback else CallOutcome.SOLVED,
    )
    detail = services.calls.log_call(log)
    print_json(detail_json(detail, services.ctx.tz))
    return 0


def cmd_set_status(services: Services, args: argparse.Namespace) -> int:
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
    summary = export_all(services.ctx, Path(args.file))
    print_json_line(
        {
            "file": str(summary.path),
            "customers": summary.customers,
            "inquiries": summary.inquiries,
            "messages": summary.messages,
            "events": summary.events,
            "bytes": summary.bytes,
        }
    )
    return 0


def cmd_demo(services: Services, args: argparse.Namespace) -> int:
    if args.count < 0:
        raise CliError("--count cannot be negative")
    summary = generate_demo(services.ctx, args.count, seed=args.seed, force=args.force)
    mark_demo_dir(services.ctx.db.path.parent)
    print_json_line(summary.as_dict())
    return 0


def run_gui(data_dir: Path, demo: bool = False) -> int:
    from soloservice.app import run_gui as start  # Qt is imported only when a window opens

    return int(start(data_dir, demo=demo))


def cmd_gui(args: argparse.Namespace) -> int:
    if not args.demo:
        return run_gui(paths.data_dir(args.data_dir))
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
    return run_gui(data_dir, demo=True)


# -- parsing --------------------------------------------------------------------------------


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    demo = sub.add_parser("demo", parents=[common], help="fill the data dir with demo data")
    demo.add_argument("--count", type=positive_int, default=GUI_DEMO_COUNT, metavar="N")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, help=argparse.SUPPRESS)
    demo.add_argument(
        "--force", action="store_true", help="add demo data even if inquiries exist already"
    )

    gui = sub.add_parser("gui", parents=[common], help="open the window")
    gui.add_argument(
        "--demo", action="store_true", help="open on demo data (a fresh temporary dir)"
    )
    gui.add_argument("--count", type=positive_int, default=GUI_DEMO_COUNT, metavar="N")

    inbox = sub.add_parser("inbox", parents=[common], help="list open inquiries")
    inbox.add_argument("--json", action="store_true")
    inbox.add_argument("--channel", metavar="C", help="email, form, phone, social or a platform")
    inbox.add_argument("--status", metavar="S", help="new, open, waiting, resolved or closed")
    inbox.add_argument("--overdue", action="store_true", help="only those past their due time")
    inbox.add_argument("--limit", type=positive_int, metavar="N")

    show = sub.add_parser("show", parents=[common], help="one inquiry with its messages")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")

    call = sub.add_parser("log-call", parents=[common], help="log a phone call")
    call.add_argument("--phone", required=True, metavar="NUMBER")
    call.add_argument("--name", metavar="NAME")
    call.add_argument("--direction", choices=["in", "out"], default="in")
    call.add_argument("--duration", type=float, metavar="MIN", help="length of the call")
    call.add_argument("--note", required=True, metavar="TEXT")
    call.add_argument("--complaint", action="store_true")
    call.add_argument("--callback", action="store_true", help="a call-back is owed")

    status = sub.add_parser("set-status", parents=[common], help="change an inquiry's status")
    status.add_argument("id", type=int, metavar="ID")
    status.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in Status))

    note = sub.add_parser("note", parents=[common], help="add a private note to an inquiry")
    note.add_argument("id", type=int, metavar="ID")
    note.add_argument("text", metavar="TEXT")

    export = sub.add_parser("export", parents=[common], help="write everything to a JSON file")
    export.add_argument("file", metavar="FILE.json")
    return {
        "demo": Command(cmd_demo),
        "gui": Command(cmd_gui, needs_services=False),
        "inbox": Command(cmd_inbox),
        "show": Command(cmd_show),
        "log-call": Command(cmd_log_call),
        "set-status": Command(cmd_set_status),
        "note": Command(cmd_note),
        "export": Command(cmd_export),
    }
