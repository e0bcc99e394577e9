"""How fast is full-text search at 100,000 inquiries / 300,000 messages?

Builds a store at schema 0005 with raw ``sqlite3`` inserts (customers with Danish and
Norwegian names, 1-6 messages per inquiry of 20-120 words drawn Zipf-like from a mixed
da/nb/en vocabulary, a few rare words such as "linux"), then:

1. upgrades it to head: migration 0006 builds the FTS5 index of everything (timed);
2. times search in-process (median of R runs): the CLI's ranked top 20 (``SearchService``)
   and the inbox's view + search (``InboxService.list_ids``), for a rare word, a common
   word, prefixes while typing, a phrase, ``from:`` and ``channel:``; next to references
   measured in the same run on the same file: a bare FTS5 ``MATCH`` in sqlite3, the old way
   of finding a word in bodies (``LIKE '%linux%'`` over every message) and a raw
   ``SELECT id FROM inquiry``;
3. times adding messages through the triggers (messages/s with the index kept in step);
4. times the whole ``soloservice search`` process, its sqlite3 fast path on its own, and
   ``python -c pass``; and ``notmuch search`` if notmuch happens to be installed (it is not
   installed by this script).

No figure is asserted anywhere: it prints a table.

Usage: python benchmarks/bench_search.py [--inquiries N] [--messages M] [--repeat R] [--keep]
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from soloservice.paths import database_path
from soloservice.services.dto import InboxQuery, View

FIRST = (  # noqa: SIM905 (a word list reads better as text)
    "Mette Åse Ole Kari Søren Ærle Bjørn Sarah Lars Ingrid Jens Anne Øystein Maja "
    "Emma Tom Peter Sigrid Håkon Line"
).split()
LAST = (  # noqa: SIM905 (a word list reads better as text)
    "Hansen Østergaard Ærbø Nordmann Berg Sørensen Jensen Miller Dahl Lund Holm Bakke "
    "Kjær Å Nielsen Larsen Haugen Moe"
).split()
WORDS = (  # noqa: SIM905 (a word list reads better as text)
    "hej hei hi jeg du vi har er ikke og i på til min mit din en et den det som med "
    "for om af av fra kan vil skal godt tak takk hilsen mvh pakke pakken ordre "
    "bestilling levering faktura fakturaen betaling refusion retur varen vare "
    "størrelse farve farge sort hvid knust ødelagt i stykker kommet ventet dage uger "
    "uker spørgsmål spørsmål hvornår når hvordan the order delivery please thanks "
    "broken size wrong refund would like could you help new one still waiting weeks "
    "days email phone ring ringe mail sende sendt kunde butik butikken shop garanti "
    "reklamation reklamasjon rabat rabatt kode tilbud lager på lager udsolgt utsolgt "
    "genser trøje kjole sko jakke vase kop krus tallerken lampe stol bord sofa pude "
    "tæppe teppe gave fødselsdag jul påske sommer vinter år"
).split()
RARE = ["linux", "printeren", "laserjet", "cykelhjelm", "fjernbetjening"]
CHANNELS = ["email"] * 5 + ["form"] * 2 + ["phone"] * 2 + ["facebook", "instagram", "x"]
STATUSES = ["new", "open", "waiting", "resolved", "resolved", "resolved", "closed"]
BASE = datetime(2024, 1, 1, tzinfo=UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def zipf_picker(rng: random.Random, words: list[str]) -> Callable[[int], list[str]]:
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    total = cumulative[-1]

    def pick(k: int) -> list[str]:
        return [words[bisect.bisect(cumulative, rng.random() * total)] for _ in range(k)]

    return pick


def migrate_to(path: Path, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from soloservice.storage.migrate import alembic_config

    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()


def fill(path: Path, inquiries: int, messages: int, seed: int = 14) -> dict[str, int]:
    """Raw inserts into a 0005 store (no FTS yet): the data an older version would hold."""
    rng = random.Random(seed)
    pick = zipf_picker(rng, WORDS)
    customers = max(1, inquiries * 2 // 5)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        conn.executemany(
            "INSERT INTO customer (id, name, language, notes, created_at, opted_out) "
            "VALUES (?, ?, ?, '', ?, 0)",
            (
                (
                    c,
                    f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    rng.choice(["da", "nb", "en"]),
                    stamp(BASE),
                )
                for c in range(1, customers + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO customer_identity (customer_id, kind, value) VALUES (?, ?, ?)",
            itertools.chain(
                ((c, "email", f"kunde{c}@example.dk") for c in range(1, customers + 1)),
                ((c, "phone", f"+45{20000000 + c}") for c in range(1, customers + 1, 3)),
            ),
        )

        def inquiry_rows() -> Iterator[tuple[Any, ...]]:
            for i in range(1, inquiries + 1):
                received = BASE + timedelta(minutes=7 * i)
                status = rng.choice(STATUSES)
                due = received + timedelta(hours=8)
                yield (
                    i,
                    rng.randint(1, customers),
                    rng.choice(CHANNELS),
                    " ".join(pick(rng.randint(2, 6))).capitalize(),
                    "",
                    "question",
                    status,
                    stamp(received),
                    stamp(due),
                    stamp(received),
                    stamp(received) if status in ("new", "open") else None,
                )

        conn.executemany(
            "INSERT INTO inquiry (id, customer_id, channel, subject, snippet, kind, status, "
            "received_at, due_at, last_activity_at, tags, needs_reply_since) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
            inquiry_rows(),
        )
        extra = messages - inquiries

        def message_rows() -> Iterator[tuple[Any, ...]]:
            owners = list(range(1, inquiries + 1)) + [
                rng.randint(1, inquiries) for _ in range(max(0, extra))
            ]
            for n, inquiry_id in enumerate(owners[:messages]):
                words = pick(rng.randint(20, 120))
                if rng.random() < 0.003:
                    words.insert(rng.randrange(len(words)), rng.choice(RARE))
                yield (
                    inquiry_id,
                    "in" if n % 3 else "out",
                    "email",
                    "",
                    " ".join(words),
                    stamp(BASE + timedelta(minutes=7 * inquiry_id + n % 5)),
                )

        conn.executemany(
            "INSERT INTO message (inquiry_id, direction, channel, author, text, sent_at, is_ack)"
            " VALUES (?, ?, ?, ?, ?, ?, 0)",
            message_rows(),
        )
    conn.close()
    return {"customers": customers, "inquiries": inquiries, "messages": messages}


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def process_ms(argv: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


#: ``soloservice search`` as it will cost once cli/main.py stops importing every command
#: module (and with them the ORM) up front: the command module on its own, run for real
COMMAND_ALONE = """
import sys, types
from pathlib import Path
import soloservice
cli = types.ModuleType("soloservice.cli")
cli.__path__ = [str(Path(soloservice.__file__).parent / "cli")]
sys.modules["soloservice.cli"] = cli
from soloservice.cli import search_cmds
import argparse
args = argparse.Namespace(data_dir=sys.argv[1], query=[sys.argv[2]], json=False, limit=20)
raise SystemExit(search_cmds.cmd_search(args))
"""

FAST_PATH = """
import sqlite3, sys
from soloservice.domain.search_query import parse
from soloservice.services import search_sql
conn = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
conn.execute("BEGIN")
for hit in search_sql.search(conn, parse(sys.argv[2], prefix_last=False), 20):
    print(hit.inquiry_id, hit.customer_name, hit.subject, hit.snippet)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    args = parser.parse_args(argv)

    data_dir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    db = database_path(data_dir)
    rows: list[tuple[str, float, str]] = []
    try:
        migrate_to(db, "0005")
        start = time.perf_counter()
        counts = fill(db, args.inquiries, args.messages)
        filled = time.perf_counter() - start
        size_before = db.stat().st_size
        print(f"filled {counts} in {filled:.1f} s ({size_before / 1e6:.0f} MB)", flush=True)

        from soloservice.services.registry import Services

        start = time.perf_counter()
        services = Services.open(data_dir)  # migration 0006 indexes everything
        indexed = time.perf_counter() - start
        with sqlite3.connect(db) as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_after = db.stat().st_size
        rows.append(
            (
                "migration 0006: index every inquiry",
                indexed * 1000,
                f"{args.messages / indexed:,.0f} msg/s; file {size_before / 1e6:.0f} -> "
                f"{size_after / 1e6:.0f} MB",
            )
        )

        raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        ref_ids, _ = timed(lambda: raw.execute("SELECT id FROM inquiry").fetchall(), args.repeat)
        rows.append(("reference: raw SELECT id FROM inquiry", ref_ids, "sqlite3"))
        like_ms, like = timed(
            lambda: raw.execute(
                "SELECT DISTINCT inquiry_id FROM message WHERE text LIKE '%linux%'"
            ).fetchall(),
            max(1, args.repeat // 2),
        )
        rows.append(("reference: LIKE '%linux%' over bodies", like_ms, f"{len(like)} inquiries"))
        bare_ms, bare = timed(
            lambda: raw.execute(
                "SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH 'linux'"
            ).fetchall(),
            args.repeat,
        )
        rows.append(("reference: bare FTS5 MATCH 'linux'", bare_ms, f"{len(bare)} inquiries"))

        ranked = [  # as the CLI searches: whole words unless written with a *
            ("linux", "rare word"),
            ("pakke", "common word (in 61% of inquiries)"),
            ("print*", "prefix of a rare word"),
            ("pa*", "2-letter prefix"),
            ('"i stykker"', "phrase"),
            ("from:ærbø", "from: name"),
            ("channel:phone pakke", "channel: + common word"),
            ("kunde123@example.dk", "an email address"),
        ]
        for text, what in ranked:
            ms, hits = timed(
                lambda t=text: services.search.search(t, 20, prefix_last=False), args.repeat
            )
            rows.append((f"search top 20 {text!r}", ms, f"{what}; {len(hits)} hits"))
        # As the window asks while typing: the last word is a prefix.
        for text, what in [("linux", "rare"), ("pakke", "common"), ("lin", "typing")]:
            query = InboxQuery(view=View.INBOX, search=text)
            ms, ids = timed(lambda q=query: services.inbox.list_ids(q), args.repeat)
            rows.append((f"inbox view + search {text!r}", ms, f"{what}; {len(ids)} ids"))
            query = InboxQuery(view=View.RESOLVED, search=text)
            ms, ids = timed(lambda q=query: services.inbox.list_ids(q), args.repeat)
            rows.append((f"resolved view + search {text!r}", ms, f"{what}; {len(ids)} ids"))
        page = services.inbox.list_ids(InboxQuery(view=View.RESOLVED, search="pakke"))[:100]
        ms, _ = timed(lambda: services.search.snippets("pakke", page), args.repeat)
        rows.append(("snippets of a 100-row page 'pakke'", ms, "what the window paints"))

        # Adding mail with the index kept in step by the triggers.
        rng = random.Random(1)
        pick = zipf_picker(rng, WORDS)
        extra = 2000
        with sqlite3.connect(db) as conn:
            start = time.perf_counter()
            conn.executemany(
                "INSERT INTO message (inquiry_id, direction, channel, author, text, sent_at, "
                "is_ack) VALUES (?, 'in', 'email', '', ?, ?, 0)",
                (
                    (rng.randint(1, args.inquiries), " ".join(pick(80)), stamp(BASE))
                    for _ in range(extra)
                ),
            )
            conn.commit()
            spent = time.perf_counter() - start
        rows.append(
            (
                f"add {extra} replies to inquiries (triggers)",
                spent * 1000,
                f"{extra / spent:,.0f} msg/s incl. re-indexing their inquiries",
            )
        )
        with sqlite3.connect(db) as conn:
            first = args.inquiries + 1
            start = time.perf_counter()
            for n in range(first, first + extra):
                conn.execute(
                    "INSERT INTO inquiry (id, customer_id, channel, subject, snippet, kind, "
                    "status, received_at, last_activity_at, tags) VALUES (?, 1, 'email', ?, '',"
                    " 'question', 'new', ?, ?, '')",
                    (n, " ".join(pick(4)), stamp(BASE), stamp(BASE)),
                )
                conn.execute(
                    "INSERT INTO message (inquiry_id, direction, channel, author, text, "
                    "sent_at, is_ack) VALUES (?, 'in', 'email', '', ?, ?, 0)",
                    (n, " ".join(pick(80)), stamp(BASE)),
                )
            conn.commit()
            spent = time.perf_counter() - start
        rows.append(
            (
                f"add {extra} new inquiries + message (triggers)",
                spent * 1000,
                f"{extra / spent:,.0f} inquiries/s, index kept in step",
            )
        )
        services.close()
        raw.close()

        # Whole processes.
        env = {**os.environ, "SOLOSERVICE_DATA_DIR": str(data_dir)}
        py = sys.executable
        rows.append(("reference: python -c pass", process_ms([py, "-c", "pass"], 5), "process"))
        cli = [py, "-m", "soloservice", "--data-dir", str(data_dir), "search", "linux"]
        rows.append(("soloservice search linux", process_ms(cli, 5, env), "whole process"))
        alone = [py, "-c", COMMAND_ALONE, str(data_dir), "linux"]
        rows.append(("search command module alone", process_ms(alone, 5, env), "whole process"))
        fast = [py, "-c", FAST_PATH, str(db), "linux"]
        rows.append(("search fast path alone (sqlite3)", process_ms(fast, 5, env), "whole process"))
        notmuch = shutil.which("notmuch")
        rows.append(
            ("notmuch search", float("nan"), "skipped: notmuch is not installed")
            if notmuch is None
            else ("notmuch search", float("nan"), "installed, but needs its own mail store")
        )

        with sqlite3.connect(db) as conn:
            plan = conn.execute(
                "EXPLAIN QUERY PLAN SELECT i.id FROM inquiry AS i JOIN customer AS c "
                "ON c.id = i.customer_id WHERE i.status IN ('new','open') AND i.id IN "
                "(SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH '\"linux\"') "
                "ORDER BY i.due_at"
            ).fetchall()
    finally:
        if args.keep:
            print(f"kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure':<{width}}  {'ms':>9}  note")
    for name, ms, note in rows:
        print(f"{name:<{width}}  {ms:9.1f}  {note}")
    print("\nplan of an inbox search:")
    for row in plan:
        print("  ", row[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
