"""Render reports: execute a parameterized notebook with papermill, export HTML, write a manifest.

A report is a folder `OUT/NAME/` holding the executed notebook, its HTML and `manifest.json`
(the `research report` command line, parameters, input files with sha256, the lock file's sha256,
package versions, git commit and whether the tree was dirty, seconds taken), which together are
enough to check and re-run it.

The HTML is made to be shared: it loads nothing from the network (the `report` template in
`templates/` drops nbconvert's CDN scripts; styles are inline, figures data: URIs, fonts the
system's), carries a Content-Security-Policy that lets no script run, opens with a table of contents
built from the notebook's headings, and shows no code unless asked (`code=True`). Corpus text
reaches it escaped: pandas escapes DataFrame HTML, and what goes into Markdown is escaped with
`research.markup.escape_markdown`. Two renders with the same inputs give the same cell outputs
(figures included, byte for byte); only papermill's timings in the cell metadata differ.

Nothing is half written: the new report is written whole into a hidden folder beside the previous
one (`.NAME.new-*`), and its files are moved into place only once all are written (the manifest
last), so a run that fails, is interrupted (Ctrl-C, SIGTERM) or fills the disk leaves the previous
report exactly as it was, or nothing. When the notebook fails, the executed notebook is kept up to the
failing cell, with the error, as `NAME.failed.ipynb` beside the previous report, and the ReportError
says where it is. Bad input (InputError, LexiconError) stops the run before anything is written.
"""

from __future__ import annotations

import contextlib
import functools
import html as html_text
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from research.errors import ReportError as ReportError  # where it was defined before
from research.io import (
    current_umask,
    file_sha256,
    make_hidden,
    os_reason,
    refuse_overwriting_inputs,
)
from research.kernel import KERNEL, warm_kernel
from research.parameters import check_parameters, literal_path, split_inputs

PACKAGE = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE.parents[1]
# In a checkout (editable install) the notebooks and data are the project's own; installed from a
# wheel, the copies the wheel ships inside the package (research/notebooks, research/data).
CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "notebooks").is_dir()
NOTEBOOKS = PROJECT_ROOT / "notebooks" if CHECKOUT else PACKAGE / "notebooks"
DEFAULT_NOTEBOOK = NOTEBOOKS / "framing_report.ipynb"
DEFAULT_CORPUS = (NOTEBOOKS.parent / "data" / "raw",)
DEFAULT_OUT = Path("reports")  # under the folder the command is run from
LOCK_FILE = PROJECT_ROOT / "uv.lock"
TEMPLATES = Path(__file__).resolve().parent / "templates"  # nbconvert templates: `report`
_INPUT_PARAMETERS = ("lexicon", "gold", "predictions")  # inputs besides the corpus
INJECTED_CELL_ID = "injected-parameters"  # papermill's is random: one fixed id, stable HTML
RECORDED_PACKAGES = (
    "research", "pandas", "numpy", "matplotlib", "textblob", "blingfire", "papermill", "nbconvert",
    "ipykernel", "pyarrow",
)  # fmt: skip


def render_report(
    *,
    corpus: Sequence[str | os.PathLike[str]] | None = None,
    lexicon: str | os.PathLike[str] | None = None,
    name: str = "default",
    out: str | os.PathLike[str] = DEFAULT_OUT,
    parameters: Mapping[str, Any] | None = None,
    notebook: str | os.PathLike[str] = DEFAULT_NOTEBOOK,
    timeout: int = 600,
    progress: bool = False,
    code: bool = False,
    strict: bool = False,
) -> Path:
    """Execute `notebook` on `corpus` (default: the bundled one) and write the report folder;
    returns the HTML path.

    `corpus` and `lexicon` may come as parameters instead; every parameter is checked against the
    notebook (research.parameters) before anything runs. `progress` shows papermill's bar of cells executed on stderr; `code` keeps the code cells in
    the HTML (by default it shows only what they output, for sharing). A corpus record that cannot
    be read is skipped with a warning before the notebook runs, or, with `strict`, stops the run."""
    started = time.perf_counter()
    notebook = Path(notebook)
    _check_name(name)
    given, lexicon, parameters = split_inputs(parameters or {}, corpus, lexicon)
    corpus = given if given is not None else DEFAULT_CORPUS
    # The kernel starts first, and gets ready while the inputs are checked (research.kernel).
    with warm_kernel(notebook, cwd=notebook.parent) as kernel:
        values = _checked_parameters(notebook, corpus, lexicon, parameters, strict=strict)
        corpus_paths = values["corpus"]
        folder = Path(out) / name
        executed = folder / f"{name}.ipynb"
        failed = folder / f"{name}.failed.ipynb"
        html = folder / f"{name}.html"
        inputs = [*corpus_paths, *(values.get(key) for key in _INPUT_PARAMETERS)]
        for output in (executed, failed, html, folder / "manifest.json", folder / "data"):
            refuse_overwriting_inputs(output, inputs)
        made = _make_folder(folder)
        # The new report is written whole into a folder beside the previous one, then its files
        # are moved into place (renames, which need no space): a run that fails or is stopped
        # leaves the previous report exactly as it was. papermill saves the notebook there as
        # cells run; a failed run's notebook is kept beside the previous report as `failed`.
        held: list[Path] = []  # the staging folder, named before it is made
        try:  # from here on, whatever stops the run (SIGTERM included) removes what it made
            staging = _staging_folder(folder, made, held)
            partial = staging / executed.name
            # The notebook writes its tables into the staging folder when it can (a `data_dir`
            # parameter); they move into place with the rest.
            staged_data = staging.resolve() / "data"  # absolute: the notebook runs elsewhere
            run_values = (
                {**values, "data_dir": str(staged_data)}
                if _declares(notebook, "data_dir")
                else values
            )
            # While the kernel runs the notebook, this process is idle: it readies the exporter.
            exporter = threading.Thread(target=_warm_up_export, args=(code,), daemon=True)
            exporter.start()
            _execute(
                notebook, partial, failed, run_values, kernel, timeout=timeout, progress=progress
            )
            _set_output_path(partial, executed)
            exporter.join()
            page = export_html(partial, code=code, footer=footer_facts(notebook, values))
            with (staging / html.name).open("w", encoding="utf-8", newline="") as stream:
                stream.write(page)
            data = (
                sorted(p for p in staged_data.iterdir() if p.is_file())
                if staged_data.is_dir()
                else []
            )
            manifest = build_manifest(
                notebook=notebook,
                command=report_command(
                    notebook=notebook, name=name, out=out, parameters=values, code=code
                ),
                parameters=values,
                inputs=corpus_paths + ([values["lexicon"]] if values["lexicon"] else []),
                seconds=time.perf_counter() - started,
                outputs=[partial, staging / html.name, *data],
            )
            finals = [executed, html, *(folder / "data" / p.name for p in data)]
            for output, final in zip(manifest["outputs"], finals, strict=True):
                output["path"] = str(final)
            with (staging / "manifest.json").open("w", encoding="utf-8", newline="") as stream:
                json.dump(manifest, stream, indent=2, ensure_ascii=False)
                stream.write("\n")
        except BaseException:
            for made_staging in held:
                shutil.rmtree(made_staging, ignore_errors=True)
            _remove_folders(made)  # nothing of this run is left but a failed notebook, if one ran
            raise

    # Everything is written: move the tables, the notebook and the page into place, then the
    # manifest. The new run's tables replace an earlier run's whole.
    if staged_data.is_dir():
        for staged_file in staged_data.iterdir():
            staged_file.chmod(0o666 & ~current_umask())
        _replace_folder(staged_data, folder / "data")
    for staged in (partial, staging / html.name, staging / "manifest.json"):
        staged.chmod(0o666 & ~current_umask())  # the staging folder is private; reports are not
        staged.replace(folder / staged.name)
    failed.unlink(missing_ok=True)  # an earlier run's failure, now superseded
    staging.rmdir()
    return html


def _check_name(name: str) -> None:
    """A report's name is one folder name, taken literally (braces included)."""
    if not name or name in {".", ".."} or Path(name).name != name or "\x00" in name:
        raise ReportError(f"report name {name!r}: give a folder name, without / or ..")
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        raise ReportError(f"report name {name!r}: not text (it holds a lone surrogate)") from None
    if size > 200:
        raise ReportError(f"report name {name[:40]!r}...: too long for a folder name")


def _checked_parameters(
    notebook: Path,
    corpus: Sequence[str | os.PathLike[str]],
    lexicon: str | os.PathLike[str] | None,
    parameters: Mapping[str, Any] | None,
    *,
    strict: bool = False,
) -> dict[str, Any]:
    """The notebook's parameter values, with paths made absolute, once the inputs are known good.

    Bad input stops here, with its file and line, before anything is written (InputError,
    LexiconError, ReportError for an unknown parameter), rather than as a failed notebook."""
    from research.io import read_articles
    from research.lexicons import load_parties, load_targets

    read_articles(corpus, strict=strict)
    if lexicon is not None:  # the user's party lexicon: its parties and stance targets
        load_parties(lexicon)
        load_targets(lexicon)
    values: dict[str, Any] = {
        "corpus": [str(Path(p).resolve()) for p in corpus],
        "lexicon": str(Path(lexicon).resolve()) if lexicon else None,
    }
    # The notebook runs in notebooks/: a relative path given here means one from where we stand.
    check_parameters(notebook, {**values, **(parameters or {})})
    values.update({key: _absolute_if_path(value) for key, value in (parameters or {}).items()})
    return values


def _execute(
    notebook: Path,
    partial: Path,
    failed: Path,
    values: Mapping[str, Any],
    kernel: Any,
    *,
    timeout: int,
    progress: bool,
) -> None:
    """Run `notebook` into `partial` in `kernel`; when it fails, keep what ran as `failed`."""
    import papermill

    from research import execution

    try:
        papermill.execute_notebook(
            literal_path(notebook),
            literal_path(partial),
            parameters=dict(values),
            cwd=str(notebook.parent),
            kernel_name=KERNEL,
            progress_bar=progress,
            execution_timeout=timeout,
            engine_name=execution.ENGINE,
            km=kernel,
        )
    except papermill.PapermillExecutionError as error:
        _keep_partial(partial, failed)
        raise ReportError(
            f"{notebook.name} failed in cell {error.exec_count} ({error.ename}: "
            f"{error.evalue}); the executed notebook up to that cell, with the error, is in "
            f"{failed}"
        ) from None
    except Exception as error:  # a cell timed out, the kernel died or did not start
        kept = _keep_partial(partial, failed)
        where = f"; the executed notebook up to there is in {failed}" if kept else ""
        raise ReportError(
            f"{notebook.name} stopped ({type(error).__name__}: {error}){where}"
        ) from None


def _declares(notebook: Path, parameter: str) -> bool:
    import papermill

    return parameter in papermill.inspect_notebook(literal_path(notebook))


def _replace_folder(new: Path, final: Path) -> None:
    """Put folder `new` where `final` is: the old one is renamed aside first, then removed."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        final.replace(old)
    new.replace(final)
    shutil.rmtree(old, ignore_errors=True)


def footer_facts(notebook: Path, parameters: Mapping[str, Any]) -> dict[str, str]:
    """What the report's footer says about how it was made: when, with which version of the
    package, git commit, notebook, lexicons and parameters (the manifest has the full record)."""
    from importlib import resources

    git = _git_state()
    commit = (git["commit"] or "")[:12] + (" (with uncommitted changes)" if git["dirty"] else "")
    bundled = resources.files("research") / "lexicons"
    lexicons = sorted(p.name for p in bundled.iterdir() if p.name.endswith(".toml"))
    import papermill

    own = parameters.get("lexicon")
    declared = papermill.inspect_notebook(literal_path(notebook))
    shown = {key: json.dumps(value, ensure_ascii=False) for key, value in parameters.items()}
    for key, spec in declared.items():  # the notebook's defaults, for what was not given
        shown.setdefault(key, str(spec.get("default")))
    hidden = {"corpus", "lexicon", "data_dir"}
    return {
        "Made": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "With": f"research {_versions()['research']}, notebook {notebook.name}",
        "Commit": commit or "not in a git checkout",
        "Lexicons": "bundled " + ", ".join(lexicons) + (f"; and {Path(own).name}" if own else ""),
        "Corpus": ", ".join(Path(p).name for p in parameters.get("corpus") or []),
        "Parameters": ", ".join(f"{k}={v}" for k, v in shown.items() if k not in hidden),
        "Data": "data/ beside this page: every table as CSV and Parquet; manifest.json: inputs and outputs with sha256",
    }


def _absolute_if_path(value: Any) -> Any:
    """A string naming an existing file or folder, made absolute; anything else as given."""
    with contextlib.suppress(OSError):  # a text too long to be a path is not one
        if isinstance(value, str) and value and Path(value).exists():
            return str(Path(value).resolve())
    return value


def _make_folder(folder: Path) -> list[Path]:
    """Make the report's folder; the folders made, deepest first, to remove if nothing is written."""
    missing: list[Path] = []
    parent = folder
    while not parent.exists() and not parent.is_symlink():
        missing.append(parent)
        parent = parent.parent
    if not parent.is_dir():
        raise ReportError(f"{folder}: cannot write the report here ({parent} is a file)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _remove_folders(missing)
        raise ReportError(f"{folder}: cannot write the report here ({os_reason(error)})") from None
    return missing


def _staging_folder(folder: Path, made: Sequence[Path], held: list[Path]) -> Path:
    """A private, hidden folder beside `folder` for the new report's files (named in `held` before
    it is made)."""
    try:
        make_hidden(folder.parent, f".{folder.name}.new-", "", _private_folder, held)
        return held[-1]
    except OSError as error:
        _remove_folders(made)
        raise ReportError(f"{folder}: cannot write the report here ({os_reason(error)})") from None


def _private_folder(name: Path) -> None:
    name.mkdir(mode=0o700)


def _keep_partial(partial: Path, failed: Path) -> bool:
    """Keep a failed run's notebook as `failed`; whether there was one to keep."""
    if not partial.is_file() or partial.stat().st_size == 0:
        return False
    with contextlib.suppress(Exception):  # the notebook matters, not where it says it was written
        _set_output_path(partial, failed)
    partial.chmod(0o666 & ~current_umask())  # mkstemp makes files private; reports are not
    partial.replace(failed)
    return True


def _set_output_path(notebook: Path, final: Path) -> None:
    """papermill records where it wrote the notebook: the final name, not the temporary one. Its
    injected parameters cell gets a fixed id instead of a random one (ids appear in the HTML),
    and says `data_dir = "data"`: the tables' folder beside the report, not where they were staged."""
    import nbformat

    node = nbformat.read(notebook, as_version=4)  # type: ignore[no-untyped-call]
    node.metadata.setdefault("papermill", {})["output_path"] = str(final)
    for cell in node.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = INJECTED_CELL_ID
            # where the tables end up, not the temporary folder they were written to
            cell["source"] = re.sub(
                r'^data_dir = ".*"$', 'data_dir = "data"', cell["source"], flags=re.MULTILINE
            )
    nbformat.write(node, notebook)  # type: ignore[no-untyped-call]


def _remove_folders(folders: Sequence[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty


def export_html(
    executed: str | os.PathLike[str],
    *,
    code: bool = False,
    footer: Mapping[str, str] | None = None,
) -> str:
    """The executed notebook as one self-contained HTML page (the `report` template: no network,
    no script, a table of contents), without the code cells unless `code`; `footer` (label to
    text, see `footer_facts`) says how the page was made."""
    import nbformat

    notebook = nbformat.read(executed, as_version=4)  # type: ignore[no-untyped-call]
    contents = table_of_contents(notebook)
    title = next((entry["text"] for entry in _headings(notebook) if entry["level"] == 1), None)
    resources = {
        "metadata": {"name": title or Path(executed).stem},
        "report_toc": contents,
        "report_toc_tagged": any(
            "contents" in cell.get("metadata", {}).get("tags", []) for cell in notebook.cells
        ),
        "report_footer": dict(footer or {}),
    }
    body, _ = _html_exporter(code).from_notebook_node(notebook, resources=resources)
    return _STYLE.sub(lambda m: m[1] + _CSS_COMMENT.sub("", m[2]) + m[3], str(body))


@functools.cache
def _html_exporter(code: bool) -> Any:
    from nbconvert import HTMLExporter

    return HTMLExporter(  # type: ignore[no-untyped-call]
        template_name="report",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def _warm_up_export(code: bool) -> None:
    """Import nbconvert and load the template by exporting a small notebook: about 0.4 s that a
    report's first export would otherwise spend after its notebook has run."""
    import nbformat

    sample = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    cell = nbformat.v4.new_code_cell("1")  # type: ignore[no-untyped-call]
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/html": "<b>1</b>"})]  # type: ignore[no-untyped-call]
    sample.cells = [nbformat.v4.new_markdown_cell("# Sample\n\n*one*"), cell]  # type: ignore[no-untyped-call]
    with contextlib.suppress(Exception):  # the report's own export will say what is wrong
        _html_exporter(code).from_notebook_node(sample, resources={"report_toc": []})


# JupyterLab's CSS cites its sources in comments with web addresses: dropped, so that the page
# holds no address at all (and is smaller).
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


_HEADING = re.compile(r'<h([1-6])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)


def _headings(notebook: Any) -> list[dict[str, Any]]:
    """Every heading of the notebook's Markdown cells: level, the id nbconvert gives it, text."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    found = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for level, anchor, inner in _HEADING.findall(markdown2html_mistune(cell.source)):
            text = re.sub(r"<a class=\"anchor-link\".*?</a>|<[^>]+>", "", inner, flags=re.DOTALL)
            found.append(
                {
                    "level": int(level),
                    "id": html_text.unescape(anchor),
                    "text": " ".join(html_text.unescape(text).split()),
                }
            )
    return found


def table_of_contents(notebook: Any, *, levels: tuple[int, int] = (2, 3)) -> list[dict[str, Any]]:
    """The notebook's section headings (`##`, with their `###` as children) as {"id", "text",
    "children"}, ids as nbconvert writes them into the HTML; the `report` template lists them."""
    top, sub = levels
    contents: list[dict[str, Any]] = []
    for heading in _headings(notebook):
        entry = {"id": heading["id"], "text": heading["text"], "children": []}
        if heading["level"] == top:
            contents.append(entry)
        elif heading["level"] == sub and contents:
            contents[-1]["children"].append(entry)
    return contents


def report_command(
    *,
    notebook: Path,
    name: str,
    out: str | os.PathLike[str],
    parameters: Mapping[str, Any],
    code: bool = False,
) -> dict[str, Any]:
    """The `research report` command line that renders this report again, run from `cwd` (the
    project root; paths inside it are relative to it)."""
    argv = ["research", "report"]
    for path in parameters.get("corpus") or []:
        argv += ["--corpus", _project_path(path)]
    if parameters.get("lexicon"):
        argv += ["--lexicon", _project_path(parameters["lexicon"])]
    bundled = notebook.resolve().parent == NOTEBOOKS.resolve()
    argv += ["--notebook", notebook.stem if bundled else _project_path(notebook)]
    argv += ["--name", name, "--out", _project_path(out)]
    for key, value in parameters.items():
        if key not in {"corpus", "lexicon"}:
            argv += ["-p", key, _yaml_value(value)]
    if code:
        argv.append("--code")
    return {"line": shlex.join(argv), "argv": argv, "cwd": str(_base())}


def _base() -> Path:
    """Where the command line that renders a report again is run from: the checkout, or here."""
    return PROJECT_ROOT if CHECKOUT else Path.cwd()


def _project_path(path: str | os.PathLike[str]) -> str:
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(_base()))
    except ValueError:
        return str(resolved)


def _yaml_value(value: Any) -> str:
    """A -p VALUE that the command line reads back (as YAML) to the same value."""
    import yaml

    if isinstance(value, str):
        with contextlib.suppress(yaml.YAMLError):
            if yaml.safe_load(value) == value:
                return value
    return json.dumps(value, ensure_ascii=False)  # JSON is YAML


def build_manifest(
    *,
    notebook: Path,
    parameters: Mapping[str, Any],
    inputs: Sequence[str],
    seconds: float,
    outputs: Sequence[Path],
    command: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What a reader needs to check and re-run a report: the command, its parameters and
    inputs, and the environment (lock file, package versions, git commit and dirty tree)."""
    files: list[dict[str, str]] = []
    for given in inputs:
        path = Path(given)
        members = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        files.extend({"path": str(p), "sha256": file_sha256(p)} for p in members)
    return {
        "command": dict(command) if command is not None else None,
        "notebook": {"path": str(notebook), "sha256": file_sha256(notebook)},
        "parameters": dict(parameters),
        "inputs": files,
        "outputs": [{"path": str(p), "sha256": file_sha256(p)} for p in outputs],
        "lock": (
            {"path": str(LOCK_FILE), "sha256": file_sha256(LOCK_FILE)}
            if CHECKOUT and LOCK_FILE.is_file()
            else None
        ),
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
    if not CHECKOUT:  # installed from a wheel: no commit of ours to record
        return {"commit": None, "dirty": None}

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=_base(), capture_output=True, text=True, check=False
        )
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "HEAD")
    return {
        "commit": commit or None,
        "dirty": bool(git("status", "--porcelain")) if commit else None,
    }
