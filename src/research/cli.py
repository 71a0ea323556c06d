"""The `research` command: thin wrappers that parse, call the package, and print.

Built on click (a maintained, typed CLI library) for sub-commands, repeatable options and clear
usage errors.
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import click

from research import batch, engines, io, pipeline, reports, sentiment, speech
from research.lexicons import LexiconError
from research.progress import progress_bar


class _Failure(click.ClickException):
    """An expected failure: one line on stderr, exit code 1, no traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.splitlines()))  # one line, whatever a library said

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", file=file, err=file is None)


# Bad input, a bad lexicon or report parameter, an output that cannot be written: the user's to fix.
_EXPECTED = (io.InputError, io.OutputError, LexiconError, reports.ReportError, OSError)


def _guard(function: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return function(*args, **kwargs)
    except _EXPECTED as error:
        if _debug():
            raise
        raise _Failure(_describe(error)) from None


def _describe(error: Exception) -> str:
    """The error as `<path>: <problem>`: an OSError's own text is `[Errno 13] ...: 'path'`."""
    if isinstance(error, OSError) and error.filename is not None and error.strerror:
        return f"{error.filename}: {error.strerror[:1].lower()}{error.strerror[1:]}"
    return str(error)


def _debug() -> bool:
    context = click.get_current_context(silent=True)
    return bool(context is not None and context.find_root().params.get("debug"))


class _Main(click.Group):
    """The group: any error is one line `error: <path>[:line]: problem` on stderr (exit code 1;
    2 for a usage error), with the traceback only under --debug; warnings about the input (a file
    read as cp1252) are one line `warning: ...` each."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        with warnings.catch_warnings():
            warnings.simplefilter("always", io.DecodingWarning)  # each file's once: it is read once
            warnings.showwarning = _warning_printer(warnings.showwarning)
            try:
                return super().invoke(ctx)
            except (click.ClickException, click.exceptions.Exit, click.Abort):
                raise
            except BrokenPipeError:  # `research statements | head`: the reader has what it wanted
                _silence_stdout()
                ctx.exit(1)
            except Exception as error:
                if debug:
                    raise
                if isinstance(error, _EXPECTED):
                    raise _Failure(_describe(error)) from None
                raise _Failure(
                    f"unexpected {type(error).__name__}: {error} "
                    "(a bug: rerun with --debug for the traceback, and report it)"
                ) from None


def _warning_printer(original: Callable[..., None]) -> Callable[..., None]:
    shown: set[str] = set()

    def show(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
        if not issubclass(category, io.DecodingWarning):
            original(message, category, *args, **kwargs)
        elif str(message) not in shown:
            shown.add(str(message))
            click.echo(f"warning: {message}", err=True)

    return show


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
    _guard(pipeline.load_lexicons, parties_path=lexicon)  # a bad lexicon fails before the corpus
    corpus = _guard(engines.plan, paths or reports.DEFAULT_CORPUS, batch_size=batch_size)
    if output is not None:
        _refuse_input_as_output(output, corpus)
    target = output if output is not None else sys.stdout
    if output is None and format_ == "parquet":
        target = sys.stdout.buffer
    # Not through _guard: the group turns its errors into one line, and a closed pipe into quiet.
    found = _write_statements(
        corpus,
        target,
        format=format_,
        quiet=quiet,
        engine=engine,
        lexicon=lexicon,
        sentiment_backend=sentiment_backend,
        workers=workers,
        scheduler=scheduler,
        attributions=attributions,
    )
    if output is not None:
        click.echo(f"{found} statements from {corpus.articles} articles -> {output}", err=True)


def _write_statements(
    corpus: engines.Corpus,
    target: Path | IO[Any],
    *,
    format: str,
    quiet: bool,
    **options: Any,
) -> int:
    """Write each batch's statements as it comes, with a bar of articles done; their number."""
    found = 0
    with (
        io.statement_writer(target, format=format) as sink,
        progress_bar(
            total=corpus.articles, unit="article", description="statements", quiet=quiet
        ) as bar,
    ):
        for batch in engines.iter_statements(corpus, with_text=format == "jsonl", **options):
            sink.write(batch.statements, batch.articles)
            found += len(batch.statements)
            bar.update(len(batch.articles))
    return found


def _refuse_input_as_output(output: Path, corpus: engines.Corpus) -> None:
    """Inputs are never modified: `-o` may not name one of the corpus files."""
    if not output.is_file():
        return
    inputs = {
        piece.path
        for partition in corpus.partitions
        if isinstance(partition, tuple)  # pieces of files, not a frame's slice
        for piece in partition
    }
    for given in inputs:
        with contextlib.suppress(OSError):
            if output.samefile(given):
                raise _Failure(f"{output}: is an input file of this run; it would be overwritten")


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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def report(
    corpus: tuple[Path, ...],
    lexicon: Path | None,
    notebook: str,
    name: str | None,
    out: Path,
    parameters: tuple[tuple[str, str], ...],
    code: bool,
    quiet: bool,
) -> None:
    """Render a report notebook into OUT/NAME/ (notebook, HTML, manifest).

    The HTML is self-contained (it loads nothing from the network) and safe to share: corpus text
    is escaped and a Content-Security-Policy lets no script run."""
    import yaml

    path = _notebook_path(notebook)
    values = {}
    for key, value in parameters:
        try:
            values[key] = yaml.safe_load(value)
        except yaml.YAMLError as error:
            problem = " ".join(str(getattr(error, "problem", None) or error).split())
            raise click.BadParameter(f"{key} {value!r}: not a YAML value ({problem})") from None
    html = _guard(
        reports.render_report,
        corpus=corpus or reports.DEFAULT_CORPUS,
        lexicon=lexicon,
        name=name or ("default" if path == reports.DEFAULT_NOTEBOOK else path.stem),
        out=out,
        parameters=values,
        notebook=path,
        progress=not quiet and sys.stderr.isatty(),
        code=code,
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
    outcomes = _guard(batch.run_spec, spec, out=out, jobs=jobs, quiet=quiet)
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

    def run() -> scoring.Evaluation:
        try:
            return scoring.evaluate_statements(
                scoring.read_brat_corpus(gold),
                scoring.read_predictions(pred),
                discontinuous="hull" if hull else "fragments",
                outer_only=outer_only,
            )
        except scoring.EvaluationInputError as error:
            raise io.InputError(getattr(error, "path", gold), str(error)) from None

    result = _guard(run)
    click.echo(scoring.format_report(result))
    if speakers:
        from research import evaluate_speakers

        def run_speakers() -> evaluate_speakers.SpeakerScores:
            try:
                return evaluate_speakers.evaluate_speakers(
                    gold, evaluate_speakers.read_records(pred)
                )
            except scoring.EvaluationInputError as error:
                raise io.InputError(getattr(error, "path", gold), str(error)) from None

        click.echo("\n" + evaluate_speakers.format_speaker_report(_guard(run_speakers)))
    if errors is not None:
        with io.atomic_write(errors) as stream:
            result.errors.to_csv(stream, index=False)
        click.echo(f"{len(result.errors)} error examples -> {errors}", err=True)


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
def lexicon_draft(
    paths: tuple[Path, ...], output: Path | None, lexicon: Path | None, top: int
) -> None:
    """Write a draft party lexicon (TOML) from the articles in PATHS: who speaks and who is named
    most, with titles, short names and counts, grouped where the text ties them, unresolved first."""
    from research import lexicon_draft as drafting

    lexicons = _guard(pipeline.load_lexicons, parties_path=lexicon)
    articles = _guard(io.read_articles, paths)
    text = drafting.draft_lexicon(
        articles, lexicons, top=top, source=drafting.draft_sources(str(p) for p in paths)
    )
    if output is None:
        click.echo(text, nl=False)
        return
    if any(output.resolve() == p.resolve() for p in paths):
        raise _Failure(f"{output}: is an input of this run; it would be overwritten")
    with _guard(io.atomic_write, output) as stream:
        stream.write(text)
    click.echo(f"draft lexicon -> {output}", err=True)
