"""What the family tests compare: each statement found in a text as (speaker, cue, content, kind,
rule), the text split into paragraphs and sentences as the tests write them."""

from __future__ import annotations

from research.attribution import find_quotes, find_statements
from research.attribution.table import read_sentence
from research.attribution.view import SentenceView
from research.pipeline import Lexicons
from research.segment import split_paragraphs, split_sentences

Row = tuple[str | None, str, str, str, str]  # speaker, cue, content, kind, rule


def statements_in(text: str, lexicons: Lexicons) -> list[Row]:
    units = [(i, p, split_sentences(text, p)) for i, p in enumerate(split_paragraphs(text))]
    found = find_statements(text, units, lexicons.cues)
    return [
        (
            s.speaker.text(text) if s.speaker else None,
            s.cue.text(text) if s.cue else "",
            " … ".join(c.text(text) for c in s.content),
            s.kind,
            s.rule,
        )
        for s in found
    ]


def decisions_in(text: str, lexicons: Lexicons) -> list[tuple[str, str]]:
    """(cue words, the name of the table's step that decided) for each cue reading tried."""
    trace: list[tuple[str, str]] = []
    for index, paragraph in enumerate(split_paragraphs(text)):
        quotes = find_quotes(text, paragraph)
        for sentence in split_sentences(text, paragraph):
            view = SentenceView(text, index, sentence, quotes, lexicons.cues, [], lexicons.tags)
            read_sentence(view, trace)
    return trace
