"""Build the invented speaker evaluation set (brat) from its marked-up source.

    python scripts/speakers_eval.py [SOURCE] [OUT]     (default: data/eval/speakers/articles.txt)

The source holds articles separated by `=== name` lines. In an article's text, `{sN:...}` marks
statement N's speaker, `{cN:...}` its cue and `{tN:...}` its content (repeat `{tN:...}` for a
content in several pieces); marks may nest ("{t3:... {s2:the union} {c2:rejected} ...}"). After
the text, one line per statement gives the speaker's entity and party:

    @N entity | party            entity "-" when the speaker names no one ("analysts")
    @N entity | party | source=M the speaker is statement M's (a quotation paragraph without a
                                 tag continues M's turn; its source is M's speaker span)

Party "unresolved" means a reader could not tell either. The output is DIR/text/NAME.txt and
DIR/attributions/NAME.ann: Source, Cue and Content spans, an E line per statement, and an
AnnotatorNotes line on each source: "entity=...; party=...". Generated files are committed; this
script is how they are remade after editing the source.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

_MARK = re.compile(r"\{([sct])(\d+):|\}")
_NOTE = re.compile(r"^@(\d+)\s+(.+?)\s*\|\s*(.+?)(?:\s*\|\s*source=(\d+))?\s*$")


@dataclass
class _Statement:
    speaker: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    content: list[tuple[int, int]] = field(default_factory=list)
    entity: str = "-"
    party: str = "unresolved"
    source_of: int | None = None


def parse_article(marked: str) -> tuple[str, dict[int, _Statement]]:
    """The plain text and its statements from one article's marked-up text."""
    text: list[str] = []
    length = 0
    stack: list[tuple[str, int, int]] = []
    statements: dict[int, _Statement] = {}
    position = 0
    for match in _MARK.finditer(marked):
        piece = marked[position : match.start()]
        text.append(piece)
        length += len(piece)
        position = match.end()
        if match.group() == "}":
            role, number, start = stack.pop()
            statement = statements.setdefault(number, _Statement())
            span = (start, length)
            if role == "s":
                statement.speaker = span
            elif role == "c":
                statement.cue = span
            else:
                statement.content.append(span)
        else:
            stack.append((match.group(1), int(match.group(2)), length))
    text.append(marked[position:])
    if stack:
        raise ValueError(f"unclosed mark {stack[-1][0]}{stack[-1][1]}")
    return "".join(text), statements


def build(source: Path, out: Path) -> int:
    """Write every article of `source` under `out`; the number of statements."""
    blocks = re.split(r"^=== (\S+)\n", source.read_text(encoding="utf-8"), flags=re.MULTILINE)
    (out / "text").mkdir(parents=True, exist_ok=True)
    (out / "attributions").mkdir(parents=True, exist_ok=True)
    count = 0
    for name, block in zip(blocks[1::2], blocks[2::2], strict=True):
        lines = block.strip("\n").split("\n")
        notes = [line for line in lines if line.startswith("@")]
        body = "\n".join(line for line in lines if not line.startswith("@")).strip("\n") + "\n"
        text, statements = parse_article(body)
        for line in notes:
            match = _NOTE.match(line)
            if match is None:
                raise ValueError(f"{name}: bad note line {line!r}")
            statement = statements[int(match.group(1))]
            statement.entity, statement.party = match.group(2), match.group(3)
            if match.group(4):
                statement.source_of = int(match.group(4))
        missing = [n for n in statements if not any(line.startswith(f"@{n} ") for line in notes)]
        if missing:
            raise ValueError(f"{name}: statements without entity and party: {missing}")
        (out / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (out / "attributions" / f"{name}.ann").write_text(
            _ann(text, statements), encoding="utf-8", newline=""
        )
        count += len(statements)
    return count


def _ann(text: str, statements: dict[int, _Statement]) -> str:
    lines: list[str] = []
    ids: dict[tuple[str, tuple[int, int]], str] = {}

    def span_id(label: str, span: tuple[int, int]) -> str:
        key = (label, span)
        if key not in ids:
            ids[key] = f"T{len(ids) + 1}"
            lines.append(f"{ids[key]}\t{label} {span[0]} {span[1]}\t{text[span[0] : span[1]]}")
        return ids[key]

    notes: list[str] = []
    for number in sorted(statements):
        statement = statements[number]
        speaker = statement.speaker
        if statement.source_of is not None:
            speaker = statements[statement.source_of].speaker
        arguments = []
        trigger = statement.cue or statement.content[0]
        arguments.append(f"Attribution:{span_id('Attribution', trigger)}")
        if speaker is not None:
            source = span_id("Source", speaker)
            arguments.append(f"Source:{source}")
            notes.append(f"{source}\tentity={statement.entity}; party={statement.party}")
        if statement.cue is not None:
            arguments.append(f"Cue:{span_id('Cue', statement.cue)}")
        for index, content in enumerate(statement.content):
            role = "Content" if index == 0 else f"Content{index + 1}"
            arguments.append(f"{role}:{span_id('Content', content)}")
        lines.append(f"E{number}\t{' '.join(arguments)}")
    # a continued turn shares its source span: one note per span, the first statement's
    seen: set[str] = set()
    for index, note in enumerate(notes, start=1):
        source = note.split("\t")[0]
        if source not in seen:
            seen.add(source)
            lines.append(f"#{index}\tAnnotatorNotes {note}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else Path("data/eval/speakers/articles.txt")
    out = Path(argv[1]) if len(argv) > 1 else source.parent
    print(f"{build(source, out)} statements -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
