"""The parse worker looks for complaints and scores languages for the importer: its verdicts
are the detector's, the importer takes them instead of running the detector, and a sender's
language is scored until a mail of theirs opens a case. An import through the CLI with the
worker stores the same as one without it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.domain import complaints
from soloservice.services import mail_import, mail_parse_pool
from soloservice.services.mail_parse_pool import ParsePool, parse_and_score
from tests.services.test_mail_import_batch import import_maildir, snapshot, write_maildir

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def raw_mail(n: int, sender: str, subject: str, body: str, reply_to: int | None = None) -> bytes:
    thread = f"In-Reply-To: <w{reply_to}@example.com>\r\n" if reply_to else ""
    return (
        f"From: {sender}\r\nTo: hej@butik.dk\r\nSubject: {subject}\r\n{thread}"
        f"Message-ID: <w{n}@example.com>\r\nDate: Tue, 24 Nov 2026 09:{n:02d}:00 +0100\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
    ).encode()


MAILS = [
    raw_mail(1, "Mette <mette@example.dk>", "Re: kop", "Tak for svaret, den er ikke knust", 9),
    raw_mail(2, "Mette <mette@example.dk>", "Knust kop", "Min kop kom i stykker. Refusion?"),
    raw_mail(3, "Mette <mette@example.dk>", "Igen", "Og fadet er også ødelagt"),
    raw_mail(4, "Tom <tom@example.com>", "Order", "My order never arrived, I want a refund"),
    b"Subject: auto\r\nAuto-Submitted: auto-replied\r\nFrom: a@example.com\r\n\r\nAway\r\n",
    b"not a mail at all",
]


def test_the_worker_verdicts_are_the_detectors_and_senders_are_scored_until_a_case() -> None:
    mail_parse_pool._scored_senders.clear()
    parsed, scores, verdicts = parse_and_score([(raw, NOW) for raw in MAILS])
    assert len(verdicts) == len(MAILS)
    for mail, verdict in zip(parsed, verdicts, strict=True):
        if isinstance(mail, ParsedMail) and not mail.is_auto:
            assert verdict == complaints.detect_complaint(mail.subject, mail.text)
        else:
            assert verdict is None
    assert [v.words if v else None for v in verdicts[:4]] == [
        (),
        ("knust", "i stykker", "refusion"),
        ("ødelagt",),
        ("never arrived", "refund"),
    ]
    # Mette's reply is scored (it may join no case), her new case too, not her third mail
    scored = [words for words, _found in scores]
    assert [any(f"{s}\n" in w for w in scored) for s in ("Re: kop", "Knust kop", "Igen")] == [
        True,
        True,
        False,
    ]
    mail_parse_pool._scored_senders.clear()


def test_the_importer_takes_the_workers_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    batch = [(raw, NOW) for raw in MAILS]
    expected = [parse_message(raw, received=NOW) for raw in MAILS]
    with ParsePool(enabled=True) as pool:
        pending = pool.submit(batch)  # the worker runs the real detector
        assert pool.collect(pending, batch) == expected

        def no_detector(_text: str) -> object:
            raise AssertionError("the importer ran the detector")

        monkeypatch.setattr(complaints._FINDER, "finditer", no_detector)
        found = [complaints.detect_complaint(p.subject, p.text) for p in expected[:4]]  # type: ignore[union-attr]
        assert found[1].words == ("knust", "i stykker", "refusion")
    with pytest.raises(AssertionError, match="ran the detector"):  # forgotten after the pool
        complaints.detect_complaint(expected[1].subject, expected[1].text)  # type: ignore[union-attr]


def test_an_import_with_the_worker_stores_what_one_without_it_stores(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = write_maildir(tmp_path / "mail", MAILS * 2)
    monkeypatch.setattr(mail_import, "BATCH_SIZE", 3)
    monkeypatch.setattr(mail_import, "POOL_MIN_MAILS", 10**9)  # in-process
    import_maildir(capsys, tmp_path / "inline", box)
    monkeypatch.setattr(mail_import, "POOL_MIN_MAILS", 1)  # in a worker process
    import_maildir(capsys, tmp_path / "worker", box)
    assert snapshot(tmp_path / "inline") == snapshot(tmp_path / "worker")
