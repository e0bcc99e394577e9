"""The batch import path (issue 14): one transaction and one flush per batch, parsing in a
second process, a broken mail quarantined while the rest of its batch is stored.

Everything goes through the CLI (``soloservice import maildir``) on a real store."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from soloservice.channels.email.parse import parse_message
from soloservice.services import (
    inquiry_rules,
    mail_import,
    mail_lookups,
    mail_parse_pool,
)
from soloservice.services.mail_parse_pool import ParsePool, parse_without_raw, with_raw
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import AttachmentRow, MailItemRow
from soloservice.storage.tables import CustomerRow, InquiryRow, MessageRow
from tests.helpers.cli import run_json
from tests.helpers.mail_env import mail

RECEIVED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def write_maildir(path: Path, raws: list[bytes]) -> Path:
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    for index, raw in enumerate(raws):
        (path / "cur" / f"{index:05d}.test:2,S").write_bytes(raw)
    return path


def import_maildir(capsys: pytest.CaptureFixture[str], data_dir: Path, box: Path) -> Any:
    return run_json(capsys, "--data-dir", str(data_dir), "--create", "import", "maildir", str(box))


def ledger(data_dir: Path) -> list[tuple[str, str, str]]:
    services = Services.open(data_dir)
    try:
        with services.ctx.db.read_session() as session:
            rows = session.exec(select(MailItemRow).order_by(col(MailItemRow.id))).all()
            return [(r.outcome, r.subject, r.reason) for r in rows]
    finally:
        services.close()


def snapshot(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """What an import stored, without ids and clocks: to compare two imports."""
    services = Services.open(data_dir)
    try:
        with services.ctx.db.read_session() as session:
            inquiries = session.exec(select(InquiryRow).order_by(col(InquiryRow.id))).all()
            names = {c.id: c.name for c in session.exec(select(CustomerRow))}
            messages = session.exec(select(MessageRow).order_by(col(MessageRow.id))).all()
            items = session.exec(select(MailItemRow).order_by(col(MailItemRow.id))).all()
            atts = session.exec(select(AttachmentRow).order_by(col(AttachmentRow.id))).all()
            return {
                "inquiries": [
                    (
                        names[i.customer_id],
                        i.subject,
                        i.snippet,
                        i.kind,
                        i.status,
                        i.automatic_reason,
                        i.received_at,
                    )
                    for i in inquiries
                ],
                "messages": [(m.text, m.html, m.external_id, m.direction) for m in messages],
                "ledger": [(r.outcome, r.reason, r.content_hash, r.raw_hash) for r in items],
                "attachments": [(a.filename, a.size, a.part_index) for a in atts],
                "customers": sorted(
                    (c.name, c.language) for c in session.exec(select(CustomerRow))
                ),
            }
    finally:
        services.close()


def test_a_mail_that_cannot_be_stored_is_quarantined_and_the_rest_of_its_batch_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_snippet = inquiry_rules.make_snippet

    def snippet(text: str) -> str:
        if "BOOM" in text:
            raise RuntimeError("the store refused it")
        return real_snippet(text)

    monkeypatch.setattr(inquiry_rules, "make_snippet", snippet)  # a new case's rows
    raws = [mail(n, subject=f"Emne {n}", minute=n) for n in range(1, 8)]
    raws[3] = mail(4, subject="Emne 4", body="BOOM", minute=4)
    raws.insert(5, b"\r\n\r\n\r\n")  # nothing at all: quarantined by the parser
    box = write_maildir(tmp_path / "mail", raws)
    summary = import_maildir(capsys, tmp_path / "data", box)
    assert (summary["fetched"], summary["quarantined"], summary["errors"]) == (8, 2, [])
    assert summary["new_inquiries"] + summary["added_to_existing"] == 6
    rows = ledger(tmp_path / "data")
    quarantined = [(s, r) for o, s, r in rows if o == "quarantined"]
    assert ("Emne 4", "The message could not be stored (RuntimeError: the store refused it).") in (
        quarantined
    )
    assert any(r == "The message is empty." for _s, r in quarantined)
    assert sorted(s for o, s, _r in rows if o == "imported") == [
        f"Emne {n}" for n in (1, 2, 3, 5, 6, 7)
    ]


def test_the_same_mail_twice_and_a_reused_message_id_in_one_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = mail(1, subject="Knust kop", minute=1)
    other = mail(1, subject="Knust kop", body="Helt andet indhold.", minute=1)
    box = write_maildir(tmp_path / "mail", [first, mail(2, minute=2), first, other])
    summary = import_maildir(capsys, tmp_path / "data", box)
    assert (summary["fetched"], summary["duplicates"]) == (4, 1)
    rows = ledger(tmp_path / "data")
    duplicates = [r for o, _s, r in rows if o == "duplicate"]
    assert len(duplicates) == 1 and duplicates[0].startswith("already stored: the same bytes as")
    # the same Message-ID with other content is a mail of its own, threaded on the first
    assert summary["new_inquiries"] + summary["added_to_existing"] == 3
    services = Services.open(tmp_path / "data")
    try:
        with services.ctx.db.read_session() as session:
            texts = session.exec(
                select(MessageRow.text).where(MessageRow.external_id == "<c1@example.dk>")
            ).all()
            blanked = session.exec(
                select(MailItemRow).where(MailItemRow.outcome == "duplicate")
            ).one()
            assert blanked.raw == b"" and blanked.duplicate_of is not None
    finally:
        services.close()
    assert sorted(texts) == ["Helt andet indhold.", "Min støvsuger virker ikke."]
    again = import_maildir(capsys, tmp_path / "data", box)
    assert (again["fetched"], again["duplicates"], again["new_inquiries"]) == (4, 4, 0)


def conversations(count: int) -> list[bytes]:
    """``count`` mails from five customers in seven threads, every fourth a reply."""
    return [
        mail(n, subject=f"Emne {n % 7}", minute=n % 60, hour=8 + n // 60,
             sender=f"Kunde {n % 5} <kunde{n % 5}@example.dk>",
             in_reply_to=f"<c{n - 3}@example.dk>" if n % 4 == 0 and n > 3 else None)
        for n in range(1, count + 1)
    ]  # fmt: skip


def test_parsing_in_a_worker_process_stores_exactly_what_parsing_in_process_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raws = conversations(45)
    raws.append(b"Subject: no sender at all\r\n\r\nhello\r\n")
    box = write_maildir(tmp_path / "mail", raws)
    monkeypatch.setattr(mail_import, "BATCH_SIZE", 10)
    monkeypatch.setattr(mail_import, "POOL_MIN_MAILS", 10**9)  # in-process
    import_maildir(capsys, tmp_path / "inline", box)
    used: list[bool] = []
    real_init = ParsePool.__init__

    def spy(self: ParsePool, enabled: bool) -> None:
        real_init(self, enabled)
        used.append(self._executor is not None)

    monkeypatch.setattr(mail_import, "POOL_MIN_MAILS", 1)  # in a worker process
    monkeypatch.setattr(mail_parse_pool.ParsePool, "__init__", spy)
    import_maildir(capsys, tmp_path / "worker", box)
    assert used == [True]
    assert snapshot(tmp_path / "inline") == snapshot(tmp_path / "worker")


_GATE = "SOLOSERVICE_TEST_PARSE_GATE"


def gated_parse(batch: list[tuple[bytes, datetime]]) -> mail_parse_pool.Answer:
    """The worker's parse, held back (in the worker only) until the importer has taken a
    batch back: a worker slower than the store, without depending on the machine's speed."""
    gate = Path(os.environ[_GATE])
    if os.getpid() != int(gate.read_text()):
        while not gate.with_suffix(".open").exists():
            time.sleep(0.01)
    return real_parse_and_score(batch)


real_parse_and_score = mail_parse_pool.parse_and_score


def test_the_importer_parses_batches_itself_while_the_worker_is_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raws = conversations(60)
    box = write_maildir(tmp_path / "mail", raws)
    monkeypatch.setattr(mail_import, "BATCH_SIZE", 10)
    monkeypatch.setattr(mail_import, "POOL_MIN_MAILS", 10**9)  # in-process
    import_maildir(capsys, tmp_path / "inline", box)
    gate = tmp_path / "gate"
    gate.write_text(str(os.getpid()))
    monkeypatch.setenv(_GATE, str(gate))
    monkeypatch.setattr(mail_parse_pool, "parse_and_score", gated_parse)
    taken: list[bool] = []
    real_take_back = ParsePool._take_back

    def take_back(self: ParsePool) -> bool:
        took = real_take_back(self)
        taken.append(took)
        gate.with_suffix(".open").touch()  # the worker may go on now
        return took

    monkeypatch.setattr(ParsePool, "_take_back", take_back)
    monkeypatch.setattr(mail_import, "POOL_MIN_MAILS", 1)  # in a worker process
    import_maildir(capsys, tmp_path / "worker", box)
    assert taken and taken[0] is True  # the newest waiting batch, parsed by the importer
    assert snapshot(tmp_path / "inline") == snapshot(tmp_path / "worker")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=300),
            st.builds(
                lambda n, subject, body: mail(n, subject=subject, body=body),
                st.integers(1, 10**6),
                st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
                st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
            ),
        ),
        max_size=6,
    )
)
def test_a_worker_parse_with_its_bytes_put_back_is_the_in_process_parse(
    raws: list[bytes],
) -> None:
    batch = [(raw, RECEIVED) for raw in raws]
    answers = parse_without_raw(batch)
    assert all(a.raw == b"" for a in answers)
    again = [with_raw(a, raw) for a, raw in zip(answers, raws, strict=True)]
    assert again == [parse_message(raw, received=RECEIVED) for raw in raws]


def test_a_dead_worker_only_costs_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    raws = [mail(n) for n in range(1, 4)]
    batch = [(raw, RECEIVED) for raw in raws]
    with ParsePool(enabled=True) as pool:
        pending = pool.submit(batch)
        pending.result()
        broken = pool.submit([(b"x", RECEIVED)])  # then collect it as if the worker died

        class Died:
            def done(self) -> bool:
                return True

            def result(self) -> list[object]:
                raise RuntimeError("worker died")

        assert pool.collect(Died(), batch) == [  # type: ignore[arg-type]
            parse_message(raw, received=RECEIVED) for raw in raws
        ]
        assert pool.collect(broken, [(b"x", RECEIVED)]) == [parse_message(b"x", received=RECEIVED)]


def test_a_constraint_the_batch_flush_trips_is_pinned_on_its_mail(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were the batch's lookups ever wrong (here: they miss a known sender, so the batch
    adds the address a second time), the one flush fails; the batch is stored again
    flushing after each mail, and only the mail that trips the constraint is quarantined."""
    data_dir = tmp_path / "data"
    import_maildir(capsys, data_dir, write_maildir(tmp_path / "old", [mail(1, minute=1)]))
    monkeypatch.setattr(mail_lookups.BatchLookups, "_load_identities", lambda *_a: None)
    raws = [
        mail(2, sender="Kari <kari@example.no>", subject="Faktura", minute=2),
        mail(3, subject="Ny sag", minute=3),  # from the known sender
        mail(4, sender="Ola <ola@example.no>", subject="Levering", minute=4),
    ]
    summary = import_maildir(capsys, data_dir, write_maildir(tmp_path / "new", raws))
    assert (summary["fetched"], summary["new_inquiries"], summary["quarantined"]) == (3, 2, 1)
    reasons = [r for o, s, r in ledger(data_dir) if o == "quarantined" and s == "Ny sag"]
    assert len(reasons) == 1 and "IntegrityError" in reasons[0]
