"""A founder's day through the real CLI, with the clock pinned by ``SOLOSERVICE_NOW``:
calls and call-backs, kind, snooze, sender verdicts, remedies, the follow-up's closed loop,
and the GDPR pair. Every step is checked by what the next command shows."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.helpers.cli import run, run_json

CPH = ZoneInfo("Europe/Copenhagen")
MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=CPH)  # Tuesday, open


class Founder:
    """The CLI on one data dir, with a clock the test moves."""

    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch):
        self.data, self.capsys, self.mp = data, capsys, mp
        self.now = MORNING
        self._pin()

    def _pin(self) -> None:
        self.mp.setenv("SOLOSERVICE_NOW", self.now.isoformat())

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)
        self._pin()

    def json(self, *argv: str) -> Any:
        return run_json(self.capsys, "--data-dir", str(self.data), *argv)

    def ok(self, *argv: str) -> str:
        code, out, err = run(self.capsys, "--data-dir", str(self.data), *argv)
        assert code == 0, err
        return out

    def fails(self, *argv: str) -> str:
        try:
            code, out, err = run(self.capsys, "--data-dir", str(self.data), *argv)
        except SystemExit as exc:  # argparse refused the command line itself
            code = exc.code  # type: ignore[assignment]
            out, err = self.capsys.readouterr()
        assert code == 2, (out, err)
        assert "Traceback" not in err
        lines = [line for line in err.splitlines() if "error:" in line]
        assert len(lines) == 1, err
        return lines[0]

    def view(self, name: str) -> list[int]:
        return [row["id"] for row in self.json("inbox", "--json", "--view", name)]

    def show(self, inquiry: int) -> dict[str, Any]:
        shown: dict[str, Any] = self.json("show", "--json", str(inquiry))
        return shown


@pytest.fixture
def founder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Founder:
    me = Founder(tmp_path / "data", capsys, monkeypatch)
    me.ok("--create", "inbox", "--json")
    return me


def local(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def call(founder: Founder, *extra: str, phone: str = "+45 20 12 34 56") -> dict[str, Any]:
    shown: dict[str, Any] = json.loads(
        founder.ok("log-call", "--phone", phone, "--name", "Ole", *extra)
    )
    return shown


# -- calls and the promise -----------------------------------------------------------------------


def test_a_call_back_owed_is_due_in_four_business_hours_and_goes_overdue(founder: Founder) -> None:
    case = call(founder, "--note", "Vasen er knust", "--complaint", "--callback")
    assert case["status"] == "open" and case["kind"] == "complaint"
    assert local(case["due_at"]) == MORNING + timedelta(hours=4)
    assert case["id"] in founder.view("needs_reply")
    assert case["id"] in founder.view("due_today")
    founder.advance(hours=4, minutes=10)
    assert founder.view("overdue") == [case["id"]]
    back = json.loads(
        founder.ok("log-call", "--inquiry", str(case["id"]), "--direction", "out",
                   "--note", "Ringede tilbage", "--duration", "5")
    )  # fmt: skip
    assert back["needs_reply_since"] is None
    assert back["promise_kept"] is False  # the call began at 14:05: five minutes late
    assert founder.view("overdue") == []
    assert any(m["call_duration_s"] == 300 for m in back["messages"])


def test_a_call_back_in_time_keeps_the_promise(founder: Founder) -> None:
    case = call(founder, "--note", "Ring mig", "--callback")
    founder.advance(hours=1)
    back = json.loads(
        founder.ok("log-call", "--inquiry", str(case["id"]), "--direction", "out",
                   "--note", "Klaret", "--solved")
    )  # fmt: skip
    assert back["promise_kept"] is True and back["status"] == "resolved"
    assert founder.view("needs_reply") == []


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("log-call", "--phone", "+4520123456"), "--note"),
        (("log-call", "--phone", "+4520123456", "--note", "   "), "note"),
        (("log-call", "--note", "hej"), "phone"),
        (("log-call", "--phone", "+4520123456", "--note", "x", "--duration", "-3"), ""),
        (("log-call", "--phone", "+4520123456", "--note", "x", "--duration", "9999"), ""),
        (("log-call", "--phone", "abc", "--note", "x"), ""),
        (("log-call", "--phone", "+4520123456", "--note", "x", "--callback", "--solved"), ""),
    ],
)
def test_a_call_that_cannot_be_logged_is_one_line_and_stores_nothing(
    founder: Founder, argv: tuple[str, ...], words: str
) -> None:
    line = founder.fails(*argv)
    assert words in line
    assert founder.view("inbox") == [] and founder.view("resolved") == []


# -- kind, snooze, sender ------------------------------------------------------------------------


def test_set_kind_is_logged_and_wins(founder: Founder) -> None:
    case = call(founder, "--note", "Tak for hjælpen", "--callback")
    changed = founder.json("set-kind", str(case["id"]), "praise", "--json")
    assert (changed["old_kind"], changed["kind"], changed["kind_source"]) == (
        "question",
        "praise",
        "founder",
    )
    shown = founder.show(case["id"])
    assert shown["kind"] == "praise"
    assert [(e["old_value"], e["new_value"]) for e in shown["events"] if e["kind"] == "kind"] == [
        ("question", "praise")
    ]
    founder.fails("set-kind", str(case["id"]), "compliment")


def test_snooze_hides_until_its_time_then_the_case_is_back(founder: Founder) -> None:
    case = call(founder, "--note", "Ring i eftermiddag", "--callback")
    snoozed = json.loads(founder.ok("snooze", str(case["id"]), "--for", "2h"))
    assert local(snoozed["snoozed_until"]) == founder.now + timedelta(hours=2)
    assert snoozed["due_at"] == case["due_at"]
    assert case["id"] not in founder.view("inbox")
    assert case["id"] in founder.view("snoozed")
    founder.advance(hours=2, minutes=1)
    assert case["id"] in founder.view("inbox")
    assert case["id"] not in founder.view("snoozed")


def test_snooze_clear_wakes_at_once(founder: Founder) -> None:
    case = call(founder, "--note", "Senere", "--callback")
    founder.ok("snooze", str(case["id"]), "--for", "1w")
    woken = json.loads(founder.ok("snooze", str(case["id"]), "--clear"))
    assert woken["snoozed_until"] is None
    assert case["id"] in founder.view("inbox")


@pytest.mark.parametrize(
    "argv",
    [
        ("--for", "0m"),
        ("--for", "-2h"),
        ("--for", "soon"),
        ("--until", "2020-01-01T09:00"),
        ("--until", "yesterday"),
        ("--until", "2026-13-01T09:00"),
    ],
)
def test_a_snooze_that_makes_no_sense_is_one_line(founder: Founder, argv: tuple[str, ...]) -> None:
    case = call(founder, "--note", "Senere", "--callback")
    founder.fails("snooze", str(case["id"]), *argv)
    assert founder.show(case["id"])["snoozed_until"] is None


def test_a_resolved_case_cannot_snooze(founder: Founder) -> None:
    case = call(founder, "--note", "Klaret i telefonen")  # solved on the call
    assert case["status"] == "resolved"
    assert "only open" in founder.fails("snooze", str(case["id"]), "--for", "1d")


def test_spam_moves_every_open_case_of_the_sender_to_automatic_and_clear_brings_them_back(
    founder: Founder,
) -> None:
    first = call(founder, "--note", "Køb billige ure", "--callback", phone="+4511111111")
    second = call(founder, "--note", "Sidste chance", "--callback", phone="+4511111111")
    other = call(founder, "--note", "Min pakke", "--callback", phone="+4522222222")
    verdict = founder.json("sender", "spam", str(first["id"]), "--json")
    assert {i["id"] for i in verdict["inquiries"]} == {first["id"], second["id"]}
    assert set(founder.view("automatic")) == {first["id"], second["id"]}
    assert founder.view("inbox") == [other["id"]]
    review = founder.json("review", "--json", "--week", "2026-W48")
    assert review["channels"]["total"]["received"]["inquiry_ids"] == [other["id"]]
    founder.json("sender", "clear", str(first["id"]), "--json")
    assert set(founder.view("inbox")) == {first["id"], second["id"], other["id"]}


# -- remedies ------------------------------------------------------------------------------------


def test_remedies_add_up_and_removing_one_takes_it_out(founder: Founder) -> None:
    case = call(founder, "--note", "Vasen er knust", "--complaint", "--callback")
    gift = founder.json("remedy", "add", str(case["id"]), "--kind", "gift", "--cost", "150,50")
    founder.json("remedy", "add", str(case["id"]), "--kind", "express_shipping", "--cost", "200")
    assert gift["cost"] == pytest.approx(150.5)
    listing = founder.ok("remedy", "list", str(case["id"]))
    assert "351 kr" in listing or "350" in listing
    founder.ok("remedy", "remove", str(gift["id"]))
    listing = founder.ok("remedy", "list", str(case["id"]))
    assert "gift" not in listing and "200 kr" in listing
    review = founder.json("review", "--json", "--week", "2026-W48")
    assert review["remedies"]["total_cost"] == pytest.approx(200)
    assert review["remedies"]["count"] == 1


@pytest.mark.parametrize(
    "extra",
    [("--kind", "bribe"), ("--kind", "gift", "--cost", "-5"), ("--kind", "gift", "--cost", "nan"),
     ("--kind", "gift", "--cost", "lots")],
)  # fmt: skip
def test_a_bad_remedy_is_one_line_and_not_stored(founder: Founder, extra: tuple[str, ...]) -> None:
    case = call(founder, "--note", "Vasen er knust", "--complaint", "--callback")
    founder.fails("remedy", "add", str(case["id"]), *extra)
    assert founder.ok("remedy", "list", str(case["id"])).startswith("remedy 0 kr")
    assert founder.json("review", "--json", "--week", "2026-W48")["remedies"]["count"] == 0


# -- the follow-up's closed loop -------------------------------------------------------------------


def test_an_unhappy_answer_recorded_by_hand_reopens_with_a_24_hour_call_back(
    founder: Founder,
) -> None:
    case = call(founder, "--note", "Vasen er knust", "--complaint")  # solved on the call
    checks = founder.json("followups", "--json")
    (check,) = [c for c in checks if c["inquiry_id"] == case["id"]]
    assert check["status"] == "scheduled"
    founder.advance(days=3)
    assert [c["id"] for c in founder.json("followups", "--due", "--json")] == [check["id"]]
    founder.ok("followups", "record", str(check["id"]), "--satisfied", "no", "--score", "3")
    shown = founder.show(case["id"])
    assert shown["status"] == "open" and shown["closed_loop"] is True
    assert shown["at_risk_public"] is True
    assert local(shown["due_at"]) == founder.now + timedelta(hours=24)
    assert case["id"] in founder.view("needs_reply")
    assert "already answered" in founder.fails(
        "followups", "record", str(check["id"]), "--satisfied", "yes"
    )


@pytest.mark.parametrize(
    "extra",
    [("--satisfied", "perhaps"), ("--score", "11"), ("--score", "-1"), ("--score", "ten"), ()],
)
def test_a_bad_answer_is_one_line_and_the_check_stays_scheduled(
    founder: Founder, extra: tuple[str, ...]
) -> None:
    case = call(founder, "--note", "Spørgsmål om levering")
    (check,) = [c for c in founder.json("followups", "--json") if c["inquiry_id"] == case["id"]]
    founder.fails("followups", "record", str(check["id"]), *extra)
    (again,) = [c for c in founder.json("followups", "--json") if c["inquiry_id"] == case["id"]]
    assert again["status"] == "scheduled"


def test_skip_and_undo_skip(founder: Founder) -> None:
    case = call(founder, "--note", "Spørgsmål")
    founder.ok("followups", "skip", str(case["id"]))
    (check,) = [c for c in founder.json("followups", "--json") if c["inquiry_id"] == case["id"]]
    assert check["status"] == "skipped"
    founder.ok("followups", "skip", str(case["id"]), "--undo")
    (check,) = [c for c in founder.json("followups", "--json") if c["inquiry_id"] == case["id"]]
    assert check["status"] == "scheduled"


# -- GDPR ----------------------------------------------------------------------------------------


def test_customer_export_holds_theirs_only_and_is_private(founder: Founder, tmp_path: Path) -> None:
    mine = call(founder, "--note", "Min vase ZZ-MINE", "--callback", phone="+4511111111")
    call(founder, "--note", "Anden kunde ZZ-OTHER", "--callback", phone="+4522222222")
    target = tmp_path / "mette.json"
    summary = founder.json("customer", "export", str(mine["customer_card"]["id"]), str(target))
    assert summary["messages"] == 1
    text = target.read_text(encoding="utf-8")
    assert "ZZ-MINE" in text and "ZZ-OTHER" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    json.loads(text, parse_constant=lambda c: pytest.fail(c))


def test_forget_without_yes_only_says_what_would_go(founder: Founder) -> None:
    case = call(founder, "--note", "Hemmelig ZZ-SECRET", "--callback")
    customer = str(case["customer_card"]["id"])
    line = founder.fails("customer", "forget", customer)
    assert "--yes" in line and "1 messages" in line
    assert "ZZ-SECRET" in json.dumps(founder.show(case["id"]))


def test_forget_removes_their_words_and_keeps_the_weeks_figures(
    founder: Founder, tmp_path: Path
) -> None:
    case = call(founder, "--note", "Hemmelig ZZ-SECRET", "--complaint", "--callback")
    founder.json("remedy", "add", str(case["id"]), "--kind", "gift", "--cost", "99", "--note",
                 "ZZ-SECRET gave")  # fmt: skip
    founder.ok("note", str(case["id"]), "ZZ-SECRET intern note")
    keep = call(founder, "--note", "Bliver ZZ-KEEP", "--callback", phone="+4522222222")
    before = founder.json("review", "--json", "--week", "2026-W48")
    founder.ok("customer", "forget", str(case["customer_card"]["id"]), "--yes")
    after = founder.json("review", "--json", "--week", "2026-W48")
    assert after == before
    shown = founder.show(case["id"])
    assert "ZZ-SECRET" not in json.dumps(shown)
    assert shown["customer_card"]["identities"] == []
    assert shown["customer_card"]["name"] != "Ole"
    assert "ZZ-KEEP" in json.dumps(founder.show(keep["id"]))
    founder.ok("export", str(tmp_path / "all.json"))
    assert "ZZ-SECRET" not in (tmp_path / "all.json").read_text(encoding="utf-8")
    assert founder.json("search", "ZZ-SECRET", "--json") == []
