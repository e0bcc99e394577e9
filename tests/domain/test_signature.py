"""A reply is signed once (issue 11, item 9): the rule in domain.signature."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.signature import sign_once
from soloservice.domain.templates import FILL_IN, render_template, template_for
from soloservice.domain.types import Language

FOUNDER = "Anna Hansen"
BUSINESS = "Hansens Keramik"
SIGNATURE = "Anna Hansen\nHansens Keramik\n+45 20 00 00 00"


def sign(body: str, signature: str = SIGNATURE) -> str:
    return sign_once(body, signature, founder_name=FOUNDER, business_name=BUSINESS)


def test_an_unsigned_text_gets_the_signature_below_the_delimiter() -> None:
    assert sign("Hej Mette\n\nVi sender en ny vase.\n") == (
        "Hej Mette\n\nVi sender en ny vase.\n\n-- \n" + SIGNATURE
    )


def test_a_closing_phrase_alone_signs_nothing() -> None:
    assert sign("Tak for tålmodigheden.\n\nVenlig hilsen").endswith("-- \n" + SIGNATURE)


def test_a_template_sign_off_gets_only_the_lines_it_lacks() -> None:
    body = "Hej Mette\n\nVi sender en ny.\n\nVenlig hilsen\nAnna Hansen\nHansens Keramik"
    assert sign(body) == body + "\n+45 20 00 00 00"


def test_the_first_name_alone_on_a_line_signs() -> None:
    assert sign("Tak!\n\nHilsen Anna\nAnna", "Anna") == "Tak!\n\nHilsen Anna\nAnna"


def test_a_name_inside_a_sentence_is_not_a_sign_off() -> None:
    assert sign("Hej\n\nRing til Anna Hansen i morgen.").endswith("-- \n" + SIGNATURE)


def test_a_pasted_signature_is_not_added_again() -> None:
    body = "Hej\n\nTak.\n\n-- \n" + SIGNATURE
    assert sign(body) == body


def test_a_signature_with_its_own_delimiter_and_closing() -> None:
    signature = "-- \nVenlig hilsen\nAnna Hansen\nwww.hansenskeramik.dk"
    assert sign("Tak.", signature) == "Tak.\n\n" + signature
    signed = "Tak.\n\nMvh\nAnna Hansen"
    assert sign(signed, signature) == signed + "\nwww.hansenskeramik.dk"


def test_no_signature_changes_nothing() -> None:
    assert sign("Hej\n\n", "") == "Hej"


def test_every_builtin_template_is_signed_once() -> None:
    values = {"founder.name": FOUNDER, "business.name": BUSINESS, "customer.first_name": "Mette"}
    for language in Language:
        rendered = render_template(template_for("apology", language), values)
        body = sign(rendered.body.replace(FILL_IN, "Vi sender en ny."))
        assert body.count(FOUNDER) == 1, body
        assert body.count(BUSINESS) == 1, body
        assert "-- \n" not in body
        assert body.endswith("+45 20 00 00 00")


_line = st.text(alphabet="abcæø ABC.,\n", max_size=30)


@given(body=st.lists(_line, max_size=6).map("\n".join), with_name=st.booleans())
def test_signing_twice_is_signing_once(body: str, with_name: bool) -> None:
    if with_name:
        body = f"{body}\n\nVenlig hilsen\n{FOUNDER}"
    once = sign(body)
    assert sign(once) == once
    assert once.count("+45 20 00 00 00") == 1
    assert once.startswith(body.rstrip())
