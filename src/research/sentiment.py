"""Sentiment of each statement's content, behind one small interface so backends can be swapped.

TextBlob's default analyzer (the Pattern lexicon of adjectives with polarity and subjectivity,
shipped inside the package) runs offline. It scores words, not stances: "said" and "claimed" score
the same, which is why framing signals are measured separately.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import pandas as pd


@dataclass(frozen=True, slots=True)
class Sentiment:
    polarity: float  # -1 (negative) .. 1 (positive)
    subjectivity: float  # 0 (objective) .. 1 (subjective)


class SentimentBackend(Protocol):
    name: str

    def score(self, text: str) -> Sentiment: ...


class TextBlobSentiment:
    """TextBlob's PatternAnalyzer: averaged adjective scores with negation and intensifiers."""

    name = "textblob"

    def __init__(self) -> None:
        from textblob.en.sentiments import PatternAnalyzer

        self._analyzer = PatternAnalyzer()

    def score(self, text: str) -> Sentiment:
        polarity, subjectivity = self._analyzer.analyze(text)[:2]
        return Sentiment(float(polarity), float(subjectivity))


BACKENDS: dict[str, Callable[[], SentimentBackend]] = {"textblob": TextBlobSentiment}


@cache
def get_backend(name: str) -> SentimentBackend:
    try:
        factory = BACKENDS[name]
    except KeyError:
        raise ValueError(
            f"unknown sentiment backend {name!r} (known: {', '.join(BACKENDS)})"
        ) from None
    return factory()


def score_texts(texts: Iterable[str], *, backend: str = "textblob") -> pd.DataFrame:
    """Polarity and subjectivity of each text, one row per text in order."""
    scorer = get_backend(backend)
    scores = [scorer.score(text) for text in texts]
    return pd.DataFrame(
        {
            "polarity": pd.Series([s.polarity for s in scores], dtype="float64"),
            "subjectivity": pd.Series([s.subjectivity for s in scores], dtype="float64"),
        }
    )
