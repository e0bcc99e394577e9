"""Replies through the outbox to a real aiosmtpd server, and the customer's answer back."""

from __future__ import annotations

from datetime import datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

import pytest
from sqlmodel import select

from soloservice.domain.signature import append_signature
from soloservice.domain.types import Direction, Language, Status
from soloservice.services.errors import InvalidInput
from soloservice.services.outbox_dto import backoff
from soloservice.services.reply_text import attribution, reply_subject
from soloservice.storage.mail_tables import MailItemRow
from tests.helpers.mail_env import MailEnv, mail, mail_env, set_account

__all__ = ["mail_env"]  # the fixture, imported for pytest
pytestmark = pytest.mark.mailserver


def received(env: MailEnv, index: int = -1) -> EmailMessage:
    msg = message_from_bytes(env.smtp.received[index].raw, policy=default)
    assert isinstance(msg, EmailMessage)
    return msg


def customer_inquiry(env: MailEnv) -> int:
    env.deliver(mail(1), mail(2, in_reply_to="<c1@example.dk>", body="Er der nyt?", minute=20))
    env.run()
    (row,) = env.inquiries()
    assert row.id is not None
    return row.id


# --- small rules ----------------------------------------------------------------------------


def test_subject_tag_signature_attribution_and_backoff() -> None:
    assert reply_subject("Sv: Re: Ødelagt støvsuger [#5]", 5) == "Re: Ødelagt støvsuger [#5]"
    assert reply_subject("Ødelagt", 12) == "Re: Ødelagt [#12]"
    assert append_signature("Hej\n\n", "Søs") == "Hej\n\n-- \nSøs"
    assert append_signature("Hej", "-- \nSøs") == "Hej\n\n-- \nSøs"
    assert append_signature("Hej", "") == "Hej"
    when = datetime(2026, 3, 3, 9, 5)
    assert attribution(Language.DA, when, "Jørgen") == "Den 3. mar. 2026 kl. 09.05 skrev Jørgen:"
    assert attribution(Language.NB, when, "Kari") == "Den 3. mar. 2026 kl. 09:05 skrev Kari:"
    assert attribution(Language.EN, when, "Ann") == "On 3 Mar 2026 at 09:05, Ann wrote:"
    assert [backoff(n) for n in range(1, 9)] == [
        timedelta(minutes=m) for m in (1, 2, 5, 15, 30, 60, 60, 60)
    ]


# --- the round trip -------------------------------------------------------------------------


def test_reply_goes_out_with_threading_headers_and_the_answer_threads_back(
    mail_env: MailEnv,
) -> None:
    set_account(mail_env, sent_folder="Sendt")
    inquiry_id = customer_inquiry(mail_env)
    view = mail_env.outbox.queue_reply(
        inquiry_id,
        "Hej Jørgen\n\nVi sender en ny støvsuger i dag. Æbler og øl følger med.",
        attachments=[("fragtbrev æ.pdf", "application/pdf", b"%PDF-1.4 label")],
    )
    assert view.status == "pending" and view.to_addr == "jorgen@example.dk"
    assert view.subject == f"Re: Ødelagt støvsuger [#{inquiry_id}]"
    assert view.in_reply_to == "<c2@example.dk>"
    assert view.references == ("<c1@example.dk>", "<c2@example.dk>")
    assert view.message_id.endswith("@butik.dk>") and view.attachments == ("fragtbrev æ.pdf",)
    assert [p.id for p in mail_env.outbox.pending(inquiry_id)] == [view.id]
    assert mail_env.smtp.received == []  # queued, not sent

    result = mail_env.outbox.send_pending()
    assert (result.sent, result.failed, result.waiting, result.copy_errors) == (1, 0, 0, ())
    (got,) = mail_env.smtp.received
    assert got.rcpt_tos == ("jorgen@example.dk",) and got.login == mail_env.user.name
    msg = received(mail_env)
    assert msg["Message-ID"] == view.message_id
    assert msg["In-Reply-To"] == "<c2@example.dk>"
    assert msg["References"] == "<c1@example.dk> <c2@example.dk>"
    assert msg["Subject"] == f"Re: Ødelagt støvsuger [#{inquiry_id}]"
    assert msg["From"] == "Butikken <hej@butik.dk>"
    body = msg.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert "Vi sender en ny støvsuger i dag. Æbler og øl følger med." in text
    assert "-- \nVenlig hilsen\nSøs, Butikken" in text
    # the customer's last message quoted, attributed in Danish in the founder's time zone
    assert "Den 3. mar. 2026 kl. 09.20 skrev Jørgen Hansen <jorgen@example.dk>:\n> Er der nyt?" in (
        text
    )
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "fragtbrev æ.pdf"
    assert attachment.get_content() == b"%PDF-1.4 label"

    detail = mail_env.services.inquiries.get(inquiry_id)
    # the sent reply keeps the promise; by default the case then waits on the customer
    assert detail.status is Status.WAITING and detail.needs_reply_since is None
    assert detail.first_response_at == mail_env.clock.now and detail.promise_kept is True
    out = [m for m in detail.messages if m.direction is Direction.OUT]
    assert len(out) == 1 and not out[0].is_ack and "støvsuger i dag" in out[0].text
    assert mail_env.outbox.pending() == []
    assert mail_env.outbox.get(view.id).status == "sent"
    # the sent reply's attachment opens like a customer's
    (saved,) = mail_env.sync.attachments(inquiry_id)
    assert mail_env.sync.attachment(saved.id) == ("fragtbrev æ.pdf", b"%PDF-1.4 label")

    # the copy in Sent comes back through the sync as ours, not as a new inquiry
    mail_env.clock.advance(hours=2)
    answer = mail(
        3,
        subject=f"Re: Re: Ødelagt støvsuger [#{inquiry_id}]",
        body="Tusind tak!",
        in_reply_to=view.message_id,
        references=f"<c1@example.dk> <c2@example.dk> {view.message_id}",
        hour=10,
        minute=50,
    )
    mail_env.deliver(answer)
    summary = mail_env.run()
    assert (summary.new_inquiries, summary.added_to_existing, summary.duplicates) == (0, 1, 1)
    detail = mail_env.services.inquiries.get(inquiry_id)
    assert [m.text for m in detail.messages][-1] == "Tusind tak!"
    assert len(mail_env.inquiries()) == 1


def test_reply_waits_in_the_outbox_while_smtp_is_down_then_goes_once(mail_env: MailEnv) -> None:
    inquiry_id = customer_inquiry(mail_env)
    mail_env.smtp.stop()
    view = mail_env.outbox.queue_reply(inquiry_id, "Vi kigger på det.", quote=False)
    first = mail_env.outbox.send_pending()
    assert (first.sent, first.failed, first.waiting) == (0, 1, 1)
    (waiting,) = mail_env.outbox.pending()
    assert waiting.attempts == 1 and waiting.status == "pending"
    assert waiting.last_error is not None and waiting.last_error.startswith("refused")
    assert waiting.next_attempt_at == mail_env.clock.now + timedelta(minutes=1)
    # not due yet: nothing is tried
    assert mail_env.outbox.send_pending().failed == 0
    mail_env.clock.advance(minutes=1)
    assert mail_env.outbox.send_pending().failed == 1
    (waiting,) = mail_env.outbox.pending()
    assert waiting.attempts == 2 and waiting.next_attempt_at == mail_env.clock.now + timedelta(
        minutes=2
    )
    detail = mail_env.services.inquiries.get(inquiry_id)
    assert detail.first_response_at is None and detail.status is Status.NEW

    mail_env.smtp.start()
    mail_env.clock.advance(minutes=2)
    result = mail_env.outbox.send_pending()
    assert (result.sent, result.waiting) == (1, 0)
    assert mail_env.outbox.send_pending().sent == 0
    (got,) = mail_env.smtp.received
    assert received(mail_env)["Message-ID"] == view.message_id
    assert b"Vi kigger p" in got.raw and b"skrev" not in got.raw
    detail = mail_env.services.inquiries.get(inquiry_id)
    assert detail.first_response_at == mail_env.clock.now and detail.status is Status.WAITING


def test_acknowledgement_states_the_promise_but_does_not_keep_it(mail_env: MailEnv) -> None:
    inquiry_id = customer_inquiry(mail_env)
    view = mail_env.outbox.queue_acknowledgement(
        inquiry_id, "Vi har modtaget din henvendelse", "Du hører fra os senest i morgen kl. 10."
    )
    assert view.purpose == "ack" and view.subject.endswith(f"[#{inquiry_id}]")
    assert mail_env.outbox.send_pending().sent == 1
    assert received(mail_env)["Subject"] == f"Vi har modtaget din henvendelse [#{inquiry_id}]"
    detail = mail_env.services.inquiries.get(inquiry_id)
    assert detail.ack_sent_at == mail_env.clock.now
    assert detail.first_response_at is None and detail.promise_kept is None
    assert [m.is_ack for m in detail.messages if m.direction is Direction.OUT] == [True]


def test_cancel_and_retry_now(mail_env: MailEnv) -> None:
    inquiry_id = customer_inquiry(mail_env)
    dropped = mail_env.outbox.queue_reply(inquiry_id, "Kladde")
    mail_env.outbox.cancel(dropped.id)
    assert mail_env.outbox.pending() == []
    mail_env.smtp.stop()
    view = mail_env.outbox.queue_reply(inquiry_id, "Svar")
    assert mail_env.outbox.send_pending().failed == 1
    mail_env.smtp.start()
    result = mail_env.outbox.retry_now(view.id)  # without waiting for the back-off
    assert result.sent == 1 and len(mail_env.smtp.received) == 1
    with pytest.raises(InvalidInput):
        mail_env.outbox.cancel(view.id)
    with pytest.raises(InvalidInput):
        mail_env.outbox.retry_now(view.id)


def test_reply_to_header_wins_and_sent_copy_is_stored(mail_env: MailEnv) -> None:
    mail_env.deliver(mail(1, extra="Reply-To: Jørgen Privat <jh@privat.dk>\r\n"))
    mail_env.run()
    (row,) = mail_env.inquiries()
    assert row.id is not None
    view = mail_env.outbox.queue_reply(row.id, "Hej")
    assert view.to_addr == "jh@privat.dk"
    mail_env.outbox.send_pending()
    with mail_env.services.ctx.db.session() as session:  # the ledger is storage only
        items = session.exec(select(MailItemRow).where(MailItemRow.source == "smtp")).all()
    assert [i.message_id_header for i in items] == [view.message_id]
    assert items[0].fetched_at == mail_env.clock.now and b"To: jh@privat.dk" in items[0].raw


def test_mail_without_a_case_is_sent_and_kept_in_the_ledger_only(mail_env: MailEnv) -> None:
    view = mail_env.outbox.queue_message(
        "kari@example.no", "Hvor sannsynlig er det ...", "Svar med et tall fra 0 til 10."
    )
    assert (view.inquiry_id, view.purpose, view.account) == (None, "survey", "shop")
    result = mail_env.outbox.send_pending()
    assert (result.sent, result.waiting) == (1, 0)
    assert received(mail_env)["To"] == "kari@example.no"
    assert mail_env.outbox.get(view.id).status == "sent"
    assert mail_env.inquiries() == [] and mail_env.messages() == []
    with pytest.raises(InvalidInput):
        mail_env.outbox.queue_message("kari@example.no", "x", "y", purpose="reply")
