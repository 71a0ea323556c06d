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
# # How each party is framed
#
# This report finds every statement in the corpus (direct quotes, reported speech, mixed quotes),
# ties each speaker to a party through the party lexicon, and compares the parties: who gets to speak,
# how much and in whose words, what they are for and against, how the author reports them (the
# reporting verb, the hedges) and what the author calls them (the labels), and with what sentiment. Every number below comes with the count it rests
# on; with a handful of statements per party, differences are anecdotes, not findings. Each figure's
# caption names the evidence table below it: the statements or words it counts, with their character
# offsets into the article as read.

# %% tags=["parameters"]
# Parameters: papermill replaces this cell's values when it renders a report.
corpus = ["../data/raw"]  # files or folders of articles
lexicon = None  # a party lexicon (TOML) that extends the default one
sentiment_backend = "textblob"  # scores polarity and subjectivity: "textblob" or "vader"
second_sentiment_backend = "vader"  # compared with the first: where do they disagree?
stance_backend = "lexicon"
attributions = "all"  # "all" as PolNeAR codes them, or "speech": only speech-act cues
min_n = 5  # parties with fewer statements are flagged, not compared

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import Markdown, display

from research import compare, io, parties, pipeline, plots, sentiment, speech

pd.set_option("display.max_colwidth", None)
pd.set_option("display.max_rows", 500)

articles = io.read_articles(corpus)
lexicons = pipeline.load_lexicons(parties_path=lexicon)
analysis = pipeline.analyze(
    articles,
    lexicons,
    sentiment_backend=sentiment_backend,
    stance_backend=stance_backend,
    attributions=attributions,
)
statements = compare.with_signals(analysis.statements)
summary = compare.summarize_parties(statements, min_n=min_n)


def warn(text):
    """Show a small-n warning where the reader looks, or nothing."""
    if text:
        display(Markdown(f"**⚠ {text}**"))


# %% [markdown]
# ## The corpus
#
# Each article as read, with the first 12 characters of its file's sha256 (the manifest has the full hashes).

# %%
display(
    articles.assign(
        characters=articles["text"].str.len(),
        sha256=articles["sha256"].str.slice(0, 12),
        statements=articles["doc"].map(statements["doc"].value_counts()).fillna(0).astype(int),
    )[["doc", "title", "source", "published", "characters", "statements", "sha256"]]
)

# %% [markdown]
# ### Whose words are counted, and who the lexicon could not place
#
# The statements counted, and the share whose speaker the party lexicon tied to a party. The
# unresolved speakers below are counted in every table as "unresolved", never dropped; the most
# frequent are the entries to add to the lexicon first (`research lexicon draft` starts one).

# %%
coverage = parties.resolution_coverage(analysis.statements)
display(Markdown(f"Statements counted: {speech.DESCRIPTIONS[attributions]}. {coverage.summary()}"))
display(coverage.unresolved)

# %% [markdown]
# ### What cleaning found
#
# Repeated paragraphs and stray layout characters are listed here and left out of the counts; the text
# itself is never changed, so every offset still points into the file as read.

# %%
if analysis.findings.empty:
    print("Nothing: no repeated paragraphs and no separator debris.")
else:
    display(analysis.findings[["doc", "finding", "start", "end", "text", "detail"]])

# %% [markdown]
# ## Who gets to speak
#
# Statements per party, split into direct quotes (the speaker's own words in quotation marks), mixed
# quotes (reported speech with quoted fragments) and reported speech (the author's paraphrase).

# %%
plots.plot_voice(summary)

# %% [markdown]
# *Figure 1.* Statements per party by kind. Evidence: [table E1, share of voice](#evidence-voice).

# %%
shares = compare.share_of_voice(statements)
plots.plot_words_by_kind(shares)

# %% [markdown]
# *Figure 2.* Words per party, in the speaker's own quoted words (direct), partly quoted (mixed) or
# paraphrased by the author (indirect), with each party's share of all words. Evidence:
# [table E1](#evidence-voice).
#
# <a id="evidence-voice"></a>
# #### Evidence E1: share of voice
#
# Counts per party; the statements behind them are in [the table of every statement](#evidence-statements).

# %%
display(shares.round(3))

# %% [markdown]
# ## Per party
#
# Means are shown with their n and a 95% bootstrap interval; `too_few` marks parties with fewer than
# `min_n` statements, whose means should not be compared.

# %%
display(
    summary.round(3)
)

# %%
warn(compare.small_n_warning(summary, min_n=min_n))

# %% [markdown]
# ## Sentiment of what each party says
#
# Each dot is one statement's content scored by TextBlob (polarity from -1 to 1); the diamond is the
# party's mean and the bar its 95% interval. TextBlob scores words, not framing: "said" and "claimed"
# score the same, so read these beside the statements themselves.

# %%
plots.plot_measure(statements, summary, measure="polarity")

# %%
plots.plot_measure(statements, summary, measure="subjectivity")

# %% [markdown]
# *Figures 3 and 4.* Polarity and subjectivity of each statement's content. Evidence:
# [the table of every statement](#evidence-statements).
#
# ### Where two sentiment backends disagree
#
# The same contents scored by a second backend. Both are word lists with rules, so a disagreement
# marks a statement whose sentiment rests on a few words that one list knows and the other does not
# (or scores the other way); neither can see stance.

# %%
backends = (sentiment_backend, second_sentiment_backend)
agreement = sentiment.compare_backends(statements["content"], backends=backends)
plots.plot_backend_agreement(agreement, backends=backends)

# %% [markdown]
# *Figure 5.* Each statement's polarity under both backends; red and numbered where one says positive
# and the other negative or neutral (|polarity| < 0.05 is neutral). Evidence:
# [table E2](#evidence-sentiment).
#
# <a id="evidence-sentiment"></a>
# #### Evidence E2: statements the two backends disagree on

# %%
disagreements = statements.join(agreement)[agreement["disagree"].to_numpy()]
print(f"{len(disagreements)} of {len(statements)} statements differ in direction.")
display(
    disagreements[
        ["doc", "statement", "party", "content", *agreement.columns.drop("disagree")]
    ].round(3)
)

# %% [markdown]
# ## Stance: what each party is for and against
#
# For each statement, the stance toward each target of the story (for the bundled story, the
# safe-exit deal and the withdrawal) and toward each party its content mentions: *favor*, *against* or
# *neutral*, with the words that decided it. A stance word counts for the nearest mention in its
# clause, a negator just before it flips it ("not acceptable"), and after "but" the later clause
# decides. A mention with no stance word is neutral.

# %%
matrix = compare.stance_matrix(analysis.stances, min_n=min_n)
plots.plot_stance_matrix(matrix, min_n=min_n)

# %% [markdown]
# *Figure 6.* Mean stance of each speaker party (rows) toward each target and party (columns), from
# −1 (every statement against) to +1 (every statement for); each cell counts the statements for (+),
# against (−) and neutral (·). Evidence: [table E3](#evidence-stance).

# %%
warn(compare.small_n_warning(matrix, keys=("party", "target"), min_n=min_n))
display(matrix.round(3))

# %% [markdown]
# <a id="evidence-stance"></a>
# #### Evidence E3: stances with their words
#
# Every statement's stance toward every target it mentions; `evidence` holds the deciding words and
# `evidence_spans` their offsets, `mention_start`/`mention_end` where the target is named.

# %%
display(
    analysis.stances[
        ["doc", "statement", "speaker", "party", "target", "label", "evidence", "evidence_spans",
         "mention", "mention_start", "mention_end"]
    ].sort_values(["label", "party"])
)

# %% [markdown]
# ## Reporting verbs: said, claimed, insisted
#
# The author chooses the verb that introduces each statement: *neutral* ("said", "told") reports,
# *distancing* ("claimed", "alleged") puts the content at arm's length, *emphatic* ("insisted",
# "stressed") marks force; the other classes are in `cues.toml`. Sentiment scores cannot see this
# choice.

# %%
verbs = compare.verb_classes(statements)
plots.plot_verb_classes(verbs)

# %% [markdown]
# *Figure 7.* Statements per party by the class of their cue. Evidence: [table E4](#evidence-verbs).
# The share of a party's statements introduced by a distancing or emphatic verb, with its 95%
# interval:

# %%
framing_summary = compare.summarize_parties(
    statements, measures=compare.SIGNALS, min_n=min_n
)
warn(compare.small_n_warning(framing_summary, min_n=min_n))
display(
    framing_summary[
        ["party", "statements", *[f"{m}_{s}" for m in compare.SIGNALS for s in ("n", "mean", "low", "high")], "too_few"]
    ].round(3)
)

# %% [markdown]
# <a id="evidence-verbs"></a>
# #### Evidence E4: each statement's cue

# %%
display(
    statements[["doc", "statement", "speaker", "party", "cue", "cue_start", "cue_end", "cue_lemma", "verb_class"]]
    .sort_values(["verb_class", "party"])
)

# %% [markdown]
# ## Hedges: reportedly, supposedly, are said to
#
# Attribution hedges hand a claim to a vague source or mark it as only claimed. Each is tied to the
# statement it qualifies (the one whose extent holds it, else the nearest in its sentence with no
# clause boundary between); a hedged sentence with no statement is listed too, with the parties it
# names: the author reporting, unattributed, what a party did.

# %%
attribution_hedges = analysis.hedges[analysis.hedges["scope"] == "attribution"]
if attribution_hedges.empty:
    print("No attribution hedges in this corpus.")
else:
    display(plots.plot_hedges(compare.hedge_counts(analysis.hedges)))

# %% [markdown]
# *Figure 8.* Attribution hedges by what they qualify: a named speaker's statement (by party), an
# anonymous statement, or no statement at all. Evidence: [table E5](#evidence-hedges).

# %% [markdown]
# <a id="evidence-hedges"></a>
# #### Evidence E5: every hedge with its sentence
#
# Epistemic hedges ("may", "could": the author's own uncertainty) are listed too, marked by `scope`.

# %%
display(
    analysis.hedges[
        ["doc", "start", "end", "text", "kind", "scope", "statement", "speaker", "party", "mentions", "sentence_text"]
    ]
)

# %% [markdown]
# ## Labels: what the author calls each party
#
# Evaluative labels from `labels.toml` ("regime" or "government", "militants", "gunmen" or "rebels",
# "state affiliated"), counted where the author uses them: outside quotation marks, in narration and in
# reported speech. Each is tied to the party it names through the party lexicon.

# %%
if analysis.labels.empty:
    print("No labels from the label lexicon in this corpus.")
else:
    display(plots.plot_labels(analysis.labels))

# %% [markdown]
# *Figure 9.* Label occurrences per party, coloured by connotation. Evidence:
# [table E6](#evidence-labels). Per party, the share of negative labels with its 95% interval:

# %%
label_summary = compare.summarize_labels(analysis.labels, min_n=min_n)
warn(compare.small_n_warning(label_summary, min_n=min_n))
display(label_summary.round(3))

# %% [markdown]
# <a id="evidence-labels"></a>
# #### Evidence E6: every label with its offsets

# %%
display(
    analysis.labels[
        ["doc", "start", "end", "text", "label", "connotation", "party", "party_evidence", "statement", "sentence_text"]
    ]
)

# %% [markdown]
# ## Outlets and dates
#
# With articles from several outlets or dates, the measures above per group; the
# `outlet_comparison` notebook compares groups in full.

# %%
groups = [c for c in ("source", "published") if articles[c].nunique() > 1]
if not groups:
    print("One outlet and one date: nothing to compare across groups.")
for column in groups:
    by_group = compare.summarize_parties(
        compare.attach_articles(statements, articles, columns=[column]),
        by=(column, "party"),
        measures=("polarity", *compare.SIGNALS),
        min_n=min_n,
    )
    display(Markdown(f"**Per {column} and party**"))
    warn(compare.small_n_warning(by_group, keys=(column, "party"), min_n=min_n))
    display(by_group.round(3))

# %% [markdown]
# <a id="evidence-statements"></a>
# ## Every statement
#
# Speaker as written, the entity it refers to, the party and the words that decided it, the reporting
# cue, the kind, the content and its scores. Offsets point into the article's text. A `negated`
# statement ("did not say whether ...") reports what the speaker did not say: it has no scores.

# %%
display(
    statements[
        ["doc", "statement", "speaker", "entity", "party", "party_evidence", "cue", "verb_class", "kind",
         "negated", "content", "content_spans", "mentions", "polarity", "subjectivity"]
    ].round(3)
)

# %% [markdown]
# ## Unresolved speakers
#
# Speakers that no lexicon entry matched: they are counted above as `unresolved`. Add them to a party
# lexicon (`--lexicon FILE`) if they speak for a party.

# %%
unresolved = statements[statements["party"] == "unresolved"]
if unresolved.empty:
    print("Every speaker was tied to a party or a source.")
else:
    display(unresolved[["doc", "speaker", "cue", "content"]])
