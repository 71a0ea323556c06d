"""research.portrayal: the sentiment a text expresses toward each mention (invented sentences)."""

from __future__ import annotations

import json

from research.portrayal import CLASSES, toward
from research.schema import Span


def spans_of(text: str, *mentions: str) -> list[tuple[int, int]]:
    found = []
    for mention in mentions:
        start = text.index(mention)
        found.append((start, start + len(mention)))
    return found


def test_one_result_per_span_in_order_with_evidence_in_the_text() -> None:
    text = "The mayor praised the volunteers but blamed the council for the delays."
    spans = spans_of(text, "council", "volunteers", "mayor")
    results = toward(text, spans)
    assert [(r.span.start, r.span.end) for r in results] == spans
    for result in results:
        assert result.label in CLASSES
        assert -1.0 <= result.score <= 1.0
        assert all(0 <= e.start < e.end <= len(text) for e in result.evidence)


def test_shipped_model_is_plain_json() -> None:
    from importlib import resources

    source = resources.files("research.portrayal") / "model.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    assert data["classes"] == list(CLASSES)
    assert all(len(row) == 3 for row in data["weights"].values())


def test_bad_spans_are_clipped_not_raised() -> None:
    text = "The council was praised."
    results = toward(text, [(50, 60), (10, 3)])
    assert [r.span for r in results] == [Span(24, 24), Span(3, 10)]
