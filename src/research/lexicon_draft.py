"""A draft party lexicon from a corpus: who speaks and who is named, for a researcher to edit.

    research lexicon draft PATH... -o parties.toml

The people and organisations that speak or are named most, each with its titles, short names and
counts; a person goes under the organisation the text ties them to ("Marta Keller, chief executive
of Halvard Shipping", "Joe Mulligan with Railroad Workers United", "a spokeswoman for the
Dockworkers Union, Rita Okafor"), else stands as a party of one, to be merged by hand. Entries the
current lexicon does not resolve come first. The file is TOML the lexicon loader accepts as it is
(`extends_default = false`: a new story's parties stand alone); every count is in a `note`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from research import entities, parties, pipeline
from research.lexicons import NameWords
from research.schema import UNRESOLVED

# After a name, the organisation a person is with: "Joe Mulligan with Railroad Workers United".
_AFFILIATION = re.compile(r"\s*,?\s*(?:\w+\s+){0,4}?(?:of|with|for|at|from)\s+(?:the\s+)?$")
_TITLE_WORD = re.compile(r"[\w.’'-]+")


@dataclass
class _Person:
    name: str
    mentions: int = 0
    speaks: int = 0
    titles: Counter[str] = field(default_factory=Counter)
    groups: Counter[str] = field(default_factory=Counter)
    parties: Counter[str] = field(default_factory=Counter)
    short: set[str] = field(default_factory=set)


@dataclass
class _Organisation:
    name: str
    mentions: int = 0
    speaks: int = 0
    short: set[str] = field(default_factory=set)
    party: str | None = None
    people: list[_Person] = field(default_factory=list)


def draft_lexicon(
    articles: pd.DataFrame,
    lexicons: pipeline.Lexicons | None = None,
    *,
    top: int = 40,
    source: str = "the corpus",
) -> str:
    """The draft lexicon of `articles` (doc and text columns) as TOML text."""
    lexicons = lexicons or pipeline.load_lexicons()
    statements = pipeline.extract_statements(articles, lexicons)
    words = lexicons.names
    people: dict[str, _Person] = {}
    organisations: dict[str, _Organisation] = {}
    for text in articles["text"].astype(str):
        _read_article(text, words, people, organisations)
    for row in statements.to_dict("records"):
        entity, speaker, party = row["entity"], row["speaker"], str(row["party"])
        if isinstance(entity, str) and entity in people:
            people[entity].speaks += 1
            people[entity].parties[party] += 1
        elif isinstance(speaker, str):
            for organisation in organisations.values():
                if organisation.name in speaker or entity == organisation.name:
                    organisation.speaks += 1
                    break
    for organisation in organisations.values():
        found = parties.first_party(lexicons.parties, organisation.name)
        organisation.party = found.party if found is not None else None
    return _render(people, organisations, lexicons, top=top, source=source, n=len(articles))


def _read_article(
    text: str,
    words: NameWords,
    people: dict[str, _Person],
    organisations: dict[str, _Organisation],
) -> None:
    mentions = entities.find_mentions(text, words)
    named = [m for m in mentions if m.kind == "organisation"]
    for mention in named:
        organisation = organisations.setdefault(mention.name, _Organisation(mention.name))
        organisation.mentions += 1
        # "Halvard" for "Halvard Shipping", where the first word also stands alone
        tokens = mention.name.split()
        plain = tokens[0].lower() not in words.organisations | words.non_names
        stands_alone = len(tokens) > 1 and re.search(
            rf"\b{re.escape(tokens[0])}\b(?! {re.escape(tokens[1])})", text
        )
        if plain and stands_alone:
            organisation.short.add(tokens[0])
    seen: set[str] = set()
    for mention in mentions:
        if mention.kind != "person":
            continue
        person = people.setdefault(mention.name, _Person(mention.name))
        person.mentions += 1
        title = _title(text, mention, words)
        if title:
            person.titles[title] += 1
        group = _group(text, mention, named)
        if group is not None:
            person.groups[group] += 1
        if mention.name not in seen:  # surname mentions, once an article
            seen.add(mention.name)
            surname = " ".join(mention.name.split()[1:])  # "De Mistura" for "Staffan De Mistura"
            alone = len(re.findall(rf"\b{re.escape(surname)}\b", text)) - len(
                re.findall(rf"\b{re.escape(mention.name)}\b", text)
            )
            if alone > 0:
                person.mentions += alone
                person.short.add(surname)


def _title(text: str, mention: entities.Mention, words: NameWords) -> str:
    """The title before a name ("Transport Minister"), else its apposition ("chief executive of
    Halvard Shipping") when that holds a title word."""
    before = _TITLE_WORD.findall(text[mention.context.start : mention.span.start])
    kept: list[str] = []
    for word in reversed(before):
        capital = word[:1].isupper() and word.lower() not in words.non_names
        if word.lower() in words.titles or capital or (word == "of" and kept):
            kept.insert(0, word)  # "Secretary of State"
        else:
            break
    while kept and kept[0] == "of":
        kept.pop(0)
    if any(w.lower() in words.titles for w in kept):
        return " ".join(kept)
    if mention.apposition is not None:
        apposition = re.sub(r"^(?:the|a|an)\s+", "", mention.apposition.text(text))
        if any(
            w.lower() in words.titles or w.lower() in {"executive", "organiser", "organizer"}
            for w in _TITLE_WORD.findall(apposition)
        ):
            return apposition
    return ""


def _group(text: str, mention: entities.Mention, named: Sequence[entities.Mention]) -> str | None:
    """The organisation the text ties a person to: in their apposition, right after their name
    ("with Railroad Workers United") or in the words introducing them ("a spokeswoman for the
    Dockworkers Union, Rita Okafor")."""
    for organisation in named:
        if mention.apposition is not None and (
            mention.apposition.start <= organisation.span.start < mention.apposition.end
        ):
            return organisation.name
        if 0 <= organisation.span.start - mention.span.end <= 40 and _AFFILIATION.fullmatch(
            text[mention.span.end : organisation.span.start]
        ):
            return organisation.name
        gap = text[organisation.span.end : mention.span.start]
        if 0 <= mention.span.start - organisation.span.end <= 3 and gap.strip() in {",", ""}:
            introduced = text[mention.context.start : organisation.span.start]
            if re.search(r"\b(?:of|for|with|at)\s+(?:the\s+)?$", introduced):
                return organisation.name
    return None


# --- TOML -----------------------------------------------------------------------------------------


def _string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's (quotes, backslashes, control characters)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(value: str) -> str:
    return " ".join(value.split())


def _render(
    people: dict[str, _Person],
    organisations: dict[str, _Organisation],
    lexicons: pipeline.Lexicons,
    *,
    top: int,
    source: str,
    n: int,
) -> str:
    for person in people.values():
        if person.groups:
            group = person.groups.most_common(1)[0][0]
            organisations[group].people.append(person)
    grouped = {p.name for o in organisations.values() for p in o.people}
    # a capitalized pair that neither speaks, nor has a title, nor a known given name is more
    # likely a place ("East Aleppo") than a person
    given = lexicons.names.feminine | lexicons.names.masculine
    loners = [
        p
        for p in people.values()
        if p.name not in grouped and (p.speaks or p.titles or p.name.split()[0].lower() in given)
    ]

    def weight(entry: _Organisation | _Person) -> int:
        own = 2 * entry.speaks + entry.mentions
        if isinstance(entry, _Organisation):
            own += sum(2 * p.speaks + p.mentions for p in entry.people)
        return own

    def resolved(entry: _Organisation | _Person) -> str | None:
        if isinstance(entry, _Organisation):
            return entry.party
        if entry.name in lexicons.parties.people:
            return lexicons.parties.people[entry.name]
        known = [p for p, _ in entry.parties.most_common() if p != UNRESOLVED]
        return known[0] if known else None

    entries: list[_Organisation | _Person] = [*organisations.values(), *loners]
    entries = [e for e in entries if weight(e) > 0]
    entries.sort(key=lambda e: (resolved(e) is not None, -weight(e), e.name))
    entries = entries[:top]
    lines = [
        f"# A draft party lexicon, written by `research lexicon draft` from {n} articles.",
        "# Edit it before use: merge people into their parties, rename the parties, delete what",
        '# is not a side in the story (kind = "source" keeps a quoted non-party apart). Entries',
        "# the current lexicon does not resolve come first; each note gives the counts.",
        "",
        "[meta]",
        'name = "draft"',
        'version = "1"',
        f"description = {_string(f'Draft lexicon from {n} articles; edit before use.')}",
        "extends_default = false",
        "",
        "[meta.sources]",
        f"corpus = {_string(f'research lexicon draft on {source}')}",
    ]
    names_used: set[str] = set()
    for entry in entries:
        party = resolved(entry)
        name = entry.name
        while name in names_used:
            name += " (2)"
        names_used.add(name)
        lines += [
            "",
            "[[party]]",
            f"name = {_string(name)}",
            'kind = "party"',
            'sources = ["corpus"]',
        ]
        known = f"; the current lexicon ties it to {party}" if party else "; unresolved"
        if isinstance(entry, _Organisation):
            lines.append(
                f"names = [{', '.join(_string(t) for t in [entry.name, *sorted(entry.short)])}]"
            )
            note = f"organisation: speaks {entry.speaks}, named {entry.mentions}{known}"
            lines.append(f"note = {_string(note)}")
            members = entry.people
        else:
            lines.append("names = []")
            lines.append(f"note = {_string(f'a person standing alone: merge into a party{known}')}")
            members = [entry]
        if members:
            lines.append("people = [")
            for person in sorted(members, key=lambda p: (-p.speaks, -p.mentions, p.name)):
                title = person.titles.most_common(1)[0][0] if person.titles else ""
                short = ", ".join(sorted(person.short))
                note = f"speaks {person.speaks}, named {person.mentions}" + (
                    f"; short name {short}" if short else ""
                )
                lines.append(
                    f"  {{ name = {_string(person.name)}, title = {_string(title)},"
                    f" note = {_string(note)} }},"
                )
            lines.append("]")
    return "\n".join(lines) + "\n"


def draft_sources(paths: Iterable[str]) -> str:
    """How the draft names its corpus in [meta.sources]."""
    return ", ".join(paths) or "the corpus"
