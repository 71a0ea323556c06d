"""Measure a rendered report as a reader's browser shows it, and check its accessibility.

    python scripts/inspect_report.py reports/default/default.html [--width 1280] [--shot out.png]
        [--axe]

Prints, at the given window width: the page's total height (every <details> closed, as a reader
first sees it), where the first-screen summary ends, each figure's smallest text in CSS pixels
(from its rendered width and the font sizes `research.plots` uses), where the profile table ends, and whether any table or
figure scrolls sideways. With --shot, a screenshot of the whole page; with --axe, the axe-core
(https://github.com/dequelabs/axe-core) violations, run in the same headless Chromium.

The report itself forbids scripts (its Content-Security-Policy): this script measures a copy with
the policy removed and a measuring script added; the report is not changed. axe-core is fetched
from npm once into ~/.cache/research-axe (npm must be on PATH); it is a tool for this script, not
a dependency of the package or its tests.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from research import browser, plots

AXE_VERSION = "4.10.3"
AXE_HOME = Path.home() / ".cache" / "research-axe"

MEASURE = """
<script>
window.addEventListener('load', async () => {
  const out = {};
  const doc = document.documentElement;
  // the bottom of the content (in an iframe, scrollHeight would be the frame's height)
  const bottom = Math.max(...[...document.body.children].map(e => e.getBoundingClientRect().bottom));
  out.height = Math.ceil(bottom + window.scrollY + parseFloat(getComputedStyle(document.body).paddingBottom));
  out.viewport = doc.clientWidth;
  const summary = document.querySelector('#summary-end');
  out.summary_end = summary ? summary.getBoundingClientRect().top + window.scrollY : null;
  const profile = document.querySelector('#profile');
  out.profile_end = profile ? profile.getBoundingClientRect().bottom + window.scrollY : null;
  // where each section (h2) begins: which sections make the height
  out.sections = [...document.querySelectorAll('h2')].map(h =>
    [h.textContent.replace('¶', '').trim(), Math.round(h.getBoundingClientRect().top + window.scrollY)]);
  out.sideways = [...document.querySelectorAll('table, img')]
    .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1)
    .map(e => e.tagName + ' ' + (e.getAttribute('alt') || e.closest('table')?.caption?.textContent || '').slice(0, 60));
  out.figures = [...document.querySelectorAll('img')].map(img => ({
    alt: img.getAttribute('alt'), natural: img.naturalWidth, shown: img.getBoundingClientRect().width,
  }));
  if (window.axe) {
    const result = await axe.run(document, {resultTypes: ['violations']});
    out.axe = result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      first: v.nodes[0] && v.nodes[0].html.slice(0, 160),
    }));
  }
  if (window.parent !== window) { window.parent.postMessage(JSON.stringify(out), '*'); return; }
  const pre = document.createElement('pre');
  pre.id = 'inspect-result';
  pre.hidden = true;
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


MINIMUM_WINDOW = 500


def _frame(page: Path, width: int, height: int) -> Path:
    """A page showing `page` in an iframe `width` px wide, collecting what it posts."""
    frame = page.with_name(f"frame-{width}.html")
    frame.write_text(
        "<!DOCTYPE html><html><body style='margin:0'>"
        f"<iframe src='{page.name}' style='width:{width}px;height:{height}px;border:0'></iframe>"
        "<script>window.addEventListener('message', e => { const pre = "
        "document.createElement('pre'); pre.id = 'inspect-result'; pre.hidden = true; "
        "pre.textContent = e.data; document.body.appendChild(pre); });</script></body></html>",
        encoding="utf-8",
    )
    return frame


def axe_source() -> str:
    """axe-core's script, installed from npm into AXE_HOME on first use."""
    script = AXE_HOME / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        AXE_HOME.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", f"axe-core@{AXE_VERSION}"],
            cwd=AXE_HOME,
            check=True,
        )
    return script.read_text(encoding="utf-8")


def inspect(page: Path, *, width: int, shot: Path | None, axe: bool) -> dict[str, object]:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"<meta[^>]*Content-Security-Policy[^>]*>", "", text)
    extra = (f"<script>{axe_source()}</script>" if axe else "") + MEASURE
    text = text.replace("</body>", extra + "</body>", 1)
    with tempfile.TemporaryDirectory(prefix="research-inspect-") as folder:
        copy = Path(folder) / page.name
        copy.write_text(text, encoding="utf-8")
        # Headless Chromium's window is at least 500 px wide: a narrower screen is an iframe of
        # that width in a page that receives the measurements by postMessage.
        narrow = width < MINIMUM_WINDOW
        target = _frame(copy, width, 20000) if narrow else copy
        window = (max(width, MINIMUM_WINDOW), 1000)
        loaded = browser.load(target, window=window, settle_ms=20000 if axe else 3000)
        found = re.search(r'<pre id="inspect-result"[^>]*>(.*?)</pre>', loaded.dom, re.DOTALL)
        if found is None:
            raise SystemExit(f"{page}: the measuring script did not run")
        result: dict[str, object] = json.loads(html.unescape(found[1]))
        if shot is not None:
            height = int(result["height"])  # type: ignore[call-overload]
            target = _frame(copy, width, height) if narrow else copy
            browser.load(target, window=(window[0], height), screenshot=shot)
            if narrow:
                from PIL import Image

                with Image.open(shot) as image:
                    image.crop((0, 0, width, height)).save(shot)
    for figure in result["figures"]:  # type: ignore[attr-defined]
        scale = figure["shown"] / figure["natural"] if figure["natural"] else 0
        figure["smallest_text_px"] = round(plots.SMALLEST_FONT_PT * plots.DPI / 72 * scale, 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--shot", type=Path)
    parser.add_argument("--axe", action="store_true")
    args = parser.parse_args()
    result = inspect(args.page, width=args.width, shot=args.shot, axe=args.axe)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
