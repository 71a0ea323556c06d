"""Every rule a statement can name in its `rule`, with the function that makes it: the index of
the attributor's constructions. Each function's docstring gives its example sentences; the order
in which they are tried is `table.TABLE` (and `rules.verbs.CLAUSE_RULES` for a verb's clause),
then the passes over a paragraph's quotations in `find_statements`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from research.attribution import quotes
from research.attribution.rules import nouns, participles, passives, sources, verbs

RULES: Mapping[str, Callable[..., Any]] = {
    # sources named without a verb
    "in_document": sources.in_document,
    "according_to_fronted": sources.according_to,
    "according_to_after": sources.according_to,
    "adverb": sources.adverb_cue,
    # noun cues
    "noun_cue_from": nouns.noun_cue,
    "owned_noun_that": nouns.owned_noun_cue,
    "owned_noun_infinitive": nouns.owned_noun_cue,
    "owned_noun_object": nouns.owned_noun_cue,
    "in_view": nouns.in_view,
    "stance_received": nouns.stance,
    "stance_about": nouns.stance,
    "issued_quote": nouns.issued,
    "issued_about": nouns.issued,
    "issued_saying": nouns.issued,
    # infinitives and participles
    "infinitive_object": participles.infinitive_report,
    "participle_subject": participles.participial,
    "participle_continues": participles.participial,
    "fronted_participle": participles.fronted_participle,
    "noun_participle": participles.noun_participle,
    "reduced_relative_clause": participles.reduced_relative,
    "reduced_relative_object": participles.reduced_relative,
    # passives, raising verbs and questions
    "asked": passives.asked,
    "asked_quote": passives.asked,
    "passive": passives.passive_or_raising,
    "raising": passives.passive_or_raising,
    "passive_subject": passives.passive_subject,
    # verbs with the speaker as subject, or inverted after them
    "fronted_said": verbs.fronted_said,
    "inverted": verbs.verb_cue,
    "quote_after_scene": verbs.quote_after_scene_rule,
    "clause_after_scene": verbs.clause_after_scene,
    "as_said": verbs.as_said,
    "object": verbs.verb_object_rule,
    "object_of_preposition": verbs.verb_object_rule,
    "complement_after_aside": verbs.complement_after_aside_rule,
    "forward": verbs.forward,
    "complement_after_connective": verbs.complement_after_connective,
    "backward": verbs.backward,
    "interrupted": verbs.backward,
    # quotations across a paragraph
    "speaker_label": quotes.speaker_label,
    "quote_label": quotes.quote_labels,
    "quote_tag": quotes.quote_tags,
    "quote_lead": quotes.quote_leads,
    "dash_credit": quotes.dash_credit,
}
