"""Train, cross-validate and evaluate the portrayal model; the recipe behind model.json.

    research train-portrayal --data DIR          # DIR/train.jsonl -> src/research/portrayal/model.json
    research evaluate-portrayal --data DIR --on FILE   # model and baselines on a labelled file

Data: NewsMTSC (Hamborg & Donnay, EACL 2021, MIT licence), one JSON object per sentence with
`sentence_normalized` and `targets` (`from`, `to` one past the mention's last character,
`polarity` 2.0 / 4.0 / 6.0 = negative / neutral / positive). The model is scikit-learn's
multinomial logistic regression (L2, newton-cg): a well-tested, deterministic fit of a linear model
whose weights we export as JSON and apply with numpy, so the runtime needs no scikit-learn.
Before the fit each feature is scaled by its Naive Bayes log-count ratio (NB-LR, after Wang &
Manning's NB-SVM, ACL 2012): features that tell the classes apart are penalised less by the L2
prior; the exported weights are the fitted ones times the scale, so the model stays one linear map
of the same features. Regularisation, class weighting and the scaling are chosen by five-fold
cross-validation on the training file alone, folds by sentence (every target of a sentence in the
same fold).

scikit-learn is in the `train` dependency group: this module imports it only inside functions.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from research.io import InputError
from research.portrayal import featurize
from research.portrayal.features import Hit, tokenize
from research.portrayal.model import CLASSES, LinearModel
from research.schema import Span

POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}  # NewsMTSC's codes -> index into CLASSES
MIN_COUNT = 2  # a feature seen in fewer training mentions gets no weight
FOLDS = 5
GRID_C = (0.03, 0.1, 0.3, 1.0)
GRID_WEIGHT = ("none", "balanced")
GRID_SCALING = ("none", "nb")
SOLVER = "newton-cg"  # exact second-order steps: converges fast on these sparse problems
NB_ALPHA = 1.0  # add-one smoothing of the counts behind the log-count ratios
# chosen by `train-portrayal --search`, recorded in model.json
DEFAULT_C, DEFAULT_WEIGHT, DEFAULT_SCALING = 0.1, "balanced", "nb"


class DataError(InputError):
    """Training or evaluation data that cannot be read: names the file and the line."""


@dataclass(frozen=True)
class Example:
    """One sentence with its target mentions and their gold labels (indices into CLASSES)."""

    text: str
    spans: tuple[Span, ...]
    labels: tuple[int, ...]


def read_examples(path: str | os.PathLike[str]) -> list[Example]:
    """A NewsMTSC-style JSON Lines file as examples, one per sentence."""
    examples = []
    with Path(path).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = str(row["sentence_normalized"])
                targets = row["targets"]
                spans = tuple(Span(int(t["from"]), int(t["to"])) for t in targets)
                labels = tuple(POLARITY[float(t["polarity"])] for t in targets)
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                raise DataError(path, f"not a labelled sentence ({error})", line=number) from None
            if any(s.end > len(text) for s in spans):
                raise DataError(path, "a target lies outside the sentence", line=number)
            examples.append(Example(text, spans, labels))
    if not examples:
        raise DataError(path, "no labelled sentences")
    return examples


def sha256(path: str | os.PathLike[str]) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def featurize_examples(examples: Sequence[Example]) -> list[list[Hit]]:
    """Every target's features, sentence by sentence, through the same code as `toward`."""
    found: list[list[Hit]] = []
    for example in examples:
        found.extend(featurize(example.text, example.spans))
    return found


def gold(examples: Sequence[Example]) -> npt.NDArray[np.int64]:
    return np.asarray([label for e in examples for label in e.labels], dtype=np.int64)


def vocabulary(hits: Sequence[Sequence[Hit]], min_count: int = MIN_COUNT) -> list[str]:
    """Feature names seen in at least `min_count` mentions, sorted (a stable column order)."""
    counts = Counter(name for found in hits for name in {name for name, _, _, _ in found})
    return sorted(name for name, count in counts.items() if count >= min_count)


def matrix(hits: Sequence[Sequence[Hit]], names: Sequence[str]) -> Any:
    """A sparse (mentions, features) matrix; repeated features add up, as in scoring."""
    from scipy.sparse import csr_matrix

    index = {name: i for i, name in enumerate(names)}
    rows, cols, values = [], [], []
    for row, found in enumerate(hits):
        for name, value, _, _ in found:
            col = index.get(name)
            if col is not None:
                rows.append(row)
                cols.append(col)
                values.append(value)
    shape = (len(hits), len(names))
    return csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)


def log_count_ratios(
    x: Any, labels: npt.NDArray[np.int64], alpha: float = NB_ALPHA
) -> npt.NDArray[np.float64]:
    """Each feature's power to tell the classes apart, as NB-SVM's log-count ratio (Wang &
    Manning 2012): per class, the log of the feature's smoothed share of the class's feature
    occurrences over its share of the other classes' (presence, not value); per feature, the root
    mean square over the classes."""
    present = x.copy()
    present.data = np.ones_like(present.data)
    ratios = []
    for k in range(len(CLASSES)):
        inside = np.asarray(present[labels == k].sum(axis=0)).ravel() + alpha
        outside = np.asarray(present[labels != k].sum(axis=0)).ravel() + alpha
        ratios.append(np.log(inside / inside.sum()) - np.log(outside / outside.sum()))
    return np.asarray(np.sqrt(np.mean(np.square(ratios), axis=0)), dtype=np.float64)


def design(
    hits: Sequence[Sequence[Hit]],
    labels: npt.NDArray[np.int64],
    names: Sequence[str],
    scaling: str = DEFAULT_SCALING,
) -> tuple[Any, npt.NDArray[np.float64]]:
    """The matrix the estimator is fitted on, and each column's scale (ones unless "nb")."""
    from scipy.sparse import diags

    x = matrix(hits, names)
    if scaling == "none":
        return x, np.ones(len(names))
    if scaling != "nb":
        raise ValueError(f"unknown scaling {scaling!r} (none or nb)")
    scale = log_count_ratios(x, labels)
    return (x @ diags(scale)).tocsr(), scale


def fit(
    hits: Sequence[Sequence[Hit]],
    labels: npt.NDArray[np.int64],
    *,
    c: float = DEFAULT_C,
    weight: str = DEFAULT_WEIGHT,
    scaling: str = DEFAULT_SCALING,
    meta: dict[str, Any] | None = None,
) -> LinearModel:
    """A multinomial logistic regression on the (scaled) hits, as a LinearModel of the raw hits."""
    from sklearn.linear_model import LogisticRegression

    names = vocabulary(hits)
    estimator = LogisticRegression(
        C=c,
        class_weight=None if weight == "none" else weight,
        solver=SOLVER,
        max_iter=2000,
    )
    x, scale = design(hits, labels, names, scaling)
    estimator.fit(x, labels)
    if list(estimator.classes_) != [0, 1, 2]:
        raise DataError("<training data>", "must hold all three classes")
    settings: dict[str, Any] = {"C": c, "class_weight": weight, "min_count": MIN_COUNT}
    if scaling != "none":
        settings |= {"scaling": scaling, "nb_alpha": NB_ALPHA}
    return LinearModel(
        tuple(names),
        np.asarray(estimator.coef_.T * scale[:, None], dtype=np.float64),
        np.asarray(estimator.intercept_, dtype=np.float64),
        CLASSES,
        {**settings, **(meta or {})},
    )


def predict(model: LinearModel, hits: Sequence[Sequence[Hit]]) -> npt.NDArray[np.int64]:
    return np.asarray(model.logits(hits).argmax(axis=1), dtype=np.int64)


def folds(examples: Sequence[Example], k: int = FOLDS) -> npt.NDArray[np.int64]:
    """The fold of every target: sentences dealt round-robin, so a sentence's targets stay
    together and the split is the same on every run."""
    return np.asarray(
        [number % k for number, e in enumerate(examples) for _ in e.labels], dtype=np.int64
    )


def cross_validate(
    examples: Sequence[Example],
    hits: Sequence[Sequence[Hit]] | None = None,
    *,
    grid_c: Iterable[float] = GRID_C,
    grid_weight: Iterable[str] = GRID_WEIGHT,
    grid_scaling: Iterable[str] = GRID_SCALING,
) -> list[dict[str, Any]]:
    """Macro-F1 of every setting, pooled over the folds, on all targets and on those in sentences
    with two or more (the case that tells targets apart), best first by the latter."""
    hits = hits if hits is not None else featurize_examples(examples)
    labels = gold(examples)
    fold = folds(examples)
    multi = np.asarray([len(e.labels) > 1 for e in examples for _ in e.labels])
    rows = []
    for scaling in grid_scaling:
        for weight in grid_weight:
            for c in grid_c:
                predicted = np.empty_like(labels)
                for k in range(FOLDS):
                    train = [h for h, f in zip(hits, fold, strict=True) if f != k]
                    model = fit(train, labels[fold != k], c=c, weight=weight, scaling=scaling)
                    test = [h for h, f in zip(hits, fold, strict=True) if f == k]
                    predicted[fold == k] = predict(model, test)
                rows.append(
                    {
                        "C": c,
                        "class_weight": weight,
                        "scaling": scaling,
                        "macro_f1": macro_f1(labels, predicted),
                        "macro_f1_multi": macro_f1(labels[multi], predicted[multi]),
                    }
                )
    return sorted(
        rows, key=lambda r: (-r["macro_f1_multi"], r["C"], r["class_weight"], r["scaling"])
    )


def train(
    path: str | os.PathLike[str],
    *,
    c: float = DEFAULT_C,
    weight: str = DEFAULT_WEIGHT,
    scaling: str = DEFAULT_SCALING,
) -> LinearModel:
    """The model on the whole training file, with its provenance in `meta`."""
    examples = read_examples(path)
    hits = featurize_examples(examples)
    labels = gold(examples)
    counts = np.bincount(labels, minlength=3)
    meta = {
        "data": Path(path).name,
        "data_sha256": sha256(path),
        "sentences": len(examples),
        "targets": len(labels),
        "class_counts": dict(zip(CLASSES, (int(n) for n in counts), strict=True)),
    }
    return fit(hits, labels, c=c, weight=weight, scaling=scaling, meta=meta)


# --- measures -------------------------------------------------------------------------------------


def per_class(
    labels: npt.NDArray[np.int64], predicted: npt.NDArray[np.int64]
) -> list[tuple[float, float, float]]:
    """(precision, recall, F1) per class."""
    found = []
    for k in range(len(CLASSES)):
        tp = float(np.sum((predicted == k) & (labels == k)))
        p = tp / max(1, int(np.sum(predicted == k)))
        r = tp / max(1, int(np.sum(labels == k)))
        found.append((p, r, 2 * p * r / (p + r) if p + r else 0.0))
    return found


def macro_f1(labels: npt.NDArray[np.int64], predicted: npt.NDArray[np.int64]) -> float:
    return float(np.mean([f for _, _, f in per_class(labels, predicted)]))


# --- baselines ------------------------------------------------------------------------------------


def baseline_majority(train: Sequence[Example], test: Sequence[Example]) -> npt.NDArray[np.int64]:
    majority = int(np.bincount(gold(train), minlength=3).argmax())
    return np.full(len(gold(test)), majority, dtype=np.int64)


def baseline_vader(test: Sequence[Example]) -> npt.NDArray[np.int64]:
    """VADER's compound score of the whole sentence, its authors' thresholds (+-0.05)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    found = []
    for example in test:
        compound = analyzer.polarity_scores(example.text)["compound"]
        label = 2 if compound >= 0.05 else 0 if compound <= -0.05 else 1
        found.extend([label] * len(example.labels))
    return np.asarray(found, dtype=np.int64)


def baseline_textblob(test: Sequence[Example]) -> npt.NDArray[np.int64]:
    """TextBlob's polarity of the whole sentence: > 0 positive, < 0 negative."""
    from textblob import TextBlob

    found = []
    for example in test:
        polarity = TextBlob(example.text).sentiment.polarity
        label = 2 if polarity > 0 else 0 if polarity < 0 else 1
        found.extend([label] * len(example.labels))
    return np.asarray(found, dtype=np.int64)


def window_hits(examples: Sequence[Example], window: int = 5) -> list[list[Hit]]:
    """The plain-window baseline's features: the words within `window` tokens left and right
    of the mention (by side, no distance, no negation) and the sentence's VADER scores."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    found = []
    for example in examples:
        tokens = tokenize(example.text)
        scores = analyzer.polarity_scores(example.text)
        shared = [(f"vader:{k}", float(v), -1, -1) for k, v in scores.items()]
        for span in example.spans:
            inside = [i for i, t in enumerate(tokens) if t.start < span.end and span.start < t.end]
            first = inside[0] if inside else 0
            last = inside[-1] if inside else 0
            left = tokens[max(0, first - window) : first]
            right = tokens[last + 1 : last + 1 + window]
            found.append(
                [
                    ("bias", 1.0, -1, -1),
                    *shared,
                    *((f"L:{t.lower}", 1.0, -1, -1) for t in left),
                    *((f"R:{t.lower}", 1.0, -1, -1) for t in right),
                ]
            )
    return found


def evaluate(train_path: str | os.PathLike[str], test_path: str | os.PathLike[str]) -> str:
    """The shipped model and the baselines on a labelled file, as a plain-text table."""
    from research.portrayal.model import load_model

    train_examples = read_examples(train_path)
    test_examples = read_examples(test_path)
    labels = gold(test_examples)
    window_model = fit(
        window_hits(train_examples), gold(train_examples), c=1.0, weight="none", scaling="none"
    )
    systems = {
        "majority class (of train)": baseline_majority(train_examples, test_examples),
        "TextBlob polarity of the sentence": baseline_textblob(test_examples),
        "VADER compound of the sentence": baseline_vader(test_examples),
        "plain window LR (5 words + VADER)": predict(window_model, window_hits(test_examples)),
        "research.portrayal (shipped model)": predict(
            load_model(), featurize_examples(test_examples)
        ),
    }
    counts = np.bincount(labels, minlength=3)
    lines = [
        f"{Path(test_path).name}: {len(test_examples)} sentences, {len(labels)} targets "
        + ", ".join(f"{c} {n}" for c, n in zip(CLASSES, counts, strict=True)),
        "",
        f"{'system':38} {'macro-F1':>8}  "
        + "  ".join(f"{c[:3]}-P {c[:3]}-R" for c in CLASSES)
        + "  accuracy",
    ]
    for name, predicted in systems.items():
        scores = per_class(labels, predicted)
        accuracy = float(np.mean(predicted == labels))
        lines.append(
            f"{name:38} {macro_f1(labels, predicted):8.3f}  "
            + "  ".join(f"{p:5.3f} {r:5.3f}" for p, r, _ in scores)
            + f"  {accuracy:8.3f}"
        )
    return "\n".join(lines)
