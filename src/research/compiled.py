"""Which modules the optional compiled build holds, and the guard against a stale one.

`make compiled` (scripts/compiled.py) compiles `MODULES` with mypyc into extensions beside their
.py files and records each source's SHA-256 in `compiled.json`; Python then imports the
extensions. A compiled module ignores later edits to its .py file, so when the package is
imported, `guard` compares the record with the sources: if they differ, it warns and has every
module of the build imported from its .py file (all of them: compiled modules call each other
directly, so a mix of old and new code is not safe). This module itself is never compiled.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

# The hot path of `research statements`, in the README profile's order of cost.
MODULES = (
    "research.attribution",
    "research.attribution.catalog",
    "research.attribution.contents",
    "research.attribution.cue",
    "research.attribution.passes",
    "research.attribution.phrases",
    "research.attribution.quotes",
    "research.attribution.rules",
    "research.attribution.rules.filters",
    "research.attribution.rules.nouns",
    "research.attribution.rules.participles",
    "research.attribution.rules.passives",
    "research.attribution.rules.sources",
    "research.attribution.rules.verbs",
    "research.attribution.speakers",
    "research.attribution.statement",
    "research.attribution.table",
    "research.attribution.view",
    "research.attribution.words",
    "research.entities",
    "research.framing",
    "research.parties",
    "research.portrayal.features",
    "research.portrayal.mentions",
    "research.schema",
    "research.segment",
    "research.stance",
    "research.text",
)
GROUP = "research"  # mypyc's shared library: research__mypyc.<suffix> beside the package
ROOT = Path(__file__).resolve().parent.parent  # the folder that holds the package (src/)


class StaleCompiledBuild(RuntimeWarning):
    """The compiled build does not match the sources: they are used instead."""


def record(root: Path = ROOT) -> Path:
    """The build's record: each compiled source's SHA-256."""
    return root / "research" / "compiled.json"


def source(name: str, root: Path = ROOT) -> Path:
    """The .py file of a module of the build."""
    path = root.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def source_hashes(root: Path = ROOT) -> dict[str, str]:
    return {name: hashlib.sha256(source(name, root).read_bytes()).hexdigest() for name in MODULES}


def shared_library(root: Path = ROOT) -> Path | None:
    """mypyc's library of the build's code, which every compiled module loads, if it is there."""
    for suffix in EXTENSION_SUFFIXES:
        path = root / f"{GROUP}__mypyc{suffix}"
        if path.exists():
            return path
    return None


def compiled_files(root: Path = ROOT) -> list[Path]:
    """Every extension file of the build there is, for any Python version."""
    found = list(root.glob(f"{GROUP}__mypyc.*"))
    for name in MODULES:
        path = source(name, root)
        found += path.parent.glob(path.stem + ".*")
    return [path for path in found if path.suffix in (".so", ".pyd")]


def state(root: Path = ROOT) -> str:
    """'pure' (no compiled files), 'compiled' (they match the sources) or 'stale: why'."""
    shared, written = shared_library(root), record(root)
    if not shared and not written.exists():
        return "pure"
    if not written.exists():
        return f"stale: {shared} is there without its record {written}"
    try:
        recorded = json.loads(written.read_text(encoding="utf-8"))["sources"]
        changed = [
            name for name, digest in source_hashes(root).items() if recorded.get(name) != digest
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return f"stale: {written} cannot be read ({error})"
    if changed:
        return f"stale: edited since they were compiled: {', '.join(changed)}"
    if not shared:
        return f"stale: {written} is there but not the compiled modules"
    return "compiled"


class _SourcesFirst:
    """A meta path finder that imports the build's modules from their .py files."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in MODULES:
            return None
        file = source(name)
        package = [str(file.parent)] if file.name == "__init__.py" else None
        return importlib.util.spec_from_file_location(
            name, file, submodule_search_locations=package
        )


def guard(root: Path = ROOT) -> None:
    """Fall back to the .py files, with a warning, when the compiled build is stale; without one
    when RESEARCH_COMPILED=0 asks for them (to compare the two builds in one checkout)."""
    if os.environ.get("RESEARCH_COMPILED") == "0":
        sys.meta_path.insert(0, _SourcesFirst())
        return
    status = state(root)
    if status.startswith("stale"):
        sys.meta_path.insert(0, _SourcesFirst())
        warnings.warn(
            f"research: the compiled build is {status}; running the .py files instead "
            "(`make compiled` rebuilds it, `make clean-compiled` removes it)",
            StaleCompiledBuild,
            stacklevel=2,
        )
