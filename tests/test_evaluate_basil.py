"""The BASIL evaluation script's own logic, on invented entities and labels (no BASIL text)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "evaluate_basil", ROOT / "scripts" / "evaluate_basil.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_an_entity_is_spelled_as_the_article_spells_it(script: ModuleType) -> None:
    text = "Workers at Harbor-side Freight walked out. Mara quint's union backed them."
    freight = script.entity_party("Harbor-Side Freight", [], text)
    assert "Harbor-side Freight" in freight.names
    person = script.entity_party("Tobias Wren", [], "Tobias Wren spoke. Wren left.")
    assert "Wren" in person.names and [p.name for p in person.people] == ["Tobias Wren"]
    # a hyphen or a space the entity's name lacks (or has) is still the same name
    mart = script.entity_party("Dockmart", [], "Shoppers left Dock-Mart early. Dock-Mart shut.")
    assert "Dock-Mart" in mart.names
    # but not inside a longer word: "Dock marts" leaves the name as given
    assert script.entity_party("Dockmart", [], "Dock marts shut.").names[0] == "Dockmart"
    # without the text, the name as given
    assert "Harbor-Side Freight" in script.entity_party("Harbor-Side Freight", []).names


def results(gold: list[str], docs: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc": docs, "event": [script_event(d) for d in docs], "gold": gold})


def script_event(doc: str) -> str:
    return doc.rsplit("_", 1)[0]


def test_a_fold_is_labelled_by_what_the_other_events_chose(script: ModuleType) -> None:
    docs = ["e1_1", "e1_2", "e1_3", "e2_1", "e2_2", "e2_3"]
    frame = results(["negative", "neutral", "neutral", "neutral", "neutral", "negative"], docs)
    assert script.event_of("e1_2") == "e1"
    folds = script.folds_of(frame, "event")
    assert list(folds) == ["e1"] * 3 + ["e2"] * 3
    # "first" fits event 1 perfectly, "last" fits event 2: each event gets the other's choice
    candidates = {
        "first": np.array(["negative", "neutral", "neutral", "negative", "neutral", "neutral"]),
        "last": np.array(["neutral", "neutral", "negative", "neutral", "neutral", "negative"]),
    }
    predicted, chosen = script.choose(frame, folds, candidates)
    assert chosen == ["last", "first"]
    assert predicted == ["neutral", "neutral", "negative", "negative", "neutral", "neutral"]
    five = script.folds_of(pd.concat([frame] * 5, ignore_index=True), "5")
    assert len(set(five)) <= 2  # whole events only: two events, at most two folds


def test_the_author_rule_is_neutral_for_a_minor_party(script: ModuleType) -> None:
    frame = pd.DataFrame(
        {
            "f_share": [0.8, 0.2, 0.8],
            "f_mention_sum": [-3.0, -3.0, 0.5],
            "f_mention_count": [4.0, 4.0, 4.0],
        }
    )
    rule = script.author_rule_candidates(frame)[(0.5, 4, 0.15)]
    assert list(rule) == ["negative", "neutral", "neutral"]
    assert script.cohen_kappa(["negative", "neutral"], ["negative", "neutral"]) == 1.0
    assert script.cohen_kappa(["negative", "neutral"], ["neutral", "neutral"]) == 0.0


def test_reported_events_weigh_in_the_lean_only_at_their_weight(script: ModuleType) -> None:
    frame = pd.DataFrame(
        {
            "f_share": [0.8, 0.8],
            "f_mention_sum": [0.0, 0.0],
            "f_event_sum": [-3.0, 0.0],
            "f_mention_count": [4.0, 4.0],
        }
    )
    candidates = script.event_rule_candidates(frame)
    assert list(candidates[(0.5, 4, 0.15, 0.0)]) == ["neutral", "neutral"]
    assert list(candidates[(0.5, 4, 0.15, 1.0)]) == ["negative", "neutral"]
