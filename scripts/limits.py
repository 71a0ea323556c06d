"""Modules over 600 lines and functions over 80 lines in src/research/attribution/ (issue 14's
limits): prints them and exits 1 when there are any.

    .venv/bin/python scripts/limits.py
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "research" / "attribution"
MODULE_LINES, FUNCTION_LINES = 600, 80


def main() -> None:
    over = []
    for path in sorted(ROOT.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n")
        if lines > MODULE_LINES:
            over.append(f"{path.relative_to(ROOT)}: {lines} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    over.append(f"{path.relative_to(ROOT)}: {node.name}() {length} lines")
    print(
        "\n".join(over) or f"no module over {MODULE_LINES} lines, no function over {FUNCTION_LINES}"
    )
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
