"""Contents: what a cue reports, forward (after it) or backward (before it), and the objects and
scene-setting phrases that stand between a cue and its content."""

from __future__ import annotations

from itertools import takewhile

from research.attribution.speakers import subject_after_scene
from research.attribution.view import SentenceView
from research.attribution.words import (
    ADDRESSEE_VERBS,
    ADDRESSEES,
    AMOUNT_WORDS,
    BARE,
    CLAUSE_LEMMAS,
    CLAUSE_OPENERS,
    COMPLEMENT_PREPOSITIONS,
    CURRENCY_SIGNS,
    DOCUMENT_NOUNS,
    FINITE,
    FINITE_TAGS,
    INQUIRY_NOUNS,
    MAX_BACKWARD_TAIL,
    OBJECT_OPENERS,
    PREPOSITIONS,
    SCENE_PREPOSITIONS,
    SCENE_WORDS,
    SUBORDINATORS,
    TIME_WORDS,
    adverbial,
    approximate_number,
    before_complement,
    clitic_verb,
    complementizer,
    contracted,
    trim_content,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    RELATIVES,
    Token,
    is_boundary_punct,
    is_punct,
)


def object_follows(view: SentenceView, tail: list[Token], cue: Cue) -> bool:
    """Whether a noun phrase opens the words after a cue: "called the plan ...", "cited a
    study"; not "said as he left", "said quietly", nor whom a question was put to."""
    if not tail or cue.lemma in ADDRESSEE_VERBS | {"ask"} or adverbial(tail):
        return False
    return tail[0].text[0].isupper() or tail[0].tag in OBJECT_OPENERS


def ends_in_tag(view: SentenceView, speaker: Span, after: int) -> bool:
    """Whether a tag after a comma ends the sentence ("The mayor said he would resign, the
    Tribune reported."): it reports the whole clause before it, statements included. After
    "While ...," or "Asked ...," the tag opens the main clause instead."""
    if view.tokens[0].lower in SUBORDINATORS | {"asked"}:
        return False
    opening = view.index_after(speaker.start)
    if (
        opening is None
        or opening == 0
        or view.tokens[opening - 1].text not in {",", *CLOSING_QUOTES}
    ):
        return False
    return all(is_punct(t) for t in view.tokens[after:])


def is_document(view: SentenceView, speaker: Span) -> bool:
    """Whether a speaker is a document or an inquiry ("the poll", "a study by Gallup"),
    which finds with an object ("the poll found Trump ahead"); a person finds a clause
    ("she found that ..."): with an object she finds a job or a voice."""
    words = [t.lower for t in view.tokens if speaker.start <= t.start < speaker.end]
    by = words.index("by") if "by" in words else len(words)  # "a study by Gallup"
    return any(w in DOCUMENT_NOUNS | INQUIRY_NOUNS for w in words[:by])


def quote_after_scene(view: SentenceView, last: int, tail: list[Token], cue: Cue) -> int | None:
    """The index of a quotation that follows the cue past its addressee or scene and a comma
    or two: "told the Courier, “...”", "said online, in reply to a critic, “...”"."""
    if not (adverbial(tail) or (cue.lemma in ADDRESSEE_VERBS and addressee_only(view, tail, cue))):
        return None
    index = last + 1 + len(tail)
    for _ in range(3):
        if index + 1 >= len(view.tokens) or view.tokens[index].text != ",":
            return None
        if view.tokens[index + 1].text in OPENING_QUOTES:
            return index + 1
        aside = view.tail(index + 1)
        if not aside or aside[0].lower not in PREPOSITIONS or view.looks_like_clause(aside):
            return None
        index += 1 + len(aside)
    return None


def told_after(view: SentenceView, tail: list[Token], cue: Cue, speaker: Span) -> bool:
    """ "..., the county clerk told the council on Monday.": after a clause, an
    addressee verb with only its addressee and the scene reports what came before."""
    if cue.lemma not in ADDRESSEE_VERBS or cue.verb_class != "neutral" or not tail:
        return False  # "promised voters ...", "warned Xi ...": what follows is the content
    addressee = list(takewhile(lambda t: t.lower not in CLAUSE_OPENERS, tail))
    return (
        len(addressee) <= 8
        and not any(view.finite_verb(t) or clitic_verb(t) for t in addressee)
        and view.clause_before(speaker)
    )


def predicate_after_aside(view: SentenceView, tail: list[Token], after: int) -> bool:
    """ "Officials say Tomas Ruiz, the farmer who ..., sold the plot": a name after the cue,
    an apposition set off by commas, then the name's verb; the clause is what was said."""
    if not tail or not tail[0].text[0].isupper() or tail[0].lower in TIME_WORDS:
        return False
    index = after
    for _ in range(3):
        if index + 1 >= len(view.tokens) or view.tokens[index].text != ",":
            return False
        segment = view.tail(index + 1)
        word = view.tokens[index + 1]
        final = index + 1 + len(segment) >= len(view.tokens) - 1
        if (
            view.predicate_at(view.tokens, index + 1)
            or clitic_verb(word)
            # "sold" may read as a participle, but in the clause's last segment it is the verb
            or (final and word.text[0].islower() and word.tag == "VBN")
        ):
            return True
        index += 1 + len(segment)
    return False


def complement_after_aside(view: SentenceView, after: int, cue: Cue) -> int | None:
    """The "that" or infinitive opening the cue's complement after asides set off by commas:
    "said on the radio, where she hosts a show, that the levy ...", "said, among other
    things, that ...", "refused, again, to answer"."""
    index = after
    for _ in range(3):
        if index + 2 >= len(view.tokens) or view.tokens[index].text != ",":
            return None
        word, following = view.tokens[index + 1], view.tokens[index + 2]
        if (word.lower == "that" and cue.takes_that) or (
            word.lower == "to"
            and following.text[0].islower()
            and (following.tag.startswith("VB") or following.lower in view.cues.cues)
        ):
            return index + 1
        index += 1 + len(view.tail(index + 1))
    return None


def sets_scene(view: SentenceView, tail: list[Token], speaker: Span) -> bool:
    """Whether the words after a backward cue only set the scene: short ("earlier this
    week"), or a phrase opened by a preposition with no clause ("during his speech to the
    state convention") after a clause before the speaker ("Talks stalled, he said during
    ...", not "On Tuesday, he said during ...")."""
    if len(tail) <= MAX_BACKWARD_TAIL:
        return True
    return (
        tail[0].lower in SCENE_PREPOSITIONS
        and not view.looks_like_clause(tail)
        and view.clause_before(speaker)
    )


def clause_after_scene_at(view: SentenceView, tail: list[Token]) -> int | None:
    """Where a clause starts after a scene-setting phrase with no "that": in "said in a
    statement Friday they withdrew the offer", the subject "they" (its index in `tail`).
    The subject opens with a pronoun, a determiner or a name that no preposition governs."""
    if len(tail) < 4 or tail[0].lower not in SCENE_PREPOSITIONS | TIME_WORDS:
        return None
    verb = next(
        (i for i, t in enumerate(tail[:16]) if i > 2 and (view.finite_verb(t) or contracted(t))),
        None,
    )
    if verb is None or any(
        is_punct(t) or t.lower in CLAUSE_OPENERS | RELATIVES | BARE for t in tail[:verb]
    ):
        return None  # "on exactly what these troops will do": a question, not a clause
    subject = subject_after_scene(view, tail, verb)
    return subject if subject is not None and verb - subject <= 5 else None


def verb_object(view: SentenceView, tail: list[Token], cue: Cue) -> Span | None:
    """The object of an attitude or evaluation verb, up to where the scene is set ("during a
    rally", "on Friday"); speech verbs ("said", "added") take no object that is content."""
    if (
        cue.verb_class == "add"
        or cue.lemma in CLAUSE_LEMMAS | {"say", "tell"}
        or not tail
        or view.looks_like_clause(tail)
    ):
        return None
    head = tail[0]
    to_whom = len(tail) > 1 and tail[1].lower in ADDRESSEES - {"the", "a", "an"}
    if cue.verb_class == "neutral" and to_whom:
        return None  # "wrote to supporters", "spoke with reporters": to whom, not what
    if head.lower in TIME_WORDS or head.tag in {"RB", "RBR", "RBS"}:
        return None  # "criticized sharply", "denounced Friday"
    # "balked at hacking the phone", "insisted on keeping it": a gerund is the object
    gerund = len(tail) > 1 and tail[1].tag == "VBG"
    if head.lower in PREPOSITIONS and (
        (head.lower not in COMPLEMENT_PREPOSITIONS and not gerund)
        or len(tail) == 1
        or tail[1].lower in TIME_WORDS
        or view.infinitive(tail)
    ):
        return None  # "on Sunday", "to leave": not an object
    end = next(
        (
            i
            for i, t in enumerate(tail)
            if i > 0 and (t.lower in SCENE_WORDS or t.lower in TIME_WORDS)
        ),
        len(tail),
    )
    return trim_content(view.text, Span(tail[0].start, tail[end - 1].end))


def sum_of_money(view: SentenceView, tail: list[Token]) -> bool:
    """ "raised $4 million", "more than $2 million": the object is money (fundraising, not
    "raised concerns")."""
    amount = next((i for i, t in enumerate(tail[:4]) if t.text.startswith(CURRENCY_SIGNS)), None)
    # only approximators before the sum: "said the firm raised $3 million" has a clause
    return amount is not None and all(t.lower in AMOUNT_WORDS for t in tail[:amount])


def forward_marker(view: SentenceView, tail: list[Token], cue: Cue) -> bool:
    """A complementizer or colon right after the cue (past an addressee), or a quotation."""
    for index, token in enumerate(tail[:16]):
        if token.text in OPENING_QUOTES:
            # not a title after a possessive or a preposition: "on the station's “Morning Show”"
            before = tail[index - 1] if index > 0 else None
            return before is None or not (
                before.lower.endswith(("'s", "’s")) or before.lower in {"on", "in", "at"}
            )
        if complementizer(tail, index):
            return addressee_only(view, tail[:index], cue)
    return False


def that_follows(view: SentenceView, tail: list[Token], cue: Cue) -> bool:
    """Whether a complementizer follows the cue past its addressee: "told reporters that"."""
    return any(
        complementizer(tail, i) and addressee_only(view, tail[:i], cue)
        for i in range(min(len(tail), 16))
    )


def addressee_only(view: SentenceView, tokens: list[Token], cue: Cue) -> bool:
    """Whether `tokens` between a cue and its "that" are an addressee or adverbials:
    "told reporters on Sunday", "told a crowded banquet hall in Baltimore"."""
    verbless = not any(t.lower in FINITE or t.tag in FINITE_TAGS for t in tokens)
    if view.infinitive(tokens):
        # "appeared to oppose the plan, saying that ...", "declined to comment on reports
        # that ...": the "that" is later, or the noun's
        return False
    if cue.lemma in ADDRESSEE_VERBS or (tokens and tokens[0].lower in PREPOSITIONS):
        return verbless  # "told a crowded hall that", "said in a series of messages that"
    return all(before_complement(t) for t in tokens)


def after_as(view: SentenceView, region: list[Token], speaker: Span) -> bool:
    """ "As Crane said, ...": the speaker's clause opens with "as", right before the speaker
    (not "As they campaigned, voters knew them, they said")."""
    if not region or region[0].start != speaker.start:
        return False
    index = view.tokens.index(region[0])
    return index > 0 and view.tokens[index - 1].lower == "as"


def forward_content(
    view: SentenceView, index: int, cue: Cue, *, relative: bool, aside: bool = False
) -> list[Span]:
    """Content after a cue: from the complement (after "that" or ":") to the sentence's end.
    In an `aside` ("Smith, who backs the plan, said ...") it ends where the main verb follows."""
    tokens = view.tokens[index:]
    if not tokens:
        return []
    start = 0
    marker = next(  # the first complementizer after the cue and its addressee
        (
            i
            for i, t in enumerate(tokens[:12])
            if complementizer(tokens, i)
            and not view.quoted(t.start)
            and addressee_only(view, tokens[:i], cue)
        ),
        None,
    )
    opening = next((i for i, t in enumerate(tokens[:12]) if t.text in OPENING_QUOTES), None)
    if marker is not None and (opening is None or marker < opening):
        # "that" belongs to the content, a colon to the cue (the PARC/PolNeAR convention)
        start = marker + (1 if tokens[marker].text == ":" else 0)
    elif opening is not None and cue.kind == "verb" and view.is_objectless(tokens[:opening]):
        start = opening
    else:
        start = skip_adverbials(view, tokens)
    # "Although she said A, B": the clause before the main clause's comma is the content
    subordinate = view.tokens[0].lower in SUBORDINATORS and not any(
        t.text == "," and not view.quoted(t.start) for t in view.tokens[:index]
    )
    end = len(tokens)
    for i in range(start + 1, len(tokens)):
        token = tokens[i]
        if view.quoted(token.start):
            continue
        if token.text == "," and (
            relative or subordinate or (aside and view.predicate_at(tokens, i + 1))
        ):
            end = i
            break
        previous = tokens[i - 1].text
        if token.lower in {"and", "but"} and view.coordinated_cue(tokens, i + 1):
            end = i  # "said that A and said that B": two statements of one speaker
            break
        if (previous == "," or previous in CLOSING_QUOTES) and view.starts_statement(tokens, i):
            end = (
                i  # ", adding ...", "” claiming that ...", ", according to ...": another statement
            )
            break
    body = tokens[start:end]
    if not body:
        return []
    span = Span(body[0].start, body[-1].end)
    quote = view.quote_at(body[0].start)
    if quote is not None and quote.end > span.end:
        span = Span(span.start, quote.end)  # a quotation that runs past the sentence
    return [trim_content(view.text, span)]


def skip_adverbials(view: SentenceView, tokens: list[Token]) -> int:
    """Skip "on Sunday", "earlier this week," after a cue: they are not what was said."""
    index = 0
    while index < len(tokens) and (
        tokens[index].lower in TIME_WORDS
        or (
            tokens[index].lower in PREPOSITIONS
            and index == 0
            and not view.infinitive(tokens)
            and not approximate_number(tokens)  # "at least seven delegates have ..."
        )
    ):
        index += 1
        if index < len(tokens) and tokens[index - 1].lower in PREPOSITIONS:
            index += 1  # the preposition's object: "on Sunday"
    if index < len(tokens) and tokens[index].text == ",":
        index += 1
    return index


def backward_content(view: SentenceView, before: int, *, outermost: bool = False) -> list[Span]:
    """Content before the speaker: from the clause start (or the quotation's opening) to the
    comma. An `outermost` content ("X seems keen, according to Y") takes in the statements
    before it, which it reports."""
    end_token = next(
        (i for i in range(len(view.tokens) - 1, -1, -1) if view.tokens[i].end <= before), -1
    )
    while end_token >= 0 and is_boundary_punct(view.tokens[end_token]):
        end_token -= 1
    if end_token < 0:
        prior = view.prior_quote()  # '"...NOW!" | Trump said.': the quote ended the last sentence
        return [prior] if prior is not None else []
    start_token = 0
    for i in range(end_token, -1, -1):
        inside = not outermost and view.inside_statement(view.tokens[i].start)
        if inside or view.tokens[i].text == ";":
            start_token = i + 1
            break
    if start_token > end_token:
        return []
    start = view.tokens[start_token].start
    end = view.tokens[end_token].end
    quote = view.quote_at(start) or view.quote_at(end - 1)
    if quote is not None and quote.start < start:
        start = quote.start  # the quotation began in an earlier sentence or paragraph
    elif quote is not None and view.text[start : quote.start].rstrip().endswith(":"):
        start = quote.start  # 'She was blunt: "We lost," she said.': she said only the quote
    return [trim_content(view.text, Span(start, end))]
