"""Rules for passives and raising verbs ("is said to", "seemed to"), and for "asked"."""

from __future__ import annotations

from research.attribution.contents import forward_content
from research.attribution.cue import CueAt
from research.attribution.phrases import noun_phrase, noun_phrase_after
from research.attribution.speakers import speaker_before
from research.attribution.statement import Statement
from research.attribution.view import SentenceView
from research.attribution.words import (
    ADDRESSEE_VERBS,
    NO_PASSIVE_OBJECT,
    PASSIVE,
    QUESTION_WORDS,
    SEMI_MODALS,
    TIME_WORDS,
    adverbial,
    trim_content,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import OPENING_QUOTES, is_punct


def asked(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "Asked by the Courier whether ..., Ruiz said", "Asked in Dayton recently about
    ...", "was asked, “...?”": the question is a statement of whoever asked (named after
    "by", else no one); it runs to the comma, or to the sentence's end after the main clause
    ("..., he said when asked about it.")."""
    tokens = view.tokens[last + 1 :]
    if len(tokens) > 1 and tokens[0].text in {",", ":"} and tokens[1].text in OPENING_QUOTES:
        quote = view.quote_at(tokens[1].start)
        return (
            None
            if quote is None
            else view.statement(cue, first, last, None, [quote], rule="asked_quote")
        )
    question = next(
        (
            i
            for i, t in enumerate(tokens[:12])
            if t.lower in QUESTION_WORDS - {"to"} or is_punct(t) or view.finite_verb(t)
        ),
        None,
    )
    if question is None or tokens[question].lower not in QUESTION_WORDS:
        # "Asked to name ...": an infinitive right after the cue is the request
        if not tokens or tokens[0].lower != "to":
            return None
        question = 0
    # "asked by a reporter whether", not "asked at a lunch held by the Courier whether"
    agent = next((i for i in range(question) if tokens[i].lower not in TIME_WORDS), question)
    by_agent = agent < question and tokens[agent].lower == "by"
    speaker = noun_phrase(view, tokens[agent + 1 : question]) if by_agent else None
    comma = next((i for i in range(question, len(tokens)) if tokens[i].text == ","), None)
    if comma is None and first == 0:
        return None
    end = len(tokens) if comma is None else comma
    content = [trim_content(view.text, Span(tokens[question].start, tokens[end - 1].end))]
    return view.statement(cue, first, last, speaker, content, rule="asked")


def passive_or_raising(
    view: SentenceView, first: int, last: int, cue: Cue, subject_end: int
) -> Statement | None:
    """Attribution without a named source, or with the agent after "by":
    "X are said to ...", "it is expected that ...", "X seemed to ...", "X have been accused of
    ...", "X is viewed as ... by analysts". The subject joins the content, as annotators mark it."""
    following = view.tokens[last + 1 : last + 2]
    region = view.region_before(subject_end)
    subject, _, _ = speaker_before(view, region, subject_end)
    impersonal = subject is not None and subject.text(view.text).lower() in {"it", "there"}
    if not following or not (
        following[0].lower in {"to", "that", "of", "as", "for"}
        or (cue.verb_class == "raising" and raising_complement(view, last + 1, impersonal))
    ):
        if cue.verb_class == "raising" or subject is None or impersonal:
            return None
        return passive_subject(view, last, cue, subject_end, subject)
    tokens = view.tokens[last + 1 :]
    # "is viewed as unlikely by analysts": the agent closes the clause, right after the complement
    agent = next(
        (
            i
            for i, t in enumerate(tokens[:7])
            if t.lower == "by" and i > 1 and not view.quoted(t.start)
        ),
        None,
    )
    speaker = noun_phrase_after(view, last + 1 + agent + 1) if agent is not None else None
    end = tokens[agent - 1].end if agent is not None else None
    if following[0].lower == "for" and cue.verb_class == "perception":
        last += 1  # "is known for her candor": "for" joins the cue, as "as" does
    rest = forward_content(view, last + 1, cue, relative=False)
    if not rest:
        return None
    if end is None and subject_end > 0 and view.tokens[subject_end - 1].text == ",":
        # "The group, known as the Harbor Caucus, met ...": an aside ends at its comma
        end = next((t.start for t in tokens[1:] if t.text == ","), None)
    if end is not None and end > rest[0].start:
        rest = [trim_content(view.text, Span(rest[0].start, min(end, rest[0].end)))]
    if (
        following[0].lower == "as"
        and rest[0].start == following[0].start
        and len(tokens) > 1
        and cue.verb_class == "perception"
    ):
        # "is known as the Freedom Caucus": "as" joins the cue, as PolNeAR marks it (not so
        # after "viewed", "described": there "as" opens the content)
        last += 1
        rest = [Span(tokens[1].start, rest[0].end), *rest[1:]]
    content = rest if subject is None or impersonal else [subject, *rest]
    return view.statement(
        cue,
        subject_end,
        last,
        speaker,
        content,
        rule="raising" if cue.verb_class == "raising" else "passive",
    )


def passive_subject(
    view: SentenceView, last: int, cue: Cue, subject_end: int, subject: Span
) -> Statement | None:
    """ "The deal was announced on Tuesday", "Cruz was endorsed by a rival": a passive with
    nothing reported after it has its object as subject, the content; the agent after "by"
    is the source. Not "he was told", "she was asked": their subject is the addressee."""
    if cue.lemma in ADDRESSEE_VERBS | {"ask", "say"} or cue.verb_class in NO_PASSIVE_OBJECT:
        return None
    tail = view.tail(last + 1)
    if tail and tail[0].lower == "by":
        speaker = noun_phrase_after(view, last + 2)
        if speaker is None:
            return None
    elif adverbial(tail) and not view.infinitive(tail):
        speaker = None
    else:
        return None
    return view.statement(cue, subject_end, last, speaker, [subject], rule="passive_subject")


def raising_complement(view: SentenceView, index: int, impersonal: bool) -> bool:
    """What a raising verb reports besides an infinitive: an adjective or participle past
    adverbs ("seemed so stark", "appeared poised to", "seems like a turning point"), or after
    "it" a clause ("it seems the party has ..."); not a place ("appeared on television")."""
    tokens = view.tokens[index : index + 4]
    if impersonal and view.looks_like_clause(tokens):
        return True
    for token in tokens:
        tag = token.tag if token.text[0].islower() else ""
        if tag in {"RB", "RBR", "RBS"} and token.lower not in TIME_WORDS:
            continue  # "so", "increasingly", "most"
        return token.lower == "like" or tag in {"JJ", "JJR", "JJS", "VBN"}
    return False


def passive_at(at: CueAt) -> bool:
    """ "was criticized", "are said to", "a group known as": a passive (a form of "be", or a
    participle with no tense of its own), or a raising verb ("seemed to")."""
    view, first, _, cue = at.args
    auxiliaries = {t.lower for t in view.tokens[at.subject_end : first]}
    passive = not at.participle and bool(auxiliaries & PASSIVE)
    if view.participle_only(cue) and not auxiliaries & SEMI_MODALS:
        passive = True  # "a group known as ...", "the letter, written by ...": no tense here
    return passive or cue.verb_class == "raising"
