"""Writing test mails as .eml files for ``services.mail_import`` (the composed intake)."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from soloservice.services.mail_import import ImportSummary
from soloservice.services.registry import Services


def eml(
    n: int,
    *,
    when: datetime,
    sender: str = "Jørgen Hansen <jorgen@example.dk>",
    to: str = "hej@butik.dk",
    subject: str = "Spørgsmål",
    body: str = "Hej, hvornår har I åbent?",
    in_reply_to: str | None = None,
    extra: str = "",
) -> bytes:
    head = (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
        f"Message-ID: <m{n}@example.dk>\r\nDate: {format_datetime(when)}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
    )
    if in_reply_to:
        head += f"In-Reply-To: {in_reply_to}\r\nReferences: {in_reply_to}\r\n"
    return (head + extra + "\r\n" + body.replace("\n", "\r\n") + "\r\n").encode()


def import_mail(services: Services, folder: Path, raw: bytes, name: str) -> ImportSummary:
    """Import one mail through ``services.mail_import``, as ``soloservice import eml`` does."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.eml"
    path.write_bytes(raw)
    return services.mail_import.import_path(path, kind="eml")
