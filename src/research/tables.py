"""Tables people read: a DataFrame as an accessible HTML table for a report.

No index, headers in words, numbers formatted to what they mean (a count, a share, a score with
its interval), a dash for a missing value, nothing truncated, a caption, and header cells with
their `scope`. On a narrow screen (under 640 px) each row becomes a block of `header: value` lines
instead of a table that scrolls sideways.

Written here rather than with pandas' `Styler` or `great_tables` because a report needs exactly
what neither gives together: `scope` on header cells and the header's words on each cell for the
narrow layout (Styler writes neither), no generated ids that change between renders, and no new
dependency (great_tables brings its own stack and inline styles per cell). Every value from the
corpus or a lexicon is HTML-escaped here; nothing is read as markup.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

MISSING = "–"
# Column names whose words are not the name's own (`auto`)
HEADERS = {
    "tp": "True positives", "fp": "False positives", "fn": "False negatives", "f1": "F1",
    "n_gold": "Gold", "n_pred": "Found", "n": "n", "doc": "Article",
}  # fmt: skip  # an en dash: a value that does not exist (no statements, no interval)


@dataclass(frozen=True)
class Column:
    """One column of a table: the frame's `key`, its `header` in words and its `format`:

    - "text": as written (a list is joined with "; ");
    - "count": an integer with thousands separators;
    - "share": a proportion as a percentage;
    - "score": a signed number with two decimals; "decimal": two decimals, unsigned (F1, a rate);
    - "share_ci" / "score_ci": `key`_mean with its interval `key`_low to `key`_high, and n from
      `key`_n when the frame has it; in a row marked `too_few`, no interval (a share as "k of n"
      when the frame has `key`_count);
    - "flag": "yes" or nothing.
    """

    key: str
    header: str
    format: str = "text"


class Html:
    """Markup for IPython's display (and nbconvert): shown as HTML, printed as its text."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:  # text/plain: the text without tags, the same on every render
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", self.markup)).split())
        return text if len(text) <= 300 else text[:299] + "…"


def table(
    frame: pd.DataFrame,
    columns: Sequence[Column | tuple[str, str] | tuple[str, str, str]],
    *,
    caption: str,
    anchor: str | None = None,
    row_headers: bool = True,
    empty: str = "Nothing to show.",
) -> Html:
    """`frame` as a table with `columns` (in that order) and `caption` (plain text, escaped).
    The first column heads each row (`row_headers`); `anchor` is the table's id for links."""
    specs = [c if isinstance(c, Column) else Column(*c) for c in columns]
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    head = "".join(f'<th scope="col">{html.escape(c.header)}</th>' for c in specs)
    rows = []
    for record in frame.to_dict("records"):
        cells = []
        for position, column in enumerate(specs):
            text = format_html(record, column)
            label = f' data-label="{html.escape(column.header)}"'
            numeric = " class=num" if column.format not in ("text", "flag") else ""
            if position == 0 and row_headers:
                cells.append(f'<th scope="row"{label}{numeric}>{text}</th>')
            else:
                cells.append(f"<td{label}{numeric}>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    if not rows:
        return Html(
            f'<p class="report-empty"{ident}>{html.escape(caption)}: {html.escape(empty)}</p>'
        )
    return Html(
        f'<table class="report-table"{ident}><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def details(
    summary: str, *parts: Html | str, anchor: str | None = None, open: bool = False
) -> Html:
    """Parts (tables, or plain text that is escaped) folded under a one-line `summary`, for the
    evidence behind a figure: closed until the reader opens it, readable without script."""
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    body = "".join(
        part.markup if isinstance(part, Html) else f"<p>{html.escape(part)}</p>" for part in parts
    )
    state = " open" if open else ""
    return Html(
        f'<details class="report-evidence"{ident}{state}><summary>{html.escape(summary)}</summary>'
        f"{body}</details>"
    )


def evidence(anchor: str, summary: str, *parts: Html | str) -> Html:
    """`details` with an id, for links from the summary to the evidence behind a figure."""
    return details(summary, *parts, anchor=anchor)


def side_by_side(*parts: Html) -> Html:
    """Parts (figures, usually) in one row on a wide screen, one under the other on a narrow one:
    two small figures that answer one question take the height of one."""
    return Html('<div class="report-row">' + "".join(part.markup for part in parts) + "</div>")


def format_html(record: Mapping[Any, Any], column: Column) -> str:
    """One cell as escaped HTML: a share or score with its interval and n on a second, smaller
    line, so that the number a reader looks for comes first and columns stay narrow."""
    text = format_value(record, column)
    if column.format in ("share_ci", "score_ci") and " [" in text:
        value, rest = text.split(" ", 1)
        # the interval and its n each unbroken; a narrow column may put the n on a third line
        interval, _, n = rest.partition(" (")
        parts = [interval, f"({n}"] if n else [interval]
        spans = " ".join(f"<span>{html.escape(part)}</span>" for part in parts)
        return f'{html.escape(value)}<br><span class="ci">{spans}</span>'
    return html.escape(text)


def format_value(record: Mapping[Any, Any], column: Column) -> str:
    """One cell's text, as `column.format` says; MISSING for a value that is not there."""
    key, kind = column.key, column.format
    if kind in ("share_ci", "score_ci"):
        point = "share" if kind == "share_ci" else "score"
        mean = record.get(f"{key}_mean")
        if is_missing(mean):
            return MISSING
        few = bool(record.get("too_few", False))  # under min_n: counts, and no interval
        count: Any = record.get(f"{key}_count")
        n: Any = record.get(f"{key}_n")
        if few and not (is_missing(count) or is_missing(n)):
            return f"{int(count)} of {int(n)}"
        text = _number(mean, point)
        low, high = record.get(f"{key}_low"), record.get(f"{key}_high")
        if not few and not (is_missing(low) or is_missing(high)):
            text += f" [{_number(low, point)}, {_number(high, point)}]"
        if not is_missing(n):
            text += f" (n={int(n)})"
        return text
    value = record.get(key)
    if kind == "flag":
        return "yes" if (not is_missing(value) and bool(value)) else ""
    if is_missing(value):
        return MISSING
    if kind in ("count", "share", "score", "decimal"):
        return _number(value, kind)
    return _text(value)


def is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _number(value: Any, kind: str) -> str:
    number = float(value)
    if kind == "count":
        return f"{round(number):,}"
    if kind == "share":
        return f"{number:.0%}"
    if kind == "decimal":
        return f"{number:.2f}"
    return f"{number:+.2f}".replace("-", "−")  # a true minus sign reads better than a hyphen


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value if value.strip() else MISSING
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, Iterable):
        items = [_text(v) for v in value if not is_missing(v)]
        return "; ".join(items) if items else MISSING
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def auto(frame: pd.DataFrame, *, caption: str, anchor: str | None = None) -> Html:
    """`frame` with every column, headers made from the column names ("too_few" -> "Too few")
    and formats from the dtypes: integers as counts, other numbers with two decimals, "too_few"
    as a flag."""
    columns = []
    for name in frame.columns:
        if name == "index":  # a default index made a column by reset_index: no meaning
            continue
        dtype = frame[name].dtype
        if name == "too_few" or pd.api.types.is_bool_dtype(dtype):
            kind = "flag"
        elif pd.api.types.is_integer_dtype(dtype):
            kind = "count"
        elif pd.api.types.is_float_dtype(dtype):
            kind = "decimal"
        else:
            kind = "text"
        header = HEADERS.get(str(name), str(name).replace("_", " ").capitalize())
        columns.append(Column(str(name), header, kind))
    return table(frame, columns, caption=caption, anchor=anchor)
