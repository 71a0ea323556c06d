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

# %% tags=["parameters"]
# Parameters: papermill replaces this cell's values when it renders a report.
corpus = ["../data/raw"]  # files or folders of articles
lexicon = None  # a party lexicon (TOML) that extends the default one
sentiment_backend = "textblob"  # scores polarity and subjectivity: "textblob" or "vader"
second_sentiment_backend = "vader"  # compared with the first: where do they disagree?
stance_backend = "lexicon"
attributions = "all"  # "all" as PolNeAR codes them, or "speech": only speech-act cues
min_n = 5  # parties with fewer statements are flagged, not compared
annotate = []  # articles (doc names) to show annotated; empty: the three with most statements
data_dir = None  # where the tables are written as CSV and Parquet (`research report` sets it)

# %% tags=["contents"]
# %matplotlib inline
import html

from IPython.display import HTML, Markdown, display

from research import annotate as annotation
from research import compare, export, io, pipeline, plots, portrayals, profile, sentiment, speech, tables
from research.markup import escape_markdown
from research.parties import resolution_coverage
from research.tables import Column

articles = io.read_articles(corpus)
lexicons = pipeline.load_lexicons(parties_path=lexicon)
analysis = pipeline.analyze(
    articles,
    lexicons,
    sentiment_backend=sentiment_backend,
    stance_backend=stance_backend,
    attributions=attributions,
)
profile.require_statements(analysis.statements, articles=len(articles))
statements = compare.with_signals(analysis.statements)
summary = compare.summarize_parties(statements, min_n=min_n)
covered = profile.coverage(statements)
narration = analysis.portrayal_evidence[analysis.portrayal_evidence["by"] == "author"]
parties = profile.party_profile(
    statements,
    labels=analysis.labels,
    stances=analysis.stances,
    extra={"author_portrayal": (narration, "score")},
    min_n=min_n,
)


def warn(text):
    """Show a small-n warning where the reader looks, or nothing."""
    if text:
        display(Markdown(f"**Note:** {text}"))


display(
    Markdown(
        "\n".join(
            f"- {s}"
            for s in profile.summary_sentences(
                parties, covered, min_n=min_n, articles=len(articles)
            )
        )
    )
)
resolution = resolution_coverage(analysis.statements, top=3)
unplaced = ", ".join(f"{row.speaker} ({row.statements})" for row in resolution.unresolved.itertuples())
display(
    tables.table(
        parties,
        # the author's portrayal in place of the polarity of each party's own words (a section below)
        [
            c
            for c in profile.profile_columns(parties, extra=["author_portrayal"])
            if c.key != "polarity"
        ],
        caption=(
            f"Each party at a glance: 95% interval and n; under {min_n} statements, counts and no "
            "interval; a dash: nothing to count"
        ),
        anchor="profile",
    )
)
links = {
    "evidence-voice": "who speaks", "evidence-verbs": "reporting verbs", "evidence-hedges": "hedges",
    "evidence-labels": "labels", "evidence-stance": "stances", "evidence-sentiment": "sentiment",
    "portrayals": "portrayal", "evidence-statements": "every statement",
    "The-article,-annotated": "the article annotated",
}  # fmt: skip
display(
    HTML(
        '<p class="report-note">'
        + html.escape(
            f"Statements counted: {speech.DESCRIPTIONS[attributions]}. "
            + (f"Most frequent unresolved speakers: {unplaced}. " if unplaced else "")
            + profile.extractor_accuracy()
        )
        + " Evidence: "
        + " · ".join(f'<a href="#{anchor}">{words}</a>' for anchor, words in links.items())
        + ".</p>"
    )
)
display(HTML('<div id="summary-end"></div>'))

# %% [markdown]
# ## Who gets to speak
#
# Statements per party: direct quotes (the speaker's own words in quotation marks), mixed quotes
# (reported speech with quoted fragments) and reported speech (the author's paraphrase).

# %%
shares = compare.share_of_voice(statements)
display(
    plots.figure_html(
        plots.plot_voice(summary),
        "Bar chart: statements per party, split into direct, mixed and reported speech; "
        + "; ".join(f"{p}: {n}" for p, n in zip(summary["party"], summary["statements"])),
    )
)
display(
    tables.evidence(
        "evidence-voice",
        "Evidence: statements and words per party",
        tables.table(
            shares,
            [
                ("party", "Party"),
                ("statements", "Statements", "count"),
                ("statement_share", "Share of statements", "share"),
                ("words_quoted", "Words", "count"),
                ("word_share", "Share of words", "share"),
                ("direct", "Direct", "count"),
                ("mixed", "Mixed", "count"),
                ("indirect", "Reported", "count"),
            ],
            caption="Statements and words per party by kind",
        ),
    )
)

# %% [markdown]
# ## How the author reports them
#
# The author chooses the verb that introduces each statement: *neutral* ("said", "told") reports,
# *distancing* ("claimed", "alleged") puts the content at arm's length, *emphatic* ("insisted",
# "stressed") marks force; the other classes are in `cues.toml`. Sentiment scores cannot see this
# choice. Attribution hedges ("reportedly", "are said to") hand a claim to a vague source or mark
# it as only claimed; each is tied to the statement it qualifies, or counted with no statement.

# %%
verbs = compare.verb_classes(statements)
framing_summary = compare.summarize_parties(statements, measures=compare.SIGNALS, min_n=min_n)
verb_figure = plots.figure_html(
    plots.plot_verb_classes(verbs),
    "Stacked bar chart: statements per party by the class of their reporting verb",
)
attribution_hedges = analysis.hedges[analysis.hedges["scope"] == "attribution"]
if attribution_hedges.empty:
    display(verb_figure, Markdown("No attribution hedges in this corpus."))
else:
    counts = compare.hedge_counts(analysis.hedges)
    hedge_figure = plots.figure_html(
        plots.plot_hedges(counts),
        "Bar chart: attribution hedges by what they qualify; "
        + "; ".join(f"{q}: {n}" for q, n in zip(counts["qualifies"], counts["hedges"])),
    )
    display(tables.side_by_side(verb_figure, hedge_figure))
warn(compare.small_n_warning(framing_summary, min_n=min_n))
display(
    tables.evidence(
        "evidence-verbs",
        "Evidence: shares per party, and each statement's cue",
        tables.table(
            framing_summary,
            [
                ("party", "Party"),
                ("statements", "Statements", "count"),
                Column("distancing", "Distancing verb", "share_ci"),
                Column("emphatic", "Emphatic verb", "share_ci"),
                Column("hedged", "Hedged", "share_ci"),
                ("too_few", f"Fewer than {min_n}", "flag"),
            ],
            caption="Share of each party's statements by how the author introduces them (95% interval, n)",
        ),
        tables.table(
            statements.sort_values(["verb_class", "party"]),
            [
                ("party", "Party"),
                ("speaker", "Speaker"),
                ("cue", "Cue"),
                ("verb_class", "Class"),
                ("doc", "Article"),
                ("cue_start", "Offset", "count"),
            ],
            caption="Each statement's cue",
        ),
    )
)
display(
    tables.evidence(
        "evidence-hedges",
        "Evidence: every hedge",
        tables.table(
            analysis.hedges,
            [
                ("text", "Hedge"),
                ("kind", "Kind"),
                ("scope", "Scope"),
                ("party", "Party qualified"),
                ("speaker", "Speaker"),
                ("doc", "Article"),
                ("start", "Offset", "count"),
            ],
            caption="Every hedge, attribution and epistemic",
        ),
    )
)

# %% [markdown]
# ## What the author calls them
#
# Evaluative labels from `labels.toml` ("regime" or "government", "militants", "gunmen" or
# "rebels"), counted where the author uses them, outside quotation marks, and tied to the party
# they name.

# %%
label_summary = compare.summarize_labels(analysis.labels, min_n=min_n)
if analysis.labels.empty:
    display(Markdown("No labels from the label lexicon in this corpus."))
else:
    display(
        plots.figure_html(
            plots.plot_labels(analysis.labels),
            "Bar chart: the author's labels per party, coloured by connotation; "
            + "; ".join(
                f"{p}: {w}" for p, w in zip(label_summary["party"], label_summary["labels"])
            ),
        )
    )
warn(compare.small_n_warning(label_summary, min_n=min_n))
display(
    tables.evidence(
        "evidence-labels",
        "Evidence: labels per party, and every label",
        tables.table(
            label_summary,
            [
                ("party", "Party"),
                ("n", "Labels", "count"),
                ("labels", "Words"),
                Column("negative", "Negative", "share_ci"),
            ],
            caption="Labels per party with the share of negative ones (95% Wilson interval)",
        ),
        tables.table(
            analysis.labels,
            [
                ("text", "Word"),
                ("label", "Label"),
                ("connotation", "Connotation"),
                ("party", "Party"),
                ("doc", "Article"),
                ("start", "Offset", "count"),
            ],
            caption="Every label",
        ),
    )
)

# %% [markdown]
# ## What they are for and against
#
# For each statement, the stance toward each target of the story and toward each party its
# content mentions: *favor*, *against* or *neutral*, with the words that decided it. A stance word
# counts for the nearest mention in its clause, a negator just before it flips it ("not
# acceptable"), and after "but" the later clause decides.

# %%
targets = ", ".join(t.name for t in lexicons.targets.targets)
display(
    Markdown("Targets in this lexicon: " + (escape_markdown(targets) if targets else "none") + ".")
)
matrix = compare.stance_matrix(analysis.stances, min_n=min_n)
if matrix.empty:
    display(Markdown("No statement mentions a target or a party."))
else:
    display(
        plots.figure_html(
            plots.plot_stance_matrix(matrix, min_n=min_n),
            "Heat map: mean stance of each speaker's party (rows) toward each target and party "
            "(columns), blue for and red against, with counts of statements for, against and neutral",
        )
    )
taken = analysis.stances[analysis.stances["label"] != "neutral"]
display(
    tables.evidence(
        "evidence-stance",
        f"Evidence: the {len(taken)} stances for or against "
        f"({len(analysis.stances) - len(taken)} neutral mentions not listed)",
        tables.table(
            matrix.rename(
                columns={"mean": "stance_mean", "low": "stance_low", "high": "stance_high"}
            ),
            [
                ("party", "Party"),
                ("target", "Toward"),
                ("n", "Statements", "count"),
                ("favor", "For", "count"),
                ("against", "Against", "count"),
                ("neutral", "Neutral", "count"),
                Column("stance", "Mean stance", "score_ci"),
            ],
            caption="Stance per party and target (favor +1, against −1; 95% interval)",
        ),
        tables.table(
            taken,
            [
                ("party", "Party"),
                ("speaker", "Speaker"),
                ("target", "Toward"),
                ("label", "Stance"),
                ("evidence", "Deciding words"),
                ("mention", "Mention"),
                ("doc", "Article"),
            ],
            caption="Each stance for or against, with the words that decided it",
        ),
    )
)

# %% [markdown]
# ## What they say: sentiment
#
# Each dot is one statement's content scored by the sentiment backend (polarity from −1 to 1);
# the diamond is the party's mean and the bar its 95% interval (none under `min_n` statements). Word-list sentiment scores words,
# not framing: "said" and "claimed" score the same.

# %%
display(
    plots.figure_html(
        plots.plot_measure(statements, summary, measure="polarity"),
        "Dot plot: polarity of each statement per party, with each party's mean and 95% interval",
    )
)
backends = (sentiment_backend, second_sentiment_backend)
agreement = sentiment.compare_backends(statements["content"], backends=backends)
disagreements = statements.join(agreement)[agreement["disagree"].to_numpy()]
display(
    tables.evidence(
        "evidence-sentiment",
        f"Evidence: per party means, and the {len(disagreements)} of {len(statements)} statements "
        f"{backends[0]} and {backends[1]} score in different directions",
        tables.table(
            summary,
            [
                ("party", "Party"),
                ("statements", "Statements", "count"),
                Column("polarity", "Polarity", "score_ci"),
                Column("subjectivity", "Subjectivity", "score_ci"),
                ("too_few", f"Fewer than {min_n}", "flag"),
            ],
            caption="Mean sentiment per party (95% interval, n)",
        ),
        plots.figure_html(
            plots.plot_backend_agreement(agreement, backends=backends),
            f"Scatter plot: each statement's polarity under {backends[0]} and {backends[1]}; "
            "red and numbered where their directions differ",
        ),
        tables.table(
            disagreements,
            [
                ("statement", "Statement"),
                ("party", "Party"),
                ("content", "Content"),
                (f"{backends[0]}_polarity", backends[0], "score"),
                (f"{backends[1]}_polarity", backends[1], "score"),
            ],
            caption="Statements whose direction the two backends disagree on",
        ),
    )
)

# %% [markdown]
# ## The article, annotated
#
# Statements marked in the colour of their speaker's party: the speaker in bold, the cue
# underlined, the content shaded; the author's labels boxed and hedges underlined with a wave.
# Open an article to read it; hover over a mark to see its party and statement number.

# %%
colours = annotation.party_index(parties["party"])
display(annotation.legend_html(colours))
chosen = annotation.chosen_articles(statements, listed=annotate)
if len(articles) > len(chosen):
    display(
        Markdown(
            f"{len(chosen)} of {len(articles)} articles: "
            + (
                "those listed by the `annotate` parameter."
                if annotate
                else "those with the most statements."
            )
        )
    )
for doc in chosen:
    article = articles[articles["doc"].astype(str) == doc].iloc[0]
    marks = annotation.marks_for(
        doc, statements, labels=analysis.labels, hedges=analysis.hedges, colours=colours
    )
    count = int((statements["doc"].astype(str) == doc).sum())
    title = str(article["title"]) if article["title"] else doc
    display(
        annotation.annotated_html(
            article["text"], marks, summary=f"{title}: {count} statements marked ({doc})"
        )
    )

# %% [markdown]
# ## How each party is portrayed
#
# How the text treats each party, split by who does it: the **author** (the narration, everything
# outside the contents of statements) and the **sources** (inside the statements of other parties'
# speakers; what a party says of itself stays in the measures above). Each observation scores
# -1 to 1: the sentiment toward each mention, loaded words (`loaded.toml`: "slammed", "doubled
# down", "so-called"), labels and reporting cues, each tied to the party it is about. Mentions
# are counted; the mean is over every scored observation (its n).

# %%
display(
    Markdown(
        f"Label rule: {escape_markdown(portrayals.LABEL_RULE)}. "
        f"Per-mention sentiment: {escape_markdown(portrayals.mention_scorer()[0])}."
    )
)
portrayed = portrayals.summarize(analysis.portrayal_evidence, by=("party", "by"), min_n=min_n)
warn(compare.small_n_warning(portrayed, keys=("party", "by"), min_n=min_n))
display(
    tables.table(
        profile.portrayal_sides(portrayed),
        [Column("party", "Party"), *profile.PORTRAYAL_SIDE_COLUMNS],
        caption=f"Each party's portrayal by the author and by other sources (−1 to 1; 95% interval "
        f"and n scored; under {min_n} scored, no interval)",
        anchor="portrayals",
    )
)
prominence = compare.prominence_by_group(analysis.prominence, articles)
untied = portrayals.untied_labels(analysis.labels)
scored = analysis.portrayal_evidence.dropna(subset=["score"])
display(
    tables.evidence(
        "evidence-portrayals",
        f"Evidence: prominence, {int(untied['n'].sum())} of {len(analysis.labels)} labels tied to "
        f"no party, each signal per party, and the {len(scored)} scored observations",
        tables.table(
            portrayed,
            [
                ("party", "Party"),
                ("by", "Portrayed by"),
                ("mention", "Mention sentiment", "score"),
                ("loaded", "Loaded words", "score"),
                ("label_signal", "Labels", "score"),
                ("verb", "Reporting verbs", "score"),
                ("stance", "Others' stance", "score"),
                ("evidence", "Strongest evidence"),
            ],
            caption="Each signal's mean score per party and who portrays it (−1 to 1), and the "
            "strongest evidence",
        ),
        tables.table(
            prominence,
            profile.PROMINENCE_COLUMNS,
            caption="Prominence: of the articles naming each party, the share with it in the "
            "headline, speaking in the first two paragraphs and having the last word",
        ),
        tables.table(untied, [(c, c.replace("_", " ").capitalize()) for c in untied.columns],
                     caption="Labels tied to no party"),
        tables.table(
            scored,
            [
                ("party", "Party"),
                ("by", "By"),
                ("signal", "Signal"),
                ("score", "Score", "score"),
                ("text", "Words"),
                ("detail", "Detail"),
                ("tie", "Tied by"),
                ("sentence_text", "Sentence"),
                ("doc", "Article"),
            ],
            caption="Every scored observation with its sentence",
        ),
    )
)

# %% [markdown]
# ## Outlets and dates
#
# With articles from several outlets or dates, the measures above per group (folded: open one to
# read it); the `outlet_comparison` notebook compares groups in full.

# %%
groups = [c for c in ("source", "published") if articles[c].nunique() > 1]
if not groups:
    display(Markdown("One outlet and one date: nothing to compare across groups."))
by_groups = {}
for column in groups:
    by_group = compare.summarize_parties(
        compare.attach_articles(statements, articles, columns=[column]),
        by=(column, "party"),
        measures=("polarity", *compare.SIGNALS),
        min_n=min_n,
    )
    by_groups[column] = by_group
    display(
        tables.details(
            f"Per {column} and party: {len(by_group)} rows",
            tables.table(
                by_group,
                [
                    (column, column.capitalize()),
                    ("party", "Party"),
                    ("statements", "Statements", "count"),
                    Column("polarity", "Polarity", "score_ci"),
                    Column("distancing", "Distancing verb", "share_ci"),
                    Column("hedged", "Hedged", "share_ci"),
                    ("too_few", f"Fewer than {min_n}", "flag"),
                ],
                caption=f"The measures per {column} and party",
            ),
        )
    )

# %% [markdown]
# ## Every statement
#
# Speaker as written, the party and the words that decided it, the cue, the kind, the content and
# its scores. A *negated* statement ("did not say whether ...") reports what the speaker did not
# say: it has no scores. The same table, with offsets, is `data/statements.csv` beside the report.

# %%
display(
    tables.evidence(
        "evidence-statements",
        f"All {len(statements)} statements",
        tables.table(
            statements,
            [
                ("statement", "No.", "count"),
                ("speaker", "Speaker"),
                ("party", "Party"),
                ("party_evidence", "Because of"),
                ("cue", "Cue"),
                ("kind", "Kind"),
                ("content", "Content"),
                ("polarity", "Polarity", "score"),
                ("doc", "Article"),
            ],
            caption="Every statement",
        ),
    )
)

# %% [markdown]
# ## About this report
#
# The corpus as read, what cleaning found, and the speakers no lexicon entry matched. Repeated
# paragraphs and stray layout characters are left out of the counts; the text itself is never
# changed, so every offset points into the file as read.
#
# **Intervals.** Shares carry a 95% Wilson score interval; means of bounded scores (polarity in
# [−1, 1], stance) the Wilson interval of the mean rescaled to [0, 1], which is conservative and
# never shrinks to a point at small n (a percentile bootstrap gives [0, 0] for three statements
# scored 0). A party with fewer than `min_n` statements is shown with its counts and no interval:
# too few to compare. The summary calls a difference supported when two parties' 95% intervals do
# not overlap, a cautious test.

# %%
corpus_table = articles.assign(
    characters=articles["text"].str.len(),
    statements=articles["doc"].map(statements["doc"].value_counts()).fillna(0).astype(int),
)
unresolved = statements[statements["party"] == "unresolved"]
display(
    tables.details(
        f"The corpus: {len(articles)} article{'s' if len(articles) != 1 else ''}; "
        f"cleaning findings: {len(analysis.findings)}; "
        f"unresolved speakers: {len(unresolved)}",
        tables.table(
            corpus_table,
            [
                ("doc", "Article"),
                ("title", "Title"),
                ("source", "Outlet"),
                ("published", "Date"),
                ("characters", "Characters", "count"),
                ("statements", "Statements", "count"),
            ],
            caption="The corpus (the manifest lists each input file with its sha256)",
        ),
        tables.table(
            analysis.findings,
            [
                ("finding", "Finding"),
                ("text", "Text"),
                ("detail", "Detail"),
                ("doc", "Article"),
                ("start", "Offset", "count"),
            ],
            caption="What cleaning found",
            empty="nothing: no repeated paragraphs and no separator debris",
        ),
        tables.table(
            unresolved,
            [("speaker", "Speaker"), ("cue", "Cue"), ("content", "Content"), ("doc", "Article")],
            caption="Unresolved speakers (add them to a party lexicon with --lexicon FILE)",
            empty="every speaker was tied to a party or a source",
        ),
    )
)
written = export.write_tables(
    {
        "statements": statements,
        "profile": parties,
        "share_of_voice": shares,
        "party_summary": summary,
        "verb_classes": verbs,
        "framing_summary": framing_summary,
        "stance_matrix": matrix,
        "stances": analysis.stances,
        "hedges": analysis.hedges,
        "labels": analysis.labels,
        "label_summary": label_summary,
        "portrayals": portrayed,
        "portrayal_evidence": analysis.portrayal_evidence,
        "mention_portrayals": analysis.mentions,
        "prominence": prominence,
        "sentiment_backends": statements[["doc", "statement", "party"]].join(agreement),
        "articles": corpus_table.drop(columns=["text"]),
        **{f"by_{column}": frame for column, frame in by_groups.items()},
    },
    data_dir,
)
