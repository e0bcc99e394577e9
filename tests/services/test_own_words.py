"""What the language guess reads of a mail (services/language_id._own_words): the
customer's own lines, at most ``MAX_TEXT`` characters, the same however long the mail."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from soloservice.services import language_id
from soloservice.services.language_id import MAX_TEXT, _own_words


def every_line(text: str) -> str:
    """The rule read over every line, as before reading stopped at ``MAX_TEXT``."""
    kept: list[str] = []
    for line in text.splitlines():
        if line.rstrip() == "--":
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return "\n".join(kept)[:MAX_TEXT]


LINE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=120),
    st.sampled_from(["--", "-- ", "> quoted", "  > quoted", "", "Hej med dig", "x" * 700]),
)
BREAK = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0c"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(LINE, BREAK), max_size=60))
def test_the_kept_words_are_those_of_every_line(lines: list[tuple[str, str]]) -> None:
    text = "".join(line + end for line, end in lines)
    assert _own_words(text) == every_line(text)


def test_a_long_mail_is_cut_at_max_text_and_its_signature_ignored() -> None:
    text = "Hej, min pakke er ikke kommet.\n" * 400 + "-- \nMette\n"
    words = _own_words(text)
    assert len(words) == MAX_TEXT == len(every_line(text))
    assert "Mette" not in _own_words("Hej\n-- \nMette")
    assert language_id.scores_for(text)[0] == _own_words(words)
