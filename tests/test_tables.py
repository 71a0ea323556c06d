from __future__ import annotations

import math

import pandas as pd

from research.tables import MISSING, Column, details, format_html, side_by_side, table


def test_a_table_has_caption_scoped_headers_words_and_formatted_numbers() -> None:
    frame = pd.DataFrame(
        {
            "party": ["Rebels <b>", "Army"],
            "statements": [1200, 3],
            "distancing_mean": [0.25, math.nan],
            "distancing_low": [0.1, math.nan],
            "distancing_high": [0.5, math.nan],
            "distancing_n": [8, 0],
            "polarity": [-0.5, None],
        }
    )
    markup = str(
        table(
            frame,
            [("party", "Party"), ("statements", "Statements", "count"),
             Column("distancing", "Distancing verb", "share_ci"),
             ("polarity", "Polarity", "score")],
            caption="Who is reported how",
        )
    )  # fmt: skip
    assert "<caption>Who is reported how</caption>" in markup
    assert '<th scope="col">Distancing verb</th>' in markup
    assert '<th scope="row" data-label="Party">Rebels &lt;b&gt;</th>' in markup
    assert (
        ">1,200<" in markup
        and "25%<br>" in markup
        and "<span>[10%, 50%]</span> <span>(n=8)</span>" in markup
    )
    assert "−0.50" in markup  # a signed score with a true minus sign
    assert markup.count(f">{MISSING}<") == 2  # no interval, no polarity: a dash, not NaN
    assert "NaN" not in markup and "None" not in markup and "index" not in markup


def test_evidence_folds_under_a_summary_and_escapes_text() -> None:
    markup = str(details("Evidence: 3 <rows>", "a & b"))
    assert markup.startswith('<details class="report-evidence"><summary>Evidence: 3 &lt;rows&gt;')
    assert "<p>a &amp; b</p>" in markup and " open" not in markup


def test_side_by_side_puts_parts_in_one_row_in_order() -> None:
    first = table(pd.DataFrame({"party": ["Unions"]}), [("party", "Party")], caption="First")
    second = details("Evidence", "second & last")
    markup = str(side_by_side(first, second))
    assert markup.startswith('<div class="report-row"><table') and markup.endswith("</div>")
    assert markup.index("First") < markup.index("second &amp; last")


def test_an_interval_and_its_n_each_stay_unbroken_on_the_line_under_the_value() -> None:
    cell = format_html(
        {"hedged_mean": 0.4, "hedged_low": 0.12, "hedged_high": 0.77, "hedged_n": 5},
        Column("hedged", "Hedged", "share_ci"),
    )
    assert cell == '40%<br><span class="ci"><span>[12%, 77%]</span> <span>(n=5)</span></span>'
