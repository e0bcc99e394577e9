"""``soloservice search QUERY``: full-text search over every message, subject and customer.

Searching from a shell should cost about what ``notmuch search`` does, so this module
imports nothing heavy at the top, and when the store is already at the current schema the
search runs on a bare ``sqlite3`` connection (read-only, one snapshot) without SQLAlchemy.
An older store is opened through ``Services`` instead, which migrates it first.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from soloservice import paths
from soloservice.cli.plain_io import iso, local, positive_int, print_json
from soloservice.cli.registry import Command, SubParsers
from soloservice.domain.search_query import parse, split_marked, strip_marks
from soloservice.services import search_sql
from soloservice.services.search_sql import SearchHit

# cli.common is not imported: it pulls in every DTO (services/dto.py), a third of this
# command's start-up; cli/plain_io.py has what it would give.

VERSIONS_DIR = Path(__file__).resolve().parents[1] / "storage" / "migrations" / "versions"

#: control characters (a terminal would obey escape sequences hidden in a customer's mail)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _newest_revision() -> str | None:
    """The newest shipped revision, read from the file names (0001_..., 0006_...)
    rather than by loading Alembic; any doubt sends the search the slow, migrating way."""
    names = [p.name[:4] for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(names) if names else None


def fast_search(db_path: Path, text: str, limit: int) -> list[SearchHit] | None:
    """The hits, read with plain sqlite3; None when the store must be opened (and maybe
    migrated) through the services first."""
    if not db_path.is_file():
        return None
    head = _newest_revision()
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    try:
        conn.isolation_level = None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if head is None or row is None or str(row[0]) != head:
            return None
        conn.execute("BEGIN")
        return search_sql.search(conn, parse(text, prefix_last=False), limit)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _slow_search(data_dir: Path, text: str, limit: int) -> list[SearchHit]:
    from soloservice.services.registry import Services

    services = Services.open(data_dir)
    try:
        return services.search.search(text, limit, prefix_last=False)
    finally:
        services.close()


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text).strip()


def _marked(snippet: str, tty: bool) -> str:
    start, end = ("\x1b[1m", "\x1b[0m") if tty else ("[", "]")
    return "".join(
        f"{start}{_clean(part)}{end}" if hit else _CONTROL.sub(" ", part)
        for part, hit in split_marked(snippet)
    ).strip()


def _highlights(snippet: str) -> list[list[int]]:
    """[start, end) offsets of the matched words in the plain snippet."""
    spans: list[list[int]] = []
    at = 0
    for part, hit in split_marked(snippet):
        if hit:
            spans.append([at, at + len(part)])
        at += len(part)
    return spans


def hit_json(hit: SearchHit, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "id": hit.inquiry_id,
        "customer": hit.customer_name,
        "customer_id": hit.customer_id,
        "subject": hit.subject,
        "channel": hit.channel.value,
        "status": hit.status.value,
        "received_at": iso(hit.received_at, zone),
        "automatic": hit.automatic,
        "snippet": strip_marks(hit.snippet),
        "highlights": _highlights(hit.snippet),
    }


def hit_text(hit: SearchHit, zone: ZoneInfo, tty: bool) -> str:
    head = "  ".join(
        [
            f"#{hit.inquiry_id}",
            local(hit.received_at, zone),
            hit.channel.value,
            _clean(hit.customer_name) or "(unknown)",
            _clean(hit.subject) or "(no subject)",
        ]
    )
    if hit.automatic:
        head += "  (automatic)"
    snippet = _marked(hit.snippet, tty)
    return f"{head}\n    {snippet}" if snippet else head


def cmd_search(args: argparse.Namespace) -> int:
    # A search never starts a store: a mistyped --data-dir is an error, as for other commands.
    data_dir = paths.data_dir(args.data_dir, must_exist=not getattr(args, "create", False))
    text = " ".join(args.query)
    from soloservice.storage.settings_store import load_settings  # pydantic: only to search

    settings = load_settings(paths.settings_path(data_dir))
    zone = ZoneInfo(settings.timezone)
    hits = fast_search(paths.database_path(data_dir), text, args.limit)
    if hits is None:
        hits = _slow_search(data_dir, text, args.limit)
    if args.json:
        print_json([hit_json(hit, zone) for hit in hits])
        return 0
    tty = sys.stdout.isatty()
    for hit in hits:
        print(hit_text(hit, zone, tty))
    if not hits:
        print(f"no inquiries match {text!r}", file=sys.stderr)
    return 0


def register(sub: SubParsers[Any], common: argparse.ArgumentParser) -> dict[str, Command]:
    parser = sub.add_parser(
        "search",
        parents=[common],
        help="full-text search over every message, subject and customer",
        description=(
            "Find inquiries by any word of any message, the subject, the customer's name, "
            "email, phone or handle; best matches first (bm25). Words must all match; "
            '"quoted words" match as a phrase; word* matches as a prefix; from:NAME '
            "searches only the customer; channel:email|form|phone|facebook|instagram|x|"
            "social keeps one channel; #123 is inquiry 123. Automatic mail is included."
        ),
    )
    parser.add_argument("query", nargs="+", help="what to search for (several words: all)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--limit", type=positive_int, default=20, metavar="N", help="at most N hits (20)"
    )
    return {"search": Command(cmd_search, needs_services=False)}
