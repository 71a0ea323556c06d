"""An article's text with what the report counts marked in it, as HTML without script.

Each statement's speaker, cue and content are marked in the colour of its party (speaker bold,
cue underlined, content shaded), the author's labels and loaded words boxed, and hedges
underlined with a wave. Spans may overlap (a label inside a statement's content): the text is cut
at every span boundary and each piece carries the classes of every span over it, so nothing is
lost or nested wrongly. The text is HTML-escaped; offsets are the pipeline's, into the raw text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

from research.tables import Html

PARTY_CLASSES = 8  # party-0 ... party-7 in the report's stylesheet; further parties reuse them


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # speaker, cue, content, label, hedge
    party: int | None = None  # the party's index, for its colour
    note: str = ""  # shown as the piece's title (on hover)


def party_index(parties: Iterable[str]) -> dict[str, int]:
    """Each party's colour class, in the order given (most statements first)."""
    return {party: i % PARTY_CLASSES for i, party in enumerate(dict.fromkeys(parties))}


def marks_for(
    doc: str,
    statements: pd.DataFrame,
    *,
    labels: pd.DataFrame | None = None,
    hedges: pd.DataFrame | None = None,
    colours: dict[str, int],
) -> list[Mark]:
    """The marks of one article `doc` from the pipeline's frames."""
    marks: list[Mark] = []
    for row in statements[statements["doc"] == doc].to_dict("records"):
        party = str(row["party"])
        index = colours.get(party)
        note = f"{party}: statement {row['statement']}"
        if not pd.isna(row["speaker_start"]):
            marks.append(
                Mark(int(row["speaker_start"]), int(row["speaker_end"]), "speaker", index, note)
            )
        if not pd.isna(row["cue_start"]):
            marks.append(Mark(int(row["cue_start"]), int(row["cue_end"]), "cue", index, note))
        for start, end in row["content_spans"] or []:
            marks.append(Mark(int(start), int(end), "content", index, note))
    for frame, kind in ((labels, "label"), (hedges, "hedge")):
        if frame is None:
            continue
        for row in frame[frame["doc"] == doc].to_dict("records"):
            note = f"{kind}: {row.get('label') or row.get('kind') or ''}"
            marks.append(Mark(int(row["start"]), int(row["end"]), kind, None, note))
    return marks


def annotated_html(
    text: str,
    marks: Sequence[Mark],
    *,
    title: str = "",
    summary: str = "",
    opened: bool = False,
) -> Html:
    """`text` as paragraphs with `marks` applied; `title` (escaped) heads it, or with `summary`
    it is folded (<details>, `opened` or not) under that line."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in pairwise(cuts):
        piece = text[start:end]
        over = [m for m in marks if m.start <= start and end <= m.end]
        escaped = html.escape(piece).replace("\n\n", "</p><p>").replace("\n", "<br>")
        if not over:
            pieces.append(escaped)
            continue
        classes = sorted({f"a-{m.kind}" for m in over})
        party = next((m.party for m in over if m.party is not None), None)
        if party is not None:
            classes.append(f"party-{party}")
        notes = "; ".join(dict.fromkeys(m.note for m in over if m.note))
        pieces.append(
            f'<span class="{" ".join(classes)}" title="{html.escape(notes)}">{escaped}</span>'
        )
    body = f'<div class="report-article"><p>{"".join(pieces)}</p></div>'
    if not summary:
        heading = f"<h3>{html.escape(title)}</h3>" if title else ""
        return Html(f"{heading}{body}")
    return Html(
        f'<details class="report-article-box"{" open" if opened else ""}>'
        f"<summary>{html.escape(summary)}</summary>{body}</details>"
    )


def legend_html(colours: dict[str, int]) -> Html:
    """Which colour is which party, and what each style marks."""
    parties = "".join(
        f'<li><span class="a-content party-{i}">{html.escape(p)}</span></li>'
        for p, i in colours.items()
    )
    return Html(
        '<div class="report-article-legend"><ul class="report-parties">'
        f"{parties}</ul><p><span class=a-speaker>speaker</span> · <span class=a-cue>cue</span> · "
        "<span class=a-content>content</span> · <span class=a-label>label</span> · "
        "<span class=a-hedge>hedge</span></p></div>"
    )


def chosen_articles(
    statements: pd.DataFrame, *, listed: Sequence[str] = (), top: int = 3
) -> list[str]:
    """The articles to show annotated: those `listed`, else the `top` with most statements."""
    if listed:
        return [str(doc) for doc in listed]
    counts = statements["doc"].astype(str).value_counts()
    return sorted(counts.index, key=lambda doc: (-counts[doc], doc))[:top]
