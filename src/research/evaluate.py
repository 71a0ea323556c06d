"""Score predicted statements against gold attribution relations in brat standoff format.

Gold follows the PolNeAR layout (Newell, Margolin and Ruths 2018, "An Attribution Relations Corpus
for Political News", LREC): ``DIR/text/<doc>.txt`` and ``DIR/attributions/<doc>_<annotator>.ann``
(a plain ``<doc>.ann`` is accepted too). In each ``.ann`` file ``T`` lines are text spans
(``Source``, ``Cue``, ``Content``; brat writes a span that crosses a line break as fragments
``start end;start end``) and each ``E`` line ties one relation together:
``E3<TAB>Attribution:T12 Content:T9 Cue:T10 Source:T11 Content2:T13``. ``Content2`` and further
numbered arguments continue the content; ``Attribution-no-source`` events have no source. Brat
offsets are Python ``str`` indices into the text read with ``open(path, encoding="utf-8",
newline="")``, the same units as predictions (checked on every PolNeAR train span). Events without
content are unusable as relations; they are dropped and listed in ``GoldCorpus.dropped``.

Predictions are JSON Lines, one statement per line::

    {"doc": "...", "speaker": {"start": 0, "end": 4, "text": "..."} | null,
     "cue": {...} | null, "content": [{...}, ...], "kind": "direct" | "indirect" | "mixed",
     "nested": false}

(``nested``, optional: the statement is reported inside another's content; ``outer_only`` scoring
leaves such statements out, for gold that codes attributions one level deep.)

Metric definitions
------------------
A statement (gold relation or predicted statement) has up to three role fillers: ``source`` (the
prediction's ``speaker``), ``cue`` and ``content``. A filler is a set of character fragments. Before
any comparison each fragment is trimmed of surrounding white space, and fragments that touch,
overlap or are separated only by white space are merged, so a content span broken at a line break
equals the same span written whole. Discontinuous fillers are compared as their set of fragments;
``discontinuous="hull"`` compares the hull [first start, last end) instead. Tokens are runs of
word characters (``\\w+``) and single other non-space characters; a token belongs to a filler when
they share a character.

Role level, per role, micro-averaged over the corpus, with tp/fp/fn in the table:

* ``exact``: a predicted filler is correct when a gold filler of the same role in the same
  document has identical fragments (one-to-one: fillers are counted as multisets).
* ``overlap`` (lenient span match): a predicted and a gold filler of the same role and document
  match when they share at least one token. Fillers are paired one-to-one (a maximum matching that
  prefers pairs with higher token Jaccard), so tp counts pairs, fp unpaired predictions and fn
  unpaired gold fillers.
* ``token`` (token-proportional): per document and role, the set of tokens covered by predicted
  fillers against the set covered by gold fillers; tp = tokens in both, fp = predicted only,
  fn = gold only. Credit is partial and proportional to the overlap.

Relation level: gold relations and predicted statements of the same document are paired one-to-one
when their contents share at least one token (same matching as ``overlap``). Recall = paired gold /
gold, precision = paired predictions / predictions. Among pairs, speaker accuracy is the share
where the predicted speaker shares a token with the gold source, or both are absent;
``speaker_exact`` asks for identical fragments instead; cue accuracy is defined like speaker
accuracy. When contents overlap equally, the pair whose speaker and cue agree more wins. Recall is
also broken down by the gold content's kind, read off its quote marks: direct when every fragment
is enclosed in double quotes, mixed when some quote mark occurs, else indirect. A rate whose
denominator is zero is NaN.

By rule: when predictions carry the ``rule`` that found them (the attributor's output does), each
rule's precision is its paired predictions / its predictions, and its recall the gold relations it
found / all gold relations (so the rules' recalls add up to the overall recall).

Why these: work on PARC (Pareti et al. 2013, EMNLP; Pareti 2016, "PARC 3.0", LREC) separates strict
(exact boundaries) from partial (overlapping) span matches; Newell et al. (2018) measure PolNeAR
agreement token-wise (Krippendorff's alpha over token labels) and attribution-wise; CofeNet (Wang et
al. 2022, COLING) reports per-role exact-match precision/recall/F1 and a Jaccard overlap score (see
``exe/eval/evaluation.py`` in cofe-ai/CofeNet). CofeNet scores contiguous BIO segments within a
sentence, so a discontinuous content counts as several spans there and its numbers are not directly
comparable with these.
"""

from __future__ import annotations

import json
import math
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeAlias

import pandas as pd

from research.errors import ResearchError

Role = Literal["source", "cue", "content"]
ROLES: tuple[Role, ...] = ("source", "cue", "content")
Fragment: TypeAlias = tuple[int, int]
Fragments: TypeAlias = tuple[Fragment, ...]
Discontinuous = Literal["fragments", "hull"]
KINDS = ("direct", "indirect", "mixed")

# The JSON key a prediction uses for each role.
PREDICTION_KEYS: Mapping[Role, str] = {"source": "speaker", "cue": "cue", "content": "content"}

# Between content fragments when a filler is shown as one string.
FRAGMENT_JOINER = " … "

_TOKEN = re.compile(r"\w+|[^\w\s]")
# Lines brat writes for annotations; anything else right after a T line continues that line's text,
# because brat keeps a span's line breaks verbatim in the text field.
_ANNOTATION_LINE = re.compile(r"^(?:[TERAMN#]\d+|\*)\t")
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", re.DOTALL)
_ROLE_ARGUMENT = re.compile(r"^(Source|Cue|Content)\d*$")
_ROLE_NAMES: Mapping[str, Role] = {"Source": "source", "Cue": "cue", "Content": "content"}
_OPENING_QUOTES = '"“'
_CLOSING_QUOTES = '"”'


class EvaluationInputError(ResearchError, ValueError):
    """An input that cannot be evaluated; the message names the file (and line) and the problem."""

    path: str

    def __init__(self, path: str | os.PathLike[str], problem: str, *, line: int | None = None):
        super().__init__(problem, path=path, line=line)


class AnnotationError(EvaluationInputError):
    """A malformed brat ``.ann`` file or one that does not fit its text."""


class PredictionError(EvaluationInputError):
    """A malformed prediction record, or one whose spans do not fit its document."""


# ---------------------------------------------------------------------------------------------
# Gold: brat standoff


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One gold attribution relation; each role is its sorted raw fragments (empty when absent)."""

    doc: str
    relation_id: str
    annotator: str
    source: Fragments
    cue: Fragments
    content: Fragments


@dataclass(frozen=True, slots=True)
class DroppedEvent:
    """A gold event left out of the evaluation, and why."""

    doc: str
    relation_id: str
    annotator: str
    reason: str


@dataclass(frozen=True)
class GoldCorpus:
    """Gold texts and relations of one corpus directory.

    ``relations`` has one row per relation: doc, relation_id, annotator, and source, cue, content
    as tuples of (start, end) fragments. ``annotators`` maps each doc to every annotator whose file
    exists; the chosen one is in ``relations``. ``unannotated`` lists texts without an .ann file.
    """

    texts: Mapping[str, str]
    relations: pd.DataFrame
    dropped: pd.DataFrame
    annotators: Mapping[str, tuple[str, ...]]
    unannotated: tuple[str, ...] = ()


RELATION_COLUMNS = ["doc", "relation_id", "annotator", "source", "cue", "content"]
DROPPED_COLUMNS = ["doc", "relation_id", "annotator", "reason"]


def read_brat_corpus(
    gold_dir: str | os.PathLike[str],
    *,
    multiple_annotators: Literal["first", "error"] = "first",
    check_text: bool = True,
) -> GoldCorpus:
    """Read ``gold_dir/text/*.txt`` and ``gold_dir/attributions/*.ann`` into a GoldCorpus.

    PolNeAR annotates some documents more than once (``<doc>_<annotator>.ann``); with
    ``multiple_annotators="first"`` the alphabetically first annotator is used, so results are
    reproducible (the corpus's own loader picks one at random). ``check_text`` verifies each
    span's text in the .ann file against the document text.
    """
    root = Path(gold_dir)
    text_dir, ann_dir = root / "text", root / "attributions"
    for folder in (text_dir, ann_dir):
        if not folder.is_dir():
            raise AnnotationError(
                folder, "expected a directory (layout DIR/text, DIR/attributions)"
            )
    text_paths = {path.stem: path for path in sorted(text_dir.glob("*.txt"))}
    found: dict[str, dict[str, Path]] = defaultdict(dict)
    for ann_path in sorted(ann_dir.glob("*.ann")):
        doc, annotator = _doc_and_annotator(ann_path, text_paths)
        found[doc][annotator] = ann_path
    texts: dict[str, str] = {}
    relations: list[GoldRelation] = []
    dropped: list[DroppedEvent] = []
    for doc in sorted(found):
        by_annotator = found[doc]
        if len(by_annotator) > 1 and multiple_annotators == "error":
            names = ", ".join(str(path) for path in by_annotator.values())
            raise AnnotationError(by_annotator[min(by_annotator)], f"{doc} has several: {names}")
        annotator = min(by_annotator)
        ann_path = by_annotator[annotator]
        texts[doc] = read_text(text_paths[doc])
        parsed, skipped = parse_ann(
            ann_path.read_text(encoding="utf-8"),
            texts[doc],
            doc=doc,
            annotator=annotator,
            origin=ann_path,
            check_text=check_text,
        )
        relations.extend(parsed)
        dropped.extend(skipped)
    return GoldCorpus(
        texts=texts,
        relations=relations_frame(relations),
        dropped=pd.DataFrame([_row(event) for event in dropped], columns=DROPPED_COLUMNS),
        annotators={doc: tuple(sorted(found[doc])) for doc in sorted(found)},
        unannotated=tuple(sorted(set(text_paths) - set(found))),
    )


def read_text(path: str | os.PathLike[str]) -> str:
    """A document's text exactly as decoded: the string every offset points into."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _doc_and_annotator(ann_path: Path, text_paths: Mapping[str, Path]) -> tuple[str, str]:
    stem = ann_path.stem
    if stem in text_paths:
        return stem, ""
    head, _, annotator = stem.rpartition("_")
    if head in text_paths:
        return head, annotator
    raise AnnotationError(ann_path, f"no text file text/{stem}.txt or text/{head}.txt")


def relations_frame(relations: Iterable[GoldRelation]) -> pd.DataFrame:
    """Gold relations as a frame with RELATION_COLUMNS."""
    return pd.DataFrame([_row(relation) for relation in relations], columns=RELATION_COLUMNS)


def _row(item: GoldRelation | DroppedEvent) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}


def parse_ann(
    ann: str,
    text: str,
    *,
    doc: str,
    annotator: str = "",
    origin: str | os.PathLike[str] = "<ann>",
    check_text: bool = True,
) -> tuple[list[GoldRelation], list[DroppedEvent]]:
    """Relations in one .ann file's content, and the events dropped for lack of content.

    Only ``T`` and ``E`` lines matter; ``#`` notes and ``A``/``M``/``N``/``R``/``*`` lines are
    skipped. Any other line raises AnnotationError naming ``origin`` and the line number.
    """
    spans: dict[str, Fragments] = {}
    events: list[tuple[int, str, list[str]]] = []
    lines = [line.removesuffix("\r") for line in ann.split("\n")]
    index = 0
    while index < len(lines):
        number, line = index + 1, lines[index]
        index += 1
        if not line.strip():
            continue
        if line.startswith("T"):
            match = _TEXT_BOUND.match(line)
            if match is None:
                raise AnnotationError(origin, f"malformed text-bound line {line!r}", line=number)
            span_id, _label, offsets, written = match.groups()
            fragments = _parse_fragments(offsets, len(text), origin=origin, line=number)
            expected = " ".join(text[start:end] for start, end in fragments).replace("\r", "")
            # Brat writes a span's own line breaks into the text field: take continuation lines.
            while (
                len(written) < len(expected)
                and index < len(lines)
                and not _ANNOTATION_LINE.match(lines[index])
            ):
                written += "\n" + lines[index]
                index += 1
            if check_text and written != expected:
                problem = f"{span_id} text {written!r} differs from the document's {expected!r}"
                raise AnnotationError(origin, problem, line=number)
            if span_id in spans:
                raise AnnotationError(origin, f"{span_id} is defined twice", line=number)
            spans[span_id] = fragments
        elif line.startswith("E"):
            fields = line.split("\t")
            if len(fields) < 2 or not re.fullmatch(r"E\d+", fields[0]):
                raise AnnotationError(origin, f"malformed event line {line!r}", line=number)
            events.append((number, fields[0], fields[1].split()))
        elif not _ANNOTATION_LINE.match(line):
            raise AnnotationError(origin, f"unexpected line {line!r}", line=number)
    relations: list[GoldRelation] = []
    dropped: list[DroppedEvent] = []
    for number, event_id, arguments in events:
        roles: dict[Role, list[Fragment]] = {role: [] for role in ROLES}
        # The first argument is the event's type and trigger; the trigger duplicates the cue.
        for argument in arguments[1:]:
            name, _, span_id = argument.partition(":")
            role_match = _ROLE_ARGUMENT.match(name)
            if role_match is None:
                problem = f"{event_id} has an unknown argument {argument!r}"
                raise AnnotationError(origin, problem, line=number)
            if span_id not in spans:
                problem = f"{event_id} refers to {span_id!r}, which is not defined"
                raise AnnotationError(origin, problem, line=number)
            roles[_ROLE_NAMES[role_match.group(1)]].extend(spans[span_id])
        if not roles["content"]:
            dropped.append(DroppedEvent(doc, event_id, annotator, "no content"))
            continue
        relations.append(
            GoldRelation(
                doc=doc,
                relation_id=event_id,
                annotator=annotator,
                source=tuple(sorted(roles["source"])),
                cue=tuple(sorted(roles["cue"])),
                content=tuple(sorted(roles["content"])),
            )
        )
    return relations, dropped


def _parse_fragments(
    offsets: str, length: int, *, origin: str | os.PathLike[str], line: int
) -> Fragments:
    fragments = []
    for piece in offsets.split(";"):
        start, end = (int(number) for number in piece.split())
        if not 0 <= start <= end <= length:
            problem = f"fragment {start} {end} lies outside the text (length {length})"
            raise AnnotationError(origin, problem, line=line)
        fragments.append((start, end))
    return tuple(fragments)


def gold_spans(gold: GoldCorpus) -> pd.DataFrame:
    """One row per gold role fragment: doc, relation_id, role, fragment, start, end, text."""
    rows = []
    for relation in gold.relations.to_dict("records"):
        text = gold.texts[relation["doc"]]
        for role in ROLES:
            for position, (start, end) in enumerate(relation[role]):
                rows.append(
                    {
                        "doc": relation["doc"],
                        "relation_id": relation["relation_id"],
                        "role": role,
                        "fragment": position,
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                    }
                )
    columns = ["doc", "relation_id", "role", "fragment", "start", "end", "text"]
    return pd.DataFrame(rows, columns=columns)


# ---------------------------------------------------------------------------------------------
# Predictions

PREDICTION_COLUMNS = [
    "pred_id", "line", "doc", "kind", "nested", "source", "cue", "content", "claimed", "rule",
]  # fmt: skip


def read_predictions(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a JSON Lines predictions file into a predictions frame (see ``predictions_frame``)."""
    numbered: list[tuple[int, Any]] = []
    # utf-8-sig: a byte order mark some editors write must not break the first record.
    with Path(path).open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                numbered.append((number, json.loads(line)))
            except json.JSONDecodeError as error:
                raise PredictionError(path, f"not JSON: {error.msg}", line=number) from None
    return _predictions_frame(numbered, origin=str(path))


def predictions_frame(
    records: Iterable[Mapping[str, Any]], *, origin: str = "<predictions>"
) -> pd.DataFrame:
    """Prediction records (dicts in the JSON Lines contract) as a predictions frame.

    Columns: pred_id (0-based position), line (1-based position; the file line for
    ``read_predictions``), doc, kind, and source, cue, content as tuples of (start, end)
    fragments; ``claimed`` keeps each span's written text, to check against the document.
    ``speaker`` and ``cue`` may be one span, a list of spans or null; ``content`` a list or a span.
    """
    return _predictions_frame(list(enumerate(records, start=1)), origin=origin)


def _predictions_frame(numbered: Iterable[tuple[int, Any]], *, origin: str) -> pd.DataFrame:
    rows = []
    for pred_id, (number, record) in enumerate(numbered):
        if not isinstance(record, Mapping):
            raise PredictionError(origin, "a record must be a JSON object", line=number)
        doc = record.get("doc")
        if not isinstance(doc, str) or not doc:
            raise PredictionError(origin, "'doc' must be a non-empty string", line=number)
        kind = record.get("kind")
        if kind is not None and kind not in KINDS:
            problem = f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}"
            raise PredictionError(origin, problem, line=number)
        nested = record.get("nested", False)
        if not isinstance(nested, bool):
            raise PredictionError(
                origin, f"'nested' must be true or false, not {nested!r}", line=number
            )
        rule = record.get("rule")
        if rule is not None and not isinstance(rule, str):
            raise PredictionError(origin, f"'rule' must be a string, not {rule!r}", line=number)
        row: dict[str, Any] = {
            "pred_id": pred_id, "line": number, "doc": doc, "kind": kind, "nested": nested,
            "rule": rule,
        }  # fmt: skip
        claimed: list[tuple[Role, int, int, str]] = []
        for role in ROLES:
            key = PREDICTION_KEYS[role]
            spans = _spans(record.get(key), key=key, origin=origin, line=number)
            row[role] = tuple(sorted((start, end) for start, end, _ in spans))
            claimed.extend(
                (role, start, end, text) for start, end, text in spans if text is not None
            )
        row["claimed"] = tuple(claimed)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=PREDICTION_COLUMNS)
    frame.attrs["origin"] = origin
    return frame


def _spans(value: Any, *, key: str, origin: str, line: int) -> list[tuple[int, int, str | None]]:
    if value is None:
        return []
    spans = []
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, Mapping):
            raise PredictionError(origin, f"'{key}' spans must be objects, not {item!r}", line=line)
        start, end, text = item.get("start"), item.get("end"), item.get("text")
        # bool is a subclass of int, but a true/false offset is a bug upstream.
        if type(start) is not int or type(end) is not int:
            problem = f"'{key}' span needs integer start and end, got {item!r}"
            raise PredictionError(origin, problem, line=line)
        if not 0 <= start <= end:
            raise PredictionError(origin, f"'{key}' span has start > end: {item!r}", line=line)
        if text is not None and not isinstance(text, str):
            raise PredictionError(origin, f"'{key}' span text must be a string", line=line)
        spans.append((start, end, text))
    return spans


def predictions_from_statements(statements: pd.DataFrame) -> pd.DataFrame:
    """A predictions frame from the project's statements frame (schema.STATEMENTS columns)."""
    records = []
    for row in statements.to_dict("records"):
        record: dict[str, Any] = {
            "doc": row["doc"],
            "kind": _present(row.get("kind")),
            "nested": bool(_present(row.get("nested")) or False),
            "rule": _present(row.get("rule")),
        }
        for key in ("speaker", "cue"):
            start, end = _present(row.get(f"{key}_start")), _present(row.get(f"{key}_end"))
            record[key] = None if start is None else {"start": int(start), "end": int(end)}
        # After a Parquet round trip the spans are arrays, whose truth value is ambiguous.
        spans = _present(row.get("content_spans"))
        pairs = () if spans is None else spans
        record["content"] = [{"start": int(start), "end": int(end)} for start, end in pairs]
        records.append(record)
    return predictions_frame(records, origin="<statements frame>")


def _present(value: Any) -> Any:
    """None for a missing value (None, pd.NA, NaN), else the value."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


# ---------------------------------------------------------------------------------------------
# Evaluation


@dataclass(frozen=True)
class Evaluation:
    """Scores of one prediction set against one gold corpus.

    ``roles``: one row per (role, match) with n_gold, n_pred, tp, fp, fn, precision, recall, f1;
    ``unit`` says whether counts are fillers ("span") or tokens. ``relations``: one row of relation
    counts and rates. ``by_kind``: relation recall and speaker accuracy per gold content kind.
    ``matches``: the paired gold relations and predictions. ``errors``: missed gold relations,
    spurious predictions and pairs with a wrong speaker, with their text. ``by_rule``: per rule
    that found predictions, their precision, recall and speaker accuracy (empty when predictions
    carry no rule).
    """

    roles: pd.DataFrame
    relations: pd.DataFrame
    by_kind: pd.DataFrame
    matches: pd.DataFrame
    errors: pd.DataFrame
    by_rule: pd.DataFrame


@dataclass(frozen=True, slots=True)
class _Filler:
    fragments: Fragments
    tokens: frozenset[int]


@dataclass(frozen=True, slots=True)
class _Statement:
    doc: str
    key: int | str
    kind: str | None
    fillers: Mapping[Role, _Filler]
    rule: str | None = None  # the rule that found a prediction

    def tokens(self, role: Role) -> frozenset[int]:
        filler = self.fillers.get(role)
        return frozenset() if filler is None else filler.tokens


class _Tokens:
    """Token character ranges of one document, to map fragments to token indices."""

    def __init__(self, text: str) -> None:
        found = list(_TOKEN.finditer(text))
        self.starts = [match.start() for match in found]
        self.ends = [match.end() for match in found]

    def covered(self, fragments: Fragments) -> frozenset[int]:
        indices: set[int] = set()
        for start, end in fragments:
            # The tokens sharing at least one character with [start, end).
            indices.update(range(bisect_right(self.ends, start), bisect_left(self.starts, end)))
        return frozenset(indices)


def evaluate_statements(
    gold: GoldCorpus,
    predictions: pd.DataFrame,
    *,
    discontinuous: Discontinuous = "fragments",
    docs: Collection[str] | None = None,
    unknown_docs: Literal["error", "ignore"] = "error",
    check_pred_text: bool = True,
    outer_only: bool = False,
) -> Evaluation:
    """Score a predictions frame against gold; the module docstring defines every number.

    ``docs`` restricts scoring to those documents (default: every gold document; a gold document
    without predictions counts as all missed). Predictions for documents outside the gold corpus
    raise PredictionError unless ``unknown_docs="ignore"``. ``check_pred_text`` checks each span
    text a prediction carries against the document at its offsets. ``outer_only`` leaves out
    predictions marked ``nested`` (reported inside another statement's content), for gold coded
    one level deep: PolNeAR's train split has no cue inside another attribution's content.
    """
    origin = str(predictions.attrs.get("origin", "<predictions>"))
    scope = sorted(gold.texts) if docs is None else sorted(set(docs))
    missing = [doc for doc in scope if doc not in gold.texts]
    if missing:
        raise ValueError(f"not in the gold corpus: {', '.join(missing[:5])}")
    kept = []
    for record in _records(predictions):
        if record["doc"] not in gold.texts:
            if unknown_docs == "ignore":
                continue
            hint = " (its text has no .ann file)" if record["doc"] in gold.unannotated else ""
            problem = f"document {record['doc']!r} is not in the gold corpus{hint}"
            raise PredictionError(origin, problem, line=int(record["line"]))
        if record["doc"] in scope:
            _check_prediction(record, gold.texts[record["doc"]], origin, check_pred_text)
            if not (outer_only and record["nested"]):
                kept.append(record)
    tokens = {doc: _Tokens(gold.texts[doc]) for doc in scope}
    in_scope = [row for row in _records(gold.relations) if row["doc"] in tokens]
    gold_by_doc = _statements(in_scope, "relation_id", gold.texts, tokens, discontinuous)
    pred_by_doc = _statements(kept, "pred_id", gold.texts, tokens, discontinuous)
    pairs = {doc: _match_relations(gold_by_doc[doc], pred_by_doc[doc]) for doc in scope}
    matches = _matches_frame(pairs, gold_by_doc, pred_by_doc)
    gold_kinds = [statement.kind for doc in scope for statement in gold_by_doc[doc]]
    return Evaluation(
        roles=_role_scores(scope, gold_by_doc, pred_by_doc),
        relations=_relation_scores(matches, n_gold=len(in_scope), n_pred=len(kept)),
        by_kind=_kind_scores(matches, gold_kinds),
        matches=matches,
        errors=_errors(pairs, gold_by_doc, pred_by_doc, gold.texts, matches),
        by_rule=_rule_scores(
            matches, [s for doc in scope for s in pred_by_doc[doc]], len(in_scope)
        ),
    )


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(name): value for name, value in row.items()} for row in frame.to_dict("records")]


def _check_prediction(record: Mapping[str, Any], text: str, origin: str, check_text: bool) -> None:
    line = int(record["line"])
    for role in ROLES:
        for start, end in record[role]:
            if end > len(text):
                problem = f"{PREDICTION_KEYS[role]} span {start}-{end} lies past the end of "
                raise PredictionError(origin, f"{problem}{record['doc']} ({len(text)})", line=line)
    if not check_text:
        return
    for role, start, end, written in record["claimed"]:
        if text[start:end] != written:
            problem = (
                f"{PREDICTION_KEYS[role]} text {written!r} differs from the document's "
                f"{text[start:end]!r} at {start}-{end}"
            )
            raise PredictionError(origin, problem, line=line)


def _statements(
    records: Iterable[Mapping[str, Any]],
    key: str,
    texts: Mapping[str, str],
    tokens: Mapping[str, _Tokens],
    discontinuous: Discontinuous,
) -> dict[str, list[_Statement]]:
    by_doc: dict[str, list[_Statement]] = {doc: [] for doc in tokens}
    for record in records:
        doc = record["doc"]
        fillers = {}
        for role in ROLES:
            fragments = normalize_fragments(record[role], texts[doc], discontinuous=discontinuous)
            if fragments:
                fillers[role] = _Filler(fragments, tokens[doc].covered(fragments))
        # Gold carries no kind; read it off the quote marks of its content.
        kind = record["kind"] if "kind" in record else _content_kind(fillers, texts[doc])
        by_doc[doc].append(_Statement(doc, record[key], kind, fillers, record.get("rule")))
    return by_doc


def normalize_fragments(
    fragments: Iterable[Fragment], text: str, *, discontinuous: Discontinuous = "fragments"
) -> Fragments:
    """Fragments trimmed of white space, merged where they touch or only white space separates
    them, in text order; with ``discontinuous="hull"`` the single hull of the result."""
    merged: list[Fragment] = []
    for start, end in sorted(fragments):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if merged and (start <= merged[-1][1] or text[merged[-1][1] : start].isspace()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    if discontinuous == "hull" and len(merged) > 1:
        return ((merged[0][0], merged[-1][1]),)
    return tuple(merged)


def _content_kind(fillers: Mapping[Role, _Filler], text: str) -> str | None:
    """direct when every content fragment is enclosed in double quotes, mixed when some quote
    mark occurs, else indirect."""
    if "content" not in fillers:
        return None
    parts = [text[start:end] for start, end in fillers["content"].fragments]
    if not any(mark in part for part in parts for mark in _OPENING_QUOTES + _CLOSING_QUOTES):
        return "indirect"
    if all(part[0] in _OPENING_QUOTES and part[-1] in _CLOSING_QUOTES for part in parts):
        return "direct"
    return "mixed"


def _match(
    gold: Sequence[frozenset[int]],
    pred: Sequence[frozenset[int]],
    *,
    prefer: Callable[[int, int], float] | None = None,
) -> list[tuple[int, int]]:
    """A maximum one-to-one pairing of token sets that share a token, as (gold, pred) indices.

    Augmenting paths (Kuhn's algorithm) guarantee the largest number of pairs; trying partners
    in order of token Jaccard, then of ``prefer(gold, pred)``, makes the pairs the intuitive ones
    when several are possible.
    """

    def rank(i: int, j: int) -> tuple[float, float, int]:
        return -_jaccard(gold[i], pred[j]), -(prefer(i, j) if prefer else 0.0), j

    candidates = [
        [j for *_, j in sorted(rank(i, j) for j, p in enumerate(pred) if g & p)]
        for i, g in enumerate(gold)
    ]
    owner: dict[int, int] = {}

    def claim(i: int, visited: set[int]) -> bool:
        for j in candidates[i]:
            if j not in visited:
                visited.add(j)
                if j not in owner or claim(owner[j], visited):
                    owner[j] = i
                    return True
        return False

    def strongest(i: int) -> tuple[float, int]:
        best = _jaccard(gold[i], pred[candidates[i][0]]) if candidates[i] else 0.0
        return -best, i

    for i in sorted(range(len(gold)), key=strongest):
        claim(i, set())
    return sorted((i, j) for j, i in owner.items())


def _match_relations(
    gold: Sequence[_Statement], pred: Sequence[_Statement]
) -> list[tuple[int, int]]:
    """Pairs on content overlap; speaker and cue overlap decide between equal contents (PolNeAR
    has a few relations that share their content but not their source)."""

    def agreement(i: int, j: int) -> float:
        score = 0.0
        for role in ("source", "cue"):
            first, second = gold[i].tokens(role), pred[j].tokens(role)
            # Both absent agrees as fully as both identical.
            score += _jaccard(first, second) if first or second else 1.0
        return score

    contents = [[statement.tokens("content") for statement in side] for side in (gold, pred)]
    return _match(contents[0], contents[1], prefer=agreement)


def _jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _role_scores(
    scope: Sequence[str],
    gold_by_doc: Mapping[str, Sequence[_Statement]],
    pred_by_doc: Mapping[str, Sequence[_Statement]],
) -> pd.DataFrame:
    rows = []
    for role in ROLES:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for doc in scope:
            gold = [s.fillers[role] for s in gold_by_doc[doc] if role in s.fillers]
            pred = [s.fillers[role] for s in pred_by_doc[doc] if role in s.fillers]
            exact = Counter(f.fragments for f in gold) & Counter(f.fragments for f in pred)
            counts["exact"].update(tp=sum(exact.values()), gold=len(gold), pred=len(pred))
            overlap = _match([f.tokens for f in gold], [f.tokens for f in pred])
            counts["overlap"].update(tp=len(overlap), gold=len(gold), pred=len(pred))
            gold_tokens = frozenset().union(*(f.tokens for f in gold))
            pred_tokens = frozenset().union(*(f.tokens for f in pred))
            counts["token"].update(
                tp=len(gold_tokens & pred_tokens), gold=len(gold_tokens), pred=len(pred_tokens)
            )
        for match, unit in (("exact", "span"), ("overlap", "span"), ("token", "token")):
            tally = counts[match]
            rows.append(
                {"role": role, "match": match, "unit": unit}
                | _rates(tally["tp"], n_gold=tally["gold"], n_pred=tally["pred"])
            )
    return pd.DataFrame(rows)


def _rates(tp: int, *, n_gold: int, n_pred: int) -> dict[str, Any]:
    """Counts and micro-averaged rates; a rate with a zero denominator is NaN."""
    precision = tp / n_pred if n_pred else float("nan")
    recall = tp / n_gold if n_gold else float("nan")
    if precision != precision or recall != recall:
        f1 = float("nan")
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n_gold": n_gold,
        "n_pred": n_pred,
        "tp": tp,
        "fp": n_pred - tp,
        "fn": n_gold - tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


MATCH_COLUMNS = [
    "doc",
    "gold_id",
    "pred_id",
    "gold_kind",
    "pred_kind",
    "pred_rule",
    "content_jaccard",
    "content_exact",
    "speaker_correct",
    "speaker_exact",
    "cue_correct",
]


def _matches_frame(
    pairs: Mapping[str, Sequence[tuple[int, int]]],
    gold_by_doc: Mapping[str, Sequence[_Statement]],
    pred_by_doc: Mapping[str, Sequence[_Statement]],
) -> pd.DataFrame:
    rows = []
    for doc, doc_pairs in pairs.items():
        for i, j in doc_pairs:
            gold, pred = gold_by_doc[doc][i], pred_by_doc[doc][j]
            rows.append(
                {
                    "doc": doc,
                    "gold_id": gold.key,
                    "pred_id": pred.key,
                    "gold_kind": gold.kind,
                    "pred_kind": pred.kind,
                    "pred_rule": pred.rule,
                    "content_jaccard": _jaccard(gold.tokens("content"), pred.tokens("content")),
                    "content_exact": _same(gold, pred, "content", exact=True),
                    "speaker_correct": _same(gold, pred, "source", exact=False),
                    "speaker_exact": _same(gold, pred, "source", exact=True),
                    "cue_correct": _same(gold, pred, "cue", exact=False),
                }
            )
    return pd.DataFrame(rows, columns=MATCH_COLUMNS)


def _same(gold: _Statement, pred: _Statement, role: Role, *, exact: bool) -> bool:
    """Whether a role agrees: both absent, or sharing a token (identical fragments if exact)."""
    first, second = gold.fillers.get(role), pred.fillers.get(role)
    if first is None or second is None:
        return first is second
    if exact:
        return first.fragments == second.fragments
    return bool(first.tokens & second.tokens)


def _relation_scores(matches: pd.DataFrame, *, n_gold: int, n_pred: int) -> pd.DataFrame:
    tp = len(matches)
    row = _rates(tp, n_gold=n_gold, n_pred=n_pred)
    for column in ("speaker_correct", "speaker_exact", "cue_correct", "content_exact"):
        correct = int(matches[column].sum())
        row[column] = correct
        row[column.replace("_correct", "") + "_accuracy"] = correct / tp if tp else float("nan")
    return pd.DataFrame([row])


def _kind_scores(matches: pd.DataFrame, gold_kinds: Sequence[str | None]) -> pd.DataFrame:
    rows = []
    for kind, n_gold in sorted(Counter(str(kind) for kind in gold_kinds).items()):
        paired = matches.loc[matches["gold_kind"].astype(str) == kind]
        tp = len(paired)
        rows.append(
            {
                "gold_kind": kind,
                "n_gold": n_gold,
                "tp": tp,
                "recall": tp / n_gold,
                "speaker_accuracy": paired["speaker_correct"].mean() if tp else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=["gold_kind", "n_gold", "tp", "recall", "speaker_accuracy"])


RULE_COLUMNS = ["rule", "n_pred", "tp", "fp", "precision", "recall", "speaker_accuracy"]


def _rule_scores(
    matches: pd.DataFrame, predictions: Sequence[_Statement], n_gold: int
) -> pd.DataFrame:
    """Per rule: its predictions, how many were paired with gold, its precision, its share of
    the gold relations found (recall) and the speaker accuracy among its pairs; most used first."""
    counts = Counter(p.rule for p in predictions if isinstance(p.rule, str) and p.rule)
    rows = []
    for rule, n_pred in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        paired = matches.loc[matches["pred_rule"] == rule]
        tp = len(paired)
        rows.append(
            {
                "rule": rule,
                "n_pred": n_pred,
                "tp": tp,
                "fp": n_pred - tp,
                "precision": tp / n_pred,
                "recall": tp / n_gold if n_gold else float("nan"),
                "speaker_accuracy": paired["speaker_correct"].mean() if tp else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=RULE_COLUMNS)


ERROR_COLUMNS = [
    "error",
    "doc",
    "gold_id",
    "pred_id",
    "start",
    "end",
    "gold_kind",
    "pred_kind",
    "pred_rule",
    "gold_source",
    "gold_cue",
    "gold_content",
    "pred_speaker",
    "pred_cue",
    "pred_content",
]


def _errors(
    pairs: Mapping[str, Sequence[tuple[int, int]]],
    gold_by_doc: Mapping[str, Sequence[_Statement]],
    pred_by_doc: Mapping[str, Sequence[_Statement]],
    texts: Mapping[str, str],
    matches: pd.DataFrame,
) -> pd.DataFrame:
    wrong_speaker = {
        (row["doc"], row["gold_id"])
        for row in matches.to_dict("records")
        if not row["speaker_correct"]
    }
    rows = []
    for doc, doc_pairs in pairs.items():
        paired_gold = {i: j for i, j in doc_pairs}
        paired_pred = {j for _, j in doc_pairs}
        for i, gold in enumerate(gold_by_doc[doc]):
            if i not in paired_gold:
                rows.append(_error_row("missed", gold, None, texts[doc]))
            elif (doc, gold.key) in wrong_speaker:
                pred = pred_by_doc[doc][paired_gold[i]]
                rows.append(_error_row("wrong_speaker", gold, pred, texts[doc]))
        for j, pred in enumerate(pred_by_doc[doc]):
            if j not in paired_pred:
                rows.append(_error_row("spurious", None, pred, texts[doc]))
    frame = pd.DataFrame(rows, columns=ERROR_COLUMNS)
    frame = frame.astype({"start": "Int64", "end": "Int64"})
    return frame.sort_values(["doc", "start", "error"], kind="stable").reset_index(drop=True)


def _error_row(
    error: str, gold: _Statement | None, pred: _Statement | None, text: str
) -> dict[str, Any]:
    anchor = gold if gold is not None else pred
    assert anchor is not None
    content = anchor.fillers.get("content") or anchor.fillers.get("cue")
    return {
        "error": error,
        "doc": anchor.doc,
        "gold_id": None if gold is None else gold.key,
        "pred_id": None if pred is None else pred.key,
        "start": None if content is None else content.fragments[0][0],
        "end": None if content is None else content.fragments[-1][1],
        "gold_kind": None if gold is None else gold.kind,
        "pred_kind": None if pred is None else pred.kind,
        "pred_rule": None if pred is None else pred.rule,
        "gold_source": _text(gold, "source", text),
        "gold_cue": _text(gold, "cue", text),
        "gold_content": _text(gold, "content", text),
        "pred_speaker": _text(pred, "source", text),
        "pred_cue": _text(pred, "cue", text),
        "pred_content": _text(pred, "content", text),
    }


def _text(statement: _Statement | None, role: Role, text: str) -> str | None:
    filler = None if statement is None else statement.fillers.get(role)
    if filler is None:
        return None
    return FRAGMENT_JOINER.join(text[start:end] for start, end in filler.fragments)


def format_report(evaluation: Evaluation) -> str:
    """The role and relation tables as plain text, for a terminal or a log."""
    roles = evaluation.roles.set_index(["role", "match"])
    columns = ["n_gold", "n_pred", "tp", "fp", "fn", "precision", "recall", "f1"]
    relation = evaluation.relations.iloc[0]
    lines = [
        "Role scores (micro-averaged; token rows count tokens):",
        roles[columns].to_string(float_format=lambda value: f"{value:.3f}"),
        "",
        "Relations (content shares a token, one-to-one):",
        (
            f"  gold {int(relation['n_gold'])}  predicted {int(relation['n_pred'])}"
            f"  paired {int(relation['tp'])}"
            f"  P {relation['precision']:.3f}  R {relation['recall']:.3f}  F1 {relation['f1']:.3f}"
        ),
        (
            f"  among pairs: speaker {relation['speaker_accuracy']:.3f}"
            f" (exact {relation['speaker_exact_accuracy']:.3f})"
            f"  cue {relation['cue_accuracy']:.3f}"
            f"  content exact {relation['content_exact_accuracy']:.3f}"
        ),
        "",
        "Recall by gold content kind:",
        evaluation.by_kind.to_string(index=False, float_format=lambda value: f"{value:.3f}"),
    ]
    if not evaluation.by_rule.empty:
        lines += [
            "",
            "By rule (recall: share of all gold relations the rule found):",
            evaluation.by_rule.to_string(index=False, float_format=lambda value: f"{value:.3f}"),
        ]
    return "\n".join(lines)
