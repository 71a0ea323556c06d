"""Whether two `research statements` outputs hold the same statements, field for field.

    .venv/bin/python scripts/same_statements.py BASELINE.jsonl NEW.jsonl [--ignore rule]

Exits 1 and prints the first differences when they do not; fields named by --ignore (by default
`rule`, which older outputs lack) are left out of the comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def records(path: Path, ignore: set[str]) -> list[str]:
    with path.open(encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream if line.strip()]
    return [
        json.dumps({k: v for k, v in row.items() if k not in ignore}, sort_keys=True)
        for row in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--ignore", nargs="*", default=["rule"])
    arguments = parser.parse_args()
    ignore = set(arguments.ignore)
    old, new = records(arguments.baseline, ignore), records(arguments.new, ignore)
    if old == new:
        print(f"same: {len(new)} statements")
        return
    print(f"DIFFERENT: {len(old)} statements before, {len(new)} after")
    shown = 0
    for index, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b and shown < 5:
            print(f"#{index}\n- {a[:300]}\n+ {b[:300]}")
            shown += 1
    sys.exit(1)


if __name__ == "__main__":
    main()
