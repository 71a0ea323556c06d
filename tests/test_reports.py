"""The notebook, executed by papermill on the bundled article, as a reader receives it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from research.io import read_articles
from research.pipeline import Lexicons, extract_statements
from research.reports import ReportError, render_report


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, bundled: Path) -> Path:
    out = tmp_path_factory.mktemp("reports")
    return render_report(corpus=[bundled], name="bundled", out=out)


def test_html_names_each_party_found(report: Path, bundled: Path, lexicons: Lexicons) -> None:
    html = report.read_text(encoding="utf-8")
    parties = set(extract_statements(read_articles([bundled]), lexicons)["party"])
    assert len(parties) >= 5
    for party in parties:
        assert party in html
    assert html.count("data:image/png;base64") >= 2  # the figures are embedded


def test_report_folder_has_notebook_html_and_manifest(report: Path, bundled: Path) -> None:
    folder = report.parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "bundled.html",
        "bundled.ipynb",
        "data",
        "manifest.json",
    ]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["corpus"] == [str(bundled.resolve())]
    [source] = manifest["inputs"]
    assert source["path"] == str(bundled.resolve()) and len(source["sha256"]) == 64
    assert manifest["packages"]["papermill"] != "not installed"
    assert manifest["seconds"] > 0
    assert "commit" in manifest["git"]


def test_unknown_parameter_lists_the_known_ones(tmp_path: Path, bundled: Path) -> None:
    with pytest.raises(
        ReportError,
        match=r"unknown parameter 'min_m' \(known: .*attributions, .*corpus, .*lexicon, min_n",
    ):
        render_report(corpus=[bundled], out=tmp_path, parameters={"min_m": 3})


# --- the framing sections and the outlet comparison ------------------------------------------------

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "marrow-bay"


def test_report_shows_stance_verbs_hedges_and_labels_with_their_evidence(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    for heading in (
        "What they are for and against",
        "How the author reports them",
        "What the author calls them",
    ):
        assert heading in html
    # the reporting verbs and the hedges that qualify statements, side by side
    row = html[html.index('<div class="report-row">') :]
    assert row.index(
        'alt="Stacked bar chart: statements per party by the class of their'
    ) < row.index('alt="Bar chart: attribution hedges by what they qualify')
    for anchor in ("evidence-stance", "evidence-verbs", "evidence-hedges", "evidence-labels"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    # the evidence itself: Ryabkov's words against the United States, the hedges, the labels
    for words in ("intransigence", "unacceptable", "are said to", "supposedly", "state affiliated"):
        assert words in html
    assert html.count("data:image/png;base64") >= 7
    assert "too few to compare (fewer than 5)" in html  # one article: the warning is visible


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs_and_link_their_evidence(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert sum("parameters" in c["metadata"].get("tags", []) for c in code) == 1
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    source = "\n".join("".join(c["source"]) for c in code)
    for link in set(re.findall(r"\]\(#([\w-]+)\)", markdown)):
        # an anchor in the text, or the id of the evidence folded under a figure
        assert f'<a id="{link}"></a>' in markdown or re.search(
            rf'tables\.evidence\(\s*"{link}"', source
        ), f"{notebook.name}: no anchor for #{link}"


@pytest.fixture(scope="module")
def outlets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_report(
        corpus=[EXAMPLE / "articles.jsonl"],
        lexicon=EXAMPLE / "story.toml",
        name="outlets",
        out=tmp_path_factory.mktemp("reports"),
        notebook=NOTEBOOKS / "outlet_comparison.ipynb",
    )


def test_outlet_comparison_renders_each_outlet_with_figures(outlets: Path) -> None:
    html = outlets.read_text(encoding="utf-8")
    for outlet in ("Harbour Ledger", "Vessan Herald", "Free Coast Voice"):
        assert outlet in html
    assert html.count("data:image/png;base64") >= 5
    assert 'id="evidence-labels"' in html and "terrorists" in html
    manifest = json.loads((outlets.parent / "manifest.json").read_text(encoding="utf-8"))
    assert {Path(i["path"]).name for i in manifest["inputs"]} == {"articles.jsonl", "story.toml"}
