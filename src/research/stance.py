"""Stance of a statement toward the story's targets and the parties it mentions: favor, against or
neutral, with the words that decided it.

Sentiment scores a whole text; stance asks what the speaker is for or against. "Washington's
intransigence" is against the United States, "a rebel withdrawal ... was unacceptable" against the
withdrawal, not against the rebels. Behind one small interface (like sentiment's backends), the
lexicon backend reads a statement's content clause by clause:

    mentions   target terms (targets.toml) and party terms (parties.toml) in the content
    cue        the reporting cue is read as a clause of its own, whose words count for the first
               mention after it ("Moscow accused Washington of ...") or, when passive, the last
               before it ("rebel groups have been accused of ...")
    clauses    split at punctuation and clause words; "but" ranks the clause after it above the one
               before, "although" ranks the clause it opens below the other
    cues       favor/against words (stance.toml); a negator up to `window` words before a cue flips
               it ("not acceptable"); each cue counts for the nearest mention in its clause (for a
               verb, its object, "Moscow rejected the deal" is against the deal, or, for verbs
               marked `about = "agent"`, its agent: "the rebels violated the truce"), or, in a clause
               that mentions nothing, the nearest mention before it ("the deal is welcome, but it
               is unacceptable")
    decision   per target, the sum of its cues in its highest-ranked clause: > 0 favor, < 0 against,
               otherwise neutral (a target mentioned with no cue is neutral, with no evidence)

Offsets are into the article's raw text, so every decision can be checked against the words.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from research.lexicons import PartyLexicon, StanceLexicon, TargetLexicon
from research.schema import Span
from research.text import BE, HAVE, RELATIVES, Token, word_tokens

FAVOR, AGAINST, NEUTRAL = "favor", "against", "neutral"
TARGET, PARTY = "target", "party"  # what a mention names: a configured target or a party

# Grammar, not lexicon data: where a clause ends, and words before which "yet" is an adverb.
_BOUNDARY_PUNCT = frozenset(",;:.!?()[]–—-…")
_CLAUSE_WORDS = RELATIVES | {"that", "because", "while", "whereas", "when", "if", "unless"}
_AUXILIARIES = HAVE | BE - {"being"}
_PASSIVE = BE
# A cue someone was asked to take up, then refused: "asked him to endorse ... he said no".
_REQUESTS = frozenset({"asked", "urged", "pressed", "invited", "called", "pushed", "begged"})
_REFUSALS = frozenset({"refused", "declined", "refuses", "declines", "rebuffed", "balked"})
_SAYING = frozenset({"said", "says", "say", "answered", "replied"})


@dataclass(frozen=True, slots=True)
class Mention:
    target: str  # the target's or the party's name
    kind: str  # TARGET or PARTY
    span: Span


@dataclass(frozen=True, slots=True)
class Evidence:
    span: Span  # the deciding words; from the negator when one flipped the cue ("not acceptable")
    effect: str  # FAVOR or AGAINST, after negation
    lemma: str  # the cue's lemma in the stance lexicon


@dataclass(frozen=True, slots=True)
class Stance:
    target: str
    kind: str  # TARGET or PARTY
    label: str  # FAVOR, AGAINST or NEUTRAL
    score: int  # favor cues minus against cues in the deciding clause
    mention: Span  # the target's first mention in the content
    evidence: tuple[
        Evidence, ...
    ]  # the words that decided the label (none when neutral by silence)


class StanceBackend(Protocol):
    """Decides the stance toward each mentioned target; mentions are found by the lexicons."""

    name: str

    def decide(
        self,
        text: str,
        content: Sequence[Span],
        mentions: Sequence[Mention],
        *,
        cue: Span | None = None,
    ) -> list[Stance]:
        """One Stance per distinct mentioned target, in order of first mention; `cue` is the
        statement's reporting cue, which may itself take a side ("accused", "welcomed")."""
        ...


def find_mentions(
    text: str, content: Sequence[Span], *, targets: TargetLexicon, parties: PartyLexicon
) -> list[Mention]:
    """Target and party terms in the content, in text order. Non-party sources (kind "source":
    agencies, monitors, analysts) are not stance targets."""
    found = []
    for span in content:
        for match in targets.matcher.finditer(text, span.start, span.end):
            name = targets.target_of(match.group())
            if name is not None:
                found.append(Mention(name, TARGET, Span(match.start(), match.end())))
        for match in parties.matcher.finditer(text, span.start, span.end):
            party = parties.party_of(match.group())
            if party is not None and parties.kind_of(party) == "party":
                found.append(Mention(party, PARTY, Span(match.start(), match.end())))
    return sorted(found, key=lambda m: (m.span.start, m.kind))


def detect_stances(
    text: str,
    content: Sequence[Span],
    *,
    targets: TargetLexicon,
    parties: PartyLexicon,
    backend: StanceBackend,
    cue: Span | None = None,
) -> list[Stance]:
    """The stance of one statement toward every target and party its content mentions."""
    mentions = find_mentions(text, content, targets=targets, parties=parties)
    if not mentions:
        return []
    return backend.decide(text, content, mentions, cue=cue)


def stance_record(stance: Stance, text: str) -> dict[str, Any]:
    """A stance as a JSON-ready object: target, kind, label, mention and evidence with offsets."""
    return {
        "target": stance.target,
        "kind": stance.kind,
        "label": stance.label,
        "mention": _span_record(stance.mention, text),
        "evidence": [
            {**_span_record(e.span, text), "effect": e.effect, "lemma": e.lemma}
            for e in stance.evidence
        ],
    }


def _span_record(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text(text)}


# --- the lexicon backend -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Clause:
    tokens: tuple[Token, ...]
    rank: int  # higher ranks decide: after "but" +1; a clause opened by "although" is 0

    def contains(self, offset: int) -> bool:
        return bool(self.tokens) and self.tokens[0].start <= offset < self.tokens[-1].end


class LexiconStance:
    """Favor/against cues from the stance lexicon, scoped by clause, flipped by negation."""

    name = "lexicon"

    def __init__(self, cues: StanceLexicon, *, tags: Mapping[str, str] | None = None) -> None:
        self.cues = cues
        self.tags = tags or {}  # word -> most frequent Penn tag: tells a verb cue from the rest
        self.longest = cues.longest  # words in the longest cue, computed once

    def decide(
        self,
        text: str,
        content: Sequence[Span],
        mentions: Sequence[Mention],
        *,
        cue: Span | None = None,
    ) -> list[Stance]:
        spans = sorted([*content, *([cue] if cue is not None else [])], key=lambda s: s.start)
        clauses = [c for span in spans for c in self._clauses(word_tokens(text, span))]
        hits: dict[tuple[str, str], list[tuple[int, Evidence]]] = {}
        for position, clause in enumerate(clauses):
            reporting = cue is not None and cue.start <= clause.tokens[0].start < cue.end
            forward = reporting and not any(t.lower in _PASSIVE for t in clause.tokens)
            for evidence, cue_index, about in self._cues(clause, mentions):
                verb = self.tags.get(clause.tokens[cue_index].lower, "").startswith("VB")
                if verb and _passive(clause, cue_index):
                    about = "agent" if about == "object" else "object"  # "the deal was rejected"
                evidence = _refused(clauses, position, cue_index, evidence)
                mention = _nearest(
                    clauses,
                    position,
                    cue_index,
                    mentions,
                    side=("after" if about == "object" else "before") if verb else None,
                    forward=forward,
                )
                if mention is not None:
                    hits.setdefault((mention.target, mention.kind), []).append(
                        (clause.rank, evidence)
                    )
        stances = []
        for key in dict.fromkeys((m.target, m.kind) for m in mentions):
            first = next(m for m in mentions if (m.target, m.kind) == key)
            found = hits.get(key, [])
            top = max((rank for rank, _ in found), default=0)
            deciding = tuple(e for rank, e in found if rank == top)
            score = sum(1 if e.effect == FAVOR else -1 for e in deciding)
            label = FAVOR if score > 0 else AGAINST if score < 0 else NEUTRAL
            stances.append(Stance(key[0], key[1], label, score, first.span, deciding))
        return stances

    def _clauses(self, tokens: Sequence[Token]) -> list[_Clause]:
        clauses: list[_Clause] = []
        current: list[Token] = []
        rank, conceded = 1, False

        def close() -> None:
            nonlocal current
            if current:
                clauses.append(_Clause(tuple(current), 0 if conceded else rank))
            current = []

        index = 0
        while index < len(tokens):
            token = tokens[index]
            conceding = (
                _phrase_at(tokens, index, self.cues.contrast_conceded)
                if tokens[index].lower in self.cues.first_words
                else 0
            )
            if token.lower in _BOUNDARY_PUNCT:
                close()
                conceded = False
            elif conceding:
                close()
                conceded = True
                index += conceding
                continue
            elif token.lower in self.cues.contrast_later and self._opens_clause(tokens, index):
                close()
                rank, conceded = rank + 1, False
            elif token.lower in _CLAUSE_WORDS:
                close()
                conceded = False
            elif token.lower[0].isalnum():  # quotation marks and the like are not words
                current.append(token)
            index += 1
        close()
        return clauses

    def _opens_clause(self, tokens: Sequence[Token], index: int) -> bool:
        """ "but" joins clauses; "not yet" and "has yet to" are adverbs, not contrast."""
        before = tokens[index - 1].lower if index else ""
        return before not in self.cues.negators and before not in _AUXILIARIES

    def _cues(
        self, clause: _Clause, mentions: Sequence[Mention]
    ) -> list[tuple[Evidence, int, str]]:
        """(evidence, token index, whom a verb's stance is about) of each cue in the clause; words
        inside a mention are not cues."""
        found = []
        tokens = clause.tokens
        index = 0
        while index < len(tokens):
            size = (
                _phrase_at(tokens, index, self.cues.cues, longest=self.longest)
                if tokens[index].lower in self.cues.first_words
                else 0
            )
            if not size or _inside_mention(tokens[index], mentions):
                index += 1
                continue
            form = " ".join(t.lower for t in tokens[index : index + size])
            cue = self.cues.cues[form]
            stance = cue.stance
            start = tokens[index].start
            window = tokens[max(0, index - self.cues.window) : index]
            negator = next((t for t in window if t.lower in self.cues.negators), None)
            if negator is not None:
                stance = AGAINST if stance == FAVOR else FAVOR
                start = negator.start
            span = Span(start, tokens[index + size - 1].end)
            found.append((Evidence(span, stance, cue.lemma), index, cue.about))
            index += size
        return found


def _phrase_at(
    tokens: Sequence[Token], index: int, phrases: Collection[str], *, longest: int = 4
) -> int:
    """The length in tokens of the longest phrase in `phrases` starting at `index`, or 0."""
    for size in range(min(longest, len(tokens) - index), 0, -1):
        if " ".join(t.lower for t in tokens[index : index + size]) in phrases:
            return size
    return 0


def _passive(clause: _Clause, cue_index: int) -> bool:
    """A verb cue in the passive: a form of "be" one or two words before it ("was rejected",
    "has been widely condemned")."""
    before = clause.tokens[max(0, cue_index - 2) : cue_index]
    return clause.tokens[cue_index].lower.endswith("ed") and any(
        t.lower in _PASSIVE for t in before
    )


def _refused(
    clauses: Sequence[_Clause], position: int, cue_index: int, evidence: Evidence
) -> Evidence:
    """A cue asked for and then refused flips, however far the refusal ("was asked to endorse
    the plan ... he said no", "urged to back the deal, she declined"): the negation window
    before a cue cannot see it. The evidence then runs from the cue to the refusal."""
    tokens = clauses[position].tokens
    if not any(t.lower in _REQUESTS for t in tokens[:cue_index]) or (
        cue_index == 0 or tokens[cue_index - 1].lower != "to"
    ):
        return evidence
    later = [t for c in clauses[position:] for t in c.tokens if t.start > tokens[cue_index].start]
    for previous, token in zip([None, *later], later, strict=False):
        refusal = token.lower in _REFUSALS or (
            token.lower == "no" and previous is not None and previous.lower in _SAYING
        )
        if refusal:
            effect = AGAINST if evidence.effect == FAVOR else FAVOR
            return Evidence(Span(evidence.span.start, token.end), effect, evidence.lemma)
    return evidence


def _inside_mention(token: Token, mentions: Sequence[Mention]) -> bool:
    return any(m.span.start <= token.start < m.span.end for m in mentions)


def _nearest(
    clauses: Sequence[_Clause],
    position: int,
    cue_index: int,
    mentions: Sequence[Mention],
    *,
    side: str | None,
    forward: bool,
) -> Mention | None:
    """The mention a cue counts for: nearest in its clause (on `side` of a verb first: "after"
    for its object, "before" for its agent), else the last one before its clause (or, `forward`,
    the first one after it)."""
    clause = clauses[position]
    inside = [m for m in mentions if clause.contains(m.span.start)]
    cue_start = clause.tokens[cue_index].start
    if side is not None:
        # A verb's stance is about one side of it: "the minister condemned the attack" is not
        # against the minister, whether or not the attack is a mention.
        inside = [
            m
            for m in inside
            if (side == "after" and m.span.start > cue_start)
            or (side == "before" and m.span.end <= cue_start)
        ]
        if not inside and any(clause.contains(m.span.start) for m in mentions):
            return None
    if inside:
        return min(inside, key=lambda m: (_distance(clause, cue_index, m), m.kind != TARGET))
    if forward:
        later = [m for c in clauses[position + 1 :] for m in mentions if c.contains(m.span.start)]
        return later[0] if later else None
    before = [m for c in clauses[:position] for m in mentions if c.contains(m.span.start)]
    return before[-1] if before else None


def _distance(clause: _Clause, cue_index: int, mention: Mention) -> int:
    indices = [
        i for i, t in enumerate(clause.tokens) if mention.span.start <= t.start < mention.span.end
    ]
    return min((abs(i - cue_index) for i in indices), default=len(clause.tokens))


# --- the lexicon, with the learned portrayal for parties it is silent about ----------------------


class PortrayalStance(LexiconStance):
    """The lexicon backend, but a party the stance words leave neutral and silent gets the
    learned portrayal of its first mention (research.portrayal): a speaker who calls a party
    "reckless" with no stance cue is against it. Targets keep the lexicon's decision."""

    name = "lexicon+portrayal"

    def decide(
        self,
        text: str,
        content: Sequence[Span],
        mentions: Sequence[Mention],
        *,
        cue: Span | None = None,
    ) -> list[Stance]:
        from research.portrayal import toward

        decided = super().decide(text, content, mentions, cue=cue)
        silent = [
            i
            for i, s in enumerate(decided)
            if s.kind == PARTY and s.label == NEUTRAL and not s.evidence
        ]
        if not silent:
            return decided
        spans = [decided[i].mention for i in silent]
        results = toward(text, spans, sentences=sorted(content, key=lambda s: s.start))
        for i, result in zip(silent, results, strict=True):
            effect = {"negative": AGAINST, "positive": FAVOR}.get(result.label)
            if effect is not None:
                evidence = tuple(Evidence(span, effect, "portrayal") for span in result.evidence)
                decided[i] = Stance(
                    decided[i].target,
                    PARTY,
                    effect,
                    1 if effect == FAVOR else -1,
                    decided[i].mention,
                    evidence,
                )
        return decided


# --- backends --------------------------------------------------------------------------------------


class BackendFactory(Protocol):
    def __call__(
        self, cues: StanceLexicon, *, tags: Mapping[str, str] | None = None
    ) -> StanceBackend: ...


BACKENDS: dict[str, BackendFactory] = {
    "lexicon": LexiconStance,
    "lexicon+portrayal": PortrayalStance,
}


def get_backend(
    name: str, *, cues: StanceLexicon, tags: Mapping[str, str] | None = None
) -> StanceBackend:
    """The stance backend called `name`, built with the stance lexicon and the word tags (a model
    backend may ignore both)."""
    try:
        factory = BACKENDS[name]
    except KeyError:
        raise ValueError(
            f"unknown stance backend {name!r} (known: {', '.join(BACKENDS)})"
        ) from None
    return factory(cues, tags=tags)
