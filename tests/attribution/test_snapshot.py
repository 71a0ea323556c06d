"""The frozen snapshot: the same statements, with the same rules, on every invented case and brat
fixture as when it was last refreshed (`make snapshot`, after checking the diff is meant)."""

from __future__ import annotations

import json

from snapshot import EXPECTED, snapshot

from research.attribution.catalog import RULES
from research.pipeline import Lexicons


def test_statements_are_those_of_the_snapshot(lexicons: Lexicons) -> None:
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    found = snapshot(lexicons)
    missing = [line for line in expected if line not in found]
    extra = [line for line in found if line not in expected]
    assert (missing, extra) == ([], []), "run `make snapshot` once the change is meant"
    assert found == expected  # the same order too


def test_every_rule_fires_in_the_snapshot_and_names_a_catalogued_rule() -> None:
    rules = {json.loads(line)["rule"] for line in EXPECTED.read_text("utf-8").splitlines()}
    assert rules == set(RULES)
