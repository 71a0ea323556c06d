"""The rules for passives, raising verbs and questions: "is said to", "seemed to", "was asked whether".

Each row: a text and every statement found in it, as (speaker, cue, content, kind, rule)."""

from __future__ import annotations

import pytest
from rows import Row, statements_in

from research.pipeline import Lexicons


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # anonymous: a passive report with no agent; the subject joins the content
        (
            "The convoys are said to carry food for 40,000 people.",
            [
                (
                    None,
                    "are said",
                    "The convoys … to carry food for 40,000 people",
                    "indirect",
                    "passive",
                )
            ],
        ),
        # a passive with its agent after "by"
        (
            "The truce is viewed as fragile by analysts.",
            [("analysts", "is viewed", "The truce … as fragile", "indirect", "passive")],
        ),
        # raising verbs report how a thing seems, with no source named
        (
            "The ceasefire seemed to hold overnight.",
            [(None, "seemed", "The ceasefire … to hold overnight", "indirect", "raising")],
        ),
        # ... with an adjective for a complement, or after "it" a clause
        (
            "The truce seemed fragile after the shelling resumed.",
            [
                (
                    None,
                    "seemed",
                    "The truce … fragile after the shelling resumed",
                    "indirect",
                    "raising",
                )
            ],
        ),
        (
            "It seems the council has run out of options.",
            [(None, "seems", "the council has run out of options", "indirect", "raising")],
        ),
        # a passive with nothing reported after it: its subject is the content
        (
            "The ceasefire was announced on Tuesday.",
            [(None, "was announced", "The ceasefire", "indirect", "passive_subject")],
        ),
        (
            "The harbor plan was endorsed by the mayor.",
            [("the mayor", "was endorsed", "The harbor plan", "indirect", "passive_subject")],
        ),
        # the question put to a speaker is the asker's statement
        (
            "Asked by the Courier whether the talks failed, the envoy said no.",
            [
                ("the Courier", "Asked", "whether the talks failed", "indirect", "asked"),
                ("the envoy", "said", "no", "indirect", "forward"),
            ],
        ),
        (
            "Her plans were reported in the local press.",
            [(None, "were reported", "Her plans", "indirect", "passive_subject")],
        ),
        # the question put after a scene, and a passive "was asked"
        (
            "Asked in Dayton on Monday whether he would run, Ruiz said no.",
            [
                (None, "Asked", "whether he would run", "indirect", "asked"),
                ("Ruiz", "said", "no", "indirect", "forward"),
            ],
        ),
        (
            "The mayor was asked whether the roads would reopen.",
            [(None, "was asked", "whether the roads would reopen", "indirect", "asked")],
        ),
        # a final "according to" reports the whole clause, statements inside it included
        (
            "Voters in the county seem keen on Okafor, according to the Harlow Post.",
            [
                (None, "seem", "Voters in the county … keen on Okafor", "indirect", "raising"),
                (
                    "the Harlow Post",
                    "according to",
                    "Voters in the county seem keen on Okafor",
                    "indirect",
                    "according_to_after",
                ),
            ],
        ),
        (
            "The governor is widely seen as a likely candidate.",
            [
                (
                    None,
                    "is widely seen as",
                    "The governor … a likely candidate",
                    "indirect",
                    "passive",
                )
            ],
        ),
        # a participle that is never a past tense is passive; an aside ends at its comma
        (
            "The group, known as the Harbor Caucus, met on Monday.",
            [(None, "known as", "The group … the Harbor Caucus", "indirect", "passive")],
        ),
        # a passive with its agent, past an adverb or a modal
        (
            "Her proposal was sharply criticized by farmers.",
            [("farmers", "was sharply criticized", "Her proposal", "indirect", "passive_subject")],
        ),
        (
            "The treaty might be rejected by the senate.",
            [("the senate", "might be rejected", "The treaty", "indirect", "passive_subject")],
        ),
        # a reputation: "for" joins the cue, as "as" does
        (
            "The mayor is best known for her fight with the county.",
            [(None, "known for", "The mayor … her fight with the county", "indirect", "passive")],
        ),
        # "first" between the auxiliary and the cue: still a passive with its agent
        (
            "The merger talks were first reported by the Courier.",
            [
                (
                    "the Courier",
                    "were first reported",
                    "The merger talks",
                    "indirect",
                    "passive_subject",
                )
            ],
        ),
        (
            "The mayor was asked, “Will the harbor close?”",
            [(None, "was asked", "“Will the harbor close?”", "direct", "asked_quote")],
        ),
    ],
)
def test_passives(text_in: str, expected: list[Row], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == expected
