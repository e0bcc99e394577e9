"""Reading a survey answer from anything, in da/nb/en: never an exception, always coherent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.answers import read_answer
from soloservice.domain.quoting import strip_quoted
from soloservice.domain.types import Language
from tests.properties.conftest import PROPERTIES

WORDS = (
    "ja", "nej", "yes", "no", "nei", "tak", "takk", "thanks", "men", "but", "ikke", "not",
    "tilfreds", "fornøyd", "happy", "10", "9", "0", "7/10", "kl. 14", "24 timer", "3 dage",
    ">", "On Mon, Kari wrote:", "-- ", "Den 3. nov. skrev", "\n", "!", "?", "😀", "ti", "ni",
)  # fmt: skip
answer_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
)


@PROPERTIES
@given(answer_text, st.none() | st.sampled_from(list(Language)))
def test_read_answer(text: str, hint: Language | None) -> None:
    answer = read_answer(text, hint)
    assert answer.satisfied in (None, True, False)
    assert answer.score is None or 0 <= answer.score <= 10
    assert answer.confidence in ("high", "low")
    assert answer.reason
    if answer.confidence == "high":  # a clear reading found something, and says what
        assert answer.satisfied is not None or answer.score is not None
        assert answer.reason.startswith("read ")
    else:  # an unclear reading claims nothing for the founder to trust blindly
        assert answer.satisfied is None and answer.score is None
    assert answer.comment == strip_quoted(text)
