"""The frames that flow between stages: their columns and dtypes, spelled in one place.

Every stage takes and returns pandas DataFrames with these columns, so the same function runs on one
article, on a corpus and on a Dask partition. Offsets are Python string indices into the article's
raw text exactly as read (UTF-8, newlines untouched).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

# articles: one row per article, raw text untouched, with its provenance.
ARTICLES: Mapping[str, str] = {
    "doc": "string",  # file stem or the corpus's id column; unique within a corpus
    "title": "string",
    "text": "string",  # raw text; every offset in every later frame refers to it
    "source": "string",  # outlet
    "published": "string",  # as given in the input (ISO 8601 where possible)
    "url": "string",
    "path": "string",  # where it was read from
    "record": "Int64",  # row or line number within `path` (1-based), null for a text file
    "sha256": "string",  # of the whole input file
}

# paragraphs: one row per non-empty line of an article, with what cleaning found.
PARAGRAPHS: Mapping[str, str] = {
    "doc": "string",
    "paragraph": "int64",  # 0-based position in the article
    "start": "int64",
    "end": "int64",  # text[start:end] is the paragraph without its surrounding white space
    "duplicate_of": "Int64",  # the earlier paragraph it repeats, if any
    "debris_start": "Int64",  # stray separator debris at the paragraph's edge (e.g. a trailing " |")
    "debris_end": "Int64",
}

# sentences: one row per sentence.
SENTENCES: Mapping[str, str] = {
    "doc": "string",
    "paragraph": "int64",
    "sentence": "int64",  # 0-based position in the article
    "start": "int64",
    "end": "int64",
}

# cleaning: one row per finding, for the report.
FINDINGS: Mapping[str, str] = {
    "doc": "string",
    "finding": "string",  # "repeated_paragraph" or "separator_debris"
    "start": "int64",
    "end": "int64",
    "text": "string",
    "detail": "string",
}

# statements: one row per statement found.
STATEMENTS: Mapping[str, str] = {
    "doc": "string",
    "statement": "int64",  # 0-based position in the article, in text order
    "kind": "string",  # direct, indirect or mixed
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker": "string",  # the speaker span's text as written, null when none is named
    "entity": "string",  # who the speaker refers to, after resolving short names and pronouns
    "cue_start": "Int64",
    "cue_end": "Int64",
    "cue": "string",
    "cue_lemma": "string",  # the cue's lemma in cues.toml: "claim" for "claiming"
    "verb_class": "string",  # the cue's class: neutral, distancing, emphatic, ... (cues.toml)
    "rule": "string",  # the attribution rule that found it: "inverted", "according_to_after", ...
    "content_spans": "object",  # list of (start, end) pairs: content may be discontinuous
    "content": "string",  # the content fragments' text, joined by " … "
    "paragraph": "int64",
    "nested": "bool",  # reported inside another statement's content ("X said Y claimed Z")
    "negated": "bool",  # "did not say whether ...": what the speaker did not say; no sentiment or stance
    "party": "string",  # the speaker's party, UNRESOLVED, or UNATTRIBUTED when no speaker is named
    "party_evidence": "string",  # the words that tied the speaker to the party
    "words": "int64",  # words in the content
    "polarity": "float64",
    "subjectivity": "float64",
    "mentions": "object",  # parties named in the content, in order of first mention
    "hedges": "object",  # [{start, end, text, kind, scope}]: the hedges qualifying the statement
    "stance": "object",  # [{target, kind, label, mention, evidence}]: see research.stance
    # [{party, label, score, mention, evidence}]: how the text treats each party the content
    # mentions (research.portrayal; score in [-1, 1], evidence as spans with their text)
    "portrayals": "object",
}

# stances: one row per statement and target (or party) its content mentions.
STANCES: Mapping[str, str] = {
    "doc": "string",
    "statement": "int64",
    "speaker": "string",
    "party": "string",  # the speaker's party
    "target": "string",  # a target's name (targets.toml) or a party's
    "target_kind": "string",  # "target" or "party"
    "label": "string",  # favor, against or neutral
    "score": "int64",  # favor cues minus against cues in the deciding clause
    "mention_start": "int64",
    "mention_end": "int64",
    "mention": "string",  # the target's first mention in the content, as written
    "evidence": "string",  # the deciding words, "; "-joined ("not acceptable")
    "evidence_spans": "object",  # list of (start, end) pairs of those words
}

# portrayals: one row per party mention in an analysed sentence, in narration or in a statement,
# with the sentiment the text expresses toward it there (research.portrayal).
PORTRAYALS: Mapping[str, str] = {
    "doc": "string",
    "sentence": "int64",  # the sentence holding the mention (0-based in the article)
    "party": "string",
    "start": "int64",
    "end": "int64",
    "mention": "string",  # as written
    "label": "string",  # negative, neutral or positive
    "score": "float64",  # P(positive) - P(negative), in [-1, 1]
    "evidence": "string",  # the deciding words, "; "-joined
    "evidence_spans": "object",  # list of (start, end) pairs of those words
    "statement": "Int64",  # the statement whose content holds the mention; null in narration
    "speaker_party": "string",  # that statement's speaker's party; null in narration
}

# hedges: one row per hedge in an analysed sentence, whether or not it qualifies a statement.
HEDGES: Mapping[str, str] = {
    "doc": "string",
    "start": "int64",
    "end": "int64",
    "text": "string",  # as written ("are now said to")
    "hedge": "string",  # the lexicon entry ("are said to")
    "kind": "string",  # adverb, passive_report, impersonal, noun, adjective, ... (hedges.toml)
    "scope": "string",  # attribution or epistemic
    "sentence": "int64",
    "sentence_text": "string",
    "statement": "Int64",  # the statement it qualifies; null for a hedged claim with no statement
    "speaker": "string",  # that statement's speaker as written, null if anonymous or no statement
    "party": "string",  # that statement's speaker's party, null without a statement
    "mentions": "object",  # parties named in the sentence: whose actions the hedged claim reports
}

# labels: one row per evaluative label the author uses outside quotation marks.
LABELS: Mapping[str, str] = {
    "doc": "string",
    "start": "int64",
    "end": "int64",
    "text": "string",  # as written ("state affiliated")
    "label": "string",  # the lexicon entry ("state-affiliated")
    "slot": "string",  # the referent slot it competes for: government, armed_opposition, ...
    "connotation": "string",  # negative, neutral or positive (labels.toml)
    "party": "string",  # the party it names, or UNRESOLVED
    "party_evidence": "string",  # the party term that decided it
    "statement": "Int64",  # the statement whose (reported) content holds it; null in narration
    "sentence_text": "string",
}

UNRESOLVED = "unresolved"  # a speaker no lexicon entry matched
UNATTRIBUTED = "no named source"  # "are said to", "reportedly": the author names no one
KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) into an article's raw text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"not a span: [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    @property
    def empty(self) -> bool:
        return self.start == self.end

    def stripped(self, source: str) -> Span:
        """The same span without leading or trailing white space."""
        start, end = self.start, self.end
        if start < end and not source[start].isspace() and not source[end - 1].isspace():
            return self  # most spans: no new one to build
        while start < end and source[start].isspace():
            start += 1
        while end > start and source[end - 1].isspace():
            end -= 1
        return Span(start, end)


def empty_frame(columns: Mapping[str, str]) -> pd.DataFrame:
    """A frame with no rows and the given columns and dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def make_frame(rows: Iterable[Mapping[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    """A frame from row dicts, with exactly the given columns in order and their dtypes."""
    rows = list(rows)
    if not rows:
        return empty_frame(columns)
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    return frame.astype(dict(columns))
