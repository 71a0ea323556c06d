"""The rules for sources named without a verb: "according to X", "reportedly", "in the latest poll".

Each row: a text and every statement found in it, as (speaker, cue, content, kind, rule)."""

from __future__ import annotations

import pytest
from rows import Row, statements_in

from research.pipeline import Lexicons


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        (
            "The talks had failed, according to two diplomats.",
            [
                (
                    "two diplomats",
                    "according to",
                    "The talks had failed",
                    "indirect",
                    "according_to_after",
                )
            ],
        ),
        (
            "According to the ministry, 40 people were hurt in the blast.",
            [
                (
                    "the ministry",
                    "According to",
                    "40 people were hurt in the blast",
                    "indirect",
                    "according_to_fronted",
                )
            ],
        ),
        # an attribution adverb: a claim passed on without a source
        (
            "Fighters would reportedly be allowed to leave with light weapons.",
            [
                (
                    None,
                    "reportedly",
                    "Fighters would … be allowed to leave with light weapons",
                    "indirect",
                    "adverb",
                )
            ],
        ),
        (
            "According to a Harlan/Reyes poll, the levy trails by ten points.",
            [
                (
                    "a Harlan/Reyes poll",
                    "According to",
                    "the levy trails by ten points",
                    "indirect",
                    "according_to_fronted",
                )
            ],
        ),
        # "according to" after a quotation looks back
        (
            "“The levy is dead,” according to the county clerk.",
            [
                (
                    "the county clerk",
                    "according to",
                    "“The levy is dead,”",
                    "direct",
                    "according_to_after",
                )
            ],
        ),
        # a poll before its clause: "in" is the cue, the poll the source
        (
            "In the latest Harlow Post survey, 41 percent of voters would pay a higher levy.",
            [
                (
                    "the latest Harlow Post survey",
                    "In",
                    "41 percent of voters would pay a higher levy",
                    "indirect",
                    "in_document",
                )
            ],
        ),
        # ... or after it, with a short tail
        (
            "Okafor trails Mendes in the average of county polls by nine points.",
            [
                (
                    "the average of county polls",
                    "in",
                    "Okafor trails Mendes",
                    "indirect",
                    "in_document",
                )
            ],
        ),
        # "According to X:" opens the sentence; after a quotation "according to" does not
        (
            "According to the Harbor Times: “The mayor has a mixed record.”",
            [
                (
                    "the Harbor Times",
                    "According to",
                    "“The mayor has a mixed record.”",
                    "direct",
                    "according_to_fronted",
                )
            ],
        ),
        # ... it reports the clause before it, the statement inside that clause included
        (
            "The witness said the order was meant to “avoid a fight,” according to the report.",
            [
                (
                    "the report",
                    "according to",
                    "The witness said the order was meant to “avoid a fight,”",
                    "mixed",
                    "according_to_after",
                ),
                (
                    "The witness",
                    "said",
                    "the order was meant to “avoid a fight,”",
                    "mixed",
                    "forward",
                ),
            ],
        ),
        # after a colon too
        (
            "The vote was close: according to the clerk, the levy passed by nine votes.",
            [
                (
                    "the clerk",
                    "according to",
                    "the levy passed by nine votes",
                    "indirect",
                    "according_to_fronted",
                )
            ],
        ),
        # a fronted poll with a participle phrase
        (
            "In a Harlan/Reyes poll released Sunday, the levy trails by ten points.",
            [
                (
                    "a Harlan/Reyes poll released Sunday",
                    "In",
                    "the levy trails by ten points",
                    "indirect",
                    "in_document",
                )
            ],
        ),
        # an owner's poll
        (
            "In Monday's Reyes poll, Ruiz leads the mayor by nine points.",
            [
                (
                    "Monday's Reyes poll",
                    "In",
                    "Ruiz leads the mayor by nine points",
                    "indirect",
                    "in_document",
                )
            ],
        ),
    ],
)
def test_sources(text_in: str, expected: list[Row], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == expected
