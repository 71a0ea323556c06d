"""Render reports: execute a parameterized notebook with papermill, export HTML, write a manifest.

A report is a folder `OUT/NAME/` holding the executed notebook, its HTML and `manifest.json`
(parameters, input files with sha256, package versions, git commit, seconds taken), which together
are enough to check and re-run it. When the notebook fails, the executed notebook is kept up to the
failing cell, with the error, and the exception says where it is.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from research.io import atomic_write, file_sha256

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = PROJECT_ROOT / "notebooks"
DEFAULT_NOTEBOOK = NOTEBOOKS / "framing_report.ipynb"
DEFAULT_CORPUS = (PROJECT_ROOT / "data" / "raw",)
DEFAULT_OUT = PROJECT_ROOT / "reports"
RECORDED_PACKAGES = (
    "research", "pandas", "numpy", "matplotlib", "textblob", "blingfire", "papermill", "nbconvert",
    "ipykernel", "pyarrow",
)  # fmt: skip


class ReportError(RuntimeError):
    """A report that could not be rendered; the message says why and where the partial output is."""


def render_report(
    *,
    corpus: Sequence[str | os.PathLike[str]] = DEFAULT_CORPUS,
    lexicon: str | os.PathLike[str] | None = None,
    name: str = "default",
    out: str | os.PathLike[str] = DEFAULT_OUT,
    parameters: Mapping[str, Any] | None = None,
    notebook: str | os.PathLike[str] = DEFAULT_NOTEBOOK,
    timeout: int = 600,
) -> Path:
    """Execute `notebook` on `corpus` and write the report folder; returns the HTML path."""
    import papermill

    started = time.perf_counter()
    notebook = Path(notebook)
    folder = Path(out) / name
    folder.mkdir(parents=True, exist_ok=True)
    corpus_paths = [str(Path(p).resolve()) for p in corpus]
    for path in corpus_paths:
        if not Path(path).exists():
            raise ReportError(f"{path}: no such file or folder")
    values: dict[str, Any] = {
        "corpus": corpus_paths,
        "lexicon": str(Path(lexicon).resolve()) if lexicon else None,
    }
    values.update(parameters or {})
    _check_parameters(notebook, values)

    executed = folder / f"{name}.ipynb"
    try:
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters=values,
            cwd=str(notebook.parent),
            kernel_name="python3",
            progress_bar=False,
            execution_timeout=timeout,
        )
    except papermill.PapermillExecutionError as error:
        raise ReportError(
            f"{notebook.name} failed in cell {error.exec_count} ({error.ename}: {error.evalue}); "
            f"the executed notebook up to that cell is in {executed}"
        ) from None

    html = folder / f"{name}.html"
    with atomic_write(html) as stream:
        stream.write(export_html(executed))
    manifest = build_manifest(
        notebook=notebook,
        parameters=values,
        inputs=corpus_paths + ([values["lexicon"]] if values["lexicon"] else []),
        seconds=time.perf_counter() - started,
        outputs=[executed, html],
    )
    with atomic_write(folder / "manifest.json") as stream:
        json.dump(manifest, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
    return html


def _check_parameters(notebook: Path, values: Mapping[str, Any]) -> None:
    """Refuse a parameter the notebook does not declare: a typo would otherwise be silently ignored."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise ReportError(
            f"{notebook.name}: unknown parameter {unknown[0]!r} (known: {', '.join(sorted(declared))})"
        )


def export_html(executed: Path) -> str:
    """The executed notebook as one HTML page, without the code cells."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(  # type: ignore[no-untyped-call]
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    notebook = nbformat.read(executed, as_version=4)  # type: ignore[no-untyped-call]
    body, _ = exporter.from_notebook_node(notebook)
    return str(body)


def build_manifest(
    *,
    notebook: Path,
    parameters: Mapping[str, Any],
    inputs: Sequence[str],
    seconds: float,
    outputs: Sequence[Path],
) -> dict[str, Any]:
    """What a reader needs to check and re-run a report."""
    files: list[dict[str, str]] = []
    for given in inputs:
        path = Path(given)
        members = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        files.extend({"path": str(p), "sha256": file_sha256(p)} for p in members)
    return {
        "notebook": {"path": str(notebook), "sha256": file_sha256(notebook)},
        "parameters": dict(parameters),
        "inputs": files,
        "outputs": [{"path": str(p), "sha256": file_sha256(p)} for p in outputs],
        "packages": _versions(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "git": _git_state(),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2),
    }


def _versions() -> dict[str, str]:
    versions = {}
    for package in RECORDED_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def _git_state() -> dict[str, Any]:
    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
        )
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "HEAD")
    return {
        "commit": commit or None,
        "dirty": bool(git("status", "--porcelain")) if commit else None,
    }
