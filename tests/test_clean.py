from __future__ import annotations

import pytest

from research.clean import clean_paragraphs
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
