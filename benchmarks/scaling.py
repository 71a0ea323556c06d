"""Time against length inside one paragraph: one line of repeated news sentences, no line breaks.

    .venv/bin/python benchmarks/scaling.py [--sizes 100 300 1000]   # kilobytes

Scraped text and CSV fields often arrive as a single line. Each size is one article holding one
paragraph: an invented 146-character unit (a quotation with its tag, then reported speech)
repeated to the size. The pipeline runs on it in this process (lexicons loaded first), timed in
CPU seconds; linear time keeps seconds per kilobyte flat. The target: 1 MB within 12x 100 KB.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections.abc import Sequence
from typing import Any

UNIT = (
    "“The convoy left at dawn,” said Sergei Petrov. Officials told reporters that the talks "
    "had ended late, and the evacuation was delayed again. "
)
TARGET_GROWTH = 12.0  # 1 MB / 100 KB: linear is 10


def paragraph(kilobytes: int) -> str:
    """One line of about `kilobytes` KB: whole repetitions of the unit."""
    return (UNIT * max(1, round(kilobytes * 1000 / len(UNIT)))).rstrip()


def measure(sizes: Sequence[int] = (100, 300, 1000)) -> dict[str, Any]:
    import pandas as pd

    from research.pipeline import extract_statements, load_lexicons

    lexicons = load_lexicons()
    extract_statements(pd.DataFrame({"doc": ["warm"], "text": [UNIT]}), lexicons)
    rows = []
    for kilobytes in sizes:
        text = paragraph(kilobytes)
        started = time.process_time()
        found = extract_statements(pd.DataFrame({"doc": ["line"], "text": [text]}), lexicons)
        seconds = time.process_time() - started
        rows.append(
            {
                "kilobytes": kilobytes,
                "characters": len(text),
                "statements": len(found),
                "cpu_seconds": round(seconds, 2),
                "ms_per_kilobyte": round(1000 * seconds / (len(text) / 1000), 2),
            }
        )
    first, last = rows[0], rows[-1]
    growth = last["cpu_seconds"] / first["cpu_seconds"]
    size_growth = last["characters"] / first["characters"]
    return {
        "sizes": rows,
        "growth": round(growth, 2),  # time of the largest over the smallest
        "size_growth": round(size_growth, 2),
        "exponent": round(math.log(growth) / math.log(size_growth), 2),  # 1.0 is linear
    }


def print_result(result: dict[str, Any]) -> None:
    print("one paragraph on one line (CPU seconds):")
    for row in result["sizes"]:
        print(
            f"  {row['kilobytes']:>6} KB  {row['statements']:>6} statements"
            f"  {row['cpu_seconds']:7.2f} s  {row['ms_per_kilobyte']:6.2f} ms/KB"
        )
    sizes = result["sizes"]
    verdict = "met" if result["growth"] <= TARGET_GROWTH else "MISSED"
    print(
        f"  {sizes[-1]['kilobytes']} KB / {sizes[0]['kilobytes']} KB: {result['growth']}x time"
        f" for {result['size_growth']}x text (exponent {result['exponent']});"
        f" target <= {TARGET_GROWTH}x  {verdict}"
    )


def cli(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
    args = parser.parse_args(argv)
    result = measure(args.sizes)
    print(json.dumps(result, indent=2)) if args.json else print_result(result)


if __name__ == "__main__":
    cli()
