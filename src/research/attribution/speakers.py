"""Speakers: the subject before a cue, the speaker after an inverted cue, the subject of the
main clause, a coordinated verb's subject, and what a relative pronoun stands for."""

from __future__ import annotations

from research.attribution.phrases import (
    gerund_modifier,
    lone_adverb,
    noun_phrase,
    noun_phrase_after,
    participle_title,
    without_clitic,
)
from research.attribution.statement import Statement, overlaps, within
from research.attribution.view import SentenceView
from research.attribution.words import (
    ADDRESSEE_VERBS,
    CLAUSE_OPENERS,
    FINITE,
    NOUN_MARKERS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    SCENE_PREPOSITIONS,
    SPEAKER_DETERMINERS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    approximate_number,
    dateline,
    introductory,
    name_like,
    negation,
    opens_apposition,
    opens_modifier,
    past_time_phrase,
    pronoun_clitic,
    relative_length,
    relative_opener,
    split_segments,
    without_time,
    word_base,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import CLOSING_QUOTES, RELATIVES, Token, is_punct, tag_or_noun


def coordinated_subject(
    view: SentenceView, subject_end: int
) -> tuple[Span, Span | None, Span | None] | None:
    """ "She greeted 2,000 supporters in Houston and told them ...": a cue right after "and"
    shares the subject of the verb it is coordinated with, the nearest verb before it, not the
    object in between; in a list ("summed up ..., denounced ... and said", "urged X,
    proposed Y") the first verb's."""
    index = subject_end - 1
    if index < 1 or not (
        view.tokens[index].lower in {"and", "but", "or", "nor"}
        or (view.tokens[index].text == "," and view.clause_ends_at(index))
    ):
        return None
    for _ in range(3):  # a list of verbs is short
        verb = next(
            (i for i in range(index - 1, -1, -1) if view.coordinated_verb(view.tokens[i])),
            None,
        )
        if verb is None:
            return None
        owner = next((s for s in view.found if within(s.cue, view.tokens[verb].start)), None)
        if owner is not None and owner.speaker is not None:
            return owner.speaker, owner.description, owner.refers_to  # "She urged X, proposed"
        start = view.skip_auxiliaries_left(verb)
        speaker, description, refers_to = speaker_before(view, view.region_before(start), start)
        if speaker is not None:
            return speaker, description, refers_to
        while start > 0 and view.tokens[start - 1].text in CLOSING_QUOTES:
            start -= 1  # 'summed it up as “terrible,” denounced ...'
        if start == 0 or view.tokens[start - 1].lower not in {",", "and", "but"}:
            return None
        index = start - 1
    return None


def subject_after_scene(view: SentenceView, tokens: list[Token], end: int) -> int | None:
    """Where a subject starts after a scene-setting phrase ("in a statement Friday night
    they", "at the county fair this week she"), before `end`: at a pronoun, a determiner or a
    name that no preposition or determiner governs."""
    for index in range(2, end):
        word, before = tokens[index], tokens[index - 1]
        if before.lower in PREPOSITIONS or before.lower in NOUN_MARKERS:
            continue  # "with the Courier": the scene goes on
        name = word.text[0].isupper() and before.text[0].islower()
        if (word.lower in NOUN_MARKERS | SUBJECT_PRONOUNS or name) and word.lower not in TIME_WORDS:
            return index
    return None


def coordinated_owner(
    view: SentenceView, speaker: Span | None, subject_end: int
) -> Statement | None:
    """The statement of this sentence whose content a candidate speaker lies in, when the cue
    is coordinated with its verb ("... and said")."""
    if (
        speaker is None
        or subject_end == 0
        or view.tokens[subject_end - 1].lower not in {"and", "but"}
    ):
        return None
    return next((s for s in view.found if any(overlaps(speaker, c) for c in s.content)), None)


def speaker_before(
    view: SentenceView, region: list[Token], end: int
) -> tuple[Span | None, Span | None, Span | None]:
    """The subject of a verb cue: (speaker, its apposition, what a relative pronoun stands for)."""
    segments = split_segments(region)
    last = segments[-1] if segments else []
    if len(last) >= 2 and last[-1].lower in {"who", "which"}:
        # "a tweet from Rikkie Wells who said": the speaker is "who", standing for the rest
        return Span(last[-1].start, last[-1].end), None, noun_phrase(view, last[:-1])
    if last and relative_opener(last) and without_time(last[1:]):
        # "..., who rebel leaders say are": "rebel leaders"; "..., in which he said": "he"
        return noun_phrase(view, last[relative_length(last) :]), None, None
    pied = next(
        (
            i
            for i in range(len(last) - 2, 0, -1)
            if last[i].lower in {"which", "whom"} and last[i - 1].lower in PREPOSITIONS
        ),
        None,
    )
    if pied is not None:
        # "a year in which most farmers say": the relative's subject
        return noun_phrase(view, last[pied + 1 :]), None, None
    named = [
        (i, segment)
        for i, segment in enumerate(segments)
        if segment
        and not introductory(segment)
        and not opens_modifier(segment)
        and not lone_adverb(view, segment)
        and not dateline(segment)
        and without_time(segment)  # "Last week, J.J. Goldberg, an editor, wrote"
    ]
    if len(named) > 1 and named[0][0] == 0 and opens_with_clause(view, segments):
        named = named[1:]
    if last and last[0].lower in RELATIVES and named and not without_time(last[1:]):
        # "The trader, who claimed ...", "Cruz, who last year threatened ...": the speaker
        # is "who", standing for "The trader"
        pronoun = Span(last[0].start, last[0].end)
        return pronoun, None, noun_phrase(view, named[-1][1])
    if last and view.adjacent(last, end) and last[0].lower in SCENE_PREPOSITIONS:
        # "in May she said", "on Friday night the mayor said": no comma after the
        # fronted phrase, whose end is where the subject starts
        subject = subject_after_scene(view, last, len(last))
        if subject is not None:
            return noun_phrase(view, last[subject:]), None, None
    if (
        last
        and view.adjacent(last, end)
        and (not opens_modifier(last) or gerund_modifier(view, last))
        and not all(t.lower in TIME_WORDS for t in last)  # "X, this past week, said"
    ):
        head = named[0] if named else None
        if (
            head is not None
            and head[1] is not last
            and opens_apposition(last)
            and name_like(head[1])
        ):
            return noun_phrase(view, head[1]), apposition_after(view, segments, head[0]), None
        return noun_phrase(view, embedded_subject(view, last)), None, None
    first_segment = named[0][1] if named else []
    if (
        len(named) > 1
        and len(first_segment) > 3
        and any(view.verbish(t) for t in first_segment[1:3])
    ):
        # "Facebook built the tool, a spokeswoman, Anna White, said": the first segment is
        # the clause reported, the speaker comes after it
        named = named[1:]
    if named:  # an apposition or a modifier stands right before the verb: the subject is left
        position, segment = named[0]
        return noun_phrase(view, segment), apposition_after(view, segments, position), None
    return None, None, None


def opens_with_clause(view: SentenceView, segments: list[list[Token]]) -> bool:
    """Whether the first segment is a clause with its own verb: a fronted one ("Even if
    Clinton can’t win there, insiders in the next states said") or the content before the
    speaker ("The plan will fail, Ben Rhodes, an adviser, said"); the subject comes later."""
    first = segments[0]
    for token in first[1:]:
        if token.lower in RELATIVES or token.lower == "that":
            return False  # "farmers who heard her speak, ..., said"
        if token.text[0].islower() and (view.finite_verb(token) or negation(token)):
            return True  # lowercase: "Yin Myint May, 60, said" has no verb
    return False


def embedded_subject(view: SentenceView, segment: list[Token]) -> list[Token]:
    """The subject of a clause embedded right before the verb: "the queries she chose
    to skip" -> "she", "a rival whom Ms. Lee regards as an equal" -> "Ms. Lee"; else the
    words past an object. Not after "what" ("what he calls the cartel"): PolNeAR gives such
    a clause the main verb's source."""
    pronoun = segment[-1]
    if (
        len(segment) > 1
        and pronoun.lower in PERSONAL_PRONOUNS
        and segment[-2].lower not in {"and", "or", "nor", "what"}
    ):
        return [pronoun]
    relative = next(
        (i for i in range(len(segment) - 2, 0, -1) if segment[i].lower in {"whom", "which"}),
        None,
    )
    if relative is not None and not any(view.verbish(t) for t in segment[relative + 1 :]):
        return segment[relative + 1 :]  # "a rival whom Ms. Lee regards as an equal"
    return past_object(view, segment)


def relative_after_speaker(
    view: SentenceView, region: list[Token]
) -> tuple[Span | None, Span | None]:
    """ "who" right after the speaker of a statement of this sentence ('“...,” said Ortiz,
    who said ...'): the pronoun and the speaker it stands for."""
    words = [t for t in region if not is_punct(t)]
    if len(words) != 1 or words[0].lower != "who":
        return None, None
    start = view.tokens.index(region[0])
    previous = view.tokens[start - 1] if start > 0 else None
    antecedent = next(
        (
            s.speaker
            for s in view.found
            if previous is not None and s.speaker is not None and s.speaker.end == previous.end
        ),
        None,
    )
    pronoun = Span(words[0].start, words[0].end)
    return (pronoun, antecedent) if antecedent is not None else (None, None)


def past_object(view: SentenceView, segment: list[Token]) -> list[Token]:
    """ "Trump wants the votes and Peña Nieto wants ...": right after a verb, the words before
    "and" are its object, and the subject of the next verb is what follows. So too when the
    verb is inside ("The envoy met Lavrov and Kerry said"): the left clause is complete."""
    joins = [i for i, t in enumerate(segment) if t.lower in {"and", "but"}]
    if not joins:
        return segment
    index = view.tokens.index(segment[0])
    before = view.tokens[index - 1] if index > 0 else None
    left = segment[1 : joins[-1]]
    clause = any(view.finite_verb(t) for t in left) and not any(
        t.lower in RELATIVES or t.lower == "that" for t in left
    )
    if not clause and (before is None or not view.finite_verb(before)):
        return segment
    return segment[joins[-1] + 1 :] or segment


def apposition_after(view: SentenceView, segments: list[list[Token]], subject: int) -> Span | None:
    """The appositions after the subject ("a spokesman for ..."), not a participle modifier."""
    rest = [t for segment in segments[subject + 1 :] for t in segment]
    if not rest or not (opens_apposition(rest) or rest[0].lower in RELATIVES):
        return None
    return Span(rest[0].start, rest[-1].end)


def inverted_speaker(
    view: SentenceView, first: int, last: int, tail: list[Token], cue: Cue
) -> Span | None:
    """The noun phrase after a cue that follows its content: '...,” said Ryabkov'."""
    if not content_ends_before(view, first) or not tail or cue.lemma in ADDRESSEE_VERBS:
        return None  # "“...,” X told The Hill": after "told" comes the addressee
    if tail[0].lower in CLAUSE_OPENERS or tail[0].lower in PREPOSITIONS:
        return None
    # the noun phrase ends at a relative pronoun or a clause word: "said a former official
    # who oversaw ...", "said Jane Roe when asked about it"
    relative = next(
        (i for i, t in enumerate(tail) if t.lower in RELATIVES | SUBORDINATORS - {"as"}),
        len(tail),
    )
    phrase = tail[:relative]
    if not phrase or len(phrase) > 12:
        return None
    if word_base(phrase[0]) in SUBJECT_PRONOUNS or any(
        view.verbish(t) and not modifies_speaker(view, phrase, i)
        for i, t in enumerate(phrase[1:], start=1)
    ):
        return None
    # "said former governor Jane Doe", "said another advocate", "said retired Gen. Jane
    # Doe": a lowercase title, determiner or description opens the speaker when nothing
    # in it reads as a verb
    if not (
        phrase[0].text[0].isupper()
        or phrase[0].lower in SPEAKER_DETERMINERS
        or tag_or_noun(phrase[0]) in {"NN", "JJ", "NNS", "CD", "DT", "PRP$"}
        or participle_title(view, phrase)
    ):
        return None
    return noun_phrase_after(view, last + 1)


def modifies_speaker(view: SentenceView, phrase: list[Token], index: int) -> bool:
    """ "said one official involved in the talks", "said the manager known as Sam": a
    participle after the head noun and before a preposition modifies the speaker; it is not
    the verb of a clause."""
    following = phrase[index + 1] if index + 1 < len(phrase) else None
    if following is None:
        return False
    if phrase[index - 1].lower in SPEAKER_DETERMINERS and (
        following.text[0].isupper() or tag_or_noun(following)[:2] in {"NN", "JJ"}
    ):
        return True  # "said the printed card", "said one unaligned Ohio strategist"
    return phrase[index].tag == "VBN" and (
        following.lower in PREPOSITIONS or following.lower == "as"
    )


def sentence_subject(view: SentenceView, before: int) -> Span | None:
    """The main clause's first noun phrase, up to its first finite verb, past a dateline and
    a fronted subordinate clause: "Once he was in office, Obama made peace a priority"."""
    opening = view.main_clause_start(before)
    tokens = view.tokens[opening:before]
    verb = next(
        (
            end
            for end, t in enumerate(tokens)
            if view.verbish(t)
            # "The retired surgeon addressed": a participle after a determiner modifies
            and not (end > 0 and tokens[end - 1].lower in NOUN_MARKERS and t.lower not in FINITE)
        ),
        None,
    )
    if verb is None and not (tokens and tokens[-1].text == ","):
        return None  # with no verb yet, only "Mr. Biden, recalling ...," has its subject
    if verb is not None and pronoun_clitic(tokens[verb]):
        # "she's moved to the left, criticizing ...": the pronoun before its clitic
        token = tokens[verb]
        return without_clitic(view, Span(token.start, token.end))
    segments = [
        s
        for s in map(past_time_phrase, split_segments(tokens[:verb]))
        if s
        and (not introductory(s) or approximate_number(s))  # "About 200 protesters"
        and not dateline(s)
    ]
    # the first noun phrase: "Hours later, Baker returned ..." passes over the time phrase
    return next((np for s in segments if (np := noun_phrase(view, s)) is not None), None)


def content_ends_before(view: SentenceView, first: int) -> bool:
    """Whether a quotation or a clause ends right before the cue ('...,” said', 'Talks
    failed, said Ryabkov'), not a subject and its apposition ('Chris Collins, an ally,
    said'); or a quotation ends the sentence before ('“... now!” said Ryabkov.')."""
    previous = view.tokens[first - 1] if first > 0 else None
    if previous is None:
        return view.tokens[first].text[0].islower() and view.prior_quote() is not None
    if previous.text in CLOSING_QUOTES:
        return first > 1
    if previous.text == ",":
        return view.clause_before(Span(previous.start, previous.start))
    return False
