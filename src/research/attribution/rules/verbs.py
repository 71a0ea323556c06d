"""Rules for verb cues with the speaker as subject: forward, backward, inverted, "as X said", ..."""

from __future__ import annotations

from dataclasses import dataclass, field

from research.attribution.contents import (
    after_as,
    backward_content,
    clause_after_scene_at,
    complement_after_aside,
    ends_in_tag,
    forward_content,
    forward_marker,
    is_document,
    object_follows,
    predicate_after_aside,
    quote_after_scene,
    sets_scene,
    sum_of_money,
    that_follows,
    told_after,
    verb_object,
)
from research.attribution.phrases import (
    noun_phrase_after,
    opens_relative,
    relative_subject,
    without_clitic,
)
from research.attribution.rules import Step, first_step
from research.attribution.rules.filters import counted_noun
from research.attribution.speakers import (
    coordinated_owner,
    coordinated_subject,
    inverted_speaker,
    relative_after_speaker,
    sentence_subject,
    speaker_before,
)
from research.attribution.statement import Statement
from research.attribution.view import SentenceView
from research.attribution.words import (
    ADDRESSEE_VERBS,
    CLAUSE_LEMMAS,
    CONTINUATION_LEMMAS,
    LEADING_ADVERBS,
    PREPOSITIONS,
    adverbial,
    split_segments,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import OPENING_QUOTES, RELATIVES, Token


def fronted_said(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """ "Said Lena Reyes, who runs the diner, “We never closed.”": the speaker after a fronted
    "Said", the quotation after it."""
    speaker = noun_phrase_after(view, last + 1)
    opening = next(
        (
            i
            for i, t in enumerate(view.tokens)
            if t.text in OPENING_QUOTES and speaker and t.start > speaker.end
        ),
        None,
    )
    if speaker is None or opening is None:
        return None
    content = forward_content(view, opening, cue, relative=False)
    return view.statement(cue, first, last, speaker, content, rule="fronted_said")


def verb_cue(
    view: SentenceView, first: int, last: int, cue: Cue, subject_end: int
) -> Statement | None:
    """A verb cue: its speaker follows it ('“...,” said Ryabkov', "inverted"), or is its subject,
    found once; then the first rule of CLAUSE_RULES that applies decides."""
    tail = view.tail(last + 1)
    inverted = inverted_speaker(view, first, last, tail, cue)
    if inverted is not None:
        # "“...,” said Ryabkov" / "..., said Steven Taylor, a chairman ...": speaker after the verb
        content = backward_content(view, view.tokens[first].start)
        return view.statement(cue, first, last, inverted, content, rule="inverted")
    clause = subject_clause(view, first, last, cue, subject_end, tail)
    if clause is None:
        return None
    return first_step(CLAUSE_RULES, clause)


def deciding_clause_step(
    view: SentenceView, first: int, last: int, cue: Cue, subject_end: int
) -> str:
    """The name of the verb rule that decides for the cue, as `verb_cue` applies them."""
    tail = view.tail(last + 1)
    if inverted_speaker(view, first, last, tail, cue) is not None:
        return "inverted"
    clause = subject_clause(view, first, last, cue, subject_end, tail)
    if clause is None:
        return "no_subject"
    return next((step.name for step in CLAUSE_RULES if step.applies(clause)), "none")


@dataclass(slots=True)
class Clause:
    """A verb cue with its subject: where the speaker is, and what follows the verb."""

    view: SentenceView
    first: int
    last: int
    cue: Cue
    region: list[Token]  # the words before the verb group, back to the clause's start
    tail: list[Token]  # the words after the cue, up to the next comma
    speaker: Span
    description: Span | None
    refers_to: Span | None
    relative: bool  # the subject opens a relative clause: "..., who said ..."
    quoted_before: bool  # the quotation before the speaker is what is reported
    forward: bool  # "that", a colon or a quotation after the cue
    _thing: Span | None = field(default=None, init=False, repr=False)
    _thing_found: bool = field(default=False, init=False, repr=False)
    _backward: bool | None = field(default=None, init=False, repr=False)

    @property
    def after(self) -> int:
        """The index of the token after the tail."""
        return self.last + 1 + len(self.tail)

    @property
    def settled(self) -> bool:
        """The content is neither forward, nor in a relative clause, nor a quotation before."""
        return not (self.forward or self.relative or self.quoted_before)

    @property
    def thing(self) -> Span | None:
        """ "criticized Clinton during a rally": the object of an attitude verb."""
        if not self._thing_found:
            if self.settled and adverbial(self.tail):
                self._thing = verb_object(self.view, self.tail, self.cue)
            self._thing_found = True
        return self._thing

    @property
    def interrupted(self) -> bool:
        """ "Even so, she said, the board must vote": a clause goes on after the tag's comma."""
        view, after = self.view, self.after
        return (
            after + 1 < len(view.tokens)
            and view.tokens[after].text == ","
            and not self.quoted_before
            and view.looks_like_clause(view.tokens[after + 1 :])
        )

    @property
    def backward(self) -> bool:
        """Whether the content comes before the speaker: "Talks stalled, he said Friday"."""
        if self._backward is None:
            self._backward = self.reports_backward()
        return self._backward

    def reports_backward(self) -> bool:
        view, tail, cue, speaker = self.view, self.tail, self.cue, self.speaker
        return (
            self.thing is None
            and not self.relative
            and not self.forward
            and (
                self.quoted_before
                or (
                    # "Talks stalled, he said Friday"; but "Now, he says, 40 delegates have
                    # signed on": an attitude or a decree does not report the clause before it
                    (cue.takes_that or cue.takes_quote)
                    and adverbial(tail)
                    and sets_scene(view, tail, speaker)
                )
                or told_after(view, tail, cue, speaker)
            )
            and view.has_text_before(speaker)
        )

    def make(
        self, content: list[Span], *, rule: str, last: int | None = None, plain: bool = False
    ) -> Statement | None:
        """The statement of this clause's speaker (without its apposition when `plain`)."""
        description, refers_to = (None, None) if plain else (self.description, self.refers_to)
        last = self.last if last is None else last
        return self.view.statement(
            self.cue, self.first, last, self.speaker, content, description, refers_to, rule=rule
        )


def subject_clause(
    view: SentenceView, first: int, last: int, cue: Cue, subject_end: int, tail: list[Token]
) -> Clause | None:
    """The clause of a verb cue, its speaker the subject before it; None when there is none."""
    region = view.region_before(subject_end)
    speaker, description, refers_to = speaker_before(view, region, subject_end)
    coordinated = coordinated_subject(view, subject_end)
    if coordinated is not None:
        speaker, description, refers_to = coordinated
    last_segment = split_segments(region)[-1]
    if (
        speaker is None
        and subject_end > 0
        and view.tokens[subject_end - 1].lower in {"and", "but"}
        and (all(t.lower in {"and", "but"} for t in last_segment) or view.verbish(last_segment[0]))
    ):
        # "The spokesman declined ... but said ...", "He called it lawful, and then said
        # ...", "Dana Ruiz, a retired pilot, joined the board and said ..."
        speaker = sentence_subject(view, first)
    if speaker is None and cue.verb_class == "neutral":
        # '“...,” said Ortiz, who said ...': a further report by the speaker before
        speaker, refers_to = relative_after_speaker(view, region)
    owner = coordinated_owner(view, speaker, subject_end)
    if owner is not None:
        # "Ruiz posted a photo of the road and said ...": the photo is what was posted, not
        # who spoke; the coordinated verb shares the subject of the statement before it
        speaker, description, refers_to = owner.speaker, owner.description, owner.refers_to
    if speaker is None or counted_noun(view, speaker, last):
        return None
    speaker = relative_subject(view, without_clitic(view, speaker))
    quoted_before = quotation_before(view, cue, tail, speaker)
    ahead = view.quote_follows(last + 1) or (
        forward_marker(view, tail, cue)
        and not (quoted_before and not that_follows(view, tail, cue))
    )
    relative = opens_relative(view, region)
    return Clause(
        view, first, last, cue, region, tail, speaker, description, refers_to, relative,
        quoted_before, ahead,
    )  # fmt: skip


def quotation_before(view: SentenceView, cue: Cue, tail: list[Token], speaker: Span) -> bool:
    """'“...,” he said.' takes the quotation before; but in '“...” He said he would ...' or
    'Asked on “Meet the Press,” he said he would ...' a clause follows: that is the content; and
    in '... called Roe “unhinged.” Doe called the plan “a mess.”' the sentence before ended with
    its own quotation, and this one has an object of its own."""
    return (
        view.quote_ends_before(speaker.start)
        and not view.quote_reported_before()
        and not (
            cue.lemma not in ADDRESSEE_VERBS
            and not adverbial(tail)
            and view.looks_like_clause(tail[:6])
            and not view.quote_opens_sentence(speaker.start)
        )
        and not (speaker.start == view.tokens[0].start and object_follows(view, tail, cue))
    )


# --- the clause rules, in the order CLAUSE_RULES tries them ---------------------------------------


def quotation_after_scene(clause: Clause) -> bool:
    """ "told the Courier, “...”", "said online, in reply to a critic, “...”": a quotation
    after the addressee or the scene and a comma."""
    return clause.settled and quotation_index(clause) is not None


def quotation_index(clause: Clause) -> int | None:
    """The index of the quotation after the scene, if any."""
    return quote_after_scene(clause.view, clause.last, clause.tail, clause.cue)


def quote_after_scene_rule(clause: Clause) -> Statement | None:
    """ "told the Courier, “...”", "said online, in reply to a critic, “...”": the quotation
    after the addressee or the scene."""
    index = quotation_index(clause)
    assert index is not None
    content = forward_content(clause.view, index, clause.cue, relative=False)
    return clause.make(content, rule="quote_after_scene")


def scene_then_clause(clause: Clause) -> bool:
    """ "said in a statement Friday they withdrew the offer": a clause after the scene, with no
    "that"."""
    return clause.settled and clause.cue.takes_that and scene_index(clause) is not None


def scene_index(clause: Clause) -> int | None:
    """Where the clause starts in the tail, after the scene, if it does."""
    return clause_after_scene_at(clause.view, clause.tail)


def clause_after_scene(clause: Clause) -> Statement | None:
    """ "said in a statement Friday they withdrew the offer": the clause after the scene."""
    index = scene_index(clause)
    assert index is not None
    content = forward_content(clause.view, clause.last + 1 + index, clause.cue, relative=False)
    return clause.make(content, rule="clause_after_scene")


def as_clause(clause: Clause) -> bool:
    """ "As Crane said, ...", "The deal collapsed, as Reuters reported"."""
    return adverbial(clause.tail) and after_as(clause.view, clause.region, clause.speaker)


def as_said(clause: Clause) -> Statement | None:
    """ "The deal collapsed, as Reuters reported": the content is the clause before; but
    "..., as Roe put it, “...”" frames the quotation after, and in "As Crane said, the two ...
    have become" the content follows the comma."""
    view = clause.view
    as_index = view.tokens.index(clause.region[0]) - 1
    if (
        as_index > 0
        and view.tokens[as_index - 1].text == ","
        # not "But, as we learned, ...": a leading connective is no clause
        and any(t.lower not in LEADING_ADVERBS for t in view.tokens[: as_index - 1])
        and not view.quote_follows(clause.last + 1)
    ):
        content = backward_content(view, view.tokens[as_index].start)
    else:
        content = forward_content(view, clause.after, clause.cue, relative=False)
    return clause.make(content, rule="as_said")


def has_object(clause: Clause) -> bool:
    """An attitude verb with an object: "criticized Clinton during a rally"."""
    return clause.thing is not None


def verb_object_rule(clause: Clause) -> Statement | None:
    """ "criticized Clinton during a rally", "did not answer calls from the Courier": an
    attitude toward a thing, which PolNeAR annotates with the object as content; in "responded
    to the report" the preposition joins the cue, as PolNeAR marks it."""
    thing, tail = clause.thing, clause.tail
    assert thing is not None
    if tail[0].lower not in PREPOSITIONS:
        return clause.make([thing], rule="object")
    if len(tail) < 2 or tail[1].start >= thing.end:
        return None  # "the change it warned about in its report": no object here
    thing = Span(tail[1].start, thing.end)
    return clause.make([thing], rule="object_of_preposition", last=clause.last + 1)


def nothing_after(clause: Clause) -> bool:
    """Only adverbials after the cue and no clause: "..., he said on Sunday."."""
    view, tail = clause.view, clause.tail
    return (
        not clause.backward
        and not clause.forward
        and not clause.relative
        and adverbial(tail)
        and not view.looks_like_clause(tail)
        and not predicate_after_aside(view, tail, clause.after)
    )


def complement_after_aside_rule(clause: Clause) -> Statement | None:
    """ "said, among other things, that ...": the clause after the aside; with none, nothing
    was said after the cue ("..., he said on Sunday.")."""
    that = complement_after_aside(clause.view, clause.after, clause.cue)
    if that is None:
        return None
    content = forward_content(clause.view, that, clause.cue, relative=False)
    return clause.make(content, rule="complement_after_aside")


def no_report(clause: Clause) -> bool:
    """ "raised $4 million", "continued the inspection", "found a job": the verb reports no
    statement with such an object."""
    view, tail, cue = clause.view, clause.tail, clause.cue
    if clause.backward or clause.forward:
        return False
    return (
        (cue.lemma == "raise" and sum_of_money(view, tail))
        or (
            cue.lemma in CONTINUATION_LEMMAS | CLAUSE_LEMMAS
            and (view.infinitive(tail) or not view.looks_like_clause(tail))
        )
        or (
            cue.lemma == "find"
            and not view.looks_like_clause(tail)
            and not is_document(view, clause.speaker)
        )
    )


def not_backward(clause: Clause) -> bool:
    """The content is not before the speaker: a clause, an object or a quotation follows."""
    return not clause.backward


def forward(clause: Clause) -> Statement | None:
    """ "Ryabkov said (that) no deal had been reached", "criticized the deal": a clause or an
    object after the cue (PolNeAR annotates both, since an attitude toward a thing is an
    attribution too); in an aside ("Smith, who backs the plan, said ...") it ends at the main
    verb."""
    segments = split_segments(clause.region)
    aside = len(segments) > 1 and len(segments[-1]) == 1 and segments[-1][0].lower in RELATIVES
    content = forward_content(
        clause.view, clause.last + 1, clause.cue, relative=clause.relative, aside=aside
    )
    return clause.make(content, rule="forward")


def backward_content_of(clause: Clause) -> list[Span]:
    """The content before the speaker; all of the clause before a final tag."""
    view, speaker = clause.view, clause.speaker
    return backward_content(view, speaker.start, outermost=ends_in_tag(view, speaker, clause.after))


def connective_then_complement(clause: Clause) -> bool:
    """ "And he refused, generally, to answer": only a connective before the tag."""
    view = clause.view
    complement = complement_after_aside(view, clause.after, clause.cue)
    return complement is not None and all(
        view.only_connectives(c) for c in backward_content_of(clause)
    )


def complement_after_connective(clause: Clause) -> Statement | None:
    """ "And he refused, generally, to answer", "But she said, again, that the levy would
    pass": a leading connective reports nothing; the complement after the aside does."""
    complement = complement_after_aside(clause.view, clause.after, clause.cue)
    assert complement is not None
    content = forward_content(clause.view, complement, clause.cue, relative=False)
    return clause.make(content, rule="complement_after_connective", plain=True)


def backward(clause: Clause) -> Statement | None:
    """ "Hundreds have gone missing, the UN said.", '“...,” Ryabkov said.': the content before
    the speaker; "Even so, she said, the board must vote": the tag interrupts the content."""
    view = clause.view
    content = backward_content_of(clause)
    if not clause.interrupted:
        return clause.make(content, rule="backward")
    rest = forward_content(view, clause.after + 1, clause.cue, relative=False)
    content = [c for c in content if view.more_than_adverbial(c)] + rest
    return clause.make(content, rule="interrupted")


def always(clause: Clause) -> bool:
    """The last step: whatever is left reports backward."""
    return True


# The verb rules once the subject is found, in order: the first that applies decides (a rule
# with no builder is a filter: no statement).
CLAUSE_RULES: tuple[Step[Clause], ...] = (
    Step("quote_after_scene", quotation_after_scene, quote_after_scene_rule),
    Step("clause_after_scene", scene_then_clause, clause_after_scene),
    Step("as_said", as_clause, as_said),
    Step("object", has_object, verb_object_rule),
    Step("complement_after_aside", nothing_after, complement_after_aside_rule),
    Step("no_report", no_report, None),
    Step("forward", not_backward, forward),
    Step("complement_after_connective", connective_then_complement, complement_after_connective),
    Step("backward", always, backward),
)
