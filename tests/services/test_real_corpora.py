"""Real and odd mail through the composed importer: every message stored or quarantined.

CPython's own ``test_email`` data ships with the interpreter's test package when it is
installed (pyenv builds have it); the hand-made odd mails in ``tests/data/mail`` always run.
No wall-time assertion per message (CI machines vary); the work of each message is recorded
(process time of its parse) and printed with ``-s``, and no message may make the importer
raise.
"""

from __future__ import annotations

import shutil
import sysconfig
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import select

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import MailItemRow
from tests.helpers.cli import run_json

HERE = Path(__file__).resolve().parents[1]
ODD_MAIL = HERE / "data" / "mail"
CPYTHON_EMAIL = Path(sysconfig.get_paths()["stdlib"]) / "test" / "test_email" / "data"
OUTCOMES = {"imported", "duplicate", "own", "auto", "quarantined"}


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".eml"))


def copy_as_eml(files: list[Path], target: Path) -> Path:
    target.mkdir(parents=True)
    for index, path in enumerate(files):
        shutil.copyfile(path, target / f"{index:03d}-{path.stem}.eml")
    return target


def parse_work(files: list[Path]) -> list[tuple[str, str, float]]:
    """(file, outcome, CPU seconds) per message: recorded, not asserted."""
    work = []
    for path in files:
        raw = path.read_bytes()
        start = time.process_time()
        result = parse_message(raw)
        spent = time.process_time() - start
        assert isinstance(result, ParsedMail | Quarantined), path.name
        work.append((path.name, type(result).__name__, spent))
    return work


def check_import(services: Services, folder: Path, count: int) -> Counter[str]:
    summary = services.mail_import.import_path(folder, kind="eml")
    assert summary.errors == (), summary.errors
    assert summary.fetched == count
    with services.ctx.db.read_session() as session:  # every ledger row, stored or quarantined
        rows = session.exec(select(MailItemRow.outcome, MailItemRow.raw)).all()
    assert len(rows) == count  # every message has its ledger row: stored or quarantined
    outcomes = Counter(outcome for outcome, _raw in rows)
    assert set(outcomes) <= OUTCOMES
    return outcomes


def report(label: str, work: list[tuple[str, str, float]], outcomes: Counter[str]) -> None:
    worst = max(work, key=lambda w: w[2])
    print(
        f"\n{label}: {len(work)} messages, {dict(outcomes)}; "
        f"most work: {worst[0]} {worst[2] * 1000:.1f} ms CPU"
    )


def test_hand_made_odd_mail_is_all_stored_or_quarantined(
    services: Services, tmp_path: Path
) -> None:
    files = corpus_files(ODD_MAIL)
    assert len(files) >= 15
    work = parse_work(files)
    outcomes = check_import(services, copy_as_eml(files, tmp_path / "odd"), len(files))
    assert outcomes["quarantined"] >= 2  # no headers; 60-deep multipart
    assert outcomes["imported"] >= 10
    # two mails with one Message-ID but different content are both kept (issue 12, item 1)
    with services.ctx.db.read_session() as session:  # the ledger's own outcome per copy
        same = session.exec(
            select(MailItemRow.outcome).where(MailItemRow.message_id_header == "<same@example.dk>")
        ).all()
    assert sorted(same) in (["imported", "imported"], ["duplicate", "imported"])
    report("odd mail", work, outcomes)


@pytest.mark.skipif(
    not CPYTHON_EMAIL.is_dir(),
    reason=f"CPython's test_email data is not installed here ({CPYTHON_EMAIL})",
)
def test_cpython_test_email_corpus(services: Services, tmp_path: Path) -> None:
    files = corpus_files(CPYTHON_EMAIL)
    assert files
    work = parse_work(files)
    outcomes = check_import(services, copy_as_eml(files, tmp_path / "cpython"), len(files))
    report("CPython test_email", work, outcomes)


def test_odd_mail_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = corpus_files(ODD_MAIL)
    folder = copy_as_eml(files, tmp_path / "odd")
    data = tmp_path / "d"
    summary = run_json(capsys, "--data-dir", str(data), "--create", "import", "eml", str(folder))
    assert summary["fetched"] == len(files) and summary["errors"] == []
    again = run_json(capsys, "--data-dir", str(data), "import", "eml", str(folder))
    assert again["new_inquiries"] == 0  # a second import adds nothing
