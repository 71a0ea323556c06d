"""Who a speaker is: the person or group a name, a short name, a description or a pronoun refers to.

News introduces a person once in full ("Russian Deputy Foreign Minister Sergei Ryabkov") and then
by surname ("Ryabkov"), by description ("the minister") or by pronoun ("he"). The speaker span stays
as written; this stage adds the entity it refers to and the span of the full mention, so the party
step can read its titles.

The rules, in the order they are tried for one speaker:

1. A full name inside the speaker is its entity: the first one not after a preposition, so in
   "Joe Mulligan with Railroad Workers United" it is the person, not the organisation he is with,
   and "a shopkeeper on Harbour Street" names no one (unless an apposition does: ", Ben Ash,").
   Names are cut at sentence ends and at words never part of a name ("But", "Wednesday", "A");
   a name holding an organisation noun ("Union", "Ministry") is an organisation.
2. A lexicon person named in the speaker.
3. A short name ("Keller", "Ms. Keller", "De Mistura") is the latest earlier full name ending in it,
   else any in the article, else a lexicon person with that surname ("Marta Keller").
4. A description ("the minister", "the company's chief executive", "the spokeswoman") is the latest
   earlier person introduced with that title, before the name or in an apposition after it; "the
   union", "the ministry" is the latest earlier organisation whose name or apposition holds the
   noun; "the report" is whoever published the latest report named before it. In a headline the
   description may look ahead: "Minister urges talks" is the first minister the body names.
5. "he"/"she" is a person of compatible gender (from titles and given names in names.toml; a
   person with neither fits both), "it"/"they" an organisation or a group speaker. Candidates are
   looked for sentence by sentence, back from the pronoun (at most five sentences): the first
   sentence holding one decides, and within it an earlier statement's speaker, then the one named
   first (the subject, in news syntax), wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from research.lexicons import NameWords
from research.schema import Span
from research.text import whole_words


@cache  # built once per set of particles, not at each capitalized run
def _name_patterns(particles: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name word (capitalized, or a surname particle of names.toml: "de", "van", "bin") and a
    run of them, as regular expressions."""
    alternation = "|".join(re.escape(p) for p in sorted(particles, key=lambda p: (-len(p), p)))
    # A particle stands as a word of its own: not the end of "made", "final" or "wonder".
    particle = rf"(?<![\w’'.&-])(?:{alternation})(?!\w)"
    word = rf"[A-Z][\w’'.&-]*|{particle}" if particles else r"[A-Z][\w’'.&-]*"
    return re.compile(word), re.compile(rf"(?:{word})(?:[ \u00a0](?:{word}))*")


_POSSESSIVE = re.compile(r"[’']s?$")
# An organisation's name runs on over "of"/"for": "Ministry of Transport", "Centre for Ports".
_ORGANISATION_JOIN = re.compile(r"[ \u00a0](?:of|for|of the|for the)[ \u00a0]")
# The same, as seen from the word after "of"/"for" and from the word before it.
_JOINS_AFTER = re.compile(r"[ \u00a0](?:of|for)[ \u00a0]")
_JOINS_BEFORE = re.compile(r"[ \u00a0](?:of|for)(?:[ \u00a0]the)?[ \u00a0]\Z")
# An apposition after a name: "Marta Keller, chief executive of Halvard Shipping, said".
_APPOSITION = re.compile(r",[ \u00a0]+((?:the|a|an|its|their)?[^,.;:“”\"]{3,80}?)(?=,|\.|;|$)")
_DETERMINER = re.compile(r"^(?:the|a|an|this|that)\s+", re.IGNORECASE)
# A document speaks for whoever published it: "a report by the Harbour Authority", "the
# Authority's report" (the author is the group that follows "by"/"from" or owns it).
_DOCUMENTS = frozenset({"report", "study", "survey", "audit", "review", "letter", "filing", "poll"})
_ORG_NAME = r"(?:the\s+)?([A-Z][\w’'&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'&-]*)*)"
_DOCUMENT_BY = re.compile(
    rf"\b({'|'.join(sorted(_DOCUMENTS))})\s+(?:\w+\s+){{0,3}}?(?:by|from)\s+{_ORG_NAME}"
)
_DOCUMENT_OF = re.compile(
    rf"{_ORG_NAME}[’']s\s+(?:\w+\s+){{0,2}}?({'|'.join(sorted(_DOCUMENTS))})\b"
)
_PRONOUN_LOOKBACK = 5  # sentences
# A full stop (with the quotes or brackets closing after it) and white space, or line breaks. The
# pattern opens with one character class, which the regex engine scans for in C: written as the
# two alternatives it is, it would be tried at every character of the article (four times slower).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’)]*\s+|(?<=\n)\n*)")
_PERSON_NOUNS = frozenset({"executive", "official", "lawyer", "economist", "analyst", "founder"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A name where it first stands, with the words before it (titles, country) and after it."""

    name: str
    span: Span
    context: Span  # the name with the words just before it: "Russian Deputy Foreign Minister ..."
    kind: str = "person"  # or "organisation"
    gender: str = ""  # "f", "m", or "" when titles and given name do not say
    apposition: Span | None = None  # ", chief executive of Halvard Shipping," after the name


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A lexicon person: found by surname, or by title ("the mayor") when the title is theirs alone."""

    name: str
    title: str = ""
    party: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """Who a speaker is. kind: person, organisation, group (a speaker such as "union officials"
    that "they" refers back to) or name (a capitalized word that may be either: "Suncor")."""

    name: str
    mention: Span | None  # where the entity was named in full, with its titles, if it was
    kind: str = field(default="person", compare=False)


def find_mentions(text: str, words: NameWords) -> list[Mention]:
    """Every person's full name and every organisation's name, in text order.

    A capitalized run is cut at sentence ends ("Tuesday. Kim") and at words that open a sentence
    but are never names ("But Pelosi", "Wednesday Suncor", "A Halvard executive"); a piece holding
    an organisation noun ("Union", "Ministry") is an organisation, else its last two name words
    after any titles are a person's name.
    """
    name_run = _name_patterns(words.particles)[1]
    pieces = [
        piece
        for run in name_run.finditer(text)
        if _may_name(text, run)
        for piece in _pieces(text, run, words)
    ]
    pieces = _join_organisations(text, pieces, words)
    mentions = []
    previous = 0  # where the latest person named ends
    for tokens in pieces:
        if _is_organisation(text, tokens, words):
            start, end = tokens[0][0], tokens[-1][1]
            name = (
                _POSSESSIVE.sub("", text[start:end]) if text[end - 1] in "s’'" else text[start:end]
            )
            if len(tokens) >= 2 or name.isupper():
                mentions.append(
                    Mention(name, Span(start, end), Span(start, end), "organisation", "", None)
                )
            continue
        name_tokens = _name_tokens(text, tokens, words)
        if len(name_tokens) < 2 or text[name_tokens[0][0]].islower():
            continue
        start, end = name_tokens[0][0], name_tokens[-1][1]
        # the words introducing a name stop at the person named before it in the clause
        context = Span(max(_context_start(text, start), min(previous, start)), end)
        apposition = _apposition(text, end)
        previous = end
        mentions.append(
            Mention(
                _POSSESSIVE.sub("", text[start:end]) if text[end - 1] in "s’'" else text[start:end],
                Span(start, end),
                context,
                "person",
                _gender(text, context, apposition, text[start:end], words),
                apposition,
            )
        )
    return mentions


def find_people(text: str, words: NameWords) -> list[Mention]:
    """Every run of two or more name words that is not all titles: candidate full names."""
    return [mention for mention in find_mentions(text, words) if mention.kind == "person"]


def _may_name(text: str, run: re.Match[str]) -> bool:
    """Whether a capitalized run can give a name: one of two or more words, an acronym, or a word
    that "of"/"for" joins to an organisation's ("Ministry of Transport"). Most runs are one word
    opening a sentence, and this look at the run's edges spares them the word-by-word reading."""
    found = run.group()
    if " " in found or "\u00a0" in found or found.isupper():
        return True
    start, end = run.span()
    return (
        _JOINS_AFTER.match(text, end) is not None
        or _JOINS_BEFORE.search(text, max(0, start - 9), start) is not None
    )


def _pieces(text: str, run: re.Match[str], words: NameWords) -> list[list[tuple[int, int]]]:
    """A capitalized run's tokens, cut at sentence ends and at words that are never names."""
    pieces: list[list[tuple[int, int]]] = [[]]
    non_names = words.non_names
    for match in _name_patterns(words.particles)[0].finditer(text, run.start(), run.end()):
        start, end = match.span()
        word = match.group()
        lower = word.lower()
        bare = lower.rstrip(".")
        if bare in non_names or _without_possessive(word, lower) in non_names:
            pieces.append([])
            continue
        ends = word.endswith(".") and len(bare) >= 3 and "." not in bare
        if ends and lower not in words.titles:
            pieces[-1].append((start, end - 1))  # "Tuesday. Kim": the full stop ends a sentence
            pieces.append([])
            continue
        pieces[-1].append((start, end))
    return [piece for piece in pieces if piece]


def _join_organisations(
    text: str, pieces: list[list[tuple[int, int]]], words: NameWords
) -> list[list[tuple[int, int]]]:
    """Join "Ministry" + "of" + "Transport" into one organisation's name."""
    joined: list[list[tuple[int, int]]] = []
    for piece in pieces:
        if joined:
            previous = joined[-1]
            between = text[previous[-1][1] : piece[0][0]]
            # "Ministry of Transport", not "Daniel Whitehorse of the Kessa First Nation"
            joins = _ORGANISATION_JOIN.fullmatch(between) is not None
            if joins and _is_organisation(text, previous, words):
                joined[-1] = previous + piece
                continue
        joined.append(piece)
    return joined


def _is_organisation(text: str, tokens: Sequence[tuple[int, int]], words: NameWords) -> bool:
    organisations = words.organisations
    for start, end in tokens:
        word = text[start:end]
        lower = word.lower()
        if _without_possessive(word, lower).rstrip(".") in organisations or lower in organisations:
            return True
    return False


def _without_possessive(word: str, lower: str) -> str:
    """`word` lowercased (`lower`) without a possessive ending ("Reuters'", "Union’s"); the
    regular expression runs only on the words that could have one."""
    return _POSSESSIVE.sub("", word).lower() if word[-1:] in ("s", "’", "'") else lower


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


def _apposition(text: str, end: int) -> Span | None:
    match = _APPOSITION.match(text, end, min(len(text), end + 90))
    if match is None or (match.group(1)[:1].isupper() and not match.group(1).startswith("The ")):
        return None  # ", Halvard Shipping said": a name of its own, not an apposition
    return Span(match.start(1), match.end(1))


_GENDER_WORD = re.compile(r"[\w.]+")


def _gender(text: str, context: Span, apposition: Span | None, name: str, words: NameWords) -> str:
    """f or m from the titles before a name, its apposition, or its given name; else ""."""
    said = context.text(text) + " " + (apposition.text(text) if apposition is not None else "")
    found = {word.lower() for word in _GENDER_WORD.findall(said)}
    given = name.split()[0].lower()
    feminine = bool(found & words.feminine) or given in words.feminine
    masculine = bool(found & words.masculine) or given in words.masculine
    if feminine != masculine:
        return "f" if feminine else "m"
    return ""


# --- headlines -----------------------------------------------------------------------------------

# "Analysis: who blinks first": a headline label that names a kind of article, not a source.
_HEADLINE_LABELS = frozenset({
    "analysis", "opinion", "comment", "commentary", "editorial", "explainer", "factbox", "fact",
    "review", "interview", "exclusive", "update", "watch", "live", "breaking", "profile", "letters",
    "obituary", "podcast", "video", "photos", "timeline", "q&a", "view", "essay", "feature",
})  # fmt: skip


def headline_label(
    text: str,
    speaker: Span | None,
    headline: Span | None,
    words: NameWords,
    *,
    colon: bool = False,
) -> bool:
    """Whether a speaker is a headline's label rather than a source: "Analysis" in "Analysis: who
    blinks first"; and, before a colon (`colon`), a phrase rather than a name or a title, one that
    holds a word never part of a name ("Stealth Over Health:", "Big Win For Bernie:", not "CNN
    President On Trump:" nor "Pence:")."""
    if speaker is None or not _in(headline, speaker):
        return False
    tokens = speaker.text(text).split()
    if tokens and tokens[0].lower() in _HEADLINE_LABELS:
        return True
    if not colon or any(t.lower() in words.titles for t in tokens):
        return False
    return any(t[:1].isupper() and t.lower() in words.non_names for t in tokens[1:])


# --- resolving speakers ---------------------------------------------------------------------------


class _Article:
    """What the resolver knows of one article, indexed by offset so that each speaker costs a
    bisection, not a scan of the whole article (a long article has thousands of speakers)."""

    def __init__(
        self,
        text: str,
        words: NameWords,
        known: Sequence[KnownPerson],
        sentence_starts: list[int],
        headline: Span | None,
        party_of: Callable[[str], str | None] | None,
    ) -> None:
        self.text, self.words, self.headline, self.party_of = text, words, headline, party_of
        self.mentions = find_mentions(text, words)
        self.mention_starts = [m.span.start for m in self.mentions]
        self.people = [m for m in self.mentions if m.kind == "person"]
        self.people_starts = [m.span.start for m in self.people]
        self.person_at = {m.span.start: m for m in self.people}
        self.gender = {m.name: m.gender for m in self.people}
        self.by_surname: dict[str, list[Mention]] = {}
        for mention in self.people:
            self.by_surname.setdefault(mention.name.split()[-1].lower(), []).append(mention)
        self.people_known = known
        self.known: dict[str, list[str]] = {}  # a lexicon person's surname -> full names
        for person in known:
            self.known.setdefault(person.name.split()[-1].lower(), []).append(person.name)
        self.sentence_starts = sentence_starts
        self._surnames: list[tuple[int, Mention]] | None = None
        self._documents: list[tuple[int, str]] | None = None
        self._occurrences: dict[str, list[int]] = {}
        self.speakers: list[tuple[int, int]] = []  # (start, index) of the speakers resolved so far

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end)."""
        low, high = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        return self.mentions[low:high]

    def before(self, offset: int, *, people: bool = False, last: int = 200) -> list[Mention]:
        """The `last` mentions (or people) ending by `offset`, the nearest first; names never
        overlap, so only the last one before `offset` can reach past it."""
        starts, mentions = (
            (self.people_starts, self.people) if people else (self.mention_starts, self.mentions)
        )
        count = bisect_left(starts, offset)
        if count and mentions[count - 1].span.end > offset:
            count -= 1
        return mentions[max(0, count - last) : count][::-1]

    def surnames(self) -> list[tuple[int, Mention]]:
        """Every later use of a full name's surname, with the full mention it refers back to."""
        if self._surnames is None:
            found: list[tuple[int, Mention]] = []
            names = {m.name.split()[-1] for m in self.people}
            for start, end in whole_words(self.text, names):
                fulls = self.by_surname.get(self.text[start:end].lower(), [])
                earlier = [m for m in fulls if m.span.end <= start]
                if earlier:
                    found.append((start, earlier[-1]))
            self._surnames = found
        return self._surnames

    def documents(self) -> list[tuple[int, str]]:
        """Each report named, with its author, in text order."""
        if self._documents is None:
            self._documents = sorted(
                [(m.start(), m.group(2)) for m in _DOCUMENT_BY.finditer(self.text)]
                + [(m.start(), m.group(1)) for m in _DOCUMENT_OF.finditer(self.text)]
            )
        return self._documents

    def occurrences(self, word: str) -> list[int]:
        if word not in self._occurrences:
            self._occurrences[word] = [start for start, _ in whole_words(self.text, {word})]
        return self._occurrences[word]


def resolve_speakers(
    text: str,
    speakers: Sequence[Span | None],
    words: NameWords,
    *,
    known: Sequence[str | KnownPerson] = (),
    sentences: Sequence[Span] = (),
    headline: Span | None = None,
    descriptions: Sequence[Span | None] = (),
    party_of: Callable[[str], str | None] | None = None,
) -> list[Entity | None]:
    """The entity each speaker refers to, in text order of the speakers given (see the module's
    rules). `known` are lexicon people (full names, or with title and party); `sentences` the
    article's sentence spans (found with a simple full-stop rule when not given); `headline` the
    title line, if any; `descriptions` each speaker's apposition ("the federation's president,
    Helen Ortega"); `party_of` the party a phrase names, to tell whose "chief executive" is meant."""
    starts = (
        [span.start for span in sentences]
        if sentences
        else [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    )
    people = [k if isinstance(k, KnownPerson) else KnownPerson(k) for k in known]
    article = _Article(text, words, people, starts, headline, party_of)
    entities: list[Entity | None] = []
    for index, speaker in enumerate(speakers):
        entity = None
        if speaker is not None:
            entity = _resolve(article, speaker, speakers, entities)
            description = descriptions[index] if index < len(descriptions) else None
            if (entity is None or entity.kind == "group") and description is not None:
                entity = _named_in(article, description) or entity
            insort(article.speakers, (speaker.start, index))
        entities.append(entity)
    return entities


def _named_in(article: _Article, description: Span) -> Entity | None:
    """The person an apposition names: "the federation's president, Helen Ortega"."""
    for mention in article.mentions_within(description.start, description.end):
        inside = mention.kind == "person" and mention.span.end <= description.end
        if inside and not article.text[description.start : mention.span.start].strip(" ,"):
            return Entity(mention.name, mention.context)
    return None


def _resolve(
    article: _Article,
    speaker: Span,
    speakers: Sequence[Span | None],
    earlier: Sequence[Entity | None],
) -> Entity | None:
    text, words = article.text, article.words
    said = speaker.text(text)
    if said in words.person_pronouns:
        return _antecedent(article, speaker, speakers, earlier, person=True)
    if said in words.group_pronouns:
        return _antecedent(article, speaker, speakers, earlier, person=False)
    inside = [
        m
        for m in article.mentions_within(speaker.start, speaker.end)
        if m.span.end <= speaker.end and _heads(text, speaker, m, words)
    ]
    person = next((m for m in inside if m.kind == "person"), None)
    if person is not None:
        return Entity(person.name, person.context)
    for names in article.known.values():
        for name in names:
            if name in said:
                return Entity(name, None)
    short = _short_name(said, words)
    if short and not inside:
        found = _by_short_name(article, speaker, short)
        if found is not None and found.kind == "name" and _in(article.headline, speaker):
            return _described(article, speaker, said) or found  # "Federation says ..."
        return found
    if inside:
        return Entity(inside[0].name, None, "organisation")
    return _described(article, speaker, said) or _named_after(article, speaker)


def _named_after(article: _Article, speaker: Span) -> Entity | None:
    """The person named in an apposition right after the speaker: "a shopkeeper on Harbour
    Street, Ben Ash, said" (where the attributor kept the first noun phrase as the speaker)."""
    if not article.text.startswith(", ", speaker.end):
        return None
    mention = article.person_at.get(speaker.end + 2)
    return Entity(mention.name, mention.context) if mention is not None else None


_PREPOSITIONS = frozenset(
    {"for", "of", "at", "on", "with", "from", "in", "to", "by", "near", "about"}
)


def _heads(text: str, speaker: Span, mention: Mention, words: NameWords) -> bool:
    """Whether a name inside a speaker is who speaks, not an affiliation or a place: "Joe
    Mulligan" in "Joe Mulligan with Railroad Workers United", not "Harbour Street" in "a
    shopkeeper on Harbour Street" nor "Halden University" in "researchers at Halden University"."""
    before = text[speaker.start : mention.span.start].split()
    if mention.kind == "organisation":
        return all(w.lower() in {"the", "a", "an"} for w in before)
    return not before or before[-1] not in _PREPOSITIONS


def _by_short_name(article: _Article, speaker: Span, short: str) -> Entity | None:
    candidates = article.by_surname.get(short.split()[-1].lower(), [])
    before = [m for m in candidates if m.span.end <= speaker.start and _ends_with(m.name, short)]
    anywhere = [m for m in candidates if _ends_with(m.name, short)]
    chosen = before[-1] if before else (anywhere[0] if anywhere else None)
    if chosen is not None:
        return Entity(chosen.name, chosen.context)
    lexicon = [n for n in article.known.get(short.split()[-1].lower(), []) if _ends_with(n, short)]
    if len(lexicon) == 1:  # "Keller" for the lexicon's "Marta Keller"; two Kellers: no guess
        return Entity(lexicon[0], None)
    return Entity(short, None, "name")


def _short_name(said: str, words: NameWords) -> str:
    """A surname as a speaker: "Ryabkov", "Ms. Keller", "De Mistura", "al-Assad" (the name only)."""
    tokens = said.split()
    if all(t.lower() in words.titles for t in tokens):
        return ""  # "Minister", "the Senator": a description, not a name
    while tokens and tokens[0].lower() in words.titles and len(tokens) > 1:
        tokens = tokens[1:]
    named = all(t[:1].isupper() or t.lower() in words.particles for t in tokens)
    opens = bool(tokens) and tokens[0][:1].isupper() and tokens[0].lower() not in words.non_names
    return " ".join(tokens) if 1 <= len(tokens) <= 2 and named and opens else ""


def _ends_with(name: str, short: str) -> bool:
    return name.lower().endswith(" " + short.lower()) or name.lower() == short.lower()


# --- descriptions ---------------------------------------------------------------------------------

_DESCRIPTION_LOOKBACK = 200  # earlier mentions a description may refer back to


def _described(article: _Article, speaker: Span, said: str) -> Entity | None:
    """ "the minister", "the company's chief executive", "the union", "the report"."""
    text, words = article.text, article.words
    bare = _DETERMINER.sub("", said.strip())
    owner, _, noun = bare.rpartition("’s ") if "’s " in bare else bare.rpartition("'s ")
    ahead = _in(article.headline, speaker)  # a headline's description looks into the body
    if not said[:1].islower() and not _DETERMINER.match(said) and not ahead:
        return None
    if not 1 <= noun.count(" ") + 1 <= 4 or not noun.strip():
        return None  # a description is a short noun phrase
    lowered = noun.lower().split()
    head = lowered[-1]
    if head in _DOCUMENTS:
        return _document_author(article, speaker.start, ahead=ahead)
    if head in words.organisations and not owner and not _PREPOSITIONS & set(lowered):
        named = (
            article.mentions[:_DESCRIPTION_LOOKBACK]
            if ahead
            else article.before(speaker.start, last=_DESCRIPTION_LOOKBACK)
        )
        return next(
            (
                Entity(m.name, None, "organisation")
                for m in named
                if m.kind == "organisation" and head in m.name.lower() and m.span != speaker
            ),
            None,
        )
    titled = [w for w in lowered if w in words.titles or w in _PERSON_NOUNS or w in words.feminine]
    if not titled or titled[-1] != head:
        return None
    # a title alone in a headline looks ahead into the body: "Minister urges talks"
    order = (
        article.people[:_DESCRIPTION_LOOKBACK]
        if ahead
        else article.before(speaker.start, people=True, last=_DESCRIPTION_LOOKBACK)
    )
    for mention in order:
        introduced = mention.context.text(text).lower()
        if mention.apposition is not None:
            introduced += " " + mention.apposition.text(text).lower()
        if all(whole_words(introduced, {w}) for w in titled):
            return Entity(mention.name, mention.context)
    return _known_by_title(article, speaker, lowered, owner)


def _known_by_title(
    article: _Article, speaker: Span, titled: Sequence[str], owner: str
) -> Entity | None:
    """A lexicon person whose title holds all the description's words ("school board chair" is
    not the chair of the Harbour Authority): the latest one already named in the article, else
    the only one (of the owner's party: "the company's chief executive" is the chief executive
    of the latest company named)."""
    fits = [
        person
        for person in article.people_known
        if all(whole_words(person.title.lower(), {w}) for w in titled)
    ]
    if not fits:
        return None
    latest: list[tuple[int, KnownPerson]] = []
    for person in fits:
        seen = article.occurrences(person.name.split()[-1])
        before = bisect_left(seen, speaker.start)
        if before:
            latest.append((seen[before - 1], person))
    if latest:
        return Entity(max(latest, key=lambda item: item[0])[1].name, None)
    if owner and article.party_of is not None:
        named = [m for m in article.before(speaker.start) if m.kind == "organisation"]
        party = article.party_of(named[0].name) if named else None
        fits = [p for p in fits if p.party == party]
    return Entity(fits[0].name, None) if len(fits) == 1 else None


def _document_author(article: _Article, offset: int, *, ahead: bool) -> Entity | None:
    """Who published the report a speaker refers to: the latest named before it ("a report by
    the Harbour Authority"), or from a headline the body's first."""
    documents = article.documents()
    if ahead:
        return Entity(documents[0][1], None, "organisation") if documents else None
    before = bisect_left(documents, (offset, ""))
    return Entity(documents[before - 1][1], None, "organisation") if before else None


def _in(span: Span | None, inner: Span) -> bool:
    return span is not None and span.start <= inner.start and inner.end <= span.end


# --- pronouns -------------------------------------------------------------------------------------


def _antecedent(
    article: _Article,
    pronoun: Span,
    speakers: Sequence[Span | None],
    earlier: Sequence[Entity | None],
    *,
    person: bool,
) -> Entity | None:
    """The entity a pronoun refers back to (rule 5 of the module docstring)."""
    text, words = article.text, article.words
    wanted = {"he": "m", "she": "f"}.get(text[pronoun.start : pronoun.end].lower(), "")
    starts = article.sentence_starts
    own = bisect_right(starts, pronoun.start) - 1
    window = starts[max(0, own - _PRONOUN_LOOKBACK)] if own >= 0 else 0
    # (position, from a speaker?, entity), all within the sentences looked at
    candidates: list[tuple[int, bool, Entity]] = []
    for mention in article.mentions_within(window, pronoun.start):
        if mention.span.end > pronoun.start:
            continue
        if person and mention.kind == "person" and mention.gender in ("", wanted):
            candidates.append((mention.span.start, False, Entity(mention.name, mention.context)))
        elif not person and mention.kind == "organisation":
            candidates.append(
                (mention.span.start, False, Entity(mention.name, None, "organisation"))
            )
    if person:
        surnames = article.surnames()
        low = bisect_left(surnames, (window,), key=lambda item: (item[0],))
        for position, mention in surnames[low:]:
            if position >= pronoun.start:
                break
            if mention.gender in ("", wanted):
                candidates.append((position, False, Entity(mention.name, mention.context)))
    pronouns = words.person_pronouns | words.group_pronouns
    low = bisect_left(article.speakers, (window, -1))
    for start, index in article.speakers[low:]:
        speaker, entity = speakers[index], earlier[index]
        if start >= pronoun.start or speaker is None or speaker.end > pronoun.start:
            continue
        if speaker.text(text) in pronouns:
            if entity is not None and (entity.kind in ("person", "name")) == person:
                candidates.append((start, True, entity))
        elif person and entity is not None and entity.kind in ("person", "name"):
            if article.gender.get(entity.name, "") in ("", wanted):
                candidates.append((start, True, entity))
        elif not person and (entity is None or entity.kind != "person"):
            candidates.append((start, True, entity or Entity(speaker.text(text), None, "group")))
    by_sentence: dict[int, list[tuple[int, bool, Entity]]] = {}
    for candidate in candidates:
        by_sentence.setdefault(bisect_right(starts, candidate[0]) - 1, []).append(candidate)
    for sentence in range(own, max(-1, own - _PRONOUN_LOOKBACK - 1), -1):
        here = by_sentence.get(sentence)
        if here:
            # a statement's speaker first, then the one named first (the subject)
            return min(here, key=lambda c: (not c[1], c[0]))[2]
    return None
