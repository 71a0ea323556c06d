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
# The same measures as the framing report, per group of articles: by default per outlet (`source`),
# or per date (`published`). For each group: whose statements it carries, with which reporting verbs
# and hedges, what those statements are for and against, and what the outlet itself calls each party.
# Every share comes with its n and a 95% bootstrap interval; groups with fewer than `min_n`
# statements (or labels) are drawn hollow and named in a warning. A difference between outlets that
# the intervals do not separate is not a finding.
#
# The default corpus is the invented example in `data/examples/marrow-bay/` (nine short articles from
# three fictional outlets on three dates), read with its own lexicon.

# %% tags=["parameters"]
# Parameters: papermill replaces this cell's values when it renders a report.
corpus = ["../data/examples/marrow-bay/articles.jsonl"]  # files or folders with a source/published column
lexicon = "../data/examples/marrow-bay/story.toml"  # the story's parties and stance targets
group_by = "source"  # "source" (outlet) or "published" (date)
sentiment_backend = "textblob"
stance_backend = "lexicon"
min_n = 5  # groups with fewer statements are flagged, not compared

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import Markdown, display

from research import compare, io, pipeline, plots, portrayals

pd.set_option("display.max_colwidth", None)
pd.set_option("display.max_rows", 500)

articles = io.read_articles(corpus)
if group_by not in ("source", "published"):
    raise ValueError(f"group_by must be 'source' or 'published', not {group_by!r}")
articles[group_by] = articles[group_by].fillna("(none)")
lexicons = pipeline.load_lexicons(parties_path=lexicon)
analysis = pipeline.analyze(
    articles, lexicons, sentiment_backend=sentiment_backend, stance_backend=stance_backend
)
statements = compare.attach_articles(
    compare.with_signals(analysis.statements), articles, columns=[group_by]
)
stances = compare.attach_articles(analysis.stances, articles, columns=[group_by])
hedges = compare.attach_articles(analysis.hedges, articles, columns=[group_by])
labels = compare.attach_articles(analysis.labels, articles, columns=[group_by])


def warn(text):
    """Show a small-n warning where the reader looks, or nothing."""
    if text:
        display(Markdown(f"**⚠ {text}**"))


# %% [markdown]
# ## The groups
#
# Articles and statements per group; the manifest lists every input file with its sha256.

# %%
display(
    articles.assign(statements=articles["doc"].map(statements["doc"].value_counts()).fillna(0).astype(int))
    .groupby(group_by)
    .agg(articles=("doc", "size"), statements=("statements", "sum"), docs=("doc", ", ".join))
)
if articles[group_by].nunique() < 2:
    warn(f"The corpus has one {group_by}: there is nothing to compare.")

# %% [markdown]
# ## Who each group quotes
#
# The share of each group's statements that quote each party, with its 95% interval.

# %%
voice = compare.voice_by_group(statements, group=group_by, min_n=min_n)
plots.plot_group_intervals(
    voice, group=group_by, mean="share_mean", low="share_low", high="share_high",
    xlabel="share of the group's statements", title=f"Who gets quoted, per {group_by}",
)

# %% [markdown]
# *Figure 1.* Share of statements per party and group. Evidence: [table E1](#evidence-voice).

# %%
warn(compare.small_n_warning(voice.drop_duplicates(group_by), keys=(group_by,), min_n=min_n))

# %% [markdown]
# <a id="evidence-voice"></a>
# #### Evidence E1: every statement, by group

# %%
display(
    statements[[group_by, "doc", "statement", "speaker", "party", "kind", "cue", "content", "content_spans", "words"]]
    .sort_values([group_by, "party"])
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
plots.plot_group_intervals(
    signals, group=group_by, mean="distancing_mean", low="distancing_low", high="distancing_high",
    xlabel="share of statements with a distancing cue", title=f"Distancing verbs per party and {group_by}",
)

# %% [markdown]
# *Figure 2.* Share of each party's statements introduced by a distancing verb, per group. Evidence:
# [table E2](#evidence-verbs).

# %%
plots.plot_group_intervals(
    signals, group=group_by, mean="hedged_mean", low="hedged_low", high="hedged_high",
    xlabel="share of statements qualified by an attribution hedge", title=f"Hedged statements per party and {group_by}",
)

# %% [markdown]
# *Figure 3.* Share of each party's statements qualified by an attribution hedge, per group. Evidence:
# [table E2](#evidence-verbs) and [table E3](#evidence-hedges).

# %%
warn(compare.small_n_warning(signals, keys=(group_by, "party"), min_n=min_n))
display(signals.round(3))

# %% [markdown]
# <a id="evidence-verbs"></a>
# #### Evidence E2: each statement's cue and hedges

# %%
display(
    statements[[group_by, "doc", "statement", "speaker", "party", "cue", "cue_start", "cue_end", "verb_class", "hedges"]]
    .sort_values([group_by, "party", "verb_class"])
)

# %% [markdown]
# <a id="evidence-hedges"></a>
# #### Evidence E3: every attribution hedge, with or without a statement

# %%
display(
    hedges[hedges["scope"] == "attribution"][
        [group_by, "doc", "start", "end", "text", "kind", "statement", "speaker", "party", "mentions", "sentence_text"]
    ]
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
plots.plot_group_intervals(
    targets, category="pair", group=group_by, mean="mean", low="low", high="high",
    xlabel="mean stance (against −1 … favor +1)", title=f"Stance toward the targets, per {group_by}",
    limits=(-1.05, 1.05),
)

# %% [markdown]
# *Figure 4.* Mean stance of each speaker party toward each target, per group. Evidence:
# [table E4](#evidence-stance).

# %%
warn(compare.small_n_warning(targets, keys=(group_by, "party", "target"), min_n=min_n))
display(matrix.round(3))

# %% [markdown]
# <a id="evidence-stance"></a>
# #### Evidence E4: stances with their words

# %%
display(
    stances[[group_by, "doc", "statement", "speaker", "party", "target", "label", "evidence", "evidence_spans", "mention"]]
    .sort_values([group_by, "label"])
)

# %% [markdown]
# ## What each group calls the parties
#
# Labels the outlet uses in its own words (outside quotation marks): the share that are negative
# ("regime", "terrorists") per party and group, and the words themselves.

# %%
label_summary = compare.summarize_labels(labels, by=(group_by, "party"), min_n=min_n)
plots.plot_group_intervals(
    label_summary, group=group_by, mean="negative_mean", low="negative_low", high="negative_high",
    xlabel="share of labels that are negative", title=f"Negative labels per party and {group_by}",
)

# %% [markdown]
# *Figure 5.* Share of negative labels for each party, per group. Evidence: [table E5](#evidence-labels).

# %%
warn(compare.small_n_warning(label_summary, keys=(group_by, "party"), min_n=min_n))
display(label_summary[[group_by, "party", "n", "negative", "neutral", "positive", "labels", "too_few"]])

# %% [markdown]
# <a id="evidence-labels"></a>
# #### Evidence E5: every label with its offsets

# %%
display(
    labels[[group_by, "doc", "start", "end", "text", "label", "connotation", "party", "party_evidence", "sentence_text"]]
    .sort_values([group_by, "party"])
)

# %% [markdown]
# ## How each group portrays the parties
#
# Each party's portrayal per group, by the author (the narration) and by the sources (other
# parties' statements), pooling the observations of the group's articles: mentions, the mean
# score in [-1, 1] with its 95% interval, and the label. Then each party's prominence per group.

# %%
display(Markdown(f"Label rule: {portrayals.LABEL_RULE}."))
portrayed = compare.portrayals_by_group(analysis.portrayal_evidence, articles, group=group_by, min_n=min_n)
warn(compare.small_n_warning(portrayed, keys=(group_by, "party", "by"), min_n=min_n))
display(
    portrayed[[group_by, "party", "by", "n", "scored", "score", "low", "high", "label", "evidence", "too_few"]]
    .round(3)
)
display(compare.prominence_by_group(analysis.prominence, articles, group=group_by).round(3))
