"""Commands for the weekly review and the channel checklist.

``review --pdf`` needs Qt to draw the charts; it is imported inside the command (and told to
draw offscreen unless the caller chose a platform) so the rest of the CLI never loads Qt.
"""

from __future__ import annotations

import argparse
import os
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from soloservice.cli.common import CliError, iso, local, print_json, record_id
from soloservice.cli.registry import Command
from soloservice.services.registry import Services

if TYPE_CHECKING:
    from soloservice.services.review import ReviewService
    from soloservice.services.review_dto import WeekReview


def _week(service: ReviewService, text: str | None) -> tuple[int, int]:
    from soloservice.domain.iso_weeks import parse_iso_week

    if text is None:
        return service.last_full_week()
    try:
        return parse_iso_week(text)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def review_text(review: WeekReview) -> str:
    from soloservice.services.review_export import review_rows
    from soloservice.services.review_figures import iceberg_text, value_at_risk_text

    tz = ZoneInfo(review.timezone)
    first = review.start.astimezone(tz).date()
    lines = [
        f"Weekly review {review.label} ({first.isoformat()} to "
        f"{(first + timedelta(days=6)).isoformat()}), figures as of {local(review.now, tz)}",
        "",
    ]
    grid = review_rows(review)
    widths = [max(len(row[i]) for row in grid) for i in range(len(grid[0]))]
    for row in grid:
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(widths[i + 1]) for i, cell in enumerate(row[1:])
        ]
        lines.append("  ".join(cells).rstrip())
    total = review.total
    lines.append("")
    lines.append(iceberg_text(total.silent_unhappy))
    lines.append(value_at_risk_text(total, review.currency, review.value_defaults))
    oldest = total.oldest_waiting
    if oldest is not None:
        lines.append(f"Oldest waiting: #{oldest.id}, received {local(oldest.received_at, tz)}")
    return "\n".join(lines)


def cmd_review(services: Services, args: argparse.Namespace) -> int:
    service = services.review
    year, week = _week(service, args.week)
    review = service.week(year, week)
    if args.json:
        print_json(service.as_json(review))
    elif args.csv:
        path = service.to_csv(review, Path(args.csv))
        print(f"wrote {path}")
    elif args.pdf:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from soloservice.reports.pdf import write_review_pdf

        trends = service.trends(12, until=(year, week))
        path = write_review_pdf(review, trends, Path(args.pdf), protect=services.ctx.data_dir)
        print(f"wrote {path}")
    else:
        print(review_text(review))
    return 0


def _check_json(item: Any, services: Services) -> dict[str, Any]:
    zone = services.ctx.tz
    return {
        "id": item.id,
        "name": item.name,
        "channel": item.channel,
        "url": item.url,
        "archived": item.archived,
        "last_ticked_at": iso(item.last_ticked_at, zone),
        "last_note": item.last_note,
    }


def cmd_checklist(services: Services, args: argparse.Namespace) -> int:
    checklist = services.checklist
    zone = services.ctx.tz
    action = args.action or "list"
    if action == "add":
        item = checklist.add(args.name, url=args.url or "", channel=args.channel or "")
        print_json(_check_json(item, services))
        return 0
    if action == "tick":
        tick = checklist.tick(args.id, args.note or "")
        print_json({"id": tick.id, "check_id": tick.check_id, "at": iso(tick.at, zone),
                    "note": tick.note})  # fmt: skip
        return 0
    if action == "archive":
        print_json(_check_json(checklist.archive(args.id), services))
        return 0
    if action == "rename":
        print_json(_check_json(checklist.rename(args.id, args.name), services))
        return 0
    statuses = checklist.status()
    if getattr(args, "json", False):
        print_json(
            [
                {
                    "name": s.name,
                    "kind": s.kind,
                    "check_id": s.check_id,
                    "last_checked_or_synced": iso(s.last_checked_or_synced, zone),
                    "errors_since": s.errors_since,
                    "flagged": s.flagged,
                    "detail": s.detail,
                }
                for s in statuses
            ]
        )
        return 0
    if not statuses:
        print("Nothing to check yet. Add a channel: soloservice checklist add NAME [--url URL]")
    for s in statuses:
        ident = f"#{s.check_id}" if s.check_id is not None else s.kind
        flag = "  ! not checked for over a week" if s.flagged else ""
        error = f"  error: {s.errors_since}" if s.errors_since else ""
        seen = local(s.last_checked_or_synced, zone) if s.last_checked_or_synced else "never"
        print(f"{ident:<7} {s.name:<28} last {seen}{flag}{error}")
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    review = sub.add_parser(
        "review", parents=[common], help="the weekly review (default: the last full week)"
    )
    review.add_argument("--week", metavar="YYYY-Www", help="ISO week, e.g. 2026-W47")
    output = review.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="figures as JSON with stable keys")
    output.add_argument("--pdf", metavar="FILE", help="write a PDF with the charts")
    output.add_argument("--csv", metavar="FILE", help="write the figures as CSV")

    checklist = sub.add_parser(
        "checklist", parents=[common], help="channels to check by hand, and every sync's health"
    )
    actions = checklist.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="every channel with its last check or sync")
    listing.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="add a channel to check by hand")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--url", metavar="URL")
    add.add_argument("--channel", metavar="KIND", help="e.g. facebook, voicemail, trustpilot")
    tick = actions.add_parser("tick", help="record that you checked it now")
    tick.add_argument("id", type=record_id, metavar="ID")
    tick.add_argument("--note", metavar="TEXT")
    archive = actions.add_parser("archive", help="take it off the checklist")
    archive.add_argument("id", type=record_id, metavar="ID")
    rename = actions.add_parser("rename", help="give it another name")
    rename.add_argument("id", type=record_id, metavar="ID")
    rename.add_argument("name", metavar="NAME")
    return {"review": Command(cmd_review), "checklist": Command(cmd_checklist)}
