"""Tests for research.evaluate on small invented brat fixtures (tests/fixtures/brat).

The fixtures hold three made-up news paragraphs: harbor_vote (plain .ann name, a content of two
quoted fragments), school_budget (two annotators, Content2, a span written across a line break,
an event without content) and coastal_rain (no attributions). Expected numbers are counted by hand
from those texts.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from research.evaluate import (
    AnnotationError,
    Evaluation,
    GoldCorpus,
    PredictionError,
    evaluate_statements,
    format_report,
    gold_spans,
    normalize_fragments,
    parse_ann,
    predictions_frame,
    predictions_from_statements,
    read_brat_corpus,
    read_predictions,
    relations_frame,
)

FIXTURES = Path(__file__).parent / "fixtures" / "brat"


@pytest.fixture(scope="module")
def gold() -> GoldCorpus:
    return read_brat_corpus(FIXTURES)


def span(gold: GoldCorpus, doc: str, needle: str, nth: int = 0, *, trim: int = 0) -> dict[str, Any]:
    """The nth occurrence of `needle` in `doc` as a span, with `trim` chars cut off its end."""
    start = -1
    for _ in range(nth + 1):
        start = gold.texts[doc].index(needle, start + 1)
    end = start + len(needle) - trim
    return {"start": start, "end": end, "text": gold.texts[doc][start:end]}


def statement(
    gold: GoldCorpus, doc: str, speaker: str | None, cue: str, *content: str, nth: int = 0
) -> dict[str, Any]:
    return {
        "doc": doc,
        "speaker": None if speaker is None else span(gold, doc, speaker, nth),
        "cue": span(gold, doc, cue),
        "content": [span(gold, doc, part) for part in content],
        "kind": "indirect",
    }


def perfect(gold: GoldCorpus) -> list[dict[str, Any]]:
    """The seven gold relations, written as predictions by hand."""
    return [
        statement(
            gold, "harbor_vote", "Mayor Lena Ortiz", "said", "the harbor plan would create 400 jobs"
        ),
        statement(
            gold,
            "harbor_vote",
            "Ortiz",
            "told",
            '"We are not going to wait,"',
            '"The money is already there."',
            nth=1,
        ),
        statement(gold, "harbor_vote", "Critics", "believe", 'the vote was "rushed"'),
        statement(gold, "harbor_vote", "they", "have promised", "to sue"),
        statement(
            gold,
            "school_budget",
            "the district\u2019s auditor",
            "According to",
            "spending on buses rose by a third",
        ),
        statement(
            gold,
            "school_budget",
            "the superintendent",
            "wrote",
            "“This is a hard year,”",
            "“But our classrooms will stay open\nthrough June.”",
        ),
        statement(gold, "school_budget", None, "is widely expected", "that the levy will pass"),
    ]


def score(gold: GoldCorpus, records: list[dict[str, Any]], **options: Any) -> Evaluation:
    return evaluate_statements(gold, predictions_frame(records), **options)


def role_row(evaluation: Evaluation, role: str, match: str) -> dict[str, Any]:
    rows = evaluation.roles[
        (evaluation.roles["role"] == role) & (evaluation.roles["match"] == match)
    ]
    assert len(rows) == 1
    return {str(key): value for key, value in rows.iloc[0].to_dict().items()}


# ---------------------------------------------------------------------------------------------
# Reading gold


def test_reads_every_document_and_relation(gold: GoldCorpus) -> None:
    assert sorted(gold.texts) == ["coastal_rain", "harbor_vote", "school_budget"]
    counts = gold.relations.groupby("doc").size().to_dict()
    assert counts == {"harbor_vote": 4, "school_budget": 3}
    assert gold.annotators == {
        "coastal_rain": ("a1f0",),
        "harbor_vote": ("",),
        "school_budget": ("a1f0", "zz99"),
    }
    assert gold.dropped[["doc", "relation_id", "reason"]].values.tolist() == [
        ["school_budget", "E4", "no content"]
    ]


def test_texts_keep_their_characters(gold: GoldCorpus) -> None:
    # A curly apostrophe is one Python character, and the newline stays in place.
    assert gold.texts["school_budget"].count("\n") == 6
    assert "district\u2019s" in gold.texts["school_budget"]


@pytest.mark.parametrize(
    ("doc", "relation_id", "role", "expected"),
    [
        ("harbor_vote", "E1", "source", ["Mayor Lena Ortiz"]),
        ("harbor_vote", "E1", "content", ["the harbor plan would create 400 jobs"]),
        ("harbor_vote", "E2", "source", ["Ortiz"]),
        (
            "harbor_vote",
            "E2",
            "content",
            ['"We are not going to wait,"', '"The money is already there."'],
        ),
        ("harbor_vote", "E4", "cue", ["have promised"]),
        ("school_budget", "E1", "source", ["the district\u2019s auditor"]),
        (
            "school_budget",
            "E2",
            "content",
            ["“This is a hard year,”", "“But our classrooms will stay open\nthrough June.”"],
        ),
        ("school_budget", "E3", "source", []),
        ("school_budget", "E3", "cue", ["is widely expected"]),
    ],
)
def test_gold_span_text(
    gold: GoldCorpus, doc: str, relation_id: str, role: str, expected: list[str]
) -> None:
    spans = gold_spans(gold)
    chosen = spans[
        (spans["doc"] == doc) & (spans["relation_id"] == relation_id) & (spans["role"] == role)
    ]
    assert chosen.sort_values("start")["text"].tolist() == expected


def test_several_annotators_can_be_refused() -> None:
    with pytest.raises(AnnotationError, match="school_budget has several"):
        read_brat_corpus(FIXTURES, multiple_annotators="error")


def test_text_without_annotations_is_listed_and_refused_in_predictions(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    (tmp_path / "text" / "lonely.txt").write_text("Nobody spoke.\n", encoding="utf-8")
    gold = read_brat_corpus(tmp_path)
    assert gold.unannotated == ("lonely",)
    assert "lonely" not in gold.texts
    record: dict[str, Any] = {"doc": "lonely", "speaker": None, "cue": None, "content": []}
    with pytest.raises(PredictionError, match=r"'lonely' is not in the gold corpus \(its text"):
        evaluate_statements(gold, predictions_frame([record]))


def test_annotations_without_text_are_refused(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    (tmp_path / "attributions" / "ghost_b7b7.ann").write_text("", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"ghost_b7b7\.ann: no text file"):
        read_brat_corpus(tmp_path)


def test_missing_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AnnotationError, match="DIR/text, DIR/attributions"):
        read_brat_corpus(tmp_path)


TEXT = "Ann said no.\n"  # Ann 0-3, said 4-8, no 9-11


@pytest.mark.parametrize(
    ("ann", "line", "problem"),
    [
        ("T1\tSource 0 3 Ann\n", 1, "malformed text-bound line"),
        ("T1\tSource 0 30\tAnn\n", 1, "outside the text"),
        ("T1\tSource 0 3\tBob\n", 1, "differs from the document"),
        ("T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Cue:T1 Content:T9\n", 2, "'T9', which is not"),
        ("T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Speaker:T1\n", 2, "unknown argument"),
        ("T1\tCue 4 8\tsaid\nhello\n", 2, "unexpected line"),
        ("T1\tCue 4 8\tsaid\nT1\tCue 9 11\tno\n", 2, "T1 is defined twice"),
        ("T1\tCue 4 8\tsaid\nE1 Attribution:T1\n", 2, "malformed event line"),
    ],
)
def test_malformed_ann_names_file_and_line(ann: str, line: int, problem: str) -> None:
    with pytest.raises(AnnotationError, match=problem) as raised:
        parse_ann(ann, TEXT, doc="d", origin="gold/d.ann")
    assert raised.value.line == line
    assert str(raised.value).startswith(f"gold/d.ann:{line}: ")


def test_unchecked_text_still_parses() -> None:
    relations, _ = parse_ann(
        "T1\tCue 4 8\tsayz\nT2\tContent 9 11\tno\nE1\tAttribution:T1 Cue:T1 Content:T2\n",
        TEXT,
        doc="d",
        check_text=False,
    )
    assert [(r.cue, r.content, r.source) for r in relations] == [(((4, 8),), ((9, 11),), ())]


def test_notes_and_other_brat_lines_are_skipped() -> None:
    ann = (
        "T1\tCue 4 8\tsaid\n"
        "#1\tAnnotatorNotes T1\tcheck\n"
        "A1\tNegated T1\n"
        "T2\tContent 9 11\tno\n"
        "\n"
        "E1\tAttribution-no-source:T1 Content:T2 Cue:T1\n"
    )
    relations, dropped = parse_ann(ann, TEXT, doc="d")
    assert len(relations) == 1 and dropped == []


# ---------------------------------------------------------------------------------------------
# Normalising fragments

NORMALIZE_TEXT = "  one two\nthree  "  # o=2, 'one' 2-5, 'two' 6-9, newline 9, 'three' 10-15


@pytest.mark.parametrize(
    ("fragments", "discontinuous", "expected"),
    [
        ([(0, 5)], "fragments", ((2, 5),)),  # leading white space trimmed
        ([(0, 17)], "fragments", ((2, 15),)),  # both ends trimmed
        ([(2, 9), (10, 15)], "fragments", ((2, 15),)),  # a line-break gap joins fragments
        ([(2, 5), (6, 9)], "fragments", ((2, 9),)),  # so does a space
        ([(2, 4), (6, 9)], "fragments", ((2, 4), (6, 9))),  # "e " is not only white space
        ([(6, 9), (2, 5)], "fragments", ((2, 9),)),  # order does not matter
        ([(2, 7), (4, 9)], "fragments", ((2, 9),)),  # overlapping fragments merge
        ([(5, 6)], "fragments", ()),  # white space alone is nothing
        ([(2, 4), (10, 15)], "hull", ((2, 15),)),
        ([(2, 4)], "hull", ((2, 4),)),
    ],
)
def test_normalize_fragments(
    fragments: list[tuple[int, int]], discontinuous: Any, expected: tuple[tuple[int, int], ...]
) -> None:
    assert normalize_fragments(fragments, NORMALIZE_TEXT, discontinuous=discontinuous) == expected


# ---------------------------------------------------------------------------------------------
# Scores


def test_perfect_predictions_score_one(gold: GoldCorpus) -> None:
    evaluation = score(gold, perfect(gold))
    assert (evaluation.roles[["precision", "recall", "f1"]] == 1.0).all().all()
    assert (evaluation.roles["fp"] == 0).all() and (evaluation.roles["fn"] == 0).all()
    relations = evaluation.relations.iloc[0]
    assert (relations["n_gold"], relations["n_pred"], relations["tp"]) == (7, 7, 7)
    assert relations["f1"] == 1.0 and relations["speaker_accuracy"] == 1.0
    assert evaluation.errors.empty


@pytest.mark.parametrize(
    ("role", "match", "n_gold"),
    [
        ("source", "exact", 6),  # one relation has no source
        ("cue", "exact", 7),
        ("content", "exact", 7),
        # Mayor Lena Ortiz / Ortiz / Critics / they / the district, apostrophe, s, auditor / the
        # superintendent; said / told / believe / have promised / According to / wrote / is widely
        # expected.
        ("source", "token", 13),
        ("cue", "token", 11),
        ("content", "token", 63),
    ],
)
def test_gold_counts(gold: GoldCorpus, role: str, match: str, n_gold: int) -> None:
    assert role_row(score(gold, perfect(gold)), role, match)["n_gold"] == n_gold


def test_gold_kinds_come_from_quote_marks(gold: GoldCorpus) -> None:
    by_kind = score(gold, perfect(gold)).by_kind.set_index("gold_kind")["n_gold"].to_dict()
    assert by_kind == {"direct": 2, "indirect": 4, "mixed": 1}


def test_a_missed_relation_lowers_recall_by_one_seventh(gold: GoldCorpus) -> None:
    records = [r for r in perfect(gold) if r["cue"]["text"] != "have promised"]
    evaluation = score(gold, records)
    relations = evaluation.relations.iloc[0]
    assert relations["recall"] == pytest.approx(6 / 7)
    assert relations["precision"] == 1.0
    assert role_row(evaluation, "content", "exact")["fn"] == 1
    assert role_row(evaluation, "source", "overlap")["recall"] == pytest.approx(5 / 6)
    missed = evaluation.errors
    assert missed[["error", "doc", "gold_id", "gold_content"]].values.tolist() == [
        ["missed", "harbor_vote", "E4", "to sue"]
    ]


def replace_content(gold: GoldCorpus, records: list[dict[str, Any]], i: int, *spans: Any) -> None:
    records[i] = {**records[i], "content": list(spans)}


@pytest.mark.parametrize(
    ("case", "exact_tp", "overlap_tp", "token_counts"),
    [
        # name: content exact tp, content overlap tp, content token (tp, fp, fn); 7 gold, 63 tokens
        ("perfect", 7, 7, (63, 0, 0)),
        ("cut two characters off 'jobs'", 6, 7, (63, 0, 0)),  # still touches every gold token
        ("one word short, period added", 6, 7, (62, 1, 1)),  # loses 'the', gains '.'
        ("whole sentence with the source", 6, 7, (63, 5, 0)),  # Mayor Lena Ortiz said ... '.'
        ("padded with white space", 7, 7, (63, 0, 0)),
        ("line-broken span as two fragments", 7, 7, (63, 0, 0)),
        ("quoted pair as its hull", 6, 7, (63, 4, 0)),  # Ortiz told reporters .
        ("content of another relation", 6, 6, (57, 0, 6)),  # loses the vote was " rushed "
    ],
)
def test_content_variants(
    gold: GoldCorpus,
    case: str,
    exact_tp: int,
    overlap_tp: int,
    token_counts: tuple[int, int, int],
) -> None:
    records = perfect(gold)
    harbor, budget = gold.texts["harbor_vote"], gold.texts["school_budget"]
    if case == "cut two characters off 'jobs'":
        replace_content(
            gold,
            records,
            0,
            span(gold, "harbor_vote", "the harbor plan would create 400 jobs", trim=2),
        )
    elif case == "one word short, period added":
        replace_content(
            gold, records, 0, span(gold, "harbor_vote", "harbor plan would create 400 jobs.")
        )
    elif case == "whole sentence with the source":
        replace_content(gold, records, 0, span(gold, "harbor_vote", harbor.splitlines()[0]))
    elif case == "padded with white space":
        # The space before it; the period after it is not white space, so it stays out.
        start = budget.index("that the levy will pass") - 1
        end = start + len(" that the levy will pass")
        padded = {"start": start, "end": end, "text": budget[start:end]}
        replace_content(gold, records, 6, padded)
    elif case == "line-broken span as two fragments":
        replace_content(
            gold,
            records,
            5,
            span(gold, "school_budget", "“This is a hard year,”"),
            span(gold, "school_budget", "“But our classrooms will stay open"),
            span(gold, "school_budget", "through June.”"),
        )
    elif case == "quoted pair as its hull":
        start = harbor.index('"We are')
        end = harbor.index("there.") + len('there."')
        replace_content(gold, records, 1, {"start": start, "end": end, "text": harbor[start:end]})
    elif case == "content of another relation":
        replace_content(gold, records, 2, span(gold, "harbor_vote", "to sue"))
    evaluation = score(gold, records)
    exact = role_row(evaluation, "content", "exact")
    overlap = role_row(evaluation, "content", "overlap")
    token = role_row(evaluation, "content", "token")
    assert (exact["tp"], exact["fp"], exact["fn"]) == (exact_tp, 7 - exact_tp, 7 - exact_tp)
    assert overlap["tp"] == overlap_tp
    assert (token["tp"], token["fp"], token["fn"]) == token_counts


def test_hull_option_forgives_the_gap_inside_a_discontinuous_content(gold: GoldCorpus) -> None:
    records = perfect(gold)
    harbor = gold.texts["harbor_vote"]
    start, end = harbor.index('"We are'), harbor.index("there.") + len('there."')
    replace_content(gold, records, 1, {"start": start, "end": end, "text": harbor[start:end]})
    assert role_row(score(gold, records), "content", "exact")["tp"] == 6
    assert role_row(score(gold, records, discontinuous="hull"), "content", "exact")["tp"] == 7


def test_token_overlap_rates(gold: GoldCorpus) -> None:
    records = perfect(gold)
    replace_content(
        gold, records, 0, span(gold, "harbor_vote", "harbor plan would create 400 jobs.")
    )
    token = role_row(score(gold, records), "content", "token")
    assert token["precision"] == pytest.approx(62 / 63)
    assert token["recall"] == pytest.approx(62 / 63)
    assert token["f1"] == pytest.approx(62 / 63)


def test_a_wrong_speaker_counts_against_speaker_accuracy_only(gold: GoldCorpus) -> None:
    records = perfect(gold)
    records[1] = {**records[1], "speaker": span(gold, "harbor_vote", "reporters")}
    evaluation = score(gold, records)
    relations = evaluation.relations.iloc[0]
    assert relations["recall"] == 1.0
    assert relations["speaker_correct"] == 6
    assert relations["speaker_accuracy"] == pytest.approx(6 / 7)
    assert role_row(evaluation, "source", "exact")["tp"] == 5
    wrong = evaluation.errors
    assert wrong[["error", "gold_source", "pred_speaker"]].values.tolist() == [
        ["wrong_speaker", "Ortiz", "reporters"]
    ]


@pytest.mark.parametrize(
    ("speaker", "correct", "exact"),
    [
        ("Lena Ortiz", True, False),  # shares tokens with "Mayor Lena Ortiz"
        ("Mayor Lena Ortiz", True, True),
        (None, False, False),  # gold has a source, the prediction none
    ],
)
def test_speaker_overlap_and_exactness(
    gold: GoldCorpus, speaker: str | None, correct: bool, exact: bool
) -> None:
    records = perfect(gold)
    records[0] = {
        **records[0],
        "speaker": None if speaker is None else span(gold, "harbor_vote", speaker),
    }
    matches = score(gold, records).matches.set_index(["doc", "gold_id"])
    assert matches.loc[("harbor_vote", "E1"), "speaker_correct"] == correct
    assert matches.loc[("harbor_vote", "E1"), "speaker_exact"] == exact


def test_no_source_and_no_speaker_agree(gold: GoldCorpus) -> None:
    matches = score(gold, perfect(gold)).matches.set_index(["doc", "gold_id"])
    assert bool(matches.loc[("school_budget", "E3"), "speaker_correct"])


def test_a_spurious_statement_lowers_precision(gold: GoldCorpus) -> None:
    rain = statement(gold, "coastal_rain", None, "fell", "on the coast")
    evaluation = score(gold, [*perfect(gold), rain])
    relations = evaluation.relations.iloc[0]
    assert relations["precision"] == pytest.approx(7 / 8)
    assert relations["recall"] == 1.0
    assert role_row(evaluation, "cue", "exact")["fp"] == 1
    spurious = evaluation.errors
    assert spurious[["error", "doc", "pred_id", "pred_content"]].values.tolist() == [
        ["spurious", "coastal_rain", 7, "on the coast"]
    ]


def test_outer_only_leaves_out_nested_predictions(gold: GoldCorpus) -> None:
    # "the harbor plan would create 400 jobs" read as a statement of its own, inside the mayor's
    inner = {**statement(gold, "harbor_vote", None, "would", "create 400 jobs"), "nested": True}
    everything = score(gold, [*perfect(gold), inner])
    outer = score(gold, [*perfect(gold), inner], outer_only=True)
    assert everything.relations.iloc[0]["precision"] == pytest.approx(7 / 8)
    assert outer.relations.iloc[0]["precision"] == 1.0
    assert role_row(outer, "cue", "exact")["fp"] == 0
    assert outer.errors.empty


def test_nested_must_be_true_or_false(gold: GoldCorpus) -> None:
    with pytest.raises(PredictionError, match="'nested' must be true or false"):
        predictions_frame([{**perfect(gold)[0], "nested": "yes"}])


def test_a_duplicate_prediction_is_paired_only_once(gold: GoldCorpus) -> None:
    records = perfect(gold)
    evaluation = score(gold, [*records, records[0]])
    relations = evaluation.relations.iloc[0]
    assert (relations["tp"], relations["fp"], relations["fn"]) == (7, 1, 0)
    exact = role_row(evaluation, "content", "exact")
    assert (exact["tp"], exact["fp"]) == (7, 1)


def test_one_prediction_spanning_two_gold_contents_pairs_with_one(gold: GoldCorpus) -> None:
    records = [r for r in perfect(gold) if r["doc"] != "harbor_vote" or r["speaker"] is None]
    # One statement over "the vote was "rushed" and they have promised to sue".
    wide = statement(
        gold,
        "harbor_vote",
        "Critics",
        "believe",
        'the vote was "rushed" and they have promised to sue',
    )
    evaluation = score(gold, [*records, wide])
    relations = evaluation.relations.iloc[0]
    assert (relations["tp"], relations["fn"]) == (4, 3)  # school_budget 3, plus E3
    assert evaluation.matches.loc[
        evaluation.matches["doc"] == "harbor_vote", "gold_id"
    ].tolist() == ["E3"]


def test_pairing_maximises_the_number_of_pairs(gold: GoldCorpus) -> None:
    # The wide statement overlaps E3 best, but only it can reach E4; the narrow one reaches only
    # E3. Re-pairing gives two pairs where first come, first served would give one.
    records = [r for r in perfect(gold) if r["doc"] == "school_budget"]
    wide = statement(
        gold,
        "harbor_vote",
        "Critics",
        "believe",
        'the vote was "rushed" and they have promised to sue',
    )
    narrow = statement(gold, "harbor_vote", None, "believe", "rushed")
    evaluation = score(gold, [*records, wide, narrow])
    assert evaluation.relations.iloc[0]["tp"] == 5
    assert role_row(evaluation, "content", "overlap")["tp"] == 5
    pairs = evaluation.matches.loc[evaluation.matches["doc"] == "harbor_vote"]
    assert pairs[["gold_id", "pred_id"]].values.tolist() == [["E3", 4], ["E4", 3]]


def test_equal_contents_pair_by_speaker(gold: GoldCorpus) -> None:
    # Two gold relations with the same cue and content, one without a source (an annotation
    # duplicate of the kind PolNeAR has a few of): each prediction must pair with its twin.
    text = "Officials warned that the bridge is unsafe.\n"
    ann = (
        "T1\tSource 0 9\tOfficials\nT2\tCue 10 16\twarned\n"
        "T3\tContent 17 42\tthat the bridge is unsafe\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
        "E2\tAttribution-no-source:T2 Cue:T2 Content:T3\n"
    )
    relations, _ = parse_ann(ann, text, doc="bridge")
    twins = GoldCorpus(
        texts={"bridge": text},
        relations=relations_frame(relations),
        dropped=pd.DataFrame(),
        annotators={"bridge": ("",)},
    )
    cue, content = {"start": 10, "end": 16}, [{"start": 17, "end": 42}]
    records: list[dict[str, Any]] = [
        {"doc": "bridge", "speaker": {"start": 0, "end": 9}, "cue": cue, "content": content},
        {"doc": "bridge", "speaker": None, "cue": cue, "content": content},
    ]
    matches = evaluate_statements(twins, predictions_frame(records)).matches
    assert matches[["gold_id", "pred_id", "speaker_correct"]].values.tolist() == [
        ["E1", 0, True],
        ["E2", 1, True],
    ]


def test_content_overlap_decides_before_speaker(gold: GoldCorpus) -> None:
    records = [r for r in perfect(gold) if r["doc"] == "school_budget"]
    first_line = gold.texts["harbor_vote"].splitlines()[0]
    close = statement(
        gold, "harbor_vote", "reporters", "said", "the harbor plan would create 400 jobs"
    )
    loose = statement(gold, "harbor_vote", "Mayor Lena Ortiz", "said", first_line)
    matches = score(gold, [*records, loose, close]).matches
    pairs = matches.loc[matches["doc"] == "harbor_vote"]
    assert pairs[["gold_id", "pred_id", "content_exact", "speaker_correct"]].values.tolist() == [
        ["E1", 4, True, False]
    ]


def test_empty_predictions(gold: GoldCorpus) -> None:
    evaluation = evaluate_statements(gold, predictions_frame([]))
    relations = evaluation.relations.iloc[0]
    assert relations["recall"] == 0.0
    assert math.isnan(relations["precision"])
    assert (evaluation.errors["error"] == "missed").sum() == 7


def test_docs_restricts_the_scope(gold: GoldCorpus) -> None:
    records = [r for r in perfect(gold) if r["doc"] == "school_budget"]
    evaluation = score(gold, records, docs=["school_budget"])
    assert evaluation.relations.iloc[0]["recall"] == 1.0
    with pytest.raises(ValueError, match="not in the gold corpus: nowhere"):
        score(gold, records, docs=["nowhere"])


def test_report_mentions_every_role(gold: GoldCorpus) -> None:
    report = format_report(score(gold, perfect(gold)[:6]))
    assert "Relations" in report and "content" in report
    assert "R 0.857" in report


# ---------------------------------------------------------------------------------------------
# Predictions


def test_read_predictions_round_trip(gold: GoldCorpus, tmp_path: Path) -> None:
    path = tmp_path / "predictions.jsonl"
    lines = [json.dumps({**record, "extra": "ignored"}) for record in perfect(gold)]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8-sig")  # with a byte order mark
    frame = read_predictions(path)
    assert frame["line"].tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert evaluate_statements(gold, frame).relations.iloc[0]["f1"] == 1.0


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "a record must be a JSON object"),
        ('{"speaker": null, "cue": null, "content": []}', "'doc' must be"),
        ('{"doc": "harbor_vote", "content": [{"start": "0", "end": 3}]}', "integer start"),
        ('{"doc": "harbor_vote", "content": [{"start": true, "end": 3}]}', "integer start"),
        ('{"doc": "harbor_vote", "content": [{"start": 5, "end": 3}]}', "start > end"),
        ('{"doc": "harbor_vote", "content": [4]}', "spans must be objects"),
        ('{"doc": "harbor_vote", "kind": "quoted", "content": []}', "'kind' must be one of"),
        ('{"doc": "harbor_vote", "cue": {"start": 0, "end": 1, "text": 5}}', "text must be"),
    ],
)
def test_malformed_predictions_name_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = '{"doc": "harbor_vote", "speaker": null, "cue": null, "content": []}'
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(PredictionError, match=problem) as raised:
        read_predictions(path)
    assert raised.value.line == 2
    assert str(raised.value).startswith(f"{path}:2: ")


def test_prediction_text_must_match_its_offsets(gold: GoldCorpus) -> None:
    records = perfect(gold)
    records[3] = {**records[3], "cue": {**records[3]["cue"], "text": "has promised"}}
    with pytest.raises(PredictionError, match="'has promised' differs") as raised:
        score(gold, records)
    assert raised.value.line == 4
    assert score(gold, records, check_pred_text=False).relations.iloc[0]["f1"] == 1.0


def test_prediction_past_the_end_is_refused(gold: GoldCorpus) -> None:
    record = {"doc": "coastal_rain", "cue": {"start": 40, "end": 400}, "content": []}
    with pytest.raises(PredictionError, match="past the end of coastal_rain"):
        score(gold, [record])


def test_unknown_documents(gold: GoldCorpus) -> None:
    records = [*perfect(gold), {"doc": "elsewhere", "content": [{"start": 0, "end": 3}]}]
    with pytest.raises(PredictionError, match="'elsewhere' is not in the gold corpus"):
        score(gold, records)
    assert score(gold, records, unknown_docs="ignore").relations.iloc[0]["f1"] == 1.0


@pytest.mark.parametrize("container", ["list", "array"])
def test_statements_frame_converts(gold: GoldCorpus, container: str) -> None:
    text = gold.texts["school_budget"]
    cue = text.index("is widely expected")
    content = text.index("that the levy will pass")
    spans: object = [(content, content + len("that the levy will pass"))]
    if container == "array":  # what a Parquet round trip hands back
        spans = np.array(spans)
    statements = pd.DataFrame(
        {
            "doc": ["school_budget"],
            "statement": [0],
            "kind": ["indirect"],
            "speaker_start": pd.array([None], dtype="Int64"),
            "speaker_end": pd.array([None], dtype="Int64"),
            "cue_start": pd.array([cue], dtype="Int64"),
            "cue_end": pd.array([cue + len("is widely expected")], dtype="Int64"),
            "content_spans": [spans],
        }
    )
    frame = predictions_from_statements(statements)
    row = frame.iloc[0]
    assert row["source"] == ()
    assert row["cue"] == ((cue, cue + 18),)
    assert row["content"] == ((content, content + 23),)
    matches = evaluate_statements(gold, frame).matches
    assert matches[["doc", "gold_id"]].values.tolist() == [["school_budget", "E3"]]


def test_scores_by_rule_count_each_rules_pairs_and_its_share_of_gold(gold: GoldCorpus) -> None:
    """Three predictions on harbor_vote: two found by "forward" (one right, one on a sentence
    no gold relation covers) and one by "backward" with the wrong speaker."""
    right = statement(
        gold, "harbor_vote", "Mayor Lena Ortiz", "said", "the harbor plan would create 400 jobs"
    )
    stray = statement(gold, "harbor_vote", "Critics", "said", "Mayor Lena Ortiz")
    wrong = statement(gold, "harbor_vote", "reporters", "told", '"We are not going to wait,"')
    records = [
        right | {"rule": "forward"},
        stray | {"rule": "forward"},
        wrong | {"rule": "backward"},
    ]
    result = evaluate_statements(gold, predictions_frame(records), docs=["harbor_vote"])
    by_rule = result.by_rule.set_index("rule")
    assert list(by_rule.index) == ["forward", "backward"]  # the most used first
    assert by_rule.loc["forward", ["n_pred", "tp", "fp"]].tolist() == [2, 1, 1]
    assert by_rule.loc["forward", "precision"] == 0.5
    assert by_rule.loc["forward", "recall"] == 0.25  # one of harbor_vote's four relations
    assert by_rule.loc["backward", "speaker_accuracy"] == 0.0
    spurious = result.errors.loc[result.errors["error"] == "spurious"]
    assert spurious["pred_rule"].tolist() == ["forward"]
    assert "By rule" in format_report(result)


def test_predictions_without_rules_have_no_rule_table(gold: GoldCorpus) -> None:
    result = evaluate_statements(gold, predictions_frame(perfect(gold)))
    assert result.by_rule.empty
    assert "By rule" not in format_report(result)


def test_a_rule_that_is_not_a_string_is_refused() -> None:
    record = {"doc": "harbor_vote", "speaker": None, "cue": None, "content": [], "rule": 3}
    with pytest.raises(PredictionError, match="'rule' must be a string"):
        predictions_frame([record])
