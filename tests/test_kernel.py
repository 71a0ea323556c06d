"""The warm kernel a report runs in: it imports what the notebook imports before the first cell,
yet the notebook sees a fresh namespace and counts its executions from 1; papermill's saves are
fewer but a failure still keeps every cell that ran."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from research import reports
from research.kernel import imported_modules


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import pandas as pd\nimport os.path", ["pandas", "os.path"]),
        ("from research import plots, io", ["research", "research.plots", "research.io"]),
        ("%matplotlib inline\nimport json", ["matplotlib.pyplot", "json"]),
        ("from . import sibling\nfrom .. import cousin", []),  # relative: no package to start from
        ("if True:\n    import colorsys", []),  # only top-level statements: no guessing at flow
        ("!ls\n%time x = 1\nimport csv", ["csv"]),
        ("def broken(:\nimport csv", []),  # not Python: skipped, the kernel will say so
    ],
)
def test_imported_modules_are_the_notebooks_top_level_absolute_imports(
    tmp_path: Path, write_notebook: Callable[..., Path], source: str, expected: list[str]
) -> None:
    assert imported_modules(write_notebook(tmp_path / "n.ipynb", source)) == expected


def test_imported_modules_of_a_file_that_is_no_notebook_is_empty(tmp_path: Path) -> None:
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    assert imported_modules(tmp_path / "broken.ipynb") == []
    assert imported_modules(tmp_path / "missing.ipynb") == []


def test_notebook_runs_in_a_warm_but_fresh_kernel(
    tmp_path: Path, write_notebook: Callable[..., Path]
) -> None:
    corpus = tmp_path / "a.txt"
    corpus.write_text("Ryabkov said that no deal had been reached.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "print('preloaded', 'colorsys' in sys.modules)\n"
        "print('bound', 'colorsys' in globals() or '_research_import' in globals())"
    )
    path = write_notebook(tmp_path / "warm.ipynb", probe, "import colorsys")
    html = reports.render_report(corpus=[corpus], notebook=path, out=tmp_path / "out", name="w")
    executed = json.loads(html.with_suffix(".ipynb").read_text(encoding="utf-8"))
    code = [cell for cell in executed["cells"] if cell["cell_type"] == "code"]
    printed = "".join(code[2]["outputs"][0]["text"])
    assert "preloaded True" in printed  # imported as the kernel started, before any cell
    assert "bound False" in printed  # ... without a name in the notebook's namespace
    assert [cell["execution_count"] for cell in code] == [1, 2, 3, 4]


def test_failed_run_keeps_every_cell_it_ran_despite_fewer_saves(
    tmp_path: Path, write_notebook: Callable[..., Path]
) -> None:
    corpus = tmp_path / "a.txt"
    corpus.write_text("Ryabkov said that no deal had been reached.\n", encoding="utf-8")
    cells = [f"print('cell {n}')" for n in range(6)] + ["1 / 0", "print('never')"]
    path = write_notebook(tmp_path / "fails.ipynb", *cells)
    with pytest.raises(reports.ReportError, match="ZeroDivisionError"):
        reports.render_report(corpus=[corpus], notebook=path, out=tmp_path / "out", name="f")
    failed = json.loads((tmp_path / "out" / "f" / "f.failed.ipynb").read_text(encoding="utf-8"))
    outputs = ["".join(o.get("text", "")) for c in failed["cells"] for o in c.get("outputs", [])]
    assert [text for text in outputs if text.startswith("cell")] == [
        f"cell {n}\n" for n in range(6)
    ]
    assert any(
        o.get("ename") == "ZeroDivisionError" for c in failed["cells"] for o in c.get("outputs", [])
    )
    assert not any("never" in text for text in outputs)
