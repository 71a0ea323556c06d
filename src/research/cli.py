"""The `research` command: thin wrappers that parse, call the package, and print.

Built on click (a maintained, typed CLI library) for sub-commands, repeatable options and clear
usage errors.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import click
import pandas as pd

from research import batch, engines, io, pipeline, reports, sentiment, skips, speech
from research.errors import ResearchError
from research.lexicons import LexiconWarning
from research.parameters import ParameterError, load_yaml
from research.progress import progress_bar


class _Failure(click.ClickException):
    """An expected failure: one line on stderr, exit code 1, no traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.splitlines()))  # one line, whatever a library said

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", file=file, err=file is None)


# Every error the package raises on purpose (research.errors), and a file the OS would not read or
# write: the user's to fix. Caught once, in `_Main.invoke`; anything else is a bug.
_EXPECTED = (ResearchError, OSError)


def _describe(error: Exception) -> str:
    """The error as `<path>: <problem>`: an OSError's own text is `[Errno 13] ...: 'path'`."""
    if isinstance(error, OSError) and error.filename is not None and error.strerror:
        return f"{error.filename}: {error.strerror[:1].lower()}{error.strerror[1:]}"
    return str(error)


class _Main(click.Group):
    """The group: any error is one line `error: <path>[:line]: problem` on stderr (exit code 1;
    2 for a usage error), with the traceback only under --debug; warnings about the input (a file
    read as cp1252) are one line `warning: ...` each, the articles skipped listed at the end.
    SIGTERM is Ctrl-C."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        skipped: list[str] = []
        with warnings.catch_warnings(), _terminate_as_interrupt():
            for category in _INPUT_WARNINGS:  # each file's once: it is read once
                warnings.simplefilter("always", category)
            warnings.showwarning = _warning_printer(warnings.showwarning, skipped)
            try:
                result = super().invoke(ctx)
                _sum_up(skipped)
                return result
            except (click.ClickException, click.exceptions.Exit, click.Abort):
                _sum_up(skipped)
                raise
            except BrokenPipeError:  # `research statements | head`: the reader has what it wanted
                _silence_stdout()
                ctx.exit(1)
            except Exception as error:
                _sum_up(skipped)  # what was skipped before, e.g. every record of the corpus
                if debug:
                    raise
                if isinstance(error, _EXPECTED):
                    raise _Failure(_describe(error)) from None
                raise _Failure(
                    f"unexpected {type(error).__name__}: {error} "
                    "(a bug: rerun with --debug for the traceback, and report it)"
                ) from None


# Warnings about the input, each one line `warning: ...`: a file decoded as cp1252, a file skipped,
# a lexicon term written twice; an article skipped is listed at the end.
_INPUT_WARNINGS = (
    io.DecodingWarning,
    io.SkippedFileWarning,
    LexiconWarning,
    skips.SkippedArticleWarning,
)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (`kill`, a scheduler's time limit) stops the command as Ctrl-C does, so that the
    same clean-up runs: no temporary file, hidden notebook or kernel connection file is left."""

    def interrupt(signum: int, frame: Any) -> None:
        # Once: a second SIGTERM must not stop the clean-up the first one started (SIGKILL does).
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        # The kernel client's pending tasks die with the run: not worth a traceback each.
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _sum_up(skipped: Sequence[str]) -> None:
    if skipped:
        click.echo(
            f"warning: {len(skipped)} article(s) skipped (--strict stops instead):", err=True
        )
        for message in skipped:
            click.echo(f"  {message}", err=True)


def _warning_printer(original: Callable[..., None], skipped: list[str]) -> Callable[..., None]:
    shown: set[str] = set()

    def show(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
        if not issubclass(category, _INPUT_WARNINGS):
            original(message, category, *args, **kwargs)
        elif issubclass(category, skips.SkippedArticleWarning):
            skipped.append(str(message))
        elif str(message) not in shown:
            shown.add(str(message))
            click.echo(f"warning: {message}", err=True)

    return show


# Every command that reads a corpus takes it: a bad record or article is skipped and listed at the end.
_STRICT = click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first article that cannot be read or analysed "
    "[default: skip it, list it at the end].",
)


def _silence_stdout() -> None:
    # Python's advice for SIGPIPE: point stdout at devnull so the interpreter's final flush is quiet
    # (a test runner's stdout has no file descriptor: then there is nothing to do).
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@click.group(cls=_Main)
@click.version_option(package_name="research")
@click.option("--debug", is_flag=True, help="On an error, show the full traceback.")
def main(debug: bool) -> None:
    """Compare how each party in a news story is framed."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(io.FORMATS),
    help="Output format [default: from -o's suffix (.parquet, .csv), else jsonl].",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout."
)
@click.option(
    "--lexicon",
    type=click.Path(path_type=Path),
    help="A party lexicon (TOML) to add to the default.",
)
@click.option(
    "--sentiment",
    "sentiment_backend",
    type=click.Choice(sorted(sentiment.BACKENDS)),
    default="textblob",
    show_default=True,
    help="The sentiment backend that scores polarity and subjectivity.",
)
@click.option(
    "--engine",
    type=click.Choice(engines.ENGINES),
    default="pandas",
    show_default=True,
    help="pandas: in this process; dask: on a local cluster, or the one at --scheduler.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Dask: worker processes of the local cluster [default: one a core].",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask: the scheduler of a running cluster, e.g. tcp://10.0.0.5:8786.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=io.DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Articles a partition: read, analysed and written together.",
)
@_STRICT
@click.option(
    "--attributions",
    type=click.Choice(speech.ATTRIBUTIONS),
    default="all",
    show_default=True,
    help="all: every attribution, as PolNeAR codes them (beliefs, intentions, decisions too); "
    "speech: only statements whose cue is a speech act.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def statements(
    paths: tuple[Path, ...],
    format_: str | None,
    output: Path | None,
    lexicon: Path | None,
    sentiment_backend: str,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    batch_size: int,
    strict: bool,
    attributions: str,
    quiet: bool,
) -> None:
    """Find every statement in PATHS (files or folders; default: the bundled corpus).

    The corpus is read, analysed and written a batch of articles at a time, so memory stays flat
    however large it is; with -o the file appears only once complete.
    """
    if engine == "pandas" and (workers is not None or scheduler is not None):
        raise click.UsageError("--workers and --scheduler are options of --engine dask")
    if workers is not None and scheduler is not None:
        raise click.UsageError("--workers starts a local cluster; give it or --scheduler")
    format_ = format_ or io.format_for(output)
    if output is None and format_ == "parquet" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give -o FILE, or redirect stdout to a file")
    lexicon = lexicon.resolve() if lexicon is not None else None  # as the engine names it
    pipeline.load_lexicons(parties_path=lexicon)  # a bad lexicon fails before the corpus
    corpus = engines.plan(paths or reports.DEFAULT_CORPUS, batch_size=batch_size)
    if output is not None:
        io.refuse_overwriting_inputs(output, [*engines.corpus_files(corpus), lexicon])
    target = output if output is not None else sys.stdout
    if output is None and format_ == "parquet":
        target = sys.stdout.buffer
    found, read = _write_statements(
        corpus,
        target,
        format=format_,
        quiet=quiet,
        engine=engine,
        lexicon=lexicon,
        sentiment_backend=sentiment_backend,
        workers=workers,
        scheduler=scheduler,
        strict=strict,
        attributions=attributions,
    )
    if output is not None:
        click.echo(f"{found} statements from {read} articles -> {output}", err=True)


def _write_statements(
    corpus: engines.Corpus,
    target: Path | IO[Any],
    *,
    format: str,
    quiet: bool,
    **options: Any,
) -> tuple[int, int]:
    """Write each batch's statements as it comes, with a bar of articles done; the number of
    statements, and of articles read (a record that could not be read is not one)."""
    found = read = 0
    with (
        io.statement_writer(target, format=format) as sink,
        progress_bar(
            total=corpus.articles, unit="article", description="statements", quiet=quiet
        ) as bar,
    ):
        for batch in engines.iter_statements(corpus, with_text=format == "jsonl", **options):
            sink.write(batch.statements, batch.articles)
            found += len(batch.statements)
            read += len(batch.articles)
            bar.update(batch.planned)
    return found, read


@main.command()
@click.option(
    "--corpus",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Files or folders (repeatable).",
)
@click.option(
    "--lexicon",
    type=click.Path(path_type=Path),
    help="A party lexicon (TOML) to add to the default.",
)
@click.option(
    "--notebook",
    default=reports.DEFAULT_NOTEBOOK.stem,
    show_default=True,
    help="A notebook in notebooks/ by name (framing_report, outlet_comparison) or a path.",
)
@click.option(
    "--name", help="The report's folder name [default: 'default', or the notebook's name]."
)
@click.option(
    "--out", type=click.Path(path_type=Path), default=reports.DEFAULT_OUT, show_default=True
)
@click.option("-p", "--parameter", "parameters", multiple=True, nargs=2, metavar="NAME VALUE",
              help="A notebook parameter (repeatable); VALUE is read as YAML, so 5 is a number.")  # fmt: skip
@click.option(
    "--code",
    is_flag=True,
    help="Show the code cells in the HTML too [default: only their output, for sharing].",
)
@_STRICT
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def report(
    corpus: tuple[Path, ...],
    lexicon: Path | None,
    notebook: str,
    name: str | None,
    out: Path,
    parameters: tuple[tuple[str, str], ...],
    code: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Render a report notebook into OUT/NAME/ (notebook, HTML, manifest).

    The HTML is self-contained (it loads nothing from the network) and safe to share: corpus text
    is escaped and a Content-Security-Policy lets no script run."""
    path = _notebook_path(notebook)
    values = {}
    for key, value in parameters:
        if key in values:
            raise click.BadParameter(f"{key} given twice", param_hint="-p")
        try:  # a value that is not plain data is a usage error, as one that is not YAML
            values[key] = load_yaml(value, where=f"{key} {value[:60]!r}")
        except ParameterError as error:
            raise click.BadParameter(str(error), param_hint="-p") from None
    html = reports.render_report(
        corpus=corpus or None,
        lexicon=lexicon,
        name=name or ("default" if path == reports.DEFAULT_NOTEBOOK else path.stem),
        out=out,
        parameters=values,
        notebook=path,
        progress=not quiet and sys.stderr.isatty(),
        code=code,
        strict=strict,
    )
    click.echo(f"report written: {html}")


def _notebook_path(notebook: str) -> Path:
    """A notebook given by name ("outlet_comparison") or by path."""
    given = Path(notebook)
    if given.suffix == ".ipynb":
        if not given.is_file():
            raise _Failure(f"{given}: no such notebook")
        return given
    path = reports.NOTEBOOKS / f"{notebook}.ipynb"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in reports.NOTEBOOKS.glob("*.ipynb")))
        raise _Failure(f"unknown notebook {notebook!r} (known: {known})")
    return path


@main.command(name="batch")
@click.argument("spec", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Report folders go here [default: the spec's `out`, else reports/].",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Reports rendered at once [default: the spec's `jobs`, else one a core].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def batch_command(spec: Path, out: Path | None, jobs: int | None, quiet: bool) -> None:
    """Render every report a SPEC file (TOML or YAML) lists, in parallel processes.

    A failing report does not stop the others; the failures are listed at the end, each with
    where its executed notebook is, and the exit code is 1.
    """
    outcomes = batch.run_spec(spec, out=out, jobs=jobs, quiet=quiet)
    for outcome in outcomes:
        if outcome.ok:
            click.echo(f"report written: {outcome.html}")
    failed = [outcome for outcome in outcomes if not outcome.ok]
    if failed:
        click.echo(f"{len(failed)} of {len(outcomes)} reports failed:", err=True)
        for outcome in failed:
            click.echo(f"  {outcome.name}: {outcome.error}", err=True)
        raise click.exceptions.Exit(1)


@main.command(name="evaluate")
@click.option(
    "--gold",
    required=True,
    type=click.Path(path_type=Path),
    help="Gold annotations in brat standoff: GOLD/text/*.txt and GOLD/attributions/*.ann.",
)
@click.option(
    "--pred",
    required=True,
    type=click.Path(path_type=Path),
    help="Statements as JSON Lines (`research statements GOLD/text -o FILE.jsonl`).",
)
@click.option(
    "--errors",
    type=click.Path(path_type=Path),
    help="Write missed and spurious statements here (CSV).",
)
@click.option(
    "--hull",
    is_flag=True,
    help="Compare discontinuous spans by their hull instead of fragment by fragment.",
)
@click.option(
    "--outer-only",
    is_flag=True,
    help="Leave out statements reported inside another's content (`nested`), for gold coded one "
    "level deep, as PolNeAR is.",
)
@click.option(
    "--speakers",
    is_flag=True,
    help="Also score the entity and party of each speaker, against gold notes "
    "'entity=...; party=...' on its Source spans, and direct-quote recall.",
)
def evaluate_command(
    gold: Path, pred: Path, errors: Path | None, hull: bool, outer_only: bool, speakers: bool
) -> None:
    """Score statements against hand-coded gold: precision, recall and F1 per role."""
    from research import evaluate as scoring

    if errors is not None:
        io.refuse_overwriting_inputs(errors, [gold, pred])
    result = scoring.evaluate_statements(
        scoring.read_brat_corpus(gold),
        scoring.read_predictions(pred),
        discontinuous="hull" if hull else "fragments",
        outer_only=outer_only,
    )
    click.echo(scoring.format_report(result))
    if speakers:
        from research import evaluate_speakers

        scores = evaluate_speakers.evaluate_speakers(gold, evaluate_speakers.read_records(pred))
        click.echo("\n" + evaluate_speakers.format_speaker_report(scores))
    if errors is not None:
        with io.atomic_write(errors) as stream:
            result.errors.to_csv(stream, index=False)
        click.echo(f"{len(result.errors)} error examples -> {errors}", err=True)


@main.command(name="portrayals")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--lexicon",
    type=click.Path(path_type=Path),
    help="A party lexicon (TOML) to add to the default; its [[label]] tables add labels.",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(io.FORMATS),
    help="Output format [default: from -o's suffix (.parquet, .csv), else jsonl].",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout."
)
@_STRICT
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def portrayals_command(
    paths: tuple[Path, ...],
    lexicon: Path | None,
    format_: str | None,
    output: Path | None,
    strict: bool,
    quiet: bool,
) -> None:
    """How each party in PATHS is portrayed, by the author and by other sources.

    One row per article, party and `by` (author: the narration; sources: inside other speakers'
    statements): mentions `n`, the mean `score` in [-1, 1] with its 95% interval (`low`, `high`),
    the `label`, each signal's mean, the strongest `evidence`, and the party's prominence in the
    article (headline, speaks in the lede, rank of its first statement, last word).
    """
    from research import portrayals

    format_ = format_ or io.format_for(output)
    if output is None and format_ == "parquet" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give -o FILE, or redirect stdout to a file")
    lexicons = pipeline.load_lexicons(parties_path=lexicon)
    given = paths or reports.DEFAULT_CORPUS
    partitions = io.plan_partitions(given)
    if output is not None:
        io.refuse_overwriting_inputs(output, [*io.partition_files(partitions), lexicon])
    tables = []
    read = 0
    with progress_bar(
        total=sum(map(io.planned, partitions)),
        unit="article",
        description="portrayals",
        quiet=quiet,
    ) as bar:
        for partition, articles in io.read_partitions(partitions, given, strict=strict):
            analysis = pipeline.analyze(articles, lexicons, strict=strict)
            tables.append(portrayals.with_prominence(analysis.portrayals, analysis.prominence))
            read += len(articles)
            bar.update(io.planned(partition))
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame()
    if output is None:
        target: Any = sys.stdout.buffer if format_ == "parquet" else sys.stdout
        _write_table(table, target, format_)
    else:
        with io.atomic_write(output, "wb" if format_ == "parquet" else "w") as stream:
            _write_table(table, stream, format_)
        click.echo(f"{len(table)} portrayals from {read} articles -> {output}", err=True)


def _write_table(table: pd.DataFrame, stream: IO[Any], format_: str) -> None:
    """A flat table as JSON Lines (nulls as null), CSV or Parquet."""
    if format_ == "csv":
        table.to_csv(stream, index=False)
    elif format_ == "parquet":
        table.to_parquet(stream, index=False)
    else:
        for record in table.astype(object).where(table.notna(), None).to_dict("records"):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


@main.command(name="train-portrayal")
@click.option(
    "--data",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The NewsMTSC dataset folder: its train.jsonl is the training data.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    help="Where to write the model (default: the packaged src/research/portrayal/model.json).",
)
@click.option(
    "--search",
    is_flag=True,
    help="Cross-validate the settings on train.jsonl first (slow), print them, train with the "
    "best (by macro-F1 on sentences with several targets).",
)
def train_portrayal(data: Path, out: Path | None, search: bool) -> None:
    """Train the portrayal model on DIR/train.jsonl; the same data gives the same file."""
    from research.portrayal import train

    path = data / "train.jsonl"
    c, weight, scaling = train.DEFAULT_C, train.DEFAULT_WEIGHT, train.DEFAULT_SCALING
    if search:
        rows = train.cross_validate(train.read_examples(path))
        for row in rows:
            click.echo(
                f"C={row['C']:<6} class_weight={row['class_weight']:<9} "
                f"scaling={row['scaling']:<5} "
                f"macro-F1 {row['macro_f1']:.3f} (multi-target {row['macro_f1_multi']:.3f})"
            )
        c, weight, scaling = rows[0]["C"], rows[0]["class_weight"], rows[0]["scaling"]
        click.echo(f"training with the best: C={c}, class_weight={weight}, scaling={scaling}")
    model = train.train(path, c=c, weight=weight, scaling=scaling).to_json()
    target = out or Path(train.__file__).with_name("model.json")
    with io.atomic_write(target) as stream:
        stream.write(model)
    click.echo(f"model -> {target}", err=True)


@main.command(name="evaluate-portrayal")
@click.option(
    "--data",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The NewsMTSC dataset folder: train.jsonl trains the baselines.",
)
@click.option(
    "--on",
    "test",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A labelled file in the same format to score the shipped model and the baselines on.",
)
def evaluate_portrayal(data: Path, test: Path) -> None:
    """Macro-F1 and per-class precision/recall of the portrayal model beside its baselines."""
    from research.portrayal import train

    click.echo(train.evaluate(data / "train.jsonl", test))


@main.group(name="lexicon")
def lexicon_group() -> None:
    """Party lexicons: start one from a corpus."""


@lexicon_group.command(name="draft")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout."
)
@click.option(
    "--lexicon",
    type=click.Path(path_type=Path),
    help="The party lexicon in use, whose resolved entries go last [default: the bundled one].",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=40,
    show_default=True,
    help="Organisations and people to list, the most frequent first.",
)
@_STRICT
def lexicon_draft(
    paths: tuple[Path, ...], output: Path | None, lexicon: Path | None, top: int, strict: bool
) -> None:
    """Write a draft party lexicon (TOML) from the articles in PATHS: who speaks and who is named
    most, with titles, short names and counts, grouped where the text ties them, unresolved first."""
    from research import lexicon_draft as drafting

    lexicons = pipeline.load_lexicons(parties_path=lexicon)
    articles = io.read_articles(paths, strict=strict)
    text = drafting.draft_lexicon(
        articles, lexicons, top=top, source=drafting.draft_sources(str(p) for p in paths)
    )
    if output is None:
        click.echo(text, nl=False)
        return
    io.refuse_overwriting_inputs(output, [*paths, lexicon])
    with io.atomic_write(output) as stream:
        stream.write(text)
    click.echo(f"draft lexicon -> {output}", err=True)
