"""The rules for quotations across a paragraph: "NAME:" labels, quote tags and leads, dash credits.

Each row: a text and every statement found in it, as (speaker, cue, content, kind, rule)."""

from __future__ import annotations

import pytest
from rows import Row, statements_in

from research.pipeline import Lexicons


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a speaker label and a colon, as in transcripts
        (
            "MINISTER HADDAD: We have not agreed to anything.",
            [
                (
                    "MINISTER HADDAD",
                    ":",
                    "We have not agreed to anything",
                    "indirect",
                    "speaker_label",
                )
            ],
        ),
        # speaker labels after the first paragraph are transcript turns, not reports
        (
            "The mayor spoke on Monday.\n\nREYES: We will open the new bridge in May. The city has paid for it.\n\nOKAFOR: I think the plan came too late.",
            [
                (
                    "REYES",
                    ":",
                    "We will open the new bridge in May. The city has paid for it",
                    "indirect",
                    "speaker_label",
                ),
                ("OKAFOR", ":", "I think the plan came too late", "indirect", "speaker_label"),
                ("I", "think", "the plan came too late", "indirect", "forward"),
            ],
        ),
        (
            "Voters are split on the plan - Lena Okafor: “Half the town wants the bridge.”",
            [("Lena Okafor", ":", "“Half the town wants the bridge.”", "direct", "speaker_label")],
        ),
        # a fact check credits the quotation above with a dash
        (
            'The town voted on the bridge.\n\n"The bridge will pay for itself."\n\n- Lena Okafor.',
            [("Lena Okafor", "-", '"The bridge will pay for itself."', "direct", "dash_credit")],
        ),
        # a verb outside the lexicon tags a quotation that ends in a comma
        (
            "“Out of my office,” Okafor barked.",
            [("Okafor", "barked", "“Out of my office,”", "direct", "quote_tag")],
        ),
        # a clause ending in a colon leads into a quotation; its verb is the cue
        (
            "Okafor leaned in and growled: “Nobody leaves this room.”",
            [
                (
                    "Okafor",
                    "leaned in and growled:",
                    "“Nobody leaves this room.”",
                    "direct",
                    "quote_lead",
                )
            ],
        ),
        (
            "The survey's authors were blunt. Jane Roe of Pew: “Turnout will be low.”",
            [("Jane Roe of Pew", ":", "“Turnout will be low.”", "direct", "quote_label")],
        ),
    ],
)
def test_quotes(text_in: str, expected: list[Row], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == expected
