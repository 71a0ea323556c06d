"""Sentiment of each statement's content, behind one small interface so backends can be swapped.

TextBlob's default analyzer (the Pattern lexicon of adjectives with polarity and subjectivity,
shipped inside the package) runs offline; so does VADER (a rule-based valence lexicon with
negation, intensifier and "but" rules, also shipped inside its wheel). Both score words, not
stances: "said" and "claimed" score the same, which is why framing signals are measured separately.
Where two backends disagree on a statement's direction, `compare_backends` says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

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
        # The analyzer PatternAnalyzer.analyze calls, called directly: analyze builds a namedtuple
        # class on every call, a third of the time it takes.
        from textblob.en import sentiment as pattern_sentiment

        self._analyze = _loaded(pattern_sentiment)

    def score(self, text: str) -> Sentiment:
        polarity, subjectivity = self._analyze(text)
        return Sentiment(float(polarity), float(subjectivity))


def _loaded(analyzer: Any) -> Any:
    """TextBlob's analyzer with its lexicon loaded and read as a plain dict: the same words,
    scores and settings, but each `word in lexicon` and `lexicon[word]` without the two Python
    calls textblob's lazy dictionary makes on every lookup (it loads on first use, then still
    dispatches each one), about a sixth of the time scoring takes. The same scores, digit for
    digit: the same code runs on the same data."""
    len(analyzer)  # loads the lexicon
    lookups = {name: getattr(dict, name) for name in ("__contains__", "__getitem__", "get")}
    plain: Any = type("Loaded" + type(analyzer).__name__, (type(analyzer),), lookups)
    loaded = plain.__new__(plain)
    dict.update(loaded, dict.items(analyzer))
    loaded.__dict__.update(analyzer.__dict__)
    return loaded


class VaderSentiment:
    """VADER (Hutto & Gilbert 2014): polarity is its compound score. VADER has no subjectivity,
    so `subjectivity` is its share of non-neutral text (1 - neu): how much of the text carries
    sentiment, not TextBlob's judgement of opinion versus fact."""

    name = "vader"

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._analyzer = SentimentIntensityAnalyzer()

    def score(self, text: str) -> Sentiment:
        scores = self._analyzer.polarity_scores(text)
        return Sentiment(float(scores["compound"]), float(1.0 - scores["neu"]))


BACKENDS: dict[str, Callable[[], SentimentBackend]] = {
    "textblob": TextBlobSentiment,
    "vader": VaderSentiment,
}


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


NEUTRAL_BAND = 0.05  # |polarity| below this is neutral: VADER's documented threshold, used for both


def direction(polarity: float, *, band: float = NEUTRAL_BAND) -> str:
    """positive, negative or neutral."""
    if polarity >= band:
        return "positive"
    if polarity <= -band:
        return "negative"
    return "neutral"


def compare_backends(
    texts: Iterable[str], *, backends: tuple[str, str] = ("textblob", "vader")
) -> pd.DataFrame:
    """Each text's polarity and direction under two backends, and whether the directions differ."""
    texts = list(texts)
    frame = pd.DataFrame(index=range(len(texts)))
    for name in backends:
        polarity = score_texts(texts, backend=name)["polarity"]
        frame[f"{name}_polarity"] = polarity.to_numpy()
        frame[f"{name}_direction"] = [direction(p) for p in polarity]
    first, second = backends
    frame["disagree"] = frame[f"{first}_direction"] != frame[f"{second}_direction"]
    return frame
