from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from research.compare import bootstrap_ci, share_of_voice, summarize_parties


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
    assert summary.loc["B", "polarity_low"] == pytest.approx(-0.2)  # no spread, no width


def test_share_of_voice_sums_to_one() -> None:
    shares = share_of_voice(frame([("A", "direct", 10, 0.0), ("B", "direct", 30, 0.0)]))
    assert shares["word_share"].sum() == pytest.approx(1)
    assert shares.set_index("party").loc["B", "word_share"] == pytest.approx(0.75)
