"""A report whose notebook fails, or whose run is cut short: the previous report stays whole, and a
failed run's notebook is kept, executed up to the failing cell with the error, where the error says."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner, Result

from research import reports
from research.cli import main

GOOD = "Talks end\n\nRyabkov said that no deal had been reached.\n"


def files(folder: Path) -> dict[str, str]:
    """Each file under `folder`, hidden ones too, with its content's hash."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_failed_notebook_is_kept_up_to_the_failing_cell(
    tmp_path: Path, corpus: Path, write_notebook: Callable[..., Path]
) -> None:
    working = write_notebook(tmp_path / "fine.ipynb", 'print("first cell ran")')
    broken = write_notebook(
        tmp_path / "broken.ipynb",
        'print("first cell ran")',
        'raise ValueError("deliberate failure")',
        'print("never runs")',
    )
    out = tmp_path / "reports"
    common = ["--corpus", corpus, "--out", out, "--name", "study"]
    assert run("report", "--notebook", working, *common).exit_code == 0
    folder = out / "study"
    previous = files(folder)

    result = run("report", "--notebook", broken, *common)

    failed = folder / "study.failed.ipynb"
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert re.fullmatch(
        r"error: broken\.ipynb failed in cell \d+ \(ValueError: deliberate failure\); the executed "
        rf"notebook up to that cell, with the error, is in {re.escape(str(failed))}",
        line,
    ), line
    assert "Traceback" not in result.output
    kept = files(folder)
    del kept["study.failed.ipynb"]
    assert kept == previous  # the previous report is whole, and no temporary file is left

    executed = nbformat.read(failed, as_version=4)
    sources = [cell.source for cell in executed.cells]
    ran = executed.cells[sources.index('print("first cell ran")')]
    assert ran.outputs[0]["text"] == "first cell ran\n"
    raised = executed.cells[sources.index('raise ValueError("deliberate failure")')]
    [error] = [o for o in raised.outputs if o["output_type"] == "error"]
    assert (error["ename"], error["evalue"]) == ("ValueError", "deliberate failure")
    assert executed.cells[sources.index('print("never runs")')].outputs == []
    assert executed.metadata.papermill.output_path == str(failed)

    assert run("report", "--notebook", working, *common).exit_code == 0
    assert not failed.exists()  # superseded by a report that worked
    assert sorted(files(folder)) == ["manifest.json", "study.html", "study.ipynb"]


def test_interrupted_report_keeps_the_previous_one(
    tmp_path: Path,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_notebook: Callable[..., Path],
) -> None:
    import papermill

    working = write_notebook(tmp_path / "fine.ipynb", "1 + 1")
    out = tmp_path / "reports"
    reports.render_report(corpus=[corpus], notebook=working, out=out, name="study")
    previous = files(out)

    def interrupted(source: str, output: str, **kwargs: Any) -> None:
        Path(output).write_text("{half a notebook", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(papermill, "execute_notebook", interrupted)
    with pytest.raises(KeyboardInterrupt):
        reports.render_report(corpus=[corpus], notebook=working, out=out, name="study")
    assert files(out) == previous

    with pytest.raises(KeyboardInterrupt):  # a new report: not even its folder is left
        reports.render_report(corpus=[corpus], notebook=working, out=out, name="other")
    assert files(out) == previous and not (out / "other").exists()


def test_failing_html_export_keeps_the_previous_report(
    tmp_path: Path,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_notebook: Callable[..., Path],
) -> None:
    working = write_notebook(tmp_path / "fine.ipynb", "1 + 1")
    out = tmp_path / "reports"
    reports.render_report(corpus=[corpus], notebook=working, out=out, name="study")
    previous = files(out)

    def broken(executed: Path, **options: Any) -> str:
        raise RuntimeError("exporter broke")

    monkeypatch.setattr(reports, "export_html", broken)
    result = run(
        "report", "--notebook", working, "--corpus", corpus, "--out", out, "--name", "study"
    )

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: unexpected RuntimeError: exporter broke "
        "(a bug: rerun with --debug for the traceback, and report it)"
    ]
    assert files(out) == previous
