"""Score who the speakers are: the entity and party each found statement's speaker resolves to.

Gold is brat (the layout `research.evaluate` reads) with an AnnotatorNotes line on each Source
span: ``#3<TAB>AnnotatorNotes T7<TAB>entity=Marta Keller; party=Halvard Shipping``. The entity is
the person or organisation the speaker is ("-" when it names none: "analysts", "a spokeswoman for
the union"); the party is the lexicon party, or "unresolved" where a reader could not tell either.

Statements are paired with gold relations as `research.evaluate` pairs them (contents share a
token, one-to-one). Then, among paired gold relations with a source:

* speaker-entity accuracy: the predicted entity equals the gold one (case and spacing aside); a
  gold "-" is matched by no entity, or by the speaker's own words;
* party accuracy: the predicted party equals the gold one (an unresolved gold party asks for an
  unresolved prediction: a flag, not a guess);

and direct-quote recall is the share of gold relations whose content is wholly quoted (quotation
paragraphs without a tag included) that some statement pairs with.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from research.evaluate import (
    EvaluationInputError,
    GoldCorpus,
    PredictionError,
    evaluate_statements,
    predictions_frame,
    read_brat_corpus,
)

_NOTE = re.compile(r"^#\d+\tAnnotatorNotes (T\d+)\t(.*)$")
_EVENT_SOURCE = re.compile(r"\bSource\d*:(T\d+)")
NO_ENTITY = "-"


@dataclass(frozen=True)
class SpeakerScores:
    """Counts and rates; ``pairs`` has one row per paired gold relation with a source."""

    n_gold: int
    n_direct: int
    direct_found: int
    pairs: pd.DataFrame

    @property
    def direct_recall(self) -> float:
        return self.direct_found / self.n_direct if self.n_direct else float("nan")

    @property
    def entity_accuracy(self) -> float:
        return float(self.pairs["entity_correct"].mean()) if len(self.pairs) else float("nan")

    @property
    def party_accuracy(self) -> float:
        return float(self.pairs["party_correct"].mean()) if len(self.pairs) else float("nan")


def read_speaker_notes(gold_dir: str | os.PathLike[str], gold: GoldCorpus) -> pd.DataFrame:
    """doc, relation_id, entity, party for every gold relation whose source carries a note."""
    rows = []
    for relation in gold.relations.to_dict("records"):
        annotator = str(relation["annotator"] or "")
        suffix = f"_{annotator}" if annotator else ""
        path = Path(gold_dir) / "attributions" / f"{relation['doc']}{suffix}.ann"
        notes, sources = _notes(path)
        source = sources.get(str(relation["relation_id"]))
        if source is None or source not in notes:
            continue
        fields = dict(
            part.strip().split("=", 1) for part in notes[source].split(";") if "=" in part
        )
        if "entity" not in fields or "party" not in fields:
            raise EvaluationInputError(path, f"{source}: a note needs entity= and party=")
        rows.append(
            {
                "doc": relation["doc"],
                "relation_id": relation["relation_id"],
                "entity": fields["entity"].strip(),
                "party": fields["party"].strip(),
            }
        )
    return pd.DataFrame(rows, columns=["doc", "relation_id", "entity", "party"])


def _notes(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A .ann file's notes by span id, and each event's source span id."""
    notes: dict[str, str] = {}
    sources: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        note = _NOTE.match(line)
        if note is not None:
            notes[note.group(1)] = note.group(2)
        elif line.startswith("E"):
            event, _, arguments = line.partition("\t")
            source = _EVENT_SOURCE.search(arguments)
            if source is not None:
                sources[event] = source.group(1)
    return notes, sources


def read_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The statements of a JSON Lines file as written by `research statements`."""
    records = []
    with Path(path).open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise PredictionError(path, f"not JSON: {error.msg}", line=number) from None
    return records


def evaluate_speakers(
    gold_dir: str | os.PathLike[str], records: Sequence[Mapping[str, Any]]
) -> SpeakerScores:
    """Score the entity and party of each predicted statement's speaker (see the module doc)."""
    gold = read_brat_corpus(gold_dir)
    notes = read_speaker_notes(gold_dir, gold)
    scored = evaluate_statements(gold, predictions_frame(records, origin=str(gold_dir)))
    matches = scored.matches
    kinds = {
        (doc, relation): kind
        for doc, relation, kind in zip(
            matches["doc"], matches["gold_id"], matches["gold_kind"], strict=True
        )
    }
    direct_gold = _direct_relations(gold)
    pairs = matches.merge(
        notes, left_on=["doc", "gold_id"], right_on=["doc", "relation_id"], how="inner"
    )
    rows = []
    for pair in pairs.to_dict("records"):
        record = records[int(pair["pred_id"])]
        speaker = (record.get("speaker") or {}).get("text")
        entity, party = record.get("entity"), record.get("party")
        rows.append(
            {
                "doc": pair["doc"],
                "relation_id": pair["gold_id"],
                "gold_entity": pair["entity"],
                "gold_party": pair["party"],
                "speaker": speaker,
                "entity": entity,
                "party": party,
                "entity_correct": _same_entity(pair["entity"], entity, speaker),
                "party_correct": _norm(pair["party"]) == _norm(party),
            }
        )
    found = sum(1 for key in direct_gold if key in kinds)
    columns = [
        "doc", "relation_id", "gold_entity", "gold_party", "speaker", "entity", "party",
        "entity_correct", "party_correct",
    ]  # fmt: skip
    return SpeakerScores(
        len(gold.relations), len(direct_gold), found, pd.DataFrame(rows, columns=columns)
    )


def _direct_relations(gold: GoldCorpus) -> list[tuple[str, str]]:
    """Gold relations whose every content fragment is one quotation."""
    direct = []
    for relation in gold.relations.to_dict("records"):
        text = gold.texts[str(relation["doc"])]
        content: Sequence[tuple[int, int]] = relation["content"]
        pieces = [text[start:end].strip() for start, end in content]
        if pieces and all(p[:1] in '“"' and p.rstrip(".,")[-1:] in '”"' for p in pieces):
            direct.append((str(relation["doc"]), str(relation["relation_id"])))
    return direct


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _same_entity(gold: str, predicted: Any, speaker: str | None) -> bool:
    if gold == NO_ENTITY:
        return predicted is None or _norm(predicted) in _norm(speaker)
    return _norm(gold) == _norm(predicted)


def format_speaker_report(scores: SpeakerScores) -> str:
    pairs = scores.pairs
    wrong = pairs.loc[~(pairs["entity_correct"] & pairs["party_correct"])]
    lines = [
        "Speakers (gold relations with a source, paired with a statement):",
        f"  paired {len(pairs)} of {scores.n_gold} gold relations",
        f"  speaker-entity accuracy {scores.entity_accuracy:.3f}"
        f" ({int(pairs['entity_correct'].sum())}/{len(pairs)})",
        f"  party accuracy          {scores.party_accuracy:.3f}"
        f" ({int(pairs['party_correct'].sum())}/{len(pairs)})",
        f"  direct-quote recall     {scores.direct_recall:.3f}"
        f" ({scores.direct_found}/{scores.n_direct})",
    ]
    if len(wrong):
        lines += ["", "Wrong entity or party:"]
        for row in wrong.to_dict("records"):
            lines.append(
                f"  {row['doc']} {row['relation_id']}: speaker {row['speaker']!r}"
                f" entity {row['entity']!r} (gold {row['gold_entity']!r})"
                f" party {row['party']!r} (gold {row['gold_party']!r})"
            )
    return "\n".join(lines)
