"""Importing mbox, Maildir and .eml archives through the same ingest as the sync."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from sqlmodel import col, select

from soloservice.services.mail_import import ImportFailed, MailImportService
from soloservice.services.mail_ingest import MailIngest
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import MailItemRow
from soloservice.storage.tables import InquiryRow, MessageRow
from tests.services.test_mail_sync import mail


def importer(services: Services) -> MailImportService:
    return MailImportService(services.ctx, lambda: MailIngest(services.ctx, {"hej@butik.dk"}))


def subjects(services: Services) -> list[str]:
    with services.ctx.db.session() as session:
        return list(session.exec(select(InquiryRow.subject).order_by(col(InquiryRow.id))))


def message_count(services: Services) -> int:
    with services.ctx.db.session() as session:
        return len(session.exec(select(MessageRow.id)).all())


ARCHIVE = [
    # the reply comes first in the file: import order follows the Date header
    mail(2, subject="Re: Ødelagt støvsuger", in_reply_to="<c1@example.dk>", minute=30),
    mail(1, minute=10),
    mail(3, sender="Kari <kari@example.no>", subject="Faktura", minute=20),
]


def test_mbox_import_threads_and_reimport_adds_nothing(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "arkiv.mbox"
    box = mailbox.mbox(path)
    for raw in ARCHIVE:
        box.add(raw)
    box.flush()
    box.close()
    summary = importer(services).import_path(path)
    assert summary.kind == "mbox"
    data = summary.as_json()
    assert {k: data[k] for k in ("fetched", "new_inquiries", "added_to_existing")} == {
        "fetched": 3,
        "new_inquiries": 2,
        "added_to_existing": 1,
    }
    assert subjects(services) == ["Ødelagt støvsuger", "Faktura"]
    again = importer(services).import_path(path, kind="mbox")
    assert (again.fetched, again.duplicates, again.new_inquiries) == (3, 3, 0)
    assert message_count(services) == 3
    with services.ctx.db.session() as session:
        sources = set(session.exec(select(MailItemRow.source)))
    assert sources == {"mbox"}


def test_maildir_and_eml_imports_share_the_dedupe(services: Services, tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Maildir")
    for raw in ARCHIVE[:2]:
        box.add(raw)
    summary = importer(services).import_path(tmp_path / "Maildir")
    assert (summary.kind, summary.new_inquiries, summary.added_to_existing) == ("maildir", 1, 1)
    folder = tmp_path / "eml"
    folder.mkdir()
    for n, raw in enumerate(ARCHIVE, 1):
        (folder / f"{n}.eml").write_bytes(raw)
    (folder / "notes.txt").write_text("not mail")  # ignored: only .eml files
    summary = importer(services).import_path(folder, kind="eml")
    assert (summary.fetched, summary.duplicates, summary.new_inquiries) == (3, 2, 1)
    single = importer(services).import_path(folder / "3.eml")
    assert (single.kind, single.duplicates) == ("eml", 1)
    assert subjects(services) == ["Ødelagt støvsuger", "Faktura"]


def test_broken_and_unknown_files(services: Services, tmp_path: Path) -> None:
    png = tmp_path / "billede.eml"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportFailed, match=r"billede\.eml"):
        importer(services).import_path(png)
    with pytest.raises(ImportFailed, match="findes-ikke"):
        importer(services).import_path(tmp_path / "findes-ikke.mbox")
    eml = tmp_path / "one.eml"
    eml.write_bytes(mail(1))
    with pytest.raises(ImportFailed, match="not an mbox"):
        importer(services).import_path(eml, kind="mbox")
    with pytest.raises(ImportFailed, match="unknown archive kind"):
        importer(services).import_path(eml, kind="pst")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ImportFailed, match=r"no \.eml files"):
        importer(services).import_path(empty)
    # inside a folder a mail nobody can read is quarantined, never dropped
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.eml").write_bytes(mail(1))
    (folder / "b.eml").write_bytes(b"X-Junk: 1\n\n\x01\x02\x03")
    summary = importer(services).import_path(folder)
    assert (summary.new_inquiries, summary.quarantined) == (1, 1)
    again = importer(services).import_path(folder)
    assert (again.duplicates, again.quarantined) == (2, 0)
    with services.ctx.db.session() as session:
        quarantined = session.exec(
            select(MailItemRow).where(MailItemRow.outcome == "quarantined")
        ).all()
    assert len(quarantined) == 1 and quarantined[0].folder.endswith("b.eml")
