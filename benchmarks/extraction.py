"""Statement extraction speed on one core: segmenting, attributing, resolving parties.

    .venv/bin/python benchmarks/extraction.py FOLDER [--repeat 3]
    .venv/bin/python benchmarks/extraction.py FOLDER --against OTHER_CHECKOUT [--rounds 4]

FOLDER holds .txt articles (for the figure in the README: PolNeAR's data/train/text, fetched
separately and never committed). Sentiment is left out: this measures finding who said what.
Prints articles per second and MB per second, best of --repeat runs, after one warm-up run.

With --against, the same extraction (this file's `extract`) runs on two checkouts of the
package, this one and OTHER_CHECKOUT (for issue 14: the commit before the rule table), each in
a long-lived process of its own with that checkout's `src/` first on the import path. The two
take turns on each chunk of --chunk texts, the one that goes first alternating, for --rounds
passes over the texts, so that load on a shared machine falls on both alike. Time is CPU time
(`time.process_time`), which other processes lengthen less than wall time. It prints each
round's articles a CPU second and the ratio this / other: per round, their median and range,
and of each side's best round; then each stage's CPU seconds (segmenting, attributing, resolving
speakers, parties), to show where the two differ.
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


STAGES = ("segmenting", "attributing", "speakers", "parties")


def extract(texts: list[str], stages: dict[str, float] | None = None) -> int:
    """The statements found in `texts`; `stages`, when given, sums the CPU seconds of each of
    STAGES (the clock is read a few times an article: a small cost, the same for both sides)."""
    from research import attribution, clean, entities, parties, segment
    from research.pipeline import load_lexicons

    lexicons = load_lexicons()
    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    found = 0
    for text in texts:
        started = clock()
        paragraphs = clean.clean_paragraphs(text, segment.split_paragraphs(text))
        kept = [
            (i, p.core)
            for i, p in enumerate(paragraphs)
            if p.duplicate_of is None and not p.core.empty
        ]
        sentences = segment.split_sentences_in(text, [core for _, core in kept])
        units = [(i, core, spans) for (i, core), spans in zip(kept, sentences, strict=True)]
        segmented = clock()
        statements = attribution.find_statements(text, units, lexicons.cues, tags=lexicons.tags)
        attributed = clock()
        speakers = [s.refers_to or s.speaker for s in statements]
        resolved = entities.resolve_speakers(
            text, speakers, lexicons.names, known=list(lexicons.parties.people)
        )
        named = clock()
        for statement, entity in zip(statements, resolved, strict=True):
            parties.resolve_party(
                lexicons.parties,
                speaker=statement.speaker.text(text) if statement.speaker is not None else None,
                entity=entity.name if entity is not None else None,
            )
        found += len(statements)
        for stage, (begun, ended) in zip(
            STAGES,
            [(started, segmented), (segmented, attributed), (attributed, named), (named, clock())],
            strict=True,
        ):
            spent[stage] += ended - begun
    if stages is not None:
        for stage, seconds in spent.items():
            stages[stage] = stages.get(stage, 0.0) + seconds
    return found


def read_texts(folder: Path) -> list[str]:
    from research.io import read_articles

    return [str(text) for text in read_articles([folder])["text"].tolist()]


def worker(folder: Path) -> None:
    """Serve `--against`: read the texts, warm up, say "ready", then for each line "START END"
    on stdin extract texts[START:END] and print the CPU and wall seconds it took, as JSON."""
    texts = read_texts(folder)
    extract(texts[:50])  # warm-up: imports, lexicons
    print("ready", flush=True)
    for line in sys.stdin:
        start, end = map(int, line.split())
        stages: dict[str, float] = {}
        started, cpu = time.perf_counter(), time.process_time()
        statements = extract(texts[start:end], stages)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        record = {"statements": statements, "seconds": seconds, "cpu": cpu_seconds, **stages}
        print(json.dumps(record))
        sys.stdout.flush()


class Worker:
    """One checkout's worker process (`worker`), its `src/` first on the import path."""

    def __init__(self, folder: Path, checkout: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE), str(folder), "--worker"],
            env={**os.environ, "PYTHONPATH": str(checkout / "src")},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin, self.stdout = self.process.stdin, self.process.stdout
        if self.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the worker on {checkout} failed to start")

    def run(self, start: int, end: int) -> dict[str, float]:
        self.stdin.write(f"{start} {end}\n")
        self.stdin.flush()
        record: dict[str, float] = json.loads(self.stdout.readline())
        return record

    def close(self) -> None:
        self.stdin.close()
        self.process.wait()


def against(folder: Path, other: Path, rounds: int, chunk: int) -> None:
    """Both checkouts' workers take turns on the same chunk of texts, the one that goes first
    alternating, so that load on a shared machine falls on both alike; each round is one pass
    over all texts."""
    this = HERE.parents[1]
    count = len(read_texts(folder))
    workers = {"other": Worker(folder, other), "this": Worker(folder, this)}
    print(f"other: {other}\nthis:  {this}\n{count} articles in chunks of {chunk}, interleaved")
    rates: dict[str, list[float]] = {"other": [], "this": []}
    stages: dict[str, dict[str, float]] = {"other": {}, "this": {}}  # CPU seconds, all rounds
    try:
        for number in range(1, rounds + 1):
            cpu = {"other": 0.0, "this": 0.0}
            statements = {"other": 0.0, "this": 0.0}
            for turn, start in enumerate(range(0, count, chunk)):
                order = ("other", "this") if turn % 2 == 0 else ("this", "other")
                for side in order:
                    record = workers[side].run(start, min(start + chunk, count))
                    cpu[side] += record["cpu"]
                    for stage in STAGES:
                        stages[side][stage] = stages[side].get(stage, 0.0) + record[stage]
                    statements[side] += record["statements"]
            for side in rates:
                rates[side].append(count / cpu[side])
            print(
                f"round {number}: other {rates['other'][-1]:6.1f}, this {rates['this'][-1]:6.1f}"
                f" articles a CPU second ({statements['other']:.0f} and "
                f"{statements['this']:.0f} statements)   this/other "
                f"{rates['this'][-1] / rates['other'][-1]:.2f}"
            )
    finally:
        for running in workers.values():
            running.close()
    per_round = [t / o for t, o in zip(rates["this"], rates["other"], strict=True)]
    print(
        f"this / other: median of rounds {statistics.median(per_round):.2f} "
        f"(from {min(per_round):.2f} to {max(per_round):.2f}); best against best "
        f"{max(rates['this']) / max(rates['other']):.2f} "
        f"({max(rates['this']):.1f} vs {max(rates['other']):.1f} articles a CPU second)"
    )
    print("by stage, CPU seconds a round (other, this, this/other):")
    for stage in STAGES:
        mine, theirs = stages["this"][stage] / rounds, stages["other"][stage] / rounds
        print(f"  {stage:12} {theirs:7.2f} {mine:7.2f}   {mine / theirs:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, metavar="CHECKOUT", help="Interleave with it.")
    parser.add_argument("--rounds", type=int, default=4, help="Rounds with --against [4].")
    parser.add_argument("--chunk", type=int, default=40, help="Texts a turn with --against [40].")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options.folder)
        return
    if options.against is not None:
        against(options.folder, options.against.resolve(), options.rounds, options.chunk)
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
