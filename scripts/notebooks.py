"""The notebooks as git keeps them: without outputs, each paired with a percent-format `.py`.

Each `notebooks/NAME.ipynb` is stored without outputs or execution counts and carries jupytext's
pairing metadata (`jupytext: formats: ipynb,py:percent`); `notebooks/NAME.py` is the same notebook
as plain Python with `# %%` cell markers, for review and clean diffs. JupyterLab (with jupytext,
installed from the lock) keeps the two in sync on every save.

    python scripts/notebooks.py check   # `make lint`: fails on outputs, counts or a stale pair
    python scripts/notebooks.py sync    # `make notebooks`: strip outputs, pair, write each .py

`sync` writes each `.py` from its notebook, unless the `.py` was edited since (it is newer and
differs): then the notebook is updated from the `.py` first. Notebooks are rewritten only where
they change, in the layout they are stored in (one-space JSON indent, UTF-8 unescaped).
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any

import jupytext
from jupytext.cli import jupytext as jupytext_cli

FOLDER = Path(__file__).resolve().parents[1] / "notebooks"
FORMATS = "ipynb,py:percent"


def expected_py(notebook: Path) -> str:
    """The percent-format text jupytext writes for `notebook` (what its .py must hold)."""
    return str(jupytext.writes(jupytext.read(notebook), fmt="py:percent"))


def problems(folder: Path = FOLDER) -> list[str]:
    found = []
    notebooks = sorted(folder.glob("*.ipynb"))
    for notebook in notebooks:
        data = json.loads(notebook.read_text(encoding="utf-8"))
        for number, cell in enumerate(data["cells"], start=1):
            if cell["cell_type"] != "code":
                continue
            if cell.get("outputs"):
                found.append(f"{notebook}: cell {number} has outputs")
            if cell.get("execution_count") is not None:
                found.append(f"{notebook}: cell {number} has an execution count")
        formats = data["metadata"].get("jupytext", {}).get("formats")
        if formats != FORMATS:
            found.append(f"{notebook}: not paired (metadata jupytext.formats is {formats!r})")
        pair = notebook.with_suffix(".py")
        if not pair.is_file():
            found.append(f"{notebook}: no {pair.name} beside it")
            continue
        want, have = expected_py(notebook), pair.read_text(encoding="utf-8")
        if want != have:
            diff = difflib.unified_diff(
                have.splitlines(),
                want.splitlines(),
                str(pair),
                f"{pair} from {notebook.name}",
                lineterm="",
            )
            shown = "\n".join(list(diff)[:20])
            found.append(f"{pair}: out of sync with {notebook.name}\n{shown}")
    for pair in sorted(folder.glob("*.py")):
        if not pair.with_suffix(".ipynb").is_file():
            found.append(f"{pair}: no {pair.with_suffix('.ipynb').name} beside it")
    return found


def _strip_and_pair(notebook: Path) -> list[str]:
    """Clear outputs and execution counts, add the pairing metadata; what was done."""
    text = notebook.read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    done = []
    code = [cell for cell in data["cells"] if cell["cell_type"] == "code"]
    if any(cell.get("outputs") or cell.get("execution_count") is not None for cell in code):
        done.append("outputs cleared")
    for cell in code:
        cell["outputs"], cell["execution_count"] = [], None
    if data["metadata"].get("jupytext", {}).get("formats") != FORMATS:
        done.append("paired")
    data["metadata"].setdefault("jupytext", {})["formats"] = FORMATS
    new = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if new != text:
        notebook.write_text(new, encoding="utf-8")
    return done


def sync(folder: Path = FOLDER) -> None:
    for notebook in sorted(folder.glob("*.ipynb")):
        pair = notebook.with_suffix(".py")
        edited = (
            pair.is_file()
            and pair.stat().st_mtime > notebook.stat().st_mtime
            and pair.read_text(encoding="utf-8") != expected_py(notebook)
        )
        if edited:  # the .py was edited: it updates the notebook, whose outputs are then cleared
            jupytext_cli(["--quiet", "--update", "--to", "ipynb", str(pair)])
            print(f"{notebook}: updated from {pair.name}")
        done = _strip_and_pair(notebook)
        if done:
            print(f"{notebook}: {', '.join(done)}")
        want = expected_py(notebook)
        if not pair.is_file() or pair.read_text(encoding="utf-8") != want:
            pair.write_text(want, encoding="utf-8")
            print(f"{pair}: written")


def main(argv: list[str]) -> int:
    if argv == ["check"]:
        found = problems()
        for problem in found:
            print(f"error: {problem}", file=sys.stderr)
        if found:
            print("fix: make notebooks (strips outputs, pairs, writes each .py)", file=sys.stderr)
        return 1 if found else 0
    if argv == ["sync"]:
        sync()
        return 0
    print("usage: python scripts/notebooks.py check|sync", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
