"""Complaints on every channel: the detector on arrival, the founder's kind wins for good."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from soloservice.channels.form.builtin_rules import SAMPLE_MAILS
from soloservice.domain.types import Channel, InquiryKind
from soloservice.services.dto import InboxQuery, View
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.eml import eml, import_mail
from tests.services.test_forms import eml as form_eml


def only_inquiry(services: Services) -> int:
    (inquiry_id,) = services.inbox.list_ids(InboxQuery(view=View.INBOX))
    return inquiry_id


def test_a_mailed_broken_vase_is_an_automatic_complaint_with_its_reason(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    raw = eml(
        1,
        when=clock.now - timedelta(minutes=5),
        subject="Min vase kom knust",
        body="Hej\nVasen var knust da jeg åbnede pakken. Jeg vil gerne have refusion.",
    )
    import_mail(services, tmp_path, raw, "vase")
    detail = services.inquiries.get(only_inquiry(services))
    assert detail.kind is InquiryKind.COMPLAINT
    assert detail.flags.kind_source == "auto"
    assert detail.flags.kind_reason == "words: knust, refusion"
    # the complaint acknowledgement is the one drafted
    draft = services.promises.draft_acknowledgement(detail.id)
    assert "skuffet" in draft.body  # "Kvittering – klage", not the plain acknowledgement


def test_the_founders_question_sticks_when_the_customer_writes_again(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    first = eml(1, when=clock.now - timedelta(hours=2), subject="Knust glas?")
    import_mail(services, tmp_path, first, "first")
    inquiry_id = only_inquiry(services)
    assert services.inquiries.get(inquiry_id).kind is InquiryKind.COMPLAINT
    change = services.inquiries.set_kind(inquiry_id, "question")
    assert (change.old_kind, change.new_kind, change.old_source) == (
        InquiryKind.COMPLAINT,
        InquiryKind.QUESTION,
        "auto",
    )
    again = eml(
        2,
        when=clock.now - timedelta(minutes=5),
        subject="Re: Knust glas?",
        body="Det er stadig knust og defekt.",
        in_reply_to="<m1@example.dk>",
    )
    summary = import_mail(services, tmp_path, again, "again")
    assert summary.added_to_existing == 1
    detail = services.inquiries.get(inquiry_id)
    assert detail.kind is InquiryKind.QUESTION and detail.flags.kind_source == "founder"
    assert [e.kind for e in detail.events].count("kind") == 1


def test_a_later_message_upgrades_a_question_the_founder_never_chose(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    import_mail(services, tmp_path, eml(1, when=clock.now - timedelta(hours=2)), "q")
    inquiry_id = only_inquiry(services)
    assert services.inquiries.get(inquiry_id).kind is InquiryKind.QUESTION
    reply = eml(
        2,
        when=clock.now - timedelta(minutes=1),
        subject="Re: Spørgsmål",
        body="Og forresten kom lampen i stykker.",
        in_reply_to="<m1@example.dk>",
    )
    import_mail(services, tmp_path, reply, "reply")
    detail = services.inquiries.get(inquiry_id)
    assert detail.kind is InquiryKind.COMPLAINT
    assert detail.flags.kind_reason == "words: i stykker"


def test_undo_kind_puts_back_the_detectors_verdict(services: Services, clock: FixedClock) -> None:
    detail = services.capture.capture(
        Channel.FACEBOOK, "Lampen kom ødelagt frem :(", handle="@kari.n", name="Kari"
    )
    assert detail.kind is InquiryKind.COMPLAINT and detail.flags.kind_source == "auto"
    change = services.inquiries.set_kind(detail.id, InquiryKind.PRAISE)
    services.inquiries.undo_kind(change)
    back = services.inquiries.get(detail.id)
    assert back.kind is InquiryKind.COMPLAINT
    assert (back.flags.kind_source, back.flags.kind_reason) == ("auto", "words: ødelagt")
    with pytest.raises(InvalidInput):
        services.inquiries.undo_kind(change)  # already undone: nothing changes
    with pytest.raises(InvalidInput):
        services.inquiries.set_kind(detail.id, "rant")


def test_a_phone_or_social_question_is_checked_too(services: Services) -> None:
    captured = services.capture.capture(
        Channel.INSTAGRAM, "Hi! My order never arrived, I want my money back", handle="@sam"
    )
    assert captured.kind is InquiryKind.COMPLAINT
    assert captured.flags.kind_reason == "words: never arrived, money back"
    plain = services.capture.capture(Channel.X, "Are you open on Sunday?", handle="@ann")
    assert plain.kind is InquiryKind.QUESTION and plain.flags.kind_source == ""


@pytest.mark.parametrize(
    ("form", "words"),
    [("Netlify Forms", "words: pengene tilbake"), ("Google Forms", "words: reklamation")],
)
def test_form_notifications_are_complaints_and_never_automatic_mail(
    services: Services, tmp_path: Path, form: str, words: str
) -> None:
    """Form services mail from no-reply addresses: the form rule wins over the filter."""
    raw = form_eml(SAMPLE_MAILS[form])
    import_mail(services, tmp_path, raw, "form")
    detail = services.inquiries.get(only_inquiry(services))
    assert detail.channel is Channel.FORM
    assert detail.flags.automatic_reason == ""
    assert detail.kind is InquiryKind.COMPLAINT
    assert detail.flags.kind_reason.startswith(words)
