"""One reading of a cue at its place in a sentence, with the neighbours the rule table asks about
(each computed once, when first asked)."""

from __future__ import annotations

from research.attribution.view import SentenceView
from research.lexicons import Cue
from research.text import Token


class CueAt:
    """The cue `cue` read over tokens `first` to `last` (inclusive) of `view`."""

    __slots__ = (
        "_progressive", "_subject_end", "before", "cue", "first", "following", "last", "view"
    )  # fmt: skip

    def __init__(self, view: SentenceView, first: int, last: int, cue: Cue) -> None:
        self.view, self.first, self.last, self.cue = view, first, last, cue
        tokens = view.tokens
        self.before: Token | None = tokens[first - 1] if first > 0 else None  # the token before
        self.following: Token | None = tokens[last + 1] if last + 1 < len(tokens) else None
        self._progressive: bool | None = None
        self._subject_end: int | None = None

    @property
    def args(self) -> tuple[SentenceView, int, int, Cue]:
        """(view, first, last, cue): the arguments every rule takes."""
        return self.view, self.first, self.last, self.cue

    @property
    def progressive(self) -> bool:
        """ "is saying", "He’s predicting": an auxiliary before the cue."""
        if self._progressive is None:
            self._progressive = self.view.progressive(self.first)
        return self._progressive

    @property
    def participle(self) -> bool:
        """An -ing form: "saying", "calling for"."""
        return self.cue.form.split()[0].endswith("ing")

    @property
    def past_form(self) -> bool:
        """An -ed form: "said" is not one, "criticized" and "pledged" are."""
        return self.cue.form.endswith("ed")

    @property
    def subject_end(self) -> int:
        """The index just after the subject, past auxiliaries: "Kerry has also said"."""
        if self._subject_end is None:
            self._subject_end = self.view.skip_auxiliaries_left(self.first)
        return self._subject_end
