"""Compose the stages: articles in, statements with every score out.

    articles -> paragraphs (cleaned) -> sentences -> statements -> entities -> parties -> sentiment
                                                                             -> stance, framing
                                         sentences -> party mentions -> portrayal (toward each)

Each function here is partition-shaped (frame in, frame out, no I/O, no global state), so the same
call runs on one article, on a corpus in pandas, and per partition on a Dask cluster.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from research import (
    attribution,
    clean,
    entities,
    framing,
    parties,
    portrayal,
    portrayals,
    segment,
    sentiment,
    skips,
    speech,
    stance,
)
from research.errors import ArticleError
from research.lexicons import (
    CueLexicon,
    HedgeLexicon,
    LabelLexicon,
    LoadedLexicon,
    NameWords,
    PartyLexicon,
    StanceLexicon,
    TargetLexicon,
    load_cues,
    load_hedges,
    load_labels,
    load_loaded,
    load_name_words,
    load_parties,
    load_stance_cues,
    load_targets,
    load_word_tags,
)
from research.portrayal import mentions as party_mentions
from research.schema import (
    FINDINGS,
    HEDGES,
    LABELS,
    PARAGRAPHS,
    PORTRAYALS,
    SENTENCES,
    STANCES,
    STATEMENTS,
    Span,
    empty_frame,
    make_frame,
)
from research.skips import SkippedArticleWarning as SkippedArticleWarning  # its old home


@dataclass(frozen=True)
class Lexicons:
    cues: CueLexicon
    parties: PartyLexicon
    names: NameWords
    tags: Mapping[str, str]
    hedges: HedgeLexicon = field(default_factory=load_hedges)
    labels: LabelLexicon = field(default_factory=load_labels)
    stance_cues: StanceLexicon = field(default_factory=load_stance_cues)
    targets: TargetLexicon = field(default_factory=load_targets)
    loaded: LoadedLexicon = field(default_factory=load_loaded)


def load_lexicons(
    *,
    parties_path: str | os.PathLike[str] | None = None,
    cues_path: str | os.PathLike[str] | None = None,
) -> Lexicons:
    """The packaged lexicons, with a user's party or cue lexicon where given. A user's party
    lexicon may also hold the story's stance targets ([[target]] tables) and labels to add or
    override ([[label]] tables)."""
    return Lexicons(
        load_cues(cues_path),
        load_parties(parties_path),
        load_name_words(),
        load_word_tags(),
        labels=load_labels(user=parties_path),
        targets=load_targets(parties_path),
    )


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in a set of articles, as tidy frames."""

    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    findings: pd.DataFrame
    statements: pd.DataFrame
    stances: pd.DataFrame = field(default_factory=lambda: empty_frame(STANCES))
    hedges: pd.DataFrame = field(default_factory=lambda: empty_frame(HEDGES))
    labels: pd.DataFrame = field(default_factory=lambda: empty_frame(LABELS))
    # the portrayal of every party mention (research.portrayal: schema.PORTRAYALS)
    mentions: pd.DataFrame = field(default_factory=lambda: empty_frame(PORTRAYALS))
    # each party's portrayal by the author and by other sources, per article (research.portrayals)
    portrayals: pd.DataFrame = field(default_factory=lambda: empty_frame(portrayals.PORTRAYALS))
    portrayal_evidence: pd.DataFrame = field(
        default_factory=lambda: empty_frame(portrayals.EVIDENCE)
    )
    prominence: pd.DataFrame = field(default_factory=lambda: empty_frame(portrayals.PROMINENCE))


def analyze(
    articles: pd.DataFrame,
    lexicons: Lexicons | None = None,
    *,
    sentiment_backend: str = "textblob",
    stance_backend: str = "lexicon",
    strict: bool = False,
    portray: bool = True,
    per_party: bool = True,
    attributions: str = "all",
) -> Analysis:
    """Run every stage on every article. `portray=False` skips the portrayal of party mentions
    (to measure its cost: the mentions table and the statements' portrayals are then empty);
    `per_party=False` skips only the summary of each party's portrayal per article;
    `attributions="speech"` keeps only statements whose cue is a speech act (`research.speech`).

    An article whose analysis fails (a bug its text reveals) is left out with a
    SkippedArticleWarning naming it and the error, so that one article does not lose the corpus;
    `strict` raises an ArticleError instead."""
    speech.check_attributions(attributions)
    lexicons = lexicons or load_lexicons()
    decider = stance.get_backend(stance_backend, cues=lexicons.stance_cues, tags=lexicons.tags)
    rows: dict[str, list[dict[str, Any]]] = {
        "paragraphs": [],
        "sentences": [],
        "findings": [],
        "statements": [],
        "stances": [],
        "hedges": [],
        "labels": [],
        "portrayals": [],
    }
    paths = articles["path"] if "path" in articles else [None] * len(articles)
    for doc, text, path in zip(articles["doc"], articles["text"], paths, strict=True):
        try:
            tables = list(
                _analyze_text(str(doc), str(text), lexicons, decider, portray, attributions)
            )
        except Exception as error:
            failure = ArticleError(
                path or "<articles>", str(doc), f"{type(error).__name__}: {error}"
            )
            skips.skip(failure, strict=strict, cause=error)
            continue
        for table, found in tables:
            rows[table].extend(found)
    statements = make_frame(rows["statements"], STATEMENTS)
    _score(statements, sentiment_backend)
    analysis = Analysis(
        make_frame(rows["paragraphs"], PARAGRAPHS),
        make_frame(rows["sentences"], SENTENCES),
        make_frame(rows["findings"], FINDINGS),
        statements,
        make_frame(rows["stances"], STANCES),
        make_frame(rows["hedges"], HEDGES),
        make_frame(rows["labels"], LABELS),
        make_frame(rows["portrayals"], PORTRAYALS),
    )
    if not (portray and per_party):
        return analysis
    portrayed = portrayals.portray(
        articles,
        statements,
        analysis.sentences,
        analysis.paragraphs,
        analysis.labels,
        lexicons.parties,
        lexicons.loaded,
        stances=analysis.stances,
        mentions=analysis.mentions,
    )
    return replace(
        analysis,
        portrayals=portrayed.portrayals,
        portrayal_evidence=portrayed.evidence,
        prominence=portrayed.prominence,
    )


def _score(statements: pd.DataFrame, backend: str) -> None:
    """Sentiment of each statement's content, but for a negated one ("did not say whether ..."),
    whose content the speaker did not say: left NaN, as it is left out of stance."""
    negated = statements["negated"].to_numpy(dtype=bool)
    said = statements["content"][~negated].tolist()  # a negated content is not scored at all
    scores = sentiment.score_texts(said, backend=backend)
    for measure in ("polarity", "subjectivity"):
        column = np.full(len(statements), np.nan)
        column[~negated] = scores[measure].to_numpy(dtype=float)
        statements[measure] = column


def extract_statements(
    articles: pd.DataFrame,
    lexicons: Lexicons | None = None,
    *,
    sentiment_backend: str = "textblob",
    stance_backend: str = "lexicon",
    strict: bool = False,
    attributions: str = "all",
) -> pd.DataFrame:
    """The statements frame alone: the partition function for large corpora."""
    return analyze(
        articles,
        lexicons,
        sentiment_backend=sentiment_backend,
        stance_backend=stance_backend,
        strict=strict,
        per_party=False,
        attributions=attributions,
    ).statements


def _analyze_text(
    doc: str,
    text: str,
    lexicons: Lexicons,
    decider: stance.StanceBackend,
    portray: bool = True,
    attributions: str = "all",
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
    kept = [
        (index, p.core)
        for index, p in enumerate(paragraphs)
        if p.duplicate_of is None and not p.core.empty
    ]
    sentences = segment.split_sentences_in(text, [core for _, core in kept])
    units = [(index, core, spans) for (index, core), spans in zip(kept, sentences, strict=True)]
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
    headline = segment.headline(text)
    found = [
        s
        for s in found
        if not entities.headline_label(
            text, s.speaker, headline, lexicons.names, colon=s.cue_lemma == ":"
        )
    ]
    people = [
        entities.KnownPerson(person.name, person.title, party.name)
        for party in lexicons.parties.parties
        for person in party.people
    ]
    # A relative-pronoun speaker ("who said") is resolved through what it stands for.
    speakers = [s.refers_to or s.speaker for s in found]
    resolved = entities.resolve_speakers(
        text,
        speakers,
        lexicons.names,
        known=people,
        sentences=[span for _, _, spans in units for span in spans],
        headline=headline,
        descriptions=[s.description for s in found],
        party_of=lambda phrase: getattr(
            parties.first_party(lexicons.parties, phrase), "party", None
        ),
    )
    resolutions = [
        parties.resolve_party(
            lexicons.parties,
            speaker=speaker.text(text) if speaker is not None else None,
            entity=e.name if e is not None else None,
            mention=e.mention.text(text) if e is not None and e.mention is not None else None,
            description=s.description.text(text) if s.description is not None else None,
            entity_kind=e.kind if e is not None else "person",
        )
        for s, speaker, e in zip(found, speakers, resolved, strict=True)
    ]
    resolutions = parties.carry_parties(
        resolutions, [e.name if e is not None else None for e in resolved]
    )
    if attributions == "speech":  # after resolving, so "he" still finds a thinker named before
        speaking = [i for i, s in enumerate(found) if speech.is_speech(s.verb_class)]
        found = [found[i] for i in speaking]
        resolved = [resolved[i] for i in speaking]
        resolutions = [resolutions[i] for i in speaking]
    signals = _signals(doc, text, units, found, resolutions, lexicons, decider, portray)
    yield (
        "statements",
        [
            {**_statement_row(doc, text, number, s, e, r), **signals.columns[number]}
            for number, (s, e, r) in enumerate(zip(found, resolved, resolutions, strict=True))
        ],
    )
    yield "stances", signals.stances
    yield "hedges", signals.hedges
    yield "labels", signals.labels
    yield "portrayals", signals.portrayals


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
        "nested": statement.nested,
        "negated": statement.negated,
        "rule": statement.rule or None,
        "party": resolution.party,
        "party_evidence": resolution.evidence,
        "words": len(content.split()),
        "polarity": float("nan"),
        "subjectivity": float("nan"),
    }


@dataclass(frozen=True)
class _Signals:
    """Stance and framing for one article: columns per statement, and the long tables."""

    columns: list[dict[str, Any]]
    stances: list[dict[str, Any]]
    hedges: list[dict[str, Any]]
    labels: list[dict[str, Any]]
    portrayals: list[dict[str, Any]]


def _signals(
    doc: str,
    text: str,
    units: Sequence[tuple[int, Span, Sequence[Span]]],
    found: Sequence[attribution.Statement],
    resolutions: Sequence[parties.Resolution],
    lexicons: Lexicons,
    decider: stance.StanceBackend,
    portray: bool = True,
) -> _Signals:
    sentences = [span for _, _, spans in units for span in spans]
    quotes = [q for _, core, _ in units for q in attribution.find_quotes(text, core)]
    spans = [framing.Attributed(s.speaker, s.cue, tuple(s.content)) for s in found]
    hedges = framing.find_hedges(text, sentences, lexicons.hedges, statements=spans)
    hedges_of: dict[int | None, list[framing.HedgeFound]] = {}
    for hedge in hedges:
        hedges_of.setdefault(hedge.statement, []).append(hedge)
    sentence_starts = [span.start for span in sentences]
    labels = framing.find_labels(
        text, sentences, lexicons.labels, lexicons.parties, quotes=quotes, statements=spans
    )
    portrayed = party_mentions.portray_parties(text, sentences, lexicons.parties) if portray else []
    holder: dict[int, int] = {}  # mention start -> the innermost statement whose content holds it
    columns: list[dict[str, Any]] = []
    stance_rows: list[dict[str, Any]] = []
    for number, (statement, resolution) in enumerate(zip(found, resolutions, strict=True)):
        held = party_mentions.inside(portrayed, statement.content)
        for mention in held:
            if mention.result.span.start not in holder or statement.nested:
                holder[mention.result.span.start] = number
        decided = (
            []
            if statement.negated
            else stance.detect_stances(
                text,
                statement.content,
                targets=lexicons.targets,
                parties=lexicons.parties,
                backend=decider,
                cue=statement.cue,
            )
        )
        content = " … ".join(span.text(text) for span in statement.content)
        columns.append(
            {
                "cue_lemma": statement.cue_lemma or None,
                "verb_class": statement.verb_class or None,
                "mentions": parties.mentioned_parties(lexicons.parties, content),
                "hedges": [
                    {
                        "start": h.span.start,
                        "end": h.span.end,
                        "text": h.span.text(text),
                        "kind": h.hedge.kind,
                        "scope": h.hedge.scope,
                    }
                    for h in hedges_of.get(number, [])
                ],
                "stance": [stance.stance_record(s, text) for s in decided],
                "portrayals": [party_mentions.portrayal_record(m, text) for m in held],
            }
        )
        speaker = _speaker(text, statement)
        stance_rows.extend(
            {
                "doc": doc,
                "statement": number,
                "speaker": speaker,
                "party": resolution.party,
                "target": s.target,
                "target_kind": s.kind,
                "label": s.label,
                "score": s.score,
                "mention_start": s.mention.start,
                "mention_end": s.mention.end,
                "mention": s.mention.text(text),
                "evidence": "; ".join(e.span.text(text) for e in s.evidence),
                "evidence_spans": [(e.span.start, e.span.end) for e in s.evidence],
            }
            for s in decided
        )
    hedge_rows = [
        {
            "doc": doc,
            "start": h.span.start,
            "end": h.span.end,
            "text": h.span.text(text),
            "hedge": h.hedge.text,
            "kind": h.hedge.kind,
            "scope": h.hedge.scope,
            "sentence": h.sentence,
            "sentence_text": sentences[h.sentence].text(text),
            "statement": h.statement,
            "speaker": _speaker(text, found[h.statement]) if h.statement is not None else None,
            "party": resolutions[h.statement].party if h.statement is not None else None,
            "mentions": parties.mentioned_parties(
                lexicons.parties, sentences[h.sentence].text(text)
            ),
        }
        for h in hedges
    ]
    label_rows = [
        {
            "doc": doc,
            "start": found_label.span.start,
            "end": found_label.span.end,
            "text": found_label.span.text(text),
            "label": found_label.label.text,
            "slot": found_label.label.refers_to,
            "connotation": found_label.label.connotation,
            "party": found_label.party,
            "party_evidence": found_label.evidence,
            "statement": found_label.statement,
            "sentence_text": _sentence_at(text, sentences, sentence_starts, found_label.span.start),
        }
        for found_label in labels
    ]
    portrayal_rows = [
        _portrayal_row(doc, text, m, holder.get(m.result.span.start), resolutions)
        for m in portrayed
    ]
    return _Signals(columns, stance_rows, hedge_rows, label_rows, portrayal_rows)


def _portrayal_row(
    doc: str,
    text: str,
    mention: party_mentions.PartyMention,
    statement: int | None,
    resolutions: Sequence[parties.Resolution],
) -> dict[str, Any]:
    result: portrayal.Result = mention.result
    return {
        "doc": doc,
        "sentence": mention.sentence,
        "party": mention.party,
        "start": result.span.start,
        "end": result.span.end,
        "mention": result.span.text(text),
        "label": result.label,
        "score": result.score,
        "evidence": "; ".join(span.text(text) for span in result.evidence),
        "evidence_spans": [(span.start, span.end) for span in result.evidence],
        "statement": statement,
        "speaker_party": resolutions[statement].party if statement is not None else None,
    }


def _sentence_at(text: str, sentences: Sequence[Span], starts: Sequence[int], offset: int) -> str:
    """The text of the sentence holding `offset`, found by bisection."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return sentences[index].text(text)
    return ""


def _speaker(text: str, statement: attribution.Statement) -> str | None:
    return statement.speaker.text(text) if statement.speaker is not None else None
