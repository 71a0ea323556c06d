"""Text from the corpus, made safe to show in Markdown, HTML and figure labels.

Article titles, outlet names, speakers and statements are untrusted input that ends up in a
report: a corpus can hold `<script>`, `<img onerror=...>`, `<iframe>` or a Markdown link to
`javascript:`. pandas escapes what it puts in a DataFrame's HTML, but Markdown (IPython's
`Markdown(...)`, rendered by nbconvert) passes raw HTML and links through, and matplotlib reads
text between two `$` as mathematics (an unknown command stops the figure). Every corpus string
interpolated into Markdown goes through `escape_markdown`, into a figure label through
`escape_label`, so that it shows exactly as written and runs nothing.
"""

from __future__ import annotations

import html
import re

# Every ASCII punctuation character: CommonMark lets each be backslash-escaped, which shows it as
# itself and keeps it from starting HTML, a link, emphasis, code, mathematics or a table.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: object) -> str:
    """`text` as inline Markdown that shows exactly its characters (white space runs, including
    line breaks, become one space, so it cannot start a heading, list or block of HTML)."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def escape_html(text: object) -> str:
    """`text` as HTML text or attribute value: `&`, `<`, `>` and both quotes as entities."""
    return html.escape(str(text), quote=True)


def escape_label(text: object) -> str:
    """`text` for a matplotlib label: every `$` escaped, so it is never read as mathematics."""
    return str(text).replace("$", r"\$")
