from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from research.export import write_tables


def test_tables_are_written_as_csv_and_parquet_with_nested_cells_as_json(tmp_path: Path) -> None:
    frame = pd.DataFrame({"party": ["Rebels"], "spans": [[(3, 9)]], "n": [2]})
    written = write_tables({"statements": frame}, tmp_path / "data")
    assert sorted(p.name for p in written) == ["statements.csv", "statements.parquet"]
    back = pd.read_parquet(tmp_path / "data" / "statements.parquet")
    assert json.loads(back.loc[0, "spans"]) == [[3, 9]]
    assert pd.read_csv(tmp_path / "data" / "statements.csv").loc[0, "n"] == 2
    assert write_tables({"statements": frame}, None) == []
