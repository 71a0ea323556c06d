"""Which party a speaker speaks for, and which parties a statement's content mentions.

A speaker is tied to a party through the party lexicon, looking in order at: the speaker's own
words ("Opposition officials who spoke to Reuters": the first term wins), the person it resolves
to (a lexicon person such as "Sergei Ryabkov"), the words introducing that person's full mention
("Russian Deputy Foreign Minister ...": the term nearest the name wins) and the speaker's apposition
("a spokesman for the Army of Mujahedeen"). What matches nothing stays UNRESOLVED: shown, counted,
never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from research.lexicons import PartyLexicon
from research.schema import UNATTRIBUTED, UNRESOLVED


@dataclass(frozen=True, slots=True)
class Resolution:
    party: str
    evidence: str  # the words that decided it, e.g. "Russian" or "person: Sergei Ryabkov"


def resolve_party(
    lexicon: PartyLexicon,
    *,
    speaker: str | None,
    entity: str | None = None,
    mention: str | None = None,
    description: str | None = None,
    entity_kind: str = "person",
) -> Resolution:
    """The party of one speaker, from the most to the least direct evidence. An organisation
    the speaker refers to ("the union", "the report" by the Harbour Authority) is read for party
    terms like the speaker's own words; a person is looked up among the lexicon's people."""
    if speaker:
        found = first_party(lexicon, speaker)
        if found is not None:
            return found
    if entity:
        party = lexicon.people.get(entity)
        if party is not None:
            return Resolution(party, f"person: {entity}")
        if entity_kind != "person":
            found = first_party(lexicon, entity)
            if found is not None:
                return Resolution(found.party, f"{found.evidence} (in “{entity}”)")
    if mention:
        found = nearest_party(lexicon, mention)
        if found is not None:
            return Resolution(found.party, f"{found.evidence} (in “{mention}”)")
    if description:
        found = first_party(lexicon, description)
        if found is not None:
            return Resolution(found.party, f"{found.evidence} (in the description)")
    if not speaker and not entity:
        return Resolution(UNATTRIBUTED, "no source named")
    return Resolution(UNRESOLVED, "")


def first_party(lexicon: PartyLexicon, text: str) -> Resolution | None:
    match = lexicon.matcher.search(text)
    if match is None:
        return None
    return Resolution(_owner(lexicon, match.group()), match.group())


def nearest_party(lexicon: PartyLexicon, text: str) -> Resolution | None:
    """The last party term in `text`: in "US Secretary of State John Kerry" the one nearest the name."""
    matches = list(lexicon.matcher.finditer(text))
    if not matches:
        return None
    return Resolution(_owner(lexicon, matches[-1].group()), matches[-1].group())


def mentioned_parties(lexicon: PartyLexicon, text: str) -> list[str]:
    """Every party named in `text`, in order of first mention."""
    found = [_owner(lexicon, m.group()) for m in lexicon.matcher.finditer(text)]
    return list(dict.fromkeys(found))


def _owner(lexicon: PartyLexicon, term: str) -> str:
    party = lexicon.party_of(term)
    if party is None:  # the matcher only matches lexicon terms, so this is a lexicon bug
        raise KeyError(f"term {term!r} matched but belongs to no party")
    return party


def carry_parties(
    resolutions: Sequence[Resolution], entities: Sequence[str | None]
) -> list[Resolution]:
    """Give a speaker left unresolved the party an earlier statement of the same entity received."""
    known: dict[str, Resolution] = {}
    carried = []
    for resolution, entity in zip(resolutions, entities, strict=True):
        if resolution.party == UNRESOLVED and entity in known:
            earlier = known[entity]
            resolution = Resolution(earlier.party, f"{earlier.evidence} (as before for {entity})")
        elif entity and resolution.party != UNRESOLVED:
            known.setdefault(entity, resolution)
        carried.append(resolution)
    return carried


# --- how many speakers the lexicon ties to a party ------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """How many statements' speakers resolved to a party, and who the unresolved speakers are."""

    statements: int  # with a speaker (statements with no source named are counted apart)
    resolved: int
    unattributed: int
    unresolved: pd.DataFrame  # speaker (entity, else as written), statements; most frequent first

    @property
    def share(self) -> float:
        return self.resolved / self.statements if self.statements else float("nan")

    def summary(self) -> str:
        """One sentence for a report: numbers only, no corpus text (safe in Markdown)."""
        if not self.statements:
            return "No statement names a speaker."
        return (
            f"{self.resolved} of {self.statements} statements with a named speaker "
            f"({self.share:.0%}) resolved to a party; {self.statements - self.resolved} are "
            f"unresolved, and {self.unattributed} name no source."
        )


def resolution_coverage(statements: pd.DataFrame, *, top: int = 10) -> Coverage:
    """The share of statements whose speaker resolved to a party, and the `top` most frequent
    unresolved speakers (by the entity they resolve to, else as written, case aside): the
    entries a researcher would add to the lexicon first."""
    party = statements["party"].astype(str)
    attributed = statements.loc[party != UNATTRIBUTED]
    unresolved = attributed.loc[attributed["party"].astype(str) == UNRESOLVED]
    who = unresolved["entity"].where(unresolved["entity"].notna(), unresolved["speaker"])
    counts = (
        pd.DataFrame({"speaker": who.astype(str), "key": who.astype(str).str.casefold()})
        .groupby("key", sort=False)
        .agg(speaker=("speaker", "first"), statements=("speaker", "size"))
        .sort_values(["statements", "speaker"], ascending=[False, True], kind="stable")
        .head(top)
        .reset_index(drop=True)
    )
    return Coverage(
        statements=len(attributed),
        resolved=len(attributed) - len(unresolved),
        unattributed=len(statements) - len(attributed),
        unresolved=counts,
    )
