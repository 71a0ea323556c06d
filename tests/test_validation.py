"""Validation against hand-coded gold, as a researcher runs it: `research evaluate` and the
validation notebook, on the small brat fixtures written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from research.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "brat"


@pytest.fixture
def predictions(tmp_path: Path) -> Path:
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["statements", str(FIXTURES / "text"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_evaluate_prints_role_scores_and_writes_errors(predictions: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.csv"
    result = CliRunner().invoke(
        main,
        ["evaluate", "--gold", str(FIXTURES), "--pred", str(predictions), "--errors", str(errors)],
    )
    assert result.exit_code == 0, result.output
    for role in ("source", "cue", "content"):
        assert role in result.stdout
    assert "Relations" in result.stdout
    header = errors.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("error,doc")


def test_evaluate_outer_only_counts_fewer_predictions(predictions: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    records[0]["nested"] = True  # as if reported inside another statement's content
    marked = tmp_path / "marked.jsonl"
    marked.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    def predicted(*options: str) -> int:
        args = ["evaluate", "--gold", str(FIXTURES), "--pred", str(marked), *options]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        return int(result.stdout.split("predicted ")[1].split()[0])

    assert predicted() == len(records)
    assert predicted("--outer-only") == sum(not r["nested"] for r in records) < len(records)


def test_evaluate_names_a_missing_gold_folder(predictions: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["evaluate", "--gold", str(tmp_path / "nowhere"), "--pred", str(predictions)]
    )
    assert result.exit_code == 1
    assert "nowhere" in result.output
    assert "Traceback" not in result.output


def test_validation_report_with_paths_relative_to_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES.parent)  # paths below are relative to here, not to notebooks/
    result = CliRunner().invoke(
        main,
        ["report", "--notebook", "validation", "--corpus", "brat/text", "-p", "gold", "brat",
         "--out", str(tmp_path), "--name", "validation", "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    html = (tmp_path / "validation" / "validation.html").read_text(encoding="utf-8")
    assert "F1 per role" in html or "Per role" in html
    assert "What was missed" in html
    manifest = json.loads((tmp_path / "validation" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["gold"] == str(FIXTURES.resolve())
