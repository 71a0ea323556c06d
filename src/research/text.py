"""Text shared by the attribution rules, stance and framing: the tokenizer, the token type and
the quotation marks.

Abbreviations keep their period, so "Mr." or "Sen." does not end a clause; numbers keep their
separators, so "2,000" is one word, not a clause boundary.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from research.lexicons import OTHER_ABBREVIATIONS, TITLE_ABBREVIATIONS
from research.schema import Span

# The tag of a word the part-of-speech lexicon does not hold: no tag. Two guesses are made where
# the rules ask, and only there: an unknown word may head a noun phrase (`tag_or_noun`: they are
# mostly names and rare nouns), and an unknown lowercase "-ed" word is a verb ("livestreamed",
# SentenceView.verbish). Guessing one tag for every unknown word instead changes about 50 of
# the 17,575 statements on PolNeAR train.
UNKNOWN = ""

# Closed classes the modules compose their grammar from (each says why it takes what it takes).
BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
HAVE = frozenset({"has", "have", "had"})
DO = frozenset({"do", "does", "did"})
MODALS = frozenset({"will", "would", "could", "can", "should", "must", "may", "might"})
RELATIVES = frozenset({"who", "which", "whom", "whose"})

# Quotation marks as tokens: curly, straight, guillemets, and the doubled apostrophes and
# backticks some wires (the New York Times archive among them) use for double quotes.
OPENING_QUOTES = frozenset({"“", '"', "«", "„", "''", "``"})
CLOSING_QUOTES = frozenset({"”", '"', "»", "''"})


class Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    tag: str = UNKNOWN  # its part-of-speech tag (Penn), when the tokenizer was given a lexicon


# An opening mark after a clause's punctuation and before a space closes a quotation.
MISTYPED_CLOSE = re.compile(r"[,.?!]“(?=\s|$)")


ABBREVIATIONS = "|".join((*TITLE_ABBREVIATIONS, *OTHER_ABBREVIATIONS))
# The three forms that end in a period ("U.S.", "Mr.", "A. Smith") are tried only where letters
# and a period follow (the lookahead): most words are not, and skip the alternation of
# abbreviations (an eighth of the tokenizer's time).
_TOKEN = re.compile(
    rf"'''?|``|--|(?=[A-Za-z]+\.)(?:(?:[A-Za-z]\.){{2,}}|(?:{ABBREVIATIONS})\.|[A-Z]\.(?=\s+[A-Z]))"
    r"|\d+(?:[.,]\d+)+|\w+(?:[-'’]\w+)*|n't|[^\w\s]"
)


def tokenize(text: str, span: Span, tags: Mapping[str, str] | None = None) -> list[Token]:
    """The tokens of `text` within `span`, each tagged once by `tags` (lowercase word to Penn
    tag) when given; a word `tags` lacks is UNKNOWN. Quote marks are read as what they mean: a
    mistyped close '“' as '”', and a doubled apostrophe that closes a nested single one
    ("...,'''") as the doubled mark."""
    tag = (tags or {}).get
    tokens = []
    # the hot loop of attribution: one pass, no call per token but the tuple's own
    for match in _TOKEN.finditer(text, span.start, span.end):
        word = match.group()
        if word == "'''":
            word = "''"
        elif word == "“" and MISTYPED_CLOSE.match(text, match.start() - 1):
            word = "”"
        lower = word.lower()
        start, end = match.span()
        tokens.append(_new_token(Token, (start, end, word, lower, tag(lower, UNKNOWN))))
    return tokens


_new_token = tuple.__new__  # a Token from its five fields, past NamedTuple's keyword handling


# Plain words, for matching lexicon phrases (stance, framing): a word with its inner hyphens and
# apostrophes, or one punctuation mark; abbreviations and numbers are not kept whole.
_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def word_tokens(text: str, span: Span) -> list[Token]:
    """The plain words of `text` within `span`, `lower` with straight apostrophes ("don't")."""
    return [
        Token(m.start(), m.end(), m.group(), m.group().lower().replace("’", "'"))
        for m in _WORD.finditer(text, span.start, span.end)
    ]


def word_set(text: str, span: Span) -> set[str]:
    """The `lower` of each of `word_tokens(text, span)`, as a set, without building tokens."""
    return set(
        " ".join(_WORD.findall(text, span.start, span.end)).lower().replace("’", "'").split(" ")
    )


def is_punct(token: Token) -> bool:
    return not token.text[0].isalnum()


# Marks that set off a clause, an apposition or an aside: commas, dashes, brackets, ";" and ":".
BOUNDARY_PUNCT = frozenset({",", "–", "—", "--", "-", "(", ")", ";", ":"})


def is_boundary_punct(token: Token) -> bool:
    return token.text in BOUNDARY_PUNCT


def tag_or_noun(token: Token) -> str:
    """The token's tag, or a noun's ("NN") when the lexicon lacks the word."""
    return token.tag or "NN"


def whole_words(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Where any of `words` stands as a whole word in `text`, left to right without overlaps, the
    longest at a place first: what `\\b(?:longest|...|shortest)\\b` finds, without compiling a
    pattern for each set of words (an article's names, a title's words); str.find runs in C."""
    found: dict[int, int] = {}  # start -> the end of the longest word there
    for word in words:
        if not word:
            continue
        start = text.find(word)
        while start != -1:
            end = start + len(word)
            if _is_boundary(text, start) and _is_boundary(text, end) and end > found.get(start, -1):
                found[start] = end
            start = text.find(word, start + 1)
    kept: list[tuple[int, int]] = []
    for start in sorted(found):
        if not kept or start >= kept[-1][1]:
            kept.append((start, found[start]))
    return kept


def _is_boundary(text: str, at: int) -> bool:
    """Whether `at` is a word boundary as `\\b` reads one: a word character on one side only."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after
