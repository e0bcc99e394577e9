"""One reading of a hand-typed choice (a CLI argument, a CSV cell) for every enum."""

from __future__ import annotations

import pytest

from soloservice.domain.types import Channel, Language, Status, parse_choice


def test_a_choice_is_read_whatever_its_case_and_spaces() -> None:
    assert parse_choice(Channel, "  Email ", "channel") is Channel.EMAIL
    assert parse_choice(Language, "NB", "language") is Language.NB


def test_an_unknown_choice_names_what_was_asked_and_every_choice() -> None:
    with pytest.raises(ValueError) as caught:
        parse_choice(Language, "sv", "language")
    assert str(caught.value) == "unknown language 'sv' (use one of: da, nb, en)"


def test_the_caller_chooses_the_error() -> None:
    class Refused(Exception):
        pass

    with pytest.raises(Refused, match=r"^unknown status 'done' \(use one of: new, "):
        parse_choice(Status, "done", "status", Refused)
