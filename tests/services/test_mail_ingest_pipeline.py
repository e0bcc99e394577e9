"""First IMAP sync with the batch path: fetch, parse (in a worker process) and store overlap,
and it stores what the one-mail-at-a-time rules would (issue 14 items 1 and 7)."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from soloservice.services import mail_sync
from soloservice.services.mail_parse_pool import ParsePool
from soloservice.services.mail_sync import SyncProgress
from soloservice.storage.mail_tables import FolderStateRow, MailItemRow
from soloservice.storage.tables import InquiryRow, MessageRow
from tests.helpers.mail_env import MailEnv, mail, mail_env

__all__ = ["mail_env"]


def test_a_first_sync_parsed_in_a_worker_threads_dedupes_and_quarantines(
    mail_env: MailEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[bool] = []
    real_init = ParsePool.__init__

    def spy(self: ParsePool, enabled: bool) -> None:
        real_init(self, enabled)
        used.append(self._executor is not None)

    monkeypatch.setattr(mail_sync, "POOL_MIN_MAILS", 1)
    monkeypatch.setattr(ParsePool, "__init__", spy)
    mail_env.deliver(
        mail(1, subject="Knust kop"),
        mail(2, sender="Kari <kari@example.no>", subject="Faktura"),
        mail(3, subject="Re: Knust kop", in_reply_to="<c1@example.dk>"),
        b"\r\n\r\n",  # nothing: quarantined
        mail(1, subject="Knust kop"),  # the same mail again
        mail(5, subject="Levering", extra="Auto-Submitted: auto-replied\r\n"),
        mail(6, sender="Kari <kari@example.no>", subject="Re: Faktura",
             references="<c2@example.dk>"),
    )  # fmt: skip
    sync = mail_env.sync  # holds the password; with the composed app's ingest and hooks
    sync.ingest_factory = mail_env.services.make_ingest
    sync.batch_size = 2
    seen: list[SyncProgress] = []
    (summary,) = sync.sync("shop", progress=seen.append)
    assert used == [True]
    assert summary.as_json() | {"survey_answers": 0} == {
        "account": "shop",
        "fetched": 7,
        "new_inquiries": 2,
        "added_to_existing": 2,
        "duplicates": 1,
        "quarantined": 1,
        "own": 0,
        "auto": 1,
        "survey_answers": 0,
        "errors": [],
        "cancelled": False,
        "skipped": "",
    }
    assert [p.done for p in seen] == list(range(8))
    with mail_env.services.ctx.db.read_session() as session:
        subjects = session.exec(select(InquiryRow.subject).order_by(col(InquiryRow.id))).all()
        threads = session.exec(select(MessageRow.inquiry_id).order_by(col(MessageRow.id))).all()
        assert session.exec(select(FolderStateRow.last_uid)).one() == 7
        outcomes = session.exec(select(MailItemRow.outcome).order_by(col(MailItemRow.uid))).all()
    assert subjects == ["Knust kop", "Faktura"]
    assert len(threads) == 4 and threads.count(threads[0]) == 2
    assert outcomes == ["imported", "imported", "imported", "quarantined", "duplicate", "auto",
                        "imported"]  # fmt: skip
    again = mail_env.run()
    assert again.fetched == 0
