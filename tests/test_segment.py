from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from research.schema import Span
from research.segment import split_paragraphs, split_sentences


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("One.\n\n  Two.  \r\nThree.", ["One.", "Two.", "Three."]),
        ("\n\n", []),
        ("Single line without newline", ["Single line without newline"]),
    ],
)
def test_paragraphs_are_stripped_lines(text_in: str, expected: list[str]) -> None:
    assert [s.text(text_in) for s in split_paragraphs(text_in)] == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        (
            "The U.S. envoy arrived on Monday. Talks began at 9 a.m. in Geneva.",
            ["The U.S. envoy arrived on Monday.", "Talks began at 9 a.m. in Geneva."],
        ),
        (
            "“We will not leave,” he said. The city’s east fell – quickly.",
            ["“We will not leave,” he said.", "The city’s east fell – quickly."],
        ),
    ],
)
def test_sentences_are_spans_into_the_text(text_in: str, expected: list[str]) -> None:
    prefix = "Headline\n"
    text = prefix + text_in
    spans = split_sentences(text, Span(len(prefix), len(text)))
    assert [s.text(text) for s in spans] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!?\n\r\té中😀\u0301“”\"'3M r D")))
def test_sentence_offsets_are_bling_fires_own(text: str) -> None:
    # segment maps Bling Fire's byte offsets itself (faster): the characters must be the wrapper's
    import blingfire

    from research.segment import sentence_offsets

    assume(text)  # the wrapper fails on an empty string
    assert sentence_offsets(text) == blingfire.text_to_sentences_and_offsets(text)[1]
