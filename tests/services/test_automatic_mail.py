"""Newsletters, lists, spam and no-reply senders are automatic mail, through the composed app.

Stored and shown in View.AUTOMATIC only: no promise, no acknowledgement, no survey, no
review figure. "This sender is spam" is remembered for the sender and undone exactly.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from soloservice.domain.types import Channel, Status
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.eml import eml, import_mail
from tests.helpers.factories import add_account

NEWSLETTER = (
    "List-Unsubscribe: <mailto:unsub@cnet.example?subject=unsubscribe>\r\n"
    "List-Id: CNET Daily Dispatch <dispatch.cnet.example>\r\n"
)


def ids_in(services: Services, view: View) -> list[int]:
    return services.inbox.list_ids(InboxQuery(view=view))


def test_a_newsletter_is_stored_as_automatic_mail_and_counts_nowhere(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    services.ctx.update_settings(dataclasses.replace(services.ctx.settings, auto_acknowledge=True))
    when = clock.now - timedelta(minutes=30)
    summary = import_mail(
        services,
        tmp_path,
        eml(
            1,
            when=when,
            sender="CNET News.com <dispatch@cnet.example>",
            subject="CNET News.com Daily Dispatch",
            body="Today's top stories... Our refund policy is broken, says analyst.",
            extra=NEWSLETTER,
        ),
        "news",
    )
    assert summary.new_inquiries == 1
    person = import_mail(services, tmp_path, eml(2, when=when), "person")
    assert person.new_inquiries == 1
    (news_id,) = ids_in(services, View.AUTOMATIC)
    detail = services.inquiries.get(news_id)
    assert detail.flags.automatic_reason.startswith("List-Id header")
    assert detail.due_at is None and detail.needs_reply_since is None
    assert detail.kind.value == "question"  # automatic mail is never an auto complaint
    counts = services.inbox.counts().views
    assert counts[View.AUTOMATIC] == 1
    for view in View:
        if view is not View.AUTOMATIC:
            assert news_id not in ids_in(services, view), view
    assert counts[View.INBOX] == 1
    # never acknowledged: the automatic round only sees the person's inquiry
    outcome = services.promises.auto_acknowledge(services.outbox)
    assert news_id not in outcome.considered
    # never surveyed: resolving it schedules no check
    services.inquiries.set_status(news_id, Status.RESOLVED)
    (survey,) = services.surveys.for_inquiry(news_id)
    assert survey.status == "skipped" and "automatic mail" in survey.skip_reason
    # never in the review: the week counts only the person
    year, week = clock.now.isocalendar()[:2]
    review = services.review.week(year, week)
    assert review.total.received.value == 1
    assert news_id not in review.total.received.ids
    # the pulse never mails a sender who only ever sent automatic mail
    proposed = {p.customer_id for p in services.pulse.propose()}
    assert detail.customer.id not in proposed


def test_no_reply_and_spam_flagged_mail_is_automatic(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    when = clock.now - timedelta(hours=1)
    import_mail(services, tmp_path, eml(1, when=when, sender="noreply@bank.example"), "a")
    import_mail(
        services,
        tmp_path,
        eml(2, when=when, extra="X-Spam-Flag: YES\r\n", sender="x@y.example"),
        "b",
    )
    reasons = sorted(
        services.inquiries.get(i).flags.automatic_reason for i in ids_in(services, View.AUTOMATIC)
    )
    assert len(reasons) == 2
    assert "X-Spam-Flag" in reasons[0] and "no-reply" in reasons[1]
    assert ids_in(services, View.INBOX) == []


def test_this_sender_is_spam_is_remembered_and_undone_exactly(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    when = clock.now - timedelta(minutes=10)
    raw = eml(1, when=when, sender="Spammy <deals@spam.example>", subject="Cheap watches")
    import_mail(services, tmp_path, raw, "one")
    (first,) = ids_in(services, View.INBOX)
    before = services.inquiries.get(first)
    assert before.due_at is not None and before.needs_reply_since is not None

    change = services.senders.set_verdict_for_inquiry(first, "spam")
    assert change.new_verdict == "spam" and [m.inquiry_id for m in change.inquiries] == [first]
    marked = services.inquiries.get(first)
    assert marked.flags.automatic_reason == "you marked this sender as spam"
    assert marked.flags.sender_verdict == "spam"
    assert marked.due_at is None and ids_in(services, View.AUTOMATIC) == [first]

    # a later mail from the same address is automatic at ingest
    clock.advance(hours=1)
    later = eml(2, when=clock.now, sender="deals@spam.example", subject="More watches")
    import_mail(services, tmp_path, later, "two")
    assert len(ids_in(services, View.AUTOMATIC)) == 2
    assert ids_in(services, View.INBOX) == []

    # undo puts back exactly what the verdict changed
    services.senders.undo(change)
    after = services.inquiries.get(first)
    assert (after.flags.automatic_reason, after.due_at, after.needs_reply_since) == (
        "",
        before.due_at,
        before.needs_reply_since,
    )
    assert services.inquiries.get(first).flags.sender_verdict == ""
    assert first in ids_in(services, View.INBOX)


def test_not_automatic_brings_a_customer_back_with_a_fresh_promise(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    when = clock.now - timedelta(days=2)
    raw = eml(1, when=when, sender="Shop <noreply@shop.example>", subject="Ordre 77 er defekt")
    import_mail(services, tmp_path, raw, "shop")
    (inquiry_id,) = ids_in(services, View.AUTOMATIC)
    change = services.senders.not_automatic(inquiry_id)
    detail = services.inquiries.get(inquiry_id)
    assert detail.flags.automatic_reason == ""
    assert detail.needs_reply_since == when
    # promised from now (the founder only just learned it is a customer), not already late
    assert detail.due_at == services.ctx.due_for(Channel.EMAIL, clock.now)
    assert inquiry_id in ids_in(services, View.INBOX)
    services.senders.undo(change)
    assert services.inquiries.get(inquiry_id).flags.automatic_reason.startswith("sent from")
    assert services.inquiries.get(inquiry_id).due_at is None


def test_a_verdict_calls_off_scheduled_follow_ups_and_the_pulse(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    when = clock.now - timedelta(hours=1)
    import_mail(services, tmp_path, eml(1, when=when), "a")
    import_mail(services, tmp_path, eml(2, when=when, sender="Bo <bo@example.dk>"), "b")
    resolved_id, open_id = sorted(ids_in(services, View.INBOX))
    services.inquiries.set_status(resolved_id, Status.RESOLVED)
    (survey,) = services.surveys.for_inquiry(resolved_id)
    assert survey.status == "scheduled"
    bo = services.inquiries.get(open_id).customer.id
    assert bo in {p.customer_id for p in services.pulse.propose()}

    services.senders.set_verdict_for_inquiry(resolved_id, "not_customer")
    (survey,) = services.surveys.for_inquiry(resolved_id)
    assert survey.status == "skipped" and "not a customer" in survey.skip_reason
    services.senders.set_verdict(bo, "spam")
    assert bo not in {p.customer_id for p in services.pulse.propose()}
    add_account(services)
    summary = services.pulse.send([bo])  # even when picked by hand
    assert summary.queued == 0 and "spam" in summary.skip_reasons[0]
