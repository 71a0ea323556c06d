from __future__ import annotations

import base64
import io
import re

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from research import plots


def _png_width(markup: str) -> int:
    data = re.search(r'src="data:image/png;base64,([^"]+)"', markup)
    assert data is not None
    with Image.open(io.BytesIO(base64.b64decode(data[1]))) as image:
        return image.width


def _labels() -> pd.DataFrame:
    """Labels for parties with long names, whose tick labels reach far left of the axes."""
    rows = [
        ("Harbour Pilots' Union", "militants", "negative"),
        ("Harbour Pilots' Union", "strikers", "neutral"),
        ("Estuary Port Authority", "bosses", "negative"),
    ]
    return pd.DataFrame(rows, columns=["party", "label", "connotation"])


def test_a_figure_with_long_tick_labels_is_narrowed_to_the_planned_width() -> None:
    figure = plots.plot_labels(_labels())
    markup = str(plots.figure_html(figure, "Bar chart: labels per party"))
    # everything drawn fits WIDTH inches, so a phone scales its text by no more than planned
    assert _png_width(markup) <= round(plots.WIDTH * plots.DPI) + 2
    assert 'class="report-wide"' not in markup
    assert 'alt="Bar chart: labels per party"' in markup


def test_fit_width_leaves_a_figure_that_already_fits_unchanged() -> None:
    counts = pd.DataFrame({"qualifies": ["Unions"], "hedges": [2], "adverb": [2]})
    figure = plots.plot_hedges(counts)
    before = figure.get_figwidth()
    plots.fit_width(figure, width=before + 3)
    assert figure.get_figwidth() == before


def test_the_same_figure_renders_the_same_bytes() -> None:
    first = str(plots.figure_html(plots.plot_labels(_labels()), "x"))
    second = str(plots.figure_html(plots.plot_labels(_labels()), "x"))
    assert first == second


def test_one_bar_keeps_its_thickness_under_title_axis_and_legend() -> None:
    counts = pd.DataFrame(
        {"qualifies": ["(anonymous statement)"], "hedges": [5], "adverb": [2], "noun": [3]}
    )
    figure = plots.plot_hedges(counts)
    axes = figure.axes[0]
    bar = axes.patches[0].get_window_extent(FigureCanvasAgg(figure).get_renderer())
    assert bar.height >= 20  # pixels at the report's DPI: a bar, not a line


def test_a_wide_heat_map_scrolls_in_a_frame_a_keyboard_can_reach() -> None:
    targets = [f"target {i}" for i in range(8)]
    matrix = pd.DataFrame(
        {"party": "Union", "target": targets, "target_kind": "target", "mean": 0.5, "n": 6,
         "favor": 3, "against": 0, "neutral": 3, "too_few": False}
    )  # fmt: skip
    markup = str(plots.figure_html(plots.plot_stance_matrix(matrix), "Heat map: stance"))
    assert markup.startswith('<figure class="report-wide" tabindex="0"><img')
    assert _png_width(markup) > round(plots.WIDTH * plots.DPI)  # kept wide: its text stays legible
