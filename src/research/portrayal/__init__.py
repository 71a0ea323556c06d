"""How a text treats each target it mentions: negative, neutral or positive, with the evidence.

    >>> from research.portrayal import toward
    >>> text = "The mayor praised the volunteers but blamed the council for the delays."
    >>> [r.label for r in toward(text, [(22, 32), (48, 55)])]   # doctest: +SKIP
    ['positive', 'negative']

`toward(text, spans)` returns one Result per span, in order. Each span is read within its sentence
(a paragraph is split into sentences first), by a linear model learned on NewsMTSC (Hamborg &
Donnay, EACL 2021; see model.md beside this file for data, features, figures and limits). The
features are computed once per sentence for all the spans in it and scored with numpy dot products;
nothing is downloaded, no GPU is used.

For a whole article, `research.portrayal.mentions.portray_parties(text, sentences, parties)`
finds every party mention (party lexicon) and scores them all in one call; `inside()` picks those
within a statement's content and `portrayal_record()` makes one JSON-ready.

Spans are half-open character ranges [start, end) into `text`, as (start, end) pairs or Spans. A span outside the text, reversed
or empty is clipped into it and still gets a result (neutral when nothing bears on it), so a
corpus never stops at one bad offset.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from research import segment
from research.portrayal.features import Hit, featurize_sentence
from research.portrayal.model import CLASSES, LinearModel, ModelError, Scored, load_model
from research.schema import Span

__all__ = [
    "CLASSES",
    "LinearModel",
    "ModelError",
    "Result",
    "featurize",
    "load_model",
    "toward",
]

_EVIDENCE = 3  # at most this many evidence spans per result
_MIN_CONTRIBUTION = 0.05  # a feature must move the decision at least this much to be evidence


@dataclass(frozen=True, slots=True)
class Result:
    """The treatment of one mention."""

    span: Span  # the mention, as given (clipped into the text)
    label: str  # negative, neutral or positive
    score: float  # P(positive) - P(negative), in [-1, 1]
    probabilities: tuple[float, float, float]  # negative, neutral, positive
    evidence: tuple[Span, ...]  # the words that pushed most toward the label, in text order


def toward(
    text: str,
    spans: Sequence[tuple[int, int] | Span],
    *,
    sentences: Sequence[Span] | None = None,
    model: LinearModel | None = None,
) -> list[Result]:
    """The sentiment `text` expresses toward each span, one Result per span in the same order.

    `sentences` (the text's sentence spans, in order) skips the splitting when the caller has
    them already, as the pipeline does; `model` defaults to the shipped one.
    """
    model = model or load_model()
    clipped = [_clip(text, span) for span in spans]
    hits = featurize(text, clipped, sentences=sentences)
    if not hits:
        return []
    scored = model.score(hits)
    logits = scored.logits
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities = shifted / shifted.sum(axis=1, keepdims=True)
    labels = probabilities.argmax(axis=1)
    evidence = _evidence(scored, labels, len(clipped))
    return [
        Result(
            span,
            CLASSES[label],
            float(np.clip(probs[2] - probs[0], -1.0, 1.0)),
            (float(probs[0]), float(probs[1]), float(probs[2])),
            found,
        )
        for span, label, probs, found in zip(
            clipped, labels.tolist(), probabilities, evidence, strict=True
        )
    ]


def featurize(
    text: str, spans: Sequence[Span], *, sentences: Sequence[Span] | None = None
) -> list[list[Hit]]:
    """The features of each span, each read within the sentence holding its start."""
    if not spans:
        return []
    if sentences is None:
        sentences = segment.split_sentences(text, Span(0, len(text))) if text.strip() else []
    starts = [s.start for s in sentences]
    groups: dict[tuple[int, int], list[int]] = {}
    for number, span in enumerate(spans):
        index = bisect_right(starts, span.start) - 1
        if index >= 0 and span.start < sentences[index].end:
            sentence = (sentences[index].start, max(sentences[index].end, span.end))
        else:  # between sentences, or no sentence at all: the whole text is its context
            sentence = (0, len(text))
        groups.setdefault(sentence, []).append(number)
    found: list[list[Hit]] = [[] for _ in spans]
    for sentence, numbers in groups.items():
        members = [(spans[n].start, spans[n].end) for n in numbers]
        for number, hits in zip(numbers, featurize_sentence(text, sentence, members), strict=True):
            found[number] = hits
    return found


def _clip(text: str, span: tuple[int, int] | Span) -> Span:
    pair = (span.start, span.end) if isinstance(span, Span) else span
    start, end = (max(0, min(int(x), len(text))) for x in pair)
    return Span(min(start, end), max(start, end))


def _evidence(scored: Scored, labels: npt.NDArray[np.int64], count: int) -> list[tuple[Span, ...]]:
    """Per mention, the spans of the hits that pushed hardest toward its label (merged by span,
    at least _MIN_CONTRIBUTION, at most _EVIDENCE, not overlapping), in text order."""
    push = scored.pushes[np.arange(len(scored.rows)), labels[scored.rows]]
    keep = np.flatnonzero((scored.starts >= 0) & (push > 0))
    weight: list[dict[tuple[int, int], float]] = [{} for _ in range(count)]
    for row, start, end, value in zip(
        scored.rows[keep].tolist(),
        scored.starts[keep].tolist(),
        scored.ends[keep].tolist(),
        push[keep].tolist(),
        strict=True,
    ):
        weight[row][(start, end)] = weight[row].get((start, end), 0.0) + value
    found = []
    for spans in weight:
        ranked = sorted(
            (key for key, value in spans.items() if value >= _MIN_CONTRIBUTION),
            key=lambda key: (-spans[key], key),
        )
        chosen: list[tuple[int, int]] = []
        for key in ranked:
            if not any(key[0] < end and start < key[1] for start, end in chosen):
                chosen.append(key)
            if len(chosen) == _EVIDENCE:
                break
        found.append(tuple(Span(start, end) for start, end in sorted(chosen)))
    return found
