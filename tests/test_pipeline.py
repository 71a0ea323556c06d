"""The bundled article, end to end: what the foundation issue says it must show."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from research.io import read_articles
from research.pipeline import Analysis, Lexicons, analyze


@pytest.fixture(scope="module")
def analysis(bundled: Path, lexicons: Lexicons) -> Analysis:
    return analyze(read_articles([bundled]), lexicons)


def by_speaker(statements: pd.DataFrame, text: str) -> pd.DataFrame:
    return statements[statements["speaker"].fillna("").str.contains(text, regex=False)]


def test_ryabkov_one_reported_one_direct_both_russia(analysis: Analysis) -> None:
    ryabkov = by_speaker(analysis.statements, "Ryabkov")
    assert sorted(ryabkov["kind"]) == ["direct", "indirect"]
    assert set(ryabkov["party"]) == {"Russia"}
    assert set(ryabkov["entity"]) == {"Sergei Ryabkov"}
    direct = ryabkov[ryabkov["kind"] == "direct"].iloc[0]
    assert direct["content"].startswith(
        '"The issue of withdrawing militants'
    )  # the two-sentence quote
    assert direct["content"].endswith('unacceptable terms,"')


@pytest.mark.parametrize(
    ("speaker", "party"),
    [
        ("Amin Malhees", "Rebels / opposition"),
        ("the UN", "United Nations"),
        ("De Mistura", "United Nations"),
        ("John Kerry", "United States"),
        ("Opposition officials who spoke to Reuters", "Rebels / opposition"),
    ],
)
def test_speakers_go_to_their_parties(analysis: Analysis, speaker: str, party: str) -> None:
    found = by_speaker(analysis.statements, speaker)
    assert not found.empty
    assert set(found["party"]) == {party}


def test_un_statement_is_the_missing_men_and_boys(analysis: Analysis) -> None:
    # exactly "the UN": "the office of the UN Special Envoy" declines to comment elsewhere
    statements = analysis.statements
    [content] = statements.loc[statements["speaker"] == "the UN", "content"]
    assert content.startswith("Hundreds of Syrian men and boys have gone missing")


def test_repeated_paragraph_found_and_counted_once(analysis: Analysis, bundled_text: str) -> None:
    findings = analysis.findings
    assert set(findings["finding"]) == {"repeated_paragraph", "separator_debris"}
    [debris] = findings.loc[findings["finding"] == "separator_debris", "text"]
    assert debris == "|"
    repeated = findings[findings["finding"] == "repeated_paragraph"].iloc[0]
    first = bundled_text.index(repeated["text"])
    assert first < repeated["start"]  # the later copy is the one flagged
    # no statement lies in the repeated copy, and no content is counted twice
    spans = [s for spans in analysis.statements["content_spans"] for s in spans]
    assert not [s for s in spans if repeated["start"] <= s[0] < repeated["end"]]
    assert analysis.statements["content"].is_unique


def test_every_span_is_the_file_text_at_its_offsets(analysis: Analysis, bundled_text: str) -> None:
    for row in analysis.statements.itertuples():
        if row.speaker is not pd.NA and row.speaker is not None:
            assert bundled_text[row.speaker_start : row.speaker_end] == row.speaker
        assert bundled_text[row.cue_start : row.cue_end] == row.cue
        pieces = [bundled_text[start:end] for start, end in row.content_spans]
        assert " … ".join(pieces) == row.content
        for piece in [row.speaker, row.cue, *pieces]:
            if isinstance(piece, str):
                assert piece == piece.strip()


def test_sentiment_scores_are_in_range(analysis: Analysis) -> None:
    statements = analysis.statements
    assert statements["polarity"].between(-1, 1).all()
    assert statements["subjectivity"].between(0, 1).all()
    kerry = by_speaker(statements, "Kerry").iloc[0]
    assert kerry["polarity"] < 0  # "the worst since World War II"


def test_negated_statement_is_kept_but_not_scored_as_what_was_said(lexicons: Lexicons) -> None:
    text = (
        "Sergei Ryabkov said the terrible deal was a disaster for Aleppo.\n\n"
        "John Kerry did not say whether the deal was a wonderful success."
    )
    articles = pd.DataFrame({"doc": ["d"], "text": [text]})
    found = analyze(articles, lexicons)
    said, unsaid = (found.statements.set_index("cue").loc[cue] for cue in ("said", "did not say"))
    assert not said["negated"] and unsaid["negated"]
    assert said["polarity"] < 0  # what Ryabkov said is scored ...
    assert pd.isna(unsaid["polarity"]) and pd.isna(
        unsaid["subjectivity"]
    )  # ... not what Kerry did not
    assert set(found.stances["statement"]) <= {said["statement"]}
