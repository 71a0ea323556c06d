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
