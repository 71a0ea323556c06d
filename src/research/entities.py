"""Who a speaker is: the person or group a name, a short name or a pronoun refers back to.

News introduces a person once in full ("Russian Deputy Foreign Minister Sergei Ryabkov") and then
by surname ("Ryabkov") or pronoun ("he"). The speaker span stays as written; this stage adds the
entity it refers to and the span of the full mention, so the party step can read its titles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from research.lexicons import NameWords
from research.schema import Span


@cache
def _name_patterns(particles: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name word (capitalized, or a surname particle of names.toml: "de", "van", "bin") and a
    run of them, as regular expressions."""
    alternation = "|".join(re.escape(p) for p in sorted(particles, key=lambda p: (-len(p), p)))
    word = rf"[A-Z][\w’'.-]*|(?:{alternation})(?!\w)" if particles else r"[A-Z][\w’'.-]*"
    return re.compile(word), re.compile(rf"(?:{word})(?:[ \u00a0](?:{word}))*")


_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's full name where it first stands, and the words before it (titles, country)."""

    name: str
    span: Span
    context: Span  # the name with the words just before it: "Russian Deputy Foreign Minister ..."


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    mention: Span | None  # where the entity was named in full, with its titles, if it was


def find_people(text: str, words: NameWords) -> list[Mention]:
    """Every run of two or more name words that is not all titles: candidate full names."""
    mentions = []
    name_token, name_run = _name_patterns(words.particles)
    for run in name_run.finditer(text):
        tokens = [
            (m.start() + run.start(), m.end() + run.start())
            for m in name_token.finditer(run.group())
        ]
        name = _name_tokens(text, tokens, words)
        if len(name) < 2 or text[name[0][0]].islower():
            continue
        start, end = name[0][0], name[-1][1]
        context_start = _context_start(text, start)
        mentions.append(
            Mention(
                _POSSESSIVE.sub("", text[start:end]), Span(start, end), Span(context_start, end)
            )
        )
    return mentions


def _name_tokens(
    text: str, tokens: list[tuple[int, int]], words: NameWords
) -> list[tuple[int, int]]:
    """The name at the end of a capitalized run: at most two name words and the particles between."""
    kept: list[tuple[int, int]] = []
    proper = 0
    for start, end in reversed(tokens):
        word = text[start:end].lower()
        if word in words.titles or (word.endswith(".") and len(word) <= 4 and not kept):
            break
        if word in words.particles:
            if not kept:
                break
            kept.insert(0, (start, end))
            continue
        if proper == 2:
            break
        kept.insert(0, (start, end))
        proper += 1
    while kept and text[kept[0][0] : kept[0][1]].lower() in words.particles:
        kept.pop(0)
    return kept


def _context_start(text: str, start: int, *, window: int = 60) -> int:
    """Where the words introducing a name begin: back to the clause's last comma or stop."""
    floor = max(0, start - window)
    for position in range(start - 1, floor - 1, -1):
        if text[position] in '.,;:\n–—(“"':
            return position + 1
    return floor


def resolve_speakers(
    text: str,
    speakers: Sequence[Span | None],
    words: NameWords,
    *,
    known: Sequence[str] = (),
) -> list[Entity | None]:
    """The entity each speaker refers to, in text order of the speakers given.

    A full name in the speaker is its own entity; a surname or a "De Mistura" is the latest earlier
    full name ending in it (or, failing that, any in the article); "he"/"she" is the latest person
    entity among the speakers before it.
    """
    people = find_people(text, words)  # in text order
    starts = [mention.span.start for mention in people]
    by_surname: dict[str, list[Mention]] = {}
    for mention in people:
        by_surname.setdefault(mention.name.split()[-1].lower(), []).append(mention)
    known_names = [name for name in known if name in text]
    entities: list[Entity | None] = []
    for index, speaker in enumerate(speakers):
        entity = None
        if speaker is not None:
            entity = _resolve(
                text, speaker, people, starts, by_surname, known_names, entities, words
            )
            if entity is None and speaker.text(text) in words.group_pronouns:
                entity = _latest_group(text, speakers[:index], entities, words)
        entities.append(entity)
    return entities


def _latest_group(
    text: str, speakers: Sequence[Span | None], entities: Sequence[Entity | None], words: NameWords
) -> Entity | None:
    """ "they said": the latest earlier speaker that is not a person, as written."""
    for speaker, entity in zip(reversed(speakers), reversed(entities), strict=True):
        said = speaker.text(text) if speaker is not None else ""
        if speaker is not None and entity is None and said not in words.group_pronouns:
            return Entity(said, None)
    return None


def _resolve(
    text: str,
    speaker: Span,
    people: Sequence[Mention],
    starts: Sequence[int],
    by_surname: Mapping[str, list[Mention]],
    known: Sequence[str],
    earlier: Sequence[Entity | None],
    words: NameWords,
) -> Entity | None:
    said = speaker.text(text)
    if said in words.person_pronouns:
        return next((e for e in reversed(earlier) if e is not None and e.mention is not None), None)
    inside = []
    for mention in people[bisect_left(starts, speaker.start) :]:
        if mention.span.start >= speaker.end:
            break
        if mention.span.end <= speaker.end:
            inside.append(mention)
    if inside:
        return Entity(inside[-1].name, inside[-1].context)
    for name in known:
        if name in said:
            return Entity(name, None)
    short = _short_name(said)
    if short:
        candidates = by_surname.get(short.split()[-1].lower(), [])
        before = [
            m for m in candidates if m.span.end <= speaker.start and _ends_with(m.name, short)
        ]
        anywhere = [m for m in candidates if _ends_with(m.name, short)]
        chosen = before[-1] if before else (anywhere[0] if anywhere else None)
        if chosen is not None:
            return Entity(chosen.name, chosen.context)
        return Entity(short, None) if said[:1].isupper() else None
    return None


def _short_name(said: str) -> str:
    """A surname as a speaker: "Ryabkov", "De Mistura", "al-Assad" (two words at most)."""
    words = said.split()
    if 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words):
        return said
    return ""


def _ends_with(name: str, short: str) -> bool:
    return name.lower().endswith(" " + short.lower()) or name.lower() == short.lower()
