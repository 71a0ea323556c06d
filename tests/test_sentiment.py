"""The sentiment backends and where two of them disagree."""

from __future__ import annotations

import pytest

from research.sentiment import compare_backends, direction, get_backend, score_texts


@pytest.mark.parametrize(
    ("text_in", "vader"),
    [
        ("a rebel withdrawal from Aleppo was unacceptable", "negative"),
        ("the ceasefire is a welcome and hopeful step", "positive"),
        ("the talks were held in Geneva on Sunday", "neutral"),
    ],
)
def test_vader_direction(text_in: str, vader: str) -> None:
    assert direction(get_backend("vader").score(text_in).polarity) == vader


def test_both_backends_score_said_and_claimed_alike() -> None:
    """Why framing is measured apart from sentiment: the reporting verb does not move the score."""
    for backend in ("textblob", "vader"):
        said, claimed = score_texts(
            ["Russia said the deal was good", "Russia claimed the deal was good"], backend=backend
        )["polarity"]
        assert said == claimed


def test_compare_backends_marks_disagreement() -> None:
    texts = [
        "the deal is good",  # both positive
        "the battle for Aleppo was at the last steps",  # VADER knows "battle"; TextBlob does not
    ]
    compared = compare_backends(texts)
    assert compared["disagree"].tolist() == [False, True]
    assert compared.loc[1, "vader_direction"] == "negative"
    assert compared.loc[1, "textblob_direction"] == "neutral"


def test_unknown_backend_lists_the_known_ones() -> None:
    with pytest.raises(
        ValueError, match=r"unknown sentiment backend 'bert' \(known: textblob, vader\)"
    ):
        get_backend("bert")


@pytest.mark.parametrize(
    "text_in",
    [
        "the ceasefire is a very good and hopeful step",
        "the offer was not bad, but not really good either",
        "a truly terrible, horrible deal!",
        "they said it was an awful idea (!) and left :-(",
        "the talks were held in Geneva on Sunday",
        "",
    ],
)
def test_textblob_backend_scores_as_textblob_does(text_in: str) -> None:
    """The backend reads TextBlob's lexicon as a plain dict (faster lookups): the same scores."""
    from textblob import TextBlob

    own = TextBlob(text_in).sentiment
    scored = get_backend("textblob").score(text_in)
    assert (scored.polarity, scored.subjectivity) == (own.polarity, own.subjectivity)
