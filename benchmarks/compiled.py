"""The compiled build (`make compiled`) against pure Python, on the same corpus, taking turns.

    make bench-compiled [CORPUS=path]     # builds it first when needed
    .venv/bin/python benchmarks/compiled.py [CORPUS] [--rounds 2]

CORPUS is what `research statements` reads; 500 synthetic articles (benchmarks/corpus.py) when it
is not given. Each round runs `benchmarks/speed.py CORPUS --repeat 1` twice in fresh processes, once on the
compiled modules and once on their .py files (RESEARCH_COMPILED=0), the one that goes first
alternating, so that a change of load on a shared machine falls on both alike. It prints each
build's pipeline articles a CPU second and ratio to TextBlob on every sentence (best round), and
the compiled build's speed-up over pure Python in each round. Times are CPU seconds, as in
speed.py. Needs an up-to-date compiled build: a stale one would run as pure Python twice.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from corpus import write_corpus

HERE = Path(__file__).resolve().parent
BUILDS = {"pure Python": "0", "compiled": "1"}  # RESEARCH_COMPILED


def run(corpus: Path, build: str) -> dict[str, Any]:
    env = {**os.environ, "RESEARCH_COMPILED": BUILDS[build]}
    command = [sys.executable, str(HERE / "speed.py"), str(corpus), "--repeat", "1", "--json"]
    result: dict[str, Any] = json.loads(
        subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    )
    if result["build"] != build:
        sys.exit(f"asked for the {build} build, ran the {result['build']} one: run `make compiled`")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="[500 synthetic articles]")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="research-compiled-") as folder:
        corpus = args.corpus or write_corpus(Path(folder) / "corpus.jsonl", 500)
        compare(corpus, rounds=args.rounds)


def compare(corpus: Path, *, rounds: int) -> None:

    results: dict[str, list[dict[str, Any]]] = {build: [] for build in BUILDS}
    for turn in range(rounds):
        order = list(BUILDS) if turn % 2 == 0 else list(reversed(BUILDS))
        for build in order:
            results[build].append(run(corpus, build))
            rate = results[build][-1]["articles_per_cpu_second"]["pipeline"]
            print(f"  round {turn + 1}, {build}: pipeline {rate:.1f} articles a CPU second")

    def rates(build: str) -> list[float]:
        return [r["articles_per_cpu_second"]["pipeline"] for r in results[build]]

    print(f"{results['compiled'][0]['articles']} articles, best of {rounds} rounds:")
    for build in BUILDS:
        best = max(results[build], key=lambda r: r["articles_per_cpu_second"]["pipeline"])
        print(
            f"  {build:12} pipeline {best['articles_per_cpu_second']['pipeline']:6.1f} articles "
            f"a CPU second, {best['ratio_to_textblob']:.2f}x TextBlob on every sentence"
        )
    pure, compiled = rates("pure Python"), rates("compiled")
    each = ", ".join(f"{c / p:.2f}" for p, c in zip(pure, compiled, strict=True))
    print(f"  compiled / pure Python: {max(compiled) / max(pure):.2f}x (each round: {each})")


if __name__ == "__main__":
    main()
