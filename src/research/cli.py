"""The `research` command: thin wrappers that parse, call the package, and print.

Built on click (a maintained, typed CLI library) for sub-commands, repeatable options and clear
usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from research import io, pipeline, reports, sentiment
from research.lexicons import LexiconError


class _Failure(click.ClickException):
    """An expected failure: one line on stderr, exit code 1, no traceback."""


def _guard(function: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return function(*args, **kwargs)
    except (io.InputError, LexiconError, reports.ReportError, OSError) as error:
        raise _Failure(str(error)) from None


@click.group()
@click.version_option(package_name="research")
def main() -> None:
    """Compare how each party in a news story is framed."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format", "format_", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
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
def statements(
    paths: tuple[Path, ...],
    format_: str,
    output: Path | None,
    lexicon: Path | None,
    sentiment_backend: str,
) -> None:
    """Find every statement in PATHS (files or folders; default: the bundled corpus)."""
    articles = _guard(io.read_articles, paths or reports.DEFAULT_CORPUS)
    lexicons = _guard(pipeline.load_lexicons, parties_path=lexicon)
    found = pipeline.extract_statements(articles, lexicons, sentiment_backend=sentiment_backend)
    if output is None:
        if format_ == "jsonl":
            io.dump_jsonl(list(io.statement_records(found, articles)), sys.stdout)
        else:
            found.to_csv(sys.stdout, index=False)
        return
    _guard(io.write_statements, found, articles, output, format=format_)
    click.echo(f"{len(found)} statements from {len(articles)} articles -> {output}", err=True)


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
def report(
    corpus: tuple[Path, ...],
    lexicon: Path | None,
    notebook: str,
    name: str | None,
    out: Path,
    parameters: tuple[tuple[str, str], ...],
) -> None:
    """Render a report notebook into OUT/NAME/ (notebook, HTML, manifest)."""
    import yaml

    path = _notebook_path(notebook)
    values = {key: yaml.safe_load(value) for key, value in parameters}
    html = _guard(
        reports.render_report,
        corpus=corpus or reports.DEFAULT_CORPUS,
        lexicon=lexicon,
        name=name or ("default" if path == reports.DEFAULT_NOTEBOOK else path.stem),
        out=out,
        parameters=values,
        notebook=path,
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
