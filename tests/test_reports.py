"""The notebook, executed by papermill on the bundled article, as a reader receives it."""

from __future__ import annotations

import json
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
        ReportError, match=r"unknown parameter 'min_m' \(known: corpus, lexicon, min_n"
    ):
        render_report(corpus=[bundled], out=tmp_path, parameters={"min_m": 3})
