"""Matplotlib figures from summary frames: what a reader would rather look at than read.

Figures are built with the object-oriented API (`Figure`, not pyplot), so no global figure state
leaks between calls and the same code renders in a notebook, a batch job or a test.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import warnings
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory, offset_copy

from research.markup import escape_label
from research.schema import KINDS
from research.tables import Html

KIND_COLOURS = {"direct": "#1b6ca8", "mixed": "#7fb3d5", "indirect": "#b8c4cc"}

# Sizes for a report page: a figure is WIDTH inches at DPI, shown at its natural width (about
# 600 px) on a wide screen, two side by side at 1280 px, and scaled to the column on a phone; its
# smallest text, SMALLEST_FONT_PT, is then 15 px at 1280 px and at least 9 px at 400 px (a 374 px
# column: a figure's natural width must stay under about 630 px; scripts/inspect_report.py
# measures it). A bar takes ROW inches: compact, and still 20 px thick on a phone.
DPI = 100
WIDTH = 6.0
ROW = 0.34
MIN_HEIGHT = 2.6
SMALLEST_FONT_PT = 11
STYLE: dict[str, Any] = {
    "font.size": 12,
    "axes.titlesize": 12,
    "axes.labelsize": 12,
    "xtick.labelsize": SMALLEST_FONT_PT,
    "ytick.labelsize": SMALLEST_FONT_PT,
    "legend.fontsize": SMALLEST_FONT_PT,
    "legend.title_fontsize": SMALLEST_FONT_PT,
    "figure.dpi": DPI,
}
# A qualitative palette (Tableau 10 without its grey, then light members of Tableau 20): one
# distinct colour per class in a figure; grey is kept for "neutral" and "no cue".
QUALITATIVE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
    "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
]  # fmt: skip
FIXED_COLOURS = {"neutral": "#7f7f7f", "no cue": "#d9d9d9"}

P = ParamSpec("P")


def styled(plot: Callable[P, Figure]) -> Callable[P, Figure]:
    """Draw `plot` with the report's STYLE, whatever the caller's matplotlib settings."""

    @functools.wraps(plot)
    def drawn(*args: P.args, **kwargs: P.kwargs) -> Figure:
        with mpl.rc_context(STYLE):  # type: ignore[arg-type]
            return plot(*args, **kwargs)

    return drawn


def figure_html(figure: Figure, alt: str, *, caption: str | None = None) -> Html:
    """`figure` as an <img> (a PNG data: URI, which the report's policy allows) with `alt` text
    saying what it shows, inside a <figure> with `caption` when given (both escaped). A figure
    wider than WIDTH (a heat map with many columns) scrolls sideways on a narrow screen rather
    than shrinking its text below legibility."""
    if figure.get_figwidth() <= WIDTH + 0.5:
        fit_width(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    image = (
        f'<img class="report-figure" src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
    )
    # a wide figure scrolls inside its frame on a phone: focusable, so a keyboard can scroll it
    wide = ' class="report-wide" tabindex="0"' if figure.get_figwidth() > WIDTH + 0.5 else ""
    if caption is None:
        return Html(f"<figure{wide}>{image}</figure>")
    return Html(f"<figure{wide}>{image}<figcaption>{html.escape(caption)}</figcaption></figure>")


def fit_width(figure: Figure, width: float = WIDTH) -> None:
    """Narrow `figure`'s axes until everything drawn (long tick labels, notes beside the axes,
    legends) fits in `width` inches: a figure wider than planned would be scaled down on a phone
    and its text with it, below legibility."""
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    for _ in range(4):
        excess = figure.get_tightbbox(renderer).width - width
        if excess <= 0.02 or figure.get_figwidth() - excess < width / 2:
            return
        figure.set_figwidth(figure.get_figwidth() - excess)
        with warnings.catch_warnings():
            # labels too long to fit at all: the figure keeps the width it has
            warnings.simplefilter("ignore", UserWarning)
            figure.tight_layout()


def class_colours(classes: Iterable[str]) -> dict[str, str]:
    """One colour per class, in the order given: grey for neutral and "no cue", then the
    qualitative palette; past its end the rest share the last colour (callers group them)."""
    colours: dict[str, str] = {}
    others = iter(QUALITATIVE)
    for name in classes:
        colours[name] = FIXED_COLOURS.get(name) or next(others, QUALITATIVE[-1])
    return colours


def _height(rows: int, margins: float, *, row: float = ROW) -> float:
    """A figure's height in inches: `row` a bar (or dot row) and `margins` for the title, axis
    and legend, and never so short that one bar would be squeezed to a line under them."""
    return max(row * max(rows, 1) + margins, MIN_HEIGHT)


def _title(axes: Axes, text: str) -> None:
    """The figure's title from its left edge, over the tick labels: over the axes alone, a long
    title on narrow axes would reach past the figure's right edge."""
    figure = axes.get_figure(root=True)
    assert figure is not None
    figure.suptitle(text, x=0.01, horizontalalignment="left", fontsize=STYLE["axes.titlesize"])


def _legend_below(axes: Axes, *, title: str, count: int, **options: Any) -> None:
    """A legend under the axes, outside the data, from the figure's left edge (under the tick
    labels, so that it never reaches past the figure's right edge), in as many columns as fit."""
    figure = axes.get_figure(root=True)
    assert figure is not None
    below = offset_copy(axes.transAxes, fig=figure, y=-0.62, units="inches")
    axes.legend(
        title=title,
        loc="upper left",
        bbox_to_anchor=(0.01, 0),
        bbox_transform=blended_transform_factory(figure.transFigure, below),
        ncol=min(max(count, 1), 3),
        frameon=False,
        **options,
    )


@styled
def plot_voice(summary: pd.DataFrame, *, title: str = "Who gets to speak") -> Figure:
    """Statements per party, split into direct quotes, mixed quotes and reported speech."""
    ordered = summary.sort_values("statements")
    figure = Figure(figsize=(WIDTH, _height(len(ordered), 1.4)))
    axes = figure.subplots()
    left = _bars_by_kind(axes, ordered, "{kind}")
    for position, (count, words) in enumerate(
        zip(ordered["statements"], ordered["words_quoted"], strict=True)
    ):
        axes.text(
            count + 0.1,
            position,
            f"{count} ({words} words)",
            va="center",
            fontsize=SMALLEST_FONT_PT,
        )
    axes.set_xlabel("statements")
    axes.set_xlim(0, max(left.max(), 1) * 1.35)
    _legend_below(axes, title="kind", count=len(KINDS))
    _title(axes, title)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


@styled
def plot_measure(
    statements: pd.DataFrame,
    summary: pd.DataFrame,
    *,
    measure: str = "polarity",
    title: str | None = None,
) -> Figure:
    """Each statement as a dot per party, with the mean and its 95% interval; small n is marked."""
    ordered = summary.sort_values(f"{measure}_mean", na_position="first")
    figure = Figure(figsize=(WIDTH, _height(len(ordered), 1.3, row=0.4)))
    axes = figure.subplots()
    rng = np.random.default_rng(0)  # fixed jitter: the same figure on every render
    for position, row in enumerate(ordered.itertuples(index=False)):
        values = statements.loc[statements["party"] == row.party, measure].to_numpy(dtype=float)
        jitter = rng.uniform(-0.12, 0.12, size=len(values))
        axes.scatter(values, position + jitter, s=18, color="#7f8c8d", alpha=0.7, zorder=2)
        mean = getattr(row, f"{measure}_mean")
        low, high = getattr(row, f"{measure}_low"), getattr(row, f"{measure}_high")
        colour = "#b03a2e" if not row.too_few else "#d5a6a1"
        if not np.isnan(low) and not row.too_few:  # under min_n: no interval, as in the tables
            axes.plot([low, high], [position, position], color=colour, linewidth=3, zorder=3)
        axes.scatter([mean], [position], s=60, color=colour, marker="D", zorder=4)
        note = f"n={row.statements}" + (" (too few to compare)" if row.too_few else "")
        axes.annotate(
            note,
            (1.02, position),
            xycoords=("axes fraction", "data"),
            va="center",
            fontsize=SMALLEST_FONT_PT,
        )
    axes.set_yticks(range(len(ordered)), _labels(ordered["party"]))
    low_limit = -1.05 if measure == "polarity" else -0.05
    axes.set_xlim(low_limit, 1.05)
    if measure == "polarity":
        axes.axvline(0, color="#bbbbbb", linewidth=1, zorder=1)
    axes.set_xlabel(f"{measure} of the statement's content (TextBlob)")
    _title(axes, title or f"{measure.capitalize()} by party: statements, mean and 95% interval")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


# --- framing signals ------------------------------------------------------------------------------

STANCE_COLOURS = "RdBu"  # against red, favor blue: diverging around neutral
CONNOTATION_COLOURS = {"negative": "#c0392b", "neutral": "#bdc3c7", "positive": "#27ae60"}


@styled
def plot_stance_matrix(
    matrix: pd.DataFrame, *, rows: str = "party", min_n: int = 5, title: str | None = None
) -> Figure:
    """Mean stance of each speaker party (rows) toward each target and party (columns): blue for,
    red against; each cell says how many statements are for, against and neutral. Cells with
    fewer than `min_n` statements are hatched: too few to compare."""
    targets = list(dict.fromkeys(matrix.sort_values("target_kind", ascending=False)["target"]))
    speakers = sorted(matrix[rows].astype(str).unique())
    grid = np.full((len(speakers), len(targets)), np.nan)
    figure = Figure(figsize=(min(1.3 * len(targets) + 3.0, 11.0), 0.5 * len(speakers) + 2.1))
    axes = figure.subplots()
    cells = matrix.to_dict("records")
    for cell in cells:
        grid[speakers.index(str(cell[rows])), targets.index(cell["target"])] = cell["mean"]
    axes.set_facecolor("white")  # blank: the speaker never mentions that target
    image = axes.imshow(grid, cmap=STANCE_COLOURS, vmin=-1, vmax=1, aspect="auto")
    for cell in cells:
        y, x = speakers.index(str(cell[rows])), targets.index(cell["target"])
        if cell["too_few"] or cell["n"] < min_n:
            axes.add_patch(_hatched(x, y))
        note = f"+{cell['favor']} −{cell['against']} ·{cell['neutral']}"
        # black on a white plate: readable on any cell colour and over the hatching
        axes.text(x, y, note, ha="center", va="center", fontsize=SMALLEST_FONT_PT, color="black",
                  bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.85,
                        "edgecolor": "none"})  # fmt: skip
    axes.set_xticks(range(len(targets)), _labels(_wrap(t, 12) for t in targets))
    axes.set_yticks(range(len(speakers)), _labels(speakers))
    axes.set_xlabel("stance toward (targets, then parties mentioned)")
    axes.set_ylabel("speaker's party" if rows == "party" else rows)
    colourbar = figure.colorbar(image, ax=axes, fraction=0.04, pad=0.02)
    colourbar.set_label("mean stance (against −1 … favor +1)")
    _title(
        axes,
        title
        or f"Stance by speaker: statements +for −against ·neutral\nhatched: fewer than {min_n}; blank: not mentioned",
    )
    figure.tight_layout()
    return figure


def _hatched(x: int, y: int) -> Rectangle:
    return Rectangle(
        (x - 0.5, y - 0.5), 1, 1, fill=False, hatch="//", edgecolor="#c8c8c8", linewidth=0
    )


def _bars_by_kind(axes: Axes, ordered: pd.DataFrame, column: str) -> np.ndarray:
    """One horizontal bar a party, stacked by kind (direct, mixed, indirect) from the columns
    `column.format(kind=...)`; returns each bar's total length."""
    left = np.zeros(len(ordered))
    for kind in KINDS:
        values = ordered[column.format(kind=kind)].to_numpy(dtype=float)
        axes.barh(
            _labels(ordered["party"]), values, left=left, color=KIND_COLOURS[kind], label=kind
        )
        left += values
    return left


def _labels(names: Iterable[object]) -> list[str]:
    """Names from the corpus or a lexicon as tick labels: shown as written, never as mathematics
    (matplotlib reads text between two `$` as TeX, and an unknown command stops the figure)."""
    return [escape_label(name) for name in names]


def _wrap(label: str, width: int = 14) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


@styled
def plot_verb_classes(
    table: pd.DataFrame, *, key: str = "party", title: str | None = None
) -> Figure:
    """Statements per party by the class of their reporting cue: "said" (neutral) against
    "claimed" (distancing) and "insisted" (emphatic)."""
    ordered = table.sort_values("statements")
    classes = [c for c in table.columns if c not in (key, "statements")]
    if len(classes) > len(QUALITATIVE) + 1:  # the rarest share one colour, named as such
        kept = classes[: len(QUALITATIVE)]
        ordered = ordered.assign(**{"other classes": ordered[classes[len(kept) :]].sum(axis=1)})
        classes = [*kept, "other classes"]
    colours = class_colours(classes)
    figure = Figure(figsize=(WIDTH, _height(len(ordered), 1.5 + 0.25 * ((len(classes) + 2) // 3))))
    axes = figure.subplots()
    left = np.zeros(len(ordered))
    for verb_class in classes:
        values = ordered[verb_class].to_numpy(dtype=float)
        axes.barh(
            _labels(ordered[key]), values, left=left, color=colours[verb_class], label=verb_class
        )
        left += values
    axes.set_xlabel("statements")
    axes.set_xlim(0, max(left.max(), 1) * 1.05)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    _legend_below(axes, title="cue class", count=len(classes))
    _title(axes, title or "Reporting verbs: the class of each statement's cue")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


@styled
def plot_hedges(counts: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Attribution hedges by what they qualify (a statement's party, or no statement) and kind."""
    ordered = counts.sort_values("hedges")
    kinds = [c for c in counts.columns if c not in ("qualifies", "hedges")]
    figure = Figure(figsize=(WIDTH, _height(len(ordered), 1.6)))
    axes = figure.subplots()
    left = np.zeros(len(ordered))
    for index, kind in enumerate(kinds):
        values = ordered[kind].to_numpy(dtype=float)
        axes.barh(
            _labels(ordered["qualifies"]),
            values,
            left=left,
            color=QUALITATIVE[index % len(QUALITATIVE)],
            label=kind,
        )
        left += values
    axes.set_xlabel("hedges")
    axes.set_xlim(0, max(left.max() if len(left) else 0, 1) * 1.15)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    if kinds:
        _legend_below(axes, title="hedge kind", count=len(kinds))
    _title(axes, title or "Attribution hedges and the statements they qualify")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


@styled
def plot_labels(labels: pd.DataFrame, *, title: str | None = None) -> Figure:
    """The author's labels for each party: one bar per word, coloured by its connotation, parties
    with the most labels first."""
    counts = labels.groupby(["party", "label", "connotation"]).size().reset_index(name="n")
    totals = counts.groupby("party")["n"].sum()
    counts["total"] = counts["party"].map(totals)
    counts = counts.sort_values(["total", "party", "n"], ascending=[True, True, True])
    figure = Figure(figsize=(WIDTH, _height(len(counts), 1.6, row=0.28)))
    axes = figure.subplots()
    positions = np.arange(len(counts))
    colours = [CONNOTATION_COLOURS.get(str(c), "#7f8c8d") for c in counts["connotation"]]
    axes.barh(positions, counts["n"].to_numpy(dtype=float), color=colours)
    for position, n in enumerate(counts["n"].tolist()):
        axes.text(n + 0.1, position, str(n), va="center", fontsize=SMALLEST_FONT_PT)
    names = _labels(
        f"{party}: {label}" for party, label in zip(counts["party"], counts["label"], strict=True)
    )
    axes.set_yticks(positions, names, fontsize=SMALLEST_FONT_PT)
    for boundary in np.flatnonzero(
        counts["party"].to_numpy()[1:] != counts["party"].to_numpy()[:-1]
    ):
        axes.axhline(boundary + 0.5, color="#dddddd", linewidth=1)
    axes.set_xlabel("occurrences outside quotation marks")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    handles = [Rectangle((0, 0), 1, 1, color=c) for c in CONNOTATION_COLOURS.values()]
    _legend_below(
        axes, title="connotation", count=3, handles=handles, labels=list(CONNOTATION_COLOURS)
    )
    _title(axes, title or "What the author calls each party")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


@styled
def plot_words_by_kind(shares: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Words each party gets, in its own quoted words (direct), partly (mixed) or paraphrased."""
    ordered = shares.sort_values("words_quoted")
    figure = Figure(figsize=(WIDTH, _height(len(ordered), 1.4)))
    axes = figure.subplots()
    left = _bars_by_kind(axes, ordered, "{kind}_words")
    for position, (words, share) in enumerate(
        zip(ordered["words_quoted"], ordered["word_share"], strict=True)
    ):
        axes.text(
            words + 1, position, f"{words} ({share:.0%})", va="center", fontsize=SMALLEST_FONT_PT
        )
    axes.set_xlabel("words")
    axes.set_xlim(0, max(left.max(), 1) * 1.3)
    _legend_below(axes, title="kind", count=len(KINDS))
    _title(axes, title or "Share of voice: words per party by kind of statement")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


@styled
def plot_backend_agreement(
    comparison: pd.DataFrame, *, backends: tuple[str, str] = ("textblob", "vader")
) -> Figure:
    """Each statement's polarity under two sentiment backends; where their directions disagree the
    dot is red and numbered (the statement's row in the evidence table)."""
    first, second = backends
    figure = Figure(figsize=(WIDTH, 5.4))
    axes = figure.subplots()
    for band in (-0.05, 0.05):
        axes.axvline(band, color="#dddddd", linewidth=1, zorder=1)
        axes.axhline(band, color="#dddddd", linewidth=1, zorder=1)
    axes.plot([-1, 1], [-1, 1], color="#eeeeee", linewidth=1, zorder=1)
    agree = comparison[~comparison["disagree"]]
    differ = comparison[comparison["disagree"]]
    axes.scatter(agree[f"{first}_polarity"], agree[f"{second}_polarity"], s=22, color="#7f8c8d", zorder=2, label="same direction")  # fmt: skip
    axes.scatter(differ[f"{first}_polarity"], differ[f"{second}_polarity"], s=30, color="#c0392b", zorder=3, label="directions differ")  # fmt: skip
    for index, row in differ.iterrows():
        axes.annotate(str(index), (row[f"{first}_polarity"], row[f"{second}_polarity"]), xytext=(4, 3), textcoords="offset points", fontsize=SMALLEST_FONT_PT)  # fmt: skip
    axes.set_xlim(-1.05, 1.05)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlabel(f"{first} polarity")
    axes.set_ylabel(f"{second} polarity")
    _legend_below(axes, title="", count=2)
    _title(axes, f"Sentiment: {first} against {second}, per statement")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


@styled
def plot_group_intervals(
    summary: pd.DataFrame,
    *,
    category: str = "party",
    group: str = "source",
    mean: str,
    low: str,
    high: str,
    n: str = "n",
    xlabel: str,
    title: str,
    limits: tuple[float, float] = (-0.05, 1.05),
) -> Figure:
    """A mean with its 95% interval per category (rows, alphabetical from the top) and group
    (colours): e.g. the share of distancing verbs per party and outlet. Groups with too few
    observations are drawn hollow and marked."""
    categories = sorted(summary[category].astype(str).unique(), reverse=True)
    groups = sorted(summary[group].astype(str).unique())
    colours = [QUALITATIVE[i % len(QUALITATIVE)] for i in range(len(groups))]
    figure = Figure(figsize=(WIDTH, (0.2 + 0.16 * len(groups)) * len(categories) + 1.8))
    axes = figure.subplots()
    step = 0.7 / max(len(groups), 1)
    for g, (name, colour) in enumerate(zip(groups, colours, strict=True)):
        offset = ((len(groups) - 1) / 2 - g) * step  # the first group on top, as in the legend
        for row in summary[summary[group].astype(str) == name].to_dict("records"):
            y = categories.index(str(row[category])) + offset
            few = bool(row["too_few"])
            if not np.isnan(row[low]) and not few:  # under min_n: no interval
                axes.plot([row[low], row[high]], [y, y], color=colour)
            face = "white" if few else colour
            axes.scatter([row[mean]], [y], color=face, edgecolor=colour, s=40, zorder=3)
            note = f"n={row[n]}" + (" (few)" if few else "")
            axes.annotate(
                note,
                (1.01, y),
                xycoords=("axes fraction", "data"),
                va="center",
                fontsize=SMALLEST_FONT_PT,
            )
        axes.scatter([], [], color=colour, label=escape_label(name))
    axes.set_yticks(range(len(categories)), _labels(categories))
    axes.set_xlim(*limits)
    axes.set_xlabel(xlabel)
    _legend_below(axes, title=group, count=len(groups))
    _title(axes, title)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure
