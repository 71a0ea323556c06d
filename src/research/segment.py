"""Paragraphs and sentences as character spans into the raw text.

Sentences come from Bling Fire (Microsoft's rule-and-FSM tokenizer): it ships its model inside the
wheel, so it works offline, it returns character offsets, and it splits an article in well under a
millisecond. TextBlob's `.sentences` would need NLTK data that cannot be downloaded here.
"""

from __future__ import annotations

import re

import blingfire

from research.schema import Span

_LINE = re.compile(r"[^\r\n]+")


def split_paragraphs(text: str) -> list[Span]:
    """Each non-blank line, without its surrounding white space."""
    spans = []
    for match in _LINE.finditer(text):
        span = Span(match.start(), match.end()).stripped(text)
        if not span.empty:
            spans.append(span)
    return spans


def split_sentences(text: str, within: Span) -> list[Span]:
    """The sentences of `text[within.start:within.end]`, as spans into `text`."""
    piece = text[within.start : within.end]
    if not piece.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(piece)
    spans = []
    for start, end in offsets:
        span = Span(within.start + start, within.start + end).stripped(text)
        if not span.empty:
            spans.append(span)
    return spans
