"""The `research` command: thin wrappers that parse, call the package, and print.

Built on click (a maintained, typed CLI library) for sub-commands, repeatable options and clear
usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from research import io, pipeline, reports
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
def statements(
    paths: tuple[Path, ...], format_: str, output: Path | None, lexicon: Path | None
) -> None:
    """Find every statement in PATHS (files or folders; default: the bundled corpus)."""
    articles = _guard(io.read_articles, paths or reports.DEFAULT_CORPUS)
    lexicons = _guard(pipeline.load_lexicons, parties_path=lexicon)
    found = pipeline.extract_statements(articles, lexicons)
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
@click.option("--name", default="default", show_default=True, help="The report's folder name.")
@click.option(
    "--out", type=click.Path(path_type=Path), default=reports.DEFAULT_OUT, show_default=True
)
@click.option("-p", "--parameter", "parameters", multiple=True, nargs=2, metavar="NAME VALUE",
              help="A notebook parameter (repeatable); VALUE is read as YAML, so 5 is a number.")  # fmt: skip
def report(
    corpus: tuple[Path, ...],
    lexicon: Path | None,
    name: str,
    out: Path,
    parameters: tuple[tuple[str, str], ...],
) -> None:
    """Render the framing report into OUT/NAME/ (notebook, HTML, manifest)."""
    import yaml

    values = {key: yaml.safe_load(value) for key, value in parameters}
    html = _guard(
        reports.render_report,
        corpus=corpus or reports.DEFAULT_CORPUS,
        lexicon=lexicon,
        name=name,
        out=out,
        parameters=values,
    )
    click.echo(f"report written: {html}")
