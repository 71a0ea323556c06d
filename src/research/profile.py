"""The report's first screen: one profile row per party, and a summary in sentences from it.

`party_profile` gathers what the sections of a report measure into one row per party: how much
it speaks, how the author reports it (distancing verbs, hedges), what the author calls it
(labels), what it says (polarity) and its clearest stance, each share and mean with its n and 95%
interval (`research.compare`). Further per-party measures slot in through `extra` (for example
the sentiment toward each mention of a party, by the author and by sources): each is a frame with
a `party` column and a score column, summarised the same way and shown when given.

`summary_sentences` turns the profile into short sentences that answer "how is each party
framed?", saying which differences between parties the intervals support (their 95% intervals
do not overlap) and which parties have too few statements to compare. Every name from the
corpus or a lexicon is escaped for Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, cast

import numpy as np
import pandas as pd

from research.compare import BOUNDS, DEFAULT_BOUNDS, MIN_N, mean_interval, wilson_interval
from research.errors import ResearchError
from research.markup import escape_markdown
from research.schema import UNATTRIBUTED, UNRESOLVED
from research.tables import Column

NOT_A_PARTY = (UNRESOLVED, UNATTRIBUTED)


@dataclass(frozen=True)
class Coverage:
    """How many statements were tied to a party: `resolved` of `named` (statements with a named
    speaker), besides `anonymous` ones ("are said to") and `total`."""

    total: int
    named: int
    resolved: int
    anonymous: int

    @property
    def share(self) -> float:
        return self.resolved / self.named if self.named else float("nan")


def coverage(statements: pd.DataFrame) -> Coverage:
    party = statements["party"].astype("object")
    anonymous = int((party == UNATTRIBUTED).sum())
    unresolved = int((party == UNRESOLVED).sum())
    total = len(statements)
    return Coverage(total, total - anonymous, total - anonymous - unresolved, anonymous)


class NoStatementsError(ResearchError):
    """A corpus in which no statement was found: a report would have nothing to compare."""


def require_statements(statements: pd.DataFrame, *, articles: int) -> None:
    """Stop a report with a plain reason, rather than an empty figure's error, when no statement
    was found in the `articles` read."""
    if statements.empty:
        raise NoStatementsError(
            f"no statement was found in the {articles} article(s) read, so there is nothing to "
            "compare: check that the corpus is news text that reports what people said"
        )


def party_profile(
    statements: pd.DataFrame,
    *,
    labels: pd.DataFrame | None = None,
    stances: pd.DataFrame | None = None,
    extra: Mapping[str, tuple[pd.DataFrame, str]] | None = None,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """One row per party that speaks or is labelled, most statements first. `statements` need
    `party`, `kind`, `words`, `polarity` and the 0/1 signals of `compare.with_signals`; `extra`
    maps a measure's name to (frame with `party`, score column), e.g. portrayal by the author."""
    parties = list(dict.fromkeys(statements["party"].astype(str)))
    if labels is not None:
        parties += [p for p in dict.fromkeys(labels["party"].astype(str)) if p not in parties]
    total = len(statements)
    total_words = max(int(statements["words"].sum()), 1)

    def row_of(party: str) -> dict[str, object]:
        own = statements[statements["party"].astype(str) == party]
        n = len(own)
        row: dict[str, object] = {"party": party, "statements": n}
        _share(row, "voice", n, total)
        row["word_share"] = float(own["words"].sum()) / total_words if n else float("nan")
        _share(row, "direct", int((own["kind"] == "direct").sum()), n)
        for signal in ("distancing", "hedged"):
            values = own[signal].to_numpy(dtype=float) if signal in own else np.array([])
            known = values[~np.isnan(values)]
            _share(row, signal, int(known.sum()), len(known))
        _mean(row, "polarity", own["polarity"].to_numpy(dtype=float), BOUNDS.get("polarity"))
        _labels(row, None if labels is None else labels[labels["party"].astype(str) == party])
        row["stance"] = _main_stance(
            None if stances is None else stances[stances["party"].astype(str) == party], party
        )
        for name, (frame, column) in (extra or {}).items():
            values = frame.loc[frame["party"].astype(str) == party, column].to_numpy(dtype=float)
            _mean(row, name, values, DEFAULT_BOUNDS)
        row["too_few"] = n < min_n
        return row

    if not parties:  # a corpus in which no party speaks or is labelled: no rows, the same columns
        return pd.DataFrame(columns=list(row_of("")))
    profile = pd.DataFrame([row_of(party) for party in parties])
    return profile.sort_values(["statements", "party"], ascending=[False, True]).reset_index(
        drop=True
    )


def profile_columns(profile: pd.DataFrame, extra: Sequence[str] = ()) -> list[Column]:
    """The profile's columns as a report shows them, `extra` measures included when present."""
    columns = [
        Column("party", "Party"),
        Column("statements", "Statements", "count"),
        Column("voice", "Share of statements", "share_ci"),
        Column("direct", "Quoted directly", "share_ci"),
        Column("distancing", "Distancing verb", "share_ci"),
        Column("hedged", "Hedged", "share_ci"),
        Column("labels", "What the author calls it"),
        Column("negative_labels", "Negative labels", "share_ci"),
        Column("stance", "Clearest stance"),
        Column("polarity", "Polarity of its words", "score_ci"),
    ]
    columns += [
        Column(name, name.replace("_", " ").capitalize(), "score_ci")
        for name in extra
        if f"{name}_mean" in profile
    ]
    return columns


# Each party's prominence (research.portrayals) as the reports show it, after the group column.
PROMINENCE_COLUMNS = (
    Column("party", "Party"),
    Column("articles", "Articles", "count"),
    Column("headline", "In the headline", "share"),
    Column("speaks_in_lede", "Speaks in the lede", "share"),
    Column("last_word", "Has the last word", "share"),
    Column("first_rank", "Rank of first statement", "score"),
    Column("statements", "Statements", "count"),
)


PORTRAYERS = ("author", "sources")


def portrayal_sides(portrayed: pd.DataFrame, *, keys: Sequence[str] = ("party",)) -> pd.DataFrame:
    """`portrayals.summarize` (a row per party and who portrays it) as one row per `keys`, the
    author's and the sources' portrayal side by side: `{by}_mentions`, `{by}_score_mean`, `_low`,
    `_high`, `_n` (observations scored) and `{by}_label`. Under `min_n` scored observations the
    interval is left out, as the report's tables do for too few."""
    rows: dict[tuple[object, ...], dict[str, object]] = {}
    for record in portrayed.to_dict("records"):
        key = tuple(record[k] for k in keys)
        row = rows.setdefault(key, dict(zip(keys, key, strict=True)))
        side = str(record["by"])
        few = bool(record["too_few"])
        row[f"{side}_mentions"] = record["n"]
        row[f"{side}_score_mean"] = record["score"]
        row[f"{side}_score_low"] = float("nan") if few else record["low"]
        row[f"{side}_score_high"] = float("nan") if few else record["high"]
        row[f"{side}_score_n"] = record["scored"]
        row[f"{side}_label"] = record["label"]
    columns = [*keys] + [
        f"{side}_{name}"
        for side in PORTRAYERS
        for name in ("mentions", "score_mean", "score_low", "score_high", "score_n", "label")
    ]
    return pd.DataFrame(list(rows.values()), columns=columns)


# portrayal_sides as a table shows it, after its keys' columns
PORTRAYAL_SIDE_COLUMNS = tuple(
    column
    for side, words in (("author", "by the author"), ("sources", "by sources"))
    for column in (
        Column(f"{side}_mentions", f"Mentions {words}", "count"),
        Column(f"{side}_score", f"Mean score {words}", "score_ci"),
        Column(f"{side}_label", f"Label {words}"),
    )
)


def summary_sentences(
    profile: pd.DataFrame, covered: Coverage, *, min_n: int = MIN_N, articles: int = 1
) -> list[str]:
    """The first screen's summary: a few Markdown sentences from the profile's numbers."""
    speaking = profile[profile["statements"] > 0]
    parties = speaking[~speaking["party"].isin(NOT_A_PARTY)]
    comparable = parties[~parties["too_few"].astype(bool)]
    few = parties[parties["too_few"].astype(bool)]
    name = _name
    sentences = [
        f"{_plural(articles, 'article')}, {_plural(covered.total, 'statement')}: "
        f"{covered.resolved} of the {covered.named} with a named speaker are tied to a party "
        f"({_pct(covered.share)}); {covered.anonymous} "
        + ("has" if covered.anonymous == 1 else "have")
        + " no named source."
    ]
    if parties.empty:
        sentences.append("No statement was tied to a party: there is nothing to compare.")
        return sentences
    voices = [
        f"{name(r.party)} {r.statements} ({_pct(r.word_share)})" for r in _rows(parties.head(4))
    ]
    sentences.append(
        "Who speaks (statements, share of the quoted words): " + "; ".join(voices) + "."
    )
    reported = [
        f"{name(r.party)}'s in {_count_of(r, 'distancing')}"
        for r in _rows(parties)
        if not _missing(r, "distancing") and r.distancing_count > 0
    ]
    hedged = [
        f"{name(r.party)}'s {_count_of(r, 'hedged')}" for r in _rows(parties) if r.hedged_count > 0
    ]
    sentences.append(
        "How the author reports them: a distancing verb (\u201cclaimed\u201d, \u201calleged\u201d) "
        "introduces "
        + ("; ".join(reported) if reported else "none of the parties' statements")
        + "; a hedge qualifies "
        + ("; ".join(hedged) if hedged else "none")
        + "."
    )
    labelled = profile[profile["labels"].astype(str) != ""]
    if not labelled.empty:
        called = [
            f"{name(r.party)} \u201c{_escape(r.labels)}\u201d" for r in _rows(labelled.head(4))
        ]
        negative = [
            f"{name(r.party)} ({r.negative_labels_count} of {r.negative_labels_n})"
            for r in _rows(labelled)
            if r.negative_labels_count > 0
        ]
        sentences.append(
            "What the author calls them: "
            + "; ".join(called)
            + (". Negative labels: " + ", ".join(negative) if negative else ". No negative labels")
            + "."
        )
    if "author_portrayal_mean" in profile:
        sentences.append(_portrayal_sentence(profile[~profile["party"].isin(NOT_A_PARTY)]))
    stances = [f"{name(r.party)} {_escape(r.stance)}" for r in _rows(parties) if r.stance]
    if stances:
        sentences.append(
            "Clearest stances (statements for or against, of those that mention it): "
            + "; ".join(stances)
            + "."
        )
    differences = _differences(comparable, min_n=min_n)
    if not few.empty:
        differences += (
            f" Too few to compare (fewer than {min_n} statements): "
            + ", ".join(_escape(p) for p in few["party"])
            + "."
        )
    sentences.append(differences)
    return sentences


def _portrayal_sentence(parties: pd.DataFrame) -> str:
    """How the narration treats each party: the mean sentiment toward its mentions and the words
    the author chose about it (research.portrayals), -1 to 1, with n."""
    scored = parties[parties["author_portrayal_n"] > 0].sort_values(
        "author_portrayal_mean", kind="stable"
    )
    if scored.empty:
        return "How the author portrays them: no party is mentioned in the narration."
    shown = [
        f"{_name(r.party)} {_signed(r.author_portrayal_mean)} (n={r.author_portrayal_n})"
        for r in _rows(scored.head(5))
    ]
    return (
        "How the author portrays them (mean score of its mentions and the words chosen about "
        "it, −1 to 1, most negative first): " + "; ".join(shown) + "."
    )


MEASURES = {
    "voice": "share of the statements",
    "direct": "share quoted in its own words",
    "distancing": "share introduced with a distancing verb",
    "hedged": "share hedged by the author",
    "negative_labels": "share of negative labels",
    "polarity": "polarity of what it says",
}


def _differences(comparable: pd.DataFrame, *, min_n: int) -> str:
    """Which pairs of comparable parties differ on a measure with non-overlapping intervals."""
    if len(comparable) < 2:
        return (
            f"Differences: fewer than two parties have {min_n} or more statements, so no "
            "difference between parties can be supported."
        )
    found = [
        f"{_name(more.party)} has a higher {words} than {_name(less.party)}"
        for more, less, words in _apart(comparable)
    ]
    if not found:
        return (
            "Differences: no difference between the parties with enough statements is supported "
            "by the intervals (every pair's 95% intervals overlap)."
        )
    return "Differences the intervals support (95% intervals apart): " + "; ".join(found) + "."


def _apart(rows: pd.DataFrame) -> list[tuple[Any, Any, str]]:
    """Every pair of rows and measure whose 95% intervals do not overlap: (higher, lower, words)."""
    found = []
    for measure, words in MEASURES.items():
        for a, b in combinations(_rows(rows), 2):
            low_a, high_a = getattr(a, f"{measure}_low"), getattr(a, f"{measure}_high")
            low_b, high_b = getattr(b, f"{measure}_low"), getattr(b, f"{measure}_high")
            if np.isnan([low_a, high_a, low_b, high_b]).any():
                continue
            if high_a < low_b or high_b < low_a:
                found.append((a, b, words) if low_a > high_b else (b, a, words))
    return found


def group_profiles(
    statements: pd.DataFrame,
    *,
    group: str,
    labels: pd.DataFrame | None = None,
    stances: pd.DataFrame | None = None,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """`party_profile` within each group of articles (outlet, date), one row per group and
    party; each frame needs a `group` column."""
    frames = []
    for name in sorted(statements[group].astype(str).unique()):
        own = statements[statements[group].astype(str) == name]
        profile = party_profile(
            own,
            labels=_within(labels, group, name),
            stances=_within(stances, group, name),
            min_n=min_n,
        )
        frames.append(profile.assign(**{group: name}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _within(frame: pd.DataFrame | None, group: str, name: str) -> pd.DataFrame | None:
    return None if frame is None else frame[frame[group].astype(str) == name]


def group_sentences(profiles: pd.DataFrame, *, group: str, min_n: int = MIN_N) -> list[str]:
    """The outlet comparison's summary: whom each group quotes most and how it reports them, and
    which differences between groups, for the same party, the 95% intervals support."""
    sentences = []
    parties = profiles[~profiles["party"].isin(NOT_A_PARTY) & (profiles["statements"] > 0)]
    for name, rows in parties.groupby(group, sort=True):
        voices = "; ".join(
            f"{_name(r.party)} in {r.statements} statements"
            + (f" ({r.distancing_count} with a distancing verb)" if r.distancing_count else "")
            for r in _rows(rows.head(4))
        )
        sentences.append(f"{_name(name)} quotes {voices}.")
    # one clause per party, measure and higher group: "... in A than in B and C"
    lower: dict[tuple[str, str, str], list[str]] = {}
    comparable = parties[~parties["too_few"].astype(bool)]
    for party, rows in comparable.groupby("party", sort=True):
        for more, less, words in _apart(rows):
            key = (str(party), words, str(getattr(more, group)))
            lower.setdefault(key, []).append(_name(getattr(less, group)))
    found = [
        f"{_name(party)}: a higher {words} in {_name(more)} than in {' and '.join(less)}"
        for (party, words, more), less in lower.items()
    ]
    if found:
        sentences.append(
            "Differences the intervals support (95% intervals apart): " + "; ".join(found) + "."
        )
    else:
        sentences.append(
            f"Differences: for no party with {min_n} or more statements in two groups do the "
            "95% intervals of two groups stay apart; the differences below are not findings."
        )
    return sentences


def _share(row: dict[str, object], name: str, count: int, n: int) -> None:
    low, high = wilson_interval(count, n)
    row[f"{name}_count"] = count
    row[f"{name}_n"] = n
    row[f"{name}_mean"] = count / n if n else float("nan")
    row[f"{name}_low"], row[f"{name}_high"] = low, high


def _mean(
    row: dict[str, object], name: str, values: np.ndarray, bounds: tuple[float, float] | None
) -> None:
    known = values[~np.isnan(values)]
    low, high = mean_interval(known, bounds=bounds or DEFAULT_BOUNDS)
    row[f"{name}_n"] = len(known)
    row[f"{name}_mean"] = float(known.mean()) if len(known) else float("nan")
    row[f"{name}_low"], row[f"{name}_high"] = low, high


def _labels(row: dict[str, object], labels: pd.DataFrame | None) -> None:
    if labels is None or labels.empty:
        row["labels"] = ""
        _share(row, "negative_labels", 0, 0)
        return
    counts = _by_count(labels["label"].astype(str))
    row["labels"] = ", ".join(f"{label} ×{n}" for label, n in counts.head(3).items())
    negative = int((labels["connotation"] == "negative").sum())
    _share(row, "negative_labels", negative, len(labels))


def _main_stance(stances: pd.DataFrame | None, party: str) -> str:
    """The target `party` most clearly takes a side on: most statements for or against it."""
    if stances is None or stances.empty:
        return ""
    taken = stances[stances["label"].isin(["favor", "against"])]
    if taken.empty:
        return ""
    counts = taken.groupby(["target", "label"]).size().sort_values(ascending=False, kind="stable")
    key, n = next(iter(counts.items()))
    target, label = cast(tuple[str, str], key)
    mentions = int((stances["target"] == target).sum())
    side = "for" if label == "favor" else "against"
    named = "its own side" if target == party else target
    return f"{side} {named} ({n} of {mentions})"


def _missing(row: object, name: str) -> bool:
    return bool(np.isnan(getattr(row, f"{name}_mean")))


def _count_of(row: object, name: str) -> str:
    return f"{getattr(row, f'{name}_count')} of {getattr(row, f'{name}_n')}"


def _name(party: object) -> str:
    return f"**{escape_markdown(str(party))}**"


def _escape(text: object) -> str:
    return escape_markdown(str(text))


def _pct(value: float) -> str:
    return "–" if np.isnan(value) else f"{value:.0%}"


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "\u2212")  # a true minus, as the tables write it


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def extractor_accuracy() -> str:
    """One Markdown sentence: how accurately the attributor finds statements, as measured."""
    import tomllib
    from importlib import resources

    facts = tomllib.loads(
        resources.files("research").joinpath("data", "accuracy.toml").read_text(encoding="utf-8")
    )
    return (
        f"Extractor accuracy (overlap F1 on the {facts['corpus_short']}): speakers "
        f"{facts['source']:.1f}, cues {facts['cue']:.1f}, contents {facts['content']:.1f}; a "
        f"found statement's speaker is right {facts['speaker_right']}% of the time."
    )


def _by_count(values: pd.Series) -> pd.Series:
    """How often each value occurs, most frequent first and ties alphabetical (value_counts
    orders ties by hash, which changes from one process to the next)."""
    counts = values.value_counts()
    order = sorted(counts.index, key=lambda value: (-counts[value], value))
    return counts.reindex(order)


def _rows(frame: pd.DataFrame) -> list[Any]:
    """The rows as named tuples, typed loosely: their fields are the frame's columns."""
    return list(frame.itertuples())
