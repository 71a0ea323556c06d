from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from research.clean import clean_paragraphs, find_debris
from research.schema import Span
from research.segment import split_paragraphs


@pytest.mark.parametrize(
    ("text_in", "debris", "duplicates"),
    [
        # a repeated paragraph, the first copy with a stray trailing pipe
        (
            "Title\nAid convoys were reportedly allowed in. |\nOther news.\nAid convoys were reportedly allowed in.",
            ["|"],
            {3: 1},
        ),
        # curly versus straight quotes and spacing do not hide a repeat
        ('“We stay,” he said.\nMore.\n"We  stay," he said.', [], {2: 0}),
        # a separator line is debris; short repeated lines are not counted as repeated paragraphs
        ("Intro here.\n* * *\nRead more\nBody text.\nRead more", ["* * *"], {}),
        # prose ending in punctuation keeps it
        ("He said no.\nShe said yes!", [], {}),
    ],
)
def test_clean_finds_debris_and_repeats(
    text_in: str, debris: list[str], duplicates: dict[int, int]
) -> None:
    paragraphs = clean_paragraphs(text_in, split_paragraphs(text_in))
    assert [p.debris.text(text_in) for p in paragraphs if p.debris] == debris
    assert {
        i: p.duplicate_of for i, p in enumerate(paragraphs) if p.duplicate_of is not None
    } == duplicates


def test_core_excludes_debris_and_text_is_untouched() -> None:
    text = "Fighters would leave. |"
    [paragraph] = clean_paragraphs(text, [Span(0, len(text))])
    assert paragraph.core.text(text) == "Fighters would leave."
    assert paragraph.span.text(text) == text


# Separators, spaces of several kinds, a newline and letters, so that debris stands at either edge,
# inside prose, or makes up the whole paragraph.
_DEBRIS_ALPHABET = "|•·*#=_~-–— \u00a0\t\nab."
# clean.py's pattern, searched along the whole paragraph
_SEPARATORS = re.compile(r"^[|•·*#=_~\-–—\s]+$|\s+[|•·*#=_~]+$|^[|•·*#=_~]+\s+")


@given(st.text(alphabet=_DEBRIS_ALPHABET, max_size=24))
@example("Fighters would leave |\n")  # "$" stands before a final newline
@example("\u00a0— — —")
@example("* Fighters would leave")
def test_debris_is_what_the_separator_pattern_finds(piece: str) -> None:
    # find_debris looks at a paragraph's edges before it searches it: the edges must not hide any
    match = _SEPARATORS.search(piece)
    expected = None
    if match is not None:
        found = Span(match.start(), match.end()).stripped(piece)
        expected = None if found.empty else found
    assert find_debris(piece, Span(0, len(piece))) == expected
