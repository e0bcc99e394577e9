"""Importing mbox, Maildir and .eml archives through the same ingest as the sync."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from soloservice.services.mail_import import ImportFailed, MailImportService
from soloservice.services.mail_ingest import MailIngest
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import MailItemRow
from soloservice.storage.tables import InquiryRow, MessageRow
from tests.helpers.mail_env import mail


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


# --- what is a duplicate (issue 12, item 1) -------------------------------------------------


def ledger(services: Services) -> list[MailItemRow]:
    with services.ctx.db.read_session() as session:
        return list(session.exec(select(MailItemRow).order_by(col(MailItemRow.id))))


def assert_no_source_lost(services: Services, given: list[bytes]) -> None:
    """Every mail handed in can be read back byte for byte; no row is blank on its own."""
    rows = ledger(services)
    by_id = {row.id: row for row in rows}
    for row in rows:
        if not row.raw:
            first = by_id[row.duplicate_of]
            assert row.outcome == "duplicate" and first.raw_hash == row.raw_hash, row
    kept = {row.raw or by_id[row.duplicate_of].raw for row in rows}
    assert set(given) <= kept
    for row in rows:
        assert row.id is not None
        assert services.mail_sync.raw_of(row.id) in given


def write_box(path: Path, raws: list[bytes]) -> Path:
    box = mailbox.mbox(path)
    for raw in raws:
        box.add(raw)
    box.flush()
    box.close()
    return path


def raw_in(path: Path) -> list[bytes]:
    """What the mbox module hands the importer for each mail (it may re-escape lines)."""
    box = mailbox.mbox(path)
    return [box.get_bytes(key) for key in box.iterkeys()]


def test_same_message_id_with_other_content_is_stored_not_thrown_away(
    services: Services, tmp_path: Path
) -> None:
    """Mailing lists, broken clients and public corpora reuse Message-IDs."""
    first = mail(1, subject="Ødelagt støvsuger", body="Min støvsuger virker ikke.")
    other = mail(1, subject="Faktura", body="Hvor er min faktura?", minute=40)
    path = write_box(tmp_path / "a.mbox", [first, other])
    summary = services.mail_import.import_path(path)
    assert (summary.new_inquiries, summary.duplicates) == (2, 0)
    assert subjects(services) == ["Ødelagt støvsuger", "Faktura"]
    assert [row.outcome for row in ledger(services)] == ["imported", "imported"]
    assert_no_source_lost(services, raw_in(path))


def test_same_bytes_elsewhere_is_a_duplicate_pointing_at_the_first_copy(
    services: Services, tmp_path: Path
) -> None:
    raws = [mail(1), mail(2, subject="B")]
    services.mail_import.import_path(write_box(tmp_path / "a.mbox", raws))
    again = services.mail_import.import_path(write_box(tmp_path / "kopi.mbox", raws))
    assert (again.fetched, again.duplicates, again.new_inquiries) == (2, 2, 0)
    rows = ledger(services)
    assert [r.outcome for r in rows] == ["imported", "imported", "duplicate", "duplicate"]
    assert [r.duplicate_of for r in rows[2:]] == [rows[0].id, rows[1].id]
    assert rows[2].reason == f"already stored: the same bytes as mail {rows[0].id}"
    assert message_count(services) == 2
    assert_no_source_lost(services, raw_in(tmp_path / "a.mbox"))


def test_the_same_mail_with_other_transport_headers_is_a_duplicate_that_keeps_its_bytes(
    services: Services, tmp_path: Path
) -> None:
    """Fetched over IMAP and found in an export: one mail, but both sources are kept."""
    plain = mail(1)
    relayed = b"Received: from mx.example.dk by mail.butik.dk; 3 Mar 2026\r\n" + plain
    services.mail_import.import_path(write_box(tmp_path / "a.mbox", [plain]))
    again = services.mail_import.import_path(write_box(tmp_path / "b.mbox", [relayed]))
    assert (again.duplicates, again.new_inquiries) == (1, 0)
    first, copy = ledger(services)
    assert copy.outcome == "duplicate" and copy.duplicate_of == first.id
    assert copy.raw and copy.raw != first.raw  # distinct bytes are never dropped
    assert_no_source_lost(services, raw_in(tmp_path / "a.mbox") + raw_in(tmp_path / "b.mbox"))


def test_quarantine_show_of_a_byte_duplicate_prints_the_first_copys_bytes(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from soloservice.cli import main

    raws = [mail(1)]
    data_dir = services.ctx.db.path.parent
    for name in ("a.mbox", "b.mbox"):
        code = main(
            ["import", "mbox", str(write_box(tmp_path / name, raws)), "--data-dir", str(data_dir)]
        )
        assert code == 0
    capsys.readouterr()
    duplicate = ledger(services)[1]
    assert duplicate.raw == b"" and duplicate.duplicate_of is not None
    assert main(["quarantine", "show", str(duplicate.id), "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.encode() == raw_in(tmp_path / "a.mbox")[0].decode().encode()


def test_reimporting_one_archive_adds_no_ledger_rows(services: Services, tmp_path: Path) -> None:
    path = write_box(tmp_path / "a.mbox", [mail(1), mail(2, subject="B")])
    services.mail_import.import_path(path)
    again = services.mail_import.import_path(path)
    assert (again.fetched, again.duplicates) == (2, 2)
    rows = ledger(services)
    assert len(rows) == 2
    assert {(r.source_path, r.source_key) for r in rows} == {
        (str(path.resolve()), "0"),
        (str(path.resolve()), "1"),
    }


def test_a_rewritten_archive_keeps_the_new_mail_found_at_an_old_place(
    services: Services, tmp_path: Path
) -> None:
    path = write_box(tmp_path / "a.mbox", [mail(1)])
    services.mail_import.import_path(path)
    path.unlink()
    write_box(path, [mail(7, subject="Ny mail")])  # position 0 now holds another mail
    summary = services.mail_import.import_path(path)
    assert summary.new_inquiries == 1
    assert subjects(services) == ["Ødelagt støvsuger", "Ny mail"]
    assert ledger(services)[0].source_key == "0"


MAILS = st.lists(
    st.tuples(
        st.integers(1, 3),  # Message-ID: few, so they collide
        st.sampled_from(["Hej", "Faktura", "Ødelagt"]),
        st.sampled_from(["Den virker ikke.", "Hvor er pakken?", "Tak!", ""]),
        st.booleans(),  # an extra transport header
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(MAILS)
def test_property_every_distinct_mail_is_stored_once_and_no_source_is_lost(
    migrated_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    mails: list[tuple[int, str, str, bool]],
) -> None:
    import shutil

    from soloservice.services.context import ServiceContext
    from soloservice.storage.database import Database

    here = tmp_path_factory.mktemp("prop")
    shutil.copyfile(migrated_template, here / "soloservice.sqlite3")
    services = Services.for_context(ServiceContext(db=Database(here / "soloservice.sqlite3")))
    try:
        raws = [
            (b"X-Relay: 1\r\n" if relay else b"") + mail(n, subject=subject, body=body)
            for n, subject, body, relay in mails
        ]
        first = write_box(here / "a.mbox", raws)
        second = write_box(here / "b.mbox", list(reversed(raws)))
        services.mail_import.import_path(first)
        services.mail_import.import_path(second)
        distinct = {(n, subject, body) for n, subject, body, _relay in mails}
        with services.ctx.db.read_session() as session:
            stored = session.exec(
                select(MessageRow.external_id, MessageRow.text).where(MessageRow.direction == "in")
            ).all()
        assert len(stored) == len(distinct)
        assert_no_source_lost(services, raw_in(first) + raw_in(second))
    finally:
        services.close()
