"""Rejection filters: a cue word that is something else here (a noun, a name, a modifier)."""

from __future__ import annotations

from research.attribution.cue import CueAt
from research.attribution.view import SentenceView
from research.attribution.words import (
    ACRONYM,
    AUXILIARIES,
    CONTROL_VERBS,
    COUNT,
    FINITE,
    NOUN_FOLLOWERS,
    NOUN_MARKERS,
    PARTICLES,
    PASSIVE,
    PREPOSITIONS,
    QUANTIFIER_PRONOUNS,
    SEMI_MODALS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    VERB_GROUP,
    VIEW_LEMMAS,
    negation,
    pronoun_clitic,
)
from research.lexicons import Cue
from research.schema import Span
from research.text import RELATIVES, Token, is_boundary_punct, is_punct, tag_or_noun


def as_complement(view: SentenceView, index: int) -> bool:
    """Whether "that" follows token `index - 1`, or "as" within a short object: "saw that",
    "sees the race as", "seen as"; or a verb, past an object moved before it: "the one
    danger he sees is ..."."""
    if index < len(view.tokens) and view.tokens[index].lower in FINITE | {"that"}:
        return True
    for token in view.tokens[index : index + 10]:
        if token.lower == "as":
            return True
        if is_punct(token) or view.finite_verb(token):
            return False  # "saw the crowd, ...", "see that it was": the object ended
    return False


def modifies_subject(view: SentenceView, first: int, last: int) -> bool:
    """Whether a participle cue right after a noun is part of the subject of the verb that
    follows it, past a time or a named agent: "A poll released Sunday found ...", "emails
    released this week by Judicial Watch showed ..."."""
    before = view.tokens[first - 1] if first > 0 else None
    if before is None or tag_or_noun(before) not in {"NN", "NNS", "NNP"}:
        return False
    if before.lower in SUBJECT_PRONOUNS | TIME_WORDS:
        return False
    for token in view.tokens[last + 1 : last + 10]:
        if is_punct(token):
            return False
        if view.finite_verb(token):
            return token.lower not in AUXILIARIES  # "released Sunday found", not "... is"
        if token.lower not in TIME_WORDS | {"on", "by"} and not token.text[0].isupper():
            return False  # an object: "released a statement", "published the memo"
    return False


def controls(view: SentenceView, index: int) -> bool:
    """Whether the word at `index`, before an infinitive cue, shares its subject with it: a
    verb ("voted to endorse", "chose not to respond"), "has yet to", or an adjective after a
    form of "be" ("was reluctant to endorse"); not a noun ("a metaphor to describe"), a
    passive ("were used to decide"), a modal ("have to decide") or a cue of its own ("wants
    to", "seemed to"), which reports the infinitive itself."""
    token = view.tokens[index]
    if token.lower in CONTROL_VERBS or token.lower == "yet":
        return True
    if not token.text[0].islower() or token.lower in PASSIVE | SEMI_MODALS:
        return False
    if token.lower in view.cues.cues:
        return False
    tag = token.tag
    after_be = index > 0 and view.tokens[index - 1].lower in PASSIVE
    if tag in {"JJ", "VBN"}:
        return tag == "JJ" and after_be
    return tag.startswith("VB")


def in_name(view: SentenceView, first: int) -> bool:
    """Whether a cue word capitalized inside a sentence, next to another capitalized word, is
    part of a name ("the Cook Political Report"), in a sentence not written in title case."""
    token = view.tokens[first]
    if first == 0 or not token.text[0].isupper() or token.text.isupper():
        return False
    neighbours = view.tokens[first - 1 : first] + view.tokens[first + 1 : first + 2]
    if not any(t.text[0].isupper() and t.text[0].isalpha() for t in neighbours):
        return False
    return sum(t.text.islower() and len(t.text) > 3 for t in view.tokens) >= 3


def noun_homograph(view: SentenceView, before: Token, cue: Cue) -> bool:
    """Whether a cue that the tag lexicon reads first as a noun ("report", "show", "plans")
    is that noun: after an adjective ("a scathing report", "their own plans") or a
    preposition ("in favor of", "for fear of"); and, in its base form, after a singular noun
    or an acronym ("a radio show", "the AP report"), where a verb would agree ("AP reports")."""
    tag = view.tag_of(cue.form)
    if tag not in {"NN", "NNS"}:
        return False
    if before.lower in PREPOSITIONS - {"to"}:
        return True
    before_tag = before.tag if before.text.islower() else None
    adjective = before_tag in {"JJ", "JJR", "JJS"}  # "a scathing report", "less support"
    if adjective and before.lower not in QUANTIFIER_PRONOUNS | {"more", "fewer"}:
        return True
    return tag == "NN" and (before_tag == "NN" or ACRONYM.fullmatch(before.text) is not None)


def noun_by_neighbours(view: SentenceView, first: int, last: int, cue: Cue) -> bool:
    """Whether a cue that is also a singular noun ("support", "report", "hope") is that noun by
    its neighbours: the object of a verb before it ("drew support", "lost hope"), or followed
    by what no verb takes next ("support among voters", "the support is", "Latino support,").
    A plural ("plans") is a noun before a verb: "the tax plans would cost"."""
    following = view.tokens[last + 1] if last + 1 < len(view.tokens) else None
    if (
        first == last
        and view.tag_of(cue.form) == "NNS"
        and following is not None
        and view.finite_verb(following)
        and not pronoun_clitic(following)
    ):
        return True
    if first != last or view.tag_of(cue.form) != "NN":
        return False
    before = view.tokens[first - 1] if first > 0 else None
    if (
        before is not None
        and before.text[0].islower()
        and before.tag.startswith("VB")
        and before.lower not in AUXILIARIES | VERB_GROUP | FINITE
        and not negation(before)
    ):
        return True
    if not cue.takes_that and (
        following is None or is_boundary_punct(following) or following.text == "."
    ):
        # "with tepid Latino support, he faces": the verb would take an object, having no
        # clause before it to report ("..., records show" does)
        return True
    return following is not None and following.lower in NOUN_FOLLOWERS


def quantifier_subject(view: SentenceView, before: Token, cue: Cue) -> bool:
    """ "Some said ...": a quantifier before a cue that is only a verb is its subject; before
    a noun reading it is a determiner ("some claims")."""
    return before.lower in QUANTIFIER_PRONOUNS and view.tag_of(cue.form)[:2] == "VB"


def naming(view: SentenceView, first: int) -> bool:
    """ "a website called “...” that ...", "a group called the Free Voters said": "called"
    right after an indefinite noun phrase, before a name that nothing else follows (not "a
    senator called Trump a liar"), names something."""
    head = view.tokens[first - 1] if first > 0 else None
    if head is None or not head.text[0].islower() or tag_or_noun(head) not in {"NN", "NNS"}:
        return False
    for index in range(first - 2, max(first - 5, -1), -1):
        if view.tokens[index].lower in {"a", "an"}:
            break
        if is_punct(view.tokens[index]) or view.verbish(view.tokens[index]):
            return False
    else:
        return False
    index = first + 1
    if index < len(view.tokens) and view.tokens[index].lower == "the":
        index += 1
    quote = view.quote_at(view.tokens[index].start) if index < len(view.tokens) else None
    if quote is not None:
        index = next(
            (i for i, t in enumerate(view.tokens) if t.start >= quote.end), len(view.tokens)
        )
    elif index < len(view.tokens) and view.tokens[index].text[0].isupper():
        while index < len(view.tokens) and view.tokens[index].text[0].isupper():
            index += 1
    else:
        return False
    if index >= len(view.tokens):
        return True
    after = view.tokens[index]
    return is_punct(after) or after.lower in RELATIVES | {"that"} or view.verbish(after)


def counted_noun(view: SentenceView, speaker: Span, last: int) -> bool:
    """ "1,200 pledged votes", "5,000 views": a bare number before a cue form and a noun
    counts that noun; it is no poll's respondents ("42% say the levy is too high")."""
    following = view.tokens[last + 1] if last + 1 < len(view.tokens) else None
    return (
        following is not None
        and view.text[speaker.start : speaker.end].rstrip("%")[:1].isdigit()
        and " " not in view.text[speaker.start : speaker.end]
        and following.tag in {"NN", "NNS"}
    )


# --- the filters of the rule table: each says why a cue word reports nothing here -----------------


def part_of_name(at: CueAt) -> bool:
    """ "The Drudge Report", "Planned Parenthood", "his spokeswoman, Hope Hicks": a cue word
    capitalized inside a name."""
    return in_name(at.view, at.first)


def sight_or_fame(at: CueAt) -> bool:
    """ "saw the crowd", "a well-known figure": sight or fame, no view reported; but "sees the
    race as a referendum", "saw that the race was close", "is known for her candor"."""
    view, cue = at.view, at.cue
    perceived = cue.verb_class == "perception" and view.participle_only(cue)
    # "is known for her candor" reports a reputation, which PolNeAR marks like "known as"
    reputed = perceived and at.following is not None and at.following.lower == "for"
    return (cue.lemma in VIEW_LEMMAS or perceived) and not (
        reputed or as_complement(view, at.last + 1)
    )


def after_determiner(at: CueAt) -> bool:
    """ "Clinton's plans", "the claims": a noun after a determiner or an owner, not the verb;
    but "Some said ...", "Clinton's saying"."""
    before = at.before
    return before is not None and (
        (before.lower in NOUN_MARKERS and not quantifier_subject(at.view, before, at.cue))
        or (before.lower.endswith(("'s", "’s")) and not at.progressive)
    )


def noun_reading(at: CueAt) -> bool:
    """ "a radio show", "the AP report", "new plans", "in favor of"; "drew support from",
    "support among voters": the noun, by the words around it."""
    before = at.before
    if before is not None and noun_homograph(at.view, before, at.cue):
        return True
    return noun_by_neighbours(at.view, at.first, at.last, at.cue)


def modifier_after_preposition(at: CueAt) -> bool:
    """ "a tally of pledged delegates": a participle before a noun, no report; so too after a
    count: "leads by 271 pledged delegates"."""
    before, cue = at.before, at.cue
    if before is None or not at.past_form:
        return False
    return (
        before.lower in PREPOSITIONS - {"to"} and cue.verb_class != "distancing"
    ) or COUNT.fullmatch(before.text) is not None


def participle_modifier(at: CueAt) -> bool:
    """ "the corridor deal supported by both sides", "A poll released Sunday found ...": a
    participle that modifies a noun, not a report; but "were quickly derided by"."""
    if not at.past_form:
        return False
    auxiliary = at.view.word_before_adverbs(at.first)  # "were quickly derided by"
    by_agent = (
        at.following is not None
        and at.following.lower == "by"
        and (auxiliary is None or auxiliary.lower not in PASSIVE | VERB_GROUP)
    )
    return by_agent or modifies_subject(at.view, at.first, at.last)


def phrasal_verb(at: CueAt) -> bool:
    """ "showed up", "called off": a phrasal verb, not a report."""
    return at.following is not None and at.following.lower in PARTICLES


def noun_before_verb(at: CueAt) -> bool:
    """ "the congressional report said": the noun heads the next verb's subject."""
    following = at.following
    return (
        following is not None
        and at.view.tag_of(at.cue.form) in {"NN", "NNS"}
        and following.text[0].islower()
        and at.view.finite_verb(following)
        and not pronoun_clitic(following)
    )


def comparison(at: CueAt) -> bool:
    """ "31 percent, compared with 40 percent": figures side by side."""
    following = at.following
    return at.cue.lemma == "compare" and following is not None and following.lower in {"with", "to"}


def name_given(at: CueAt) -> bool:
    """ "a group called Free Voters": a name given, not a statement."""
    return at.cue.form == "called" and naming(at.view, at.first)


def raising_infinitive(at: CueAt) -> bool:
    """ "Cruz seemed to mock the plan": the subject is the source of "mock", not of "seemed"."""
    return at.cue.verb_class == "raising" and at.view.infinitive_cue(at.last + 1)
