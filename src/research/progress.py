"""Progress bars for long commands: on stderr, and only when someone is watching.

A bar is drawn when stderr is a terminal and the command was not asked to be quiet; piped into a
file or run in CI nothing is drawn, so logs and stdout stay clean.
"""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm


def progress_bar(
    *, total: int | None, unit: str, description: str, quiet: bool = False
) -> tqdm[Any]:
    """A tqdm bar on stderr, disabled when `quiet` or when stderr is not a terminal."""
    return tqdm(
        total=total,
        unit=unit,
        desc=description,
        file=sys.stderr,
        disable=quiet or not sys.stderr.isatty(),
        dynamic_ncols=True,
        smoothing=0.05,  # partitions finish in bursts: an average over many reads is steadier
    )
