"""The rules for noun cues: "claims from X that", "his contention that", "drew criticism from", "issued a statement".

Each row: a text and every statement found in it, as (speaker, cue, content, kind, rule)."""

from __future__ import annotations

import pytest
from rows import Row, statements_in

from research.pipeline import Lexicons


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # owned noun cues: the possessor is the source
        (
            "Rivera’s attacks on the harbor plan grew sharper.",
            [("Rivera’s", "attacks on", "the harbor plan", "indirect", "owned_noun_object")],
        ),
        (
            "Few voters share his claim that the count was rigged.",
            [("his", "claim", "that the count was rigged", "indirect", "owned_noun_that")],
        ),
        # a participle after a possessive's noun cue continues the sentence's subject
        (
            "The mayor went on with her attacks on the developer, telling reporters that the deal was corrupt.",
            [
                ("her", "attacks on", "the developer", "indirect", "owned_noun_object"),
                (
                    "The mayor",
                    "telling",
                    "that the deal was corrupt",
                    "indirect",
                    "participle_subject",
                ),
            ],
        ),
        # a pronoun owner right after the verb stands for the verb's subject
        (
            "The mayor stepped up her attacks on the developer.",
            [("The mayor", "attacks on", "the developer", "indirect", "owned_noun_object")],
        ),
        # the one who issued the statement speaks through it
        (
            "The governor issued a statement saying the roads would reopen.",
            [
                (
                    "The governor",
                    "issued a statement saying",
                    "the roads would reopen",
                    "indirect",
                    "issued_saying",
                )
            ],
        ),
        # ... and a document's author, not the document, is the speaker; the issuing verb and the
        # noun join the cue, as PolNeAR marks it
        (
            "The governor issued a statement saying the bridge would reopen.",
            [
                (
                    "The governor",
                    "issued a statement saying",
                    "the bridge would reopen",
                    "indirect",
                    "issued_saying",
                )
            ],
        ),
        # a stance received: the subject is what it is about, the source follows "from"
        (
            "Their ambitious plans drew criticism from the mayor.",
            [
                (
                    "the mayor",
                    "drew criticism",
                    "Their ambitious plans",
                    "indirect",
                    "stance_received",
                )
            ],
        ),
        # the criticism has no source named; "on Monday" is trimmed, as from a speaker
        (
            "His remarks on Monday drew sharp criticism.",
            [(None, "drew sharp criticism", "His remarks", "indirect", "stance_received")],
        ),
        # a stance received: the endorser follows "of"
        (
            "The mayor won the endorsement of the teachers union.",
            [
                (
                    "the teachers union",
                    "won the endorsement",
                    "The mayor",
                    "indirect",
                    "stance_received",
                )
            ],
        ),
        # a stance noun with no owner: what it is about follows the preposition
        (
            "The criticism of his trade plan grew louder.",
            [(None, "criticism of", "his trade plan", "indirect", "stance_about")],
        ),
        # a statement issued: its issuer is the source, the participle joins the cue
        (
            "The campaign issued a statement Tuesday condemning the attack.",
            [
                (
                    "The campaign",
                    "issued a statement Tuesday condemning",
                    "the attack",
                    "indirect",
                    "issued_saying",
                )
            ],
        ),
        (
            "The mayor has made similar comments about the police.",
            [
                (
                    "The mayor",
                    "has made similar comments about",
                    "the police",
                    "indirect",
                    "issued_about",
                )
            ],
        ),
        # "in her view": the owner holds the clause around the phrase
        (
            "In her view, the tax plan would hurt working families.",
            [("her", "view", "the tax plan would hurt working families", "indirect", "in_view")],
        ),
        (
            "The only other step, in Professor Lee's view, would be more money for research.",
            [
                (
                    "Professor Lee's",
                    "view",
                    "The only other step … would be more money for research",
                    "indirect",
                    "in_view",
                )
            ],
        ),
        (
            "The council issued a statement, “We regret the delay.”",
            [
                (
                    "The council",
                    "issued a statement",
                    "“We regret the delay.”",
                    "direct",
                    "issued_quote",
                )
            ],
        ),
        (
            "The mayor renewed her threats to close the harbor.",
            [("The mayor", "threats", "to close the harbor", "indirect", "owned_noun_infinitive")],
        ),
    ],
)
def test_nouns(text_in: str, expected: list[Row], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == expected
