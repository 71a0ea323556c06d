"""Find statements: who said what, with the speaker, the reporting cue and the content as spans.

A rule-based attributor, offline and fast. It reads each paragraph once, finds its quotations and
its reporting cues (from the cue lexicon), and for each cue decides by the shape of the sentence
where the speaker and the content are:

    forward      Ryabkov said (that) no deal had been reached.      X said: "..."
    backward     Hundreds have gone missing, the UN said.           "...," Ryabkov said.
    inverted     "...," said Ryabkov.
    according    According to Reuters, ...     ..., according to monitors.
    participial  ..., adding "..."    ..., claiming that ...         (the speaker carries over)
    noun         ... claims from opposition activists that ...

Speakers are noun phrases, not whole appositions: in "Amin Malhees, a spokesman for ..., said" the
speaker is "Amin Malhees"; the apposition is kept as `description`, which helps resolve the party.

The package reads in this order: `words` (the closed-class words the rules read; tokens are
`research.text`'s), `statement` (what is found), `view` (one sentence and the grammar questions
the rules ask of it), `phrases` and `speakers` (noun phrases and who speaks), `contents` (what is
reported), `rules/` (one small function per construction, by family), `table` (the ordered
table that applies them to each cue; `catalog` indexes every rule a statement can name in its
`rule`), `quotes` (quotations and "NAME:" labels across a paragraph), `passes` (what is settled
once a whole article is read), and `find_statements` below, which runs them.

To add a construction: write its function in the family's module with its example sentences as
its docstring, add a step to `table.TABLE` (or `rules.verbs.CLAUSE_RULES`) and its name to
`catalog.RULES`, and add rows to `tests/attribution/test_<family>.py` and a case to the snapshot
(`make snapshot`, then review the diff).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from research.attribution.passes import (
    continued_turns,
    end_contents_at_next_predicate,
    end_contents_at_next_speaker,
    end_relative_clauses,
    mark_nested,
    not_statements,
    restated,
    trim_coordinated_speakers,
)
from research.attribution.quotes import (
    RunningQuote,
    announced,
    dash_credit,
    find_quotes,
    join_quotes,
    quote_labels,
    quote_leads,
    quote_tags,
    speaker_label,
)
from research.attribution.statement import Statement, is_claimed, statement_kind
from research.attribution.table import read_sentence
from research.attribution.view import SentenceView
from research.lexicons import CueLexicon, load_word_tags
from research.schema import Span
from research.text import CLOSING_QUOTES, OPENING_QUOTES, Token, tokenize

__all__ = [
    "CLOSING_QUOTES",
    "OPENING_QUOTES",
    "Statement",
    "Token",
    "find_quotes",
    "find_statements",
    "statement_kind",
    "tokenize",
]


# --- entry point ----------------------------------------------------------------------------------


def find_statements(
    text: str,
    paragraphs: Sequence[tuple[int, Span, Sequence[Span]]],
    cues: CueLexicon,
    *,
    tags: Mapping[str, str] | None = None,
) -> list[Statement]:
    """Every statement in the given paragraphs: (index, span, sentence spans) of each.

    `tags` maps lowercase words to part-of-speech tags (Penn tags; by default the Pattern lexicon
    that TextBlob ships); it helps tell "said she took the bus" (a clause) from "the reports".
    """
    tags = load_word_tags() if tags is None else tags
    statements: list[Statement] = []
    running = RunningQuote()
    unclaimed: Span | None = None  # the quotation that made up the paragraph before, unclaimed
    announcing: tuple[int, Span] | None = None  # the paragraph before's last sentence, if ":"
    quoted: list[tuple[int, Span, Sequence[Span]]] = []  # each paragraph's quotations
    for index, paragraph, sentences in paragraphs:
        quotes = find_quotes(text, paragraph)
        quoted.append((index, paragraph, quotes))
        found: list[Statement] = []
        labelled = speaker_label(text, index, paragraph, quotes)
        if labelled is not None:
            found.append(labelled)
        if announcing is not None and quotes and quotes[0].start == paragraph.start:
            found.extend(announced(text, announcing, quotes, cues, statements[-1:], tags))
        for sentence in sentences:
            # the reader looks back at the latest statement only: hand it that, not a copy of all
            latest = found[-1:] or statements[-1:]
            view = SentenceView(text, index, sentence, quotes, cues, latest, tags)
            found.extend(read_sentence(view))
        found.extend(quote_labels(text, index, paragraph, quotes, found))
        found.extend(quote_tags(text, index, quotes, found, tags))
        found.extend(quote_leads(text, index, quotes, found, tags))
        join_quotes(text, found, quotes, cues, tags)
        # added after the joining, which would reckon its kind from this paragraph's quotations
        credit = dash_credit(text, index, paragraph, unclaimed)
        if credit is not None:
            found.append(credit)
        running.carry(text, paragraph, quotes, found)
        statements.extend(found)
        whole = [q for q in quotes if q.start == paragraph.start]
        unclaimed = next((q for q in whole if not is_claimed(q, found)), None)
        last = sentences[-1] if sentences else None
        ends_in_colon = last is not None and last.text(text).rstrip().endswith(":")
        announcing = (index, last) if last is not None and ends_in_colon else None
    statements = not_statements(text, statements)
    statements.extend(continued_turns(text, quoted, statements))
    trim_coordinated_speakers(text, statements, tags)
    statements.sort(key=lambda s: (s.content[0].start, s.cue.start if s.cue is not None else 0))
    # a "SMITH: ..." turn runs to its paragraph's end, whatever it reports
    reports = [s for s in statements if s.cue_lemma != ":"]
    end_contents_at_next_speaker(text, reports)
    end_contents_at_next_predicate(text, reports)
    end_relative_clauses(text, reports, cues)
    mark_nested(statements)
    return [s for s in statements if not (s.nested and restated(text, s, statements))]
