"""The optional compiled build's guard: a build that no longer matches its sources is not used.

The states are checked on a copy of the build's sources in a temporary folder (with a stand-in
for mypyc's shared library: the guard reads only the record and which files are there), so that
these tests run alike in a pure-Python checkout and beside a real compiled build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from research import compiled
from research.compiled import MODULES, StaleCompiledBuild, guard, record, source, state


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A folder holding a copy of the build's .py files, as src/ holds them."""
    for name in MODULES:
        copy = tmp_path / source(name).relative_to(compiled.ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source(name), copy)
    return tmp_path


def built(root: Path) -> None:
    """What `make compiled` leaves: the record of the sources and mypyc's shared library."""
    record(root).write_text(
        json.dumps({"python": "3", "sources": compiled.source_hashes(root)}), encoding="utf-8"
    )
    (root / f"research__mypyc{EXTENSION_SUFFIXES[0]}").write_bytes(b"")


def test_no_compiled_files_is_pure_python(sources: Path) -> None:
    assert state(sources) == "pure"


def test_a_build_that_matches_its_sources_is_used(sources: Path) -> None:
    built(sources)
    assert state(sources) == "compiled"


def test_an_edited_source_makes_the_build_stale_and_names_it(sources: Path) -> None:
    built(sources)
    text = sources / "research" / "text.py"
    text.write_text(text.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert state(sources) == "stale: edited since they were compiled: research.text"


def test_compiled_modules_without_their_record_are_stale(sources: Path) -> None:
    built(sources)
    record(sources).unlink()
    assert state(sources).startswith("stale: ")
    assert "without its record" in state(sources)


def test_a_damaged_record_is_stale_not_an_error(sources: Path) -> None:
    built(sources)
    record(sources).write_text('{"sources": ["not", "a", "mapping"]}', encoding="utf-8")
    assert state(sources).startswith(f"stale: {record(sources)} cannot be read")


def test_the_guard_warns_and_imports_the_sources_of_a_stale_build(
    sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built(sources)
    (sources / "research" / "segment.py").write_text("# edited\n", encoding="utf-8")
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))  # the finder goes with the test
    monkeypatch.delenv("RESEARCH_COMPILED", raising=False)
    with pytest.warns(StaleCompiledBuild, match=r"research\.segment.*make compiled"):
        guard(sources)
    finder = sys.meta_path[0]
    spec = finder.find_spec("research.attribution", None)
    assert spec is not None and spec.origin == str(source("research.attribution"))
    assert spec.submodule_search_locations == [str(source("research.attribution").parent)]
    assert finder.find_spec("research.cli", None) is None


def test_the_guard_is_silent_on_a_build_that_matches(
    sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built(sources)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.delenv("RESEARCH_COMPILED", raising=False)
    before = list(sys.meta_path)
    guard(sources)  # warnings are errors here: a warning would fail the test
    assert sys.meta_path == before


def test_research_compiled_0_imports_every_module_of_the_build_from_its_source() -> None:
    # In a fresh process, as a user would: with a compiled build there, this is what compares
    # the two builds in one checkout; without one, the same finder must import them all.
    program = (
        "import importlib, sys\n"
        "from research.compiled import MODULES\n"
        "for name in MODULES:\n"
        "    print(importlib.import_module(name).__file__)\n"
    )
    env = {**os.environ, "RESEARCH_COMPILED": "0"}
    run = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    )
    files = run.stdout.split()
    assert files == [str(source(name)) for name in MODULES]
