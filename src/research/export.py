"""A report's tables beside its HTML: each as CSV and Parquet, for a spreadsheet, R or pandas.

Nested values (a statement's content spans, its mentions and hedges) are written as JSON text in
both formats, so that the two files hold the same cells and any reader can parse them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


def write_tables(
    tables: Mapping[str, pd.DataFrame], folder: str | os.PathLike[str] | None
) -> list[Path]:
    """Write each table as `folder/NAME.csv` and `folder/NAME.parquet`; the files written (none
    when `folder` is None: the notebook run by hand keeps its tables in memory)."""
    if folder is None:
        return []
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        flat = flatten(frame)
        csv, parquet = target / f"{name}.csv", target / f"{name}.parquet"
        flat.to_csv(csv, index=False)
        flat.to_parquet(parquet, index=False)
        written += [csv, parquet]
    return written


def flatten(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with a plain index and every nested (list, dict, array) cell as JSON text."""
    flat = frame.reset_index(drop=True).copy()
    for column in flat.columns:
        if flat[column].dtype == object and flat[column].map(_nested).any():
            flat[column] = flat[column].map(_json)
    flat.columns = [str(c) for c in flat.columns]
    return flat


def _nested(value: Any) -> bool:
    return isinstance(value, (list, tuple, dict, np.ndarray))


def _json(value: Any) -> Any:
    if not _nested(value):
        return value
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value
