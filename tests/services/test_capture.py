"""Quick capture of messages seen elsewhere."""

from __future__ import annotations

import pytest

from soloservice.domain.types import Channel, IdentityKind, InquiryKind
from soloservice.services.capture import CaptureService
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services


def test_profile_link_attaches_to_the_customer_with_that_handle(services: Services) -> None:
    earlier = services.inquiries.create(
        NewInquiry(CustomerRef(name="Kari Nordmann", identity_kind=IdentityKind.INSTAGRAM,
                               identity_value="kari.nordmann"), Channel.INSTAGRAM, "DM")
    )  # fmt: skip
    detail = CaptureService(services.ctx).capture(
        Channel.INSTAGRAM,
        "  Pakken kom aldri frem, og ingen svarer!  ",
        handle="https://www.instagram.com/Kari.Nordmann/",
        kind=InquiryKind.COMPLAINT,
        source="comment on a post",
    )
    assert detail.customer.id == earlier.customer.id
    assert detail.channel is Channel.INSTAGRAM and detail.kind is InquiryKind.COMPLAINT
    assert detail.received_at == services.ctx.now()
    assert detail.tags == ("captured", "source:comment on a post")
    text = detail.messages[0].text
    assert text.startswith("Pakken kom aldri frem, og ingen svarer!")
    assert text.endswith("— comment on a post https://www.instagram.com/Kari.Nordmann/")


def test_new_handle_makes_a_customer_with_that_identity(services: Services) -> None:
    detail = CaptureService(services.ctx).capture(
        Channel.X, "Hvornår åbner I igen?", handle="@JensHansen", name="Jens Hansen"
    )
    assert detail.customer.name == "Jens Hansen"
    assert [(i.kind, i.value) for i in detail.customer.identities] == [
        (IdentityKind.X, "jenshansen")
    ]


def test_review_site_on_another_channel_with_a_source_note(services: Services) -> None:
    capture = CaptureService(services.ctx)
    review = capture.capture(
        Channel.EMAIL,
        "1 stjerne: levering tog tre uger.",
        name="Anders Holm",
        source="Trustpilot",
        source_url="https://dk.trustpilot.com/reviews/abc",
        kind=InquiryKind.COMPLAINT,
    )
    assert review.customer.name == "Anders Holm" and review.customer.identities == ()
    assert "source:Trustpilot" in review.tags
    assert "https://dk.trustpilot.com/reviews/abc" in review.messages[0].text
    by_phone = capture.capture(Channel.PHONE, "Ring tilbage om ordre 7", handle="22 33 44 55")
    assert [(i.kind, i.value) for i in by_phone.customer.identities] == [
        (IdentityKind.PHONE, "+4522334455")
    ]


@pytest.mark.parametrize(
    ("channel", "text", "handle", "name", "message"),
    [
        (Channel.INSTAGRAM, "hej", "https://x.com/someone", None, "X link"),
        (Channel.FACEBOOK, "   ", "@mette", None, "paste the message"),
        (Channel.X, "hej", None, None, "handle, profile link or name"),
        (Channel.EMAIL, "hej", None, None, "name, email address or phone"),
        (Channel.INSTAGRAM, "hej", "https://instagram.com/p/Cx1/", None, "page or post"),
    ],
)
def test_bad_captures_are_refused_and_store_nothing(
    services: Services,
    channel: Channel,
    text: str,
    handle: str | None,
    name: str | None,
    message: str,
) -> None:
    with pytest.raises(InvalidInput, match=message):
        CaptureService(services.ctx).capture(channel, text, handle=handle, name=name)
    assert services.customers.search("e") == []
