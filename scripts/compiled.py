"""The optional compiled build: the hot pure-Python modules compiled with mypyc, beside their sources.

    .venv/bin/python scripts/compiled.py build     # `make compiled`: compile, record the sources
    .venv/bin/python scripts/compiled.py clean     # `make clean-compiled`: back to pure Python
    .venv/bin/python scripts/compiled.py status    # compiled, pure Python, or stale

mypyc (it ships with mypy) turns each module in `MODULES` into a C extension written next to its
.py file (`text.cpython-311-x86_64-linux-gnu.so` beside `text.py`), plus one shared library
(`src/research__mypyc.*.so`) that holds their code. Python imports an extension in preference to
the .py file of the same name, so the package runs compiled when they are there and as pure
Python when they are not: the .py files are always the source of truth and the fallback.

A compiled module ignores edits to its .py file. So the build writes `src/research/compiled.json`,
the SHA-256 of every source it compiled, and `research.compiled.guard` (called when the package
is imported) compares them with the sources: when any differs, or an extension is there without
its record, the package warns and imports every compiled module from its .py file instead. The
build is skipped when the record matches the sources already; `clean` removes every file it made.

Why these modules: they are where `research statements` spends its time (the README's profile:
attribution, speaker resolution, portrayal of mentions, hedges and labels, segmenting),, and mypyc
compiles them unchanged (but for `attribution.rules.Step`, a plain class now: mypyc cannot build
a generic dataclass, mypyc/mypyc#827).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))  # research.compiled, read from this checkout

from research.compiled import (  # noqa: E402 (after the path it is found on)
    GROUP,
    MODULES,
    compiled_files,
    record,
    source,
    source_hashes,
    state,
)


def build(*, jobs: int) -> None:
    if state() == "compiled":
        print(f"compiled build up to date ({len(MODULES)} modules); nothing to do")
        return
    clean(quiet=True)
    # mypyc and setuptools are imported only here: neither is needed to run the package.
    from mypyc.build import mypycify
    from setuptools import setup

    started = time.perf_counter()
    hashes = source_hashes()  # before compiling: a source edited meanwhile makes the build stale
    os.chdir(SRC)  # mypy finds `research` here, and the extensions land beside their sources
    try:
        with tempfile.TemporaryDirectory(prefix="research-mypyc-") as temp:
            extensions = mypycify(
                [str(source(name).relative_to(SRC)) for name in MODULES],
                group_name=GROUP,
                multi_file=True,  # one C file a module, so that `jobs` compilers share them
                target_dir=str(Path(temp) / "c"),
            )
            setup(
                name="research-compiled",
                ext_modules=extensions,
                script_args=[
                    "--quiet",
                    "build_ext",
                    "--inplace",
                    f"--parallel={jobs}",
                    f"--build-temp={Path(temp) / 'temp'}",
                    f"--build-lib={Path(temp) / 'lib'}",
                ],
            )
    except BaseException:
        clean(quiet=True)  # no half build: the package stays pure Python
        raise
    record().write_text(
        json.dumps({"python": sys.version.split()[0], "sources": hashes}, indent=2, sort_keys=True)
        + "\n",
        encoding="utf-8",
    )
    print(
        f"compiled {len(MODULES)} modules with mypyc in {time.perf_counter() - started:.0f} s; "
        f"`make clean-compiled` returns to pure Python"
    )


def clean(*, quiet: bool = False) -> None:
    removed = compiled_files()
    for path in removed:
        path.unlink()
    if record().exists():
        record().unlink()
        removed.append(record())
    shutil.rmtree(SRC / ".mypy_cache", ignore_errors=True)  # mypyc's, written where it ran
    if not quiet:
        print(f"removed {len(removed)} compiled files; the package is pure Python")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "clean", "status"])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="C compilers at once")
    args = parser.parse_args()
    if args.action == "build":
        build(jobs=args.jobs)
    elif args.action == "clean":
        clean()
    else:
        print(state())


if __name__ == "__main__":
    main()
