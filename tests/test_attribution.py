from __future__ import annotations

import pytest

from research.attribution import find_quotes, find_statements, tokenize
from research.pipeline import Lexicons
from research.schema import Span
from research.segment import split_paragraphs, split_sentences

Row = tuple[str | None, str, str, str]  # speaker, cue, content, kind


def statements_in(text: str, lexicons: Lexicons) -> list[Row]:
    units = [(i, p, split_sentences(text, p)) for i, p in enumerate(split_paragraphs(text))]
    found = find_statements(text, units, lexicons.cues)
    return [
        (
            s.speaker.text(text) if s.speaker else None,
            s.cue.text(text) if s.cue else "",
            " … ".join(c.text(text) for c in s.content),
            s.kind,
        )
        for s in found
    ]


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        (  # the tag before: later paragraphs that open with a quote mark continue the quotation
            "The commander said: “We will not leave.\n“We will stay until the end.”\nTrucks left.",
            ["“We will not leave", "“We will stay until the end.”"],
        ),
        (  # the tag after: the open quotation of the paragraph before joins the statement
            "“We will not leave.\n“We will stay until the end,” the commander said.",
            ["“We will not leave.", "“We will stay until the end,”"],
        ),
    ],
)
def test_quotation_running_over_paragraphs_is_one_statement(
    text_in: str, expected: list[str], lexicons: Lexicons
) -> None:
    [(speaker, cue, content, kind)] = statements_in(text_in, lexicons)
    tag_first = "said:" in text_in
    assert (speaker, cue, kind) == (
        "The commander" if tag_first else "the commander",
        "said:" if tag_first else "said",  # a colon belongs to the cue, as PolNeAR marks it
        "direct",
    )
    assert content.split(" … ") == expected


def test_quote_spanning_paragraphs_stays_open_until_closed() -> None:
    text = "“First part of the quote.\n“Second part,” she said."
    paragraphs = split_paragraphs(text)
    assert [q.text(text) for q in find_quotes(text, paragraphs[0])] == ["“First part of the quote."]
    assert [q.text(text) for q in find_quotes(text, paragraphs[1])] == ["“Second part,”"]


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ('He called it "a disaster" and "a shame".', ['"a disaster"', '"a shame"']),
        ('Mixed “curly" and "straight” marks.', ['“curly"', '"straight”']),
        ("No quotes here.", []),
    ],
)
def test_quotes_pair_straight_and_curly_marks(text_in: str, expected: list[str]) -> None:
    assert [q.text(text_in) for q in find_quotes(text_in, Span(0, len(text_in)))] == expected


def test_numbers_with_thousands_separators_are_one_token() -> None:
    # a comma inside "40,000" would split the clause and end a content or a speaker there
    text = "Officials expected 40,000 people, and $1,250.50 each."
    words = [t.text for t in tokenize(text, Span(0, len(text)))]
    assert words[2:5] == ["40,000", "people", ","]
    assert "1,250.50" in words


def test_abbreviations_initials_and_plain_words_tokenize_as_such() -> None:
    # the tokenizer tries abbreviations only where letters and a period follow: each kind still
    # comes out whole, and a word before a full stop still loses it
    text = "Sen. Ortega met J. Smith of the U.S. Navy on Sept. 4 vs. Lee, who left."
    words = [t.text for t in tokenize(text, Span(0, len(text)))]
    assert words[:5] == ["Sen.", "Ortega", "met", "J.", "Smith"]
    assert {"U.S.", "Sept.", "vs."} <= set(words)
    assert words[-2:] == ["left", "."]


def test_the_abbreviations_are_letters_before_their_period() -> None:
    # what the tokenizer's lookahead ([A-Za-z]+ and a period) assumes of every abbreviation
    from research.lexicons import OTHER_ABBREVIATIONS, TITLE_ABBREVIATIONS

    for abbreviation in (*TITLE_ABBREVIATIONS, *OTHER_ABBREVIATIONS):
        assert abbreviation.isascii() and abbreviation.isalpha(), abbreviation


def test_a_framed_quotation_inside_another_content_is_not_nested(lexicons: Lexicons) -> None:
    # PolNeAR marks the outermost attribution only, but a quotation with its own cue is
    # annotated wherever it stands; a reported clause inside another's content is nested
    text = "Lee said Okafor told reporters: “The harbor will flood.”"
    units = [(i, p, split_sentences(text, p)) for i, p in enumerate(split_paragraphs(text))]
    found = find_statements(text, units, lexicons.cues)
    assert {s.cue.text(text): s.nested for s in found if s.cue} == {"said": False, "told": False}
    text = "Ryabkov said that the rebels claimed the road was open."
    units = [(i, p, split_sentences(text, p)) for i, p in enumerate(split_paragraphs(text))]
    found = find_statements(text, units, lexicons.cues)
    assert {s.cue.text(text): s.nested for s in found if s.cue} == {
        "said": False,
        "claimed": True,
    }
