"""Monday to Tuesday: mail in three languages, a newsletter, spam and a form notification
arrive; the founder triages, replies, acknowledges and calls back. The inbox must say what
really needs a reply, and when."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from soloservice.services.dto import View
from tests.scenarios.conftest import Founder, local, mail

pytestmark = pytest.mark.mailserver

METTE = "Mette Hansen <mette@example.dk>"
OLA = "Ola Nordmann <ola@firma.no>"
JOHN = "John Smith <john@example.com>"


def monday_mail() -> list[bytes]:
    complaint, _ = mail(
        METTE,
        "Knust vase",
        "Hej,\n\nmin vase kom knust frem i går. Jeg er ret skuffet, for den var en gave.\n"
        "Kan I sende en ny?\n\nMvh Mette",
        local(23, 8, 10),
    )
    norwegian, _ = mail(
        OLA,
        "Gavekort",
        "Hei!\n\nSelger dere gavekort, og sender dere til Norge også? Jeg lurer på hvor lang "
        "tid leveringen tar.\n\nVennlig hilsen\nOla",
        local(23, 8, 20),
    )
    english, _ = mail(
        JOHN,
        "Opening hours",
        "Hello,\n\nare you open on Saturday? I would like to visit your shop with my wife.\n\n"
        "Best regards,\nJohn",
        local(23, 8, 30),
    )
    newsletter, _ = mail(
        "CNET News.com <newsletters@cnet.example>",
        "CNET News.com Daily Dispatch",
        "Today's top stories ...",
        local(23, 6, 0),
        headers={
            "List-Id": "CNET Daily Dispatch <dispatch.cnet.example>",
            "List-Unsubscribe": "<mailto:leave@cnet.example>",
            "Precedence": "bulk",
        },
    )
    spam, _ = mail(
        "Best Deals <deals@cheap-pills.example>",
        "You won!!!",
        "Click here to claim your prize.",
        local(23, 5, 0),
        headers={"X-Spam-Flag": "YES", "X-Spam-Status": "Yes, score=12.3"},
    )
    form, _ = mail(
        '"Hygge Keramik" <wordpress@hyggekeramik.dk>',
        '[Hygge Keramik] "Tilbud på krus"',
        "Fra: Karen Holm <karen.holm@example.dk>\n"
        "Emne: Tilbud på krus\n"
        "Telefon: 20 00 00 00\n\n"
        "Besked:\nHej, kan I lave 40 krus med logo til vores firmajulefrokost?\n\n"
        "-- \nDenne e-mail blev sendt fra en kontaktformular på Hygge Keramik "
        "(https://hyggekeramik.dk)\n",
        local(23, 8, 40),
        headers={"Reply-To": "Karen Holm <karen.holm@example.dk>"},
    )
    return [complaint, norwegian, english, newsletter, spam, form]


def ids_by_subject(rows: list[dict[str, object]]) -> dict[str, int]:
    return {str(r["subject"]): int(str(r["id"])) for r in rows}


def due(detail: dict[str, object]) -> datetime:
    return datetime.fromisoformat(str(detail["due_at"]))


def test_a_mixed_monday_inbox_shows_only_real_customers_in_their_languages(
    founder: Founder,
) -> None:
    founder.receive(*monday_mail())
    summary = founder.at(local(23, 10)).sync()
    assert summary["fetched"] == 6

    inbox = ids_by_subject(founder.inbox())
    assert set(inbox) == {"Knust vase", "Gavekort", "Opening hours", "Tilbud på krus"}
    automatic = ids_by_subject(founder.inbox("--view", "automatic"))
    assert set(automatic) == {"CNET News.com Daily Dispatch", "You won!!!"}

    counts = founder.counts()
    assert counts[View.NEEDS_REPLY] == 4
    assert counts[View.DUE_TODAY] == 4
    assert counts[View.OVERDUE] == 0
    assert counts[View.AUTOMATIC] == 2

    vase = founder.show(inbox["Knust vase"])
    assert vase["kind"] == "complaint"
    assert "knust" in vase["kind_reason"] and "skuffet" in vase["kind_reason"]
    # Received before opening time: eight business hours from 09:00 Monday.
    assert due(vase) == local(23, 17)
    assert vase["customer_card"]["language"] == "da"
    assert founder.show(inbox["Gavekort"])["customer_card"]["language"] == "nb"
    assert founder.show(inbox["Opening hours"])["customer_card"]["language"] == "en"
    assert founder.show(inbox["Opening hours"])["kind"] == "question"

    form = founder.show(inbox["Tilbud på krus"])
    assert form["channel"] == "form"
    identities = {(i["kind"], i["value"]) for i in form["customer_card"]["identities"]}
    assert ("phone", "+4520000000") in identities
    newsletter = founder.show(automatic["CNET News.com Daily Dispatch"])
    assert newsletter["due_at"] is None


def test_a_reply_fulfils_the_promise_and_a_customer_reply_starts_a_new_one(
    founder: Founder,
) -> None:
    founder.receive(*monday_mail())
    inbox = ids_by_subject(founder.at(local(23, 10)).sync() and founder.inbox())

    founder.at(local(23, 11)).ok(
        "reply", str(inbox["Knust vase"]), "--send",
        "--body", "Kære Mette\n\nUndskyld! Vi sender en ny vase i dag.\n\nMvh Lene",
    )  # fmt: skip
    (reply,) = founder.sent()
    assert reply["To"] == "mette@example.dk"
    vase = founder.show(inbox["Knust vase"])
    assert vase["status"] == "waiting"  # the default after a reply
    assert vase["promise_kept"] is True
    assert inbox["Knust vase"] not in ids_by_subject(founder.inbox("--needs-reply")).values()

    # Acknowledging states the promise but does not keep it.
    ack = founder.at(local(23, 11, 5)).ok("acknowledge", str(inbox["Gavekort"]), "--record")
    assert "17.00" in ack or "17:00" in ack
    assert founder.counts()[View.NEEDS_REPLY] == 3

    # Monday evening: overdue is what nobody answered, not what was answered in time.
    founder.at(local(23, 17, 30))
    overdue = ids_by_subject(founder.inbox("--overdue"))
    assert set(overdue) == {"Gavekort", "Opening hours", "Tilbud på krus"}
    assert founder.counts()[View.OVERDUE] == 3
    # Acknowledging an overdue case never promises a time already past.
    late = founder.ok("acknowledge", str(inbox["Opening hours"]))
    assert "Monday" not in late and "mandag" not in late

    # Tuesday morning Mette writes back in the thread: a new promise from her message.
    answer, _ = mail(
        METTE,
        "Re: Knust vase",
        "Tak! Hvornår kan jeg forvente den nye?\n\nMette",
        local(24, 9),
        in_reply_to=reply["Message-ID"],
    )
    founder.receive(answer)
    summary = founder.at(local(24, 9, 15)).sync()
    assert (summary["new_inquiries"], summary["added_to_existing"]) == (0, 1)
    vase = founder.show(inbox["Knust vase"])
    assert vase["status"] == "open"
    assert due(vase) == local(24, 17)
    assert inbox["Knust vase"] in ids_by_subject(founder.inbox("--needs-reply")).values()
    assert inbox["Knust vase"] in ids_by_subject(founder.inbox("--due-today")).values()


def test_a_call_back_joins_the_form_case_and_matches_its_customer(founder: Founder) -> None:
    founder.receive(*monday_mail())
    inbox = ids_by_subject(founder.at(local(23, 10)).sync() and founder.inbox())
    form = founder.show(inbox["Tilbud på krus"])

    # The founder calls Karen back on the number from the form (a "possible" Danish number).
    code, _out, err = founder.at(local(23, 10, 30)).run(
        "log-call", "--phone", "+45 20 00 00 00", "--direction", "out",
        "--inquiry", str(form["id"]), "--note", "Ringede op: 40 krus, tilbud sendes i dag",
    )  # fmt: skip
    assert code == 0, err
    called = founder.show(form["id"])
    assert called["customer_card"]["id"] == form["customer_card"]["id"]
    assert [m["direction"] for m in called["messages"]][-1] == "out"
    assert called["id"] not in ids_by_subject(founder.inbox("--needs-reply")).values()
    assert len(founder.inbox()) == 4  # no new inquiry for the call

    # Later she calls in herself: the number finds her, whichever way it is written.
    code, _out, err = founder.at(local(23, 14)).run(
        "log-call", "--phone", "20000000", "--note", "Vil gerne have blå krus", "--callback",
    )  # fmt: skip
    assert code == 0, err
    with founder.services() as services:
        matches = services.customers.search("Karen")
    assert len(matches) == 1


def test_cron_sync_in_its_own_process_sees_the_same_truth(founder: Founder) -> None:
    founder.receive(*monday_mail())
    done = founder.at(local(23, 10)).subprocess("sync")
    assert done.returncode == 0, done.stderr
    counts = founder.subprocess("counts", "--json")
    assert counts.returncode == 0, counts.stderr
    figures = json.loads(counts.stdout)
    assert (figures["needs_reply"], figures["overdue"], figures["automatic"]) == (4, 0, 2)
