"""Where the pipeline's time goes: cProfile of `research statements` on a corpus, in this process.

    make profile                                  # 300 synthetic articles (benchmarks/corpus.py)
    make profile CORPUS=path/to/articles/         # your own corpus (any input research reads)
    make profile LINE=300                         # one 300 KB paragraph on one line instead
    .venv/bin/python -m pstats benchmarks/profile.prof   # browse the saved profile

cProfile (the standard library's deterministic profiler: no install, exact call counts, the
callers of each function) over the command's work, after a warm-up run (imports, lexicons).
It prints the functions by own time and by cumulative time and saves the profile beside this
script. Per-call overhead inflates small Python functions against C code (regular expressions,
Bling Fire): read it for where time goes and how often, and time a change with `make bench`.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import tempfile
from pathlib import Path

from corpus import write_corpus
from scaling import paragraph

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="[300 synthetic articles]")
    parser.add_argument("--line", type=int, metavar="KB", help="One paragraph of KB on one line.")
    parser.add_argument("--top", type=int, default=30, help="Functions listed [30].")
    parser.add_argument("--output", type=Path, default=HERE / "profile.prof")
    args = parser.parse_args()

    from research.cli import main as research

    with tempfile.TemporaryDirectory(prefix="research-profile-") as folder:
        work = Path(folder)
        corpus = args.corpus
        if args.line:
            corpus = work / "line.txt"
            corpus.write_text(paragraph(args.line), encoding="utf-8")
        elif corpus is None:
            corpus = write_corpus(work / "corpus.jsonl", 300)
        command = ["statements", str(corpus), "-o", str(work / "out.jsonl"), "-q"]
        with contextlib.redirect_stderr(io.StringIO()):
            research(command, standalone_mode=False)  # warm-up
            profiler = cProfile.Profile()
            profiler.runcall(research, command, standalone_mode=False)
    profiler.dump_stats(args.output)
    stats = pstats.Stats(profiler).strip_dirs()
    print(f"research {' '.join(command[:2])}: by own time")
    stats.sort_stats("tottime").print_stats(args.top)
    print("by cumulative time")
    stats.sort_stats("cumulative").print_stats(args.top)
    print(f"saved: {args.output} (python -m pstats {args.output})")


if __name__ == "__main__":
    main()
