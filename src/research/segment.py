"""Paragraphs and sentences as character spans into the raw text.

Sentences come from Bling Fire (Microsoft's rule-and-FSM tokenizer): it ships its model inside the
wheel, so it works offline, it returns character offsets, and it splits an article in well under a
millisecond. TextBlob's `.sentences` would need NLTK data that cannot be downloaded here.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Sequence

import blingfire
import numpy as np

from research.lexicons import TITLE_ABBREVIATIONS
from research.schema import Span

# Bling Fire ends a sentence after a title at the start of the next one ("… Monday. Mr. | Farid
# said …"); a sentence ending in a title is joined to the one after it.
_ENDS_IN_TITLE = re.compile(rf"\b(?:{'|'.join(TITLE_ABBREVIATIONS)})\.$")

_LINE = re.compile(r"[^\r\n]+")


def split_paragraphs(text: str) -> list[Span]:
    """Each non-blank line, without its surrounding white space."""
    spans = []
    for match in _LINE.finditer(text):
        span = Span(match.start(), match.end()).stripped(text)
        if not span.empty:
            spans.append(span)
    return spans


_HEADLINE_WORDS = 30


def headline(text: str) -> Span | None:
    """The title line: a text's first non-blank line, when more lines follow and it is short
    enough to be one (a .txt article's first line is its title, as `io` reads it). Headline syntax
    drops articles ("Minister urges talks"), so the speaker rules read it with that in mind."""
    lines = split_paragraphs(text)
    if len(lines) < 2 or len(lines[0].text(text).split()) > _HEADLINE_WORDS:
        return None
    return lines[0]


def split_sentences_in(text: str, paragraphs: Sequence[Span]) -> list[list[Span]]:
    """The sentences of each paragraph, from one pass over the whole text.

    Bling Fire does not break at a single newline, so its sentences are cut at paragraph edges;
    one call per article instead of one per paragraph halves the time spent here.
    """
    if not paragraphs:
        return []
    offsets = sentence_offsets(text)
    result: list[list[Span]] = []
    first = 0
    for paragraph in paragraphs:
        while first < len(offsets) and offsets[first][1] <= paragraph.start:
            first += 1
        spans = []
        position = first
        while position < len(offsets) and offsets[position][0] < paragraph.end:
            start = max(offsets[position][0], paragraph.start)
            end = min(offsets[position][1], paragraph.end)
            span = Span(start, end).stripped(text) if start < end else None
            if span is not None and not span.empty:
                spans.append(span)
            position += 1
        result.append(_join_after_titles(text, spans))
    return result


def sentence_offsets(text: str) -> list[tuple[int, int]]:
    """Bling Fire's sentences of `text` as (start, end) string indices.

    What blingfire.text_to_sentences_and_offsets returns, five times faster: that wrapper maps
    UTF-8 byte offsets back to characters in a Python loop over every byte (four fifths of its
    time); here the mapping is one numpy pass, and none at all for ASCII text.
    """
    data = text.encode("utf-8")
    size = 2 * len(data)  # the buffers the wrapper allocates
    output = ctypes.create_string_buffer(size)
    starts, ends = (ctypes.c_int32 * size)(), (ctypes.c_int32 * size)()
    found = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data),
        ctypes.c_int(len(data)),
        ctypes.byref(output),
        ctypes.byref(starts),
        ctypes.byref(ends),
        ctypes.c_int(size),
    )
    if found == -1 or found > size:
        return []
    count = output.value.count(b"\n") + 1
    pairs = zip(starts[:count], ends[:count], strict=True)  # ends are inclusive byte offsets
    if len(data) == len(text):  # ASCII: bytes are characters
        return [(start, end + 1) for start, end in pairs]
    # The character each byte belongs to: count the bytes that start a character (not 10xxxxxx).
    character = np.cumsum((np.frombuffer(data, dtype=np.uint8) & 0xC0) != 0x80) - 1
    last = len(data) - 1
    return [
        (int(character[start]), int(character[end + 1]) if end < last else len(text))
        for start, end in pairs
    ]


def _join_after_titles(text: str, spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        if joined and _ENDS_IN_TITLE.search(text, joined[-1].start, joined[-1].end):
            joined[-1] = Span(joined[-1].start, span.end)
        else:
            joined.append(span)
    return joined


def split_sentences(text: str, within: Span) -> list[Span]:
    """The sentences of one paragraph-like span of `text`."""
    return split_sentences_in(text, [within])[0]
