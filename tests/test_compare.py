from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from research.compare import (
    NO_STATEMENT,
    bootstrap_ci,
    hedge_counts,
    mean_interval,
    share_of_voice,
    small_n_warning,
    stance_matrix,
    summarize_labels,
    summarize_parties,
    verb_classes,
    voice_by_group,
    wilson_interval,
    with_signals,
)


def frame(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["party", "kind", "words", "polarity"]).assign(
        subjectivity=0.5
    )


def test_bootstrap_interval_is_deterministic_and_brackets_the_mean() -> None:
    values = [0.1, 0.4, -0.2, 0.3, 0.0, 0.5, 0.2]
    low, high = bootstrap_ci(values)
    assert (low, high) == bootstrap_ci(values)
    assert low < np.mean(values) < high
    assert bootstrap_ci([0.3]) != bootstrap_ci([0.3])  # nan: one value has no interval


def test_summary_counts_kinds_words_and_flags_small_n() -> None:
    statements = frame(
        [("A", "direct", 10, 0.5), ("A", "indirect", 5, 0.1), ("A", "mixed", 3, 0.3)]
        + [("B", "indirect", 4, -0.2)] * 6
    )
    summary = summarize_parties(statements, min_n=5).set_index("party")
    assert summary.loc[
        "A", ["statements", "words_quoted", "direct", "indirect", "mixed"]
    ].tolist() == [3, 18, 1, 1, 1]
    assert summary.loc["A", "polarity_mean"] == pytest.approx(0.3)
    assert summary.loc["A", "polarity_n"] == 3
    assert bool(summary.loc["A", "too_few"]) is True
    assert bool(summary.loc["B", "too_few"]) is False
    # no spread in the sample is not certainty: the interval keeps a width
    assert summary.loc["B", "polarity_low"] < -0.2 < summary.loc["B", "polarity_high"]


def test_wilson_interval_matches_the_published_example_and_never_collapses() -> None:
    # Brown, Cai & DasGupta (2001): 0 successes of 20 gives Wilson [0, 0.161]
    assert wilson_interval(0, 20) == pytest.approx((0.0, 0.1611), abs=1e-4)
    low, high = wilson_interval(3, 3)
    assert 0.4 < low < 1 and high == pytest.approx(1.0)
    assert all(np.isnan(wilson_interval(0, 0)))


def test_mean_interval_of_three_equal_scores_is_wide_not_a_point() -> None:
    low, high = mean_interval([0.0, 0.0, 0.0], bounds=(-1.0, 1.0))
    assert low == pytest.approx(-high) and high > 0.5
    narrow = mean_interval([0.0] * 300, bounds=(-1.0, 1.0))
    assert 0 < narrow[1] < 0.12  # more statements, a narrower interval
    assert mean_interval([0.9, 1.0, 1.0], bounds=(0.0, 1.0))[1] <= 1.0


def test_share_of_voice_sums_to_one() -> None:
    shares = share_of_voice(frame([("A", "direct", 10, 0.0), ("B", "direct", 30, 0.0)]))
    assert shares["word_share"].sum() == pytest.approx(1)
    assert shares.set_index("party").loc["B", "word_share"] == pytest.approx(0.75)


# --- framing signals ------------------------------------------------------------------------------


def stances(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["party", "target", "label"]).assign(target_kind="target")


def test_stance_matrix_counts_labels_and_means_them() -> None:
    matrix = stance_matrix(
        stances(
            [("Russia", "deal", "against")] * 3
            + [("Russia", "deal", "favor"), ("Russia", "deal", "neutral")]
            + [("UN", "deal", "favor")]
        ),
        min_n=5,
    ).set_index("party")
    assert matrix.loc["Russia", ["n", "favor", "against", "neutral"]].tolist() == [5, 1, 3, 1]
    assert matrix.loc["Russia", "mean"] == pytest.approx(-0.4)
    assert matrix.loc["Russia", "low"] < -0.4 < matrix.loc["Russia", "high"]
    assert bool(matrix.loc["Russia", "too_few"]) is False
    assert bool(matrix.loc["UN", "too_few"]) is True
    # one statement for: an interval from against-leaning to fully for, not a point at +1
    assert matrix.loc["UN", "low"] < 0 and matrix.loc["UN", "high"] == pytest.approx(1.0)


def test_signals_are_shares_and_unknown_without_a_cue() -> None:
    statements = pd.DataFrame(
        {
            "verb_class": ["neutral", "distancing", None, "emphatic"],
            "hedges": [[], [{"scope": "attribution"}], [], [{"scope": "epistemic"}]],
        }
    )
    flagged = with_signals(statements)
    assert flagged["distancing"].tolist()[:2] == [0.0, 1.0]
    assert np.isnan(flagged["distancing"].iloc[2])
    assert flagged["emphatic"].iloc[3] == 1.0
    assert flagged["hedged"].tolist() == [0.0, 1.0, 0.0, 0.0]  # epistemic hedges do not count


def test_verb_classes_per_party() -> None:
    statements = pd.DataFrame(
        {"party": ["A", "A", "A", "B"], "verb_class": ["neutral", "distancing", "neutral", None]}
    )
    table = verb_classes(statements).set_index("party")
    assert table.loc["A", ["statements", "neutral", "distancing"]].tolist() == [3, 2, 1]
    assert table.loc["B", "no cue"] == 1


def test_label_summary_share_negative() -> None:
    labels = pd.DataFrame(
        {
            "party": ["Gov"] * 4 + ["Reb"],
            "label": ["regime", "regime", "government", "regime", "rebels"],
            "connotation": ["negative", "negative", "neutral", "negative", "neutral"],
        }
    )
    summary = summarize_labels(labels, min_n=3).set_index("party")
    assert summary.loc["Gov", "negative_mean"] == pytest.approx(0.75)
    assert summary.loc["Gov", "labels"] == "regime ×3, government ×1"
    assert bool(summary.loc["Reb", "too_few"]) is True


def test_hedge_counts_tell_named_anonymous_and_no_statement_apart() -> None:
    hedges = pd.DataFrame(
        {
            "scope": ["attribution"] * 3 + ["epistemic"],
            "kind": ["adverb", "passive_report", "adverb", "modal"],
            "statement": pd.array([None, 4, 2, 2], dtype="Int64"),
            "speaker": [None, None, "Ryabkov", "Ryabkov"],
            "party": [None, "unresolved", "Russia", "Russia"],
        }
    )
    counts = hedge_counts(hedges).set_index("qualifies")
    assert counts["hedges"].to_dict() == {NO_STATEMENT: 1, "(anonymous statement)": 1, "Russia": 1}


def test_share_of_voice_splits_words_by_kind() -> None:
    shares = share_of_voice(
        frame([("A", "direct", 10, 0.0), ("A", "indirect", 5, 0.0), ("B", "mixed", 7, 0.0)])
    ).set_index("party")
    assert shares.loc["A", ["direct_words", "indirect_words", "mixed_words"]].tolist() == [10, 5, 0]
    assert shares.loc["B", "mixed"] == 1


def test_voice_by_group_shares_sum_to_one_per_group() -> None:
    statements = frame(
        [("A", "direct", 4, 0.0)] * 3 + [("B", "direct", 2, 0.0)] + [("A", "direct", 1, 0.0)]
    ).assign(source=["X", "X", "X", "X", "Y"])
    voice = voice_by_group(statements, group="source", min_n=3)
    assert voice.groupby("source")["share_mean"].sum().tolist() == pytest.approx([1.0, 1.0])
    x = voice[voice["source"] == "X"].set_index("party")
    assert x.loc["A", "share_mean"] == pytest.approx(0.75)
    assert x.loc["A", "word_share"] == pytest.approx(12 / 14)
    assert bool(voice.loc[voice["source"] == "Y", "too_few"].iloc[0]) is True


def test_small_n_warning_names_the_small_groups_only() -> None:
    summary = pd.DataFrame({"party": ["A", "B"], "n": [9, 2], "too_few": [False, True]})
    warning = small_n_warning(summary, min_n=5)
    assert warning.startswith("1 of 2 too few to compare (fewer than 5): B (n=2).")
    assert small_n_warning(summary.iloc[:1], min_n=5) == ""
    many = pd.DataFrame({"party": list("CDEFG"), "n": [1] * 5, "too_few": [True] * 5})
    assert "C (n=1); D (n=1); and 3 more." in small_n_warning(many, shown=2)
