"""Matplotlib figures from summary frames: what a reader would rather look at than read.

Figures are built with the object-oriented API (`Figure`, not pyplot), so no global figure state
leaks between calls and the same code renders in a notebook, a batch job or a test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from research.schema import KINDS

KIND_COLOURS = {"direct": "#1b6ca8", "mixed": "#7fb3d5", "indirect": "#c9d6df"}


def plot_voice(summary: pd.DataFrame, *, title: str = "Who gets to speak") -> Figure:
    """Statements per party, split into direct quotes, mixed quotes and reported speech."""
    ordered = summary.sort_values("statements")
    figure = Figure(figsize=(8, 0.5 * len(ordered) + 1.4))
    axes = figure.subplots()
    left = np.zeros(len(ordered))
    for kind in KINDS:
        values = ordered[kind].to_numpy(dtype=float)
        axes.barh(ordered["party"], values, left=left, color=KIND_COLOURS[kind], label=kind)
        left += values
    for position, (count, words) in enumerate(
        zip(ordered["statements"], ordered["words_quoted"], strict=True)
    ):
        axes.text(count + 0.1, position, f"{count} ({words} words)", va="center", fontsize=9)
    axes.set_xlabel("statements")
    axes.set_xlim(0, max(left.max(), 1) * 1.35)
    axes.legend(title="kind", loc="lower right", frameon=False)
    axes.set_title(title, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def plot_measure(
    statements: pd.DataFrame,
    summary: pd.DataFrame,
    *,
    measure: str = "polarity",
    title: str | None = None,
) -> Figure:
    """Each statement as a dot per party, with the mean and its 95% interval; small n is marked."""
    ordered = summary.sort_values(f"{measure}_mean", na_position="first")
    figure = Figure(figsize=(8, 0.55 * len(ordered) + 1.4))
    axes = figure.subplots()
    rng = np.random.default_rng(0)  # fixed jitter: the same figure on every render
    for position, row in enumerate(ordered.itertuples(index=False)):
        values = statements.loc[statements["party"] == row.party, measure].to_numpy(dtype=float)
        jitter = rng.uniform(-0.12, 0.12, size=len(values))
        axes.scatter(values, position + jitter, s=18, color="#7f8c8d", alpha=0.7, zorder=2)
        mean = getattr(row, f"{measure}_mean")
        low, high = getattr(row, f"{measure}_low"), getattr(row, f"{measure}_high")
        colour = "#b03a2e" if not row.too_few else "#d5a6a1"
        if not np.isnan(low):
            axes.plot([low, high], [position, position], color=colour, linewidth=3, zorder=3)
        axes.scatter([mean], [position], s=60, color=colour, marker="D", zorder=4)
        note = f"n={row.statements}" + (" (too few to compare)" if row.too_few else "")
        axes.annotate(
            note, (1.02, position), xycoords=("axes fraction", "data"), va="center", fontsize=8
        )
    axes.set_yticks(range(len(ordered)), ordered["party"])
    low_limit = -1.05 if measure == "polarity" else -0.05
    axes.set_xlim(low_limit, 1.05)
    if measure == "polarity":
        axes.axvline(0, color="#bbbbbb", linewidth=1, zorder=1)
    axes.set_xlabel(f"{measure} of the statement's content (TextBlob)")
    axes.set_title(
        title or f"{measure.capitalize()} by party: statements, mean and 95% interval", loc="left"
    )
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure
