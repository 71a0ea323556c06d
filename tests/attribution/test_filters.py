"""The filters and the rules that find no statement: cue words that report nothing here (a noun,
a name, a modifier, a phrasal verb) and verbs with nothing reported after them.

Each row: a text in which no statement is found, and for each cue reading tried, the table's step
that decided it (a filter's name, or "verb/" and the verb rule's)."""

from __future__ import annotations

import pytest
from rows import decisions_in, statements_in

from research.pipeline import Lexicons


@pytest.mark.parametrize(
    ("text_in", "decided"),
    [
        # a place, not a complement
        ("The minister appeared on television on Sunday.", [("appeared", "passive_or_raising")]),
        # a modal "have to", no statement
        ("Officials have to decide by Friday.", [("decide", "infinitive")]),
        ("The bill drew support from both parties.", [("support", "noun_reading")]),
        ("The article was published on Friday.", [("published", "passive_or_raising")]),
        ("The council members are worried.", [("worried", "passive_or_raising")]),
        ("The mayor maintained a narrow lead in the polls.", [("maintained", "verb/no_report")]),
        ("The plan proved difficult to sell.", [("proved", "verb/no_report")]),
        ("The mayor continued the inspection of the harbor.", [("continued", "verb/no_report")]),
        ("Volunteers showing up early got coffee.", [("showing", "phrasal_verb")]),
        (
            "It was the very flood the council cautioned about in its 2019 memo.",
            [("cautioned", "verb/object")],
        ),
        (
            "Turnout reached 61 percent, compared with 48 percent in 2012.",
            [("compared", "comparison")],
        ),
        ("Okafor went on to win the county.", [("went on", "verb/no_report")]),
        ("The committee raised $4 million in March.", [("raised", "verb/no_report")]),
        ("Reyes holds a tally of pledged delegates.", [("pledged", "modifier_after_preposition")]),
        ("The governor found a new ally in the mayor.", [("found", "verb/no_report")]),
        ("The senator gave an interview to a radio show host.", [("show", "noun_reading")]),
        (
            "The AP report was published on Friday.",
            [("report", "noun_reading"), ("published", "passive_or_raising")],
        ),
        ("Supporters voted in favor of the plan.", [("favor", "noun_reading")]),
        (
            "The statement came from his spokeswoman, Hope Hicks, on Tuesday.",
            [("statement", "noun_cue"), ("Hope", "part_of_name")],
        ),
        ("The figures came from the Drudge Report and other sites.", [("Report", "part_of_name")]),
        ("Hundreds of voters showed up at the town hall.", [("showed", "phrasal_verb")]),
        ("The board of the charity called off the gala.", [("called", "phrasal_verb")]),
        ("The governor is leading in the polls.", []),
        ("Breaking: Senate passes the budget", []),
        ("She saw the crowd from the stage.", [("saw", "sight_or_fame")]),
        (
            "With tepid rural support, the governor faces a hard race.",
            [("support", "noun_reading")],
        ),
        ("Okafor leads Lee by 271 pledged delegates.", [("pledged", "modifier_after_preposition")]),
        ("The tax plans would cost billions.", [("plans", "noun_reading")]),
        (
            "Turnout rose to 31 percent, compared with 40 percent in 2012.",
            [("compared", "comparison")],
        ),
        # a table row, no turn
        ("The mayor spoke on Monday.\n\nTotals: 1,204.", []),
        ("Clinton's plans for the harbor were costly.", [("plans", "after_determiner")]),
        ("The claims were false.", [("claims", "noun_cue"), ("claims", "after_determiner")]),
        ("A group called Free Voters met on Monday.", [("called", "participle_modifier")]),
        (
            "The corridor deal supported by both sides collapsed.",
            [("supported", "participle_modifier")],
        ),
        ("The council's warnings went unheeded.", [("warnings", "noun_cue")]),
        ("The mayor said on Sunday.", [("said", "verb/complement_after_aside")]),
        ("Planned Parenthood opened a clinic.", [("Planned", "verb/no_subject")]),
    ],
)
def test_filters(text_in: str, decided: list[tuple[str, str]], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == []
    assert decisions_in(text_in, lexicons) == decided
