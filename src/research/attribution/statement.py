"""A statement (speaker, cue, content) and what kind of quotation its content is."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from research.schema import Span


@dataclass
class Statement:
    """One attribution: a speaker (maybe none), a cue (maybe none) and one or more content spans."""

    kind: str
    speaker: Span | None
    cue: Span | None
    content: list[Span]
    paragraph: int
    cue_lemma: str = ""
    verb_class: str = ""
    description: Span | None = None  # the speaker's apposition, if any
    refers_to: Span | None = None  # what a relative-pronoun speaker ("who") stands for
    nested: bool = False  # its cue lies inside another statement's content
    negated: bool = False  # "did not say whether ...": the content is what was not said
    rule: str = ""  # the name of the rule that found it (see research.attribution.table)


def within(span: Span | None, offset: int) -> bool:
    return span is not None and span.start <= offset < span.end


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def is_claimed(quote: Span, statements: Sequence[Statement]) -> bool:
    """Whether a quotation is already part of some statement's content."""
    return any(overlaps(quote, c) for s in statements for c in s.content)


def claimed_quotes(quotes: Sequence[Span], statements: Sequence[Statement]) -> set[Span]:
    """The quotations that are part of some statement's content: `is_claimed` for each at once,
    by bisection over the contents sorted by start, so a long paragraph is not quadratic."""
    if not quotes:
        return set()
    contents = sorted((c.start, c.end) for s in statements for c in s.content)
    starts = [start for start, _ in contents]
    reach = list(accumulate((end for _, end in contents), max))  # furthest end so far
    claimed = set()
    for quote in quotes:
        before = bisect_left(starts, quote.end)  # the contents that start before it ends
        if before and reach[before - 1] > quote.start:
            claimed.add(quote)
    return claimed


# Quotations as `find_quotes` gives them are sorted and do not overlap, so their starts and their
# ends both ascend: the lookups below bisect them instead of scanning a paragraph's quotations.


def _start(span: Span) -> int:
    return span.start


def _end(span: Span) -> int:
    return span.end


def last_ending_by(quotes: Sequence[Span], offset: int) -> int:
    """The index of the last quotation that ends at or before `offset`, or -1."""
    return bisect_right(quotes, offset, key=_end) - 1


def first_starting_at(quotes: Sequence[Span], offset: int) -> int:
    """The index of the first quotation that starts at or after `offset` (len(quotes) if none)."""
    return bisect_left(quotes, offset, key=_start)


def quotes_near(quotes: Sequence[Span], content: Sequence[Span]) -> Sequence[Span]:
    """The quotations that may lie inside `content` (those starting within its extent), in order:
    what `statement_kind` needs to see, as a slice instead of the whole paragraph's."""
    if not content:
        return quotes
    low = first_starting_at(quotes, min(c.start for c in content))
    high = bisect_right(quotes, max(c.end for c in content), key=_start)
    return quotes[low:high]


def statement_kind(text: str, content: Sequence[Span], quotes: Sequence[Span]) -> str:
    """direct: every content fragment is one quotation; mixed: quoted words inside reported speech;
    indirect: no quotation."""
    inside = [q for q in quotes if any(c.start <= q.start and q.end <= c.end + 1 for c in content)]
    if not inside:
        return "indirect"
    for fragment in content:
        quote = next(
            (q for q in inside if fragment.start <= q.start and q.end <= fragment.end + 1), None
        )
        if quote is None:
            return "mixed"
        outside = text[fragment.start : quote.start] + text[quote.end : fragment.end]
        if any(ch.isalnum() for ch in outside):
            return "mixed"
    return "direct"
