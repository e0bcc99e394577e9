"""The rest of the week: resolve, the "are you satisfied?" mail and the customers' mailed
answers, the closed-loop call-back, the NPS pulse with a detractor, remedies and the weekly
review — all through the composed app."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

import pytest

from soloservice.services.dto import View
from tests.scenarios.conftest import Founder, local, mail

pytestmark = pytest.mark.mailserver

METTE = "Mette Hansen <mette@example.dk>"
JOHN = "John Smith <john@example.com>"


def open_two_cases(founder: Founder) -> tuple[int, int]:
    """Monday: Mette's complaint and John's question arrive and are answered and resolved."""
    vase, _ = mail(
        METTE, "Knust vase", "Hej, min vase kom knust frem. Jeg er skuffet.\n\nMette",
        local(23, 8, 10),
    )  # fmt: skip
    hours, _ = mail(
        JOHN, "Opening hours", "Hello, are you open on Saturday? Best regards, John",
        local(23, 8, 30),
    )  # fmt: skip
    founder.receive(vase, hours)
    founder.at(local(23, 10)).sync()
    ids = {r["subject"]: r["id"] for r in founder.inbox()}
    for subject, body in (
        ("Knust vase", "Kære Mette\n\nVi sender en ny vase i dag.\n\nMvh Lene"),
        ("Opening hours", "Dear John\n\nYes, 10-14 on Saturdays.\n\nBest, Lene"),
    ):
        founder.at(local(23, 11)).ok("reply", str(ids[subject]), "--send", "--body", body)
    founder.at(local(23, 15)).ok("set-status", str(ids["Knust vase"]), "resolved")
    founder.at(local(23, 15)).ok("set-status", str(ids["Opening hours"]), "resolved")
    return int(ids["Knust vase"]), int(ids["Opening hours"])


def survey_mail_to(founder: Founder, address: str) -> EmailMessage:
    found = [m for m in founder.sent() if address in str(m["To"]) and m["Subject"]]
    assert found, f"no mail to {address}"
    return found[-1]


def test_a_mailed_no_reopens_the_case_and_the_call_back_closes_it(founder: Founder) -> None:
    vase_id, hours_id = open_two_cases(founder)
    # Resolved Monday 15:00: asked three days later at the next business hour (Thursday).
    due = founder.at(local(26, 15)).json("followups", "--due", "--json")
    assert {f["inquiry_id"] for f in due} == {vase_id, hours_id}
    sent = founder.json("followups", "send")
    assert sent["queued"] == 2 and sent["errors"] == []
    to_mette = survey_mail_to(founder, "mette@example.dk")
    to_john = survey_mail_to(founder, "john@example.com")

    unhappy, _ = mail(
        METTE, f"Re: {to_mette['Subject']}",
        "Nej, desværre. Den nye vase var også revnet. 3\n\nMette",
        local(26, 18), in_reply_to=to_mette["Message-ID"],
    )  # fmt: skip
    happy, _ = mail(
        JOHN, f"Re: {to_john['Subject']}", "Yes, very happy, thank you! 10",
        local(26, 19), in_reply_to=to_john["Message-ID"],
    )  # fmt: skip
    # Someone else answering the same mail is not the customer's answer.
    stranger, _ = mail(
        "Ukendt <nogen@andet.example>", f"Re: {to_mette['Subject']}", "Ja tak, super!",
        local(26, 20), in_reply_to=to_mette["Message-ID"],
    )  # fmt: skip
    founder.receive(unhappy, happy, stranger)
    summary = founder.at(local(27, 8)).sync()
    assert summary["survey_answers"] == 2
    assert summary["new_inquiries"] == 0

    answers = {f["inquiry_id"]: f for f in founder.json("followups", "--json")}
    assert (answers[vase_id]["satisfied"], answers[vase_id]["score"]) == (False, 3)
    assert (answers[hours_id]["satisfied"], answers[hours_id]["score"]) == (True, 10)

    vase = founder.show(vase_id)
    assert vase["status"] == "open"
    assert vase["closed_loop"] is True
    assert vase["at_risk_public"] is True
    # The 24-hour call-back is on the wall clock from the answer being read.
    assert vase["due_at"] is not None
    assert local(27, 8) < datetime.fromisoformat(vase["due_at"])
    assert vase_id in {r["id"] for r in founder.inbox("--needs-reply")}
    john = founder.show(hours_id)
    assert john["status"] == "closed"  # a happy answer closes the case for good

    # The founder calls Mette back on the case: the promise is kept, no new inquiry.
    founder.at(local(27, 9)).ok(
        "log-call", "--phone", "+45 40 11 22 33", "--name", "Mette Hansen", "--direction", "out",
        "--inquiry", str(vase_id), "--note", "Ringede: ny vase + gavekort",
    )  # fmt: skip
    founder.ok("remedy", "add", str(vase_id), "--kind", "gift", "--cost", "250")
    assert vase_id not in {r["id"] for r in founder.inbox("--needs-reply")}
    assert founder.counts()[View.OVERDUE] == 0
    subjects = [r["subject"] for r in founder.inbox()]
    assert subjects.count("Knust vase") == 1

    review = founder.at(local(27, 16)).json("review", "--week", "2026-W48", "--json")
    email = review["channels"]["email"]
    assert email["received"]["value"] == 2
    assert email["complaints"]["value"] == 1
    assert email["complaints"]["inquiry_ids"] == [vase_id]
    assert email["promises_kept_percent"]["value"] == 100.0
    assert email["followups_answered"]["value"] == 2
    assert email["unanswered_now"]["value"] == 0
    assert review["remedies"]["total_cost"] == 250.0
    # Two customers, one complaint: no "10-26 silent unhappy customers" for a shop this size.
    iceberg = review["channels"]["total"]["iceberg"]
    assert iceberg["bounded"] is True and iceberg["high"] <= 1


def test_a_mailed_pulse_detractor_starts_a_closed_loop(founder: Founder) -> None:
    vase_id, hours_id = open_two_cases(founder)
    founder.at(local(24, 9)).ok("followups", "skip", str(vase_id))
    founder.ok("followups", "skip", str(hours_id))
    founder.at(local(25, 10))
    proposal = founder.json("pulse", "propose", "--json")
    john = next(p for p in proposal if p["email"] == "john@example.com")
    sent = founder.json("pulse", "send", "--ids", str(john["customer_id"]))
    assert sent["queued"] == 1
    asked = survey_mail_to(founder, "john@example.com")
    answer, _ = mail(
        JOHN, f"Re: {asked['Subject']}", "2. The parcel took two weeks.",
        local(25, 12), in_reply_to=asked["Message-ID"],
    )  # fmt: skip
    founder.receive(answer)
    summary = founder.at(local(25, 13)).sync()
    assert (summary["survey_answers"], summary["new_inquiries"]) == (1, 0)
    report = founder.json("pulse", "report", "--json")
    assert report["answers"] == 1 and report["nps"] == -100
    # A detractor gets a closed-loop case to call back.
    loops = [r for r in founder.inbox("--needs-reply") if r["customer_id"] == john["customer_id"]]
    assert loops, "the detractor's answer opened no case to call back"
