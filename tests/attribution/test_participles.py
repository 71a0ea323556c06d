"""The rules for participles and infinitives: ", adding ...", "a sign saying ...", "led farmers to say".

Each row: a text and every statement found in it, as (speaker, cue, content, kind, rule)."""

from __future__ import annotations

import pytest
from rows import Row, statements_in

from research.pipeline import Lexicons


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # a participle continues the sentence's subject, found past a verb the lexicon lacks
        (
            "The mayor phoned donors on Monday, telling them the race was close.",
            [("The mayor", "telling", "them the race was close", "indirect", "participle_subject")],
        ),
        # ... a fronted participle shares the main clause's subject
        (
            "After thanking the crowd, she said the fight was not over.",
            [
                ("she", "thanking", "the crowd", "indirect", "fronted_participle"),
                ("she", "said", "the fight was not over", "indirect", "forward"),
            ],
        ),
        # past a fronted subordinate clause, a dateline, a fronted participle phrase
        (
            "When the storm hit the coast, the governor stayed in the capital, urging residents to leave.",
            [("the governor", "urging", "residents to leave", "indirect", "participle_subject")],
        ),
        (
            "LAGOS (Reuters) - The minister visited the port on Monday, saying the strike was over.",
            [("The minister", "saying", "the strike was over", "indirect", "participle_subject")],
        ),
        (
            "After thanking the volunteers, who had worked all night, she promised that the shelter would stay open.",
            [
                ("she", "thanking", "the volunteers", "indirect", "fronted_participle"),
                ("she", "promised", "that the shelter would stay open", "indirect", "forward"),
            ],
        ),
        (
            "Turnout was low, with 30 percent saying they had not heard of the vote.",
            [
                (
                    "30 percent",
                    "saying",
                    "they had not heard of the vote",
                    "indirect",
                    "noun_participle",
                )
            ],
        ),
        # a participle right after a noun phrase says what that phrase holds
        (
            "Pastors backing Mr. Okafor in every county gathered in Harlow on Sunday.",
            [
                (
                    "Pastors",
                    "backing",
                    "Mr. Okafor in every county",
                    "indirect",
                    "reduced_relative_object",
                )
            ],
        ),
        # a participle after a dash continues the subject's clause, as after a comma
        (
            "Dana Ruiz changed her vote on the spot – saying she had misread the ballot.",
            [
                (
                    "Dana Ruiz",
                    "saying",
                    "she had misread the ballot",
                    "indirect",
                    "participle_subject",
                )
            ],
        ),
        # a participle's subject comes after a fronted time phrase
        (
            "Hours later, Ruiz returned the favor, telling reporters that the mayor was a friend.",
            [("Ruiz", "telling", "that the mayor was a friend", "indirect", "participle_subject")],
        ),
        # an approximate number opens the subject
        (
            "About 200 farmers gathered outside the hall, holding signs and chanting “Save it.”",
            [("About 200 farmers", "chanting", "“Save it.”", "direct", "participle_subject")],
        ),
        # a pronoun with its clitic
        (
            "Since the vote in May, she's moved to the left, criticizing the levy.",
            [("she", "criticizing", "the levy", "indirect", "participle_subject")],
        ),
        # a participle after a determiner modifies the subject, it is not its verb
        (
            "The retired judge spoke at length, remarking that the court was overworked.",
            [
                (
                    "The retired judge",
                    "remarking",
                    "that the court was overworked",
                    "indirect",
                    "participle_subject",
                )
            ],
        ),
        (
            "The ruling has prompted farmers to say that the tax was unfair.",
            [("farmers", "to say", "that the tax was unfair", "indirect", "infinitive_object")],
        ),
        (
            "The flood drove residents to say that the town was lost.",
            [("residents", "to say", "that the town was lost", "indirect", "infinitive_object")],
        ),
        (
            "Letters came from farmers saying that the levy was unfair.",
            [
                (
                    "farmers",
                    "saying",
                    "that the levy was unfair",
                    "indirect",
                    "reduced_relative_clause",
                )
            ],
        ),
    ],
)
def test_participles(text_in: str, expected: list[Row], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == expected
