from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from research.errors import ResearchError
from research.profile import (
    PORTRAYAL_SIDE_COLUMNS,
    coverage,
    group_profiles,
    group_sentences,
    party_profile,
    portrayal_sides,
    require_statements,
    summary_sentences,
)
from research.tables import table


def statements(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["party", "kind", "polarity", "distancing"])
    return frame.assign(words=10, hedged=0.0)


def labels() -> pd.DataFrame:
    return pd.DataFrame(
        {"party": ["Army", "Army", "Rebels"], "label": ["regime", "regime", "rebels"],
         "connotation": ["negative", "negative", "neutral"]}
    )  # fmt: skip


def test_profile_rows_summarise_each_party_and_keep_labelled_silent_parties() -> None:
    frame = statements(
        [("Rebels", "direct", 0.1, 1.0)] * 6 + [("unresolved", "indirect", 0.0, 0.0)]
    )
    profile = party_profile(frame, labels=labels(), min_n=5).set_index("party")
    assert profile.loc["Rebels", "statements"] == 6
    assert profile.loc["Rebels", "distancing_mean"] == 1.0
    assert profile.loc["Rebels", "distancing_low"] < 1.0  # Wilson: 6 of 6 is not certainty
    assert profile.loc["Army", "statements"] == 0  # labelled by the author, never quoted
    assert profile.loc["Army", "labels"] == "regime ×2"
    assert profile.loc["Army", "negative_labels_count"] == 2


def test_a_corpus_where_no_party_speaks_gives_the_same_columns_and_no_rows() -> None:
    speaking = party_profile(statements([("Rebels", "direct", 0.1, 0.0)]), labels=labels())
    silent = party_profile(statements([]), labels=labels().iloc[:0])
    assert silent.empty
    assert list(silent.columns) == list(speaking.columns)


def test_a_report_without_statements_stops_with_its_reason() -> None:
    require_statements(statements([("Rebels", "direct", 0.1, 0.0)]), articles=1)
    with pytest.raises(ResearchError, match=r"no statement was found in the 3 article\(s\) read"):
        require_statements(statements([]), articles=3)


def test_the_clearest_stance_names_the_target_or_the_partys_own_side() -> None:
    frame = statements([("Rebels", "direct", 0.1, 0.0)] * 3 + [("Army", "direct", 0.0, 0.0)])
    stances = pd.DataFrame(
        {"party": ["Rebels", "Rebels", "Rebels", "Army"],
         "target": ["Rebels", "Rebels", "ceasefire", "ceasefire"],
         "label": ["favor", "favor", "neutral", "against"]}
    )  # fmt: skip
    profile = party_profile(frame, stances=stances).set_index("party")
    assert profile.loc["Rebels", "stance"] == "for its own side (2 of 2)"
    assert profile.loc["Army", "stance"] == "against ceasefire (1 of 1)"


def test_extra_measures_slot_in_as_columns() -> None:
    frame = statements([("Rebels", "direct", 0.1, 0.0)] * 2)
    toward = pd.DataFrame({"party": ["Rebels", "Rebels", "Army"], "score": [-0.5, -0.3, 0.4]})
    profile = party_profile(frame, extra={"toward_by_author": (toward, "score")}, min_n=1)
    row = profile.set_index("party").loc["Rebels"]
    assert row["toward_by_author_mean"] == -0.4 and row["toward_by_author_n"] == 2


def test_summary_says_which_differences_the_intervals_support() -> None:
    frame = statements(
        [("Rebels", "direct", 0.0, 1.0)] * 30 + [("Army", "direct", 0.0, 0.0)] * 30
        + [("Monitors", "direct", 0.0, 0.0)] * 2
    )  # fmt: skip
    profile = party_profile(frame, min_n=5)
    text = " ".join(summary_sentences(profile, coverage(frame), min_n=5))
    assert "**Rebels** has a higher share introduced with a distancing verb than **Army**" in text
    assert "Too few to compare (fewer than 5 statements): Monitors" in text


def test_summary_supports_no_difference_among_few_statements() -> None:
    frame = statements([("Rebels", "direct", 0.0, 1.0)] * 2 + [("Army", "direct", 0.0, 0.0)] * 2)
    text = " ".join(summary_sentences(party_profile(frame, min_n=5), coverage(frame), min_n=5))
    assert "no difference between parties can be supported" in text
    assert not np.isnan(party_profile(frame, min_n=5)["distancing_high"]).any()


def test_group_summary_names_a_difference_between_outlets_for_the_same_party() -> None:
    rows = (
        [("Army", "direct", 0.0, 1.0, "Ledger")] * 8
        + [("Army", "direct", 0.0, 0.0, "Herald")] * 8
        + [("Rebels", "direct", 0.0, 0.0, "Herald")] * 2
    )  # fmt: skip
    frame = pd.DataFrame(rows, columns=["party", "kind", "polarity", "distancing", "source"])
    frame = frame.assign(words=10, hedged=0.0)
    profiles = group_profiles(frame, group="source", min_n=5)
    assert profiles.set_index(["source", "party"]).loc[("Herald", "Rebels"), "too_few"]
    text = " ".join(group_sentences(profiles, group="source", min_n=5))
    assert "**Herald** quotes **Army** in 8 statements; **Rebels** in 2 statements." in text
    assert (
        "**Army**: a higher share introduced with a distancing verb in **Ledger** than in "
        "**Herald**" in text
    )


def test_group_summary_names_every_lower_group_in_one_clause() -> None:
    rows = (
        [("Army", "direct", 0.0, 1.0, "Ledger")] * 8
        + [("Army", "direct", 0.0, 0.0, "Herald")] * 8
        + [("Army", "direct", 0.0, 0.0, "Courier")] * 8
    )  # fmt: skip
    frame = pd.DataFrame(rows, columns=["party", "kind", "polarity", "distancing", "source"])
    profiles = group_profiles(frame.assign(words=10, hedged=0.0), group="source", min_n=5)
    text = " ".join(group_sentences(profiles, group="source", min_n=5))
    assert (
        "**Army**: a higher share introduced with a distancing verb in **Ledger** than in "
        "**Courier** and **Herald**." in text
    )
    assert text.count("distancing verb in **Ledger**") == 1


def test_portrayal_sides_puts_the_author_and_the_sources_in_one_row_per_party() -> None:
    portrayed = pd.DataFrame(
        {"party": ["Union", "Union", "Port"], "by": ["author", "sources", "author"],
         "n": [9, 2, 4], "score": [-0.4, 0.5, 0.1], "low": [-0.7, -0.2, -0.3],
         "high": [-0.1, 0.9, 0.5], "scored": [12, 2, 6], "label": ["negative", "neutral", "neutral"],
         "too_few": [False, True, False]}
    )  # fmt: skip
    sides = portrayal_sides(portrayed).set_index("party")
    assert list(sides.index) == ["Union", "Port"]
    union = sides.loc["Union"]
    assert (union["author_mentions"], union["author_score_n"]) == (9, 12)
    assert (union["author_score_low"], union["author_label"]) == (-0.7, "negative")
    assert union["sources_score_mean"] == 0.5 and np.isnan(union["sources_score_low"])  # too few
    assert np.isnan(sides.loc["Port", "sources_score_mean"])  # no source mentions Port
    cells = str(
        table(sides.reset_index(), [("party", "Party"), *PORTRAYAL_SIDE_COLUMNS], caption="c")
    )
    assert "+0.50 (n=2)" in cells and "[−0.70, −0.10]" in cells


def test_summary_orders_the_author_portrayal_most_negative_first_with_true_minus_signs() -> None:
    frame = statements([("Union", "direct", 0.0, 0.0)] * 3 + [("Port", "direct", 0.0, 0.0)] * 3)
    narration = pd.DataFrame(
        {"party": ["Union", "Union", "Port"], "score": [-0.5, -0.3, 0.25]}
    )  # the author's sentiment toward each mention
    profile = party_profile(frame, extra={"author_portrayal": (narration, "score")}, min_n=5)
    text = " ".join(summary_sentences(profile, coverage(frame), min_n=5))
    assert "**Union** \u22120.40 (n=2); **Port** +0.25 (n=1)." in text
