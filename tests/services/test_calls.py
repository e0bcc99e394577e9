from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from soloservice.channels.form.builtin_rules import SAMPLE_MAILS
from soloservice.domain.types import (
    CallDirection,
    CallOutcome,
    Channel,
    Direction,
    InquiryKind,
    Status,
)
from soloservice.services.calls import CallLog
from soloservice.services.dto import InboxQuery, View
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.cli import run, run_json
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_call, make_inquiry


def test_call_back_owed_creates_an_open_phone_inquiry(
    services: Services, clock: FixedClock
) -> None:
    detail = make_call(
        services, "Vasen kom i stykker\nVil have en ny", phone="20 12 34 56", name="Mette Hansen",
        complaint=True, outcome=CallOutcome.CALLBACK, duration=timedelta(minutes=4),
    )  # fmt: skip
    assert detail.channel is Channel.PHONE
    assert detail.status is Status.OPEN
    assert detail.kind is InquiryKind.COMPLAINT
    assert detail.subject == "Vasen kom i stykker"
    assert detail.customer.identities[0].value == "+4520123456"
    assert detail.messages[0].call_duration_s == 240
    # Call 09:56-10:00 local Tuesday; call-back promise 4 business hours -> 14:00 local.
    assert detail.due_at == datetime(2026, 11, 24, 13, 0, tzinfo=UTC)
    assert services.inbox.list_ids(InboxQuery()) == [detail.id]


def test_solved_on_the_call_is_resolved_and_kept(services: Services) -> None:
    detail = make_call(services, "Spurte om åpningstider", phone="+47 412 34 567", name="Kari")
    assert detail.status is Status.RESOLVED
    assert detail.promise_kept is True
    assert services.inbox.list_ids(InboxQuery(view=View.RESOLVED)) == [detail.id]


def test_second_call_matches_the_customer_by_number(services: Services) -> None:
    first = make_call(services, "a")
    second = make_call(services, "b", phone="+45 20 12 34 56", name="")
    assert second.customer.id == first.customer.id
    assert second.customer.name == "Mette"


def test_call_back_attached_to_the_inquiry_keeps_its_promise(
    services: Services, clock: FixedClock
) -> None:
    owed = make_call(services, outcome=CallOutcome.CALLBACK)
    clock.advance(hours=1)
    done = make_call(
        services, "Ringede tilbage, sender ny vase", name="", direction=CallDirection.OUTGOING,
        inquiry_id=owed.id,
    )  # fmt: skip
    assert done.id == owed.id
    assert done.status is Status.RESOLVED
    assert done.promise_kept is True
    assert len(done.messages) == 2


@pytest.mark.parametrize(
    ("log", "message"),
    [
        (CallLog(phone="12", note="x"), "phone number"),
        (CallLog(phone="20123456", note="  "), "needs a note"),
        (CallLog(phone="", note="x"), "phone number or a customer name"),
        (CallLog(phone="20123456", note="x", duration=timedelta(hours=13)), "duration"),
    ],
)
def test_bad_calls_are_refused_and_nothing_is_stored(
    services: Services, log: CallLog, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        services.calls.log_call(log)
    assert services.inbox.count(InboxQuery(view=View.INBOX)) == 0
    assert services.inbox.count(InboxQuery(view=View.RESOLVED)) == 0


# -- possible numbers, calls on a case (issue 11 items 7 and 8) -----------------------------


def _eml(folder: Path, sender: str, subject: str, text: str, when: datetime) -> Path:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "kontakt@hyggekeramik.dk"
    mail["Subject"] = subject
    mail["Date"] = format_datetime(when)
    mail["Message-ID"] = make_msgid(domain="example.org")
    mail.set_content(text)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{len(list(folder.iterdir()))}.eml"
    path.write_bytes(mail.as_bytes())
    return path


def _mail_case(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    subject: str,
    text: str,
    when: datetime = datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
) -> dict[str, object]:
    """Mette's mail imported through the CLI: the one case in the inbox."""
    path = _eml(tmp_path / "m", "Mette <mette@example.dk>", subject, text, when)
    run_json(capsys, "--data-dir", str(data_dir), "import", "eml", str(path))
    (case,) = run_json(capsys, "--data-dir", str(data_dir), "inbox", "--json")
    assert isinstance(case, dict)
    return case


def test_a_possible_number_is_logged_with_a_warning_on_stderr(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "log-call",
        "--phone",
        "+45 20 00 00 00",
        "--name",
        "Ny Kunde",
        "--note",
        "Spurgte om levering",
    )
    assert code == 0, err
    detail = json.loads(out)
    assert detail["customer_card"]["identities"][0]["value"] == "+4520000000"
    assert len(err.strip().splitlines()) == 1 and "warning" in err and "+45 20 00 00 00" in err
    # The same number, typed another way, is the same customer.
    again = run_json(
        capsys, "--data-dir", str(data_dir), "log-call", "--phone", "20000000", "--note", "igen"
    )
    assert again["customer_card"]["id"] == detail["customer_card"]["id"]


def test_an_impossible_number_is_still_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, _out, err = run(
        capsys, "--data-dir", str(data_dir), "log-call", "--phone", "12", "--note", "x"
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 and "phone number" in err


def test_form_mail_phone_is_an_identity_and_a_later_call_matches(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    sample = SAMPLE_MAILS["WordPress Contact Form 7"]  # Telefon: 22 33 44 55
    path = tmp_path / "form.eml"
    mail = EmailMessage()
    mail["From"] = sample.from_addr
    mail["Reply-To"] = sample.reply_to or ""
    mail["To"] = "kontakt@hyggekeramik.dk"
    mail["Subject"] = sample.subject
    mail["Date"] = format_datetime(datetime(2026, 11, 23, 18, 30, tzinfo=UTC))
    mail["Message-ID"] = make_msgid(domain="hyggekeramik.dk")
    mail.set_content(sample.text or "")
    path.write_bytes(mail.as_bytes())
    summary = run_json(capsys, "--data-dir", str(data_dir), "import", "eml", str(path))
    assert summary["new_inquiries"] == 1
    (form,) = run_json(capsys, "--data-dir", str(data_dir), "inbox", "--json")
    assert form["channel"] == "form"
    card = run_json(
        capsys, "--data-dir", str(data_dir), "customer", "show", str(form["customer_id"])
    )
    assert {"kind": "phone", "value": "+4522334455", "display": "+45 22 33 44 55"} in card[
        "identities"
    ]
    call = run_json(
        capsys,
        "--data-dir",
        str(data_dir),
        "log-call",
        "--phone",
        "+45 22 33 44 55",
        "--note",
        "Ringede om den revnede skål",
    )
    assert call["customer_card"]["id"] == form["customer_id"]


def test_call_back_on_an_overdue_mail_case_joins_it_and_fulfils_the_promise(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    received = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday
    monkeypatch.setenv(NOW_ENV, "2026-11-23T10:00+01:00")
    case = _mail_case(
        capsys,
        data_dir,
        tmp_path,
        "Knust vase",
        "Hej, vasen kom knust frem. Hvad gør vi?",
        received,
    )
    monkeypatch.setenv(NOW_ENV, "2026-11-25T14:00+01:00")  # two days on: overdue
    overdue = run_json(capsys, "--data-dir", str(data_dir), "inbox", "--overdue", "--json")
    assert [r["id"] for r in overdue] == [case["id"]]

    detail = run_json(
        capsys,
        "--data-dir",
        str(data_dir),
        "log-call",
        "--inquiry",
        str(case["id"]),
        "--direction",
        "out",
        "--duration",
        "5",
        "--callback",
        "--note",
        "Ringede Mette op, sender en ny vase",
    )
    assert detail["id"] == case["id"]
    assert [(m["direction"], m["channel"]) for m in detail["messages"]] == [
        ("in", "email"),
        ("out", "phone"),
    ]
    assert detail["first_response_at"] is not None and detail["promise_kept"] is False
    inbox = run_json(capsys, "--data-dir", str(data_dir), "inbox", "--json")
    assert [r["id"] for r in inbox] == [case["id"]]  # no second inquiry
    assert run_json(capsys, "--data-dir", str(data_dir), "inbox", "--overdue", "--json") == []


def test_solved_call_back_on_a_case_resolves_it_without_a_call_back_owed(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    case = _mail_case(capsys, data_dir, tmp_path, "Knust vase", "Hej, vasen kom knust frem.")
    detail = run_json(
        capsys,
        "--data-dir",
        str(data_dir),
        "log-call",
        "--inquiry",
        str(case["id"]),
        "--direction",
        "out",
        "--solved",
        "--note",
        "Løst i telefonen",
    )
    assert detail["status"] == "resolved" and detail["needs_reply_since"] is None
    assert run_json(capsys, "--data-dir", str(data_dir), "inbox", "--needs-reply", "--json") == []


def test_a_call_back_without_an_outcome_answers_the_case_like_a_mailed_reply(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    case = _mail_case(capsys, data_dir, tmp_path, "Tilbud på krus", "Hej, kan I lave 40 krus?")
    args = ["--data-dir", str(data_dir), "log-call", "--inquiry", str(case["id"])]
    detail = run_json(capsys, *args, "--direction", "out", "--note", "Tilbud sendes i dag")
    # the after-reply setting's default: waiting on the customer, nothing owed, still listed
    assert detail["status"] == "waiting" and detail["needs_reply_since"] is None
    assert [r["id"] for r in run_json(capsys, "--data-dir", str(data_dir), "inbox", "--json")] == [
        case["id"]
    ]
    with pytest.raises(SystemExit) as exit_:
        run(capsys, *args, "--solved", "--callback", "--note", "x")
    assert exit_.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_an_outgoing_call_back_owed_keeps_the_case_open_with_a_new_call_back_promise(
    services: Services, clock: FixedClock
) -> None:
    owed = make_call(services, outcome=CallOutcome.CALLBACK)
    clock.advance(hours=1)
    done = make_call(
        services, "Ingen svar endnu fra leverandøren, ringer igen", phone="", name="",
        direction=CallDirection.OUTGOING, inquiry_id=owed.id, outcome=CallOutcome.CALLBACK,
    )  # fmt: skip
    assert done.id == owed.id and done.status is Status.OPEN
    assert done.promise_kept is True  # the first call-back was in time
    assert done.needs_reply_since == clock.now
    assert done.due_at == services.ctx.due_for(Channel.PHONE, clock.now)


def test_an_incoming_call_on_a_case_is_a_customer_message(
    services: Services, clock: FixedClock
) -> None:
    case = make_inquiry(
        services, name="Mette", subject="Knust vase", text="Hej, vasen kom knust frem.",
        kind=InquiryKind.QUESTION,
    )  # fmt: skip
    services.inquiries.record_reply(case.id, "Vi sender en ny.")
    assert services.inquiries.get(case.id).needs_reply_since is None
    clock.advance(hours=2)
    joined = make_call(
        services, "Mette ringede: hvornår kommer den nye?", phone="20 12 34 56", name="",
        inquiry_id=case.id, outcome=CallOutcome.CALLBACK,
    )  # fmt: skip
    assert joined.id == case.id
    assert joined.status is Status.OPEN
    assert joined.messages[-1].direction is Direction.IN
    assert joined.messages[-1].channel is Channel.PHONE
    assert joined.needs_reply_since == clock.now
    assert joined.due_at == services.ctx.due_for(Channel.PHONE, clock.now)
    # the number she called from is hers now
    assert ("phone", "+4520123456") in {(i.kind.value, i.value) for i in joined.customer.identities}


def test_call_back_on_a_closed_loop_case_fulfils_the_24_hour_promise(
    services: Services, clock: FixedClock
) -> None:
    first = make_call(services, "Knust vase")
    (check,) = services.surveys.for_inquiry(first.id)
    clock.advance(days=3)
    result = services.surveys.record_answer(check.id, satisfied=False, comment="Stadig knust")
    assert result.closed_loop_inquiry_id == first.id
    reopened = services.inquiries.get(first.id)
    assert reopened.closed_loop and reopened.needs_reply_since is not None
    clock.advance(hours=2)
    before = services.inbox.count(InboxQuery(view=View.INBOX))
    done = make_call(
        services, "Ringede tilbage, ny vase på vej", phone="", name="",
        direction=CallDirection.OUTGOING, inquiry_id=first.id,
    )  # fmt: skip
    assert done.id == first.id and done.status is Status.RESOLVED
    assert done.needs_reply_since is None
    assert services.inbox.count(InboxQuery(view=View.INBOX)) == before - 1
    assert services.inbox.count(InboxQuery(view=View.NEEDS_REPLY)) == 0


def test_a_call_joins_only_an_open_case(services: Services) -> None:
    done = make_call(services, "løst")
    with pytest.raises(InvalidInput, match="resolved"):
        make_call(services, "igen", phone="", name="", inquiry_id=done.id)
