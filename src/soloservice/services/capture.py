"""Quick capture: a message seen elsewhere becomes an inquiry in one step.

A comment under a post, a review on a review site, a DM read on the phone: the founder
pastes the text and says who wrote it. For Facebook, Instagram and X the handle (or profile
link) attaches it to the customer who already has that handle. Other places (a review
site, a letter) are captured on any channel with a free ``source`` note, kept as a tag so
the inbox can be filtered by it, and at the foot of the message with the link.
"""

from __future__ import annotations

from soloservice.channels.social.capture import parse_handle, quick_capture
from soloservice.domain.identity import (
    InvalidIdentity,
    looks_like_phone,
    normalise_email,
    normalise_phone,
)
from soloservice.domain.types import Channel, IdentityKind, InquiryKind
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import InquiryService, NewInquiry

CAPTURED_TAG = "captured"


def source_tag(source: str) -> str:
    return "source:" + " ".join(source.replace(",", " ").split())


class CaptureService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)

    @staticmethod
    def handle_problem(platform: Channel, text: str) -> str:
        """Why ``text`` is no handle on ``platform`` ("" when it is, or nothing is typed).

        The quick-capture dialog checks as the founder types, with the rule capture applies.
        """
        if not text.strip() or not platform.is_social:
            return ""
        try:
            parse_handle(platform, text)
        except InvalidIdentity as exc:
            return str(exc)
        return ""

    def capture(
        self,
        platform: Channel,
        text: str,
        handle: str | None = None,
        name: str | None = None,
        kind: InquiryKind = InquiryKind.QUESTION,
        source_url: str | None = None,
        source: str | None = None,
    ) -> InquiryDetail:
        """Store a pasted message as a new inquiry from the person it names.

        On a social channel ``handle`` is an @handle or a profile link. On other channels
        it may be an email address or a phone number, which then identifies the customer.
        """
        now = self.ctx.now()
        if platform.is_social:
            try:
                captured = quick_capture(
                    platform, text, handle=handle, name=name, source_url=source_url, now=now
                )
            except (ValueError, InvalidIdentity) as exc:
                raise InvalidInput(str(exc)) from exc
            body, who, url = captured.text, captured.name, captured.source_url
            ref = CustomerRef(
                name=who or "",
                identity_kind=IdentityKind(platform.value) if captured.handle else None,
                identity_value=captured.handle or "",
            )
            author = who or (f"@{captured.handle}" if captured.handle else "")
        else:
            body = text.strip()
            if not body:
                raise InvalidInput("paste the message text")
            who = name.strip() if name and name.strip() else None
            ref = self._other_channel_ref(handle, who)
            url = source_url.strip() if source_url and source_url.strip() else None
            author = who or ref.identity_value
        note = " ".join(part for part in ((source or "").strip(), url or "") if part)
        tags = [CAPTURED_TAG]
        if source and source.strip():
            tags.append(source_tag(source))
        with self.ctx.db.session() as session:
            row = self.inquiries.create_in(
                session,
                NewInquiry(
                    customer=ref,
                    channel=platform,
                    subject="",
                    text=f"{body}\n\n— {note}" if note else body,
                    kind=kind,
                    received_at=now,
                    author=author,
                    tags=tuple(tags),
                ),
            )
            return self.inquiries.detail_of(session, row)

    def _other_channel_ref(self, handle: str | None, name: str | None) -> CustomerRef:
        """An email address or phone number identifies the writer; anything else is a name."""
        raw = (handle or "").strip()
        if raw and "@" in raw.strip("@"):
            try:
                email = normalise_email(raw)
            except InvalidIdentity as exc:
                raise InvalidInput(str(exc)) from exc
            return CustomerRef(name=name or "", identity_kind=IdentityKind.EMAIL,
                               identity_value=email)  # fmt: skip
        if raw and looks_like_phone(raw):
            try:
                phone = normalise_phone(raw, self.ctx.settings.phone_region)
            except InvalidIdentity as exc:
                raise InvalidInput(str(exc)) from exc
            return CustomerRef(name=name or "", identity_kind=IdentityKind.PHONE,
                               identity_value=phone)  # fmt: skip
        who = name or raw
        if not who:
            raise InvalidInput("give the person's name, email address or phone number")
        return CustomerRef(name=who)
