"""Every party mention in an article, with the treatment the text gives it there.

The pipeline's (and the per-party report's) entry point: parties are found by the party lexicon's
terms, sentence by sentence, and all of an article's mentions are scored by one `toward` call.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from research.lexicons import PartyLexicon
from research.portrayal import LinearModel, Result, toward
from research.schema import Span


@dataclass(frozen=True, slots=True)
class PartyMention:
    """One mention of a party and how the text treats it there."""

    party: str
    sentence: int  # index into the sentences given
    result: Result  # .span is the mention; .label, .score, .evidence


def find_party_mentions(
    text: str, sentences: Sequence[Span], lexicon: PartyLexicon
) -> list[tuple[str, int, Span]]:
    """(party, sentence index, mention) for each party term in the sentences, in text order.
    Non-party sources (kind "source": agencies, monitors) are not portrayed."""
    found = []
    for index, sentence in enumerate(sentences):
        for match in lexicon.matcher.finditer(text, sentence.start, sentence.end):
            party = lexicon.party_of(match.group())
            if party is not None and lexicon.kind_of(party) == "party":
                found.append((party, index, Span(match.start(), match.end())))
    return found


def portray_parties(
    text: str,
    sentences: Sequence[Span],
    lexicon: PartyLexicon,
    *,
    model: LinearModel | None = None,
) -> list[PartyMention]:
    """Every party mention in `sentences` (spans into `text`, in order) with its portrayal, in
    text order. Each mention is read within its sentence, alongside the other mentions there."""
    found = find_party_mentions(text, sentences, lexicon)
    results = toward(
        text, [(span.start, span.end) for _, _, span in found], sentences=sentences, model=model
    )
    return [
        PartyMention(party, index, result)
        for (party, index, _), result in zip(found, results, strict=True)
    ]


def inside(mentions: Sequence[PartyMention], spans: Sequence[Span]) -> list[PartyMention]:
    """The mentions that lie within any of `spans` (a statement's content fragments)."""
    starts = [m.result.span.start for m in mentions]
    chosen = []
    for span in spans:
        index = bisect_right(starts, span.start - 1)
        while index < len(mentions) and mentions[index].result.span.start < span.end:
            if mentions[index].result.span.end <= span.end:
                chosen.append(mentions[index])
            index += 1
    return sorted(chosen, key=lambda m: m.result.span.start)


def portrayal_record(mention: PartyMention, text: str) -> dict[str, Any]:
    """A portrayal as a JSON-ready object: party, label, score, mention and evidence offsets."""
    result = mention.result
    return {
        "party": mention.party,
        "label": result.label,
        "score": round(result.score, 4),
        "mention": _span_record(result.span, text),
        "evidence": [_span_record(span, text) for span in result.evidence],
    }


def _span_record(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text(text)}
