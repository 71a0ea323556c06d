"""The frozen regression snapshot of the attributor: every statement found on the invented
sentences in `snapshot/sentences.txt` (cases separated by lines of "===") and on the brat
fixtures' texts, one JSON line each, with the rule that made it.

A change in behaviour shows as a diff of `snapshot/expected.jsonl` in review. Refresh it, after
checking that the change is meant, with

    make snapshot        # = .venv/bin/python tests/attribution/snapshot.py --refresh
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from research import attribution, clean, segment
from research.pipeline import Lexicons, load_lexicons

HERE = Path(__file__).parent / "snapshot"
SENTENCES = HERE / "sentences.txt"
EXPECTED = HERE / "expected.jsonl"
BRAT = Path(__file__).parents[1] / "fixtures" / "brat" / "text"


def cases() -> Iterator[tuple[str, str]]:
    """(source, text) of each invented case, then of each brat fixture."""
    blocks = SENTENCES.read_text(encoding="utf-8").split("\n===\n")
    for number, block in enumerate(blocks, start=1):
        yield f"sentences.txt#{number}", block.strip("\n")
    for path in sorted(BRAT.glob("*.txt")):
        yield f"brat/{path.name}", path.read_text(encoding="utf-8")


def statements(source: str, text: str, lexicons: Lexicons) -> Iterator[dict[str, object]]:
    """The statements found in one text, segmented as the pipeline segments it."""
    paragraphs = clean.clean_paragraphs(text, segment.split_paragraphs(text))
    kept = [
        (i, p.core) for i, p in enumerate(paragraphs) if p.duplicate_of is None and not p.core.empty
    ]
    sentences = segment.split_sentences_in(text, [core for _, core in kept])
    units = [(i, core, spans) for (i, core), spans in zip(kept, sentences, strict=True)]
    found = attribution.find_statements(text, units, lexicons.cues, tags=lexicons.tags)
    for statement in found:
        yield {
            "source": source,
            "speaker": statement.speaker.text(text) if statement.speaker else None,
            "cue": statement.cue.text(text) if statement.cue else None,
            "content": " … ".join(c.text(text) for c in statement.content),
            "kind": statement.kind,
            "rule": statement.rule,
            "nested": statement.nested,
            "at": [statement.content[0].start, statement.content[-1].end],
        }


def snapshot(lexicons: Lexicons | None = None) -> list[str]:
    """The snapshot's lines, as `expected.jsonl` holds them."""
    lexicons = load_lexicons() if lexicons is None else lexicons
    return [
        json.dumps(row, ensure_ascii=False)
        for source, text in cases()
        for row in statements(source, text, lexicons)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="rewrite snapshot/expected.jsonl")
    arguments = parser.parse_args()
    lines = snapshot()
    if arguments.refresh:
        EXPECTED.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} statements to {EXPECTED}")
        return
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    changed = sorted(set(lines) ^ set(expected))
    print(f"{len(lines)} statements, {len(changed)} lines differ from {EXPECTED.name}")
    for line in changed[:20]:
        print(("+ " if line in lines else "- ") + line)


if __name__ == "__main__":
    main()
