"""The pipeline against sentence sentiment alone, side by side in one process, on one core.

    .venv/bin/python benchmarks/speed.py CORPUS [--repeat 3] [--chunk 120]

CORPUS is what `research statements` reads (a folder of .txt files, a .jsonl file, ...). Its
articles are cut into chunks of --chunk (written as folders of .txt files), and three things
take turns on each chunk, the one that goes first rotating, so that a change of load on a shared
machine falls on all three alike; each of --repeat rounds is one pass over the corpus, and each
measure is judged by its fastest round (other load only ever slows a run):

- the pipeline: `research statements CHUNK -o out.jsonl`, called in this process (reading,
  every stage, writing JSON Lines; not the interpreter's start-up or the imports);
- TextBlob: the polarity of every Bling Fire sentence of the same texts, already read, through
  the analyzer TextBlob's `.sentiment` calls (without the TextBlob object around it), the
  sentences found by `research.segment.sentence_offsets` (Bling Fire, five times faster than its
  own Python wrapper): the fastest way to call both libraries, so the baseline is a hard one
  (the pipeline itself scores contents through a copy of that analyzer that looks words up in a
  plain dict, `research.sentiment`; the baseline keeps TextBlob's own object);
- VADER: the compound score of every such sentence, for scale.

Times are CPU seconds of this process (`time.process_time`): other processes on the machine
lengthen wall time, much less CPU time. The ratio is pipeline articles/s over TextBlob's, of the
best rounds and of each round.
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


def measure(corpus: Path, *, repeat: int = 3, chunk: int = 120) -> dict[str, Any]:
    """Articles a CPU second of the pipeline, TextBlob and VADER on every sentence, and ratios.

    The corpus is cut into chunks of `chunk` articles, and the three take turns on each chunk
    (the one that goes first rotating), so that a change of load on a shared machine falls on
    all three alike; each round is one pass over the corpus, and each measure its best round."""
    from textblob.en import sentiment as textblob_sentiment
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from research.cli import main
    from research.io import read_articles
    from research.segment import sentence_offsets

    texts = [str(text) for text in read_articles([corpus])["text"].tolist()]
    vader = SentimentIntensityAnalyzer()
    sentences = sum(len(sentence_offsets(text)) for text in texts)

    with tempfile.TemporaryDirectory(prefix="research-speed-") as folder:
        out = Path(folder) / "statements.jsonl"
        parts = []  # (a folder of the chunk's articles, their texts)
        for number, start in enumerate(range(0, len(texts), chunk)):
            part = Path(folder) / f"chunk{number:04d}"
            part.mkdir()
            for index, text in enumerate(texts[start : start + chunk], start=start):
                (part / f"{index:06d}.txt").write_text(text, encoding="utf-8")
            parts.append((part, texts[start : start + chunk]))

        def pipeline(part: Path, _: list[str]) -> None:
            with contextlib.redirect_stderr(io.StringIO()):  # its "N statements -> out" line
                main(["statements", str(part), "-o", str(out), "-q"], standalone_mode=False)

        def textblob(_: Path, chunk_texts: list[str]) -> None:
            for text in chunk_texts:
                for start, end in sentence_offsets(text):
                    textblob_sentiment(text[start:end])

        def vader_every_sentence(_: Path, chunk_texts: list[str]) -> None:
            for text in chunk_texts:
                for start, end in sentence_offsets(text):
                    vader.polarity_scores(text[start:end])

        runs: dict[str, Callable[[Path, list[str]], None]] = {
            "pipeline": pipeline,
            "textblob_every_sentence": textblob,
            "vader_every_sentence": vader_every_sentence,
        }
        pipeline(*parts[0])  # warm-up: lexicons and the first imports are not the pipeline's own
        seconds: dict[str, list[float]] = {name: [] for name in runs}
        statements = 0
        for _ in range(repeat):
            spent = dict.fromkeys(runs, 0.0)
            statements = 0
            for turn, (part, chunk_texts) in enumerate(parts):
                names = list(runs)
                for name in names[turn % 3 :] + names[: turn % 3]:
                    started = time.process_time()
                    runs[name](part, chunk_texts)
                    spent[name] += time.process_time() - started
                statements += sum(1 for _ in out.open(encoding="utf-8"))
            for name, total in spent.items():
                seconds[name].append(total)

    best = {name: min(times) for name, times in seconds.items()}
    per_second = {name: len(texts) / s for name, s in best.items()}
    textblob_seconds, pipeline_seconds = seconds["textblob_every_sentence"], seconds["pipeline"]
    by_round = [t / p for t, p in zip(textblob_seconds, pipeline_seconds, strict=True)]
    return {
        "corpus": str(corpus),
        "build": build(),
        "articles": len(texts),
        "sentences": sentences,
        "statements": statements,
        "cpu_seconds": {name: [round(s, 2) for s in times] for name, times in seconds.items()},
        "articles_per_cpu_second": {name: round(rate, 1) for name, rate in per_second.items()},
        "ratio_to_textblob": round(
            per_second["pipeline"] / per_second["textblob_every_sentence"], 2
        ),
        "ratio_to_textblob_by_round": [round(r, 2) for r in by_round],
        "ratio_to_vader": round(per_second["pipeline"] / per_second["vader_every_sentence"], 2),
    }


def build() -> str:
    """Which build of the package ran: the mypyc-compiled one (`make compiled`) or pure Python."""
    import research.text

    return "compiled" if research.text.__file__.endswith((".so", ".pyd")) else "pure Python"


def print_result(result: dict[str, Any]) -> None:
    rates = result["articles_per_cpu_second"]
    print(
        f"{result['build']} build; {result['articles']} articles, {result['sentences']} sentences, "
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
    rounds = ", ".join(f"{r:.2f}" for r in result["ratio_to_textblob_by_round"])
    print(f"  pipeline / TextBlob in each round: {rounds}")


def cli(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=120, help="Articles a turn [120].")
    parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
    args = parser.parse_args(argv)
    result = measure(args.corpus, repeat=args.repeat, chunk=args.chunk)
    print(json.dumps(result, indent=2)) if args.json else print_result(result)


if __name__ == "__main__":
    cli()
