"""Rules for verb cues with the speaker as subject: forward, backward, inverted, "as X said", ..."""

from __future__ import annotations

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
    coordinated_owner,
    coordinated_subject,
    inverted_speaker,
    noun_phrase_after,
    opens_relative,
    relative_after_speaker,
    relative_subject,
    sentence_subject,
    speaker_before,
    without_clitic,
)
from research.attribution.rules.filters import counted_noun
from research.attribution.statement import Statement
from research.attribution.view import SentenceView
from research.attribution.words import (
    ADDRESSEE_VERBS,
    CLAUSE_LEMMAS,
    CONTINUATION_LEMMAS,
    LEADING_ADVERBS,
    PREPOSITIONS,
    RELATIVES,
    adverbial,
    split_segments,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import OPENING_QUOTES


def fronted_said(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
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
    region = view.region_before(subject_end)
    tail = view.tail(last + 1)
    inverted = inverted_speaker(view, first, last, tail, cue)
    if inverted is not None:
        # "“...,” said Ryabkov" / "..., said Steven Taylor, a chairman ...": speaker after the verb
        content = backward_content(view, view.tokens[first].start)
        return view.statement(cue, first, last, inverted, content, rule="inverted")
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
    relative = opens_relative(view, region)
    # '“...,” he said.' takes the quotation before; but in '“...” He said he would ...' or
    # 'Asked on “Meet the Press,” he said he would ...' a clause follows: that is the content
    quoted_before = (
        view.quote_ends_before(speaker.start)
        and not view.quote_reported_before()
        and not (
            cue.lemma not in ADDRESSEE_VERBS
            and not adverbial(tail)
            and view.looks_like_clause(tail[:6])
            and not view.quote_opens_sentence(speaker.start)
        )
        # '... called Roe “unhinged.” Doe called the plan “a mess.”': the sentence before
        # ended with its own quotation; this one has an object of its own
        and not (speaker.start == view.tokens[0].start and object_follows(view, tail, cue))
    )
    forward = view.quote_follows(last + 1) or (
        forward_marker(view, tail, cue)
        and not (quoted_before and not that_follows(view, tail, cue))
    )
    quote = (
        None if forward or relative or quoted_before else quote_after_scene(view, last, tail, cue)
    )
    if quote is not None:
        # "told the Courier, “...”", "said online, in reply to a critic, “...”"
        content = forward_content(view, quote, cue, relative=False)
        return view.statement(
            cue, first, last, speaker, content, description, refers_to, rule="quote_after_scene"
        )
    scene = (
        None
        if forward or relative or quoted_before or not cue.takes_that
        else clause_after_scene_at(view, tail)
    )
    if scene is not None:
        # "said in a statement Friday they withdrew the offer": the clause after the scene
        content = forward_content(view, last + 1 + scene, cue, relative=False)
        return view.statement(
            cue,
            first,
            last,
            speaker,
            content,
            description,
            refers_to,
            rule="clause_after_scene",
        )
    if adverbial(tail) and after_as(view, region, speaker):
        as_index = view.tokens.index(region[0]) - 1
        if (
            as_index > 0
            and view.tokens[as_index - 1].text == ","
            # not "But, as we learned, ...": a leading connective is no clause
            and any(t.lower not in LEADING_ADVERBS for t in view.tokens[: as_index - 1])
            and not view.quote_follows(last + 1)
        ):
            # "The deal collapsed, as Reuters reported": the content is the clause before;
            # but "..., as Roe put it, “...”" frames the quotation after
            content = backward_content(view, view.tokens[as_index].start)
        else:
            # "As Crane said, the two ... have become": the content follows the comma.
            content = forward_content(view, last + 1 + len(tail), cue, relative=False)
        return view.statement(
            cue, first, last, speaker, content, description, refers_to, rule="as_said"
        )
    # "criticized Clinton during a rally", "did not answer calls from the Courier": an
    # attitude toward a thing, which PolNeAR annotates with the object as content
    thing = (
        None
        if forward or relative or quoted_before or not adverbial(tail)
        else verb_object(view, tail, cue)
    )
    after = last + 1 + len(tail)
    interrupted = (
        after + 1 < len(view.tokens)
        and view.tokens[after].text == ","
        and not quoted_before
        and view.looks_like_clause(view.tokens[after + 1 :])
    )
    backward = (
        thing is None
        and not relative
        and not forward
        and (
            quoted_before
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
    if not backward:
        if thing is not None:
            if tail[0].lower in PREPOSITIONS:
                if len(tail) < 2 or tail[1].start >= thing.end:
                    return None  # "the change it warned about in its report": no object here
                # "responded to the report": the preposition joins the cue, as PolNeAR marks it
                thing = Span(tail[1].start, thing.end)
                return view.statement(
                    cue,
                    first,
                    last + 1,
                    speaker,
                    [thing],
                    description,
                    refers_to,
                    rule="object_of_preposition",
                )
            return view.statement(
                cue, first, last, speaker, [thing], description, refers_to, rule="object"
            )
        if (
            not forward
            and not relative
            and adverbial(tail)
            and not view.looks_like_clause(tail)
            and not predicate_after_aside(view, tail, after)
        ):
            that = complement_after_aside(view, after, cue)
            if that is None:
                return None  # nothing said after the cue: "..., he said on Sunday."
            # "said, among other things, that ...": the clause after the aside
            content = forward_content(view, that, cue, relative=False)
            return view.statement(
                cue,
                first,
                last,
                speaker,
                content,
                description,
                refers_to,
                rule="complement_after_aside",
            )
        if not forward and (
            (cue.lemma == "raise" and sum_of_money(view, tail))
            or (
                cue.lemma in CONTINUATION_LEMMAS | CLAUSE_LEMMAS
                and (view.infinitive(tail) or not view.looks_like_clause(tail))
            )
            or (
                cue.lemma == "find"
                and not view.looks_like_clause(tail)
                and not is_document(view, speaker)
            )
        ):
            # "raised $4 million", "continued the inspection", "found a job": no statement
            return None
        # a clause ("said no deal was near") or an object ("criticized the deal"): PolNeAR
        # annotates both, since an attitude toward a thing is an attribution too
        segments = split_segments(region)
        aside = len(segments) > 1 and len(segments[-1]) == 1 and segments[-1][0].lower in RELATIVES
        content = forward_content(view, last + 1, cue, relative=relative, aside=aside)
        return view.statement(
            cue, first, last, speaker, content, description, refers_to, rule="forward"
        )
    content = backward_content(view, speaker.start, outermost=ends_in_tag(view, speaker, after))
    complement = complement_after_aside(view, after, cue)
    if complement is not None and all(view.only_connectives(c) for c in content):
        # "And he refused, generally, to answer": a leading connective reports nothing
        return view.statement(
            cue,
            first,
            last,
            speaker,
            forward_content(view, complement, cue, relative=False),
            rule="complement_after_connective",
        )
    if interrupted:
        # "Even so, she said, the board must vote": the tag interrupts the content
        rest = forward_content(view, after + 1, cue, relative=False)
        content = [c for c in content if view.more_than_adverbial(c)] + rest
    return view.statement(
        cue,
        first,
        last,
        speaker,
        content,
        description,
        refers_to,
        rule="interrupted" if interrupted else "backward",
    )
