"""Properties of statement extraction that hold for any text: it never raises, and every span it
returns lies inside the text, without surrounding white space; its quotation lookups by bisection
agree with a scan of every quotation."""

from __future__ import annotations

import itertools

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from research.attribution import find_quotes, find_statements, statement_kind
from research.attribution.statement import (
    Statement,
    claimed_quotes,
    is_claimed,
    last_ending_by,
    quotes_near,
)
from research.pipeline import Lexicons, analyze, load_lexicons
from research.schema import Span
from research.segment import split_paragraphs, split_sentences_in

LEXICONS: Lexicons = load_lexicons()

# News-like material: words that trigger the rules, quotes of every kind, dashes and newlines.
PIECES = [
    "said", "told", "according to", "claimed", "he", "she", "who", "that", "Mr.", "Sen.", "U.S.",
    "Ryabkov", "the UN", "officials", "reportedly", "are said to", "seemed to", "by analysts",
    "adding", ",", ".", ":", ";", "–", "--", "“", "”", '"', "''", "‘", "’", "(", ")", "\n", "\n\n",
    "Q:", "in the poll", "and said", "is viewed as", "“We stay,”", "Amin Malhees, a spokesman,",
    # a hedge straddling a statement's edge once crashed the pipeline ("not a span")
    "according to several published reports that quoted unnamed sources", "reports that",
    "pressed Labrador to run",
]  # fmt: skip
news_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map(" ".join)


def check_spans(text: str) -> None:
    paragraphs = split_paragraphs(text)
    sentences = split_sentences_in(text, paragraphs)
    units = list(zip(range(len(paragraphs)), paragraphs, sentences, strict=True))
    for statement in find_statements(text, units, LEXICONS.cues, tags=LEXICONS.tags):
        spans: list[Span] = [*statement.content]
        spans += [s for s in (statement.speaker, statement.cue) if s is not None]
        assert statement.content
        for span in spans:
            assert 0 <= span.start < span.end <= len(text)
            piece = span.text(text)
            assert piece == piece.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
@example("in the poll , ,")  # a fronted "in the poll" with nothing after its comma: no content
def test_news_like_text_never_breaks_extraction(text: str) -> None:
    check_spans(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_breaks_extraction(text: str) -> None:
    check_spans(text)


CRASH_SHAPE = (
    "Some lawmakers pressed Labrador to run, according to several published reports that "
    "quoted unnamed sources."
)


def test_a_hedge_straddling_a_statement_is_tied_to_it() -> None:
    analysis = analyze(pd.DataFrame({"doc": ["a"], "text": [CRASH_SHAPE]}), LEXICONS)
    (statement,) = analysis.statements.itertuples()
    assert statement.speaker == "several published reports"
    assert [h["text"] for h in statement.hedges] == ["reports that"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_text_never_breaks_the_pipeline(text: str) -> None:
    analysis = analyze(pd.DataFrame({"doc": ["a"], "text": [text]}), LEXICONS)
    for row in analysis.hedges.itertuples():
        assert 0 <= row.start < row.end <= len(text)


# --- quotation lookups by bisection agree with scanning every quotation ----------------------------

quoted_text = st.lists(
    st.sampled_from(["“", "”", '"', "''", "``", "«", "»", "We stay", ",", " ", "he said", "."]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(quoted_text, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=6))
def test_quotation_lookups_agree_with_a_scan(text: str, pieces: list[tuple[int, int]]) -> None:
    """What the long-paragraph fix bisects (quotations sorted and apart, as find_quotes gives them)
    is what a scan of every quotation finds: the kind of a statement, and the quotations claimed."""
    quotes = find_quotes(text, Span(0, len(text)))
    assert all(a.end <= b.start for a, b in itertools.pairwise(quotes))
    content = [Span(min(s, len(text)), min(s + n, len(text))) for s, n in pieces]
    assert statement_kind(text, content, quotes_near(quotes, content)) == statement_kind(
        text, content, quotes
    )
    statements = [Statement("direct", None, None, [span], 0) for span in content]
    assert claimed_quotes(quotes, statements) == {q for q in quotes if is_claimed(q, statements)}
    for offset in range(len(text) + 1):
        index = last_ending_by(quotes, offset)
        assert index == max((i for i, q in enumerate(quotes) if q.end <= offset), default=-1)
