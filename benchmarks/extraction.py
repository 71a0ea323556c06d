"""Statement extraction speed on one core: segmenting, attributing, resolving parties.

    .venv/bin/python benchmarks/extraction.py FOLDER [--repeat 3]
    .venv/bin/python benchmarks/extraction.py FOLDER --against OTHER_CHECKOUT [--rounds 4]

FOLDER holds .txt articles (for the figure in the README: PolNeAR's data/train/text, fetched
separately and never committed). Sentiment is left out: this measures finding who said what.
Prints articles per second and MB per second, best of --repeat runs, after one warm-up run.

With --against, the same extraction (this file's `extract`) runs on two checkouts of the
package, this one and OTHER_CHECKOUT (its `src/` first on the import path), each in its own
process, interleaved: other, this, other, this, ... for --rounds rounds, so that load on a
shared machine falls on both alike. Each process times one pass after a warm-up pass, in CPU
seconds (`time.process_time`, which other processes lengthen much less than wall time). It
prints each round and the ratio this / other of articles a CPU second: per round, their median,
and of each side's best run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def extract(texts: list[str]) -> int:
    from research import attribution, clean, entities, parties, segment
    from research.pipeline import load_lexicons

    lexicons = load_lexicons()
    found = 0
    for text in texts:
        paragraphs = clean.clean_paragraphs(text, segment.split_paragraphs(text))
        kept = [
            (i, p.core)
            for i, p in enumerate(paragraphs)
            if p.duplicate_of is None and not p.core.empty
        ]
        sentences = segment.split_sentences_in(text, [core for _, core in kept])
        units = [(i, core, spans) for (i, core), spans in zip(kept, sentences, strict=True)]
        statements = attribution.find_statements(text, units, lexicons.cues, tags=lexicons.tags)
        speakers = [s.refers_to or s.speaker for s in statements]
        resolved = entities.resolve_speakers(
            text, speakers, lexicons.names, known=list(lexicons.parties.people)
        )
        for statement, entity in zip(statements, resolved, strict=True):
            parties.resolve_party(
                lexicons.parties,
                speaker=statement.speaker.text(text) if statement.speaker is not None else None,
                entity=entity.name if entity is not None else None,
            )
        found += len(statements)
    return found


def read_texts(folder: Path) -> list[str]:
    from research.io import read_articles

    return [str(text) for text in read_articles([folder])["text"].tolist()]


def worker(folder: Path) -> None:
    """One timed pass after a warm-up pass, as JSON on stdout (run by `--against`)."""
    import research

    texts = read_texts(folder)
    extract(texts[:50])  # warm-up: lexicons load once
    started, cpu = time.perf_counter(), time.process_time()
    statements = extract(texts)
    record = {
        "package": str(Path(research.__file__).parent),
        "articles": len(texts),
        "statements": statements,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu,
    }
    print(json.dumps(record))


def run_worker(folder: Path, checkout: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    done = subprocess.run(
        [sys.executable, str(HERE), str(folder), "--worker"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    record: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return record


def against(folder: Path, other: Path, rounds: int) -> None:
    this = HERE.parents[1]
    rates: dict[str, list[float]] = {"other": [], "this": []}
    print(f"other: {other}\nthis:  {this}\n(articles a CPU second; wall seconds in brackets)")
    for number in range(1, rounds + 1):
        line = []
        for side, checkout in (("other", other), ("this", this)):
            record = run_worker(folder, checkout)
            rate = record["articles"] / record["cpu_seconds"]
            rates[side].append(rate)
            line.append(
                f"{side} {rate:6.1f} ({record['seconds']:5.1f} s, "
                f"{record['statements']:.0f} statements)"
            )
        ratio = rates["this"][-1] / rates["other"][-1]
        print(f"round {number}: " + "   ".join(line) + f"   this/other {ratio:.2f}")
    per_round = [t / o for t, o in zip(rates["this"], rates["other"], strict=True)]
    print(
        f"this / other: median of rounds {statistics.median(per_round):.2f}, "
        f"best against best {max(rates['this']) / max(rates['other']):.2f} "
        f"(best {max(rates['this']):.1f} vs {max(rates['other']):.1f} articles a CPU second)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, metavar="CHECKOUT", help="Interleave with it.")
    parser.add_argument("--rounds", type=int, default=4, help="Rounds with --against [4].")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options.folder)
        return
    if options.against is not None:
        against(options.folder, options.against.resolve(), options.rounds)
        return
    texts = read_texts(options.folder)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract(texts[:50])  # warm-up: lexicons load once
    best = float("inf")
    for _ in range(options.repeat):
        started = time.perf_counter()
        statements = extract(texts)
        best = min(best, time.perf_counter() - started)
    print(
        f"{len(texts)} articles ({megabytes:.1f} MB), {statements} statements: "
        f"{len(texts) / best:.0f} articles/s, {megabytes / best:.2f} MB/s on one core (best of {options.repeat})"
    )


if __name__ == "__main__":
    main()
