"""The attribution rules, one small function per construction, grouped by family: `filters`
(what is not a report), `verbs`, `passives`, `participles`, `nouns` and `sources`. Each
family's steps are applied in the order of a table (`research.attribution.table.TABLE`, and
`verbs.CLAUSE_RULES` once a verb's subject is found); the first step that applies decides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final, Generic, TypeVar

from research.attribution.statement import Statement

Context = TypeVar("Context")


class Step(Generic[Context]):
    """One entry of a rule table: when `applies` holds, `build` decides (its statement, or None
    for no statement); a step with no `build` is a rejection filter. A step with a `kind` is for
    the cue lexicon's cues of that kind only ("verb", "noun", "according_to", ...).

    A plain class with Final fields rather than a frozen dataclass: mypyc cannot compile a
    generic dataclass (mypyc/mypyc#827), and this module is in the compiled build."""

    __slots__ = ("applies", "build", "kind", "name")

    def __init__(
        self,
        name: str,
        applies: Callable[[Context], bool],
        build: Callable[[Context], Statement | None] | None = None,
        kind: str | None = None,
    ) -> None:
        self.name: Final = name
        self.applies: Final = applies
        self.build: Final = build
        self.kind: Final = kind

    def __repr__(self) -> str:
        return f"Step({self.name!r}, kind={self.kind!r})"


def first_step(steps: Sequence[Step[Context]], context: Context) -> Statement | None:
    """The decision of the first step that applies, or None when none does."""
    for step in steps:
        if step.applies(context):
            return None if step.build is None else step.build(context)
    return None
