"""``snooze ID --until ISO | --for 2h|1d|tomorrow | --clear``: hide a case until a time.

A snoozed case comes back by itself at that time, or as soon as the customer writes again.
"""

from __future__ import annotations

import argparse
import re
from datetime import datetime, timedelta, tzinfo

from soloservice.cli.common import CliError, detail_json, print_json, record_id
from soloservice.cli.registry import Command
from soloservice.services.registry import Services

_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w)\s*$", re.IGNORECASE)
_UNITS = {"m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0, "w": 7 * 86400.0}
#: named wake-up times, as the snooze dialog offers them (services' snooze_presets)
PRESETS = {"tomorrow": "tomorrow", "next-week": "next_week", "later": "in_3_hours"}


def parse_span(text: str) -> timedelta:
    """``30m``, ``2h``, ``1.5d``, ``1w`` -> a positive duration; anything else is refused."""
    match = _SPAN.match(text)
    if match is None:
        raise CliError(
            f"cannot read --for {text!r} (use e.g. 30m, 2h, 1d, 1w, tomorrow or next-week)"
        )
    seconds = float(match.group(1)) * _UNITS[match.group(2).lower()]
    if seconds <= 0:
        raise CliError("--for must be longer than nothing")
    if seconds > 10 * 366 * 86400:  # also keeps timedelta/datetime from overflowing
        raise CliError(f"--for {text!r} is more than ten years")
    return timedelta(seconds=seconds)


def parse_until(text: str, zone: tzinfo) -> datetime:
    """An ISO date or date-time; without a zone it is the founder's local time."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"cannot read --until {text!r} (use e.g. 2026-03-02T09:00)") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def wake_time(services: Services, args: argparse.Namespace) -> datetime | None:
    if args.clear:
        return None
    if args.until is not None:
        return parse_until(args.until, services.ctx.tz)
    assert args.for_ is not None
    key = args.for_.strip().lower()
    if key in PRESETS:
        return services.inquiries.snooze_presets()[PRESETS[key]]
    return services.ctx.now() + parse_span(key)


def cmd_snooze(services: Services, args: argparse.Namespace) -> int:
    detail = services.inquiries.snooze(args.id, wake_time(services, args))
    print_json(detail_json(detail, services.ctx.tz))
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    snooze = sub.add_parser(
        "snooze",
        parents=[common],
        help="hide an open inquiry until a time (a customer message wakes it)",
    )
    snooze.add_argument("id", type=record_id, metavar="ID")
    when = snooze.add_mutually_exclusive_group(required=True)
    when.add_argument("--until", metavar="ISO", help="e.g. 2026-03-02T09:00 (local time)")
    when.add_argument(
        "--for", dest="for_", metavar="SPAN", help="30m, 2h, 1d, 1w, tomorrow or next-week"
    )
    when.add_argument("--clear", action="store_true", help="wake it now")
    return {"snooze": Command(cmd_snooze)}
