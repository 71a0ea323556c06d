"""A statement (speaker, cue, content) and what kind of quotation its content is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
