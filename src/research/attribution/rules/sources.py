"""Rules for sources named without a verb: "according to X", "reportedly", "in the latest poll"."""

from __future__ import annotations

from research.attribution.contents import backward_content, forward_content
from research.attribution.phrases import noun_phrase_after
from research.attribution.statement import Statement, quotes_near, statement_kind
from research.attribution.view import SentenceView
from research.attribution.words import (
    CLAUSE_BREAKS,
    CLAUSE_OPENERS,
    FINDING_NOUNS,
    FINITE,
    LEADING_ADVERBS,
    NOUN_MARKERS,
    document_head,
    trim_content,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import CLOSING_QUOTES, RELATIVES, Token, is_punct


def in_document(view: SentenceView) -> Statement | None:
    """ "Ruiz leads by 12 points in the county-wide poll", "In the latest polls, he
    trails": the poll is the source, "in" the cue, the clause around it the content."""
    for index in view.positions("in"):
        if 0 < index < 3:
            continue
        token = view.tokens[index]
        words = document_phrase(view, index + 1)
        if not words or [t.lower for t in words] == ["the", "polls"]:  # "leads in the polls"
            continue
        noun = Span(words[0].start, words[-1].end)
        after = index + 1 + len(words)
        if index == 0:
            # fronted: "In the latest Courier survey, the mayor trails by four."
            after = comma_after_participle(view, after)
            if after >= len(view.tokens) - 1 or view.tokens[after].text != ",":
                continue
            noun = Span(noun.start, view.tokens[after - 1].end)  # "a poll released Sunday"
            end = view.tokens[-1]
            content = [trim_content(view.text, Span(view.tokens[after + 1].start, end.end))]
        else:
            rest = [t for t in view.tokens[after:] if not is_punct(t)]
            if len(rest) > 8 or any(t.lower in FINITE | CLAUSE_OPENERS for t in rest):
                continue  # "in the poll released Wednesday": a short tail, no new clause
            content = backward_content(view, token.start)
        if not content or content[0].empty or any(view.readings_in(content[0])):
            return None  # empty: "In the poll, ," has nothing after its comma
        return Statement(
            kind=statement_kind(view.text, content, quotes_near(view.quotes, content)),
            speaker=noun,
            cue=Span(token.start, token.end),
            content=content,
            paragraph=view.paragraph,
            cue_lemma="in",
            verb_class="neutral",
            rule="in_document",
        )
    return None


def comma_after_participle(view: SentenceView, index: int) -> int:
    """The comma that ends a short participle phrase from token `index` ("released Sunday,"
    in "In a poll released Sunday, ..."), or `index` itself when there is none."""
    if index >= len(view.tokens) or view.tokens[index].tag != "VBN":
        return index
    for i in range(index + 1, min(index + 5, len(view.tokens))):
        if view.tokens[i].text == ",":
            return i
        if is_punct(view.tokens[i]) or view.finite_verb(view.tokens[i]):
            break
    return index


def document_phrase(view: SentenceView, index: int) -> list[Token]:
    """ "the latest Harlow/Courier survey": a noun phrase of at most ten words from
    token `index` that names a document, up to a comma or a clause; else empty."""
    if FINDING_NOUNS.isdisjoint(view.words[index : index + 11]):
        return []  # no document in reach, as after most "in"s: the phrase would end with none
    words: list[Token] = []
    for token in view.tokens[index : index + 11]:
        if token.text in ",;:.()" or token.lower in CLAUSE_OPENERS | RELATIVES:
            break
        if view.finite_verb(token):
            break
        words.append(token)
    while words and not document_head(words[-1]):
        words.pop()  # "the poll released Wednesday" ends at "poll"
    # "the poll", or an owner's: "Monday's Post-ABC poll"
    owned = len(words) > 1 and words[0].lower.endswith(("'s", "’s"))
    if not words or (words[0].lower not in NOUN_MARKERS and not owned) or len(words) > 10:
        return []
    return words


def according_to(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "According to Reuters, ...", "But according to the clerk on duty that night, ...": the
    source follows "according to" and the content the comma; '..., according to monitors.',
    '“...,” according to X': the content is what came before. ', said Ryabkov, according to RIA
    Novosti': a channel, not a new speaker."""
    speaker = noun_phrase_after(view, last + 1)
    if speaker is None:
        return None
    # "According to X, ...", "But according to X, ...": the content follows; after a
    # quotation or a clause ('“...,” according to X') it is what came before
    opening = opens_clause(view, first) or not any(
        t.text[0].isalnum() or t.text in CLOSING_QUOTES
        for t in view.tokens[:first]
        if t.lower not in LEADING_ADVERBS
    )
    if opening:
        after = view.index_after(speaker.end)
        if after is not None and view.tokens[after].text not in {",", ":"}:
            # "According to the clerk on duty that night, ...": the source runs to the comma
            comma = next(
                (i for i in range(after, len(view.tokens)) if view.tokens[i].text in ",:"),
                None,
            )
            if comma is None or comma - after > 6:
                return None
            speaker = Span(speaker.start, view.tokens[comma - 1].end)
            after = comma
        if after is None:
            return None
        content = forward_content(view, after + 1, cue, relative=False)
        return view.statement(cue, first, last, speaker, content, None, rule="according_to_fronted")
    if view.continues_statement(first):
        return None  # ', said Ryabkov, according to RIA Novosti': a channel, not a new speaker
    content = backward_content(view, view.tokens[first].start, outermost=True)
    return view.statement(cue, first, last, speaker, content, None, rule="according_to_after")


def opens_clause(view: SentenceView, index: int) -> bool:
    """Whether a new clause starts at `index`, after a complementizer or a colon: "said that
    according to its count, ..." or "It has not gone unnoticed: according to polls, ..."."""
    before = [t for t in view.tokens[:index] if t.lower not in LEADING_ADVERBS]
    return bool(before) and before[-1].lower in CLAUSE_BREAKS


def adverb_cue(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "Fighters would reportedly be permitted to leave": the clause around the adverb is
    the content, with no source named."""
    if view.coordinated_cue(view.tokens, last + 1):
        return None  # "reportedly said": part of the verb's group; the verb is the cue
    region = view.region_before(first)
    while region and (is_punct(region[0]) or region[0].lower in LEADING_ADVERBS):
        region = region[1:]
    rest = forward_content(view, last + 1, cue, relative=False)
    before = [] if not region else [trim_content(view.text, Span(region[0].start, region[-1].end))]
    content = [span for span in [*before, *rest] if not span.empty]
    if not rest:
        return None
    return view.statement(cue, first, last, None, content, rule="adverb")
