"""Shared fixtures: the bundled article and small corpora written here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from research.pipeline import Lexicons, load_lexicons

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "raw" / "aleppo-safe-exit-deal.txt"


@pytest.fixture(scope="session")
def bundled() -> Path:
    return BUNDLED


@pytest.fixture(scope="session")
def bundled_text() -> str:
    with BUNDLED.open(encoding="utf-8", newline="") as stream:
        return stream.read()


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return load_lexicons()


def _write_notebook(path: Path, *cells: str) -> Path:
    parameters = nbformat.v4.new_code_cell("corpus = []\nlexicon = None")
    parameters.metadata["tags"] = ["parameters"]
    node = nbformat.v4.new_notebook(
        cells=[parameters, *(nbformat.v4.new_code_cell(source) for source in cells)],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(node, path)
    return path


@pytest.fixture(scope="session")
def write_notebook() -> Callable[..., Path]:
    """`write_notebook(path, *cells)`: a notebook with the parameters every report takes, then
    `cells`, written to `path`."""
    return _write_notebook
