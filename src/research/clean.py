"""Cleaning that annotates: find repeated paragraphs and separator debris without touching the text.

Scraped articles repeat paragraphs (a pull quote, a page template) and keep stray separators
("|", "***") from the page layout. Both would distort counts, so they are found and reported here;
the text itself is never changed, so every offset still points into the file as read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from research.schema import Span

# Layout separators that are not prose: pipes, bullets, rows of stars, dashes or equals signs.
_TRAILING_DEBRIS = re.compile(r"^[|•·*#=_~\-–—\s]+$|\s+[|•·*#=_~]+$|^[|•·*#=_~]+\s+")
# What _TRAILING_DEBRIS can start with, and end with (its "$" may stand before a final newline).
_DEBRIS_FIRST = frozenset("|•·*#=_~-–—")
_DEBRIS_LAST = frozenset("|•·*#=_~\n")
_WORD = re.compile(r"\w+")
_MIN_REPEATED_WORDS = 3  # shorter repeats ("Advertisement", "Read more") are layout, caught as such


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph with what cleaning found in it."""

    span: Span  # the whole line, stripped
    core: Span  # the line without separator debris: the text worth analysing
    debris: Span | None
    duplicate_of: int | None  # index of the earlier paragraph it repeats


def clean_paragraphs(text: str, spans: list[Span]) -> list[Paragraph]:
    """Annotate each paragraph span with its separator debris and the paragraph it repeats."""
    seen: dict[str, int] = {}
    paragraphs = []
    for index, span in enumerate(spans):
        debris = find_debris(text, span)
        core = span
        if debris is not None:
            core = (
                Span(span.start, debris.start)
                if debris.start > span.start
                else Span(debris.end, span.end)
            )
            core = core.stripped(text)
        key = _normal_form(core.text(text))
        duplicate_of = seen.get(key)
        if duplicate_of is not None and len(_WORD.findall(key)) < _MIN_REPEATED_WORDS:
            duplicate_of = None  # words counted only for a repeat: most paragraphs are not one
        if duplicate_of is None and key:
            seen.setdefault(key, index)
        paragraphs.append(Paragraph(span, core, debris, duplicate_of))
    return paragraphs


def find_debris(text: str, span: Span) -> Span | None:
    """Separator characters at the edge of a paragraph, or the whole paragraph if it is one."""
    piece = span.text(text)
    if not _may_have_debris(piece):
        return None
    match = _TRAILING_DEBRIS.search(piece)
    if match is None:
        return None
    found = Span(span.start + match.start(), span.start + match.end()).stripped(text)
    return None if found.empty else found


def _may_have_debris(piece: str) -> bool:
    """Whether _TRAILING_DEBRIS can match: only at a separator on an edge, which most paragraphs
    lack, so they skip the search along the whole paragraph (`\\s` is what `str.isspace` holds)."""
    if not piece:
        return False
    first = piece[0]
    return first in _DEBRIS_FIRST or first.isspace() or piece[-1] in _DEBRIS_LAST


def _normal_form(piece: str) -> str:
    """What two copies of a paragraph share: same words, whatever the quotes, case and spacing."""
    folded = unicodedata.normalize("NFKC", piece).casefold()
    # straight quotes by str.replace: str.translate with a table is ten times slower here
    folded = folded.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return " ".join(folded.split())
