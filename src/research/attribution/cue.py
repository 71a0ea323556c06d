"""One reading of a cue at its place in a sentence, with the neighbours the rule table asks about
(computed once, when first asked)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from research.attribution.view import SentenceView
from research.lexicons import Cue
from research.text import Token


@dataclass
class CueAt:
    """The cue `cue` read over tokens `first` to `last` (inclusive) of `view`."""

    view: SentenceView
    first: int
    last: int
    cue: Cue

    @property
    def args(self) -> tuple[SentenceView, int, int, Cue]:
        """(view, first, last, cue): the arguments every rule takes."""
        return self.view, self.first, self.last, self.cue

    @cached_property
    def before(self) -> Token | None:
        """The token right before the cue."""
        return self.view.tokens[self.first - 1] if self.first > 0 else None

    @cached_property
    def following(self) -> Token | None:
        """The token right after the cue."""
        tokens = self.view.tokens
        return tokens[self.last + 1] if self.last + 1 < len(tokens) else None

    @cached_property
    def progressive(self) -> bool:
        """ "is saying", "He’s predicting": an auxiliary before the cue."""
        return self.view.progressive(self.first)

    @cached_property
    def participle(self) -> bool:
        """An -ing form: "saying", "calling for"."""
        return self.cue.form.split()[0].endswith("ing")

    @cached_property
    def past_form(self) -> bool:
        """An -ed form: "said" is not one, "criticized" and "pledged" are."""
        return self.cue.form.endswith("ed")

    @cached_property
    def subject_end(self) -> int:
        """The index just after the subject, past auxiliaries: "Kerry has also said"."""
        return self.view.skip_auxiliaries_left(self.first)
