"""Shared fixtures: the bundled article and small corpora written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from research.pipeline import Lexicons, load_lexicons

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "raw" / "aleppo-safe-exit-deal.txt"


@pytest.fixture(scope="session")
def bundled() -> Path:
    return BUNDLED


@pytest.fixture(scope="session")
def bundled_text() -> str:
    with BUNDLED.open(encoding="utf-8", newline="") as stream:
        return stream.read()


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return load_lexicons()
