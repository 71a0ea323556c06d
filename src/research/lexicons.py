"""Load and validate the lexicon files: reporting cues, parties, and the words of names.

Lexicons are data, not code: TOML files in `research/lexicons/`, each citing where its entries come
from, overridable by a user's own file. Loading validates them, so a typo in a user's lexicon is an
error naming the file and the key, not a silently empty match.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any, TypeVar

from research.errors import ResearchError

_T = TypeVar("_T")


class LexiconError(ResearchError, ValueError):
    """A lexicon file that cannot be used; the message names the file (and line) and the problem."""

    path: str

    def __init__(self, path: str, problem: str, *, line: int | None = None):
        super().__init__(problem, path=path, line=line)


class LexiconWarning(UserWarning):
    """A lexicon that works but probably not as meant: a term given to two parties."""


# --- reading and checking TOML ----------------------------------------------------------------


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A lexicon file as a dict; syntax errors name the file and the line."""
    from research.io import read_settings_file

    try:
        data = read_settings_file(path, "lexicon")
    except FileNotFoundError:
        raise LexiconError(str(path), "no such lexicon file") from None
    except IsADirectoryError:
        raise LexiconError(str(path), "is a folder, not a lexicon file") from None
    except OSError as error:
        raise LexiconError(str(path), f"cannot be read ({error.strerror})") from None
    except ValueError as error:
        raise LexiconError(str(path), str(error)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LexiconError(str(path), "is not UTF-8 (TOML files must be)", line=line) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(str(path), text, error) from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")


def _toml_error(path: str, text: str, error: tomllib.TOMLDecodeError) -> LexiconError:
    """tomllib's message as a LexiconError on the line where the parser stopped."""
    message = str(error)
    position = _TOML_POSITION.search(message)
    if position is None:
        return LexiconError(path, f"invalid TOML: {message}")
    problem = message[: position.start()]
    if position.group(1) is None:  # something left open: a bracket, a string, a table
        line = text.count("\n") + (0 if text.endswith("\n") else 1)
        return LexiconError(path, f"invalid TOML: {problem} (at the end of the file)", line=line)
    column = position.group(2)
    return LexiconError(
        path, f"invalid TOML: {problem} (column {column})", line=int(position.group(1))
    )


def _packaged(name: str) -> tuple[str, dict[str, Any]]:
    resource = resources.files("research") / "lexicons" / name
    with resource.open("rb") as stream:
        return str(resource), tomllib.load(stream)


def _check_keys(path: str, where: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    if not isinstance(table, Mapping):  # "party = 'x'" where a [[party]] table belongs
        raise LexiconError(path, f"{where}: expected a table, found {type(table).__name__}")
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

    first_words: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # First word -> the most words a cue starting with it has: matching looks up one word.
        first_words: dict[str, int] = {}
        for form in self.cues:
            words = form.split(" ")
            first_words[words[0]] = max(first_words.get(words[0], 0), len(words))
        object.__setattr__(self, "first_words", first_words)


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
    _people: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One alternation over every term, longest first so "United States" wins over "United".
        owner: dict[str, str] = {}
        for party in self.parties:
            for term in party.terms():
                owner.setdefault(_term_key(term), party.name)
        matcher = term_matcher(t for p in self.parties for t in p.terms())
        object.__setattr__(self, "matcher", matcher)
        object.__setattr__(self, "owner", owner)
        people = {
            form: p.name
            for p in self.parties
            for person in p.people
            for form in _forms(person.name)
        }
        object.__setattr__(self, "_people", people)  # read for every statement: built once

    def party_of(self, term: str) -> str | None:
        """The party that `term` (as matched in a text) names."""
        return self.owner.get(_term_key(term)) or self.owner.get(_term_key(term).lower())

    def kind_of(self, party: str) -> str:
        return next((p.kind for p in self.parties if p.name == party), "party")

    @property
    def people(self) -> Mapping[str, str]:
        """Person name -> party; a name with accents under both its composed and decomposed
        forms (NFC, NFD), as a text may hold either. Built once with the lexicon."""
        return self._people


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
_STORY_KEYS = {"meta", "party", "target", "label"}  # what a user's --lexicon file may hold
_LIST_FIELDS = ("names", "adjectives", "metonyms", "institutions", "group_nouns")


def load_parties(path: str | os.PathLike[str] | None = None) -> PartyLexicon:
    """The packaged party lexicon, extended (or, party by party, replaced) by the file at `path`.

    A file for another story sets `extends_default = false` in its [meta] table: its parties then
    stand alone, so the bundled story's terms ("regime" for Damascus) cannot claim its words.
    """
    default = _default_parties()
    if path is None:
        return default
    data = read_toml(path)
    user = _parse_parties(str(path), data)
    extends = data.get("meta", {}).get("extends_default", True)
    if not isinstance(extends, bool):
        raise LexiconError(str(path), "meta.extends_default must be true or false")
    user_parties = [party for party, _ in user]
    if not extends:
        lexicon = PartyLexicon(tuple(user_parties), str(path))
        _warn_shared_terms(str(path), user_parties, None, lexicon)
        return lexicon
    merged = {p.name: p for p in default.parties}
    for party, replace in user:
        base = merged.get(party.name)
        merged[party.name] = party if base is None or replace else _extend(base, party)
    lexicon = PartyLexicon(tuple(merged.values()), str(path))
    replaced = {party.name for party, replace in user if replace}
    kept = PartyLexicon(tuple(p for p in default.parties if p.name not in replaced), default.path)
    _warn_shared_terms(str(path), user_parties, kept, lexicon)
    return lexicon


@cache
def _default_parties() -> PartyLexicon:
    path, data = _packaged("parties.toml")
    return PartyLexicon(tuple(party for party, _ in _parse_parties(path, data)), path)


def _parse_parties(path: str, data: Mapping[str, Any]) -> list[tuple[Party, bool]]:
    _check_keys(path, "top level", data, _STORY_KEYS)  # a story file holds several kinds
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
            [person_name] = _terms(path, f"party {name!r} people", [person["name"]])
            people.append(Person(person_name, str(person.get("title", ""))))
        lists = {
            key: _terms(path, f"party {name!r} {key}", entry.get(key, [])) for key in _LIST_FIELDS
        }
        parsed.append(
            (Party(name, kind, people=tuple(people), **lists), bool(entry.get("replace")))
        )
    return parsed


def _terms(path: str, where: str, value: Any) -> tuple[str, ...]:
    """A party's terms: strings, none empty or blank (an empty term would match anywhere), each
    in its composed form (NFC); the matcher finds either form in a text."""
    terms = _strings(path, where, value)
    for term in terms:
        if not term.strip():
            raise LexiconError(path, f"{where}: an empty or blank term {term!r}")
    return tuple(unicodedata.normalize("NFC", term) for term in terms)


def _forms(term: str) -> set[str]:
    return {unicodedata.normalize("NFC", term), unicodedata.normalize("NFD", term)}


def _warn_shared_terms(
    path: str, user: Sequence[Party], default: PartyLexicon | None, merged: PartyLexicon
) -> None:
    """Warn of a term the user's file gives to two parties, or to another party than the bundled
    lexicon does: a term names one party (`merged.owner`), so the other never gets it."""
    places: dict[str, list[tuple[str, str]]] = {}  # term -> (party, where) in reading order
    if default is not None:
        for party in default.parties:
            for term in party.terms():
                places.setdefault(_term_key(term), []).append((party.name, default.path))
    for party in user:
        for term in party.terms():
            places.setdefault(_term_key(term), []).append((party.name, path))
    for term, found in places.items():
        owners = dict(found)  # party -> where (the last place it was given)
        if len(owners) < 2 or all(where != path for where in owners.values()):
            continue
        (first, first_at), (second, second_at) = list(owners.items())[:2]
        winner = merged.owner.get(term, first)
        warnings.warn(
            f"{path}: the term {term!r} is given to party {first!r} ({first_at}) and to party "
            f"{second!r} ({second_at}); it names {winner!r} only",
            LexiconWarning,
            stacklevel=3,
        )


def _extend(base: Party, extra: Party) -> Party:
    lists = {key: _merge(getattr(base, key), getattr(extra, key)) for key in _LIST_FIELDS}
    people = _merge(base.people, extra.people)
    return Party(base.name, extra.kind or base.kind, people=people, **lists)


def _merge(first: Sequence[_T], second: Sequence[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys([*first, *second]))


def _term_key(term: str) -> str:
    return unicodedata.normalize("NFC", " ".join(term.split()))


def term_matcher(terms: Iterable[str]) -> re.Pattern[str]:
    """One alternation over `terms`, longest first so "United States" wins over "United".

    Terms with a capital letter match case-sensitively ("US" is not "us"); all-lowercase terms
    match in any case; a match is a whole word, not part of a hyphenated one.
    """
    keys = {form for t in terms for form in _forms(_term_key(t))}
    sensitive = [[re.escape(c) for c in t] for t in keys if t != t.lower()]
    insensitive = [[re.escape(c) for c in t] for t in keys if t == t.lower()]
    alternatives = []
    if sensitive:
        alternatives.append("(?:" + trie_alternation(sensitive) + ")")
    if insensitive:
        alternatives.append("(?i:" + trie_alternation(insensitive) + ")")
    pattern = r"(?<![\w-])(?:" + "|".join(alternatives or ["(?!)"]) + r")(?![\w-])"
    return re.compile(pattern)


def trie_alternation(forms: Iterable[Sequence[str]]) -> str:
    """A regex matching any of `forms` (each a sequence of regex atoms, such as escaped
    characters), factored as a trie: at each position the engine follows one branch rather than
    trying every form in turn (four times faster on the label lexicon). Where one form is a
    prefix of another, the longer is tried first, as in an alternation sorted longest first."""
    root: dict[str, Any] = {}
    for atoms in forms:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # a form ends here
    return _trie_pattern(root) or "(?!)"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [atom + _trie_pattern(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# --- abbreviations ---------------------------------------------------------------------------------

# Abbreviations whose period does not end a sentence or a clause: titles before names first.
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm",
    "Cmdr", "Prof", "Rev", "St", "Pres", "Supt", "Sens", "Reps",
)  # fmt: skip
OTHER_ABBREVIATIONS = (
    "Jr", "Sr", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "Inc", "Corp", "Co", "Ltd", "No", "vs", "v",
)  # fmt: skip


# --- the words of names ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NameWords:
    """Titles, name particles and pronouns: what to strip from a speaker to find the person's name."""

    titles: frozenset[str]  # lowercase words that precede a name: "minister", "deputy", "president"
    particles: frozenset[str]  # lowercase parts of surnames: "de", "van", "bin"
    person_pronouns: frozenset[str]  # he, she
    group_pronouns: frozenset[str]  # they, we, it
    feminine: frozenset[str] = frozenset()  # lowercase titles and given names: "ms.", "linda"
    masculine: frozenset[str] = frozenset()  # "mr.", "spokesman", "john"
    non_names: frozenset[str] = frozenset()  # capitalized but never a name: "but", "wednesday"
    organisations: frozenset[str] = frozenset()  # head nouns of organisation names: "union"


@cache
def load_name_words() -> NameWords:
    path, data = _packaged("names.toml")
    allowed = {"meta", "titles", "particles", "pronouns", "gender", "non_names", "organisations"}
    _check_keys(path, "top level", data, allowed)
    pronouns = data.get("pronouns", {})
    gender = data.get("gender", {})

    def lowered(where: str, value: Any) -> frozenset[str]:
        return frozenset(word.lower() for word in _strings(path, where, value))

    return NameWords(
        lowered("titles", data.get("titles", {}).get("words", [])),
        lowered("particles", data.get("particles", {}).get("words", [])),
        frozenset(_strings(path, "pronouns.person", pronouns.get("person", []))),
        frozenset(_strings(path, "pronouns.group", pronouns.get("group", []))),
        feminine=lowered("gender.feminine_titles", gender.get("feminine_titles", []))
        | lowered("gender.feminine_names", gender.get("feminine_names", [])),
        masculine=lowered("gender.masculine_titles", gender.get("masculine_titles", []))
        | lowered("gender.masculine_names", gender.get("masculine_names", [])),
        non_names=lowered("non_names", data.get("non_names", {}).get("words", [])),
        organisations=lowered("organisations", data.get("organisations", {}).get("words", [])),
    )


# --- part-of-speech evidence ----------------------------------------------------------------------


@cache
def load_word_tags() -> Mapping[str, str]:
    """Word -> most frequent Penn tag, from the Brill/Pattern lexicon that ships inside TextBlob.

    The attributor looks words up here (a dictionary look-up, no tagging pass) to tell a
    reported clause from an object. It works offline: the lexicon file is part of the wheel.
    """
    tags: dict[str, str] = {}
    capitalized: dict[str, str] = {}
    lexicon = resources.files("textblob") / "en" / "en-lexicon.txt"
    with lexicon.open(encoding="utf-8") as stream:
        for line in stream:
            if line.startswith(";;;"):
                continue
            word, _, tag = line.strip().partition(" ")
            if tag:
                # "carry" is a verb even though "Carry" is a name: lowercase entries win
                (tags if word.islower() else capitalized).setdefault(word.lower(), tag.split()[0])
    return {**capitalized, **tags}


# --- citations ------------------------------------------------------------------------------------


def _sources(path: str, where: str, entry: Mapping[str, Any], declared: Mapping[str, Any]) -> None:
    """Every entry cites at least one source, and only sources the file's meta.sources declares."""
    cited = _strings(path, f"{where} sources", entry.get("sources", []))
    if not cited:
        raise LexiconError(path, f"{where}: needs sources (keys of meta.sources)")
    unknown = [s for s in cited if s not in declared]
    if unknown:
        raise LexiconError(path, f"{where}: source {unknown[0]!r} is not in meta.sources")


def _choice(path: str, where: str, key: str, value: Any, allowed: Mapping[str, Any]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise LexiconError(
            path, f"{where}: {key} must be one of {', '.join(allowed)} (got {value!r})"
        )
    return value


def _meta_table(path: str, data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = data.get("meta", {}).get(name)
    if not isinstance(table, dict) or not table:
        raise LexiconError(path, f"meta.{name} is missing: it defines the allowed values")
    return table


# --- hedges -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hedge:
    """One hedge ("reportedly", "are said to") and what it does."""

    text: str  # lowercase, single spaces
    kind: str  # adverb, passive_report, impersonal, noun, adjective, evidence_qualifier, modal
    scope: str  # attribution (hands the claim to a vague source) or epistemic (author's doubt)


@dataclass(frozen=True)
class HedgeLexicon:
    hedges: tuple[Hedge, ...]
    kinds: Mapping[str, str] = field(default_factory=dict)
    scopes: Mapping[str, str] = field(default_factory=dict)
    path: str = ""


_HEDGE_KEYS = {"text", "kind", "scope", "sources", "note"}


def load_hedges(path: str | os.PathLike[str] | None = None) -> HedgeLexicon:
    """The hedge lexicon: the packaged one, or the file at `path`."""
    if path is None:
        return _default_hedges()
    return _parse_hedges(str(path), read_toml(path))


@cache
def _default_hedges() -> HedgeLexicon:
    return _parse_hedges(*_packaged("hedges.toml"))


def _parse_hedges(path: str, data: Mapping[str, Any]) -> HedgeLexicon:
    _check_keys(path, "top level", data, {"meta", "hedge"})
    kinds = _meta_table(path, data, "kinds")
    scopes = _meta_table(path, data, "scopes")
    declared = data.get("meta", {}).get("sources", {})
    hedges: dict[str, Hedge] = {}
    for number, entry in enumerate(data.get("hedge", []), start=1):
        where = f"hedge #{number}"
        _check_keys(path, where, entry, _HEDGE_KEYS)
        text = _normal(str(entry.get("text", "")))
        if not text:
            raise LexiconError(path, f"{where}: needs a text")
        if text in hedges:
            raise LexiconError(path, f"{where}: {text!r} is listed twice")
        _sources(path, where, entry, declared)
        hedges[text] = Hedge(
            text,
            _choice(path, where, "kind", entry.get("kind"), kinds),
            _choice(path, where, "scope", entry.get("scope"), scopes),
        )
    return HedgeLexicon(tuple(hedges.values()), dict(kinds), dict(scopes), path)


# --- labels for parties ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Label:
    """An evaluative label ("regime", "militants") and the referent slot it competes for."""

    text: str  # lowercase, single spaces
    refers_to: str  # a slot: government, armed_opposition, state_media, ...
    connotation: str  # negative, neutral, positive
    forms: tuple[str, ...]  # every form matched: the text and its singular ("rebels", "rebel")


@dataclass(frozen=True)
class LabelLexicon:
    labels: tuple[Label, ...]
    slots: Mapping[str, str] = field(default_factory=dict)
    connotations: Mapping[str, str] = field(default_factory=dict)
    path: str = ""
    matcher: re.Pattern[str] = field(init=False, repr=False, compare=False)
    by_form: Mapping[str, Label] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One alternation over every form, longest first (a trie); in news copy a hyphen and a space are
        # the same join ("state affiliated" is "state-affiliated"), and case does not matter.
        by_form: dict[str, Label] = {}
        for label in self.labels:
            for form in label.forms:
                by_form.setdefault(_label_key(form), label)
        pattern = r"(?<!\w)(?:" + trie_alternation(map(_label_atoms, by_form)) + r")(?!\w)"
        object.__setattr__(self, "matcher", re.compile(pattern, re.IGNORECASE))
        object.__setattr__(self, "by_form", by_form)

    def label_of(self, matched: str) -> Label:
        """The label a text matched by `matcher` is a form of."""
        return self.by_form[_label_key(matched)]


def _label_atoms(form: str) -> list[str]:
    r"""A label form's characters, with `[\s-]+` between its words."""
    atoms: list[str] = []
    for number, word in enumerate(form.split()):
        if number > 0:
            atoms.append(r"[\s-]+")
        atoms.extend(re.escape(c) for c in word)
    return atoms


def _label_key(form: str) -> str:
    return " ".join(re.split(r"[\s-]+", form.lower()))


_LABEL_KEYS = {"text", "refers_to", "connotation", "sources", "note", "forms"}


def load_labels(
    path: str | os.PathLike[str] | None = None, *, user: str | os.PathLike[str] | None = None
) -> LabelLexicon:
    """The label lexicon: the packaged one (or the file at `path`), with the [[label]] tables of a
    user's story lexicon (`--lexicon`) added: a label with a new text is added, one with a known
    text replaced. The story file may declare its own slots in [meta.slots]."""
    base = _default_labels() if path is None else _parse_labels(str(path), read_toml(path))
    if user is None:
        return base
    data = read_toml(user)
    if not data.get("label"):
        return base
    meta = data.get("meta", {})
    extra_slots = meta.get("slots", {}) if isinstance(meta.get("slots"), dict) else {}
    merged_meta = {
        "slots": {**base.slots, **extra_slots},
        "connotations": dict(base.connotations),
        "sources": meta.get("sources") or {"user": str(user)},
    }
    entries = [
        entry if "sources" in entry or meta.get("sources") else {**entry, "sources": ["user"]}
        for entry in data["label"]
    ]
    added = _parse_labels(
        str(user), {"meta": merged_meta, "label": entries}, refers_to_optional=True
    )
    by_text = {label.text: label for label in base.labels}
    by_text.update({label.text: label for label in added.labels})
    return LabelLexicon(tuple(by_text.values()), merged_meta["slots"], base.connotations, str(user))


@cache
def _default_labels() -> LabelLexicon:
    return _parse_labels(*_packaged("labels.toml"))


def _parse_labels(
    path: str, data: Mapping[str, Any], *, refers_to_optional: bool = False
) -> LabelLexicon:
    _check_keys(path, "top level", data, {"meta", "label"})
    slots = _meta_table(path, data, "slots")
    connotations = _meta_table(path, data, "connotations")
    declared = data.get("meta", {}).get("sources", {})
    labels: dict[str, Label] = {}
    for number, entry in enumerate(data.get("label", []), start=1):
        where = f"label #{number}"
        _check_keys(path, where, entry, _LABEL_KEYS)
        text = _normal(str(entry.get("text", "")))
        if not text:
            raise LexiconError(path, f"{where}: needs a text")
        if text in labels:
            raise LexiconError(path, f"{where}: {text!r} is listed twice")
        _sources(path, where, entry, declared)
        # The file's matching rule: the text and its singular, unless `forms` lists the extra forms.
        extra = entry.get("forms")
        forms = _strings(path, f"{where} forms", extra) if extra is not None else (singular(text),)
        labels[text] = Label(
            text,
            _choice(path, where, "refers_to", entry.get("refers_to", "user"), {**slots, "user": ""})
            if refers_to_optional
            else _choice(path, where, "refers_to", entry.get("refers_to"), slots),
            _choice(path, where, "connotation", entry.get("connotation"), connotations),
            tuple(dict.fromkeys([text, *(_normal(f) for f in forms)])),
        )
    return LabelLexicon(tuple(labels.values()), dict(slots), dict(connotations), path)


def singular(text: str) -> str:
    """The singular of a plural group label's last word: rebels -> rebel, gunmen -> gunman."""
    head, _, last = text.rpartition(" ")
    if last.endswith("men"):
        last = last[:-3] + "man"
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return f"{head} {last}".strip()


# --- stance cues --------------------------------------------------------------------------------

STANCES = ("favor", "against")
# Whom a verb's stance is about: its object ("rejected the deal"), its agent ("violated a truce").
ABOUT = ("object", "agent")


@dataclass(frozen=True, slots=True)
class StanceCue:
    stance: str  # favor or against
    lemma: str
    about: str = "object"  # as a verb: its object ("rejected X") or its agent ("X violated")


@dataclass(frozen=True)
class StanceLexicon:
    """Words that take a side, and the words that flip or outrank them."""

    cues: Mapping[str, StanceCue]  # by form: lowercase, single spaces
    negators: frozenset[str]
    window: int  # a negator at most this many words before a cue flips it
    contrast_later: frozenset[str]  # "but": the later clause decides
    contrast_conceded: frozenset[str]  # "although": the clause it opens yields
    path: str = ""

    @cached_property
    def longest(self) -> int:
        forms = [*self.cues, *self.contrast_conceded]
        return max((form.count(" ") + 1 for form in forms), default=1)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every cue and concession phrase: most words start none."""
        return frozenset(form.split(" ")[0] for form in [*self.cues, *self.contrast_conceded])


_STANCE_CUE_KEYS = {"lemma", "forms", "stance", "about", "sources", "note"}


def load_stance_cues(path: str | os.PathLike[str] | None = None) -> StanceLexicon:
    """The stance-cue lexicon: the packaged one, or the file at `path`."""
    if path is None:
        return _default_stance_cues()
    return _parse_stance_cues(str(path), read_toml(path))


@cache
def _default_stance_cues() -> StanceLexicon:
    return _parse_stance_cues(*_packaged("stance.toml"))


def _parse_stance_cues(path: str, data: Mapping[str, Any]) -> StanceLexicon:
    _check_keys(path, "top level", data, {"meta", "negation", "contrast", "cue"})
    declared = data.get("meta", {}).get("sources", {})
    negation = data.get("negation", {})
    _check_keys(path, "negation", negation, {"words", "window", "sources", "note"})
    contrast = data.get("contrast", {})
    _check_keys(path, "contrast", contrast, {"later", "conceded", "sources", "note"})
    window = negation.get("window", 3)
    if not isinstance(window, int) or window < 1:
        raise LexiconError(
            path, f"negation: window must be a positive whole number (got {window!r})"
        )
    cues: dict[str, StanceCue] = {}
    for number, entry in enumerate(data.get("cue", []), start=1):
        where = f"cue #{number}"
        _check_keys(path, where, entry, _STANCE_CUE_KEYS)
        lemma = _normal(str(entry.get("lemma", "")))
        if not lemma:
            raise LexiconError(path, f"{where}: needs a lemma")
        stance = _choice(path, where, "stance", entry.get("stance"), dict.fromkeys(STANCES))
        about = _choice(path, where, "about", entry.get("about", "object"), dict.fromkeys(ABOUT))
        _sources(path, where, entry, declared)
        for form in _strings(path, f"{where} forms", entry.get("forms", [lemma])):
            key = _normal(form)
            if key in cues:
                raise LexiconError(path, f"{where}: form {key!r} is already a cue")
            cues[key] = StanceCue(stance, lemma, about)

    def words(table: Mapping[str, Any], key: str) -> frozenset[str]:
        return frozenset(_normal(w) for w in _strings(path, key, table.get(key, [])))

    return StanceLexicon(
        cues,
        words(negation, "words"),
        window,
        words(contrast, "later"),
        words(contrast, "conceded"),
        path,
    )


# --- stance targets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Something a statement can be for or against besides the parties: "the safe-exit deal"."""

    name: str
    terms: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class TargetLexicon:
    targets: tuple[Target, ...]
    path: str = ""
    matcher: re.Pattern[str] = field(init=False, repr=False, compare=False)
    owner: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        owner: dict[str, str] = {}
        for target in self.targets:
            for term in target.terms:
                owner.setdefault(_term_key(term), target.name)
        object.__setattr__(self, "matcher", term_matcher(owner))
        object.__setattr__(self, "owner", owner)

    def target_of(self, term: str) -> str | None:
        """The target that `term` (as matched in a text) mentions."""
        return self.owner.get(_term_key(term)) or self.owner.get(_term_key(term).lower())


_TARGET_KEYS = {"name", "description", "terms", "sources", "note"}


def load_targets(path: str | os.PathLike[str] | None = None) -> TargetLexicon:
    """The bundled story's targets, or a user's story lexicon's own if it defines any.

    Targets belong to a story, so they are replaced as a whole rather than merged like parties:
    the same `--lexicon` file can hold [[party]] and [[target]] tables.
    """
    if path is None:
        return _default_targets()
    data = read_toml(path)
    if not data.get("target"):
        return _default_targets()
    return _parse_targets(str(path), data)


@cache
def _default_targets() -> TargetLexicon:
    return _parse_targets(*_packaged("targets.toml"))


def _parse_targets(path: str, data: Mapping[str, Any]) -> TargetLexicon:
    _check_keys(path, "top level", data, _STORY_KEYS)
    declared = data.get("meta", {}).get("sources", {})
    targets: dict[str, Target] = {}
    for number, entry in enumerate(data.get("target", []), start=1):
        where = f"target #{number}"
        _check_keys(path, where, entry, _TARGET_KEYS)
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise LexiconError(path, f"{where}: needs a name")
        if name in targets:
            raise LexiconError(path, f"target {name!r} is defined twice")
        terms = _strings(path, f"target {name!r} terms", entry.get("terms", []))
        if not terms:
            raise LexiconError(path, f"target {name!r}: needs terms that mention it")
        if declared:
            _sources(path, f"target {name!r}", entry, declared)
        targets[name] = Target(name, terms, str(entry.get("description", "")))
    return TargetLexicon(tuple(targets.values()), path)


# --- loaded language ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Loaded:
    """A loaded word or phrase ("slammed", "doubled down", "so-called") and what it does."""

    text: str  # lowercase, single spaces: the base form
    word_class: str  # evaluative_verb, idiom, factive, assertive, scare_marker, intensifier, ...
    direction: str  # negative, positive or neutral (a framing choice without a direction)
    about: str  # agent, object or near: where the party it is about stands
    forms: tuple[str, ...]  # every form matched, the text first


@dataclass(frozen=True)
class LoadedLexicon:
    entries: tuple[Loaded, ...]
    classes: Mapping[str, str] = field(default_factory=dict)
    path: str = ""
    matcher: re.Pattern[str] = field(init=False, repr=False, compare=False)
    by_form: Mapping[str, Loaded] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_form: dict[str, Loaded] = {}
        for entry in self.entries:
            for form in entry.forms:
                by_form.setdefault(_label_key(form), entry)
        pattern = r"(?<![\w-])(?:" + trie_alternation(map(_label_atoms, by_form)) + r")(?![\w-])"
        object.__setattr__(self, "matcher", re.compile(pattern, re.IGNORECASE))
        object.__setattr__(self, "by_form", by_form)

    def entry_of(self, matched: str) -> Loaded:
        """The entry a text matched by `matcher` is a form of."""
        return self.by_form[_label_key(matched)]


_LOADED_KEYS = {"text", "forms", "class", "direction", "about", "sources", "note"}


def load_loaded(path: str | os.PathLike[str] | None = None) -> LoadedLexicon:
    """The loaded-language lexicon: the packaged one, or the file at `path`."""
    if path is None:
        return _default_loaded()
    return _parse_loaded(str(path), read_toml(path))


@cache
def _default_loaded() -> LoadedLexicon:
    return _parse_loaded(*_packaged("loaded.toml"))


def _parse_loaded(path: str, data: Mapping[str, Any]) -> LoadedLexicon:
    _check_keys(path, "top level", data, {"meta", "loaded"})
    classes = _meta_table(path, data, "classes")
    directions = _meta_table(path, data, "directions")
    about = _meta_table(path, data, "about")
    declared = data.get("meta", {}).get("sources", {})
    entries: dict[str, Loaded] = {}
    for number, entry in enumerate(data.get("loaded", []), start=1):
        where = f"loaded #{number}"
        _check_keys(path, where, entry, _LOADED_KEYS)
        text = _normal(str(entry.get("text", "")))
        if not text:
            raise LexiconError(path, f"{where}: needs a text")
        if text in entries:
            raise LexiconError(path, f"{where}: {text!r} is listed twice")
        _sources(path, where, entry, declared)
        forms = _strings(path, f"{where} forms", entry.get("forms", []))
        entries[text] = Loaded(
            text,
            _choice(path, where, "class", entry.get("class"), classes),
            _choice(path, where, "direction", entry.get("direction"), directions),
            _choice(path, where, "about", entry.get("about"), about),
            tuple(dict.fromkeys([text, *(_normal(f) for f in forms)])),
        )
    return LoadedLexicon(tuple(entries.values()), dict(classes), path)
