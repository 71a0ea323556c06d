"""Render many reports from one spec file, in parallel processes, going on past failures.

A spec (TOML, or YAML with the same keys) lists runs, each a report: its name, corpus and
parameters. A split turns one corpus into a run per outlet (or any articles column) or per month of
`published`, writing each part to `OUT/NAME/corpus.jsonl`, so that report's manifest hashes
exactly the articles it analysed. Paths are relative to the spec file.

    out = "reports/by-outlet"          # report folders go here (default: reports/)
    jobs = 2                           # reports rendered at once (default: one a core)

    [defaults]                         # every run's, unless the run sets its own
    lexicon = "my-parties.toml"
    parameters = { min_n = 10 }

    [[run]]
    name = "guardian"
    corpus = ["guardian/"]             # files or folders
    parameters = { min_n = 5 }         # merged over the defaults' parameters
    notebook = "my-report.ipynb"       # default: the framing report

    [[split]]
    corpus = ["all-outlets.jsonl"]
    by = "source"                      # or "month", "published", "title", ...
    name = "outlet-{value}"            # default: "{value}"

Each report renders in its own process (and papermill starts a kernel for it); a report that fails
is recorded, the others go on, and the outcomes list each failure with the path of its executed
notebook.
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import signal
import tempfile
import time
import tomllib
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from research import io, reports, skips
from research.errors import ReportError, ResearchError
from research.parameters import ParameterError, PlainLoader, check_plain, yaml_problem
from research.progress import progress_bar


class SpecError(ResearchError, ValueError):
    """A batch spec that cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str):
        super().__init__(problem, path=path)


@dataclass(frozen=True)
class Run:
    """One report to render."""

    name: str
    corpus: tuple[str, ...]
    lexicon: str | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    notebook: str | None = None


@dataclass(frozen=True)
class Split:
    """One corpus to render as a report per group of its articles."""

    corpus: tuple[str, ...]
    by: str
    name: str = "{value}"
    lexicon: str | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    notebook: str | None = None
    where: str = "split"  # the spec file and the split's number, for errors


@dataclass(frozen=True)
class Spec:
    path: Path
    out: Path
    jobs: int | None
    runs: tuple[Run, ...]
    splits: tuple[Split, ...]


@dataclass(frozen=True)
class Outcome:
    """What became of one run: its HTML, or why it failed."""

    name: str
    html: Path | None
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        return self.error is None


# --- the spec file -----------------------------------------------------------------------------

MONTH = "month"  # split by the month of `published`, as written (YYYY-MM)
SPLIT_COLUMNS = {"source", "published", "title", "url", "path", "doc", MONTH}
_ALIASES = {"outlet": "source"}
_TOP_KEYS = {"out", "jobs", "defaults", "run", "split"}
_RUN_KEYS = {"name", "corpus", "lexicon", "parameters", "notebook"}
_SPLIT_KEYS = {"corpus", "by", "name", "lexicon", "parameters", "notebook"}
_DEFAULT_KEYS = {"lexicon", "parameters", "notebook"}


def load_spec(path: str | os.PathLike[str]) -> Spec:
    """Read and check a spec file (.toml, .yaml or .yml); paths in it are made absolute."""
    path = Path(path)
    data = _read(path)
    _check_keys(path, "top level", data, _TOP_KEYS)
    base = path.resolve().parent
    defaults = _table(path, "defaults", data.get("defaults", {}))
    _check_keys(path, "defaults", defaults, _DEFAULT_KEYS)
    runs = []
    for number, entry in enumerate(_tables(path, "run", data.get("run", [])), start=1):
        where = f"run #{number}"
        _check_keys(path, where, entry, _RUN_KEYS)
        runs.append(
            Run(
                name=_name(path, where, entry.get("name")),
                corpus=_corpus(path, where, entry.get("corpus"), base),
                **_options(path, where, defaults, entry, base),
            )
        )
    splits = []
    for number, entry in enumerate(_tables(path, "split", data.get("split", [])), start=1):
        where = f"split #{number}"
        _check_keys(path, where, entry, _SPLIT_KEYS)
        by = _ALIASES.get(str(entry.get("by")), str(entry.get("by")))
        if by not in SPLIT_COLUMNS:
            known = ", ".join(sorted(SPLIT_COLUMNS | set(_ALIASES)))
            raise SpecError(path, f"{where}: cannot split by {entry.get('by')!r} (known: {known})")
        template = str(entry.get("name", "{value}"))
        if "{value}" not in template:
            raise SpecError(path, f"{where}: name {template!r} needs '{{value}}' in it")
        try:
            _name(path, where, template.format(value="x"))
        except (KeyError, IndexError, ValueError):
            raise SpecError(path, f"{where}: in a name, only {{value}} is replaced") from None
        splits.append(
            Split(
                corpus=_corpus(path, where, entry.get("corpus"), base),
                by=by,
                name=template,
                where=f"{path}: {where}",
                **_options(path, where, defaults, entry, base),
            )
        )
    if not runs and not splits:
        raise SpecError(path, "lists no [[run]] and no [[split]]")
    jobs = data.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise SpecError(path, f"jobs must be a whole number from 1, not {jobs!r}")
    out = base / str(data["out"]) if "out" in data else reports.DEFAULT_OUT
    return Spec(path, out, jobs, tuple(runs), tuple(splits))


def _read(path: Path) -> dict[str, Any]:
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml"):
        raise SpecError(path, "a batch spec is a .toml, .yaml or .yml file")
    try:
        text = io.read_settings_file(path, "spec").decode("utf-8")
    except FileNotFoundError:
        raise SpecError(path, "no such file") from None
    except OSError as error:
        raise SpecError(path, f"cannot be read ({io.os_reason(error)})") from None
    except UnicodeDecodeError:
        raise SpecError(path, "is not UTF-8") from None
    except ValueError as error:
        raise SpecError(path, str(error)) from None
    try:
        data = tomllib.loads(text) if suffix == ".toml" else yaml.load(text, Loader=PlainLoader)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as error:
        problem = yaml_problem(error) if isinstance(error, yaml.YAMLError) else str(error)
        raise SpecError(path, f"cannot be read ({' '.join(problem.split())})") from None
    try:  # plain data only (no TOML dates, no YAML anchors expanding without end)
        check_plain(data, where=str(path))
    except ParameterError as error:
        raise SpecError(path, error.problem.removeprefix(f"{path}: ")) from None
    return _table(path, "top level", data)


def _table(path: Path, where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SpecError(path, f"{where}: expected a table of keys and values")
    return value


def _tables(path: Path, key: str, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise SpecError(path, f"{key}: expected a list of tables ([[{key}]] in TOML)")
    return [_table(path, f"{key} #{number}", v) for number, v in enumerate(value, start=1)]


def _check_keys(path: Path, where: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed))
        raise SpecError(path, f"{where}: unknown key {unknown[0]!r} (known: {known})")


def _name(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value or _slug(value) != value:
        raise SpecError(
            path, f"{where}: name must be a folder name (letters, digits, '.', '_', '-')"
        )
    return value


def _corpus(path: Path, where: str, value: Any, base: Path) -> tuple[str, ...]:
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise SpecError(path, f"{where}: corpus must be a path or a list of paths")
    return tuple(str(base / v) for v in value)


def _options(
    path: Path, where: str, defaults: Mapping[str, Any], entry: Mapping[str, Any], base: Path
) -> dict[str, Any]:
    """lexicon, notebook (paths) and parameters (merged), from the entry over the defaults."""
    parameters = {
        **_table(path, "defaults parameters", defaults.get("parameters", {})),
        **_table(path, f"{where} parameters", entry.get("parameters", {})),
    }
    found: dict[str, Any] = {"parameters": parameters}
    for key in ("lexicon", "notebook"):
        value = entry.get(key, defaults.get(key))
        if value is not None and not isinstance(value, str):
            raise SpecError(path, f"{where}: {key} must be a path")
        found[key] = str(base / value) if value else None
    return found


def _slug(value: str) -> str:
    """A folder name for a group's value: "unknown" for articles without one."""
    if value == MISSING:
        return "unknown"
    return re.sub(r"[^\w.-]+", "-", value).strip("-.")[:100] or "none"


# --- splitting a corpus into parts ------------------------------------------------------------


def split_runs(
    split: Split, *, out: Path, batch_size: int = io.DEFAULT_BATCH_SIZE, quiet: bool = True
) -> list[Run]:
    """A run per group of the split's articles, each group written to `OUT/NAME/corpus.jsonl`.

    The corpus is read batch by batch and each batch's groups appended to their part, so memory
    stays flat; the parts are moved into place once all are written.
    """
    out.mkdir(parents=True, exist_ok=True)
    partitions = io.plan_partitions(split.corpus, batch_size=batch_size)
    total = sum(piece.count for partition in partitions for piece in partition)
    ids = io.UniqueIds()
    with (
        tempfile.TemporaryDirectory(dir=out, prefix=".split-") as staging,
        progress_bar(total=total, unit="article", description="splitting", quiet=quiet) as bar,
    ):
        parts: dict[str, Path] = {}
        values: dict[str, str] = {}  # folder name -> the group's value, which it must be alone
        for partition in partitions:
            articles = io.read_partition(partition)
            ids.check(articles)
            for value, group in articles.groupby(_groups(articles, split.by), sort=False):
                name = split.name.format(value=_slug(value))
                if values.setdefault(name, value) != value:
                    raise SpecError(
                        split.where,
                        f"{_group_label(split.by, values[name])} and "
                        f"{_group_label(split.by, value)} would both be written to the folder "
                        f"{name!r}; rename one in the corpus, or split by another column",
                    )
                part = parts.setdefault(name, Path(staging) / f"{len(parts)}.jsonl")
                with part.open("a", encoding="utf-8", newline="") as stream:
                    for record in _corpus_records(group):
                        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            bar.update(io.planned(partition))  # skipped records too
        if not parts:  # every record skipped: no group to report on
            raise io.nothing_read(split.corpus)
        runs = []
        for name, part in sorted(parts.items()):
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            shutil.move(part, folder / "corpus.jsonl")
            runs.append(
                Run(
                    name=name,
                    corpus=(str(folder / "corpus.jsonl"),),
                    lexicon=split.lexicon,
                    parameters=split.parameters,
                    notebook=split.notebook,
                )
            )
    return runs


MISSING = "\x00missing"  # the group of articles without a value (no text holds a NUL)


def _groups(articles: pd.DataFrame, by: str) -> pd.Series:
    if by == MONTH:
        return articles["published"].map(_month)
    return articles[by].map(lambda value: MISSING if _value(value) is None else str(value))


def _group_label(by: str, value: str) -> str:
    column = "published" if by == MONTH else by
    return f"the articles without a {column}" if value == MISSING else f"{by} {value!r}"


def _month(published: Any) -> str:
    """YYYY-MM of a date as written (no time zone shift), or MISSING."""
    if not isinstance(published, str):
        return MISSING
    found = re.match(r"\s*(\d{4})-(\d{2})", published)
    if found:
        return f"{found[1]}-{found[2]}"
    try:
        return pd.Timestamp(published).strftime("%Y-%m")
    except (ValueError, TypeError):
        return MISSING


def _corpus_records(articles: pd.DataFrame) -> list[dict[str, Any]]:
    """The articles as JSON Lines records that io reads back as the same articles; `origin` says
    where each was first read."""
    records = []
    for row in articles.to_dict("records"):
        record = {"id": row["doc"]}
        record.update({k: _value(row[k]) for k in ("title", "text", "source", "published", "url")})
        number = _value(row["record"])
        record["origin"] = f"{row['path']}:{number}" if number is not None else row["path"]
        records.append(record)
    return records


def _value(value: Any) -> Any:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


# --- rendering ---------------------------------------------------------------------------------


def run_spec(
    path: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    quiet: bool = False,
) -> list[Outcome]:
    """Render every report of the spec at `path`; `out` and `jobs` override the spec's."""
    spec = load_spec(path)
    folder = Path(out) if out is not None else spec.out
    runs = list(spec.runs)
    for split in spec.splits:
        runs.extend(split_runs(split, out=folder, quiet=quiet))
    names = [run.name for run in runs]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise SpecError(spec.path, f"two runs would write the report {repeated[0]!r}")
    return render_batch(runs, out=folder, jobs=jobs or spec.jobs, quiet=quiet)


def render_batch(
    runs: Sequence[Run],
    *,
    out: str | os.PathLike[str] = reports.DEFAULT_OUT,
    jobs: int | None = None,
    quiet: bool = False,
) -> list[Outcome]:
    """Render each run in a pool of `jobs` processes; the outcomes come back in the runs' order.

    Processes, not threads: each report runs its own kernel and renders figures, and a crash in
    one (a kernel dying, memory running out) cannot take the others down.
    """
    if not runs:
        return []
    jobs = min(jobs or os.cpu_count() or 1, len(runs))
    outcomes: dict[str, Outcome] = {}
    # spawn: a fresh interpreter a process, whatever threads this one runs (fork would copy them)
    context = multiprocessing.get_context("spawn")
    with (
        ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_terminate_as_interrupt
        ) as pool,
        progress_bar(total=len(runs), unit="report", description="rendering", quiet=quiet) as bar,
    ):
        futures: dict[Future[Rendered], Run] = {
            pool.submit(_render, run, str(out)): run for run in runs
        }
        try:
            for future in as_completed(futures):
                run = futures[future]
                outcomes[run.name] = _outcome(run, future)
                bar.update()
                failed = sum(not o.ok for o in outcomes.values())
                if failed:
                    bar.set_postfix(failed=failed)
        except BaseException:  # Ctrl-C or SIGTERM: the reports under way stop and clean up
            _stop(pool, futures)
            raise
    return [outcomes[run.name] for run in runs]


def _terminate_as_interrupt() -> None:
    """In a pool process: SIGTERM stops the report as Ctrl-C does, so that it cleans up (its
    staging folder, its kernel and the kernel's connection file)."""

    def interrupt(signum: int, frame: Any) -> None:
        # Once: a second SIGTERM must not stop the clean-up the first one started (SIGKILL does).
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        # The kernel client's pending tasks die with the run: not worth a traceback each.
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _stop(pool: ProcessPoolExecutor, futures: Mapping[Future[Any], Run]) -> None:
    """Cancel the runs not started and ask the running ones to stop (SIGTERM, handled as Ctrl-C)."""
    for future in futures:
        future.cancel()
    # The pool has no public way to signal its processes; `_processes` is its record of them.
    for process in list(getattr(pool, "_processes", {}).values()):
        with contextlib.suppress(OSError, ValueError):
            process.terminate()


# What a pool process sends back: the HTML's path, the seconds it took, and the articles its
# corpus check skipped (their warnings would not reach the end-of-run list from there).
Rendered = tuple[str, float, tuple[str, ...]]


def _render(run: Run, out: str) -> Rendered:
    """Render one run (in a pool process); any failure comes back as a ResearchError (each
    crosses processes whole), whatever raised it."""
    started = time.perf_counter()
    try:
        with skips.collecting() as skipped:
            html = reports.render_report(
                corpus=run.corpus,
                lexicon=run.lexicon,
                name=run.name,
                out=out,
                parameters=dict(run.parameters),
                notebook=run.notebook or reports.DEFAULT_NOTEBOOK,
            )
    except ResearchError:
        raise
    except Exception as error:  # whatever it was, it must cross back to the parent process
        # A file the OS refused names its path; anything else (a bug) its type.
        expected = isinstance(error, OSError)
        raise ReportError(str(error) if expected else f"{type(error).__name__}: {error}") from None
    return str(html), time.perf_counter() - started, tuple(skipped)


def _outcome(run: Run, future: Future[Rendered]) -> Outcome:
    try:
        html, seconds, skipped = future.result()
    except Exception as error:  # a ReportError, or the pool's own (a process that died)
        message = str(error) or type(error).__name__
        return Outcome(run.name, None, message, 0.0)
    skips.replay(skipped)
    return Outcome(run.name, Path(html), None, seconds)
