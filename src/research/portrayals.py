"""How each party is portrayed: by the author (the narration) and by the other sources.

Who portrays a party decides where its evidence counts:

    author   the narration: everything outside the contents of statements (speakers and cues
             included, so "Obama conceded" is the author's word about Obama);
    sources  inside the content of a statement whose speaker is of another party (what a party
             says about itself stays in the statement measures, not here).

Four signals are observations about one party, each scored in [-1, 1] (a neutral one is shown
as evidence but not scored):

    mention  the sentiment toward each mention of the party (research.portrayal.toward when that
             model is installed, else a clearly labelled fallback: VADER on the mention's clause);
    loaded   loaded language (loaded.toml) tied to the party it is about (its `about` rule);
    label    an evaluative label (labels.toml) tied to the party it names (research.framing);
    verb     the class of the party's own reporting cues (cues.toml): "claimed", "conceded",
             "boasted" cast the speaker, an accusatory "slammed" casts the party it accuses;
    stance   (sources only) a statement of another party for or against it (research.stance).

Per (article, party, by) the portrayal is the mean of its scored observations with a 95%
interval that holds at small n (`compare.mean_interval`) and a label: by `LABEL_RULE` for the
sources and for pooled groups (outlets, dates), by `AUTHOR_RULE` for the author in one article
(what the article is about, and how its narration treats it). Every number keeps its evidence:
the words, their offsets and their sentence.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from research.compare import MIN_N, mean_interval
from research.lexicons import LoadedLexicon, PartyLexicon
from research.schema import UNATTRIBUTED, UNRESOLVED, Span, make_frame

BY = ("author", "sources")
SIGNALS = ("mention", "loaded", "label", "verb", "stance")

# The label of a portrayal: the sign of its mean score once the mean is at least THRESHOLD away
# from zero (a third of one observation's full weight: one loaded word among two neutral mentions
# is enough, one among ten is not) and at least MIN_EVIDENCE observations are scored: one or two
# words are too little to call a portrayal. THRESHOLD was set before measuring; MIN_EVIDENCE was
# chosen on BASIL 2010-2014 among 1 to 5 (the README gives the figures for each).
THRESHOLD = 1 / 3
MIN_EVIDENCE = 3
LABEL_RULE = (
    f"negative when the mean score is at most -{THRESHOLD:.2f}, positive when at least "
    f"{THRESHOLD:.2f}, else neutral; neutral too with fewer than {MIN_EVIDENCE} scored "
    "observations"
)

# The author's label toward a party in ONE article (the `label` of its `author` row): readers
# judge the author's sentiment toward what an article is about, over the whole article, and read
# a passing negative mention of a minor party as no judgement. So the label is
#   - neutral unless the party holds at least MAIN_SHARE of the article's party mentions;
#   - else the sign of its narration's mention scores summed over (mentions + AUTHOR_PRIOR), a
#     mean shrunk toward neutral (a few mentions weigh little), once at least AUTHOR_THRESHOLD.
# The three values were chosen by cross-validation on BASIL 2010-2014 (leave one event out: 50 of
# 50 folds chose these; scripts/evaluate_basil.py). Loaded words, labels and reporting verbs stay
# in `score` and the evidence: given more weight they lowered the agreement there (README).
MAIN_SHARE = 0.5
AUTHOR_PRIOR = 8
AUTHOR_THRESHOLD = 0.1
AUTHOR_RULE = (
    "the author's label in one article: neutral for a party holding less than "
    f"{MAIN_SHARE:.0%} of the article's party mentions; else negative (positive) when its "
    f"narration's mention scores summed over (mentions + {AUTHOR_PRIOR}) are at most "
    f"-{AUTHOR_THRESHOLD:.2f} (at least {AUTHOR_THRESHOLD:.2f})"
)

# How a statement's reporting cue casts its speaker (cues.toml classes); an accusatory cue
# casts the parties its content names.
CUE_TOWARD_SPEAKER: Mapping[str, float] = {
    "distancing": -1.0,
    "concessive": -1.0,
    "pejorative_manner": -1.0,
}
CUE_TOWARD_OBJECT: Mapping[str, float] = {"accusatory": -1.0}
DIRECTION_SCORES: Mapping[str, float] = {"negative": -1.0, "positive": 1.0}
CONNOTATION_SCORES: Mapping[str, float] = {"negative": -1.0, "positive": 1.0}
STANCE_SCORES: Mapping[str, float] = {"against": -1.0, "favor": 1.0}
NOT_PARTIES = frozenset({UNRESOLVED, UNATTRIBUTED})
CARRY_SENTENCES = 2  # a sentence naming no party ("He bristled") is about the last one named
# "they" for the group named last (find_mentions): off, it lowered the agreement with BASIL
# 2010-2014 (kappa 0.250 to 0.231, leave one event out; README)
GROUP_PRONOUNS = False
# "the senator", "the former governor" for the person named last (find_mentions), as "he" is:
# off, it lowered the agreement with BASIL 2010-2014 (kappa 0.262 to 0.248 leaving one event
# out, 0.209 to 0.189 in 5 folds; README), more mentions for the main people and no better label
ROLE_NOUNS = False

# evidence: one row per observation about a party.
EVIDENCE: Mapping[str, str] = {
    "doc": "string",
    "party": "string",
    "by": "string",  # author or sources
    "signal": "string",  # mention, loaded, label, verb or stance
    "score": "float64",  # in [-1, 1]; NaN for a neutral framing choice (shown, not scored)
    "start": "int64",
    "end": "int64",
    "text": "string",  # the words, as written
    "detail": "string",  # what it is: the lexicon entry and class, the model, the cue class
    "tie": "string",  # why it is about this party
    "statement": "Int64",  # the statement whose content holds it (sources), else null
    "sentence_text": "string",
}

PORTRAYALS: Mapping[str, str] = {
    "doc": "string",
    "party": "string",
    "by": "string",
    "n": "int64",  # mentions of the party
    "scored": "int64",  # scored observations (mentions, loaded words, labels, cues)
    "score": "float64",
    "low": "float64",
    "high": "float64",
    "label": "string",
    "mention": "float64",  # the mean of each signal alone
    "loaded": "float64",
    "label_signal": "float64",
    "verb": "float64",
    "stance": "float64",
    "evidence": "string",  # the strongest observations, "; "-joined
    "too_few": "bool",
    # per article (else NaN): the party's share of the article's party mentions, and its
    # narration's mention scores summed over (mentions + AUTHOR_PRIOR): AUTHOR_RULE's inputs
    "share": "float64",
    "lean": "float64",
}

PROMINENCE: Mapping[str, str] = {
    "doc": "string",
    "party": "string",
    "headline": "bool",  # named in the title
    "speaks_in_lede": "bool",  # a statement in the first two paragraphs of the body
    "first_rank": "Int64",  # its first statement's rank among the article's speakers (1 = first)
    "last_word": "bool",  # speaks the article's last statement
    "statements": "int64",
    "mentions": "int64",
}


# --- the per-mention model --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Toward:
    """The sentiment toward one mention, as research.portrayal.toward returns it."""

    label: str
    score: float
    evidence: tuple[Span, ...] = ()


# (text, mention spans, the text's sentences) -> one result (.label, .score) per mention
Scorer = Callable[[str, Sequence[Span], Sequence[Span]], Sequence[Any]]


@cache
def mention_scorer() -> tuple[str, Scorer]:
    """research.portrayal.toward when installed (the learned model), else the fallback."""
    try:
        module = importlib.import_module("research.portrayal")
    except ImportError:
        return "fallback: VADER on the mention's clause", _clause_vader
    toward = module.toward

    def score(text: str, spans: Sequence[Span], sentences: Sequence[Span]) -> Sequence[Any]:
        return toward(text, [(s.start, s.end) for s in spans], sentences=sentences)  # type: ignore[no-any-return]

    return "portrayal model", score


_CLAUSE_EDGE = re.compile(r"[;:()\[\]—–]|,\s+(?:but|while|whereas|although|who|which)\b|\bbut\b")
_CLAUSE_WIDTH = 80  # characters either side of the mention at most


def _clause_vader(text: str, spans: Sequence[Span], sentences: Sequence[Span] = ()) -> list[Toward]:
    """The fallback: VADER's compound score of the clause around each mention, the mention left
    out. It scores the words near a party, not what is said about it: a weak stand-in."""
    from research.sentiment import get_backend

    vader = get_backend("vader")
    results = []
    for span in spans:
        left = text[max(0, span.start - _CLAUSE_WIDTH) : span.start]
        right = text[span.end : span.end + _CLAUSE_WIDTH]
        edges = list(_CLAUSE_EDGE.finditer(left))
        left = left[edges[-1].end() :] if edges else left
        left = re.split(r"(?<=[.!?])\s", left)[-1]
        edge = _CLAUSE_EDGE.search(right)
        right = right[: edge.start()] if edge else right
        right = re.split(r"(?<=[.!?])\s", right)[0]
        score = vader.score(f"{left} {right}").polarity
        label = "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"
        results.append(Toward(label, score))
    return results


# --- one article --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stated:
    """What the portrayal needs of a statement."""

    number: int
    party: str
    speaker: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    verb_class: str | None
    paragraph: int
    negated: bool


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    party: str
    sentence: int
    statement: int | None  # the statement whose content holds it (innermost), if any
    by: str | None  # author, sources, or None: inside its own party's statement
    named: bool = True  # False: a pronoun standing for the person named last


def find_mentions(
    text: str,
    sentences: Sequence[Span],
    parties: PartyLexicon,
    statements: Sequence[Stated],
    *,
    pronouns: bool = True,
    groups: bool | None = None,
    roles: bool | None = None,
) -> list[Mention]:
    """Every party mention in the sentences, with who portrays it there.

    With `pronouns`, a "he", "his", "she" or "her" in the narration is a mention of the person
    named last before it (by a lexicon person's name or surname) within CARRY_SENTENCES: the
    usual reading of news copy, wrong now and then where two people alternate. With `roles`
    (None: ROLE_NOUNS), so is a role noun after "the" ("the senator", "the former governor":
    ROLES). With `groups`, a "they", "them" or "their" in the narration is likewise the party
    last named by a plural term ("the Republicans", "protesters"); None: GROUP_PRONOUNS."""
    groups = GROUP_PRONOUNS if groups is None else groups
    roles = ROLE_NOUNS if roles is None else roles
    people = _person_terms(parties)
    found = []
    last: dict[str, tuple[str, int]] = {}  # "person" / "group" -> (party, sentence)
    for number, sentence in enumerate(sentences):
        names: list[tuple[Span, str | None, str]] = [
            (Span(m.start(), m.end()), parties.party_of(m.group()), m.group())
            for m in parties.matcher.finditer(text, sentence.start, sentence.end)
        ]
        words: list[tuple[Span, str | None, str]] = (
            [(Span(m.start(), m.end()), None, m.group()) for m in _PRONOUN.finditer(text, sentence.start, sentence.end)]
            if pronouns and people
            else []
        )  # fmt: skip
        if groups:
            words += [(Span(m.start(), m.end()), None, m.group())
                      for m in _GROUP_PRONOUN.finditer(text, sentence.start, sentence.end)]  # fmt: skip
        if roles and people:
            words += [(Span(m.start("role"), m.end("role")), None, m.group("role"))
                      for m in _ROLE.finditer(text, sentence.start, sentence.end)]  # fmt: skip
        for span, party, term in sorted(names + words, key=lambda item: item[0].start):
            pronoun = party is None
            if party is None:
                kind = "group" if _GROUP_PRONOUN.fullmatch(term) else "person"
                if kind not in last or number - last[kind][1] > CARRY_SENTENCES:
                    continue
                if _holder(span, statements) is not None:
                    continue  # inside a quotation "he" is anyone's
                party = last[kind][0]
            elif " ".join(term.split()) in people:
                last["person"] = (party, number)
            elif _PLURAL.search(term):
                last["group"] = (party, number)
            holder = _holder(span, statements)
            found.append(Mention(span, party, number, holder.number if holder else None,
                                 _by(party, holder), not pronoun))  # fmt: skip
    return found


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b")
_GROUP_PRONOUN = re.compile(r"\b(?:[Tt]hey|[Tt]hem|[Tt]heir)\b")
_PLURAL = re.compile(r"[a-z]s$")  # "Republicans", "protesters": what "they" stands for
# Role nouns that news copy uses, after "the", for a person it has named ("Senator Hale ...
# the senator said"): elected and party offices, candidacies and the public roles of the people
# stories are about. Left out: "president" and "pope" (usually the incumbent, whoever was named
# last) and roles as often plural-generic as anaphoric ("official", "spokesman").
ROLES = (
    "senator", "congressman", "congresswoman", "lawmaker", "legislator", "representative",
    "governor", "lieutenant governor", "mayor", "sheriff", "candidate", "nominee", "challenger",
    "incumbent", "chairman", "chairwoman", "secretary", "justice", "judge", "prosecutor",
    "businessman", "businesswoman", "billionaire", "mogul", "executive", "host", "commentator",
    "reverend", "activist", "actor", "actress", "singer", "star", "comedian",
)  # fmt: skip
_ROLE = re.compile(r"\b[Tt]he (?:[a-z0-9][\w'-]* ){0,2}(?P<role>" + "|".join(ROLES) + r")\b(?!-)")


@cache
def _person_terms(parties: PartyLexicon) -> frozenset[str]:
    """The names and surnames of the lexicon's people: the mentions a pronoun can stand for."""
    names = [person.name for party in parties.parties for person in party.people]
    return frozenset([*names, *(name.split()[-1] for name in names if name.split())])


def _holder(span: Span, statements: Sequence[Stated]) -> Stated | None:
    """The statement whose content holds `span`: the innermost (shortest) one."""
    holding = [
        (part.end - part.start, s.number, s)
        for s in statements
        for part in s.content
        if part.start <= span.start and span.end <= part.end
    ]
    return min(holding, key=lambda item: item[:2])[2] if holding else None


def _by(party: str, holder: Stated | None) -> str | None:
    if holder is None:
        return "author"
    return None if holder.party == party else "sources"


def portray_article(
    doc: str,
    text: str,
    sentences: Sequence[Span],
    statements: Sequence[Stated],
    labels: Sequence[Mapping[Hashable, Any]],
    parties: PartyLexicon,
    loaded: LoadedLexicon,
    *,
    stances: Sequence[Mapping[Hashable, Any]] | None = None,
    scored_mentions: Mapping[tuple[int, int], tuple[str, float]] | None = None,
    mentions: Sequence[Mention] | None = None,
    scorer: Scorer | None = None,
    model: str = "",
) -> list[dict[str, Any]]:
    """Every observation about every party in one article, as EVIDENCE rows. `scored_mentions`
    ((start, end) -> (label, score)) are mentions the pipeline has scored already; the others
    (pronouns, non-party sources) go to `scorer`."""
    if scorer is None:
        model, scorer = mention_scorer()
    if mentions is None:
        mentions = find_mentions(text, sentences, parties, statements)
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> str:
        index = bisect_right(starts, offset) - 1
        return sentences[index].text(text) if index >= 0 else ""

    def row(party: str, by: str, signal: str, score: float, span: Span, detail: str, tie: str,
            statement: int | None) -> dict[str, Any]:  # fmt: skip
        return {
            "doc": doc, "party": party, "by": by, "signal": signal, "score": score,
            "start": span.start, "end": span.end, "text": span.text(text), "detail": detail,
            "tie": tie, "statement": statement, "sentence_text": sentence_of(span.start),
        }  # fmt: skip

    rows = []
    scored = [m for m in mentions if m.by is not None]
    known = dict(scored_mentions or {})
    todo = [m for m in scored if (m.span.start, m.span.end) not in known]
    for mention, result in zip(todo, scorer(text, [m.span for m in todo], sentences) if todo else [],
                               strict=True):  # fmt: skip
        known[(mention.span.start, mention.span.end)] = (str(result.label), float(result.score))
    for mention in scored:
        assert mention.by is not None
        verdict, score = known[(mention.span.start, mention.span.end)]
        tie = (
            "names it"
            if mention.named
            else "a pronoun for the group named last"
            if _GROUP_PRONOUN.fullmatch(mention.span.text(text))
            else "a pronoun for the person named last"
            if _PRONOUN.fullmatch(mention.span.text(text))
            else "a role noun for the person named last"
        )
        rows.append(row(mention.party, mention.by, "mention", score, mention.span,
                        f"{model}: {verdict}", tie, mention.statement))  # fmt: skip
    for occurrence in find_loaded(text, sentences, loaded, mentions, statements):
        rows.append(row(occurrence.party, occurrence.by, "loaded", occurrence.score,
                        occurrence.span, occurrence.detail, occurrence.tie,
                        occurrence.statement))  # fmt: skip
    for label in labels:
        if label["party"] in NOT_PARTIES or pd.notna(label["statement"]):
            continue  # untied labels are counted apart; labels inside statements are the source's
        score = CONNOTATION_SCORES.get(str(label["connotation"]), float("nan"))
        span = Span(int(label["start"]), int(label["end"]))
        detail = f"{label['label']} ({label['connotation']})"
        rows.append(row(str(label["party"]), "author", "label", score, span, detail,
                        str(label["party_evidence"]), None))  # fmt: skip
    speaker_party = {s.number: s.party for s in statements}
    for stance in stances or []:
        target = str(stance["target"])
        if (
            stance["target_kind"] != "party"
            or speaker_party.get(int(stance["statement"])) == target
        ):
            continue
        span = Span(int(stance["mention_start"]), int(stance["mention_end"]))
        score = STANCE_SCORES.get(str(stance["label"]), float("nan"))
        detail = f"{stance['label']} ({stance['evidence'] or 'no cue'})"
        rows.append(row(target, "sources", "stance", score, span, detail,
                        f"stance of {stance['party']}", int(stance["statement"])))  # fmt: skip
    for statement in statements:
        rows.extend(
            row(party, by, "verb", score, statement.cue, detail, tie, None)
            for party, by, score, detail, tie in _cue_observations(statement, mentions)
            if statement.cue is not None
        )
    return rows


def _cue_observations(
    statement: Stated, mentions: Sequence[Mention]
) -> Iterator[tuple[str, str, float, str, str]]:
    """(party, by, score, detail, tie) for what a statement's reporting cue says about parties."""
    verb_class = statement.verb_class or ""
    if statement.cue is None or statement.negated:
        return
    toward_speaker = CUE_TOWARD_SPEAKER.get(verb_class)
    if toward_speaker is not None and statement.party not in NOT_PARTIES:
        yield (statement.party, "author", toward_speaker, f"cue class: {verb_class}",
               "its speaker's cue")  # fmt: skip
    toward_object = CUE_TOWARD_OBJECT.get(verb_class)
    if toward_object is not None:
        named = {
            m.party
            for m in mentions
            if m.statement == statement.number and m.party != statement.party
        }
        for party in sorted(named):
            yield party, "author", toward_object, f"cue class: {verb_class}", "named in the content"


# --- loaded language ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadedFound:
    span: Span
    party: str
    by: str
    score: float
    detail: str  # entry, class and direction
    tie: str  # why this party
    statement: int | None


_SCARE_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,40})[”\"]")
_SCARE_WORDS = 3  # a quotation of at most this many words standing in narration is a scare quote
# ... unless a verb of naming or saying introduces it: "called it “a mistake”" is a partial quote.
_INTRODUCED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed)?|term(?:s|ed)?|label(?:s|ed|led)?|brand(?:s|ed)?|"
    r"describ(?:e|es|ed|ing)(?: \w+)? as|said|says|say|as|of|word|words|phrase)\W*$",
    re.IGNORECASE,
)


def find_loaded(
    text: str,
    sentences: Sequence[Span],
    lexicon: LoadedLexicon,
    mentions: Sequence[Mention],
    statements: Sequence[Stated],
) -> list[LoadedFound]:
    """Every loaded word (and scare quote) in the sentences, tied to the party it is about.

    Skipped: an occurrence that is a statement's reporting cue (its class counts as a verb
    signal), one inside its own party's statement, and a capitalized one inside a sentence
    (a name: "Dodge")."""
    cues = [s.cue for s in statements if s.cue is not None]
    found = []
    for number, sentence in enumerate(sentences):
        hits: list[tuple[Span, str, str, str, str]] = []  # span, entry, class, direction, about
        for match in lexicon.matcher.finditer(text, sentence.start, sentence.end):
            if match.group()[0].isupper() and match.start() != sentence.start:
                continue
            span = Span(match.start(), match.end())
            if any(c.start < span.end and span.start < c.end for c in cues):
                continue
            found_entry = lexicon.entry_of(match.group())
            hits.append((span, found_entry.text, found_entry.word_class, found_entry.direction,
                         found_entry.about))  # fmt: skip
        for quote in _SCARE_QUOTE.finditer(text, sentence.start, sentence.end):
            span = Span(quote.start(), quote.end())
            if (
                len(quote.group(1).split()) <= _SCARE_WORDS
                and not _titled(quote.group(1))
                and _INTRODUCED.search(text, sentence.start, span.start) is None
                and _holder(span, statements) is None
                and not any(s.speaker is not None and _near(s, span) for s in statements)
            ):
                # shown, not scored: on BASIL 2010-2014 the nearest party was rarely the one
                # a scare quote doubts (1 of 22 beside a party the annotators saw negatively)
                hits.append((span, "scare quote", "scare_marker", "neutral", "near"))
        for span, entry, word_class, direction, about in hits:
            if about in _PASSIVE and _BY.match(
                text, span.end
            ):  # "was slammed by X": X is the agent
                about = _PASSIVE[about]
            tied = _tie(span, about, number, mentions, statements)
            if tied is None:
                continue
            party, tie = tied
            holder = _holder(span, statements)
            by = _by(party, holder)
            if by is None:
                continue
            score = DIRECTION_SCORES.get(direction, float("nan"))
            detail = f"{entry} ({word_class}, {direction})"
            found.append(LoadedFound(span, party, by, score, detail, tie,
                                     holder.number if holder else None))  # fmt: skip
    return found


_BY = re.compile(r"\s+by\b", re.IGNORECASE)
_PASSIVE = {"agent": "object", "object": "agent"}


def _titled(words: str) -> bool:
    """A quoted title or name ("Face the Nation", "Tent City") is not a scare quote."""
    return words[:1].isupper() and not words.strip(" ,.").islower()


def _near(statement: Stated, span: Span) -> bool:
    """Whether a quotation belongs to a statement as its content would (right beside its cue)."""
    parts = [p for p in (statement.speaker, statement.cue) if p is not None]
    return any(abs(p.start - span.end) < 3 or abs(span.start - p.end) < 3 for p in parts)


def _tie(
    span: Span,
    about: str,
    sentence: int,
    mentions: Sequence[Mention],
    statements: Sequence[Stated],
) -> tuple[str, str] | None:
    """The party a loaded word is about, and why; None when no party is in reach."""
    if about == "agent":
        for s in statements:  # "Obama conceded ...": the speaker is the agent
            if s.speaker is not None and s.party not in NOT_PARTIES and _beside(s, span):
                return s.party, "its statement's speaker"
    here = [m for m in mentions if m.sentence == sentence and m.span != span]
    before = [m for m in here if m.span.end <= span.start]
    after = [m for m in here if m.span.start >= span.end]
    if about == "agent" and before:
        return before[-1].party, "the party before it (its agent)"
    if about == "object" and after:
        return after[0].party, "the party after it (its object)"
    if about == "agent" and after:
        return after[0].party, "the party after it"
    if about == "object" and before:
        return before[-1].party, "the party before it"
    if here:
        nearest = min(
            here, key=lambda m: min(abs(m.span.start - span.end), abs(span.start - m.span.end))
        )
        return nearest.party, "the nearest party in its sentence"
    earlier = [m for m in mentions if sentence - CARRY_SENTENCES <= m.sentence < sentence]
    if earlier:
        return earlier[-1].party, "the party last named before its sentence"
    return None


def _beside(statement: Stated, span: Span) -> bool:
    """Whether `span` sits between a statement's speaker and its cue or content ("X, visibly
    angry, lashed out"), or right after its speaker."""
    assert statement.speaker is not None
    parts = [p for p in (statement.speaker, statement.cue, *statement.content) if p is not None]
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    inside_content = any(c.start <= span.start < c.end for c in statement.content)
    return start <= span.start and span.end <= end and not inside_content


# --- a corpus -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Portrayals:
    evidence: pd.DataFrame  # EVIDENCE
    portrayals: pd.DataFrame  # PORTRAYALS, per (doc, party, by)
    prominence: pd.DataFrame  # PROMINENCE, per (doc, party)


def portray(
    articles: pd.DataFrame,
    statements: pd.DataFrame,
    sentences: pd.DataFrame,
    paragraphs: pd.DataFrame,
    labels: pd.DataFrame,
    parties: PartyLexicon,
    loaded: LoadedLexicon,
    *,
    stances: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    scorer: Scorer | None = None,
    model: str = "",
    min_n: int = MIN_N,
) -> Portrayals:
    """Each party's portrayal in each article, from the pipeline's frames."""
    if scorer is None:
        model, scorer = mention_scorer()
    rows: list[dict[str, Any]] = []
    prominence: list[dict[str, Any]] = []
    # Each frame turned into records once and split by article: per-article pandas filtering
    # cost more than the rest of the pipeline.
    stated_of = _by_doc(statements, _STATED_COLUMNS)
    sentences_of = _by_doc(sentences, ["start", "end"])
    paragraphs_of = _by_doc(paragraphs, ["start", "end"])
    labels_of = _by_doc(labels, ["start", "end", "label", "connotation", "party",
                                 "party_evidence", "statement"])  # fmt: skip
    stances_of = _by_doc(stances, ["statement", "party", "target", "target_kind", "label",
                                   "mention_start", "mention_end", "evidence"])  # fmt: skip
    scored_of: dict[str, dict[tuple[int, int], tuple[str, float]]] = {}
    for doc, records in _by_doc(mentions, ["start", "end", "label", "score"]).items():
        scored_of[doc] = {(int(r["start"]), int(r["end"])): (str(r["label"]), float(r["score"]))
                          for r in records}  # fmt: skip
    for doc, text, title in zip(articles["doc"], articles["text"], _titles(articles), strict=True):
        doc, text = str(doc), str(text)
        stated = _stated(stated_of.get(doc, []))
        spans = [Span(int(r["start"]), int(r["end"])) for r in sentences_of.get(doc, [])]
        named = find_mentions(text, spans, parties, stated)
        rows.extend(portray_article(doc, text, spans, stated, labels_of.get(doc, []), parties,
                                    loaded, stances=stances_of.get(doc),
                                    scored_mentions=scored_of.get(doc), mentions=named,
                                    scorer=scorer, model=model))  # fmt: skip
        paragraph_spans = [Span(int(r["start"]), int(r["end"])) for r in paragraphs_of.get(doc, [])]
        prominence.extend(
            prominence_rows(doc, text, title, stated, named, paragraph_spans, parties)
        )
    evidence = make_frame(rows, EVIDENCE)
    prominent = make_frame(prominence, PROMINENCE)
    summary = summarize(evidence, by=("doc", "party", "by"), min_n=min_n)
    return Portrayals(evidence, label_authors(summary, evidence, prominent), prominent)


def label_authors(
    summary: pd.DataFrame,
    evidence: pd.DataFrame,
    prominence: pd.DataFrame,
    *,
    main_share: float = MAIN_SHARE,
    prior: float = AUTHOR_PRIOR,
    threshold: float = AUTHOR_THRESHOLD,
) -> pd.DataFrame:
    """The per-article summary with `share` and `lean` filled and each `author` row labelled by
    AUTHOR_RULE (the `sources` rows keep LABEL_RULE)."""
    result = summary.copy()
    if result.empty:
        return result
    keys = list(zip(result["doc"].astype(str), result["party"].astype(str), strict=True))
    mentions = {
        (str(d), str(p)): float(m)
        for d, p, m in zip(prominence["doc"], prominence["party"], prominence["mentions"],
                           strict=True)
    }  # fmt: skip
    totals: dict[str, float] = {}
    for (doc, _), count in mentions.items():
        totals[doc] = totals.get(doc, 0.0) + count
    said = evidence[(evidence["by"] == "author") & (evidence["signal"] == "mention")]
    sums: dict[tuple[str, str], list[float]] = {}  # (doc, party) -> [sum of scores, mentions]
    for doc, party, score in zip(said["doc"], said["party"], said["score"], strict=True):
        total = sums.setdefault((str(doc), str(party)), [0.0, 0.0])
        total[0] += 0.0 if pd.isna(score) else float(score)
        total[1] += 1.0
    share = np.array([mentions.get(k, 0.0) / totals[k[0]] if totals.get(k[0]) else 0.0
                      for k in keys])  # fmt: skip
    lean = np.array(
        [sums[k][0] / (sums[k][1] + prior) if k in sums else 0.0 for k in keys], dtype=float
    )
    author = (result["by"] == "author").to_numpy()
    result["share"] = share
    result["lean"] = np.where(author, lean, np.nan)  # the narration's: the author's rows only
    main = share >= main_share
    label = np.where(
        lean <= -threshold, "negative", np.where(lean >= threshold, "positive", "neutral")
    )
    chosen = np.where(main, label, "neutral")
    result.loc[author, "label"] = chosen[author]
    return result.astype({"label": "string", "share": "float64", "lean": "float64"})


def _titles(articles: pd.DataFrame) -> list[str]:
    if "title" not in articles:
        return [""] * len(articles)
    return ["" if pd.isna(t) else str(t) for t in articles["title"]]


_STATED_COLUMNS = ["statement", "party", "speaker_start", "speaker_end", "cue_start", "cue_end",
                   "content_spans", "verb_class", "paragraph", "negated"]  # fmt: skip


def _by_doc(
    frame: pd.DataFrame | None, columns: Sequence[str]
) -> dict[str, list[dict[Hashable, Any]]]:
    """The frame's rows as records (only `columns`), listed per article."""
    found: dict[str, list[dict[Hashable, Any]]] = {}
    if frame is None or frame.empty:
        return found
    docs = frame["doc"].astype(str).tolist()
    for doc, record in zip(docs, frame[list(columns)].to_dict("records"), strict=True):
        found.setdefault(doc, []).append(record)
    return found


def _span(start: Any, end: Any) -> Span | None:
    return None if pd.isna(start) or pd.isna(end) else Span(int(start), int(end))


def _stated(statements: Sequence[Mapping[Hashable, Any]]) -> list[Stated]:
    return [
        Stated(
            int(s["statement"]),
            str(s["party"]),
            _span(s["speaker_start"], s["speaker_end"]),
            _span(s["cue_start"], s["cue_end"]),
            tuple(Span(int(a), int(b)) for a, b in s["content_spans"]),
            None if pd.isna(s["verb_class"]) else str(s["verb_class"]),
            int(s["paragraph"]),
            bool(s["negated"]),
        )
        for s in statements
    ]


# --- prominence -----------------------------------------------------------------------------------

LEDE_PARAGRAPHS = 2


def prominence_rows(
    doc: str,
    text: str,
    title: str,
    statements: Sequence[Stated],
    mentions: Sequence[Mention],
    paragraphs: Sequence[Span],
    parties: PartyLexicon,
) -> list[dict[str, Any]]:
    """Per party in one article: named in the headline, speaks in the lede (the first two
    paragraphs of the body; a first paragraph that is the title is not the body), the rank of its
    first statement among the article's speakers, and whether it has the last word (the title's
    own statements count for the headline only)."""
    body = list(range(len(paragraphs)))
    if paragraphs and title and paragraphs[0].text(text).strip() == title.strip():
        body = body[1:]
    lede = set(body[:LEDE_PARAGRAPHS])
    in_title = {parties.party_of(m.group()) for m in parties.matcher.finditer(title)}
    in_body = set(body)
    spoken = [s for s in statements if not s.negated and (s.paragraph in in_body or not body)]
    order: list[str] = []  # speakers (their party, else their words) in order of first statement
    first_of: dict[str, int] = {}
    for s in sorted(spoken, key=lambda s: s.number):
        who = s.party if s.party not in NOT_PARTIES else f"{s.party}:{s.speaker}"
        if who not in order:
            order.append(who)
        if s.party not in NOT_PARTIES:
            first_of.setdefault(s.party, len(order))
    last = max(spoken, key=lambda s: s.number).party if spoken else None
    named = {m.party for m in mentions} | {s.party for s in spoken} | {p for p in in_title if p}
    rows = []
    for party in sorted(named - NOT_PARTIES):
        own = [s for s in spoken if s.party == party]
        rows.append(
            {
                "doc": doc,
                "party": party,
                "headline": party in in_title,
                "speaks_in_lede": any(s.paragraph in lede for s in own),
                "first_rank": first_of.get(party),
                "last_word": party == last,
                "statements": len(own),
                "mentions": sum(m.party == party for m in mentions),
            }
        )
    return rows


# --- summaries ------------------------------------------------------------------------------------


def label_of(
    score: float,
    *,
    scored: int | None = None,
    threshold: float = THRESHOLD,
    min_evidence: int = MIN_EVIDENCE,
) -> str:
    """The portrayal's label by LABEL_RULE (`scored`: how many observations the mean is of;
    None applies the threshold alone)."""
    if np.isnan(score) or (scored is not None and scored < min_evidence):
        return "neutral"
    if score <= -threshold:
        return "negative"
    if score >= threshold:
        return "positive"
    return "neutral"


def summarize(
    evidence: pd.DataFrame,
    *,
    by: Sequence[str] = ("doc", "party", "by"),
    min_n: int = MIN_N,
    threshold: float = THRESHOLD,
    signals: Sequence[str] = SIGNALS,
    shown: int = 3,
) -> pd.DataFrame:
    """One row per group (article, outlet or date) and party and who portrays it: mentions, the
    mean score of the scored observations with a 95% interval that holds at small n
    (`compare.mean_interval`), its label, each signal's
    mean, and the `shown` strongest observations as evidence."""
    keys = list(by)
    columns = {
        **{k: "string" for k in keys},
        **{k: v for k, v in PORTRAYALS.items() if k not in ("doc", "party", "by")},
    }
    rows = []
    chosen = evidence[evidence["signal"].isin(signals)]
    # numpy per group: pandas indexing inside the loop cost four times the whole pipeline
    signal_of = chosen["signal"].to_numpy(dtype=object)
    score_of = chosen["score"].to_numpy(dtype=float)
    start_of = chosen["start"].to_numpy(dtype=np.int64)
    text_of = chosen["text"].to_numpy(dtype=object)
    detail_of = chosen["detail"].to_numpy(dtype=object)
    for key, positions in chosen.groupby(keys, sort=True, dropna=False).indices.items():
        values = key if isinstance(key, tuple) else (key,)
        row: dict[str, Any] = dict(zip(keys, values, strict=True))
        signals_here, scores = signal_of[positions], score_of[positions]
        known = scores[~np.isnan(scores)]
        mean = float(known.mean()) if known.size else float("nan")
        row["n"] = int((signals_here == "mention").sum())
        row["scored"] = int(known.size)
        row["score"] = mean
        row["low"], row["high"] = mean_interval(known)
        row["label"] = label_of(mean, scored=int(known.size), threshold=threshold)
        for signal in SIGNALS:
            of_signal = scores[(signals_here == signal) & ~np.isnan(scores)]
            name = "label_signal" if signal == "label" else signal
            row[name] = float(of_signal.mean()) if of_signal.size else float("nan")
        weight = np.nan_to_num(np.abs(scores))
        order = np.lexsort((start_of[positions], -weight))  # strongest first, then in text order
        strong = [i for i in order if weight[i] > 0][:shown]
        row["evidence"] = "; ".join(
            f"“{text_of[positions[i]]}” ({detail_of[positions[i]]})" for i in strong
        )
        row["too_few"] = known.size < min_n
        row["share"] = row["lean"] = float("nan")  # per article only (label_authors)
        rows.append(row)
    return make_frame(rows, columns)


def untied_labels(labels: pd.DataFrame) -> pd.DataFrame:
    """The labels tied to no party, per label: counted and shown, never dropped."""
    untied = labels[labels["party"] == UNRESOLVED]
    counts = untied.groupby(["label", "connotation"]).size().rename("n").reset_index()
    return counts.sort_values(["n", "label"], ascending=[False, True]).reset_index(drop=True)


def with_prominence(portrayed: pd.DataFrame, prominence: pd.DataFrame) -> pd.DataFrame:
    """The portrayals with each party's prominence in its article beside them."""
    columns = ["doc", "party", "headline", "speaks_in_lede", "first_rank", "last_word"]
    return portrayed.merge(prominence[columns], on=["doc", "party"], how="left")
