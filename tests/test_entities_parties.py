from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from research.entities import _SENTENCE_END, resolve_speakers
from research.parties import carry_parties, mentioned_parties, resolve_party
from research.pipeline import Lexicons
from research.schema import UNRESOLVED, Span


def spans_of(text: str, *words: str) -> list[Span | None]:
    """The span of each word's last occurrence in `text`."""
    spans: list[Span | None] = []
    for word in words:
        start = text.rindex(word)
        spans.append(Span(start, start + len(word)))
    return spans


def test_short_names_and_pronouns_resolve_to_earlier_full_mentions(lexicons: Lexicons) -> None:
    text = (
        "Turkish Foreign Minister Leyla Aksoy met envoy Pieter van Dam on Monday. "
        "Aksoy said talks went well. Van Dam agreed. He added more."
    )
    aksoy, van_dam, he = spans_of(text, "Aksoy", "Van Dam", "He")
    entities = resolve_speakers(text, [aksoy, van_dam, he], lexicons.names)
    assert [e.name if e else None for e in entities] == [
        "Leyla Aksoy",
        "Pieter van Dam",
        "Pieter van Dam",
    ]
    assert entities[0] is not None and entities[0].mention is not None
    assert entities[0].mention.text(text) == "Turkish Foreign Minister Leyla Aksoy"


@pytest.mark.parametrize(
    ("speaker", "description", "party"),
    [
        ("Russian Deputy Foreign Minister Sergei Ryabkov", None, "Russia"),
        ("Opposition officials who spoke to Reuters", None, "Rebels / opposition"),
        (
            "rebel officials based in the city’s besieged eastern districts",
            None,
            "Rebels / opposition",
        ),
        ("US Secretary of State John Kerry", None, "United States"),
        ("the UN", None, "United Nations"),
        ("analysts", None, "Analysts"),
        ("Amin Malhees", None, "Rebels / opposition"),  # a lexicon person
        ("Omar Haddad", "a spokesman for the Free Syrian Army", "Rebels / opposition"),
        ("a draft proposal of the deal", None, UNRESOLVED),
        ("us", None, UNRESOLVED),  # the pronoun is not the country
    ],
)
def test_speaker_parties(
    speaker: str, description: str | None, party: str, lexicons: Lexicons
) -> None:
    entity = "Amin Malhees" if speaker == "Amin Malhees" else None
    found = resolve_party(lexicons.parties, speaker=speaker, entity=entity, description=description)
    assert found.party == party


def test_short_name_takes_party_from_the_titles_of_its_full_mention(lexicons: Lexicons) -> None:
    found = resolve_party(
        lexicons.parties,
        speaker="Nadim",
        entity="Omar Nadim",
        mention="Syrian army spokesman Omar Nadim",
    )
    assert found.party == "Syrian government"
    assert "Syrian army" in found.evidence


def test_unresolved_speaker_takes_party_of_same_entity_earlier(lexicons: Lexicons) -> None:
    first = resolve_party(lexicons.parties, speaker="Moscow envoy Ivan Petrov")
    later = resolve_party(lexicons.parties, speaker="he")
    carried = carry_parties([first, later], ["Ivan Petrov", "Ivan Petrov"])
    assert [r.party for r in carried] == ["Russia", "Russia"]


def test_mentioned_parties_in_order(lexicons: Lexicons) -> None:
    text = "Washington blamed Moscow, while the regime and the rebels traded fire."
    assert mentioned_parties(lexicons.parties, text) == [
        "United States",
        "Russia",
        "Syrian government",
        "Rebels / opposition",
    ]


# Full stops, closing marks, spaces of several kinds, line breaks and letters.
_SENTENCE_ALPHABET = '.!?”’)"\n \u00a0\tab'


@given(st.text(alphabet=_SENTENCE_ALPHABET, max_size=30))
@example("He left.” Then\n\nshe spoke!)\u00a0Later\n\n\nEnd")
def test_sentence_ends_are_what_the_two_alternatives_find(text: str) -> None:
    # resolve_speakers' own sentence split (when it is given none) is written for the regex
    # engine's fast scan; it must find what the plain alternatives find
    plain = re.compile(r"[.!?][\"”’)]*\s+|\n+")
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
