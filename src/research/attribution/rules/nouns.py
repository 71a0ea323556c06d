"""Rules for noun cues: "claims from X that", "his contention that", "drew criticism from"."""

from __future__ import annotations

from research.attribution.contents import backward_content, forward_content
from research.attribution.phrases import noun_phrase_after
from research.attribution.speakers import speaker_before
from research.attribution.statement import Statement, within
from research.attribution.view import SentenceView
from research.attribution.words import (
    COMPLEMENT_PREPOSITIONS,
    ISSUING_VERBS,
    LEADING_ADVERBS,
    NOUN_CUE_LINKS,
    NOUN_MARKERS,
    OBJECT_DETERMINERS,
    OBJECT_PARTICLES,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RECEIVING_VERBS,
    SAYING_NOUNS,
    STANCE_NOUNS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    trim_content,
    word_base,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import OPENING_QUOTES, is_punct


def noun_cue(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "claims from opposition activists that ...": the speaker after from/by, content after
    that; or the owner before the noun: "his contention that ...", "Trump's attacks on ..."."""
    link = last + 1
    if link >= len(view.tokens):
        return None
    if view.tokens[link].lower not in NOUN_CUE_LINKS or not any(
        t.lower == "that" for t in view.tokens[link + 2 : link + 12]
    ):
        return owned_noun_cue(view, first, last, cue)
    that = next(
        (
            i
            for i in range(link + 1, min(link + 12, len(view.tokens)))
            if view.tokens[i].lower == "that"
        ),
        None,
    )
    if that is None or that == link + 1:
        return None
    speaker = Span(view.tokens[link + 1].start, view.tokens[that - 1].end)
    content = forward_content(view, that, cue, relative=False)
    return view.statement(cue, first, last, speaker, content, None, rule="noun_cue_from")


def owned_noun_cue(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "his contention that ...", "Trump's disparaging remarks about Fiorina", "a belief
    that ...": the possessor is the source; the content is the that-clause or the object of
    the preposition, which joins the cue as PolNeAR marks it ("support for", "attacks on")."""
    opening, owner = possessor(view, first)
    owner = verb_subject_for(view, owner, opening)
    link = view.tokens[last + 1]
    owner_at = view.index_after(owner.start) if owner is not None else None
    if (
        owner is not None
        and owner_at
        and view.tokens[owner_at - 1].lower == "in"
        and cue.verb_class == "cognitive"
    ):
        return in_view(view, owner_at - 1, first, last, cue, owner)
    before = view.tokens[opening - 1] if opening > 0 else None
    # "They claim that ...": a subject before the word makes it the verb, not the noun
    nominal = owner is not None or (
        before is not None and (before.lower in NOUN_MARKERS | PREPOSITIONS or view.verbish(before))
    )
    following = view.tokens[last + 2 : last + 3]
    if link.lower == "that" and nominal and not (following and view.verbish(following[0])):
        content = forward_content(view, last + 1, cue, relative=False)
        return view.statement(cue, opening, last, owner, content, rule="owned_noun_that")
    if owner is not None and link.lower == "to" and view.infinitive(view.tokens[last + 1 :]):
        content = forward_content(view, last + 1, cue, relative=False)  # "her plan to ..."
        return view.statement(cue, opening, last, owner, content, rule="owned_noun_infinitive")
    if owner is None and cue.form in STANCE_NOUNS:
        return stance(view, first, last, cue)
    if owner is None and cue.lemma in SAYING_NOUNS:
        return issued(view, first, last, cue)
    if owner is None or link.lower not in COMPLEMENT_PREPOSITIONS | {"on"}:
        return None
    thing = noun_phrase_after(view, last + 2)
    if thing is None or view.tokens[last + 2].lower in TIME_WORDS:
        return None  # "his remarks on Monday": when, not what about
    return view.statement(cue, opening, last + 1, owner, [thing], rule="owned_noun_object")


def verb_subject_for(view: SentenceView, owner: Span | None, opening: int) -> Span | None:
    """ "She escalated her attacks on X", "Okafor has made known her wish to ...": a pronoun
    owner right after a finite verb is its subject's; PolNeAR gives the subject as source."""
    if owner is None or owner.text(view.text).lower() not in POSSESSIVE_PRONOUNS:
        return owner
    index = opening - 2  # the word before the pronoun
    while index >= 0 and view.tokens[index].lower in OBJECT_PARTICLES:
        index -= 1
    if index < 0 or not view.coordinated_verb(view.tokens[index]):
        return owner
    verb = next((s for s in view.found if within(s.cue, view.tokens[index].start)), None)
    if verb is not None:
        return verb.speaker or owner  # "has signaled his desire": one speaker for both cues
    start = view.skip_auxiliaries_left(index)
    subject, _, _ = speaker_before(view, view.region_before(start), start)
    return subject or owner


def in_view(
    view: SentenceView, at: int, first: int, last: int, cue: Cue, owner: Span
) -> Statement | None:
    """ "In her view, the plan would fail", "The plan, in his view, would fail", "The plan
    would fail, in their view": the owner holds the clause around the phrase."""
    following = view.tokens[last + 1] if last + 1 < len(view.tokens) else None
    words = [t for t in view.tokens[:at] if not is_punct(t)]
    if not words or all(t.lower in LEADING_ADVERBS for t in words):
        if following is None or following.text != ",":
            return None
        content = forward_content(view, last + 2, cue, relative=False)  # fronted
    elif following is not None and following.text == "," and view.tokens[at - 1].text == ",":
        # an aside inside the clause: its subject before, its predicate after
        content = [
            trim_content(view.text, Span(view.tokens[0].start, view.tokens[at - 1].start)),
            *forward_content(view, last + 2, cue, relative=False),
        ]
    else:
        content = backward_content(view, view.tokens[at].start)
    return view.statement(cue, first, last, owner, content, rule="in_view")


def stance(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """A stance noun with no owner: "The plan drew sharp criticism from unions" (the subject
    is what the stance is about, its source follows "from" or "of"), or "the criticism of
    his approach" (what follows the preposition is what it is about; no source named)."""
    link = view.tokens[last + 1].lower if last + 1 < len(view.tokens) else ""
    verb = governing_verb(view, first, RECEIVING_VERBS)
    if verb is not None:
        particle = view.tokens[verb].lower in {"under", "up"}  # "came under", "picked up"
        subject_end = view.skip_auxiliaries_left(verb - particle)
        subject, _, _ = speaker_before(view, view.region_before(subject_end), subject_end)
        if subject is None:
            return None
        speaker = noun_phrase_after(view, last + 2) if link in {"from", "of"} else None
        # the verb joins the cue, as PolNeAR marks it: "has drawn sharp criticism"
        return view.statement(cue, subject_end, last, speaker, [subject], rule="stance_received")
    if link not in (COMPLEMENT_PREPOSITIONS | {"on"}) - {"to", "with", "into"}:
        return None
    thing = noun_phrase_after(view, last + 2)
    if thing is None or view.tokens[last + 2].lower in TIME_WORDS:
        return None
    return view.statement(cue, first, last + 1, None, [thing], rule="stance_about")


def issued(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "The union issued a statement Tuesday saying the plan would cost jobs": the subject of
    the issuing verb is the source; what the statement says follows a participle, "that", or
    "on"/"about"; the verb, the noun and the participle make the cue, as PolNeAR marks it."""
    verb = governing_verb(view, first, ISSUING_VERBS)
    if verb is None:
        return None
    verb -= view.tokens[verb].lower == "out"  # "put out", "sent out"
    subject_end = view.skip_auxiliaries_left(verb)
    speaker, description, refers_to = speaker_before(
        view, view.region_before(subject_end), subject_end
    )
    if speaker is None:
        return None
    after = last + 1
    while after < len(view.tokens) and (
        view.tokens[after].lower in TIME_WORDS or view.tokens[after].text in {",", ":"}
    ):
        after += 1  # "a statement Tuesday night, saying ...", "a statement: “...”"
    if after >= len(view.tokens):
        return None
    link = view.tokens[after]
    if link.text in OPENING_QUOTES:
        # "issued a statement, “We mourn ...”": the quotation is what it says
        content = forward_content(view, after, cue, relative=False)
        return view.statement(
            cue,
            subject_end,
            last,
            speaker,
            content,
            description,
            refers_to,
            rule="issued_quote",
        )
    if link.lower in {"on", "about"}:
        thing = noun_phrase_after(view, after + 1)
        content = [] if thing is None else [thing]
        return view.statement(
            cue,
            subject_end,
            after,
            speaker,
            content,
            description,
            refers_to,
            rule="issued_about",
        )
    if link.lower == "that" or link.lower.endswith("ing"):
        end = last if link.lower == "that" else after
        content = forward_content(view, after + (link.lower != "that"), cue, relative=False)
        return view.statement(
            cue,
            subject_end,
            end,
            speaker,
            content,
            description,
            refers_to,
            rule="issued_saying",
        )
    return None


def governing_verb(view: SentenceView, first: int, verbs: set[str]) -> int | None:
    """The index of the verb, one of `verbs`, whose object the noun cue at `first` heads, past
    determiners and modifiers: "drew sharp criticism", "issued a brief written statement"
    ("drawn", "written" read as modifiers until a verb of the set is met)."""
    verb = first - 1
    while (
        verb > 0
        and view.tokens[verb].lower not in verbs
        and (view.tokens[verb].lower in OBJECT_DETERMINERS or view.noun_modifier(view.tokens[verb]))
    ):
        verb -= 1
    return verb if verb > 0 and view.tokens[verb].lower in verbs else None


def possessor(view: SentenceView, first: int) -> tuple[int, Span | None]:
    """Where a noun cue starts, past its modifiers ("disparaging remarks"), and its owner:
    "his", "Trump's", "the judges’"."""
    index = first
    while index > 0 and view.noun_modifier(view.tokens[index - 1]):
        index -= 1
    if index == 0:
        return first, None
    owner = view.tokens[index - 1]
    if owner.lower in POSSESSIVE_PRONOUNS:
        return index, Span(owner.start, owner.end)
    if owner.text in "'’" and index > 1 and view.tokens[index - 2].lower.endswith("s"):
        start = index - 2  # "the judges’"
    elif owner.lower.endswith(("'s", "’s")) and word_base(owner) not in SUBJECT_PRONOUNS | {
        "that",
        "what",
        "who",
        "here",
        "let",
    }:
        start = index - 1  # "Trump's", "Hillary Clinton's"
    else:
        return first, None
    while (
        start > 0
        and view.tokens[start - 1].text[0].isupper()
        and not is_punct(view.tokens[start - 1])
        and view.tokens[start - 1].lower not in PREPOSITIONS  # "In Ash's view"
    ):
        start -= 1
    if start > 0 and view.tokens[start - 1].lower == "the":
        start -= 1
    return index, Span(view.tokens[start].start, owner.end)
