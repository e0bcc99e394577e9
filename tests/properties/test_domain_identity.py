"""Identity normalisation as properties: two spellings of one customer compare equal.

``domain/identity.py``: an 8-digit Danish or Norwegian number is one number however it is
written (spaces, dashes, +45/0045, brackets, a spreadsheet's lost "+"), and a number the phone
library does not know as *valid* but that has the right length is stored with a warning
instead of being refused. Emails and handles compare case-insensitively.
"""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.identity import (
    InvalidIdentity,
    check_phone,
    format_phone,
    looks_like_phone,
    normalise,
    normalise_email,
    normalise_handle,
    normalise_phone,
    phone_warning,
)
from soloservice.domain.types import IdentityKind
from tests.properties.conftest import PROPERTIES

COUNTRY = {"DK": "45", "NO": "47"}
regions = st.sampled_from(sorted(COUNTRY))
#: eight national digits, not starting with the international prefix "00"
national = st.text(alphabet="0123456789", min_size=8, max_size=8).filter(
    lambda digits: not digits.startswith("00")
)


def _grouped(digits: str, pattern: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for size in pattern:
        out.append(digits[i : i + size])
        i += size
    return sep.join(out)


@st.composite
def spelling(draw: st.DrawFn, region: str, digits: str) -> str:
    """One way a person or a spreadsheet writes this number."""
    pattern = draw(st.sampled_from(((8,), (2, 2, 2, 2), (4, 4), (3, 2, 3), (2, 3, 3))))
    sep = draw(st.sampled_from((" ", "-", ".", "")))
    body = _grouped(digits, pattern, sep)
    prefix = draw(
        st.sampled_from(("", "+{cc} ", "+{cc}", "00{cc} ", "(+{cc}) ", "+{cc}-", "+ {cc} "))
    ).format(cc=COUNTRY[region])
    return draw(st.sampled_from(("", " ", "\t"))) + prefix + body + draw(st.sampled_from(("", " ")))


@PROPERTIES
@given(regions, national, st.data())
def test_every_spelling_of_a_national_number_is_one_identity(
    region: str, digits: str, data: st.DataObject
) -> None:
    e164 = f"+{COUNTRY[region]}{digits}"
    first = data.draw(spelling(region, digits))
    second = data.draw(spelling(region, digits))
    assert normalise_phone(first, region) == normalise_phone(second, region) == e164


@PROPERTIES
@given(regions, national)
def test_a_possible_number_is_kept_and_only_an_unknown_range_warns(
    region: str, digits: str
) -> None:
    """The phone library's "valid" lags behind the operators: warn, never refuse."""
    check = check_phone(digits, region)
    assert check.e164 == f"+{COUNTRY[region]}{digits}"
    known = phonenumbers.is_valid_number(phonenumbers.parse(check.e164, None))
    assert (check.warning == "") is known
    if check.warning:
        assert format_phone(check.e164) in check.warning
        assert "stored anyway" in check.warning
    assert phone_warning(digits, region) == check.warning


@PROPERTIES
@given(regions, national, regions)
def test_a_stored_number_reads_back_as_itself_from_any_region(
    region: str, digits: str, other: str
) -> None:
    e164 = normalise_phone(digits, region)
    assert normalise_phone(e164, other) == e164  # the "+" wins over the default region
    assert normalise_phone(format_phone(e164), other) == e164
    assert format_phone(e164).startswith(f"+{COUNTRY[region]} ")


@PROPERTIES
@given(regions, national)
def test_a_spreadsheet_that_dropped_the_plus_still_matches(region: str, digits: str) -> None:
    """Google Sheets turns +4520304050 into 4520304050: too long to be national."""
    e164 = f"+{COUNTRY[region]}{digits}"
    international = phonenumbers.parse(e164, None)
    if not phonenumbers.is_valid_number(international):
        return  # only a valid international reading is trusted without the "+"
    for default in COUNTRY:
        assert normalise_phone(COUNTRY[region] + digits, default) == e164


#: Danish numbers have eight digits; Norway also hands out five-digit service numbers
SHORTEST = {"DK": 8, "NO": 5}


@PROPERTIES
@given(regions, st.data())
def test_too_short_is_not_a_number(region: str, data: st.DataObject) -> None:
    digits = data.draw(st.text(alphabet="0123456789", min_size=1, max_size=SHORTEST[region] - 1))
    with pytest.raises(InvalidIdentity):
        normalise_phone(digits, region)


@pytest.mark.parametrize("digits", ["4702123", "3528907", "4312000"])
def test_a_danish_number_missing_a_digit_is_not_a_foreign_number(digits: str) -> None:
    with pytest.raises(InvalidIdentity):
        normalise_phone(digits, "DK")


@PROPERTIES
@given(regions, st.text(alphabet="0123456789", min_size=11, max_size=14))
def test_too_long_national_is_refused_unless_it_is_an_international_number(
    region: str, digits: str
) -> None:
    try:
        e164 = normalise_phone(f"+{COUNTRY[region]} {digits}", region)
    except InvalidIdentity:
        return
    assert phonenumbers.is_possible_number(phonenumbers.parse(e164, None))


@pytest.mark.parametrize("raw", ["", "   ", "abc", "+", "ring mig", "+999 12345678", "++45"])
def test_what_cannot_be_a_number_is_refused_with_a_reason(raw: str) -> None:
    with pytest.raises(InvalidIdentity, match="phone number"):
        normalise_phone(raw)
    assert phone_warning(raw) == ""


@pytest.mark.parametrize(
    ("raw", "region", "e164", "warns"),
    [
        ("+45 20 00 00 00", "DK", "+4520000000", True),  # a test range: possible, not valid
        ("20 30 40 50", "DK", "+4520304050", False),
        ("20 30 40 50", "NO", "+4720304050", True),
        ("412 34 567", "NO", "+4741234567", False),
        ("+47 412 34 567", "DK", "+4741234567", False),
        ("4520304050", "DK", "+4520304050", False),
        ("+44 20 7946 0958", "DK", "+442079460958", False),
    ],
)
def test_known_numbers(raw: str, region: str, e164: str, warns: bool) -> None:
    check = check_phone(raw, region)
    assert check.e164 == e164
    assert bool(check.warning) is warns


# -- emails and handles ----------------------------------------------------------------------

local_part = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-",
    min_size=1,
    max_size=20,
)
domain_label = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzæøåABCDEF0123456789-", min_size=1, max_size=12
)
addresses = st.builds(
    lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
    local_part,
    st.lists(domain_label, min_size=1, max_size=3),
    st.sampled_from(("dk", "no", "com", "CO.UK", "Org")),
)


@PROPERTIES
@given(addresses, st.sampled_from(("{}", " {} ", "<{}>", " < {} > ", "\t{}\n")))
def test_an_address_is_one_identity_however_it_is_wrapped(address: str, wrap: str) -> None:
    normal = normalise_email(wrap.format(address))
    assert normal == address.lower()
    assert normalise_email(normal) == normal  # idempotent
    assert normalise_email(address.upper()) == normal
    assert normalise(IdentityKind.EMAIL, wrap.format(address)) == normal


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "mette",
        "mette@",
        "@example.dk",
        "mette@example",
        "me tte@example.dk",
        "a@b@c.dk",
        "mette@exa mple.dk",
        "<>",
    ],
)
def test_what_is_not_an_address_is_refused(raw: str) -> None:
    with pytest.raises(InvalidIdentity, match="email"):
        normalise_email(raw)


#: what platforms allow in a handle, plus the Danish/Norwegian letters a founder may type
handles = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-æøåÆØÅ",
    min_size=1,
    max_size=30,
)


@PROPERTIES
@given(
    handles, st.sampled_from(("{}", "@{}", " @{} ", "@@{}")), st.sampled_from(list(IdentityKind))
)
def test_a_handle_with_or_without_the_at_sign_is_one_identity(
    handle: str, wrap: str, kind: IdentityKind
) -> None:
    if kind in (IdentityKind.EMAIL, IdentityKind.PHONE):
        kind = IdentityKind.INSTAGRAM
    normal = normalise_handle(wrap.format(handle))
    assert normal == handle.lower()
    assert normalise_handle(normal) == normal
    assert normalise(kind, handle.upper()) == normalise(kind, handle.lower()) == normal


@pytest.mark.parametrize("raw", ["", "@", "  ", "two words", "@ tab\there"])
def test_a_handle_with_spaces_or_nothing_is_refused(raw: str) -> None:
    with pytest.raises(InvalidIdentity, match="handle"):
        normalise_handle(raw)


@PROPERTIES
@given(st.text(max_size=30))
def test_looks_like_phone_means_mostly_digits(text: str) -> None:
    digits = sum(ch.isdigit() for ch in text)
    result = looks_like_phone(text)
    assert result is (digits >= 3 and digits >= 0.6 * len(text.replace(" ", "")))


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("20 30 40 50", True),
        ("+45 2030", True),
        ("Mette", False),
        ("12", False),
        ("Ordre 12345", False),
    ],
)
def test_looks_like_phone_examples(text: str, phone: bool) -> None:
    assert looks_like_phone(text) is phone
