"""research.text: the tokenizer, and whole_words, which finds what a word-boundary alternation
finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from research.schema import Span
from research.text import UNKNOWN, tokenize, whole_words


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


def test_tokens_carry_their_offsets_tags_and_read_quote_marks() -> None:
    text = "Intro. “We leave,“ Sen. Ortega said of the ''plan,''' and 40,000 stayed."
    span = Span(7, len(text))  # a sentence inside a longer text: offsets stay the text's
    tokens = tokenize(text, span, {"said": "VBD", "plan": "NN"})
    assert [t.text for t in tokens][:6] == ["“", "We", "leave", ",", "”", "Sen."]  # mistyped close
    assert [t.text for t in tokens if "'" in t.text] == ["''", "''"]  # "'''" closes as "''"
    said = next(t for t in tokens if t.lower == "said")
    assert (text[said.start : said.end], said.tag) == ("said", "VBD")
    assert next(t for t in tokens if t.text == "Ortega").tag == UNKNOWN
    assert "40,000" in [t.text for t in tokens]


# Words, numbers, abbreviations, quote marks of each kind and white space of several kinds.
_TOKEN_TEXT = st.lists(
    st.sampled_from(
        [
            *("Mr.", "U.S.", "A.", "word", "don't", "40,000", "n't", "é", "--", ",", "."),
            *("“", "”", '"', "'", "''", "``", " ", "  ", "\n", "\u00a0", "\t"),
        ]
    ),
    max_size=20,
).map("".join)


@given(_TOKEN_TEXT, st.integers(0, 3))
def test_tokens_tile_the_span_with_white_space_between(text: str, trim: int) -> None:
    span = Span(min(trim, len(text)), max(min(trim, len(text)), len(text) - trim))
    tokens = tokenize(text, span, {"word": "NN"})
    edges = [span.start, *(offset for t in tokens for offset in (t.start, t.end)), span.end]
    for gap_start, gap_end in zip(edges[::2], edges[1::2], strict=True):
        assert gap_start <= gap_end and text[gap_start:gap_end].strip() == ""
    for token in tokens:
        written = text[token.start : token.end]
        assert token.start < token.end and token.lower == token.text.lower()
        assert token.text == written or (written, token.text) in {("'''", "''"), ("“", "”")}
        assert token.tag == ("NN" if token.lower == "word" else UNKNOWN)
