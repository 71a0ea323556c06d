"""A corpus for benchmarks: synthetic news articles, or a user's own corpus repeated to size.

The synthetic articles are wire-style reports on the Syrian war, built by recombining sentence
templates: direct quotes with the tag after, inverted or before a colon; reported speech with and
without "that"; "according to" at either end; mixed quotes; participial "adding ..." follow-ups;
and plain narration between them. Speakers are people introduced in full ("Russian Deputy Foreign
Minister Sergei Ryabkov") and then by surname or pronoun, groups ("rebel leaders"), institutions
and agencies, most of them in the bundled party lexicon and some not (so some stay unresolved).
Some articles repeat a paragraph or carry a stray " |", as scraped pages do. Each article has an
outlet (a dozen) and a date in 2016, so a batch split by outlet or month has parts.

The generator is seeded: the same arguments give the same bytes. PolNeAR and other licensed
corpora are not bundled; pass your own with --from to benchmark on real text.

    python benchmarks/corpus.py --articles 5000 -o /tmp/corpus.jsonl
    python benchmarks/corpus.py --articles 5000 --from my-articles/ -o /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OUTLETS = (
    "Reuters", "AFP", "Associated Press", "The Guardian", "The New Arab", "Al Jazeera",
    "BBC News", "The New York Times", "The Washington Post", "RT", "TASS", "Anadolu",
)  # fmt: skip
CITIES = ("Aleppo", "Idlib", "Homs", "Geneva", "Astana", "Raqqa", "Damascus", "Ankara", "Moscow")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "earlier this week", "late on Sunday", "in a statement")  # fmt: skip


@dataclass(frozen=True)
class Person:
    name: str
    title: str  # the words before the name at first mention
    pronoun: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


PEOPLE = (
    Person("Sergei Ryabkov", "Russian Deputy Foreign Minister", "he"),
    Person("Sergei Lavrov", "Russian Foreign Minister", "he"),
    Person("John Kerry", "US Secretary of State", "he"),
    Person("Samantha Power", "US Ambassador to the United Nations", "she"),
    Person("Staffan de Mistura", "UN Special Envoy for Syria", "he"),
    Person("Jan Egeland", "UN humanitarian adviser", "he"),
    Person("Walid al-Muallem", "Syrian Foreign Minister", "he"),
    Person("Bashar al-Jaafari", "Syrian Ambassador", "he"),
    Person("Riad Hijab", "opposition coordinator", "he"),
    Person("Mevlut Cavusoglu", "Turkish Foreign Minister", "he"),
    Person("Maria Lopez", "Carnegie Endowment analyst", "she"),  # in no lexicon
    Person("Ahmed Khatib", "east Aleppo doctor", "he"),  # in no lexicon
)
GROUPS = (
    "Russian officials", "rebel leaders", "opposition activists", "UN monitors",
    "Turkish officials", "the Syrian Observatory for Human Rights", "the White House",
    "the Kremlin", "Syrian state media", "medics", "analysts", "diplomats", "the UN",
    "Opposition officials who spoke to Reuters", "residents of the eastern districts",
    "the Free Syrian Army", "US officials", "the Syrian army", "aid workers", "Moscow",
)  # fmt: skip
CLAUSES = (
    "no deal had been reached on the withdrawal of fighters",
    "the ceasefire was largely holding across the north of the country",
    "the convoy would leave at dawn if the guarantees were confirmed",
    "hundreds of civilians had fled the besieged districts overnight",
    "talks in {city} would resume after the weekend",
    "the proposal offered rebel fighters safe passage to {city}",
    "government troops controlled most of the old city",
    "more than 300 people had been killed in the past two weeks",
    "the humanitarian situation was the worst since the war began",
    "aid deliveries had been blocked at checkpoints outside {city}",
    "the agreement would be implemented over a 48-hour period",
    "the rebels remained capable of pushing back the advance",
    "Washington had failed to separate moderate groups from militants",
    "Moscow was prepared to guarantee the safety of those who stayed",
    "the evacuation had been suspended because of heavy shelling",
    "there was no military solution to the conflict",
    "the strikes had hit a hospital and a bakery in {city}",
    "the talks had been constructive but difficult",
)  # fmt: skip
QUOTES = (
    "We will not leave our homes while the shelling continues",
    "The issue of withdrawing militants is the subject of separate agreements",
    "This agreement has not yet been reached, largely because of unacceptable terms",
    "There is no time to lose: people are dying every hour",
    "We are ready to guarantee safe passage for everyone who wants to leave",
    "The battle for {city} is at the last steps",
    "Nobody should be forced to choose between starvation and surrender",
    "We have received no proposal and we will respond to none",
    "The world is watching and it will judge us by what we do now",
    "Our forces will continue to fight terrorism wherever it is found",
    "It is a humanitarian catastrophe of historic proportions",
    "The ceasefire is fragile, but it is holding",
)  # fmt: skip
FRAGMENTS = ("unacceptable", "a step in the right direction", "at the last steps",
             "worst since World War II", "a humanitarian disaster", "premature")  # fmt: skip
NARRATION = (
    "Fighting continued in the eastern districts of {city} {day}.",
    "Thousands have fled the besieged districts in the past two weeks amid large-scale advances.",
    "The city has been divided between government and rebel control since 2012.",
    "Aerial campaigns carried out by Syrian and Russian aircraft continued overnight.",
    "Troops loyal to President Bashar al-Assad are now said to control most of the city.",
    "The specifics of the deal include a 48-hour period for the withdrawal.",
    "Previous ceasefires collapsed within days amid mutual accusations of violations.",
    "Food and medicine have run short in the besieged areas, residents say.",
    "The talks in {city} are the third round this year.",
    "Convoys of green buses waited at the crossing point for most of the day.",
)  # fmt: skip
HEADLINES = (
    "Safe exit deal presented to {city} rebels",
    "Talks on {city} ceasefire stall",
    "Thousands flee as troops advance in {city}",
    "Diplomats meet in {city} as fighting continues",
    "Evacuation of {city} suspended",
    "UN warns of catastrophe in {city}",
)  # fmt: skip


class Writer:
    """One article's sentences, keeping track of who has been introduced."""

    def __init__(self, rng: random.Random, city: str):
        self.rng = rng
        self.city = city
        self.introduced: set[str] = set()
        self.last: Person | None = None

    def fill(self, template: str) -> str:
        return template.format(city=self.city, day=self.rng.choice(DAYS))

    def speaker(self, *, subject: bool = True) -> str:
        """A person (in full, then by surname or pronoun) or a group."""
        if self.rng.random() < 0.45:
            return self.rng.choice(GROUPS)
        person = self.rng.choice(PEOPLE)
        if person.name not in self.introduced:
            self.introduced.add(person.name)
            self.last = person
            return f"{person.title} {person.name}"
        if subject and person is self.last and self.rng.random() < 0.5:
            return person.pronoun
        self.last = person
        return person.surname

    def clause(self) -> str:
        return self.fill(self.rng.choice(CLAUSES))

    def quote(self) -> str:
        return self.fill(self.rng.choice(QUOTES))

    def statement(self) -> str:
        shape = self.rng.randrange(10)
        day = self.rng.choice(DAYS)
        if shape == 0:
            return f"{_cap(self.speaker())} said that {self.clause()}."
        if shape == 1:
            verb = self.rng.choice(("said", "warned", "claimed", "insisted", "added"))
            return f"{_cap(self.speaker())} {verb} {self.clause()}."
        if shape == 2:
            return f"{_cap(self.clause())}, {self.speaker()} said {day}."
        if shape == 3:
            return f"“{self.quote()},” said {self.speaker(subject=False)}."
        if shape == 4:
            return f"“{self.quote()},” {self.speaker()} told reporters in {self.city}."
        if shape == 5:
            return f"{_cap(self.speaker())} told reporters {day}: “{self.quote()}.”"
        if shape == 6:
            return f"According to {self.speaker(subject=False)}, {self.clause()}."
        if shape == 7:
            return f"{_cap(self.clause())}, according to {self.speaker(subject=False)}."
        if shape == 8:
            fragment = self.rng.choice(FRAGMENTS)
            return f"{_cap(self.speaker())} said the proposal was “{fragment}” and {self.clause()}."
        return f"{_cap(self.speaker())} said {self.clause()}, adding that {self.clause()}."

    def paragraph(self) -> str:
        sentences = []
        for _ in range(self.rng.choice((1, 1, 2, 2, 3))):
            if self.rng.random() < 0.6:
                sentences.append(self.statement())
            else:
                sentences.append(self.fill(self.rng.choice(NARRATION)))
        return " ".join(sentences)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def synthesize(count: int, *, seed: int = 20161205) -> Iterator[dict[str, Any]]:
    """`count` articles as JSON Lines records (id, title, text, source, published, url)."""
    rng = random.Random(seed)
    for number in range(count):
        city = rng.choice(CITIES)
        writer = Writer(rng, city)
        title = rng.choice(HEADLINES).format(city=city)
        paragraphs = [writer.paragraph() for _ in range(rng.randint(10, 22))]
        if rng.random() < 0.05:  # a repeated paragraph, as scraped pages have
            paragraphs.insert(rng.randrange(1, len(paragraphs)), rng.choice(paragraphs))
        if rng.random() < 0.05:  # a stray separator left by a page layout
            index = rng.randrange(len(paragraphs))
            paragraphs[index] += " |"
        source = rng.choice(OUTLETS)
        published = f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        slug = title.lower().replace(" ", "-")
        yield {
            "id": f"synthetic-{number:06d}",
            "title": title,
            "text": "\n".join([title, *paragraphs]) + "\n",
            "source": source,
            "published": published,
            "url": f"https://example.org/{published}/{slug}-{number}",
        }


def recycle(paths: Sequence[str], count: int) -> Iterator[dict[str, Any]]:
    """A user's corpus repeated (ids suffixed "~2", "~3", ...) until it has `count` articles."""
    from research import io

    made = 0
    round_ = 1
    while made < count:
        for batch in io.iter_article_batches(paths):
            for row in batch.to_dict("records"):
                if made == count:
                    return
                doc = row["doc"] if round_ == 1 else f"{row['doc']}~{round_}"
                record = {"id": doc, "text": row["text"]}
                for key in ("title", "source", "published", "url"):
                    record[key] = None if row[key] is None or row[key] != row[key] else row[key]
                yield record
                made += 1
        round_ += 1


def write_corpus(
    path: Path, count: int, *, seed: int = 20161205, sources: Sequence[str] = ()
) -> Path:
    """Write `count` articles as JSON Lines to `path`: synthetic, or recycled from `sources`."""
    records = recycle(sources, count) if sources else synthesize(count, seed=seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20161205)
    parser.add_argument("--from", dest="sources", nargs="+", default=(), metavar="PATH",
                        help="Repeat this corpus (files or folders) instead of synthesizing.")  # fmt: skip
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    write_corpus(args.output, args.articles, seed=args.seed, sources=args.sources)


if __name__ == "__main__":
    main()
