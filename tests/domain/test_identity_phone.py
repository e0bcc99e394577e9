"""Phone numbers: E.164 out or a clear refusal, and possible numbers kept with a warning."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from soloservice.domain.identity import (
    InvalidIdentity,
    check_phone,
    normalise_phone,
    phone_warning,
)

E164 = re.compile(r"^\+[1-9]\d{2,15}$")


def test_a_possible_but_unknown_range_is_kept_with_a_warning() -> None:
    checked = check_phone("+45 20 00 00 00")
    assert checked.e164 == "+4520000000"
    assert "+45 20 00 00 00" in checked.warning and "stored anyway" in checked.warning
    assert normalise_phone("20000000") == "+4520000000"
    assert phone_warning("+45 20 12 34 56") == ""


@pytest.mark.parametrize("raw", ["12", "+45 1234", "+45 123456789", "abc", "", "+1 555 0100"])
def test_impossible_numbers_are_refused(raw: str) -> None:
    with pytest.raises(InvalidIdentity):
        check_phone(raw)


def test_a_spreadsheet_that_dropped_the_plus_is_read_as_international() -> None:
    assert check_phone("4520304050") == check_phone("+45 20 30 40 50")
    assert normalise_phone("4741234567") == "+4741234567"


@given(
    raw=st.one_of(
        st.text(max_size=40),
        st.text(alphabet="+0123456789 -().", max_size=24),
        st.from_regex(r"\+?(45|47|44|1)? ?[0-9 ]{6,14}", fullmatch=True),
    ),
    region=st.sampled_from(["DK", "NO", "GB", "dk", "XX", ""]),
)
@example(raw="+45 20 00 00 00", region="DK")
@example(raw="0045 2000 0000", region="DK")
def test_normalising_never_raises_anything_else_and_is_stable(raw: str, region: str) -> None:
    try:
        checked = check_phone(raw, region)
    except InvalidIdentity as exc:
        assert str(exc)  # a message the user can read
        return
    assert E164.match(checked.e164), checked
    # What is stored normalises to itself: a second call never splits a customer in two.
    again = check_phone(checked.e164, region)
    assert again.e164 == checked.e164
