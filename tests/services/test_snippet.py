"""The list's one-line snippet (services/inquiry_rules.make_snippet) reads only a long text's
head, and says the same as flattening the whole text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.services.dto import InboxQuery, View
from soloservice.services.inquiry_rules import SNIPPET_LENGTH, make_snippet
from soloservice.services.registry import Services
from tests.helpers.kill_points import write_maildir
from tests.helpers.mail_env import mail


def whole(text: str) -> str:
    """The snippet as it was computed before: the whole text flattened."""
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_LENGTH else flat[: SNIPPET_LENGTH - 1] + "…"


WORDS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
SPACES = st.text(" \t\n\r\x0b\x0c\u00a0\u2028\u3000\x1c", min_size=0, max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(WORDS, SPACES), max_size=400))
def test_the_snippet_of_any_text_is_the_whole_texts(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in parts)
    assert make_snippet(text) == whole(text)


@given(st.integers(0, 2000), st.integers(0, 2000))
def test_a_long_run_of_whitespace_before_the_words_is_read_past(lead: int, tail: int) -> None:
    text = " " * lead + "ord " * 100 + "\n" * tail
    assert make_snippet(text) == whole(text)


def test_an_imported_long_mail_shows_its_first_line_in_the_list(tmp_path: Path) -> None:
    body = "Min ordre 4411 er ikke kommet.   Den skulle være her i tirsdags.\n\n" + (
        "Lang historik fra tidligere mails. " * 3000
    )
    box = tmp_path / "mail"
    write_maildir(box, [mail(1, body=body)])
    (tmp_path / "store").mkdir()
    services = Services.open(tmp_path / "store")
    try:
        summary = services.mail_import.import_path(box)
        assert summary.new_inquiries == 1
        [row] = services.inbox.page(InboxQuery(view=View.INBOX))
    finally:
        services.close()
    assert row.snippet == whole(body)
    assert row.snippet.startswith("Min ordre 4411 er ikke kommet. Den skulle være her")
    assert len(row.snippet) == SNIPPET_LENGTH
