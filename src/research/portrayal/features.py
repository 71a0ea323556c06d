"""The features of one target mention in one sentence, each tied to the words that raised it.

A target's treatment is read from the words around it, not from the sentence as a whole: "X praised
Y but attacked Z" is good for Y and bad for Z. Each feature is a name (a string the model has a
weight for) with a value and, where words raised it, their character span, which becomes the
evidence when the feature decides. The families, each marked by its prefix:

    w: b:    words and bigrams left (L) or right (R) of the mention, with their distance bucket;
             words inside a negation scope carry "not_" ("did not endorse ... X"), other target
             mentions read as <t> so that names are never features
    m:       lowercase words of the mention itself ("the corrupt official"; names are left out)
    lex:     lexicon hits (VADER, TextBlob/Pattern, the project's stance cues and labels) by side,
             distance, polarity after negation, whether in the mention's clause, whether another
             mention stands between, and whether after "but"
    role:    the mention is the agent (polar verb after it, same clause, nothing between) or the
             object (polar verb before it) of an evaluative verb: "X condemned Y"; an agent whose
             verb has another target as its object is marked apart (agent_of_other)
    own:     whether a polar word bears on this mention or another: the nearest target in its
             clause, and for a verb the targets after it (its objects) before those before it
    tag:     word classes (the Brill lexicon's Penn tags, capitalised words as names) just left
             and right of the mention and of its head: "in Ohio", "a Wisconsin jail", "X said"
    syn:     subject (before its clause's first verb) or object (after it), crossed with that
             verb's polarity, the clause's balance, and whether another target shares the clause
    say:     the mention is the speaker of a reporting cue ("X said", "according to X"), by the
             cue's class (cues.toml: distancing "claimed", emphatic "insisted", ...)
    quote:   the mention stands inside quotation marks, or the sentence quotes someone else
    hedge:   a hedge in the sentence ("allegedly", "are said to")
    sent:    the sentence's lexicon balance (VADER and TextBlob, after negation)
    pos:     where the mention stands: first words of the sentence, number of targets

Everything is a dictionary look-up over a regex tokenisation: no tagger, no parser, no download.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from research.lexicons import (
    load_cues,
    load_hedges,
    load_labels,
    load_stance_cues,
    load_word_tags,
)

# Possessive and negative clitics are tokens of their own: "Trump's" -> "Trump", "'s".
_TOKEN = re.compile(r"\w+(?:-\w+)*|['’]\w+|[^\w\s]")
_CLAUSE_PUNCT = frozenset(",;:()[]–—…")
_SENTENCE_PUNCT = frozenset(".!?")
_CLAUSE_WORDS = frozenset(
    {"that", "which", "who", "whom", "whose", "because", "while", "whereas", "when", "if", "but"}
    | {"although", "though", "however", "yet", "unless", "after", "before", "as"}
)
_CONTRAST = frozenset({"but", "however", "yet", "although", "though", "nevertheless"})
# Negation scope: from a negator to the end of its clause, at most this many words (VADER's three
# words miss refusals: "did not, as the party had hoped, endorse"; "refused to back").
_SCOPE = 6
_REFUSALS = frozenset({"refused", "refuses", "refuse", "declined", "declines", "decline"})
_OPEN_QUOTES = frozenset("“‘«")
_CLOSE_QUOTES = frozenset("”’»")
_STRAIGHT_QUOTES = frozenset('"')
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "its", "their", "it"})
_SAID_BEFORE = frozenset({"according"})
# Mentions that name a time rather than an actor ("charged on Monday") are rarely evaluated.
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


# A token is a named tuple, a hit a plain one: a long sentence makes thousands of hits, and a tuple
# literal is made several times faster than a named tuple or a dataclass.
class Token(NamedTuple):
    start: int
    end: int
    lower: str  # lowercase, curly apostrophe made straight
    word: bool  # starts with a letter or digit


# A feature raised for one mention: (name, value, start, end), where [start, end) are the words
# that raised it (the evidence when it decides), -1, -1 when no words did.
Hit = tuple[str, float, int, int]


@dataclass(frozen=True)
class Resources:
    """The lexicons the features read: polarity by word, phrases by tag, word classes."""

    vader: Mapping[str, float]  # word -> valence / 4, in [-1, 1]
    pattern: Mapping[str, float]  # word -> TextBlob (Pattern) polarity, in [-1, 1]
    phrases: Mapping[str, tuple[str, ...]]  # phrase -> tags ("stance:against", "label:negative")
    negators: frozenset[str]
    tags: Mapping[str, str]  # word -> most frequent Penn tag
    sizes: Mapping[str, tuple[int, ...]]  # first word -> the phrases' lengths, longest first


@cache
def resources_() -> Resources:
    """The packaged lexicons, loaded once per process."""
    stance = load_stance_cues()
    phrases: dict[str, list[str]] = {}
    for form, cue in stance.cues.items():
        phrases.setdefault(form, []).append(f"stance:{cue.stance}")
    for label in load_labels().labels:
        for form in label.forms:
            phrases.setdefault(form, []).append(f"label:{label.connotation}")
    for hedge in load_hedges().hedges:
        phrases.setdefault(hedge.text, []).append(f"hedge:{hedge.scope}")
    for form, readings in load_cues().cues.items():
        phrases.setdefault(form, []).append(f"cue:{readings[0].verb_class}")
    negators = frozenset({*stance.negators, "n't", "'t", "nobody"}) - {"without"}
    sizes: dict[str, set[int]] = {}
    for form in phrases:
        words = form.split(" ")
        sizes.setdefault(words[0], set()).add(len(words))
    return Resources(
        _vader_lexicon(),
        _pattern_lexicon(),
        {form: tuple(dict.fromkeys(tags)) for form, tags in phrases.items()},
        negators | {"without"},
        load_word_tags(),
        {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()},
    )


def _vader_lexicon() -> dict[str, float]:
    """VADER's word valences (in the vaderSentiment wheel), scaled to [-1, 1]."""
    path = resources.files("vaderSentiment") / "vader_lexicon.txt"
    found: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        if rest and word.isascii() and any(c.isalpha() for c in word):
            found[word.lower()] = max(-1.0, min(1.0, float(rest.split("\t")[0]) / 4))
    return found


def _pattern_lexicon() -> dict[str, float]:
    """TextBlob's (Pattern's) adjective polarities, as its analyser reads them without a tag."""
    from textblob.en import sentiment  # the lexicon ships in the wheel; loads lazily

    found: dict[str, float] = {}
    for word in sentiment:
        entry = sentiment[word].get(None)
        if entry and entry[0]:
            found[word.lower()] = float(entry[0])
    return found


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    return [
        Token(*m.span(), word.lower().replace("’", "'"), word[0].isalnum())
        for m in _TOKEN.finditer(text, start, stop)
        for word in (m.group(),)
    ]


@dataclass(frozen=True)
class _Sentence:
    """What every mention in one sentence shares, computed once."""

    tokens: list[Token]
    words: list[str]  # lowercase forms, "not_" prefixed inside a negation scope
    polarity: list[tuple[float, float]]  # (VADER, Pattern) per token, flipped inside negation
    negated: list[bool]
    scope_start: list[int]  # where a negated token's evidence starts: its negator
    clause: list[int]  # clause number per token
    after_contrast: list[bool]
    quoted: list[bool]
    phrases: list[tuple[int, int, tuple[str, ...]]]  # (first token, past-last token, tags)
    has_quote: bool


def _read(text: str, tokens: list[Token], res: Resources) -> _Sentence:
    n = len(tokens)
    negated = [False] * n
    scope_start = [t.start for t in tokens]
    clause = [0] * n
    after_contrast = [False] * n
    quoted = [False] * n
    scope, number, contrast, inside, negator = 0, 0, False, False, 0
    for i, token in enumerate(tokens):
        char = text[token.start]
        if char in _OPEN_QUOTES or (char in _STRAIGHT_QUOTES and not inside):
            inside = True
        elif char in _CLOSE_QUOTES or char in _STRAIGHT_QUOTES:
            inside = False
        quoted[i] = inside and token.word
        if not token.word and (char in _CLAUSE_PUNCT or char in _SENTENCE_PUNCT):
            scope = 0
            number += 1
        elif token.lower in _CLAUSE_WORDS:
            scope = 0
            number += 1
            contrast = contrast or token.lower in _CONTRAST
        clause[i] = number
        after_contrast[i] = contrast
        if scope and token.word:
            negated[i] = True
            scope_start[i] = negator
            scope -= 1
        if token.lower in res.negators or token.lower in _REFUSALS:
            scope, negator = _SCOPE, token.start
    phrases: list[tuple[int, int, tuple[str, ...]]] = []
    lowers = [t.lower for t in tokens]
    i = 0
    while i < n:
        for size in res.sizes.get(lowers[i], ()):  # the longest phrase that starts here
            tags = res.phrases.get(" ".join(lowers[i : i + size])) if i + size <= n else None
            if tags:
                phrases.append((i, i + size, tags))
                i += size - 1
                break
        i += 1
    words, polarity = [], []
    for token, neg in zip(tokens, negated, strict=True):
        sign = -1.0 if neg else 1.0
        polarity.append(
            (sign * res.vader.get(token.lower, 0.0), sign * res.pattern.get(token.lower, 0.0))
        )
        words.append(("not_" + token.lower) if neg else token.lower)
    return _Sentence(
        tokens,
        words,
        polarity,
        negated,
        scope_start,
        clause,
        after_contrast,
        quoted,
        phrases,
        any(quoted),
    )


# Distance buckets of context words: 1, 2, 3, 4-5, 6-8, 9 and beyond (index: min(distance, 9)).
_BUCKETS = ("0", "1", "2", "3", "4", "4", "6", "6", "6", "9")


def _near(distance: int) -> str:
    return "near" if distance <= 3 else "mid" if distance <= 8 else "far"


def _sign(value: float) -> str:
    return "pos" if value > 0 else "neg"


def featurize_sentence(
    text: str, sentence: tuple[int, int], spans: Sequence[tuple[int, int]]
) -> list[list[Hit]]:
    """The features of each span (all inside one sentence of `text`), in order: the sentence is
    tokenised and read once for all of them."""
    res = resources_()
    tokens = tokenize(text, *sentence)
    sent = _read(text, tokens, res)
    covers = [
        [i for i, t in enumerate(tokens) if t.start < end and start < t.end] for start, end in spans
    ]
    owner = [-1] * len(tokens)  # which target mention covers a token
    for number, covered in enumerate(covers):
        for i in covered:
            if owner[i] == -1:
                owner[i] = number
    phrase_at = {first: (last, tags) for first, last, tags in sent.phrases}
    totals = _sentence_balance(sent, len(spans))
    nearest = _nearest_targets(sent, covers)
    clauses = _clauses(sent, owner, covers, res)
    return [
        _features(
            text, sent, number, covered, owner, nearest, phrase_at, clauses, totals, len(spans), res
        )
        for number, covered in enumerate(covers)
    ]


def _nearest_targets(sent: _Sentence, covers: Sequence[list[int]]) -> dict[int, set[int]]:
    """For each polar word, the targets it most plausibly bears on: the nearest in its clause
    (else in the sentence); targets at the same distance share it."""
    places = [(number, covered) for number, covered in enumerate(covers) if covered]
    found: dict[int, set[int]] = {}
    tags = resources_().tags
    if not places:
        return found
    for i, (vader, pattern) in enumerate(sent.polarity):
        if not (vader or pattern):
            continue
        clause = sent.clause[i]
        same = [p for p in places if sent.clause[p[1][0]] == clause] or places
        if tags.get(sent.tokens[i].lower, "").startswith("VB"):
            # an evaluative verb bears on its object, not its agent
            same = [p for p in same if p[1][0] > i] or same
        distance = {number: min(abs(i - j) for j in covered) for number, covered in same}
        best = min(distance.values())
        found[i] = {number for number, d in distance.items() if d == best}
    return found


def _sentence_balance(sent: _Sentence, targets: int) -> list[Hit]:
    """The sentence's lexicon balance, once plainly and once for sentences with several targets
    (where it tells less about each)."""
    vader = sum(v for v, _ in sent.polarity)
    pattern = sum(p for _, p in sent.polarity)
    found = [
        (f"sent:vader_{_sign(vader)}", min(abs(vader), 3.0), -1, -1),
        (f"sent:pattern_{_sign(pattern)}", min(abs(pattern), 3.0), -1, -1),
    ]
    if targets > 1:
        found += [(f"{name}:multi", value, -1, -1) for name, value, _, _ in found]
    return found


def _features(
    text: str,
    sent: _Sentence,
    number: int,
    covered: list[int],
    owner: list[int],
    nearest: Mapping[int, set[int]],
    phrase_at: Mapping[int, tuple[int, tuple[str, ...]]],
    clauses: Mapping[int, _Clause],
    totals: list[Hit],
    targets: int,
    res: Resources,
) -> list[Hit]:
    tokens = sent.tokens
    hits = [("bias", 1.0, -1, -1), *totals, (f"pos:targets_{min(targets, 4)}", 1.0, -1, -1)]
    if not tokens:
        return hits
    if covered:
        first, last = covered[0], covered[-1]
    else:  # an empty or off-token span: the token after it stands in for it
        first = last = len(tokens)
    for i in covered:
        token = tokens[i]
        if token.word and text[token.start].islower():
            hits.append((f"m:{token.lower}", 1.0, token.start, token.end))
        if token.lower in _PRONOUNS:
            hits.append(("m:<pronoun>", 1.0, -1, -1))
        if token.lower in _TIME_WORDS:
            hits.append(("m:<time>", 1.0, -1, -1))
        if token.lower.isdigit():
            hits.append(("m:<number>", 1.0, -1, -1))
    if covered:
        size = sum(tokens[i].word for i in covered)
        hits.append((f"m:<words_{min(size, 4)}>", 1.0, -1, -1))
        after = last + 1
        if after < len(tokens) and tokens[after].lower in ("'s", "'"):
            hits.append(("m:<possessive>", 1.0, -1, -1))
    hits.extend(_shape(text, sent, first, last, owner, number, res))
    if first < len(tokens):
        hits.extend(_clause_role(sent, first, last, owner, number, clauses[sent.clause[first]]))
    if sum(tokens[i].word for i in range(first)) <= 1:
        hits.append(("pos:subject", 1.0, -1, -1))
    if covered and sent.quoted[first]:
        hits.append(("quote:inside", 1.0, -1, -1))
    elif sent.has_quote:
        hits.append(("quote:elsewhere", 1.0, -1, -1))
    my_clause = sent.clause[first] if first < len(tokens) else sent.clause[-1]
    my_contrast = sent.after_contrast[first] if first < len(tokens) else False
    hits.extend(_speaker(sent, first, last, phrase_at))

    # others[j]: tokens of other target mentions among the first j tokens
    others = [0]
    for holder in owner:
        others.append(others[-1] + (holder not in (-1, number)))

    words, polarity, clause, scope_start = sent.words, sent.polarity, sent.clause, sent.scope_start
    append = hits.append
    for i, token in enumerate(tokens):
        if first <= i <= last or not token.word or owner[i] not in (-1, number):
            continue  # the mention itself, punctuation, another target: not context
        if i < first:
            side, distance = "L", first - i
        else:
            side, distance = "R", i - last
        word = words[i]
        # Evidence is evaluative words (in a lexicon), from the negator when negated ("not
        # endorse"); other words still count but are never shown as the reason.
        vader, pattern = polarity[i]
        phrase = phrase_at.get(i)
        evaluative = vader or pattern or phrase is not None
        start, end = (scope_start[i], token.end) if evaluative else (-1, -1)
        append((f"w:{side}{_BUCKETS[min(distance, 9)]}:{word}", 1.0, start, end))
        append((f"w:{side}:{word}", 1.0, start, end))
        inside = clause[i] == my_clause
        if inside:
            append((f"c:{word}", 1.0, start, end))  # the mention's own clause
        if distance <= 5:
            j = i + 1
            if j < len(tokens) and not (first <= j <= last):
                other = "<t>" if owner[j] not in (-1, number) else words[j]
                append((f"b:{side}:{word}_{other}", 1.0, start, end))
        if not evaluative:
            continue  # the rest reads lexicon words only
        low, high = (i + 1, first) if i < first else (last + 1, i)
        across = high > low and others[high] > others[low]  # another target stands between
        turn = "" if sent.after_contrast[i] == my_contrast else ":turn"
        where = (
            f"{side}:{_near(distance)}:{'in' if inside else 'out'}:{'x' if across else '-'}{turn}"
        )
        weight = 1.0 / (1.0 + 0.15 * distance)
        if vader:
            append((f"lex:vader:{where}:{_sign(vader)}", abs(vader) * weight, start, end))
        if pattern:
            append((f"lex:pattern:{where}:{_sign(pattern)}", abs(pattern) * weight, start, end))
        polar = vader or pattern
        if i in nearest:
            mine = "own" if number in nearest[i] else "other"
            append((f"own:{mine}:{side}:{_sign(polar)}", abs(polar), start, end))
        if polar and inside and not across and res.tags.get(token.lower, "").startswith("VB"):
            role = "agent" if side == "R" else "object"
            append((f"role:{role}:{_sign(polar)}", abs(polar) * weight, start, end))
            if role == "agent" and _object_follows(sent, owner, number, i):
                append((f"role:agent_of_other:{_sign(polar)}", abs(polar), start, end))
        if phrase is not None:
            end_index, tags = phrase
            span_end = tokens[end_index - 1].end
            for tag in tags:
                if tag.startswith("cue:"):
                    continue  # reporting cues are read by _speaker
                flipped = _flip(tag) if sent.negated[i] else tag
                append((f"lex:{flipped}:{where}", weight, start, span_end))
                if tag.startswith("hedge:"):
                    append((f"hedge:{tag[6:]}", 1.0, token.start, span_end))
    return hits


def _shape(
    text: str,
    sent: _Sentence,
    first: int,
    last: int,
    owner: Sequence[int],
    number: int,
    res: Resources,
) -> list[Hit]:
    """The word classes around the mention and of its head: "in December", "a Wisconsin jail"
    (a modifier, not an actor), "Smith said" read as patterns that words alone are too sparse for."""
    tokens = sent.tokens

    def tag(i: int) -> str:
        if i < 0 or i >= len(tokens):
            return "edge"
        if owner[i] not in (-1, number):
            return "<t>"
        token = tokens[i]
        if not token.word:
            return text[token.start]
        found = res.tags.get(token.lower, "")
        if found.startswith("NNP") or (i > 0 and text[token.start].isupper()):
            return "NNP"  # a name, known or not
        return found[:2] or "?"

    left, right = tag(first - 1), tag(last + 1)
    head = tag(last) if last < len(tokens) and owner[last] == number else "none"
    found: list[Hit] = [
        (f"tag:L1:{left}", 1.0, -1, -1),
        (f"tag:R1:{right}", 1.0, -1, -1),
        (f"tag:L2:{tag(first - 2)}_{left}", 1.0, -1, -1),
        (f"tag:R2:{right}_{tag(last + 2)}", 1.0, -1, -1),
        (f"tag:LR:{left}_{right}", 1.0, -1, -1),
        (f"tag:head:{head}", 1.0, -1, -1),
    ]
    return found


class _Clause(NamedTuple):
    """What a clause offers every mention in it, computed once per sentence."""

    members: list[int]  # its tokens
    verb: int  # its first verb outside the targets, -1 when none
    targets: frozenset[int]  # the target mentions in it
    balance: float  # VADER balance of its words outside the targets


def _clauses(
    sent: _Sentence, owner: Sequence[int], covers: Sequence[list[int]], res: Resources
) -> dict[int, _Clause]:
    """The clauses that hold a mention's first word."""
    wanted = {sent.clause[covered[0]] for covered in covers if covered}
    members: dict[int, list[int]] = {}
    for i, number in enumerate(sent.clause):
        if number in wanted:
            members.setdefault(number, []).append(i)
    found = {}
    for number, tokens in members.items():
        free = [i for i in tokens if owner[i] == -1]
        verb = next(
            (i for i in free if res.tags.get(sent.tokens[i].lower, "").startswith(("VB", "MD"))),
            -1,
        )
        targets = frozenset(owner[i] for i in tokens if owner[i] != -1)
        found[number] = _Clause(tokens, verb, targets, sum(sent.polarity[i][0] for i in free))
    return found


def _clause_role(
    sent: _Sentence, first: int, last: int, owner: Sequence[int], number: int, clause: _Clause
) -> list[Hit]:
    """Subject (before its clause's first verb) or object (after it), crossed with the polarity
    of that verb and of the clause, and whether another target shares the clause."""
    role = "noverb" if clause.verb < 0 else "subj" if clause.verb > last else "obj"
    shared = bool(clause.targets - {number})
    balance = clause.balance
    if any(owner[i] == -1 for i in range(first, last + 1)):  # overlapping spans: rare
        balance = sum(
            sent.polarity[i][0]
            for i in clause.members
            if owner[i] == -1 and not (first <= i <= last)
        )
    mood = "0" if abs(balance) < 0.05 else _sign(balance)
    verb_mood = "0"
    if clause.verb >= 0 and sent.polarity[clause.verb][0]:
        verb_mood = _sign(sent.polarity[clause.verb][0])
    together = "shared" if shared else "alone"
    return [
        (f"syn:{role}:{together}", 1.0, -1, -1),
        (f"syn:{role}:v{verb_mood}", 1.0, -1, -1),
        (f"syn:{role}:c{mood}:{together}", min(abs(balance), 2.0) or 1.0, -1, -1),
    ]


def _object_follows(sent: _Sentence, owner: Sequence[int], number: int, verb: int) -> bool:
    """Another target stands after the verb in its clause: "X condemned Y" (the verb is about Y)."""
    clause = sent.clause[verb]
    for j in range(verb + 1, len(sent.tokens)):
        if sent.clause[j] != clause:
            return False
        if owner[j] not in (-1, number):
            return True
    return False


def _flip(tag: str) -> str:
    kind, _, value = tag.partition(":")
    swapped = {
        "favor": "against",
        "against": "favor",
        "positive": "negative",
        "negative": "positive",
    }.get(value, value)
    return f"{kind}:{swapped}"


def _speaker(
    sent: _Sentence, first: int, last: int, phrase_at: Mapping[int, tuple[int, tuple[str, ...]]]
) -> list[Hit]:
    """The mention speaks: a reporting cue within two words after it ("X said", "X has long
    claimed"), or just before it with the mention ending its clause ("said X."), or "according to"."""
    tokens = sent.tokens
    found = []
    for i in range(last + 1, min(last + 4, len(tokens))):
        if i in phrase_at:
            end_index, tags = phrase_at[i]
            for tag in tags:
                if tag.startswith("cue:"):
                    found.append(
                        (f"say:{tag[4:]}", 1.0, tokens[i].start, tokens[end_index - 1].end)
                    )
            if found:
                return found
    for i in range(max(0, first - 3), first):
        if tokens[i].lower in _SAID_BEFORE:
            return [("say:according", 1.0, tokens[i].start, tokens[i].end)]
        if i in phrase_at:
            end_index, tags = phrase_at[i]
            after = last + 1
            ends = after >= len(tokens) or not tokens[after].word
            for tag in tags:
                if tag.startswith("cue:") and ends:
                    found.append(
                        (f"say:{tag[4:]}", 1.0, tokens[i].start, tokens[end_index - 1].end)
                    )
    return found
