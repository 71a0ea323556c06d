"""Run the statement pipeline over a corpus partition by partition: with pandas here, or with Dask.

Both engines cut the corpus into the same partitions (`io.plan_partitions`, or slices of an
articles frame) and run the same partition function on each (`pipeline.extract_statements`, with
lexicons loaded once a process), so they give the same statements in the same order: article by
article as read (files in name order, records in file order), then statement by statement.

With Dask the partitions go through `dask.dataframe` (`from_map` reads each one where it runs,
`map_partitions` extracts its statements) on a `dask.distributed` cluster: a local cluster of
worker processes, or an existing scheduler whose workers see the same files and run the same
package versions. Results come back in order, a few partitions ahead, so memory stays flat.

An article skipped (a record that cannot be read, an article whose analysis fails; `research.skips`)
is kept with its partition's result (`DataFrame.attrs["skipped"]`) and warned about here, in order,
whichever engine ran it: a warning raised on a worker would never reach the run's end-of-run list.
"""

from __future__ import annotations

import functools
import logging
import os
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from research import io, pipeline, skips, speech
from research.schema import ARTICLES, STATEMENTS, empty_frame

ENGINES = ("pandas", "dask")

Source = Sequence[str | os.PathLike[str]] | pd.DataFrame
Partition = io.Partition | pd.DataFrame  # planned pieces of files, or a slice of a frame


@dataclass(frozen=True)
class Corpus:
    """A corpus cut into partitions, with its number of articles (for progress bars)."""

    partitions: Sequence[Partition]
    articles: int
    from_files: bool


@dataclass(frozen=True)
class Batch:
    """One partition's statements, and its articles (doc, path and, when asked for, text);
    `planned`: the records it was planned to hold, read or skipped (what a progress bar counts)."""

    articles: pd.DataFrame
    statements: pd.DataFrame
    planned: int


def plan(source: Source, *, batch_size: int = io.DEFAULT_BATCH_SIZE) -> Corpus:
    """Cut `source` (files and folders, or an articles frame) into partitions of `batch_size`."""
    if isinstance(source, pd.DataFrame):
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {batch_size}")
        slices = [source.iloc[i : i + batch_size] for i in range(0, len(source), batch_size)]
        return Corpus(slices, len(source), from_files=False)
    partitions = io.plan_partitions(source, batch_size=batch_size)
    return Corpus(partitions, sum(map(planned, partitions)), from_files=True)


def planned(partition: Partition) -> int:
    """The records `partition` was planned to hold, whether they are read or skipped."""
    return len(partition) if isinstance(partition, pd.DataFrame) else io.planned(partition)


def extract(
    source: Source | Corpus,
    *,
    engine: str = "pandas",
    lexicon: str | os.PathLike[str] | None = None,
    sentiment_backend: str = "textblob",
    batch_size: int = io.DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    scheduler: str | None = None,
    attributions: str = "all",
    strict: bool = False,
) -> pd.DataFrame:
    """Every statement in `source` with every score, as one statements frame.

    `engine="dask"` runs the partitions on a local cluster of `workers` processes (default: one a
    core), or on the cluster whose scheduler is at `scheduler` ("tcp://host:8786").
    """
    corpus = source if isinstance(source, Corpus) else plan(source, batch_size=batch_size)
    batches = iter_statements(
        corpus,
        engine=engine,
        lexicon=lexicon,
        sentiment_backend=sentiment_backend,
        workers=workers,
        scheduler=scheduler,
        with_text=False,
        attributions=attributions,
        strict=strict,
    )
    found = [batch.statements for batch in batches]
    return pd.concat(found, ignore_index=True) if found else empty_frame(STATEMENTS)


def iter_statements(
    corpus: Corpus,
    *,
    engine: str = "pandas",
    lexicon: str | os.PathLike[str] | None = None,
    sentiment_backend: str = "textblob",
    workers: int | None = None,
    scheduler: str | None = None,
    with_text: bool = True,
    strict: bool = False,
    attributions: str = "all",
) -> Iterator[Batch]:
    """The statements of `corpus`, partition by partition and in order, as they are found.

    `with_text=False` leaves the articles' text out of each batch: writing JSON Lines needs it (the
    spans carry their text), writing a table does not, and with Dask it would cross the network.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if engine == "pandas" and (workers is not None or scheduler is not None):
        raise ValueError("workers and scheduler are options of the dask engine")
    lexicon_path = str(Path(lexicon).resolve()) if lexicon is not None else None
    _lexicons(lexicon_path)  # a bad lexicon fails here, once, not on every worker
    extract_partition = functools.partial(
        _extract_partition,
        lexicon=lexicon_path,
        sentiment_backend=sentiment_backend,
        strict=strict,
        attributions=speech.check_attributions(attributions),
    )
    read_partition = functools.partial(_articles_of, strict=strict)
    columns = ["doc", "path", "text"] if with_text else ["doc", "path"]
    if engine == "pandas":
        results: Iterator[tuple[pd.DataFrame, pd.DataFrame]] = (
            (articles, extract_partition(articles))
            for articles in map(read_partition, corpus.partitions)
        )
    else:
        results = _run_dask(
            corpus,
            read_partition,
            extract_partition,
            columns=columns,
            workers=workers,
            scheduler=scheduler,
        )
    ids = io.UniqueIds()
    read = 0
    for partition, (articles, statements) in zip(corpus.partitions, results, strict=True):
        skips.replay(statements.attrs.pop("skipped", ()))
        articles.attrs.pop("skipped", None)
        if corpus.from_files:  # read_articles refuses an id used twice; so must a batched read
            ids.check(articles)
        read += len(articles)
        yield Batch(articles[[c for c in columns if c in articles]], statements, planned(partition))
    if corpus.from_files and corpus.articles and not read:
        raise io.nothing_read(sorted(corpus_files(corpus)))


# --- the partition function: the same in both engines ------------------------------------------


def _articles_of(partition: Partition, *, strict: bool = False) -> pd.DataFrame:
    """The partition's articles, with the records skipped in reading them (attrs["skipped"])."""
    if isinstance(partition, pd.DataFrame):
        return partition
    with skips.collecting() as skipped:
        articles = io.read_partition(partition, strict=strict)
    articles.attrs["skipped"] = skipped
    return articles


def corpus_files(corpus: Corpus) -> set[str]:
    """The files a planned corpus reads."""
    return io.partition_files(p for p in corpus.partitions if isinstance(p, tuple))


def _extract_partition(
    articles: pd.DataFrame,
    *,
    lexicon: str | None,
    sentiment_backend: str,
    strict: bool = False,
    attributions: str = "all",
) -> pd.DataFrame:
    """The partition's statements, with every article skipped in reading and analysing it
    (attrs["skipped"], in order)."""
    with skips.collecting() as skipped:
        statements = pipeline.extract_statements(
            articles,
            _lexicons(lexicon),
            sentiment_backend=sentiment_backend,
            strict=strict,
            attributions=attributions,
        )
    statements.attrs["skipped"] = [*articles.attrs.get("skipped", ()), *skipped]
    return statements


def _lexicons(path: str | None) -> pipeline.Lexicons:
    """This process's lexicons: loaded on first use, again only if the file has changed."""
    stamp = None
    if path is not None and Path(path).exists():
        status = Path(path).stat()
        stamp = (status.st_mtime_ns, status.st_size)
    return _load_lexicons(path, stamp)


@functools.lru_cache(maxsize=4)
def _load_lexicons(path: str | None, stamp: tuple[int, int] | None) -> pipeline.Lexicons:
    return pipeline.load_lexicons(parties_path=path)


# --- Dask ----------------------------------------------------------------------------------------


def _run_dask(
    corpus: Corpus,
    read_partition: Any,
    extract_partition: Any,
    *,
    columns: list[str],
    workers: int | None,
    scheduler: str | None,
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    import dask
    import dask.dataframe as dd

    if not corpus.partitions:
        return
    # Frames keep the schema's dtypes: no copying of every text into Arrow strings on the way.
    with dask.config.set({"dataframe.convert-string": False}):
        articles = dd.from_map(  # type: ignore[no-untyped-call]
            read_partition, list(corpus.partitions), meta=empty_frame(ARTICLES)
        )
        # not enforced: dask would swap an empty result for `meta`, and lose its skips
        statements = articles.map_partitions(
            extract_partition, meta=empty_frame(STATEMENTS), enforce_metadata=False
        )
        kept = articles[[c for c in columns if c in ARTICLES]]
    # Unoptimised graphs keep the read task shared: each partition is read once for both.
    pairs = zip(
        kept.to_delayed(optimize_graph=False),
        statements.to_delayed(optimize_graph=False),
        strict=True,
    )
    with _client(workers=workers, scheduler=scheduler) as client:
        # Enough partitions in flight to keep every worker busy while the next in order finishes.
        window = 2 * max(1, sum(client.nthreads().values()))
        pending: deque[Any] = deque()
        for pair in islice(pairs, window):
            pending.append(client.compute(list(pair), optimize_graph=False))
        while pending:
            futures = pending.popleft()
            frames = client.gather(futures)
            for future in futures:
                future.release()
            for pair in islice(pairs, 1):
                pending.append(client.compute(list(pair), optimize_graph=False))
            yield frames[0], frames[1]


@contextmanager
def _client(*, workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a local cluster of `workers` processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler is not None:
        if workers is not None:
            raise ValueError("workers starts a local cluster; with a scheduler, its workers run")
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    # Processes, one thread each: the pipeline is pure Python and would share one GIL in threads.
    # Without the workers' sampling profiler (for the dashboard, which a local run does not show):
    # every 10 ms it walks the stack of the running task, a few per cent of each worker's time.
    settings: dict[str, Any] = {"distributed.worker.profile.enabled": False}
    if _start_fork_server():
        settings["distributed.worker.multiprocessing-method"] = "forkserver"
    with (
        dask.config.set(settings),
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # A failed task reaches the client as its exception; the worker's log would repeat it.
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


# Modules a local worker needs, imported once by the fork server rather than by every worker.
_PRELOAD = ("distributed", "research.engines")


def _start_fork_server() -> bool:
    """Start the fork server that local workers are forked from, with the pipeline imported.

    A spawned worker starts a fresh interpreter, imports dask, pandas and the pipeline, and at
    exit tears them all down again: seconds a worker, each run. A worker forked from a server that
    imported them once starts in milliseconds and exits at once; unlike a plain fork, it inherits
    nothing of this process (its threads, open output, signal handlers). False where the platform
    has no fork server (Windows): workers are spawned there.
    """
    import multiprocessing
    from multiprocessing import forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    # Only the first start reads the list: a server already running (an earlier cluster in this
    # process) keeps what it imported.
    forkserver.set_forkserver_preload(list(_PRELOAD))
    forkserver.ensure_running()
    return True
