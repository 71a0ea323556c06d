"""Per-party comparisons with their counts and uncertainty, never a bare mean.

Every mean comes with n and a 95% interval whose coverage holds at small n: for a share (a 0/1
measure) the Wilson score interval (Wilson 1927; Brown, Cai & DasGupta 2001 recommend it for small
n), and for a bounded score (polarity in [-1, 1], stance in [-1, 1]) the same interval on the mean
rescaled to [0, 1]. Since no variable in [0, 1] with mean p has a variance above p(1 - p), that
interval is conservative, and unlike a percentile bootstrap it never collapses to a point: three
statements all scored 0 give [-0.56, 0.56], not [0, 0]. A group with fewer than `min_n`
statements is flagged rather than compared.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from research.markup import escape_markdown
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
    """Percentile bootstrap interval for the mean; (nan, nan) for fewer than two values. Kept for
    comparison: at small n it is too narrow (n = 3 values all 0 give [0, 0]); the summaries use
    `mean_interval` and `wilson_interval`."""
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    if data.size < 2:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = rng.choice(data, size=(samples, data.size), replace=True).mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return (float(low), float(high))


Z95 = 1.959963984540054  # the standard normal's 97.5th percentile
BOUNDS = {"subjectivity": (0.0, 1.0), "distancing": (0.0, 1.0), "emphatic": (0.0, 1.0),
          "hedged": (0.0, 1.0)}  # fmt: skip
DEFAULT_BOUNDS = (-1.0, 1.0)  # polarity, stance, portrayal scores; a wider range is only wider


def wilson_interval(successes: float, n: int, *, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a proportion of `successes` in `n`; (nan, nan) for n = 0."""
    if n <= 0:
        return (float("nan"), float("nan"))
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * float(np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)))
    return (max(0.0, centre - half), min(1.0, centre + half))


def mean_interval(
    values: Sequence[float] | np.ndarray, *, bounds: tuple[float, float] = DEFAULT_BOUNDS
) -> tuple[float, float]:
    """A 95% interval for the mean of values known to lie within `bounds`: the Wilson interval
    of the mean rescaled to [0, 1], mapped back (conservative, never a point); (nan, nan) with
    no values."""
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    if data.size == 0:
        return (float("nan"), float("nan"))
    low, high = bounds
    scaled = float(np.clip((data.mean() - low) / (high - low), 0.0, 1.0))
    a, b = wilson_interval(scaled * data.size, int(data.size))
    return (low + a * (high - low), low + b * (high - low))


def summarize_parties(
    statements: pd.DataFrame,
    *,
    by: Sequence[str] = ("party",),
    measures: Sequence[str] = ("polarity", "subjectivity"),
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """One row per party (or per group): statements, words quoted, kinds, and each measure's mean
    with n and a 95% interval (`mean_interval`)."""
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
            low, high = mean_interval(data, bounds=BOUNDS.get(measure, DEFAULT_BOUNDS))
            row[f"{measure}_n"] = int((~np.isnan(data)).sum())
            known = ~np.isnan(data)
            row[f"{measure}_mean"] = float(data[known].mean()) if known.any() else float("nan")
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
    """Statements and words quoted per party as counts and shares of the whole, with the words
    of each kind: in the speaker's own quoted words (direct), partly (mixed) or paraphrased."""
    counts = statements.groupby("party").agg(
        statements=("kind", "size"), words_quoted=("words", "sum")
    )
    counts["statement_share"] = counts["statements"] / counts["statements"].sum()
    counts["word_share"] = counts["words_quoted"] / counts["words_quoted"].sum()
    for kind in KINDS:
        of_kind = statements[statements["kind"] == kind].groupby("party")
        counts[kind] = of_kind.size().reindex(counts.index, fill_value=0).astype(int)
        counts[f"{kind}_words"] = (
            of_kind["words"].sum().reindex(counts.index, fill_value=0).astype(int)
        )
    return counts.sort_values("statements", ascending=False).reset_index()


# --- framing signals ------------------------------------------------------------------------------

STANCE_SCORES = {"favor": 1.0, "neutral": 0.0, "against": -1.0}
SIGNALS = ("distancing", "emphatic", "hedged")  # per-statement 0/1 measures, see with_signals


def with_signals(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements with 0/1 columns whose means are shares: `distancing` and `emphatic` (the
    cue's class; unknown without a cue) and `hedged` (an attribution hedge qualifies it)."""
    verb_class = statements["verb_class"]
    known = verb_class.notna().to_numpy()
    flagged = statements.copy()
    for name in ("distancing", "emphatic"):
        values = (verb_class == name).fillna(False).to_numpy(dtype=float)
        flagged[name] = np.where(known, values, np.nan)
    flagged["hedged"] = [
        float(any(h["scope"] == "attribution" for h in hedges)) for hedges in statements["hedges"]
    ]
    return flagged


def attach_articles(
    frame: pd.DataFrame, articles: pd.DataFrame, *, columns: Sequence[str] = ("source", "published")
) -> pd.DataFrame:
    """`frame` with its articles' columns (outlet, date) added by `doc`, for per-group summaries."""
    extra = articles[["doc", *columns]].drop_duplicates("doc")
    return frame.drop(columns=[c for c in columns if c in frame], errors="ignore").merge(
        extra, on="doc", how="left", validate="many_to_one"
    )


def stance_matrix(
    stances: pd.DataFrame, *, by: Sequence[str] = ("party",), min_n: int = MIN_N
) -> pd.DataFrame:
    """One row per speaker party (or group) and target: how many of its statements mention the
    target, how many are for, against and neutral, and the mean stance (favor 1, against -1) with
    a 95% interval (`mean_interval`)."""
    keys = [*by, "target", "target_kind"]
    rows = []
    for key, group in stances.groupby(keys, sort=True, dropna=False):
        row: dict[str, object] = dict(zip(keys, key, strict=True))
        scores = group["label"].map(STANCE_SCORES).to_numpy(dtype=float)
        row["n"] = len(group)
        for label in ("favor", "against", "neutral"):
            row[label] = int((group["label"] == label).sum())
        row["mean"] = float(scores.mean())
        row["low"], row["high"] = mean_interval(scores)
        row["too_few"] = len(group) < min_n
        rows.append(row)
    columns = [*keys, "n", "favor", "against", "neutral", "mean", "low", "high", "too_few"]
    return pd.DataFrame(rows, columns=columns)


def verb_classes(statements: pd.DataFrame, *, by: Sequence[str] = ("party",)) -> pd.DataFrame:
    """Statements per party (or group) by the class of their reporting cue, most frequent first."""
    keys = list(by)
    table = (
        statements.assign(verb_class=statements["verb_class"].fillna("no cue"))
        .groupby([*keys, "verb_class"], dropna=False)
        .size()
        .unstack("verb_class", fill_value=0)
    )
    order = table.sum().sort_values(ascending=False).index
    table = table[order]
    table.columns.name = None
    table.insert(0, "statements", table.sum(axis=1))
    return table.sort_values("statements", ascending=False).reset_index()


def summarize_labels(
    labels: pd.DataFrame, *, by: Sequence[str] = ("party",), min_n: int = MIN_N
) -> pd.DataFrame:
    """One row per party (or group) the author labels: how often, with which words, and the
    share of negative labels with a 95% Wilson interval."""
    keys = list(by)
    rows = []
    for key, group in labels.groupby(keys, sort=True, dropna=False):
        values = key if isinstance(key, tuple) else (key,)
        row: dict[str, object] = dict(zip(keys, values, strict=True))
        negative = (group["connotation"] == "negative").to_numpy(dtype=float)
        row["n"] = len(group)
        for connotation in ("negative", "neutral", "positive"):
            row[connotation] = int((group["connotation"] == connotation).sum())
        counts = group["label"].value_counts()
        counts = counts.reindex(sorted(counts.index, key=lambda label: (-counts[label], label)))
        row["labels"] = ", ".join(f"{label} ×{count}" for label, count in counts.items())
        row["negative_mean"] = float(negative.mean())
        row["negative_low"], row["negative_high"] = wilson_interval(negative.sum(), len(group))
        row["too_few"] = len(group) < min_n
        rows.append(row)
    columns = [
        *keys, "n", "negative", "neutral", "positive", "labels", "negative_mean", "negative_low",
        "negative_high", "too_few",
    ]  # fmt: skip
    summary = pd.DataFrame(rows, columns=columns)
    return summary.sort_values(["n", *keys], ascending=[False, *[True] * len(keys)]).reset_index(
        drop=True
    )


NO_STATEMENT = "(no statement)"  # a hedged claim the attributor tied to no statement
ANONYMOUS = "(anonymous statement)"  # a statement with no named source: "are said to"


def hedge_counts(hedges: pd.DataFrame, *, scope: str = "attribution") -> pd.DataFrame:
    """Hedges of one scope by what they qualify (a named speaker's party, an anonymous statement,
    or no statement) and by kind."""
    chosen = hedges[hedges["scope"] == scope]
    qualifies = (
        chosen["party"]
        .astype("object")
        .where(chosen["speaker"].notna(), ANONYMOUS)
        .where(chosen["statement"].notna(), NO_STATEMENT)
    )
    table = (
        chosen.assign(qualifies=qualifies)
        .groupby(["qualifies", "kind"])
        .size()
        .unstack("kind", fill_value=0)
    )
    table.columns.name = None
    table.insert(0, "hedges", table.sum(axis=1))
    return table.sort_values("hedges", ascending=False).reset_index()


def small_n_warning(
    summary: pd.DataFrame, *, keys: Sequence[str] = ("party",), min_n: int = MIN_N, shown: int = 8
) -> str:
    """A sentence naming the rows with too few observations to compare (the first `shown` of
    them; the table marks all), or "" when there are none. It is Markdown, for a notebook to
    show: the names (outlets, dates, parties: corpus and lexicon text) are escaped, so that each
    shows as written and none can inject HTML or a link."""
    few = summary[summary["too_few"].astype(bool)]
    if few.empty:
        return ""
    count = "n" if "n" in summary else "statements"
    names = [
        f"{' → '.join(escape_markdown(row[k]) for k in keys)} (n={row[count]})"
        for _, row in few.iterrows()
    ]
    listed = "; ".join(names[:shown]) + (
        f"; and {len(names) - shown} more" if len(names) > shown else ""
    )
    return (
        f"{len(names)} of {len(summary)} too few to compare (fewer than {min_n}): {listed}. Their "
        "means and intervals are shown but are not evidence of a difference."
    )


def voice_by_group(statements: pd.DataFrame, *, group: str, min_n: int = MIN_N) -> pd.DataFrame:
    """Per group (outlet, date) and party: the share of the group's statements that quote the
    party, with a 95% Wilson interval, and the share of its words; a group with fewer than
    `min_n` statements is flagged."""
    rows = []
    for name, within in statements.groupby(group, sort=True):
        total_words = max(int(within["words"].sum()), 1)
        for party in sorted(within["party"].unique()):
            quoted = (within["party"] == party).to_numpy(dtype=float)
            words = int(within.loc[within["party"] == party, "words"].sum())
            low, high = wilson_interval(quoted.sum(), len(quoted))
            rows.append(
                {
                    group: name,
                    "party": party,
                    "n": len(within),
                    "statements": int(quoted.sum()),
                    "share_mean": float(quoted.mean()),
                    "share_low": low,
                    "share_high": high,
                    "words": words,
                    "word_share": words / total_words,
                    "too_few": len(within) < min_n,
                }
            )
    columns = [group, "party", "n", "statements", "share_mean", "share_low", "share_high", "words",
               "word_share", "too_few"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


# --- portrayals -----------------------------------------------------------------------------------


def portrayals_by_group(
    evidence: pd.DataFrame, articles: pd.DataFrame, *, group: str, min_n: int = MIN_N
) -> pd.DataFrame:
    """Each party's portrayal per group (outlet `source`, date `published`) and by whom (author,
    sources): the observations of all the group's articles pooled, with n, the mean score, its
    95% interval (`mean_interval`), the label and the strongest evidence (research.portrayals)."""
    from research import portrayals

    grouped = attach_articles(evidence, articles, columns=(group,))
    grouped[group] = grouped[group].fillna("(none)")
    return portrayals.summarize(grouped, by=(group, "party", "by"), min_n=min_n)


def prominence_by_group(
    prominence: pd.DataFrame, articles: pd.DataFrame, *, group: str | None = None
) -> pd.DataFrame:
    """Per party (and group): the articles it appears in, and the share of them in which it is in
    the headline, speaks in the lede and has the last word, and the mean rank of its first
    statement where it speaks."""
    keys = ["party"] if group is None else [group, "party"]
    frame = prominence if group is None else attach_articles(prominence, articles, columns=(group,))
    if group is not None:
        frame = frame.assign(**{group: frame[group].fillna("(none)")})
    rows = []
    for key, within in frame.groupby(keys, sort=True):
        values = key if isinstance(key, tuple) else (key,)
        row: dict[str, object] = dict(zip(keys, values, strict=True))
        row["articles"] = len(within)
        for column in ("headline", "speaks_in_lede", "last_word"):
            row[column] = float(within[column].astype(bool).mean())
        ranks = within["first_rank"].dropna().to_numpy(dtype=float)
        row["first_rank"] = float(ranks.mean()) if ranks.size else float("nan")
        row["statements"] = int(within["statements"].sum())
        rows.append(row)
    columns = [*keys, "articles", "headline", "speaks_in_lede", "last_word", "first_rank",
               "statements"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
