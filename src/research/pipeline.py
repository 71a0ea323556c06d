"""Compose the stages: articles in, statements with every score out.

    articles -> paragraphs (cleaned) -> sentences -> statements -> entities -> parties -> sentiment

Each function here is partition-shaped (frame in, frame out, no I/O, no global state), so the same
call runs on one article, on a corpus in pandas, and per partition on a Dask cluster.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from research import attribution, clean, entities, parties, segment, sentiment
from research.lexicons import (
    CueLexicon,
    NameWords,
    PartyLexicon,
    load_cues,
    load_name_words,
    load_parties,
    load_word_tags,
)
from research.schema import FINDINGS, PARAGRAPHS, SENTENCES, STATEMENTS, make_frame


@dataclass(frozen=True)
class Lexicons:
    cues: CueLexicon
    parties: PartyLexicon
    names: NameWords
    tags: Mapping[str, str]


def load_lexicons(
    *,
    parties_path: str | os.PathLike[str] | None = None,
    cues_path: str | os.PathLike[str] | None = None,
) -> Lexicons:
    """The packaged lexicons, with a user's party or cue lexicon where given."""
    return Lexicons(
        load_cues(cues_path), load_parties(parties_path), load_name_words(), load_word_tags()
    )


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in a set of articles, as tidy frames."""

    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    findings: pd.DataFrame
    statements: pd.DataFrame


def analyze(
    articles: pd.DataFrame, lexicons: Lexicons | None = None, *, sentiment_backend: str = "textblob"
) -> Analysis:
    """Run every stage on every article."""
    lexicons = lexicons or load_lexicons()
    rows: dict[str, list[dict[str, Any]]] = {
        "paragraphs": [],
        "sentences": [],
        "findings": [],
        "statements": [],
    }
    for doc, text in zip(articles["doc"], articles["text"], strict=True):
        for table, found in _analyze_text(str(doc), str(text), lexicons):
            rows[table].extend(found)
    statements = make_frame(rows["statements"], STATEMENTS)
    scores = sentiment.score_texts(statements["content"].tolist(), backend=sentiment_backend)
    statements["polarity"] = scores["polarity"].to_numpy()
    statements["subjectivity"] = scores["subjectivity"].to_numpy()
    return Analysis(
        make_frame(rows["paragraphs"], PARAGRAPHS),
        make_frame(rows["sentences"], SENTENCES),
        make_frame(rows["findings"], FINDINGS),
        statements,
    )


def extract_statements(
    articles: pd.DataFrame, lexicons: Lexicons | None = None, *, sentiment_backend: str = "textblob"
) -> pd.DataFrame:
    """The statements frame alone: the partition function for large corpora."""
    return analyze(articles, lexicons, sentiment_backend=sentiment_backend).statements


def _analyze_text(
    doc: str, text: str, lexicons: Lexicons
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    paragraphs = clean.clean_paragraphs(text, segment.split_paragraphs(text))
    yield (
        "paragraphs",
        [
            {
                "doc": doc,
                "paragraph": index,
                "start": p.span.start,
                "end": p.span.end,
                "duplicate_of": p.duplicate_of,
                "debris_start": p.debris.start if p.debris is not None else None,
                "debris_end": p.debris.end if p.debris is not None else None,
            }
            for index, p in enumerate(paragraphs)
        ],
    )
    yield "findings", list(_findings(doc, text, paragraphs))

    # A repeated paragraph is analysed once, where it first stands.
    units = [
        (index, p.core, segment.split_sentences(text, p.core))
        for index, p in enumerate(paragraphs)
        if p.duplicate_of is None and not p.core.empty
    ]
    sentence_rows: list[dict[str, Any]] = []
    for index, _, spans in units:
        for span in spans:
            sentence_rows.append(
                {
                    "doc": doc,
                    "paragraph": index,
                    "sentence": len(sentence_rows),
                    "start": span.start,
                    "end": span.end,
                }
            )
    yield "sentences", sentence_rows

    found = attribution.find_statements(text, units, lexicons.cues, tags=lexicons.tags)
    people = list(lexicons.parties.people)
    resolved = entities.resolve_speakers(
        text, [s.speaker for s in found], lexicons.names, known=people
    )
    resolutions = [
        parties.resolve_party(
            lexicons.parties,
            speaker=s.speaker.text(text) if s.speaker is not None else None,
            entity=e.name if e is not None else None,
            mention=e.mention.text(text) if e is not None and e.mention is not None else None,
            description=s.description.text(text) if s.description is not None else None,
        )
        for s, e in zip(found, resolved, strict=True)
    ]
    resolutions = parties.carry_parties(resolutions, [e.name if e is not None else None for e in resolved])
    yield (
        "statements",
        [
            _statement_row(doc, text, number, s, e, r)
            for number, (s, e, r) in enumerate(zip(found, resolved, resolutions, strict=True))
        ],
    )


def _findings(doc: str, text: str, paragraphs: list[clean.Paragraph]) -> Iterator[dict[str, Any]]:
    for index, p in enumerate(paragraphs):
        if p.debris is not None:
            yield {
                "doc": doc,
                "finding": "separator_debris",
                "start": p.debris.start,
                "end": p.debris.end,
                "text": p.debris.text(text),
                "detail": f"paragraph {index}: layout characters, not prose; left out of the analysis",
            }
        if p.duplicate_of is not None:
            yield {
                "doc": doc,
                "finding": "repeated_paragraph",
                "start": p.span.start,
                "end": p.span.end,
                "text": p.span.text(text),
                "detail": f"paragraph {index} repeats paragraph {p.duplicate_of}; its statements are counted once",
            }


def _statement_row(
    doc: str,
    text: str,
    number: int,
    statement: attribution.Statement,
    entity: entities.Entity | None,
    resolution: parties.Resolution,
) -> dict[str, Any]:
    content = " … ".join(span.text(text) for span in statement.content)
    speaker = statement.speaker
    cue = statement.cue
    return {
        "doc": doc,
        "statement": number,
        "kind": statement.kind,
        "speaker_start": speaker.start if speaker is not None else None,
        "speaker_end": speaker.end if speaker is not None else None,
        "speaker": speaker.text(text) if speaker is not None else None,
        "entity": entity.name if entity else None,
        "cue_start": cue.start if cue is not None else None,
        "cue_end": cue.end if cue is not None else None,
        "cue": cue.text(text) if cue is not None else None,
        "content_spans": [(span.start, span.end) for span in statement.content],
        "content": content,
        "paragraph": statement.paragraph,
        "party": resolution.party,
        "party_evidence": resolution.evidence,
        "words": len(content.split()),
        "polarity": float("nan"),
        "subjectivity": float("nan"),
    }
