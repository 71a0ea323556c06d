from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from research.cli import main


def test_statements_jsonl_to_stdout_follows_contract(bundled: Path, bundled_text: str) -> None:
    result = CliRunner().invoke(main, ["statements", str(bundled)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 8
    for record in records:
        assert record["doc"] == "aleppo-safe-exit-deal"
        assert record["kind"] in {"direct", "indirect", "mixed"}
        for span in [record["speaker"], record["cue"], *record["content"]]:
            if span is not None:
                assert bundled_text[span["start"] : span["end"]] == span["text"]
        assert {"party", "polarity", "subjectivity", "entity"} <= set(record)
    parties = {r["party"] for r in records}
    assert {"Russia", "United Nations", "United States", "Rebels / opposition"} <= parties


def test_statements_csv_to_file_with_user_lexicon(tmp_path: Path, bundled: Path) -> None:
    lexicon = tmp_path / "extra.toml"
    lexicon.write_text(
        '[[party]]\nname = "Drafters"\nnames = ["draft proposal"]\n', encoding="utf-8"
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        main,
        ["statements", str(bundled), "--format", "csv", "-o", str(out), "--lexicon", str(lexicon)],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("doc,statement,kind")
    assert "Drafters" in text  # the user's party resolved "a draft proposal of the deal"


def test_bad_input_is_one_line_without_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["statements", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt: no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_statements_carry_stance_hedges_and_verb_class(bundled: Path, bundled_text: str) -> None:
    result = CliRunner().invoke(main, ["statements", str(bundled)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        assert {"stance", "hedges", "mentions", "verb_class"} <= set(record)
        for found in record["stance"]:
            assert found["label"] in {"favor", "against", "neutral"}
            for span in [found["mention"], *found["evidence"]]:
                assert bundled_text[span["start"] : span["end"]] == span["text"]
    malhees = next(r for r in records if r["speaker"] and r["speaker"]["text"] == "Amin Malhees")
    [withdrawal] = [s for s in malhees["stance"] if s["target"] == "withdrawal"]
    assert withdrawal["label"] == "against"
    said_to = [h for r in records for h in r["hedges"] if h["text"] == "are said to"]
    assert said_to and said_to[0]["scope"] == "attribution"


def test_statements_with_the_second_sentiment_backend(bundled: Path) -> None:
    scores = {}
    for backend in ("textblob", "vader"):
        result = CliRunner().invoke(main, ["statements", str(bundled), "--sentiment", backend])
        assert result.exit_code == 0, result.output
        scores[backend] = [json.loads(line)["polarity"] for line in result.stdout.splitlines()]
    assert len(scores["textblob"]) == len(scores["vader"])
    assert scores["textblob"] != scores["vader"]


def test_report_with_an_unknown_notebook_lists_the_known_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--notebook", "outlets", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "unknown notebook 'outlets' (known: " in result.output
    assert "outlet_comparison" in result.output
