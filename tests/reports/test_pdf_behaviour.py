"""The weekly review as a PDF, read back as text: what the founder prints or mails to an
accountant must say the same as the window. Written through the composed app (the CLI's
``review --pdf`` and ``Services.open``), read back with Qt's own PDF reader."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from soloservice.domain.remedies import RemedyKind
from soloservice.domain.types import Channel, InquiryKind, Status
from soloservice.paths import database_path
from soloservice.plurals import ensure_english_plurals
from soloservice.reports.pdf import write_review_pdf
from soloservice.services.registry import Services
from tests.helpers.cli import run
from tests.helpers.factories import make_inquiry

CPH = ZoneInfo("Europe/Copenhagen")
NOW = "2026-11-24T10:00+01:00"  # Tuesday: the last full week is 2026-W47 (16-22 Nov)


def cph(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CPH)


@pytest.fixture(autouse=True)
def _english_plurals(qapp: QApplication) -> None:
    """What the app (and the CLI, which starts its own QApplication) installs for English."""
    ensure_english_plurals()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOLOSERVICE_NOW", NOW)
    path = tmp_path / "shop"
    path.mkdir()
    return path


@pytest.fixture
def store(data: Path) -> Services:
    services = Services.open(data)
    yield services  # type: ignore[misc]
    services.close()


def pdf_pages(path: Path) -> list[str]:
    assert QApplication.instance() is not None  # QPdfDocument wants the app of the test session
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    document.close()
    return pages


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def week47(services: Services) -> dict[str, int]:
    mette = make_inquiry(services, received_at=cph(11, 16, 10)).id
    ole = make_inquiry(
        services, name="Ole Nordmann", email="ole@example.no", channel=Channel.FORM,
        kind=InquiryKind.QUESTION, received_at=cph(11, 18, 11),
    ).id  # fmt: skip
    services.inquiries.record_reply(ole, "Ja, vi leverer.", sent_at=cph(11, 18, 12))
    return {"mette": mette, "ole": ole}


# -- through the CLI --------------------------------------------------------------------------


def test_review_pdf_from_the_cli_has_the_figures_then_the_trends(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: QApplication
) -> None:
    services = Services.open(data)
    try:
        week47(services)
    finally:
        services.close()
    target = tmp_path / "uge47.pdf"
    code, out, err = run(capsys, "--data-dir", str(data), "review", "--week", "2026-W47",
                         "--pdf", str(target))  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"wrote {target}"
    first, second = pdf_pages(target)
    text = flat(first)
    assert text.startswith("Weekly review 2026-W47")
    assert "16 Nov 2026 to 22 Nov 2026" in text
    assert "Received" in text and "Total" in text and "Email" in text
    assert "No remedies recorded this week." in text
    assert "NPS pulse (asked customers, not complaints)" in text
    assert "Value at risk:" in text
    assert second.strip()  # the trend charts have their own page


def test_review_pdf_onto_the_store_itself_is_refused_and_the_store_kept(
    data: Path, capsys: pytest.CaptureFixture[str], qapp: QApplication
) -> None:
    Services.open(data).close()
    store = database_path(data)
    before = store.read_bytes()
    code, out, err = run(capsys, "--data-dir", str(data), "review", "--pdf", str(store))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert store.read_bytes() == before


def test_review_pdf_into_a_missing_folder_fails_cleanly(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: QApplication
) -> None:
    Services.open(data).close()
    target = tmp_path / "nowhere" / "w.pdf"
    code, _out, err = run(capsys, "--data-dir", str(data), "review", "--pdf", str(target))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert not target.parent.exists()


# -- what the page says -----------------------------------------------------------------------


def test_the_business_name_heads_the_page_and_no_trends_means_one_page(
    store: Services, tmp_path: Path, qapp: QApplication
) -> None:
    week47(store)
    review = store.review.week(2026, 47)
    path = write_review_pdf(review, [], tmp_path / "w.pdf", business_name="Butikken ApS")
    (page,) = pdf_pages(path)
    assert flat(page).startswith("Butikken ApS — Weekly review 2026-W47")


def test_remedies_and_the_answers_after_them_are_listed_with_their_cost(
    store: Services, tmp_path: Path, qapp: QApplication
) -> None:
    ids = week47(store)
    store.remedies.add(ids["mette"], RemedyKind.REPLACEMENT, 400, "Ny vase", at=cph(11, 17, 9))
    store.remedies.add(ids["mette"], RemedyKind.GIFT, 50, "Chokolade", at=cph(11, 17, 9))
    review = store.review.week(2026, 47)
    path = write_review_pdf(review, store.review.trends(12, until=(2026, 47)), tmp_path / "r.pdf")
    text = flat(pdf_pages(path)[0])
    assert "Remedies this week" in text
    assert "×1" in text
    assert "Total" in text and "for 2 remedies" in text
    assert "450" in text
    assert "Customers who wrote again since: 0" in text
    assert "No remedies recorded this week." not in text


def test_hand_checked_channels_show_when_they_were_last_looked_at(
    store: Services, tmp_path: Path, qapp: QApplication
) -> None:
    never = store.checklist.add("Trustpilot reviews")
    ticked = store.checklist.add("Voicemail")
    store.checklist.tick(ticked.id, "tomt")
    review = store.review.week(2026, 47)
    path = write_review_pdf(review, [], tmp_path / "c.pdf", store.checklist.status())
    text = flat(pdf_pages(path)[0])
    assert "Channels" in text
    assert "Trustpilot reviews" in text and "never" in text
    assert "not checked for over a week" in text
    assert "Voicemail" in text and "2026-11-24 10:00" in text
    assert never.id != ticked.id


@pytest.mark.parametrize(
    "others,expected",
    [
        (40, "3 complaints — likely 30–40 unhappy customers who said nothing (at most 40: all "
             "your other customers of the 43 on record; the rule of thumb says up to 78)"),
        (5, "3 complaints — the rule of thumb says 30–78 silent unhappy customers, but you have "
            "8 customers on record: at most 5 (all your other customers)"),
        (0, "3 complaints — the rule of thumb says 30–78 silent unhappy customers, but all 3 of "
            "your customers on record have complained: none is left who said nothing"),
    ],
)  # fmt: skip
def test_the_silent_unhappy_are_capped_by_the_customers_on_record(
    store: Services, tmp_path: Path, qapp: QApplication, others: int, expected: str
) -> None:
    for n in range(3):
        make_inquiry(store, name=f"Kunde {n}", email=f"k{n}@example.dk",
                     received_at=cph(11, 17, 9 + n))  # fmt: skip
    for n in range(others):  # customers on record who never complained
        make_inquiry(store, name=f"Glad {n}", email=f"g{n}@example.dk", kind=InquiryKind.PRAISE,
                     received_at=cph(11, 2, 9), status=Status.RESOLVED)  # fmt: skip
    review = store.review.week(2026, 47)
    path = write_review_pdf(review, [], tmp_path / "i.pdf")
    text = flat(pdf_pages(path)[0])
    assert expected in text
    assert "All of it rests on the default customer value (20.000 kr a year × 5 years)" in text


def test_an_existing_pdf_is_replaced_whole(
    store: Services, tmp_path: Path, qapp: QApplication
) -> None:
    target = tmp_path / "w.pdf"
    target.write_bytes(b"an old report")
    review = store.review.week(2026, 47)
    write_review_pdf(review, [], target)
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop", "w.pdf"]


def test_a_pdf_that_cannot_be_written_leaves_no_half_file(
    store: Services, tmp_path: Path, qapp: QApplication
) -> None:
    folder = tmp_path / "w.pdf"
    folder.mkdir()  # a folder where the file should go
    review = store.review.week(2026, 47)
    with pytest.raises((OSError, ValueError)):
        write_review_pdf(review, [], folder)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop", "w.pdf"]
