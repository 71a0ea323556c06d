"""Statement extraction speed on one core: segmenting, attributing, resolving parties.

    .venv/bin/python benchmarks/extraction.py FOLDER [--repeat 3]

FOLDER holds .txt articles (for the figure in the README: PolNeAR's data/train/text, fetched
separately and never committed). Sentiment is left out: this measures finding who said what.
Prints articles per second and MB per second, best of --repeat runs, after one warm-up run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from research import attribution, clean, entities, parties, segment
from research.io import read_articles
from research.pipeline import load_lexicons


def extract(texts: list[str]) -> int:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    texts = read_articles([options.folder])["text"].tolist()
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
