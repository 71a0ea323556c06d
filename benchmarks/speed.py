"""The pipeline against sentence sentiment alone, side by side in one process, on one core.

    .venv/bin/python benchmarks/speed.py CORPUS [--repeat 3]

CORPUS is what `research statements` reads (a folder of .txt files, a .jsonl file, ...). Three
things are timed in turn, --repeat times, each judged by its fastest run (other load on a shared
machine only ever slows a run):

- the pipeline: `research statements CORPUS -o out.jsonl`, called in this process (reading,
  every stage, writing JSON Lines; not the interpreter's start-up or the imports);
- TextBlob: the polarity of every Bling Fire sentence of the same texts, already read, through
  the analyzer TextBlob's `.sentiment` calls (without the TextBlob object around it), the
  sentences found by `research.segment.sentence_offsets` (Bling Fire, five times faster than its
  own Python wrapper): the fastest way to call both libraries, so the baseline is a hard one;
- VADER: the compound score of every such sentence, for scale.

Times are CPU seconds of this process (`time.process_time`): other processes on the machine
lengthen wall time, much less CPU time. The ratio is pipeline articles/s over TextBlob's.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

TARGET_RATIO = 1.0  # the pipeline at least as fast as TextBlob on every sentence (toward 2.5)


def measure(corpus: Path, *, repeat: int = 3) -> dict[str, Any]:
    """Articles a CPU second of the pipeline, TextBlob and VADER on every sentence, and ratios."""
    from textblob.en import sentiment as textblob_sentiment
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from research.cli import main
    from research.io import read_articles
    from research.segment import sentence_offsets

    texts = read_articles([corpus])["text"].tolist()
    vader = SentimentIntensityAnalyzer()
    sentences = sum(len(sentence_offsets(text)) for text in texts)

    with tempfile.TemporaryDirectory(prefix="research-speed-") as folder:
        out = Path(folder) / "statements.jsonl"

        def pipeline() -> None:
            with contextlib.redirect_stderr(io.StringIO()):  # its "N statements -> out" line
                main(["statements", str(corpus), "-o", str(out), "-q"], standalone_mode=False)

        def textblob() -> None:
            for text in texts:
                for start, end in sentence_offsets(text):
                    textblob_sentiment(text[start:end])

        def vader_every_sentence() -> None:
            for text in texts:
                for start, end in sentence_offsets(text):
                    vader.polarity_scores(text[start:end])

        runs: dict[str, Callable[[], None]] = {
            "pipeline": pipeline,
            "textblob_every_sentence": textblob,
            "vader_every_sentence": vader_every_sentence,
        }
        pipeline()  # warm-up: lexicons and the first imports are not the pipeline's own cost
        seconds: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(repeat):
            for name, run in runs.items():
                started = time.process_time()
                run()
                seconds[name].append(time.process_time() - started)
        statements = sum(1 for _ in out.open(encoding="utf-8"))

    best = {name: min(times) for name, times in seconds.items()}
    per_second = {name: len(texts) / s for name, s in best.items()}
    return {
        "corpus": str(corpus),
        "articles": len(texts),
        "sentences": sentences,
        "statements": statements,
        "cpu_seconds": {name: [round(s, 2) for s in times] for name, times in seconds.items()},
        "articles_per_cpu_second": {name: round(rate, 1) for name, rate in per_second.items()},
        "ratio_to_textblob": round(
            per_second["pipeline"] / per_second["textblob_every_sentence"], 2
        ),
        "ratio_to_vader": round(per_second["pipeline"] / per_second["vader_every_sentence"], 2),
    }


def print_result(result: dict[str, Any]) -> None:
    rates = result["articles_per_cpu_second"]
    print(
        f"{result['articles']} articles, {result['sentences']} sentences, "
        f"{result['statements']} statements; articles a CPU second (best of "
        f"{len(result['cpu_seconds']['pipeline'])}):"
    )
    print(f"  pipeline (research statements)      {rates['pipeline']:8.1f}")
    print(f"  TextBlob polarity, every sentence   {rates['textblob_every_sentence']:8.1f}")
    print(f"  VADER compound, every sentence      {rates['vader_every_sentence']:8.1f}")
    verdict = "met" if result["ratio_to_textblob"] >= TARGET_RATIO else "MISSED"
    print(
        f"  pipeline / TextBlob                 {result['ratio_to_textblob']:8.2f}x"
        f"   target >= {TARGET_RATIO}  {verdict}"
    )
    print(f"  pipeline / VADER                    {result['ratio_to_vader']:8.2f}x")


def cli(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
    args = parser.parse_args(argv)
    result = measure(args.corpus, repeat=args.repeat)
    print(json.dumps(result, indent=2)) if args.json else print_result(result)


if __name__ == "__main__":
    cli()
