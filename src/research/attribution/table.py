"""The ordered rule table, applied to each cue of a sentence."""

from __future__ import annotations

from research.attribution.rules.filters import (
    as_complement,
    controls,
    in_name,
    modifies_subject,
    naming,
    noun_by_neighbours,
    noun_homograph,
    quantifier_subject,
)
from research.attribution.rules.nouns import noun_cue
from research.attribution.rules.participles import (
    infinitive_report,
    noun_participle,
    participial,
    reduced_relative,
)
from research.attribution.rules.passives import asked, passive_or_raising
from research.attribution.rules.sources import according_to, adverb_cue, in_document
from research.attribution.rules.verbs import fronted_said, verb_cue
from research.attribution.statement import Statement, within
from research.attribution.view import SentenceView
from research.attribution.words import (
    COUNT,
    HOLDING_PARTICIPLES,
    NOUN_MARKERS,
    PARTICIPLE_LINKS,
    PARTICLES,
    PASSIVE,
    PREPOSITIONS,
    SEMI_MODALS,
    VERB_GROUP,
    VIEW_LEMMAS,
    negation,
    pronoun_clitic,
)
from research.lexicons import Cue
from research.text import CLOSING_QUOTES


def read_sentence(view: SentenceView) -> list[Statement]:
    sourced = in_document(view)
    if sourced is not None:
        view.found.append(sourced)
    for first, last, readings in view.cue_matches():
        start = view.tokens[first].start
        if any(within(s.cue, start) or within(s.speaker, start) for s in view.found):
            # "issued a statement saying": the participle is in the noun's cue; "said the
            # manager known as Sam": the participle is in the speaker's name
            continue
        for cue in readings:  # "claims" is a noun cue or a verb: the first reading that fits
            statement = attribute(view, first, last, cue)
            if statement is not None:
                view.found.append(statement)
                break
    return view.found


def attribute(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    if in_name(view, first):
        return None  # "The Drudge Report", "Planned Parenthood", "his spokeswoman, Hope Hicks"
    if cue.kind == "according_to":
        return according_to(view, first, last, cue)
    if cue.kind == "noun":
        return noun_cue(view, first, last, cue)
    if cue.kind == "adverb":
        return adverb_cue(view, first, last, cue)
    if cue.kind == "non_response":
        # "declined to comment": a refusal is an attribution of its verb, what was refused
        # its content (as PolNeAR codes it)
        # its verb may follow an auxiliary: "did not respond to a request for comment"
        for index in range(first, last + 1):
            readings = view.cues.cues.get(view.tokens[index].lower, ())
            verb = next((c for c in readings if c.kind == "verb"), None)
            if verb is not None:
                return attribute(view, index, index, verb)
        return None
    if cue.kind != "verb":
        return None
    perceived = cue.verb_class == "perception" and view.participle_only(cue)
    # "is known for her candor" reports a reputation, which PolNeAR marks like "known as"
    reputed = perceived and last + 1 < len(view.tokens) and view.tokens[last + 1].lower == "for"
    if (cue.lemma in VIEW_LEMMAS or perceived) and not (reputed or as_complement(view, last + 1)):
        return None  # "saw the crowd", "a well-known figure": sight or fame, no view reported
    before = view.tokens[first - 1] if first > 0 else None
    progressive = view.progressive(first)
    if before is not None and (
        (before.lower in NOUN_MARKERS and not quantifier_subject(view, before, cue))
        or (before.lower.endswith(("'s", "’s")) and not progressive)
    ):
        return None  # "Clinton's plans", "the claims": a noun, not the verb
    if before is not None and noun_homograph(view, before, cue):
        return None  # "a radio show", "the AP report", "new plans", "in favor of": a noun
    if noun_by_neighbours(view, first, last, cue):
        return None  # "drew support from", "support among voters": a noun
    if (
        before is not None
        and before.lower in PREPOSITIONS - {"to"}
        and cue.form.endswith("ed")
        and cue.verb_class != "distancing"
    ):
        return None  # "a tally of pledged delegates": a participle before a noun, no report
    if before is not None and COUNT.fullmatch(before.text) and cue.form.endswith("ed"):
        return None  # "leads by 271 pledged delegates": a count, then a modifier
    if before is not None and before.lower == "to" and not cue.form.endswith("ing"):
        # "Okafor tried to defend the levy": the subject of "tried" is the source; but
        # "a metaphor to describe": an infinitive, nothing reported yet
        control = first - 2
        if control > 0 and view.tokens[control].lower == "on":
            control -= 1  # "went on to explain"
        while control > 0 and negation(view.tokens[control]):
            control -= 1  # "chose not to respond"
        if control < 0 or not controls(view, control):
            return infinitive_report(view, first, last, cue)
        return verb_cue(view, control, last, cue, view.skip_auxiliaries_left(control))
    if cue.form == "asked" and (
        first == 0 or (before is not None and before.lower in {"when", "if"} | PASSIVE)
    ):
        # "Asked about Sullivan, Feinstein said ...", "Ruiz was asked whether ..."
        return asked(view, first, last, cue)
    following = view.tokens[last + 1] if last + 1 < len(view.tokens) else None
    auxiliary = view.word_before_adverbs(first)  # "were quickly derided by"
    participle_modifier = (
        following is not None
        and following.lower == "by"
        and cue.form.endswith("ed")
        and (auxiliary is None or auxiliary.lower not in PASSIVE | VERB_GROUP)
    )
    if participle_modifier or (cue.form.endswith("ed") and modifies_subject(view, first, last)):
        return None  # "the corridor deal supported by both sides": a participle, not a report
    if following is not None and following.lower in PARTICLES:
        return None  # "showed up", "called off": a phrasal verb, not a report
    if (
        following is not None
        and view.tags.get(cue.form) in {"NN", "NNS"}
        and following.text[0].islower()
        and view.finite_verb(following)
        and not pronoun_clitic(following)
    ):
        return None  # "the congressional report said": the noun heads the next verb's subject
    if cue.lemma == "compare" and following is not None and following.lower in {"with", "to"}:
        return None  # "31 percent, compared with 40 percent": figures side by side
    if cue.form == "called" and naming(view, first):
        return None  # "a group called Free Voters": a name given, not a statement
    if cue.form.split()[0].endswith("ing") and not progressive:
        if before is not None and (
            before.text in {",", "–", "—", "--", "―", "-"}  # also "on the spot – saying"
            or before.text in CLOSING_QUOTES
            or before.lower in PARTICIPLE_LINKS
        ):
            return participial(view, first, last, cue)
        noun_phrase = noun_participle(view, first, last, cue)
        if noun_phrase is None and cue.lemma in HOLDING_PARTICIPLES:
            return reduced_relative(view, first, last, cue)
        return noun_phrase
    if first == 0 and view.tokens[0].text[0].isupper() and cue.lemma == "say":
        return fronted_said(view, first, last, cue)  # "Said Lena Reyes, who runs the diner, “...”"
    subject_end = view.skip_auxiliaries_left(first)
    auxiliaries = {t.lower for t in view.tokens[subject_end:first]}
    passive = not cue.form.split()[0].endswith("ing") and bool(auxiliaries & PASSIVE)
    if view.participle_only(cue) and not auxiliaries & SEMI_MODALS:
        passive = True  # "a group known as ...", "the letter, written by ...": no tense here
    if cue.verb_class == "raising" and view.infinitive_cue(last + 1):
        return None  # "Cruz seemed to mock the plan": the subject is the source of "mock"
    if passive or cue.verb_class == "raising":
        return passive_or_raising(view, first, last, cue, subject_end)
    return verb_cue(view, first, last, cue, subject_end)
