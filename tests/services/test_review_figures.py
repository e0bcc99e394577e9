"""Review figures a small shop can believe (issue 11, item 10), through the composed app.

The shop of the issue: about 80 customers, 17 complaints in week 2026-W47. The rule of thumb
says 170-442 silent unhappy customers; the review must cap that at the 63 other customers on
record and say so, and tell how much of the value at risk is the default customer value.
Seeded with ``Services.open``; read back through the CLI (``review --json``, text, CSV).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from soloservice.domain.types import Channel, IdentityKind, InquiryKind
from soloservice.services.customers import CustomerChanges, CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.cli import run, run_json
from tests.helpers.factories import make_customer

CPH = ZoneInfo("Europe/Copenhagen")
WEEK = "2026-W47"  # Monday 16 to Sunday 22 November 2026


def cph(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CPH)


def _inquiry(
    services: Services, n: int, kind: InquiryKind, received: datetime, automatic: str = ""
) -> int:
    detail = services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(
                name=f"Kunde {n}", identity_kind=IdentityKind.EMAIL,
                identity_value=f"kunde{n}@example.dk",
            ),
            channel=Channel.EMAIL,
            subject=f"Sag {n}",
            text="Hej",
            kind=kind,
            received_at=received, automatic_reason=automatic,
        )
    )  # fmt: skip
    return detail.customer.id


@pytest.fixture
def shop(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """17 complainers + 60 other writers + 3 customers from a list = 80 on record; plus two
    spam senders and a newsletter, who are no customers."""
    monkeypatch.setenv(NOW_ENV, "2026-11-24T10:00+01:00")
    services = Services.open(data_dir)
    try:
        complainers = [
            _inquiry(services, n, InquiryKind.COMPLAINT, cph(11, 16 + n % 7, 10)) for n in range(17)
        ]
        for n in range(17, 77):
            _inquiry(services, n, InquiryKind.QUESTION, cph(10, 5, 10))
        spam = [_inquiry(services, n, InquiryKind.QUESTION, cph(11, 17, 9)) for n in (90, 91)]
        _inquiry(services, 92, InquiryKind.QUESTION, cph(11, 18, 9), "List-Id: nyheder.example.dk")
        # Two complainers have their own annual value on the card: 40,000 x 5 = 200,000 each.
        for customer_id in complainers[:2]:
            services.customers.update(customer_id, CustomerChanges(annual_value=40_000.0))
        pinned, services.ctx.clock = services.ctx.clock, lambda: cph(9, 1, 9)
        for n in range(3):  # imported from a customer list in September: no inquiry yet
            make_customer(services, f"Stamkunde {n}")
        services.ctx.clock = pinned
        for customer_id in spam:
            services.senders.set_verdict(customer_id, "spam")
    finally:
        services.close()
    return data_dir


def test_the_iceberg_is_capped_at_the_other_customers_on_record(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = run_json(capsys, "--data-dir", str(shop), "review", "--week", WEEK, "--json")
    total = doc["channels"]["total"]
    assert total["complaints"]["value"] == 17
    assert total["iceberg"] == {
        "low": 63, "high": 63, "estimate_low": 170, "estimate_high": 442,
        "customers_on_record": 80, "complaining_customers": 17, "bound": 63, "bounded": True,
    }  # fmt: skip

    code, out, err = run(capsys, "--data-dir", str(shop), "review", "--week", WEEK)
    assert code == 0, err
    assert (
        "17 complaints — the rule of thumb (10–26 per complaint) says 170–442, but you have "
        "80 customers on record: at most 63 unhappy customers who said nothing "
        "(all your other customers)"
    ) in out
    assert "likely 170–442" not in out


def test_value_at_risk_says_how_much_is_the_default_value(
    shop: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = run_json(capsys, "--data-dir", str(shop), "review", "--week", WEEK, "--json")
    total = doc["channels"]["total"]
    assert total["value_at_risk"]["value"] == 1_900_000.0
    assert total["value_at_risk_default"]["value"] == 1_500_000.0
    assert len(total["value_at_risk_default"]["inquiry_ids"]) == 15
    assert total["value_at_risk_known"]["value"] == 400_000.0
    assert doc["default_customer_value"]["lifetime_value"] == 100_000.0

    code, out, _err = run(capsys, "--data-dir", str(shop), "review", "--week", WEEK)
    assert code == 0
    assert (
        "Value at risk: 1.900.000 kr — 1.500.000 kr of it from the default customer value "
        "(20.000 kr a year × 5 years); set real values on the customer cards"
    ) in out
    table = [line for line in out.splitlines() if line.startswith("  of it from the default")]
    assert table and table[0].rstrip().endswith("1.500.000 kr")

    target = tmp_path / "w47.csv"
    code, _out, err = run(
        capsys, "--data-dir", str(shop), "review", "--week", WEEK, "--csv", str(target)
    )
    assert code == 0, err
    rows = {r["metric"]: r for r in csv.DictReader(io.StringIO(target.read_text("utf-8")))}
    assert rows["value_at_risk_default"]["total"] == "1500000.00"
    assert rows["iceberg"]["total"] == "63-63"
