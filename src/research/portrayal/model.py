"""The learned linear model: a JSON file of named feature weights, applied with numpy.

The file is data, read with `json` (no pickle, nothing executed): a list of feature names, one row
of three class weights per name, and the intercepts. Scoring a mention is a sum of the weight rows
of its features; the label is the class with the highest sum, the score P(positive) - P(negative).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from research.portrayal.features import Hit

FORMAT = "research.portrayal/linear-1"
CLASSES = ("negative", "neutral", "positive")
MODEL_FILE = "model.json"


@dataclass(frozen=True)
class Scored:
    """The model's reading of a batch of mentions, hit by hit (known features only)."""

    logits: npt.NDArray[np.float64]  # (mentions, classes)
    rows: npt.NDArray[np.int64]  # the mention of each hit
    pushes: npt.NDArray[np.float64]  # (hits, classes): value x (weight - the classes' mean)
    starts: npt.NDArray[np.int64]  # each hit's evidence span, -1 when none
    ends: npt.NDArray[np.int64]


class ModelError(ValueError):
    """A model file that cannot be used: names the file and the problem."""


@dataclass(frozen=True)
class LinearModel:
    features: tuple[str, ...]
    weights: npt.NDArray[np.float64]  # (features, classes)
    intercept: npt.NDArray[np.float64]  # (classes,)
    classes: tuple[str, ...] = CLASSES
    meta: Mapping[str, Any] = field(default_factory=dict)
    index: Mapping[str, int] = field(init=False, repr=False, compare=False)

    centered: npt.NDArray[np.float64] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {name: i for i, name in enumerate(self.features)})
        # each class's weight above the classes' mean: what a feature adds toward that class
        object.__setattr__(
            self, "centered", self.weights - self.weights.mean(axis=1, keepdims=True)
        )

    def logits(self, mentions: Sequence[Sequence[Hit]]) -> npt.NDArray[np.float64]:
        """(mentions, classes) decision values, every mention's known features summed at once."""
        return self.score(mentions).logits

    def score(self, mentions: Sequence[Sequence[Hit]]) -> Scored:
        """Decision values and, per known hit, what it added toward each class: one pass over
        the hits, then numpy."""
        counts = [len(hits) for hits in mentions]
        flat = [hit for hits in mentions for hit in hits]
        if flat:  # one C-level pass: the hits' fields as columns, their names as indices
            names, values, starts, ends = zip(*flat, strict=True)
            cols = np.fromiter(map(self.index.get, names, repeat(-1)), np.int64, len(flat))
        else:
            values = starts = ends = ()
            cols = np.zeros(0, dtype=np.int64)
        known = cols >= 0
        row_array = np.repeat(np.arange(len(mentions), dtype=np.int64), counts)[known]
        col_array = cols[known]
        value_array = np.asarray(values, dtype=np.float64)[known]
        logits = np.tile(self.intercept, (len(mentions), 1))
        for k in range(len(self.classes)):
            logits[:, k] += np.bincount(
                row_array, weights=self.weights[col_array, k] * value_array, minlength=len(mentions)
            )
        return Scored(
            logits,
            row_array,
            self.centered[col_array] * value_array[:, None],
            np.asarray(starts, dtype=np.int64)[known],
            np.asarray(ends, dtype=np.int64)[known],
        )

    def to_json(self) -> str:
        """The model as stable, reviewable JSON: one feature per line, weights to 6 decimals."""
        lines = [
            "{",
            f'  "format": {json.dumps(FORMAT)},',
            f'  "classes": {json.dumps(list(self.classes))},',
            f'  "meta": {json.dumps(dict(self.meta), sort_keys=True)},',
            f'  "intercept": {json.dumps(_rounded(self.intercept))},',
            '  "weights": {',
        ]
        rows = [
            f"    {json.dumps(name)}: {json.dumps(_rounded(self.weights[i]))}"
            for i, name in enumerate(self.features)
        ]
        lines.append(",\n".join(rows))
        lines += ["  }", "}"]
        return "\n".join(lines) + "\n"


def _rounded(values: npt.NDArray[np.float64]) -> list[float]:
    return [round(float(v), 6) + 0.0 for v in values]  # + 0.0: no "-0.0"


def from_json(text: str, *, path: str = "<model>") -> LinearModel:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ModelError(f"{path}: not JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"{path}: not a portrayal model (expected format {FORMAT!r})")
    try:
        classes = tuple(str(c) for c in data["classes"])
        weights = data["weights"]
        names = tuple(weights)
        matrix = np.asarray([weights[n] for n in names], dtype=np.float64).reshape(
            len(names), len(classes)
        )
        intercept = np.asarray(data["intercept"], dtype=np.float64).reshape(len(classes))
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(f"{path}: malformed model ({error})") from None
    if classes != CLASSES:
        raise ModelError(f"{path}: classes must be {list(CLASSES)}, got {list(classes)}")
    return LinearModel(names, matrix, intercept, classes, dict(data.get("meta", {})))


def load_model(path: str | os.PathLike[str] | None = None) -> LinearModel:
    """The model at `path`, or the one shipped in the package."""
    if path is None:
        return _packaged()
    return from_json(Path(path).read_text(encoding="utf-8"), path=str(path))


@cache
def _packaged() -> LinearModel:
    source = resources.files("research.portrayal") / MODEL_FILE
    return from_json(source.read_text(encoding="utf-8"), path=str(source))
