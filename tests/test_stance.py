"""Stance toward targets and parties: the words that decide it, negation, contrast, the interface."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

from research import stance
from research.io import read_articles
from research.lexicons import LexiconError, StanceCue, load_stance_cues, load_targets
from research.pipeline import Analysis, Lexicons, analyze, load_lexicons
from research.schema import Span

DEAL, WITHDRAWAL = "safe-exit deal", "withdrawal"
US, REBELS = "United States", "Rebels / opposition"


def decide(text: str, lexicons: Lexicons, *, cue: Span | None = None) -> dict[str, stance.Stance]:
    """Stances of `text` read as one statement's whole content, by target."""
    content = [Span(0, len(text))] if cue is None else _around(text, cue)
    backend = stance.get_backend("lexicon", cues=lexicons.stance_cues, tags=lexicons.tags)
    found = stance.detect_stances(
        text,
        content,
        targets=lexicons.targets,
        parties=lexicons.parties,
        backend=backend,
        cue=cue,
    )
    return {s.target: s for s in found}


def _around(text: str, cue: Span) -> list[Span]:
    return [Span(0, cue.start).stripped(text), Span(cue.end, len(text)).stripped(text)]


def evidence(found: stance.Stance, text: str) -> list[str]:
    return [e.span.text(text) for e in found.evidence]


@pytest.mark.parametrize(
    ("text_in", "target", "label", "words"),
    [
        ("a rebel withdrawal from Aleppo was “unacceptable”", WITHDRAWAL, "against", ["unacceptable"]),
        # the rebels are named, but the verdict is on the withdrawal they would make
        ("a rebel withdrawal from Aleppo was “unacceptable”", REBELS, "neutral", []),
        ("no deal had been reached, in part due to Washington’s intransigence", US, "against", ["intransigence"]),
        ("no deal had been reached, in part due to Washington’s intransigence", DEAL, "neutral", []),
        ("largely because the United States insists on unacceptable terms", US, "against", ["unacceptable"]),
        ("Moscow welcomed the proposal for a safe exit", DEAL, "favor", ["welcomed"]),
        # a verb's stance goes to its object, not its subject ...
        ("Washington rejected the deal outright", DEAL, "against", ["rejected"]),
        ("Washington rejected the deal outright", US, "neutral", []),
        # ... except for verbs whose stance is about their agent
        ("the rebels violated the truce twice", REBELS, "against", ["violated"]),
        ("the rebels violated the truce twice", DEAL, "neutral", []),
        ("opposition forces remained capable of pushing back advances", REBELS, "favor", ["capable"]),
        ("the talks were held in Geneva", DEAL, None, []),  # mentions nothing: no stance at all
    ],
)  # fmt: skip
def test_stance_words_decide_the_label(
    text_in: str, target: str, label: str | None, words: list[str], lexicons: Lexicons
) -> None:
    found = decide(text_in, lexicons)
    if label is None:
        assert target not in found
        return
    assert found[target].label == label
    assert evidence(found[target], text_in) == words


@pytest.mark.parametrize(
    ("text_in", "label", "words"),
    [
        ("the deal is acceptable", "favor", ["acceptable"]),
        ("the deal is not acceptable", "against", ["not acceptable"]),
        ("the deal isn’t acceptable to anyone", "against", ["isn’t acceptable"]),
        ("the deal is never acceptable", "against", ["never acceptable"]),
        ("Damascus did not reject the deal", "favor", ["not reject"]),
        ("there was no support for the deal", "against", ["no support"]),
        ("the deal is not unacceptable", "favor", ["not unacceptable"]),
        # the negator is more than three words before the cue: out of its window
        ("the deal is not something anyone would call acceptable", "favor", ["acceptable"]),
        # "not" in another clause does not reach the cue
        ("the deal was not signed, and it is acceptable", "favor", ["acceptable"]),
    ],
)
def test_negation_flips_within_its_window(
    text_in: str, label: str, words: list[str], lexicons: Lexicons
) -> None:
    found = decide(text_in, lexicons)[DEAL]
    assert (found.label, evidence(found, text_in)) == (label, words)


@pytest.mark.parametrize(
    ("text_in", "label", "words"),
    [
        # after "but" the later clause decides, even with no mention of its own
        ("the deal is welcome, but it is unacceptable", "against", ["unacceptable"]),
        ("the deal is flawed but welcome", "favor", ["welcome"]),
        ("the deal is unacceptable, however welcome its aims", "favor", ["welcome"]),
        # the clause "although" opens yields to the other
        ("although the deal is flawed, it is welcome", "favor", ["welcome"]),
        ("the deal is welcome although it is flawed", "favor", ["welcome"]),
        # "has yet to" is an adverb, not a contrast: both cues stand and cancel out
        ("the deal was welcomed and has yet to prove unacceptable", "neutral", ["welcomed", "unacceptable"]),
        ("the deal is welcome, yet it is unacceptable", "against", ["unacceptable"]),
        ("the deal is welcome and it is unacceptable", "neutral", ["welcome", "unacceptable"]),
    ],
)  # fmt: skip
def test_contrast_gives_the_later_clause_precedence(
    text_in: str, label: str, words: list[str], lexicons: Lexicons
) -> None:
    found = decide(text_in, lexicons)[DEAL]
    assert (found.label, evidence(found, text_in)) == (label, words)


def test_the_reporting_cue_can_take_a_side(lexicons: Lexicons) -> None:
    passive = "Rebel groups have been accused of firing on civilians."
    cue = Span(passive.index("have"), passive.index(" of"))
    assert decide(passive, lexicons, cue=cue)[REBELS].label == "against"
    active = "Moscow blamed Washington for the collapse of the deal."
    found = decide(active, lexicons, cue=Span(7, 13))
    assert found[US].label == "against"
    assert evidence(found[US], active) == ["blamed"]
    assert found["Russia"].label == "neutral"  # the subject is not what it blames


def test_sources_are_not_stance_targets(lexicons: Lexicons) -> None:
    text = "Reuters and the monitors welcomed the deal"
    mentions = stance.find_mentions(
        text, [Span(0, len(text))], targets=lexicons.targets, parties=lexicons.parties
    )
    assert [(m.target, m.kind, m.span.text(text)) for m in mentions] == [(DEAL, "target", "deal")]


def test_stance_record_is_json_ready_with_offsets(lexicons: Lexicons) -> None:
    text = "the withdrawal is not acceptable"
    [found] = decide(text, lexicons).values()
    assert stance.stance_record(found, text) == {
        "target": WITHDRAWAL,
        "kind": "target",
        "label": "against",
        "mention": {"start": 4, "end": 14, "text": "withdrawal"},
        "evidence": [
            {"start": 18, "end": 32, "text": "not acceptable", "effect": "against", "lemma": "acceptable"}
        ],
    }  # fmt: skip


class _AlwaysFavor:
    """A stand-in for a model backend: favors everything, to show the pipeline uses the interface."""

    name = "always-favor"

    def decide(
        self,
        text: str,
        content: Sequence[Span],
        mentions: Sequence[stance.Mention],
        *,
        cue: Span | None = None,
    ) -> list[stance.Stance]:
        first = {m.target: m for m in reversed(mentions)}
        return [stance.Stance(m.target, m.kind, "favor", 1, m.span, ()) for m in first.values()]


def test_a_backend_plugs_in_by_name(
    monkeypatch: pytest.MonkeyPatch, bundled: Path, lexicons: Lexicons
) -> None:
    monkeypatch.setitem(stance.BACKENDS, "always-favor", lambda cues, tags=None: _AlwaysFavor())
    found = analyze(read_articles([bundled]), lexicons, stance_backend="always-favor").stances
    assert not found.empty and set(found["label"]) == {"favor"}
    with pytest.raises(ValueError, match=r"unknown stance backend 'bert' \(known: lexicon"):
        stance.get_backend("bert", cues=lexicons.stance_cues)


# --- the bundled article ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysis(bundled: Path, lexicons: Lexicons) -> Analysis:
    return analyze(read_articles([bundled]), lexicons)


def stances_of(analysis: Analysis, speaker: str) -> pd.DataFrame:
    found = analysis.stances
    return found[found["speaker"].fillna("").str.contains(speaker, regex=False)]


def test_malhees_is_against_the_withdrawal_not_the_rebels(analysis: Analysis) -> None:
    malhees = stances_of(analysis, "Malhees").set_index("target")
    assert malhees.loc[WITHDRAWAL, "label"] == "against"
    assert malhees.loc[WITHDRAWAL, "evidence"] == "unacceptable"


def test_ryabkov_is_against_the_united_states_twice(analysis: Analysis, bundled_text: str) -> None:
    ryabkov = stances_of(analysis, "Ryabkov")
    against_us = ryabkov[(ryabkov["target"] == US) & (ryabkov["label"] == "against")]
    assert sorted(against_us["evidence"]) == ["intransigence", "unacceptable"]
    for spans, words in zip(against_us["evidence_spans"], against_us["evidence"], strict=True):
        [(start, end)] = spans
        assert bundled_text[start:end] == words
    assert set(ryabkov.loc[ryabkov["target"] == DEAL, "label"]) == {"neutral"}


def test_statements_carry_their_stance_list(analysis: Analysis) -> None:
    statements = analysis.statements
    [malhees] = statements.loc[
        statements["speaker"].eq("Amin Malhees") & statements["cue"].eq("said"), "stance"
    ]
    [withdrawal] = [s for s in malhees if s["target"] == WITHDRAWAL]
    assert withdrawal["label"] == "against"
    assert [e["text"] for e in withdrawal["evidence"]] == ["unacceptable"]


# --- the lexicons -------------------------------------------------------------------------------


def test_stance_lexicon_cites_every_entry() -> None:
    cues = load_stance_cues()
    assert cues.cues["unacceptable"] == StanceCue("against", "unacceptable")
    assert cues.cues["welcomed"] == StanceCue("favor", "welcome")
    assert cues.cues["violated"].about == "agent"  # "the rebels violated the truce"
    assert "opposition" not in cues.cues  # a party's name, not a stance
    assert {"not", "never", "no", "isn't"} <= cues.negators
    assert cues.window == 3


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('[[cue]]\nlemma = "good"\nstance = "favor"\nsorces = ["x"]\n', "cue #1: unknown key 'sorces'"),
        ('[[cue]]\nlemma = "good"\nstance = "pro"\nsources = ["x"]\n', "stance must be one of favor, against"),
        ('[[cue]]\nlemma = "good"\nstance = "favor"\nsources = ["y"]\n', "source 'y' is not in meta.sources"),
        ("[negation]\nwindow = 0\n", "window must be a positive whole number"),
    ],
)  # fmt: skip
def test_stance_lexicon_errors_name_the_file(tmp_path: Path, toml: str, problem: str) -> None:
    path = tmp_path / "my-stance.toml"
    path.write_text('[meta.sources]\nx = "a source"\n' + toml, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"my-stance\.toml") as error:
        load_stance_cues(path)
    assert problem in str(error.value)


def test_a_story_lexicon_brings_its_own_targets(tmp_path: Path) -> None:
    story = tmp_path / "story.toml"
    story.write_text(
        '[[party]]\nname = "Harbour council"\nnames = ["harbour council"]\n\n'
        '[[target]]\nname = "ferry plan"\nterms = ["ferry plan", "ferries"]\n',
        encoding="utf-8",
    )
    assert [t.name for t in load_targets(story).targets] == ["ferry plan"]
    lexicons = load_lexicons(parties_path=story)
    text = "the harbour council said the ferry plan was a good one"
    found = decide(text, lexicons)
    assert found["ferry plan"].label == "favor"
    assert DEAL not in found

    parties_only = tmp_path / "parties.toml"
    parties_only.write_text('[[party]]\nname = "X"\nnames = ["x"]\n', encoding="utf-8")
    assert [t.name for t in load_targets(parties_only).targets] == [DEAL, WITHDRAWAL]


@pytest.mark.parametrize(
    ("text_in", "target", "label", "words"),
    [
        # the agent of an evaluative verb is not its target, even when the object is no mention
        ("Moscow condemned the attack on the convoy", "Russia", "neutral", []),
        ("Moscow condemned the attack by the rebels", REBELS, "against", ["condemned"]),
        ("Moscow condemned the attack by the rebels", "Russia", "neutral", []),
        # in the passive the object comes first
        ("the deal was rejected by Damascus", DEAL, "against", ["rejected"]),
        ("the deal was rejected by Damascus", "Syrian government", "neutral", []),
        # a cue asked for and then refused flips, however far the refusal stands
        ("Washington was asked to endorse the deal, but it said no", DEAL, "against", ["endorse the deal, but it said no"]),
        ("Washington was asked to endorse the deal and it did", DEAL, "favor", ["endorse"]),
    ],
)  # fmt: skip
def test_agents_passives_and_refusals(
    text_in: str, target: str, label: str, words: list[str], lexicons: Lexicons
) -> None:
    found = decide(text_in, lexicons)
    assert (found[target].label, evidence(found[target], text_in)) == (label, words)


def test_the_portrayal_backend_speaks_where_the_lexicon_is_silent_about_a_party(
    lexicons: Lexicons,
) -> None:
    backend = stance.get_backend("lexicon+portrayal", cues=lexicons.stance_cues, tags=lexicons.tags)

    def decided(text: str) -> dict[str, stance.Stance]:
        found = stance.detect_stances(
            text,
            [Span(0, len(text))],
            targets=lexicons.targets,
            parties=lexicons.parties,
            backend=backend,
        )
        return {s.target: s for s in found}

    praised = "Washington has shown courage and wisdom"
    found = decided(praised)[US]
    assert found.label == "favor"
    assert "courage" in evidence(found, praised)
    assert {e.lemma for e in found.evidence} == {"portrayal"}
    # where the stance words decide, they still do, and targets keep the lexicon's decision
    rejected = "Washington rejected the deal outright"
    assert decided(rejected)[DEAL].label == "against"
    # the lexicon's verb rule leaves the agent silent, so the portrayal speaks, and it reads the
    # agent of a negative verb as negative (a known limit of the model, see model.md)
    agent = decided(rejected)[US]
    assert (agent.label, {e.lemma for e in agent.evidence}) == ("against", {"portrayal"})
