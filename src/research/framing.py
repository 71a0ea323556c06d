"""Framing signals the author controls: the hedges around statements and the labels for parties.

Sentiment cannot see these: "Russia said" and "Russia claimed" score the same, and so do "regime"
and "government". Two signals live here (the third, the class of each statement's reporting verb,
comes with the cue from the cue lexicon):

    hedges   attribution hedges ("reportedly", "are said to", "allegedly") and epistemic ones
             ("may") from hedges.toml, found in every analysed sentence and tied to the statement
             they qualify: the one whose extent (speaker to content) holds the hedge, else the
             nearest in the same sentence with no clause boundary between them, else none (a
             hedged claim with no statement is still reported);
    labels   evaluative labels the author uses for the parties ("regime", "gunmen",
             "state affiliated") from labels.toml, outside quotation marks, each tied to the party
             it names: a party term it is part of ("regime forces"), else a party term among its
             premodifiers ("Russian state affiliated ...") or in a postmodifier ("troops loyal to
             ... Bashar al-Assad"), preferring a side over a mere source; else the party
             mentioned nearest to it in its sentence; else none, counted as unresolved.

Everything returns spans into the raw text, so each count can be traced to its words.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from research.lexicons import (
    Hedge,
    HedgeLexicon,
    Label,
    LabelLexicon,
    PartyLexicon,
    trie_alternation,
)
from research.schema import UNRESOLVED, Span
from research.text import BE, DO, HAVE, MODALS, RELATIVES, Token, word_set, word_tokens

# Grammar, not lexicon data.
_CLAUSE_WORDS = RELATIVES - {"whom", "whose"} | {
    "that", "while", "whereas", "but", "although", "because", "when", "if", ";"
}  # fmt: skip
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my"}
)
# A label's premodifiers stop at a preposition ("according to | Russian state affiliated"), its
# postmodifier at an auxiliary ("Fighters from other opposition groups | would").
_PREPOSITIONS = frozenset(
    {"to", "of", "by", "from", "in", "on", "at", "for", "with", "according", "amid", "near", "over",
     "after", "before", "against", "into", "about", "between", "among", "despite", "during"}
)  # fmt: skip
_AUXILIARIES = BE - {"being"} | HAVE | MODALS | DO
# An adverb may stand inside a passive report: "are now said to", "is widely believed to".
_INNER_ADVERBS = frozenset({"now", "also", "still", "long", "often", "already", "even", "once"})
# Words that open a postmodifier naming whose a labelled group is: "troops loyal to ...".
_POSTMODIFIERS = frozenset(
    {"of", "from", "for", "loyal", "backed", "allied", "linked", "affiliated", "under"}
)
_PREMODIFIER_WORDS = 3  # "Russian state affiliated": how far left a label's owner may stand
_POSTMODIFIER_WORDS = 6  # "loyal to Syrian President Bashar al-Assad"


@dataclass(frozen=True, slots=True)
class Attributed:
    """Where a statement's parts are: what framing needs of a statement, nothing more."""

    speaker: Span | None
    cue: Span | None
    content: tuple[Span, ...]

    @property
    def extent(self) -> Span:
        parts = [p for p in (self.speaker, self.cue, *self.content) if p is not None]
        return Span(min(p.start for p in parts), max(p.end for p in parts))


class _Nearby:
    """Statements indexed by position: those around a sentence are found by bisection, so a long
    article is not scanned once per hedge or label (which made a 10 MB article take minutes)."""

    _LONG = 2000  # characters: the few statements longer than this are checked every time

    def __init__(self, statements: Sequence[Attributed]) -> None:
        extents = sorted((s.extent.start, s.extent.end, i) for i, s in enumerate(statements))
        self.items = [item for item in extents if item[1] - item[0] <= self._LONG]
        self.long = [item for item in extents if item[1] - item[0] > self._LONG]
        self.starts = [start for start, _, _ in self.items]
        self.statements = statements

    def around(self, span: Span) -> list[tuple[int, Attributed, Span]]:
        """(index, statement, extent) of each statement whose extent overlaps `span`."""
        low = bisect_left(self.starts, span.start - self._LONG)
        high = bisect_right(self.starts, span.end)
        return [
            (i, self.statements[i], Span(start, end))
            for start, end, i in sorted([*self.items[low:high], *self.long])
            if start < span.end and span.start < end
        ]


@dataclass(frozen=True, slots=True)
class HedgeFound:
    span: Span
    hedge: Hedge
    sentence: int  # index into the sentences searched
    statement: int | None  # index into the statements given: the one it qualifies, if any


@dataclass(frozen=True, slots=True)
class LabelFound:
    span: Span
    label: Label
    party: str  # the party the label names, or UNRESOLVED
    evidence: str  # the party term that decided it, and where it stood
    statement: int | None  # the statement whose content holds the label (None: the narration)


# --- hedges -------------------------------------------------------------------------------------


def find_hedges(
    text: str,
    sentences: Sequence[Span],
    lexicon: HedgeLexicon,
    *,
    statements: Sequence[Attributed] = (),
    scopes: Collection[str] = ("attribution", "epistemic"),
) -> list[HedgeFound]:
    """Every hedge in the sentences, with the statement it qualifies.

    A hedge that is a named speaker's own reporting verb ("Ryabkov claims that ...", "X alleged")
    is left out: the verb's class measures it. An anonymous statement's cue ("are said to") stays.
    """
    entries = sorted(
        (h for h in lexicon.hedges if h.scope in scopes),
        key=lambda h: len(h.text.split()),
        reverse=True,
    )
    by_first: dict[str, list[tuple[tuple[str, ...], Hedge]]] = {}
    for hedge in entries:
        words = tuple(hedge.text.split())
        by_first.setdefault(words[0], []).append((words, hedge))
    found = []
    index_of = _Nearby(statements)
    # Most sentences hold no hedge: look for a hedge's first word before tokenizing the sentence.
    first_words = _first_word_matcher(frozenset(by_first))
    for number, sentence in enumerate(sentences):
        if not by_first or first_words.search(text, sentence.start, sentence.end) is None:
            continue
        if not _may_hold(word_set(text, sentence), by_first):
            continue  # "is", "has", "it" open many hedges; the rest of a hedge's words are rarer
        tokens = word_tokens(text, sentence)
        nearby = index_of.around(sentence)
        index = 0
        while index < len(tokens):
            match = _hedge_at(tokens, index, by_first.get(tokens[index].lower, []))
            if match is None:
                index += 1
                continue
            last, hedge = match
            span = Span(tokens[index].start, tokens[last].end)
            if not _named_cue(span, hedge.kind, [s for _, s, _ in nearby]):
                found.append(
                    HedgeFound(span, hedge, number, _qualified(text, span, sentence, nearby))
                )
            index = last + 1
    return found


def _may_hold(words: set[str], by_first: dict[str, list[tuple[tuple[str, ...], Hedge]]]) -> bool:
    """Whether every word of some hedge is among `words`: else no hedge can match there."""
    return any(
        words.issuperset(phrase)
        for first in words.intersection(by_first)
        for phrase, _ in by_first[first]
    )


def _hedge_at(
    tokens: Sequence[Token], index: int, candidates: Sequence[tuple[tuple[str, ...], Hedge]]
) -> tuple[int, Hedge] | None:
    """(last token index, hedge) of the longest hedge starting at `index` that fits its context."""
    for words, hedge in candidates:
        last = _match_words(
            tokens, index, words, skip=hedge.kind in ("passive_report", "impersonal")
        )
        if last is not None and _fits(tokens, index, last, hedge):
            return last, hedge
    return None


def _match_words(
    tokens: Sequence[Token], index: int, words: Sequence[str], *, skip: bool
) -> int | None:
    """Index of the last token if `words` match from `index`; one inner adverb may be skipped."""
    position = index
    skipped = False
    for number, word in enumerate(words):
        if position >= len(tokens):
            return None
        token = tokens[position]
        if token.lower != word and skip and not skipped and number > 0 and _adverb(token):
            skipped = True
            position += 1
            if position >= len(tokens):
                return None
            token = tokens[position]
        if token.lower != word:
            return None
        position += 1
    return position - 1


def _adverb(token: Token) -> bool:
    return token.lower in _INNER_ADVERBS or (token.lower.endswith("ly") and len(token.lower) > 3)


def _fits(tokens: Sequence[Token], first: int, last: int, hedge: Hedge) -> bool:
    """The exclusions the hedge lexicon's notes ask for."""
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if hedge.kind == "modal":
        return tokens[first].text.islower()  # "May" the month is not "may"
    if hedge.text == "supposed":
        return after is None or after.lower != "to"  # "supposed to": obligation
    if hedge.kind == "passive_report" and hedge.text.endswith(" to"):
        # "are said to include" reports; "was reported to the police" does not
        return after is not None and after.text.islower() and after.lower not in _DETERMINERS
    return True


def _named_cue(hedge: Span, kind: str, statements: Sequence[Attributed]) -> bool:
    """Whether a noun or adjective hedge ("claims that", "alleged") is a named speaker's own
    reporting verb. A passive report ("are said to") is a hedge whatever the attributor made of it."""
    return kind in ("noun", "adjective") and any(
        s.speaker is not None and s.cue is not None and _overlap(s.cue, hedge) for s in statements
    )


def _qualified(
    text: str, hedge: Span, sentence: Span, statements: Sequence[tuple[int, Attributed, Span]]
) -> int | None:
    """The statement a hedge qualifies: the innermost holding it, else the nearest in its sentence
    with no clause boundary between them. `statements` are those around the sentence."""
    holding = [
        (extent.end - extent.start, i)
        for i, _, extent in statements
        if extent.start <= hedge.start and hedge.end <= extent.end
    ]
    if holding:
        return min(holding)[1]
    nearby = []
    for i, _, extent in statements:
        if not _overlap(extent, sentence):
            continue
        if _overlap(hedge, extent):  # the hedge straddles the statement's edge: nothing between
            nearby.append((0, i))
            continue
        gap = (
            Span(hedge.end, extent.start)
            if hedge.end <= extent.start
            else Span(extent.end, hedge.start)
        )
        if not any(t.lower in _CLAUSE_WORDS for t in word_tokens(text, gap)):
            nearby.append((gap.end - gap.start, i))
    return min(nearby)[1] if nearby else None


@functools.lru_cache(maxsize=16)
def _first_word_matcher(words: frozenset[str]) -> re.Pattern[str]:
    """Any of `words`, as a whole word: built once a lexicon, not once an article (0.2 ms each)."""
    alternation = trie_alternation([re.escape(c) for c in word] for word in words)
    return re.compile(rf"(?<![\w'’])(?:{alternation})(?![\w'’])", re.IGNORECASE)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


# --- labels ---------------------------------------------------------------------------------------


def find_labels(
    text: str,
    sentences: Sequence[Span],
    lexicon: LabelLexicon,
    parties: PartyLexicon,
    *,
    quotes: Sequence[Span] = (),
    statements: Sequence[Attributed] = (),
    include_quoted: bool = False,
) -> list[LabelFound]:
    """Every label in the sentences outside quotation marks, with the party it names."""
    found = []
    index_of = _Nearby(statements)
    quotes = sorted(quotes, key=lambda q: q.start)
    quote_starts = [q.start for q in quotes]
    for sentence in sentences:
        matches = list(lexicon.matcher.finditer(text, sentence.start, sentence.end))
        if not matches:
            continue  # most sentences hold no label: skip the work below
        nearby = index_of.around(sentence)
        terms = [
            (Span(m.start(), m.end()), m.group())
            for m in parties.matcher.finditer(text, sentence.start, sentence.end)
        ]
        tokens = word_tokens(text, sentence)
        for match in matches:
            span = Span(match.start(), match.end())
            if not include_quoted and _inside_quote(span, quotes, quote_starts):
                continue
            if _inside_name(span, match.group(), sentence, terms):
                continue
            label = lexicon.label_of(match.group())
            party, evidence = _referent(text, span, tokens, terms, parties)
            statement = next(
                (
                    i
                    for i, s, _ in nearby
                    if any(c.start <= span.start and span.end <= c.end for c in s.content)
                ),
                None,
            )
            found.append(LabelFound(span, label, party, evidence, statement))
    return found


def _inside_name(
    span: Span, matched: str, sentence: Span, terms: Sequence[tuple[Span, str]]
) -> bool:
    """Whether a capitalized label inside a sentence is a word of a longer party name
    ("Riverside Workers Union"): part of a name, not the author's label."""
    if not matched[0].isupper() or span.start == sentence.start:
        return False
    return any(
        term.start <= span.start and span.end <= term.end and term != span for term, _ in terms
    )


def _inside_quote(span: Span, quotes: Sequence[Span], starts: Sequence[int]) -> bool:
    """Whether `span` lies in a quotation; quotations do not overlap, so one look suffices."""
    index = bisect_right(starts, span.start) - 1
    return index >= 0 and span.end <= quotes[index].end


def _referent(
    text: str,
    label: Span,
    tokens: Sequence[Token],
    terms: Sequence[tuple[Span, str]],
    parties: PartyLexicon,
) -> tuple[str, str]:
    """The party a label names, and the term that says so."""
    holding = [(span, term) for span, term in terms if _overlap(span, label)]
    if holding:
        _, term = max(holding, key=lambda t: t[0].end - t[0].start)
        return _party(parties, term), term
    window = _noun_phrase(tokens, label)
    near = [
        (span, term)
        for span, term in terms
        if window.start <= span.start and span.end <= window.end
    ]
    if not near:
        return _nearest_mention(label, terms, parties)

    def rank(item: tuple[Span, str]) -> tuple[bool, int]:
        span, term = item
        distance = label.start - span.end if span.end <= label.start else span.start - label.end
        return parties.kind_of(_party(parties, term)) != "party", distance

    _, term = min(near, key=rank)
    return _party(parties, term), f"{term} (in “{window.text(text)}”)"


def _nearest_mention(
    label: Span, terms: Sequence[tuple[Span, str]], parties: PartyLexicon
) -> tuple[str, str]:
    """A label naming no party in its own phrase ("the lawmakers") is about the party mentioned
    nearest to it in its sentence, a side before a mere source; with none it stays UNRESOLVED."""
    if not terms:
        return UNRESOLVED, ""

    def rank(item: tuple[Span, str]) -> tuple[bool, int]:
        span, term = item
        distance = label.start - span.end if span.end <= label.start else span.start - label.end
        return parties.kind_of(_party(parties, term)) != "party", distance

    _, term = min(terms, key=rank)
    return _party(parties, term), f"{term} (nearest mention)"


def _noun_phrase(tokens: Sequence[Token], label: Span) -> Span:
    """The label with its premodifiers and a postmodifier that says whose it is."""
    inside = [i for i, t in enumerate(tokens) if label.start <= t.start < label.end]
    if not inside:
        return label
    first, last = inside[0], inside[-1]
    start = first
    while start > 0 and first - start < _PREMODIFIER_WORDS:
        previous = tokens[start - 1]
        if (
            not previous.text[0].isalnum()
            or previous.lower in _CLAUSE_WORDS
            or previous.lower in _PREPOSITIONS
            or previous.lower in _AUXILIARIES
        ):
            break
        start -= 1
        if previous.lower in _DETERMINERS:
            break
    end = last
    if end + 1 < len(tokens) and tokens[end + 1].lower in _POSTMODIFIERS:
        while end + 1 < len(tokens) and end - last < _POSTMODIFIER_WORDS:
            following = tokens[end + 1]
            if (
                not following.text[0].isalnum()
                or following.lower in _CLAUSE_WORDS
                or following.lower in _AUXILIARIES
            ):
                break
            end += 1
    return Span(tokens[start].start, tokens[end].end)


def _party(parties: PartyLexicon, term: str) -> str:
    return parties.party_of(term) or UNRESOLVED
