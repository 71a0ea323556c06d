"""Noun phrases: where one starts and ends, and the words that belong to it or not ("Obama
himself", "Donald Trump’s campaign manager", "retired Gen. Jane Doe")."""

from __future__ import annotations

import re

from research.attribution.view import SentenceView
from research.attribution.words import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    FINITE,
    FINITE_TAGS,
    FLOATING,
    LEADING_ADVERBS,
    MAX_SPEAKER_TOKENS,
    NEGATIONS,
    NOT_NOUNS,
    NOUN_MARKERS,
    NUMBER_WORDS,
    PREPOSITIONS,
    QUANTIFIER_PRONOUNS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    approximate_number,
    contracted,
    negation,
    relative_opener,
    split_segments,
    without_time,
    word_base,
)
from research.schema import Span
from research.text import RELATIVES, Token, is_punct, tag_or_noun


def noun_phrase(view: SentenceView, tokens: list[Token]) -> Span | None:
    """The noun phrase in `tokens`, past leading adverbs, a time that closes it and words
    floating after it ("Obama himself"); None when it is no noun phrase ("were only eight", an
    adverb, a preposition's phrase) or longer than a speaker can be."""
    while tokens and (tokens[0].lower in LEADING_ADVERBS or is_punct(tokens[0])):
        tokens = tokens[1:]
    tokens = without_time(up_to_verb(view, tokens))
    while tokens and (
        (is_punct(tokens[-1]) and tokens[-1].text != "%")
        or tokens[-1].lower in LEADING_ADVERBS
        or (tokens[-1].lower.endswith("ly") and tokens[-1].tag == "RB")
        or (len(tokens) > 1 and floating(view, tokens[-1]))
    ):
        tokens = tokens[:-1]
    if tokens and view.verbish(tokens[0]) and not participle_title(view, tokens):
        return None  # "were only eight": no noun phrase here
    if (
        len(tokens) == 1
        and tokens[0].tag in NOT_NOUNS
        and tokens[0].lower not in QUANTIFIER_PRONOUNS
        and tokens[0].lower.split("-")[0] not in NUMBER_WORDS - {"a"}  # "three-fourths say"
        and not surname(view, tokens[0])
    ):
        return None  # "The evacuation, first planned for ...": an adverb is no speaker
    if not tokens or len(tokens) > MAX_SPEAKER_TOKENS:
        return None
    if tokens[0].lower in PREPOSITIONS and not approximate_number(tokens):
        return None
    if not any(t.text[0].isalnum() for t in tokens):
        return None  # a number is a subject in polls: "42% say", "39 have said"
    return Span(tokens[0].start, tokens[-1].end)


def up_to_verb(view: SentenceView, tokens: list[Token]) -> list[Token]:
    """A noun phrase ends at a finite verb outside a relative clause: in "Sanders' campaign
    launched an ad buy and said", the speaker is "Sanders' campaign"."""
    for index, token in enumerate(tokens[1:], start=1):
        if token.lower in RELATIVES or token.lower == "that":
            return tokens
        modifier_slot = tokens[index - 1].lower in NOUN_MARKERS or contracted(tokens[index - 1])
        if possessive(view, tokens, index) or participle_modifier(view, tokens, index):
            continue
        if not modifier_slot and (
            (token.lower in FINITE or (contracted(token) and not possessive(view, tokens, index)))
            or (token.text[0].islower() and token.tag in FINITE_TAGS)
        ):
            # "He’s predicting": the clitic stays with its pronoun; "Weaver didn’t" is a verb
            clitic = contracted(token) and not negation(token)
            return tokens[: index + 1] if clitic else tokens[:index]
    return tokens


def noun_phrase_after(view: SentenceView, index: int) -> Span | None:
    """The noun phrase starting at token `index`, up to the next punctuation or clause word."""
    taken: list[Token] = []
    for token in view.tokens[index:]:
        if (is_punct(token) and token.text not in "'’/&") or token.lower in CLAUSE_OPENERS:
            break  # "Harlan/Reyes", "AT&T" stay whole
        if token.lower in RELATIVES or (taken and token.lower == "amid"):
            break
        taken.append(token)
    head = noun_phrase(view, taken)
    following = index + len(taken)
    if (
        head is not None
        and len(taken) > 1
        and taken[-1].tag == "VBN"
        and following < len(view.tokens)
        and view.tokens[following].lower == "as"
    ):
        # "the night manager known as Sam": a participle's "as" does not open a clause
        named = noun_phrase_after(view, following + 1)
        return head if named is None else Span(head.start, named.end)
    return head


def noun_phrase_before(view: SentenceView, index: int) -> Span | None:
    """The noun phrase that ends right before token `index` ("a family of super PACs"), back to
    its determiner; None when a verb, a pronoun or punctuation stands there."""
    head = view.tokens[index - 1] if index > 0 else None
    if (
        head is None
        or is_punct(head)
        or head.lower in SUBJECT_PRONOUNS | RELATIVES | TIME_WORDS
        or tag_or_noun(head) not in {"NN", "NNS", "NNP", "NNPS"}
    ):
        return None
    start = index - 1
    while start > 0 and index - start < 8:
        token = view.tokens[start - 1]
        if (
            is_punct(token)
            or token.lower in CLAUSE_OPENERS | RELATIVES
            or (token.lower in PREPOSITIONS and token.lower != "of")
            or view.verbish(token)
        ):
            break
        start -= 1
        if token.lower in NOUN_MARKERS:
            break
    return Span(view.tokens[start].start, head.end)


def subject_at(view: SentenceView, index: int) -> Span | None:
    """A noun phrase at `index` that a verb follows, past adverbs: "he still believes"."""
    if index >= len(view.tokens) or view.tokens[index].lower in RELATIVES | CLAUSE_OPENERS:
        return None
    for end in range(index + 1, min(index + 9, len(view.tokens))):
        token = view.tokens[end]
        if is_punct(token) or token.lower in RELATIVES | CLAUSE_OPENERS:
            return None
        if view.verbish(token):
            return noun_phrase(view, view.tokens[index : view.skip_auxiliaries_left(end)])
    return None


_CLITIC = re.compile(r"['’](?:s|re|m|ve|d|ll)$")


def without_clitic(view: SentenceView, speaker: Span) -> Span:
    """ "He’s predicting": the speaker is "He", the clitic belongs to the verb group."""
    match = _CLITIC.search(view.text, speaker.start, speaker.end)
    if match is None or view.text[speaker.start : speaker.end].lower() in SUBJECT_PRONOUNS:
        return speaker
    stem = Span(speaker.start, match.start())
    word = view.text[stem.start : stem.end].lower().split()[-1:]
    return stem if word and word[0] in SUBJECT_PRONOUNS | {"who", "that"} else speaker


def relative_subject(view: SentenceView, speaker: Span) -> Span:
    """ "the one danger he sees", "a book in which she writes": the speaker is the pronoun;
    the noun phrase before it is what the relative clause is about, not who speaks."""
    words = [t for t in view.tokens if speaker.start <= t.start < speaker.end]
    if (
        len(words) < 2
        or words[-1].lower not in SUBJECT_PRONOUNS - {"it", "there", "this", "these", "those"}
        or words[-2].lower in {"and", "or", "but"}
        or any(view.verbish(t) for t in words[:-1])  # "X used the show to say what he"
    ):
        return speaker
    return Span(words[-1].start, words[-1].end)


def opens_relative(view: SentenceView, region: list[Token]) -> bool:
    """Whether the region's last segment opens a relative clause: "..., who said"."""
    segments = split_segments(region)
    return bool(segments and segments[-1] and relative_opener(segments[-1]))


def possessive(view: SentenceView, tokens: list[Token], index: int) -> bool:
    """ "Donald Trump’s campaign manager": a name's "’s" before a noun owns it; it is no
    clitic verb ("Trump’s been saying", "Trump's not")."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        following is not None
        and token.lower.endswith(("'s", "’s"))
        and word_base(token) not in SUBJECT_PRONOUNS | {"who", "that", "what", "here", "let"}
        and not view.verbish(following)
        and following.lower not in AUXILIARIES | NEGATIONS | {"going", "got"}
        and following.tag not in {"RB", "RBR", "RBS", "VBG"}
    )


def participle_modifier(view: SentenceView, tokens: list[Token], index: int) -> bool:
    """ "A court document filed Thursday", "a poll released by the party": a participle
    that a time or an agent follows modifies the noun before it."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        following is not None
        and tokens[index].lower.endswith("ed")
        and (following.lower in TIME_WORDS or following.lower == "by")
    )


def surname(view: SentenceView, token: Token) -> bool:
    """ "Young said", "Strong told", '“...,” said Frank.', "Small, who ...": a capitalized
    adjective is a name after the sentence's first word, or there when no comma sets it off
    as a sentence adverb ("Significantly, the judge said")."""
    index = view.tokens.index(token)
    following = view.tokens[index + 1 : index + 3]
    return (
        token.text[0].isupper()
        and token.tag in {"JJ", "JJR", "JJS"}
        and (
            index > 0
            or (bool(following) and not is_punct(following[0]))
            or (len(following) == 2 and following[1].lower in RELATIVES)  # "Small, who"
        )
    )


def floating(view: SentenceView, token: Token) -> bool:
    """A word after the subject that is not part of it: "The governor first said", "Obama
    himself", "Richards and Menendez both"."""
    return token.text[0].islower() and (
        token.lower in FLOATING or token.tag in {"RB", "RBR", "RBS"}
    )


def participle_title(view: SentenceView, tokens: list[Token]) -> bool:
    """ "retired Gen. Jane Doe", "retired surgeon Ben Doe": a participle before a name
    describes the person; and "Will Dorsey" after the sentence's first word is a name."""
    first = tokens[0]
    if first.text[0].isupper():
        return view.tokens.index(first) > 0
    return first.tag in {"VBN", "VBG"} and any(t.text[0].isupper() for t in tokens[1:4])


def gerund_modifier(view: SentenceView, segment: list[Token]) -> bool:
    """ "polling experts say", "farming groups said": an -ing word the lexicon reads as a
    noun or an adjective modifies the subject; it does not open a participle phrase."""
    word = segment[0]
    return len(segment) > 1 and word.lower.endswith("ing") and word.tag in {"NN", "JJ"}


def lone_adverb(view: SentenceView, segment: list[Token]) -> bool:
    """ "Significantly, the judge said": a sentence adverb set off by a comma is no subject."""
    return len(segment) == 1 and segment[0].tag in {"RB", "RBR", "RBS"}
