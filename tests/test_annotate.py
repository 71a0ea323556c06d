from __future__ import annotations

from research.annotate import Mark, annotated_html


def test_overlapping_marks_are_cut_not_nested_wrongly_and_text_is_escaped() -> None:
    text = 'Ahmed said the <regime> "lied".'
    marks = [
        Mark(0, 5, "speaker", 0, "Rebels: statement 0"),
        Mark(6, 10, "cue", 0),
        Mark(11, 31, "content", 0),
        Mark(15, 23, "label", None, "label: regime"),
    ]
    markup = str(annotated_html(text, marks, title="A & B"))
    assert "<h3>A &amp; B</h3>" in markup
    assert '<span class="a-speaker party-0" title="Rebels: statement 0">Ahmed</span>' in markup
    assert (
        '<span class="a-content a-label party-0" title="label: regime">&lt;regime&gt;</span>'
        in markup
    )
    assert "<regime>" not in markup
