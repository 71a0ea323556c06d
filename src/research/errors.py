"""The one root of the errors this package raises on purpose.

Every error a user can fix (bad input, a bad lexicon, spec or parameter, an output that cannot be
written, a report that failed) is a `ResearchError`: it says where (`path`, and `line` when there is
one) and what (`problem`), and reads as one line `path:line: problem`. The command line catches this
one class; anything else is a bug. Subclasses keep the built-in base they had (InputError is also a
ValueError) so code that caught those still does.
"""

from __future__ import annotations

import os
from typing import Any


class ResearchError(Exception):
    """A problem the user can fix: where it is (`path`, `line`) and what it is (`problem`)."""

    def __init__(
        self,
        problem: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        """`path:line: problem`, as much of it as is known."""
        if self.path is None:
            return self.problem
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised on a Dask worker or in a pool process, it must cross back whatever its signature.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: type[ResearchError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ReportError(ResearchError, RuntimeError):
    """A report that could not be rendered; the message says why and where the partial output is."""


class ArticleError(ResearchError):
    """One article that could not be analysed: the run skips it (unless strict) and says so."""

    def __init__(self, path: str | os.PathLike[str], doc: str, problem: str) -> None:
        self.doc = doc
        super().__init__(f"article {doc!r}: {problem}", path=path)
