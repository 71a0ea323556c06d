# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Outlets (or periods) compared
#
# The framing report's measures per group of articles, per outlet (`source`) or per date
# (`published`), each share with its n and 95% interval: a difference between groups that the
# intervals do not separate is not a finding.

# %% tags=["parameters"]
# Parameters: papermill replaces this cell's values when it renders a report.
corpus = [
    "../data/examples/marrow-bay/articles.jsonl"
]  # files or folders with a source/published column
lexicon = "../data/examples/marrow-bay/story.toml"  # the story's parties and stance targets
group_by = "source"  # "source" (outlet) or "published" (date)
sentiment_backend = "textblob"
stance_backend = "lexicon"
attributions = "all"  # "all" as PolNeAR codes them, or "speech": only speech-act cues
min_n = 5  # groups with fewer statements are flagged, not compared
data_dir = None  # where the tables are written as CSV and Parquet (`research report` sets it)

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import HTML, Markdown, display

from pathlib import Path

from research import compare, export, io, pipeline, plots, portrayals, profile, tables

pd.set_option("display.max_colwidth", None)
pd.set_option("display.max_rows", 500)

articles = io.read_articles(corpus)
if group_by not in ("source", "published"):
    raise ValueError(f"group_by must be 'source' or 'published', not {group_by!r}")
articles[group_by] = articles[group_by].fillna("(none)")
lexicons = pipeline.load_lexicons(parties_path=lexicon)
analysis = pipeline.analyze(
    articles,
    lexicons,
    sentiment_backend=sentiment_backend,
    stance_backend=stance_backend,
    attributions=attributions,
)
profile.require_statements(analysis.statements, articles=len(articles))
statements = compare.attach_articles(
    compare.with_signals(analysis.statements), articles, columns=[group_by]
)
stances = compare.attach_articles(analysis.stances, articles, columns=[group_by])
hedges = compare.attach_articles(analysis.hedges, articles, columns=[group_by])
labels = compare.attach_articles(analysis.labels, articles, columns=[group_by])


def warn(text):
    """Show a small-n warning where the reader looks, or nothing."""
    if text:
        display(Markdown(f"**Note:** {text}"))


# %% tags=["contents"]
by_group = profile.group_profiles(
    statements, group=group_by, labels=labels, stances=stances, min_n=min_n
)
sentences = profile.group_sentences(by_group, group=group_by, min_n=min_n)
display(Markdown("\n".join(f"- {sentence}" for sentence in sentences)))
comparable = by_group[~by_group["too_few"].astype(bool)]
columns = [
    (group_by, group_by.capitalize()),
    ("party", "Party"),
    ("statements", "Statements", "count"),
    tables.Column("voice", f"Share of the {group_by}'s statements", "share_ci"),
    tables.Column("distancing", "Distancing verb", "share_ci"),
    tables.Column("hedged", "Hedged", "share_ci"),
    ("labels", "What it calls the party"),
    tables.Column("negative_labels", "Negative labels", "share_ci"),
    ("stance", "Clearest stance"),
]
display(
    tables.table(
        comparable,
        columns,
        caption=(
            f"Each {group_by} and party with {min_n} or more statements: shares with their 95% "
            "interval and n"
        ),
        anchor="profile",
    )
)
shown = by_group[(by_group["statements"] > 0) | (by_group["labels"] != "")]
display(
    tables.details(
        f"Show all {len(shown)} {group_by} and party pairs",
        tables.table(
            shown,
            columns,
            caption=(
                f"Each {group_by} and party: with fewer than {min_n} statements, counts and no "
                "interval"
            ),
        ),
    )
)
display(HTML('<div id="summary-end"></div>'))

# %% [markdown]
# ## The groups
#
# Articles and statements per group; the manifest lists every input file with its sha256. Every
# share comes with its n and a 95% Wilson interval (a mean of stance scores, the Wilson interval of
# the rescaled mean); groups with fewer than `min_n` statements (or labels) are drawn hollow,
# without an interval, and named in a warning.

# %%
EXAMPLE = Path("../data/examples/marrow-bay/articles.jsonl").resolve()
if [Path(c).resolve() for c in corpus] == [EXAMPLE]:
    display(
        Markdown(
            "This is the bundled example: nine short invented articles from three fictional "
            "outlets on three dates, read with its own lexicon."
        )
    )
groups = (
    articles.assign(
        statements=articles["doc"].map(statements["doc"].value_counts()).fillna(0).astype(int)
    )
    .groupby(group_by)
    .agg(articles=("doc", "size"), statements=("statements", "sum"), docs=("doc", ", ".join))
    .reset_index()
)
display(tables.auto(groups, caption=f"Articles and statements per {group_by}"))
if articles[group_by].nunique() < 2:
    warn(f"The corpus has one {group_by}: there is nothing to compare.")

# %% [markdown]
# ## Who each group quotes
#
# The share of each group's statements that quote each party, with its 95% interval.

# %%
voice = compare.voice_by_group(statements, group=group_by, min_n=min_n)
display(
    plots.figure_html(
        plots.plot_group_intervals(
            voice,
            group=group_by,
            mean="share_mean",
            low="share_low",
            high="share_high",
            xlabel="share of the group's statements",
            title=f"Who gets quoted, per {group_by}",
        ),
        "Dot plot: a mean with its 95% interval per party (rows) and "
        + group_by
        + " (colours); hollow: too few to compare",
    )
)

# %% [markdown]
# *Figure 1.* Share of statements per party and group. Evidence: [table E1](#evidence-voice).

# %%
warn(compare.small_n_warning(voice.drop_duplicates(group_by), keys=(group_by,), min_n=min_n))

# %%
display(
    tables.evidence(
        "evidence-voice",
        "Evidence E1: every statement, by group",
        tables.auto(
            statements[
                [
                    group_by,
                    "doc",
                    "statement",
                    "speaker",
                    "party",
                    "kind",
                    "cue",
                    "content",
                    "content_spans",
                    "words",
                ]
            ].sort_values([group_by, "party"]),
            caption="Every statement, by group",
        ),
    )
)

# %% [markdown]
# ## Reporting verbs and hedges per group
#
# The share of each party's statements that a group introduces with a distancing verb ("claimed",
# "alleged") and the share it hedges ("reportedly", "so-called"). The same party reported as
# *claiming* in one outlet and *saying* in another is the framing difference sentiment cannot see.

# %%
signals = compare.summarize_parties(
    statements, by=(group_by, "party"), measures=compare.SIGNALS, min_n=min_n
)
signals = signals.rename(columns={"statements": "n"})
display(
    tables.side_by_side(
        *(
            plots.figure_html(
                plots.plot_group_intervals(
                    signals,
                    group=group_by,
                    mean=f"{signal}_mean",
                    low=f"{signal}_low",
                    high=f"{signal}_high",
                    xlabel=xlabel,
                    title=f"{title} per party and {group_by}",
                ),
                "Dot plot: a mean with its 95% interval per party (rows) and "
                + group_by
                + " (colours); hollow: too few to compare",
            )
            for signal, xlabel, title in (
                ("distancing", "share of statements with a distancing cue", "Distancing verbs"),
                ("hedged", "share of statements with an attribution hedge", "Hedged statements"),
            )
        )
    )
)

# %% [markdown]
# *Figures 2 and 3.* Share of each party's statements introduced by a distancing verb (left) and
# qualified by an attribution hedge (right), per group. Evidence: [table E2](#evidence-verbs) and
# [table E3](#evidence-hedges).

# %%
warn(compare.small_n_warning(signals, keys=(group_by, "party"), min_n=min_n))
display(
    tables.details(
        "Show the shares per group and party (95% intervals)",
        tables.table(
            signals,
            [
                (group_by, group_by.capitalize()),
                ("party", "Party"),
                ("n", "Statements", "count"),
                tables.Column("distancing", "Distancing verb", "share_ci"),
                tables.Column("emphatic", "Emphatic verb", "share_ci"),
                tables.Column("hedged", "Hedged", "share_ci"),
                ("too_few", f"Fewer than {min_n}", "flag"),
            ],
            caption="Distancing verbs and hedges per group and party (95% interval, n)",
        ),
    )
)

# %%
display(
    tables.evidence(
        "evidence-verbs",
        "Evidence E2: each statement's cue and hedges",
        tables.auto(
            statements[
                [
                    group_by,
                    "doc",
                    "statement",
                    "speaker",
                    "party",
                    "cue",
                    "cue_start",
                    "cue_end",
                    "verb_class",
                    "hedges",
                ]
            ].sort_values([group_by, "party", "verb_class"]),
            caption="Each statement's cue and hedges",
        ),
    )
)

# %%
display(
    tables.evidence(
        "evidence-hedges",
        "Evidence E3: every attribution hedge, with or without a statement",
        tables.auto(
            hedges[hedges["scope"] == "attribution"][
                [
                    group_by,
                    "doc",
                    "start",
                    "end",
                    "text",
                    "kind",
                    "statement",
                    "speaker",
                    "party",
                    "mentions",
                ]
            ],
            caption="Every attribution hedge, with or without a statement",
        ),
    )
)

# %% [markdown]
# ## Stance per group
#
# The mean stance of the statements each group carries toward the story's targets, by the speaker's
# party: −1 when every such statement is against, +1 when every one is for.

# %%
matrix = compare.stance_matrix(stances, by=(group_by, "party"), min_n=min_n)
targets = matrix[matrix["target_kind"] == "target"].assign(
    pair=lambda m: m["party"] + " → " + m["target"]
)
display(
    plots.figure_html(
        plots.plot_group_intervals(
            targets,
            category="pair",
            group=group_by,
            mean="mean",
            low="low",
            high="high",
            xlabel="mean stance (against −1 … favor +1)",
            title=f"Stance toward the targets, per {group_by}",
            limits=(-1.05, 1.05),
        ),
        "Dot plot: a mean with its 95% interval per party (rows) and "
        + group_by
        + " (colours); hollow: too few to compare",
    )
)

# %% [markdown]
# *Figure 4.* Mean stance of each speaker party toward each target, per group. Evidence:
# [table E4](#evidence-stance).

# %%
warn(compare.small_n_warning(targets, keys=(group_by, "party", "target"), min_n=min_n))
display(
    tables.details(
        "Show the stance per group, party and target (95% intervals)",
        tables.table(
            matrix.rename(
                columns={"mean": "stance_mean", "low": "stance_low", "high": "stance_high"}
            ),
            [
                (group_by, group_by.capitalize()),
                ("party", "Party"),
                ("target", "Toward"),
                ("n", "Statements", "count"),
                ("favor", "For", "count"),
                ("against", "Against", "count"),
                ("neutral", "Neutral", "count"),
                tables.Column("stance", "Mean stance", "score_ci"),
            ],
            caption="Stance per group, party and target (favor +1, against −1; 95% interval)",
        ),
    )
)

# %%
display(
    tables.evidence(
        "evidence-stance",
        "Evidence E4: stances with their words",
        tables.auto(
            stances[
                [
                    group_by,
                    "doc",
                    "statement",
                    "speaker",
                    "party",
                    "target",
                    "label",
                    "evidence",
                    "evidence_spans",
                    "mention",
                ]
            ].sort_values([group_by, "label"]),
            caption="Every stance with the words that decided it",
        ),
    )
)

# %% [markdown]
# ## What each group calls the parties
#
# Labels the outlet uses in its own words (outside quotation marks): the share that are negative
# ("regime", "terrorists") per party and group, and the words themselves.

# %%
label_summary = compare.summarize_labels(labels, by=(group_by, "party"), min_n=min_n)
display(
    plots.figure_html(
        plots.plot_group_intervals(
            label_summary,
            group=group_by,
            mean="negative_mean",
            low="negative_low",
            high="negative_high",
            xlabel="share of labels that are negative",
            title=f"Negative labels per party and {group_by}",
        ),
        "Dot plot: a mean with its 95% interval per party (rows) and "
        + group_by
        + " (colours); hollow: too few to compare",
    )
)

# %% [markdown]
# *Figure 5.* Share of negative labels for each party, per group. Evidence: [table E5](#evidence-labels).

# %%
warn(compare.small_n_warning(label_summary, keys=(group_by, "party"), min_n=min_n))
display(
    tables.details(
        "Show the labels per group and party",
        tables.auto(
            label_summary[
                [group_by, "party", "n", "negative", "neutral", "positive", "labels", "too_few"]
            ],
            caption="Labels per group and party",
        ),
    )
)

# %%
display(
    tables.evidence(
        "evidence-labels",
        "Evidence E5: every label with its offsets",
        tables.auto(
            labels[
                [
                    group_by,
                    "doc",
                    "start",
                    "end",
                    "text",
                    "label",
                    "connotation",
                    "party",
                    "party_evidence",
                ]
            ].sort_values([group_by, "party"]),
            caption="Every label with its offsets",
        ),
    )
)

# %% [markdown]
# ## How each group portrays the parties
#
# Each party's portrayal per group, by the author (the narration) and by the sources (other
# parties' statements), pooling the observations of the group's articles: mentions, the mean
# score in [-1, 1] with its 95% interval, and the label; the words behind each and each party's
# prominence per group are folded under the table.

# %%
display(Markdown(f"Label rule: {portrayals.LABEL_RULE}."))
portrayed = compare.portrayals_by_group(
    analysis.portrayal_evidence, articles, group=group_by, min_n=min_n
)
warn(compare.small_n_warning(portrayed, keys=(group_by, "party", "by"), min_n=min_n))
display(
    tables.table(
        profile.portrayal_sides(portrayed, keys=(group_by, "party")),
        [(group_by, group_by.capitalize()), ("party", "Party"), *profile.PORTRAYAL_SIDE_COLUMNS],
        caption=f"Each party's portrayal per {group_by.replace('source', 'outlet')}, by the author "
        f"and by other sources (−1 to 1; 95% interval and n scored; under {min_n} scored, no "
        "interval)",
    )
)
prominence = compare.prominence_by_group(analysis.prominence, articles, group=group_by)
display(
    tables.evidence(
        "evidence-prominence",
        "Evidence: the strongest words behind each portrayal, and prominence per group",
        tables.table(
            portrayed,
            [
                (group_by, group_by.capitalize()),
                ("party", "Party"),
                ("by", "Portrayed by"),
                ("evidence", "Strongest evidence"),
            ],
            caption="The strongest evidence of each portrayal",
        ),
        tables.table(
            prominence,
            [(group_by, group_by.capitalize()), *profile.PROMINENCE_COLUMNS],
            caption="Prominence: of the group's articles naming each party, the share with it in "
            "the headline, speaking in the first two paragraphs and having the last word",
        ),
    )
)

# %%
written = export.write_tables(
    {
        "statements": statements,
        "voice": voice,
        "signals": signals,
        "stance_matrix": matrix,
        "stances": stances,
        "hedges": hedges,
        "labels": labels,
        "label_summary": label_summary,
        "portrayals": portrayed,
        "prominence": prominence,
    },
    data_dir,
)

