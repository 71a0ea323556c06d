"""JupyterLab (with jupytext) shows each notebook once: the .py pair is a file, not a notebook."""

from __future__ import annotations

from pathlib import Path

from jupyter_server.services.contents.largefilemanager import LargeFileManager
from jupytext.sync_contentsmanager import build_sync_jupytext_contents_manager_class

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_each_notebook_is_listed_once_as_a_notebook() -> None:
    manager = build_sync_jupytext_contents_manager_class(LargeFileManager)(root_dir=str(NOTEBOOKS))
    listed = {m["name"]: m["type"] for m in manager.get("", content=True)["content"]}
    notebooks = sorted(name for name, kind in listed.items() if kind == "notebook")
    assert notebooks == sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert listed["framing_report.py"] == "file"
