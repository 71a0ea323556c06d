"""Rules for participles and infinitives: ", adding ...", "a sign saying ...", "to say"."""

from __future__ import annotations

from research.attribution.contents import forward_content
from research.attribution.cue import CueAt
from research.attribution.phrases import noun_phrase, noun_phrase_before, subject_at
from research.attribution.rules.filters import controls
from research.attribution.rules.verbs import verb_cue
from research.attribution.speakers import sentence_subject, speaker_before
from research.attribution.statement import Statement
from research.attribution.view import SentenceView
from research.attribution.words import (
    CLAUSE_OPENERS,
    DOCUMENT_NOUNS,
    HOLDING_PARTICIPLES,
    NOUN_MARKERS,
    PARTICIPLE_LINKS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    clitic_verb,
    contracted,
    negation,
    trim_content,
    word_base,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import CLOSING_QUOTES, OPENING_QUOTES, RELATIVES, is_punct


def infinitive_report(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "were more likely to say the levy ...", "went online to say that ...", "led
    farmers to say that ...": an infinitive "to say" with a clause, "that", a colon or a
    quotation after it reports for the main verb's subject, or for its object when a noun
    phrase stands between them."""
    tail = view.tokens[last + 1 :]
    if (
        not tail
        or cue.lemma != "say"
        or not (
            tail[0].lower == "that"
            or tail[0].text in {":"} | OPENING_QUOTES
            or view.quote_follows(last + 1)
            or view.looks_like_clause(tail[:6])
        )
    ):
        return None
    verb = next(
        (
            i
            for i in range(first - 2, max(first - 10, -1), -1)
            if is_punct(view.tokens[i])
            or view.finite_verb(view.tokens[i])
            or clitic_verb(view.tokens[i])
        ),
        None,
    )
    subject_end = view.skip_auxiliaries_left(verb) if verb is not None else 0
    if (
        verb is None
        or is_punct(view.tokens[verb])
        or contracted(view.tokens[verb])
        or (subject_end > 0 and view.tokens[subject_end - 1].lower in {"it", "there"})
    ):
        return None  # "it is hard to say", "it's safe to say": no one says it
    between = view.tokens[verb + 1 : first - 1]
    if between and (
        between[0].text[0].isupper()
        or between[0].lower in NOUN_MARKERS
        or between[0].tag in {"NN", "NNS"}
    ):
        # "led farmers to say": the object speaks
        speaker = noun_phrase(view, between)
        content = forward_content(view, last + 1, cue, relative=False)
        return (
            None
            if speaker is None
            else view.statement(cue, first - 1, last, speaker, content, rule="infinitive_object")
        )
    return verb_cue(view, verb, last, cue, subject_end)


def noun_participle(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "with 30 percent saying they would not", "a sign saying “...”": the noun phrase right
    before a participle cue is its speaker when a clause, "that" or a quotation follows, or
    after "with" ("with the mayor calling the levy a tax") any complement."""
    tail = view.tokens[last + 1 :]
    if not tail or (is_punct(tail[0]) and not view.quote_follows(last + 1)):
        return None
    reported = (
        tail[0].lower == "that"
        or tail[0].text in OPENING_QUOTES
        or view.quote_follows(last + 1)
        or (word_base(tail[0]) in SUBJECT_PRONOUNS and view.looks_like_clause(tail))
        # "a statement saying the roads would reopen"; not "farmers backing the levy have"
        or (cue.verb_class == "neutral" and view.looks_like_clause(tail[:8]))
    )
    start = first
    while start > 0 and first - start < 8:
        word = view.tokens[start - 1]
        if (
            (is_punct(word) and word.text != "%")
            or word.lower in CLAUSE_OPENERS | RELATIVES | {"with"}
            or view.verbish(word)
            or (word.lower in PREPOSITIONS and word.lower not in {"of", "to"})
        ):
            break
        start -= 1
    phrase = view.tokens[start:first]
    if not phrase or all(t.lower in TIME_WORDS or t.text.isdigit() for t in phrase):
        return None
    stop = view.tokens[start - 1] if start > 0 else None
    if not reported and (stop is None or stop.lower != "with"):
        return None  # only "with the mayor calling the levy a tax" takes an object as content
    if stop is not None and view.verbish(stop):
        # "issued a statement saying ...": the one who issued it speaks
        verb = view.tokens.index(stop)
        subject_end = view.skip_auxiliaries_left(verb)
        speaker, _, _ = speaker_before(view, view.region_before(subject_end), subject_end)
    elif stop is None or is_punct(stop) or stop.lower == "with":
        speaker = noun_phrase(view, phrase)  # "with 30 percent saying", "A sign saying"
    else:
        return None  # "upon saying", "in addition to stating": no noun phrase speaks
    if speaker is None:
        return None
    content = forward_content(view, last + 1, cue, relative=False)
    return view.statement(cue, first, last, speaker, content, rule="noun_participle")


def participial(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ ", adding “...”": the speaker is the one of the statement this participle continues."""
    previous = view.previous_statement()
    # "Mr. Biden, recalling weekly breakfasts, described ...": an aside before the main verb
    aside = not any(view.verbish(t) for t in view.tokens[:first])
    content = forward_content(view, last + 1, cue, relative=False, aside=aside)
    fronted = fronted_participle(view, first, last, cue)
    if fronted is not None:
        return fronted
    subject = sentence_subject(view, first)
    if not view.found and subject is not None:
        previous = None  # "X stood on the stage, praising ...": this sentence's own subject
    if previous is not None and subject is not None:
        owner = previous.speaker.text(view.text).lower() if previous.speaker else None
        if owner is None or (owner in POSSESSIVE_PRONOUNS and previous in view.found):
            # "She escalated her attacks, telling CNN ...": "her" is "She"; "He shot back in
            # a statement, saying ...": the setting names no one, the subject speaks
            previous = None
    if previous is None:  # "He pummeled Trump, while praising Clinton as ...": the subject's
        return view.statement(cue, first, last, subject, content, rule="participle_subject")
    return view.statement(
        cue,
        first,
        last,
        previous.speaker,
        content,
        previous.description,
        rule="participle_continues",
    )


def reduced_relative(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "pastors backing Mr. Cruz", "a group of donors opposing the deal": a participle right
    after a noun phrase says what that phrase holds; its object runs to the sentence's next verb."""
    speaker = noun_phrase_before(view, first)
    tail = view.tokens[last + 1 :]
    if (
        speaker is None
        or not tail
        or view.tokens[first].text[0].isupper()  # a name: "Showing Up for Racial Justice"
        or tail[0].lower in {"up", "off"}  # "material showing up on servers"
    ):
        return None
    if view.tokens[first - 1].lower in DOCUMENT_NOUNS:
        # "Trump issued a statement saying ...": the statement's author is the speaker
        speaker = sentence_subject(view, first)
    if cue.lemma == "say" or tail[0].lower == "that":  # a clause, not an object
        content = forward_content(view, last + 1, cue, relative=True)
        return view.statement(cue, first, last, speaker, content, rule="reduced_relative_clause")
    end = next(
        (i for i, t in enumerate(tail) if i > 0 and view.verbish(t) and not view.quoted(t.start)),
        len(tail),
    )
    while end > 0 and is_punct(tail[end - 1]) and tail[end - 1].text not in CLOSING_QUOTES:
        end -= 1
    if end == 0:
        return None
    thing = trim_content(view.text, Span(tail[0].start, tail[end - 1].end))
    return view.statement(cue, first, last, speaker, [thing], rule="reduced_relative_object")


def fronted_participle(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "After thanking the crowd, which cheered, he told them ...", "But in describing the
    plan, the journalists miss ...": a participle phrase before the main clause, whose subject
    follows a comma of the phrase and comes before the main verb."""
    if first == 0 or any(view.verbish(t) for t in view.tokens[: first - 1]):
        return None
    commas = [
        i
        for i in range(last + 2, len(view.tokens))
        if view.tokens[i].text == "," and not view.inner_quoted(i)
    ]
    for comma in commas[:3]:
        subject = subject_at(view, comma + 1)
        if subject is not None:
            clause = Span(view.tokens[last + 1].start, view.tokens[commas[0] - 1].end)
            return view.statement(cue, first, last, subject, [clause], rule="fronted_participle")
    return None


def infinitive(at: CueAt) -> Statement | None:
    """ "Okafor tried to defend the levy": the subject of "tried" is the source ("went on to
    explain", "chose not to respond"); but "a metaphor to describe": an infinitive, nothing
    reported yet, unless "to say" reports for the main verb's subject."""
    view, first, last, cue = at.args
    control = first - 2
    if control > 0 and view.tokens[control].lower == "on":
        control -= 1  # "went on to explain"
    while control > 0 and negation(view.tokens[control]):
        control -= 1  # "chose not to respond"
    if control < 0 or not controls(view, control):
        return infinitive_report(view, first, last, cue)
    return verb_cue(view, control, last, cue, view.skip_auxiliaries_left(control))


def participle(at: CueAt) -> Statement | None:
    """ ", adding “...”", "by saying", "while praising": the participle continues a statement;
    else "a sign saying ...", and "pastors backing Mr. Cruz"."""
    view, first, last, cue = at.args
    before = at.before
    if before is not None and (
        before.text in {",", "–", "—", "--", "―", "-"}  # also "on the spot – saying"
        or before.text in CLOSING_QUOTES
        or before.lower in PARTICIPLE_LINKS
    ):
        return participial(view, first, last, cue)
    holder = noun_participle(view, first, last, cue)
    if holder is None and cue.lemma in HOLDING_PARTICIPLES:
        return reduced_relative(view, first, last, cue)
    return holder
