"""The ordered rule table, applied to each cue of a sentence."""

from __future__ import annotations

from research.attribution.cue import CueAt
from research.attribution.rules import Step, first_step
from research.attribution.rules.filters import (
    after_determiner,
    comparison,
    modifier_after_preposition,
    name_given,
    noun_before_verb,
    noun_reading,
    part_of_name,
    participle_modifier,
    phrasal_verb,
    raising_infinitive,
    sight_or_fame,
)
from research.attribution.rules.nouns import noun_cue
from research.attribution.rules.participles import (
    infinitive,
    participle,
)
from research.attribution.rules.passives import asked, passive_at, passive_or_raising
from research.attribution.rules.sources import according_to, adverb_cue, in_document
from research.attribution.rules.verbs import deciding_clause_step, fronted_said, verb_cue
from research.attribution.statement import Statement, within
from research.attribution.view import SentenceView
from research.attribution.words import (
    PASSIVE,
)
from research.lexicons import Cue


def read_sentence(
    view: SentenceView, trace: list[tuple[str, str]] | None = None
) -> list[Statement]:
    """The statements of one sentence: a document that sources it ("in the latest poll"), then
    each cue's, by the table. `trace`, when given, collects (cue words, the deciding step's
    name) for each reading tried: why a cue made a statement or none."""
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
            if trace is not None:
                words = view.text[view.tokens[first].start : view.tokens[last].end]
                trace.append((words, deciding_step(view, first, last, cue)))
            if statement is not None:
                view.found.append(statement)
                break
    return view.found


def verb_reading(at: CueAt) -> Statement | None:
    """ "declined to comment", "did not respond to a request for comment": a refusal is an
    attribution of its verb, what was refused its content (as PolNeAR codes it)."""
    view = at.view
    for index in range(at.first, at.last + 1):
        readings = view.cues.cues.get(view.tokens[index].lower, ())
        verb = next((c for c in readings if c.kind == "verb"), None)
        if verb is not None:
            return attribute(view, index, index, verb)
    return None


def after_to(at: CueAt) -> bool:
    """ "tried to defend", "to say": an infinitive cue."""
    return at.before is not None and at.before.lower == "to" and not at.cue.form.endswith("ing")


def asked_at(at: CueAt) -> bool:
    """ "Asked about Sullivan, Feinstein said ...", "Ruiz was asked whether ..."."""
    before = at.before
    return at.cue.form == "asked" and (
        at.first == 0 or (before is not None and before.lower in {"when", "if"} | PASSIVE)
    )


def participle_at(at: CueAt) -> bool:
    """ "saying", "calling for" without an auxiliary before it: a participle, not "is saying"."""
    return at.participle and not at.progressive


def fronted_said_at(at: CueAt) -> bool:
    """ "Said Lena Reyes, who runs the diner, “...”": the sentence opens with "Said"."""
    view = at.view
    return at.first == 0 and view.tokens[0].text[0].isupper() and at.cue.lemma == "say"


def anything(at: CueAt) -> bool:
    """A step for every cue of its kind that reaches it."""
    return True


# The table, in the order it is tried: the first step that applies decides. Filters that hold for
# every kind of cue come first, then each kind's rules (a step with a `kind` is for the lexicon's
# cues of that kind only; a cue that no step decides makes no statement); for verbs, the filters
# that tell a noun or a modifier from the verb, then the constructions from the most to the least
# specific.
TABLE: tuple[Step[CueAt], ...] = (
    Step("part_of_name", part_of_name),
    Step("according_to", anything, lambda at: according_to(*at.args), kind="according_to"),
    Step("noun_cue", anything, lambda at: noun_cue(*at.args), kind="noun"),
    Step("adverb", anything, lambda at: adverb_cue(*at.args), kind="adverb"),
    Step("non_response", anything, verb_reading, kind="non_response"),
    Step("sight_or_fame", sight_or_fame, kind="verb"),
    Step("after_determiner", after_determiner, kind="verb"),
    Step("noun_reading", noun_reading, kind="verb"),
    Step("modifier_after_preposition", modifier_after_preposition, kind="verb"),
    Step("infinitive", after_to, infinitive, kind="verb"),
    Step("asked", asked_at, lambda at: asked(*at.args), kind="verb"),
    Step("participle_modifier", participle_modifier, kind="verb"),
    Step("phrasal_verb", phrasal_verb, kind="verb"),
    Step("noun_before_verb", noun_before_verb, kind="verb"),
    Step("comparison", comparison, kind="verb"),
    Step("name_given", name_given, kind="verb"),
    Step("participle", participle_at, participle, kind="verb"),
    Step("fronted_said", fronted_said_at, lambda at: fronted_said(*at.args), kind="verb"),
    Step("raising_infinitive", raising_infinitive, kind="verb"),
    Step(
        "passive_or_raising",
        passive_at,
        lambda at: passive_or_raising(*at.args, at.subject_end),
        kind="verb",
    ),
    Step("verb", anything, lambda at: verb_cue(*at.args, at.subject_end), kind="verb"),
)

# The table's steps for each kind of cue, in the table's order: what `attribute` tries.
_KINDS = {step.kind for step in TABLE if step.kind is not None}
STEPS_BY_KIND: dict[str | None, tuple[Step[CueAt], ...]] = {
    kind: tuple(step for step in TABLE if step.kind in (None, kind)) for kind in [*_KINDS, None]
}


def steps_for(cue: Cue) -> tuple[Step[CueAt], ...]:
    """The table's steps that can decide for a cue of its kind."""
    return STEPS_BY_KIND.get(cue.kind, STEPS_BY_KIND[None])


def attribute(view: SentenceView, first: int, last: int, cue: Cue) -> Statement | None:
    """The statement the cue `cue` over tokens `first` to `last` makes, by the first step of the
    table that applies to it."""
    return first_step(steps_for(cue), CueAt(view, first, last, cue))


def deciding_step(view: SentenceView, first: int, last: int, cue: Cue) -> str:
    """The name of the table's step that decides for the cue: a rule, or the filter rejecting it."""
    at = CueAt(view, first, last, cue)
    name = next((step.name for step in steps_for(cue) if step.applies(at)), "none")
    if name == "verb":  # which of the verb rules, once the subject is found
        return "verb/" + deciding_clause_step(view, first, last, cue, at.subject_end)
    return name
