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
# # Validating statement extraction against a hand-coded sample
#
# Before trusting the framing report on a new corpus, code a sample by hand (brat standoff: for each
# attribution a Source, a Cue and a Content span tied by an event line, as in PARC and PolNeAR) and
# compare it with what `research` finds. This report scores the extractor on that sample and lists
# what it missed and what it found that the coders did not.

# %% tags=["parameters"]
# Parameters: papermill replaces this cell's values when it renders a report.
corpus = ["../tests/fixtures/brat/text"]  # the texts that were hand-coded
lexicon = None  # a party lexicon (TOML) that extends the default one
gold = "../tests/fixtures/brat"  # holds text/*.txt and attributions/*.ann
predictions = None  # a statements JSON Lines file; None: extract statements from `corpus` now
examples = 25  # error examples shown per kind
outer_only = False  # leave out statements inside another's content, for gold coded one level deep

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import display
from matplotlib.figure import Figure

from research import evaluate, io, pipeline, plots, tables

pd.set_option("display.max_colwidth", 160)
gold_corpus = evaluate.read_brat_corpus(gold)
if predictions is None:
    articles = io.read_articles(corpus)
    statements = pipeline.extract_statements(articles, pipeline.load_lexicons(parties_path=lexicon))
    predicted = evaluate.predictions_from_statements(statements)
else:
    predicted = evaluate.read_predictions(predictions)
result = evaluate.evaluate_statements(gold_corpus, predicted, outer_only=outer_only)
print(
    f"{len(gold_corpus.texts)} hand-coded documents, {len(gold_corpus.relations)} gold attributions, "
    f"{len(predicted)} statements found"
)

# %% [markdown]
# ## Per role
#
# `exact`: the predicted span has the gold span's boundaries. `overlap`: the spans share at least one
# token (detection, whatever the boundaries). `token`: tokens covered by both, over tokens covered by
# either (partial credit). Counts are shown beside every rate.

# %%
display(
    tables.auto(result.roles.reset_index(), caption="Precision, recall and F1 per role and match")
)

# %%
roles = result.roles.reset_index()
figure = Figure(figsize=(plots.WIDTH, 3.4))
axes = figure.subplots()
for offset, (match, colour) in enumerate([("exact", "#1b6ca8"), ("overlap", "#7fb3d5")]):
    rows = roles[roles["match"] == match]
    axes.bar(
        [i + offset * 0.38 for i in range(len(rows))],
        rows["f1"],
        width=0.36,
        color=colour,
        label=match,
    )
    for i, (f1, n) in enumerate(zip(rows["f1"], rows["n_gold"])):
        axes.text(
            i + offset * 0.38, f1 + 0.02, f"{f1:.2f}", ha="center", fontsize=plots.SMALLEST_FONT_PT
        )
axes.set_xticks([i + 0.19 for i in range(3)], ["source", "cue", "content"])
axes.set_ylim(0, 1.05)
axes.set_ylabel("F1")
axes.legend(frameon=False)
axes.set_title("F1 per role, exact and overlapping spans", loc="left")
axes.spines[["top", "right"]].set_visible(False)
display(
    plots.figure_html(
        figure, "Bar chart: F1 per role (source, cue, content), exact and overlapping spans"
    )
)

# %% [markdown]
# ## Attributions
#
# Gold attributions and found statements paired when their contents overlap; among the pairs, how often the speaker is right.

# %%
display(
    tables.auto(
        result.relations.reset_index(), caption="Attributions paired by overlapping content"
    )
)
display(tables.auto(result.by_kind.reset_index(), caption="Recall by kind of attribution"))

# %% [markdown]
# ## What was missed
#
# Gold attributions with no overlapping statement: the cue words here are candidates for the cue lexicon.

# %%
errors = result.errors
missed = errors[errors["error"] == "missed"]
display(
    tables.auto(
        missed[["doc", "gold_source", "gold_cue", "gold_content"]].head(examples),
        caption="Missed attributions",
    )
)

# %% [markdown]
# ## What was found that the coders did not mark

# %%
spurious = errors[errors["error"] == "spurious"]
display(
    tables.auto(
        spurious[["doc", "pred_speaker", "pred_cue", "pred_content"]].head(examples),
        caption="Statements the coders did not mark",
    )
)

# %% [markdown]
# ## Right statement, wrong speaker

# %%
wrong = errors[errors["error"] == "wrong_speaker"]
display(
    tables.auto(
        wrong[["doc", "gold_source", "pred_speaker", "gold_cue", "gold_content"]].head(examples),
        caption="Right statement, wrong speaker",
    )
)
