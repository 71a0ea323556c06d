"""research.text.whole_words finds what a word-boundary alternation finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from research.text import whole_words


def by_regex(text: str, words: set[str]) -> list[tuple[int, int]]:
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return [m.span() for m in re.finditer(rf"\b(?:{alternation})\b", text)] if words else []


def test_surnames_as_whole_words_longest_first() -> None:
    text = "Lloyd-Smith met Smith and Smithson; O'Neill's aide, not Neill, spoke. Jr. left."
    words = {"Smith", "Lloyd-Smith", "Neill", "O'Neill", "Jr."}
    found = [text[start:end] for start, end in whole_words(text, words)]
    assert found == ["Lloyd-Smith", "Smith", "O'Neill", "Neill"]  # "Jr." ends on no boundary
    assert whole_words(text, words) == by_regex(text, words)


# Letters, marks that join names, and separators, so that words overlap and touch often.
_ALPHABET = "aAbé_-'. ,1"


@given(
    st.text(alphabet=_ALPHABET, max_size=60),
    st.sets(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), max_size=5),
)
def test_whole_words_agrees_with_the_regular_expression(text: str, words: set[str]) -> None:
    assert whole_words(text, words) == by_regex(text, words)
