"""Open a rendered report in headless Chromium, as a reader's browser would: the DOM after the
page has loaded and its scripts (if any could run) have had time to run, and a screenshot.

The tests load a report rendered from a hostile corpus this way, and `make screenshot` takes the
README's picture of the default report with the same call. Chromium runs offline (every host name
resolves to nothing), with a throw-away profile and no background traffic.

    python -m research.browser reports/default/default.html docs/report.png
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from research.errors import ResearchError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",  # as root (CI, containers) Chromium refuses to start sandboxed
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # nothing leaves the machine, whatever the page asks
)
WINDOW = (1280, 2000)


class BrowserError(ResearchError, RuntimeError):
    """Chromium is missing, or did not load the page."""


@dataclass(frozen=True)
class Page:
    dom: str  # the document as serialised after loading and running
    screenshot: Path | None


def find_chromium() -> str | None:
    """The Chromium to use: $CHROMIUM if set, else the first of CANDIDATES on PATH."""
    given = os.environ.get("CHROMIUM")
    if given:
        return given if Path(given).is_file() else shutil.which(given)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def load(
    page: str | os.PathLike[str],
    *,
    screenshot: str | os.PathLike[str] | None = None,
    window: tuple[int, int] = WINDOW,
    settle_ms: int = 3000,
    timeout: float = 120,
) -> Page:
    """Load the local HTML file `page` in headless Chromium and return its DOM; with `screenshot`,
    also save a PNG of the top `window` (width, height) of the page there.

    `settle_ms` of virtual time pass after loading, so that timers and event handlers a page
    might set off would have run before the DOM is read."""
    chromium = find_chromium()
    if chromium is None:
        raise BrowserError(
            f"no Chromium found (looked for {', '.join(CANDIDATES)}; or set CHROMIUM)"
        )
    url = Path(page).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="research-chromium-") as profile:
        command = [
            chromium,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--virtual-time-budget={settle_ms}",
            f"--window-size={window[0]},{window[1]}",
            "--dump-dom",
        ]
        if screenshot is not None:
            command.append(f"--screenshot={Path(screenshot).resolve()}")
        try:
            result = subprocess.run(
                [*command, url], capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise BrowserError(f"{chromium} did not load {url} within {timeout:.0f} s") from None
    if result.returncode != 0 or not result.stdout.strip():
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise BrowserError(f"{chromium} could not load {url} (exit {result.returncode}: {last})")
    if screenshot is not None and not Path(screenshot).is_file():
        raise BrowserError(f"{chromium} wrote no screenshot of {url}")
    return Page(dom=result.stdout, screenshot=Path(screenshot) if screenshot is not None else None)


def main(argv: list[str] | None = None) -> int:
    """`python -m research.browser PAGE.html SHOT.png`: save a screenshot of a rendered report."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m research.browser PAGE.html SHOT.png", file=sys.stderr)
        return 2
    try:
        load(args[0], screenshot=args[1])
    except BrowserError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"screenshot: {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
