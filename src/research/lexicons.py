"""Load and validate the lexicon files: reporting cues, parties, and the words of names.

Lexicons are data, not code: TOML files in `research/lexicons/`, each citing where its entries come
from, overridable by a user's own file. Loading validates them, so a typo in a user's lexicon is an
error naming the file and the key, not a silently empty match.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

_T = TypeVar("_T")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the problem."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


# --- reading and checking TOML ----------------------------------------------------------------


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A lexicon file as a dict; syntax errors name the file and the line."""
    try:
        with Path(path).open("rb") as stream:
            return tomllib.load(stream)
    except FileNotFoundError:
        raise LexiconError(str(path), "no such lexicon file") from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(str(path), f"invalid TOML: {error}") from None


def _packaged(name: str) -> tuple[str, dict[str, Any]]:
    resource = resources.files("research") / "lexicons" / name
    with resource.open("rb") as stream:
        return str(resource), tomllib.load(stream)


def _check_keys(path: str, where: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise LexiconError(
            path, f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
        )


def _strings(path: str, where: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(path, f"{where}: expected a list of strings")
    return tuple(value)


# --- reporting cues -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """One surface form of a reporting cue ("said", "according to") and what it signals."""

    form: str  # lowercase; words separated by single spaces
    lemma: str
    verb_class: str  # neutral, distancing, emphatic, ... (the file's meta.classes defines them)
    kind: str  # verb, according_to, noun, phrase
    takes_that: bool = True
    takes_quote: bool = True


@dataclass(frozen=True)
class CueLexicon:
    cues: Mapping[str, tuple[Cue, ...]]  # by form; a form can have several readings ("claims")
    classes: Mapping[str, str] = field(default_factory=dict)
    path: str = ""

    @property
    def longest(self) -> int:
        return max((form.count(" ") + 1 for form in self.cues), default=1)


_VERB_KEYS = {"lemma", "forms", "class", "sources", "takes_that", "takes_quote", "note"}
_PHRASE_KEYS = {"text", "class", "kind", "sources", "note", "lemma"}


def load_cues(path: str | os.PathLike[str] | None = None) -> CueLexicon:
    """The reporting-cue lexicon: the packaged one, or the file at `path`."""
    if path is None:
        return _default_cues()
    return _parse_cues(str(path), read_toml(path))


@cache
def _default_cues() -> CueLexicon:
    return _parse_cues(*_packaged("cues.toml"))


def _parse_cues(path: str, data: Mapping[str, Any]) -> CueLexicon:
    _check_keys(path, "top level", data, {"meta", "verb", "phrase"})
    classes = dict(data.get("meta", {}).get("classes", {}))
    cues: dict[str, tuple[Cue, ...]] = {}
    for number, entry in enumerate(data.get("verb", []), start=1):
        where = f"verb #{number}"
        _check_keys(path, where, entry, _VERB_KEYS)
        lemma = str(entry.get("lemma", ""))
        verb_class = str(entry.get("class", ""))
        if not lemma or not verb_class:
            raise LexiconError(path, f"{where}: needs a lemma and a class")
        _check_class(path, where, verb_class, classes)
        for form in _strings(path, where, entry.get("forms", [lemma])):
            cue = Cue(
                _normal(form),
                lemma,
                verb_class,
                "verb",
                bool(entry.get("takes_that", True)),
                bool(entry.get("takes_quote", True)),
            )
            cues[cue.form] = (*cues.get(cue.form, ()), cue)
    for number, entry in enumerate(data.get("phrase", []), start=1):
        where = f"phrase #{number}"
        _check_keys(path, where, entry, _PHRASE_KEYS)
        text = _normal(str(entry.get("text", "")))
        if not text:
            raise LexiconError(path, f"{where}: needs a text")
        verb_class = str(entry.get("class", "neutral"))
        _check_class(path, where, verb_class, classes)
        kind = str(entry.get("kind", "phrase"))
        # A phrase reading goes first: "claims from X that" is tried as a noun before as a verb.
        cues[text] = (
            Cue(text, str(entry.get("lemma", text)), verb_class, kind),
            *cues.get(text, ()),
        )
    return CueLexicon(cues, classes, path)


def _check_class(path: str, where: str, verb_class: str, classes: Mapping[str, str]) -> None:
    if classes and verb_class not in classes:
        raise LexiconError(
            path, f"{where}: unknown class {verb_class!r} (meta.classes has {', '.join(classes)})"
        )


def _normal(form: str) -> str:
    return " ".join(form.lower().split())


# --- parties ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str = ""


@dataclass(frozen=True)
class Party:
    """A party to the story (or a non-party source such as analysts) and the words that name it."""

    name: str
    kind: str  # "party" or "source" (quoted, but not a side in the story)
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    group_nouns: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()

    def terms(self) -> list[str]:
        """Every string that names this party, people included."""
        found = [
            *self.names,
            *self.adjectives,
            *self.metonyms,
            *self.institutions,
            *self.group_nouns,
        ]
        return found + [person.name for person in self.people]


@dataclass(frozen=True)
class PartyLexicon:
    parties: tuple[Party, ...]
    path: str = ""
    matcher: re.Pattern[str] = field(init=False, repr=False, compare=False)
    owner: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One alternation over every term, longest first so "United States" wins over "United".
        owner: dict[str, str] = {}
        for party in self.parties:
            for term in party.terms():
                owner.setdefault(_term_key(term), party.name)
        terms = sorted(
            {_term_key(t) for p in self.parties for t in p.terms()}, key=len, reverse=True
        )
        sensitive = [re.escape(t) for t in terms if t != t.lower()]
        insensitive = [re.escape(t) for t in terms if t == t.lower()]
        alternatives = []
        if sensitive:
            alternatives.append("(?:" + "|".join(sensitive) + ")")
        if insensitive:
            alternatives.append("(?i:" + "|".join(insensitive) + ")")
        pattern = r"(?<![\w-])(?:" + "|".join(alternatives or ["(?!)"]) + r")(?![\w-])"
        object.__setattr__(self, "matcher", re.compile(pattern))
        object.__setattr__(self, "owner", owner)

    def party_of(self, term: str) -> str | None:
        """The party that `term` (as matched in a text) names."""
        return self.owner.get(_term_key(term)) or self.owner.get(_term_key(term).lower())

    def kind_of(self, party: str) -> str:
        return next((p.kind for p in self.parties if p.name == party), "party")

    @property
    def people(self) -> dict[str, str]:
        """Person name -> party."""
        return {person.name: p.name for p in self.parties for person in p.people}


_PARTY_KEYS = {
    "name",
    "kind",
    "names",
    "adjectives",
    "metonyms",
    "institutions",
    "group_nouns",
    "people",
    "sources",
    "note",
    "replace",
}
_PERSON_KEYS = {"name", "title", "sources", "note"}
_LIST_FIELDS = ("names", "adjectives", "metonyms", "institutions", "group_nouns")


def load_parties(path: str | os.PathLike[str] | None = None) -> PartyLexicon:
    """The packaged party lexicon, extended (or, party by party, replaced) by the file at `path`."""
    default = _default_parties()
    if path is None:
        return default
    user = _parse_parties(str(path), read_toml(path))
    merged = {p.name: p for p in default.parties}
    for party, replace in user:
        base = merged.get(party.name)
        merged[party.name] = party if base is None or replace else _extend(base, party)
    return PartyLexicon(tuple(merged.values()), str(path))


@cache
def _default_parties() -> PartyLexicon:
    path, data = _packaged("parties.toml")
    return PartyLexicon(tuple(party for party, _ in _parse_parties(path, data)), path)


def _parse_parties(path: str, data: Mapping[str, Any]) -> list[tuple[Party, bool]]:
    _check_keys(path, "top level", data, {"meta", "party"})
    parsed = []
    for number, entry in enumerate(data.get("party", []), start=1):
        where = f"party #{number}"
        _check_keys(path, where, entry, _PARTY_KEYS)
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise LexiconError(path, f"{where}: needs a name")
        kind = entry.get("kind", "party")
        if kind not in ("party", "source"):
            raise LexiconError(path, f"party {name!r}: kind must be 'party' or 'source'")
        people = []
        for person in entry.get("people", []):
            if not isinstance(person, dict) or "name" not in person:
                raise LexiconError(path, f"party {name!r}: each person needs a name")
            _check_keys(path, f"party {name!r} person", person, _PERSON_KEYS)
            people.append(Person(str(person["name"]), str(person.get("title", ""))))
        lists = {
            key: _strings(path, f"party {name!r} {key}", entry.get(key, [])) for key in _LIST_FIELDS
        }
        parsed.append(
            (Party(name, kind, people=tuple(people), **lists), bool(entry.get("replace")))
        )
    return parsed


def _extend(base: Party, extra: Party) -> Party:
    lists = {key: _merge(getattr(base, key), getattr(extra, key)) for key in _LIST_FIELDS}
    people = _merge(base.people, extra.people)
    return Party(base.name, extra.kind or base.kind, people=people, **lists)


def _merge(first: Sequence[_T], second: Sequence[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys([*first, *second]))


def _term_key(term: str) -> str:
    return " ".join(term.split())


# --- the words of names ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NameWords:
    """Titles, name particles and pronouns: what to strip from a speaker to find the person's name."""

    titles: frozenset[str]  # lowercase words that precede a name: "minister", "deputy", "president"
    particles: frozenset[str]  # lowercase parts of surnames: "de", "van", "bin"
    person_pronouns: frozenset[str]  # he, she
    group_pronouns: frozenset[str]  # they, we


@cache
def load_name_words() -> NameWords:
    path, data = _packaged("names.toml")
    _check_keys(path, "top level", data, {"meta", "titles", "particles", "pronouns"})
    pronouns = data.get("pronouns", {})
    return NameWords(
        frozenset(
            w.lower() for w in _strings(path, "titles", data.get("titles", {}).get("words", []))
        ),
        frozenset(
            w.lower()
            for w in _strings(path, "particles", data.get("particles", {}).get("words", []))
        ),
        frozenset(_strings(path, "pronouns.person", pronouns.get("person", []))),
        frozenset(_strings(path, "pronouns.group", pronouns.get("group", []))),
    )


# --- part-of-speech evidence ----------------------------------------------------------------------


@cache
def load_word_tags() -> Mapping[str, str]:
    """Word -> most frequent Penn tag, from the Brill/Pattern lexicon that ships inside TextBlob.

    The attributor looks words up here (a dictionary look-up, no tagging pass) to tell a
    reported clause from an object. It works offline: the lexicon file is part of the wheel.
    """
    tags: dict[str, str] = {}
    lexicon = resources.files("textblob") / "en" / "en-lexicon.txt"
    with lexicon.open(encoding="utf-8") as stream:
        for line in stream:
            if line.startswith(";;;"):
                continue
            word, _, tag = line.strip().partition(" ")
            if tag:
                tags.setdefault(word.lower(), tag.split()[0])
    return tags
