"""Portrayal speed: `toward` in targets a second on one core, and the pipeline with and without it.

    .venv/bin/python benchmarks/portrayal.py [--polnear PATH/TO/PolNeAR] [--repeat 3]

1. `toward` on invented sentences and paragraphs (this file's own text, several targets each):
   targets a second of CPU time, best of --repeat, after a warm-up that loads the model;
2. `pipeline.analyze` on the bundled corpus (data/raw) and, with --polnear, on a slice of
   PolNeAR's train texts (the first --articles; fetched separately, never committed), with
   `portray=False` (the pipeline before this stage) and with it: seconds of CPU time, best of
   --repeat, and the slowdown. The issue's limit: at most 25% slower.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from research.io import read_articles
from research.pipeline import analyze, load_lexicons
from research.portrayal import load_model, toward

ROOT = Path(__file__).resolve().parent.parent

# Invented text: (sentence, mentions). Repeated to size.
SENTENCES = [
    ("The mayor praised the volunteers but blamed the council for the delays.", ["mayor", "volunteers", "council"]),
    ("Officials in the capital rejected the proposal from the union on Tuesday.", ["Officials", "union"]),
    ("The senator, who had long opposed the plan, said the governor deserved credit for the deal.", ["senator", "governor"]),
    ("Protesters accused the police of using excessive force, a charge the department denied.", ["Protesters", "police", "department"]),
    ("“We will not support a deal that betrays our farmers,” the minister told reporters.", ["farmers", "minister"]),
]  # fmt: skip


def best_cpu(function: Callable[[], object], repeat: int) -> float:
    """The least CPU time (seconds) of `repeat` runs: other load on the machine does not count."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def bench_toward(repeat: int) -> None:
    load_model()
    cases = []
    for text, mentions in SENTENCES * 40:
        cases.append((text, [(text.index(m), text.index(m) + len(m)) for m in mentions]))
    paragraph = " ".join(text for text, _ in SENTENCES)
    spans = [(paragraph.index(m), paragraph.index(m) + len(m)) for _, ms in SENTENCES for m in ms]
    targets = sum(len(s) for _, s in cases)
    toward(*cases[0])  # warm-up: lexicons and model loaded

    def sentences() -> None:
        for text, found in cases:
            toward(text, found)

    def paragraphs() -> None:
        for _ in range(40):
            toward(paragraph, spans)

    seconds = best_cpu(sentences, repeat)
    print(f"toward, one sentence a call: {targets / seconds:8.0f} targets/s ({targets} targets)")
    seconds = best_cpu(paragraphs, repeat)
    print(f"toward, one paragraph a call: {40 * len(spans) / seconds:7.0f} targets/s")


def bench_pipeline(name: str, articles: pd.DataFrame, repeat: int) -> None:
    lexicons = load_lexicons()
    analyze(articles.head(1), lexicons)  # warm-up
    before = best_cpu(lambda: analyze(articles, lexicons, portray=False), repeat)
    # the stage itself (what `research statements` runs), then with each party's summary as well
    mentioned = best_cpu(lambda: analyze(articles, lexicons, per_party=False), repeat)
    after = best_cpu(lambda: analyze(articles, lexicons), repeat)
    mentions = len(analyze(articles, lexicons).mentions)
    print(
        f"pipeline on {name} ({len(articles)} articles, {mentions} party mentions): "
        f"{before:.2f} s without portrayal, {mentioned:.2f} s with the portrayal of each mention "
        f"({100 * (mentioned / before - 1):+.0f}%), {after:.2f} s with each party's summary too "
        f"({100 * (after / before - 1):+.0f}%; {len(articles) / after:.0f} articles/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--polnear",
        type=Path,
        help="PolNeAR's folder (data/train/text inside) or a folder of texts",
    )
    parser.add_argument("--articles", type=int, default=100, help="PolNeAR texts to use")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench_toward(args.repeat)
    bundled = read_articles(sorted((ROOT / "data" / "raw").glob("*.txt")))
    bench_pipeline("the bundled corpus", bundled, args.repeat)
    if args.polnear is not None:
        folder = args.polnear / "data" / "train" / "text"  # PolNeAR's root, or its text folder
        texts = sorted((folder if folder.is_dir() else args.polnear).glob("*.txt"))[: args.articles]
        if not texts:
            parser.error(f"{args.polnear}: no .txt files (give PolNeAR's folder or its texts')")
        bench_pipeline("a PolNeAR train slice", read_articles(texts), args.repeat)


if __name__ == "__main__":
    main()
