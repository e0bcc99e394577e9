"""Thread headers on anything: candidates are unique, never the mail itself, and bounded."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from soloservice.channels.email.threads import (
    MAX_CANDIDATES,
    candidate_parents,
    case_tag,
    find_case_tag,
    message_ids_in,
    normalise_message_id,
    normalise_subject,
)
from tests.properties.conftest import PROPERTIES

ids = st.one_of(
    st.text(max_size=60),
    st.builds(lambda a, b: f"<{a}@{b}>", st.text(max_size=20), st.text(max_size=20)),
)


@dataclass(frozen=True)
class Mail:
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]


@PROPERTIES
@given(st.none() | ids, st.none() | ids, st.lists(ids, max_size=80).map(tuple))
def test_candidate_parents(own: str | None, parent: str | None, refs: tuple[str, ...]) -> None:
    mail = Mail(normalise_message_id(own), parent, refs)
    found = candidate_parents(mail)
    assert len(found) == len(set(found)) <= MAX_CANDIDATES
    assert mail.message_id not in found or mail.message_id is None
    assert all(isinstance(c, str) and c for c in found)


@PROPERTIES
@given(st.none() | st.text(max_size=200))
def test_headers_and_subjects(text: str | None) -> None:
    assert isinstance(message_ids_in(text), tuple)
    tag = find_case_tag(text)
    assert tag is None or tag > 0
    assert isinstance(normalise_subject(text), str)


@PROPERTIES
@given(st.integers(min_value=1, max_value=999_999_999), st.text(max_size=40), st.text(max_size=40))
def test_case_tag_is_found_wherever_it_sits(number: int, before: str, after: str) -> None:
    subject = f"{before.replace('[', '')} {case_tag(number)} {after.replace('[', '')}"
    assert find_case_tag(subject) == number


@PROPERTIES
@given(st.integers(min_value=10**9, max_value=10**40))
def test_a_tag_too_long_to_be_ours_is_ignored(number: int) -> None:
    assert find_case_tag(f"Re: [#{number}]") is None  # never an id SQLite cannot hold
