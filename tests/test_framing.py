"""Framing signals: hedges and the statements they qualify, labels and the parties they name, and
the reporting verb's class, on text written here and on the bundled article."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research import framing
from research.io import read_articles
from research.lexicons import (
    LexiconError,
    load_hedges,
    load_labels,
    singular,
    trie_alternation,
)
from research.pipeline import Analysis, Lexicons, analyze
from research.schema import UNRESOLVED, Span

GOVERNMENT, REBELS = "Syrian government", "Rebels / opposition"


def whole(text: str) -> list[Span]:
    return [Span(0, len(text))]


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def statement(text: str, speaker: str | None, cue: str, content: str) -> framing.Attributed:
    return framing.Attributed(
        span_of(text, speaker) if speaker else None, span_of(text, cue), (span_of(text, content),)
    )


# --- hedges ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("Fighters would reportedly be permitted to leave.", [("reportedly", "adverb")]),
        ("UN monitoring is supposedly included in the terms.", [("supposedly", "adverb")]),
        ("The specifics are said to include clauses on Idlib.", [("are said to", "passive_report")]),
        ("Troops are now said to control 85 percent of the east.", [("are now said to", "passive_report")]),
        ("Two commanders were allegedly killed in the raid.", [("allegedly", "adverb")]),
        ("The so-called corridor opened at dawn.", [("so-called", "adjective")]),
        ("He said, without evidence, that the convoy was armed.", [("without evidence", "evidence_qualifier")]),
        ("Residents fled amid claims that the dam had burst.", [("claims that", "noun")]),
        # not hedges: a report to someone, an obligation, the month
        ("The attack was reported to the police on Monday.", []),
        ("Civilians are supposed to leave by noon.", []),
        ("In May the talks resumed in Geneva.", []),
        ("The talks may resume in Geneva.", [("may", "modal")]),
    ],
)  # fmt: skip
def test_hedges_found(text_in: str, expected: list[tuple[str, str]]) -> None:
    found = framing.find_hedges(text_in, whole(text_in), load_hedges())
    assert [(h.span.text(text_in), h.hedge.kind) for h in found] == expected


def test_hedge_inside_a_statement_qualifies_it() -> None:
    text = "Ryabkov reportedly said that the talks had failed."
    said = statement(text, "Ryabkov", "said", "the talks had failed")
    [hedge] = framing.find_hedges(text, whole(text), load_hedges(), statements=[said])
    assert (hedge.span.text(text), hedge.statement) == ("reportedly", 0)


def test_sentence_initial_hedge_qualifies_the_statement_it_introduces() -> None:
    text = "Reportedly, Ryabkov said that the talks had failed."
    said = statement(text, "Ryabkov", "said", "the talks had failed")
    [hedge] = framing.find_hedges(text, whole(text), load_hedges(), statements=[said])
    assert hedge.statement == 0


def test_hedge_across_a_clause_boundary_does_not_qualify_the_statement() -> None:
    text = "The terms are said to cover gunmen, who rebel leaders say are few."
    leaders = statement(text, "rebel leaders", "say", "are few")
    [hedge] = framing.find_hedges(text, whole(text), load_hedges(), statements=[leaders])
    assert (hedge.span.text(text), hedge.statement) == ("are said to", None)


def test_hedge_of_an_anonymous_statement_is_its_own_cue() -> None:
    text = "The terms are said to cover gunmen in the east."
    anonymous = framing.Attributed(
        None, span_of(text, "are said"), (span_of(text, "The terms"), span_of(text, "to cover"))
    )
    [hedge] = framing.find_hedges(text, whole(text), load_hedges(), statements=[anonymous])
    assert (hedge.span.text(text), hedge.statement) == ("are said to", 0)


def test_hedged_sentence_without_statement_is_reported_with_its_sentence() -> None:
    text = "Talks resumed. Fighters would reportedly be permitted to leave."
    sentences = [Span(0, 14), Span(15, len(text))]
    [hedge] = framing.find_hedges(text, sentences, load_hedges())
    assert (hedge.sentence, hedge.statement) == (1, None)


def test_a_named_speakers_own_verb_is_not_a_hedge() -> None:
    text = "Ryabkov claims that the deal is dead."
    claims = statement(text, "Ryabkov", "claims", "the deal is dead")
    assert framing.find_hedges(text, whole(text), load_hedges(), statements=[claims]) == []


# --- labels ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("Regime troops shelled the district.", [("Regime", GOVERNMENT), ("troops", GOVERNMENT)]),
        ("The Syrian government said it would provide buses.", [("government", GOVERNMENT)]),
        ("Gunmen from the Army of Mujahedeen held the road.", [("Gunmen", REBELS)]),
        ("Fighters from other opposition groups would leave.", [("Fighters", REBELS), ("opposition", REBELS)]),
        ("They entered regime-controlled Aleppo.", [("regime", GOVERNMENT)]),
        ("Troops loyal to President Bashar al-Assad advanced.", [("Troops", GOVERNMENT)]),
        ("It said so, according to Russian state affiliated news agency RIA Novosti.", [("state affiliated", "Russia")]),
        ("The militants withdrew to the hills.", [("militants", REBELS)]),
        ("A rebel commander spoke to reporters.", [("rebel", REBELS)]),
        # singular of a plural label only where the lexicon allows it: "force" is not "forces"
        ("They took the city by force.", []),
        # a label naming no party in its own phrase is about the nearest party mentioned ...
        ("The insurgents, hardliners all, were silent.", [("insurgents", REBELS), ("hardliners", REBELS)]),
        ("Hardliners in Moscow and Damascus said no.", [("Hardliners", "Russia")]),
        # ... and with no party in its sentence it is counted as unresolved
        ("The hardliners were silent.", [("hardliners", UNRESOLVED)]),
    ],
)  # fmt: skip
def test_labels_and_the_parties_they_name(
    text_in: str, expected: list[tuple[str, str]], lexicons: Lexicons
) -> None:
    found = framing.find_labels(text_in, whole(text_in), load_labels(), lexicons.parties)
    assert [(f.span.text(text_in), f.party) for f in found] == expected


def test_labels_inside_quotation_marks_are_the_speakers_not_the_authors(
    lexicons: Lexicons,
) -> None:
    text = "“We will not negotiate with militants,” the minister said of the rebels."
    quotes = [Span(0, text.index("”") + 1)]
    found = framing.find_labels(text, whole(text), load_labels(), lexicons.parties, quotes=quotes)
    assert [f.span.text(text) for f in found] == ["rebels"]
    with_quoted = framing.find_labels(
        text, whole(text), load_labels(), lexicons.parties, quotes=quotes, include_quoted=True
    )
    assert [f.span.text(text) for f in with_quoted] == ["militants", "rebels"]


def test_label_in_reported_speech_names_its_statement(lexicons: Lexicons) -> None:
    text = "The regime shelled the city, the monitors said that the rebels had fled."
    monitors = statement(text, "the monitors", "said", "the rebels had fled")
    found = framing.find_labels(
        text, whole(text), load_labels(), lexicons.parties, statements=[monitors]
    )
    assert [(f.label.text, f.statement) for f in found] == [("regime", None), ("rebels", 0)]


# --- the lexicon loaders --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plural", "expected"),
    [("rebels", "rebel"), ("gunmen", "gunman"), ("authorities", "authority"),
     ("armed groups", "armed group"), ("state media", "state media"), ("mob", "mob")],
)  # fmt: skip
def test_singular_of_a_group_label(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_label_lexicon_forms() -> None:
    labels = {label.text: label for label in load_labels().labels}
    assert labels["rebels"].forms == ("rebels", "rebel")
    assert labels["forces"].forms == ("forces",)  # `forms = []`: "force" is not a label
    assert labels["regime"].connotation == "negative"
    assert labels["state-affiliated"].refers_to == "state_media"


@pytest.mark.parametrize(
    ("loader", "entry", "problem"),
    [
        (load_hedges, '[[hedge]]\ntext = "reportedly"\nkind = "adverb"\nscope = "attribution"\nsource = ["x"]\n', "hedge #1: unknown key 'source'"),
        (load_hedges, '[[hedge]]\ntext = "reportedly"\nkind = "adverbial"\nscope = "attribution"\nsources = ["x"]\n', "kind must be one of adverb"),
        (load_labels, '[[label]]\ntext = "regime"\nrefers_to = "government"\nconnotation = "bad"\nsources = ["x"]\n', "connotation must be one of negative"),
        (load_labels, '[[label]]\ntext = "regime"\nrefers_to = "government"\nconnotation = "negative"\n', "label #1: needs sources"),
    ],
)  # fmt: skip
def test_lexicon_errors_name_the_file_and_entry(
    tmp_path: Path, loader: Callable[[Path], object], entry: str, problem: str
) -> None:
    path = tmp_path / "mine.toml"
    meta = (
        '[meta.sources]\nx = "a source"\n[meta.kinds]\nadverb = "."\n[meta.scopes]\nattribution = "."\n'
        '[meta.slots]\ngovernment = "."\n[meta.connotations]\nnegative = "."\n'
    )
    path.write_text(meta + entry, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"mine\.toml") as error:
        loader(path)
    assert problem in str(error.value)


# --- the bundled article --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysis(bundled: Path, lexicons: Lexicons) -> Analysis:
    return analyze(read_articles([bundled]), lexicons)


def test_reporting_verbs_have_their_class(analysis: Analysis) -> None:
    statements = analysis.statements
    malhees = statements[statements["speaker"] == "Amin Malhees"].set_index("cue")
    assert malhees.loc["claiming", "verb_class"] == "distancing"
    assert malhees.loc["said", "verb_class"] == "neutral"
    assert malhees.loc["claiming", "cue_lemma"] == "claim"


def test_bundled_hedges_and_what_they_qualify(analysis: Analysis, bundled_text: str) -> None:
    hedges = analysis.hedges
    assert {"reportedly", "supposedly", "are said to", "are now said to"} <= set(hedges["text"])
    for row in hedges.itertuples():
        assert bundled_text[row.start : row.end] == row.text
        assert row.text in row.sentence_text
    # "are said to" qualifies the statement with no named source whose cue it is
    said = analysis.hedges[analysis.hedges["text"] == "are said to"].iloc[0]
    qualified = analysis.statements.loc[said["statement"]]
    assert pd.isna(qualified["speaker"])
    assert "The specifics of the deal" in qualified["content"]
    assert [h["text"] for h in qualified["hedges"]] == ["are said to"]
    # the repeated paragraph's "reportedly" is counted once
    assert (analysis.hedges["text"] == "reportedly").sum() == 1


def test_bundled_labels_per_party(analysis: Analysis, bundled_text: str) -> None:
    labels = analysis.labels
    counts = labels.groupby(["party", "label"]).size()
    assert counts[(GOVERNMENT, "regime")] == 4
    assert counts[("Russia", "state-affiliated")] == 1
    assert counts[(REBELS, "gunmen")] == 1
    # Ryabkov's "militants" is inside his quotation: his word, not the author's
    assert "militants" not in set(labels["label"])
    for row in labels.itertuples():
        assert bundled_text[row.start : row.end] == row.text


@settings(max_examples=300, deadline=None)
@given(
    forms=st.lists(st.text(alphabet="ab -", min_size=1, max_size=6), min_size=1, max_size=8),
    text=st.text(alphabet="ab -.", max_size=40),
)
def test_trie_alternation_matches_as_the_longest_first_alternation(
    forms: list[str], text: str
) -> None:
    forms = [f for f in forms if f.strip()]
    plain = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True)) or "(?!)"
    trie = trie_alternation([re.escape(c) for c in f] for f in forms)
    expected = [m.span() for m in re.finditer(rf"(?<!\w)(?:{plain})(?!\w)", text)]
    assert [m.span() for m in re.finditer(rf"(?<!\w)(?:{trie})(?!\w)", text)] == expected
