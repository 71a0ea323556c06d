"""Speech acts or every attribution: which statements a researcher counts.

PolNeAR (Newell, Margolin and Ruths 2018) counts as attributions beliefs, intentions, perceptions
and decisions ("Moscow wants a ceasefire", "the court ruled"), not only what was said. Many
studies of who gets to speak want speech alone. `speech` keeps a statement unless its cue's class
(the cue lexicon's `meta.classes`) reports a state of mind, a perception, a decision or an
appearance; a statement with no cue (a "NAME:" turn, a quotation paragraph continuing a turn)
quotes words and is kept.
"""

from __future__ import annotations

import pandas as pd

ATTRIBUTIONS = ("all", "speech")

# Cue classes that attribute something other than words: see cues.toml's meta.classes.
NOT_SPEECH = frozenset({"cognitive", "attitude", "perception", "decree", "raising"})

DESCRIPTIONS = {
    "all": "every attribution, as PolNeAR counts them: speech, beliefs, intentions, decisions",
    "speech": "speech acts only: statements whose cue reports words said or written "
    f"(cue classes other than {', '.join(sorted(NOT_SPEECH))})",
}


def is_speech(verb_class: str | None) -> bool:
    """Whether a statement with this cue class reports words (a missing class quotes words)."""
    return not verb_class or verb_class not in NOT_SPEECH


def check_attributions(attributions: str) -> str:
    if attributions not in ATTRIBUTIONS:
        raise ValueError(
            f"attributions must be one of {', '.join(ATTRIBUTIONS)}, not {attributions!r}"
        )
    return attributions


def keep_attributions(statements: pd.DataFrame, attributions: str) -> pd.DataFrame:
    """The statements a study counts: all of them, or the speech acts (by `verb_class`)."""
    if check_attributions(attributions) == "all":
        return statements
    kept = [is_speech(None if pd.isna(v) else str(v)) for v in statements["verb_class"]]
    return statements.loc[kept].reset_index(drop=True)
