"""One bad article does not lose the corpus: the one place that decides to skip it or to stop.

A record that cannot be read (`io`) and an article that cannot be analysed (`pipeline`) are each a
ResearchError naming the file, the line and the article. `skip` raises it under `strict`; otherwise
it warns a SkippedArticleWarning, which the command line lists at the end of the run. Where the
warning would be lost (a partition run on a Dask worker), `collecting()` keeps the skips instead,
for the caller to carry back and `replay` where the run is watched, in order.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from research.errors import ResearchError


class SkippedArticleWarning(UserWarning):
    """An article left out of the run (unreadable or failed): the message names it, its file and
    line, and the problem."""


# The skips of the partition being run in this thread, when they are to be carried back.
_collected: ContextVar[list[str] | None] = ContextVar("collected_skips", default=None)


def skip(
    error: ResearchError,
    *,
    strict: bool,
    cause: BaseException | None = None,
    stacklevel: int = 2,
) -> None:
    """Stop with `error` under `strict`; else say that its article is skipped. The warning points
    at the frame `stacklevel` above the caller's (2: whoever called the caller)."""
    if strict:
        raise error from cause
    message = f"{error}; skipped"
    collected = _collected.get()
    if collected is not None:
        collected.append(message)
    else:
        warnings.warn(message, SkippedArticleWarning, stacklevel=stacklevel + 1)


@contextmanager
def collecting() -> Iterator[list[str]]:
    """The skips within, kept in a list (in order) rather than warned."""
    collected: list[str] = []
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)


def replay(messages: Iterable[str]) -> None:
    """Warn the skips `collecting()` kept, here."""
    for message in messages:
        warnings.warn(message, SkippedArticleWarning, stacklevel=2)
