"""Per-party comparisons with their counts and uncertainty, never a bare mean.

Every mean comes with n and a percentile bootstrap confidence interval (Efron & Tibshirani 1993,
ch. 13), resampled with a fixed seed so the same statements always give the same interval; a group
with fewer than `min_n` statements is flagged rather than compared.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from research.schema import KINDS

MIN_N = 5  # below this a mean is shown but flagged: too few statements to compare
BOOTSTRAP_SAMPLES = 2000
SEED = 20161205  # fixed: reports must be deterministic


def bootstrap_ci(
    values: Sequence[float] | np.ndarray,
    *,
    level: float = 0.95,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = SEED,
) -> tuple[float, float]:
    """Percentile bootstrap interval for the mean; (nan, nan) for fewer than two values."""
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    if data.size < 2:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = rng.choice(data, size=(samples, data.size), replace=True).mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return (float(low), float(high))


def summarize_parties(
    statements: pd.DataFrame,
    *,
    by: Sequence[str] = ("party",),
    measures: Sequence[str] = ("polarity", "subjectivity"),
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """One row per party (or per group): statements, words quoted, kinds, and each measure's mean
    with n and a 95% bootstrap interval."""
    keys = list(by)
    rows = []
    for key, group in statements.groupby(keys, sort=True, dropna=False):
        values = key if isinstance(key, tuple) else (key,)
        row: dict[str, object] = dict(zip(keys, values, strict=True))
        row["statements"] = len(group)
        row["words_quoted"] = int(group["words"].sum())
        for kind in KINDS:
            row[kind] = int((group["kind"] == kind).sum())
        for measure in measures:
            data = group[measure].to_numpy(dtype=float)
            low, high = bootstrap_ci(data)
            row[f"{measure}_n"] = int((~np.isnan(data)).sum())
            row[f"{measure}_mean"] = float(np.nanmean(data)) if len(data) else float("nan")
            row[f"{measure}_low"] = low
            row[f"{measure}_high"] = high
        row["too_few"] = len(group) < min_n
        rows.append(row)
    columns = [*keys, "statements", "words_quoted", *KINDS]
    for measure in measures:
        columns += [f"{measure}_n", f"{measure}_mean", f"{measure}_low", f"{measure}_high"]
    columns.append("too_few")
    summary = pd.DataFrame(rows, columns=columns)
    return summary.sort_values(
        ["statements", *keys], ascending=[False, *[True] * len(keys)]
    ).reset_index(drop=True)


def share_of_voice(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements and words quoted per party as counts and shares of the whole."""
    counts = statements.groupby("party").agg(
        statements=("kind", "size"), words_quoted=("words", "sum")
    )
    counts["statement_share"] = counts["statements"] / counts["statements"].sum()
    counts["word_share"] = counts["words_quoted"] / counts["words_quoted"].sum()
    return counts.sort_values("statements", ascending=False).reset_index()
