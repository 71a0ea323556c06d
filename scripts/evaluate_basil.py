"""How well the author's portrayal of each party agrees with BASIL's annotators.

BASIL (Fan et al., EMNLP 2019; github.com/launchnlp/BASIL, second release) annotates, for each
article, the author's sentiment toward each main entity (`author_feeling_<Entity>`: neg, neu,
pos) and spans of lexical and informational bias. This script runs the pipeline on the articles of
the years given (default 2010 to 2014, the development years; the others are never read) and
reports:

- Cohen's kappa and accuracy of the `author` label toward each main entity against the annotators,
  per signal (mention, loaded, label, verb) and combined, with always-neutral beside them;
- the share of BASIL's lexical-bias spans in the narration that hold one of our signals (loaded
  word, label, reporting cue), against length-matched random windows of the same articles.

Each entity gets a party lexicon entry written from its name alone, as a researcher would write
it (`entity_party`): the name, a person's surname, an organisation's acronym, the party words
"GOP"/"Democratic", and the head of a "X officials"/"X campaign" phrase; nothing is taken from the
annotations. Nothing of BASIL is written anywhere.

    .venv/bin/python scripts/evaluate_basil.py /path/to/BASIL [--years 2010-2014] [--threshold T]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from research import portrayals
from research.lexicons import Party, PartyLexicon, Person
from research.pipeline import Lexicons, analyze, load_lexicons

LABELS = ("negative", "neutral", "positive")
GOLD = {"neg": "negative", "neu": "neutral", "pos": "positive"}
DEVELOPMENT_YEARS = "2010-2014"
RANDOM_WINDOWS = 20  # random windows per bias span
SEED = 20191103


# --- the articles and their entities -------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    doc: str
    title: str
    source: str
    text: str
    sentence_starts: dict[tuple[int, int], int]  # (paragraph, sentence) -> offset in text
    sentences: list[list[str]]
    entities: list[str]
    gold: dict[str, str]  # entity -> negative / neutral / positive
    lexical_spans: list[tuple[int, int]]  # BASIL lexical-bias spans outside quotes, in text


def years(spec: str) -> list[str]:
    first, _, last = spec.partition("-")
    return [str(y) for y in range(int(first), int(last or first) + 1)]


def read_articles(root: Path, chosen: Sequence[str]) -> Iterator[Article]:
    for year in chosen:
        for path in sorted((root / "articles" / year).glob("*.json")):
            annotation = root / "annotations" / year / f"{path.stem}_ann.json"
            if annotation.is_file():
                yield _article(path, annotation)


def _article(path: Path, annotation_path: Path) -> Article:
    data = json.loads(path.read_text(encoding="utf-8"))
    annotation = json.loads(annotation_path.read_text(encoding="utf-8"))
    paragraphs = data["body-paragraphs"]
    pieces, starts, offset = [], {}, 0
    for p, sentences in enumerate(paragraphs):
        for s, sentence in enumerate(sentences):
            if s > 0:
                pieces.append(" ")
                offset += 1
            starts[(p, s)] = offset
            pieces.append(sentence)
            offset += len(sentence)
        pieces.append("\n\n")
        offset += 2
    text = "".join(pieces)
    feelings = annotation["article-level-annotations"]
    gold = {}
    for entity in data["main-entities"]:
        value = feelings.get(f"author_feeling_{entity.replace(' ', '_')}")
        if value in GOLD:
            gold[entity] = GOLD[value]
    spans = []
    for phrase in annotation["phrase-level-annotations"]:
        if phrase.get("bias") != "lex" or phrase.get("quote") != "no":
            continue
        where = _locate(paragraphs, starts, phrase)
        if where is not None:
            spans.append(where)
    return Article(path.stem, data.get("title") or "", data.get("source") or "", text, starts,
                   paragraphs, list(data["main-entities"]), gold, spans)  # fmt: skip


def _locate(
    paragraphs: list[list[str]], starts: dict[tuple[int, int], int], phrase: dict[str, object]
) -> tuple[int, int] | None:
    """A phrase's offsets in the joined text: its offsets are within a sentence it does not name,
    so the sentence is the one holding its text at those offsets."""
    start, end, words = int(str(phrase["start"])), int(str(phrase["end"])), str(phrase["txt"])
    for p, sentences in enumerate(paragraphs):
        for s, sentence in enumerate(sentences):
            if sentence[start:end] == words:
                return starts[(p, s)] + start, starts[(p, s)] + end
    return None


# --- a party lexicon entry per entity, from its name ----------------------------------------------

_GENERIC_HEADS = {"officials", "lawmakers", "leaders", "campaign", "administration", "programs",
                  "bill", "attacks", "rule", "companies"}  # fmt: skip
_PARTY_WORDS = {
    "Republicans": ["Republicans", "Republican", "GOP"],
    "Democrats": ["Democrats", "Democratic", "Democrat"],
    "Republican": ["Republicans", "Republican", "GOP"],
    "Democratic": ["Democrats", "Democratic", "Democrat"],
    "GOP": ["GOP", "Republican"],
}
_SMALL = {"of", "for", "and", "the", "on", "in"}


def entity_party(entity: str, others: Sequence[str]) -> Party:
    """The lexicon entry a researcher would write for a BASIL entity, from its name alone."""
    name = entity if any(c.isupper() for c in entity) else entity.title()
    words = name.replace("’", "'").split()
    names = [name, entity]
    people: list[Person] = []
    if " and " in name and len(words) == 4:  # "Sasha and Malia Obama"
        names += [words[0], words[2]]
    elif _person(words):
        people.append(Person(name))
        names.append(words[-1])
    else:
        if words[-1].lower() in _GENERIC_HEADS and len(words) > 1:
            head = " ".join(words[:-1]).removesuffix("'s")
            names.append(head if not _person(head.split()) else f"{head} {words[-1]}")
            names.append(f"the {words[-1].lower()}")
            if words[-1].lower() == "administration":
                names.append("White House")
        capitals = [w for w in words if w[0].isupper() and w.lower() not in _SMALL]
        if len(capitals) >= 3:
            names.append("".join(w[0] for w in capitals))  # "National Rifle Association": NRA
        for word in words:
            names += _PARTY_WORDS.get(word, [])
        if words[-1].endswith("s") and words[-1][0].isupper():
            names.append(" ".join([*words[:-1], words[-1][:-1]]))  # "Catholics": "Catholic"
        if name.lower() in ("protestors", "protesters"):
            names += ["protesters", "protestors", "demonstrators"]
        if name.lower() == "supreme court":
            names += ["Supreme Court", "the court", "justices"]
        if name.startswith("U.S. "):
            names.append(name.removeprefix("U.S. "))
    # A word that names another entity of the article is left to that entity ("Obama" in "Obama
    # campaign" is Barack Obama's).
    taken = {w for other in others if other != entity for w in _own_words(other)}
    kept = [n for n in dict.fromkeys(names) if n not in taken or n in (name, entity)]
    return Party(entity, "party", names=tuple(kept), people=tuple(people))


def _person(words: Sequence[str]) -> bool:
    group = {"officials", "lawmakers", "leaders", "campaign", "administration", "court", "party",
             "department", "association", "service", "congress", "now", "programs"}  # fmt: skip
    return (
        2 <= len(words) <= 3
        and all(w[0].isupper() for w in words)
        and not any(w.lower() in group for w in words)
        and not any(w in _PARTY_WORDS for w in words)
    )


def _own_words(entity: str) -> list[str]:
    words = entity.split()
    return [entity, words[-1]] if _person(words) else [entity]


# --- running and scoring -------------------------------------------------------------------------


def cohen_kappa(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Cohen's kappa (Cohen 1960): agreement beyond what the two label distributions give by
    chance. 0 for a constant prediction."""
    observed = np.mean([g == p for g, p in zip(gold, predicted, strict=True)])
    chance = sum(
        (gold.count(label) / len(gold)) * (list(predicted).count(label) / len(predicted))
        for label in LABELS
    )
    return 0.0 if chance == 1 else float((observed - chance) / (1 - chance))


def run(
    articles: Sequence[Article], threshold: float, min_evidence: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per article and entity: gold and each signal's label; per bias span coverage)."""
    base = load_lexicons()
    rows, coverage = [], []
    rng = random.Random(SEED)
    for article in articles:
        parties = PartyLexicon(tuple(entity_party(e, article.entities) for e in article.entities))
        lexicons = Lexicons(base.cues, parties, base.names, base.tags, labels=base.labels)
        frame = pd.DataFrame(
            {"doc": [article.doc], "text": [article.text], "title": [article.title]}
        )
        analysis = analyze(frame, lexicons)
        author = analysis.portrayals[analysis.portrayals["by"] == "author"].set_index("party")
        # for comparison: the author's and the quoted sources' observations pooled
        pooled = portrayals.summarize(analysis.portrayal_evidence, by=("party",)).set_index("party")
        for entity, gold in article.gold.items():
            row = {"doc": article.doc, "source": article.source, "entity": entity, "gold": gold}
            found = author.loc[entity] if entity in author.index else None
            for column, name in [("score", "combined"), ("mention", "mention"),
                                 ("loaded", "loaded"), ("label_signal", "label"), ("verb", "verb")]:  # fmt: skip
                value = float(found[column]) if found is not None else float("nan")
                row[f"{name}_score"] = value
                # each signal alone: the threshold alone; combined: the whole rule
                scored = int(found["scored"]) if found is not None and name == "combined" else None
                row[name] = portrayals.label_of(
                    value, scored=scored, threshold=threshold, min_evidence=min_evidence
                )
            for column in ("low", "high", "scored", "n"):
                row[column] = found[column] if found is not None else float("nan")
            value = float(pooled.loc[entity, "score"]) if entity in pooled.index else float("nan")
            row["author and sources_score"] = value
            scored = int(pooled.loc[entity, "scored"]) if entity in pooled.index else 0
            row["author and sources"] = portrayals.label_of(
                value, scored=scored, threshold=threshold, min_evidence=min_evidence
            )
            rows.append(row)
        coverage.extend(_coverage(article, analysis, rng))
    return pd.DataFrame(rows), pd.DataFrame(coverage)


def _coverage(
    article: Article, analysis: object, rng: random.Random
) -> Iterator[dict[str, object]]:
    """For each lexical-bias span in the narration: does a signal overlap it, and how often does
    one overlap a random window of the same length in the same article's narration."""
    evidence = analysis.portrayal_evidence  # type: ignore[attr-defined]
    labels = analysis.labels  # type: ignore[attr-defined]
    statements = analysis.statements  # type: ignore[attr-defined]
    signals = [
        (int(r.start), int(r.end))
        for r in evidence.itertuples()
        if r.signal in ("loaded", "label", "verb")
    ]
    signals += [(int(a), int(b)) for a, b in zip(labels["start"], labels["end"], strict=True)]
    contents = [(a, b) for spans in statements["content_spans"] for a, b in spans]

    def narration(start: int, end: int) -> bool:
        return not any(a <= start and end <= b for a, b in contents)

    def hit(start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in signals)

    length = len(article.text)
    for start, end in article.lexical_spans:
        if not narration(start, end):
            continue
        width = end - start
        windows = []
        while len(windows) < RANDOM_WINDOWS and length > width:
            s = rng.randrange(0, length - width)
            if narration(s, s + width) and article.text[s : s + width].strip():
                windows.append(s)
        yield {
            "doc": article.doc,
            "width": width,
            "span_hit": hit(start, end),
            "random_hit": float(np.mean([hit(s, s + width) for s in windows]))
            if windows
            else np.nan,
        }


def report(
    results: pd.DataFrame, coverage: pd.DataFrame, threshold: float, min_evidence: int
) -> str:
    gold = results["gold"].tolist()
    lines = [
        f"{len(results)} entity judgements in {results['doc'].nunique()} articles "
        f"(gold: {results['gold'].value_counts().to_dict()}); label threshold {threshold:.2f}, "
        f"at least {min_evidence} scored observations (combined)",
        "",
        "| signal | has evidence | not neutral | accuracy | kappa | kappa where it has evidence "
        "| negative P/R |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    names = (
        "always neutral",
        "mention",
        "loaded",
        "label",
        "verb",
        "combined",
        "author and sources",
    )
    for name in names:
        predicted = ["neutral"] * len(gold) if name == "always neutral" else results[name].tolist()
        fires = sum(p != "neutral" for p in predicted)
        accuracy = float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)]))
        neg_predicted = [g for g, p in zip(gold, predicted, strict=True) if p == "negative"]
        precision = (
            neg_predicted.count("negative") / len(neg_predicted) if neg_predicted else float("nan")
        )
        recall = neg_predicted.count("negative") / max(gold.count("negative"), 1)
        if name == "always neutral":
            present = [True] * len(gold)
        else:
            present = results[f"{name}_score"].notna().tolist()
        where = [(g, p) for g, p, keep in zip(gold, predicted, present, strict=True) if keep]
        local = cohen_kappa([g for g, _ in where], [p for _, p in where]) if where else float("nan")
        lines.append(
            f"| {name} | {sum(present)} | {fires} | {accuracy:.3f} | "
            f"{cohen_kappa(gold, predicted):.3f} | {local:.3f} | {precision:.2f}/{recall:.2f} |"
        )
    if not coverage.empty:
        lines += [
            "",
            f"lexical-bias spans in the narration: {len(coverage)}; holding a signal: "
            f"{coverage['span_hit'].mean():.3f}; length-matched random windows: "
            f"{coverage['random_hit'].mean():.3f}",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basil", type=Path, help="the BASIL folder (articles/, annotations/)")
    parser.add_argument("--years", default=DEVELOPMENT_YEARS, help="e.g. 2010-2014")
    parser.add_argument("--threshold", type=float, default=portrayals.THRESHOLD)
    parser.add_argument("--min-evidence", type=int, default=portrayals.MIN_EVIDENCE)
    parser.add_argument("--rows", type=Path, help="write the per-entity predictions here (CSV)")
    args = parser.parse_args(argv)
    if not (args.basil / "articles").is_dir():
        print(f"error: {args.basil}: no articles/ folder (a BASIL checkout?)", file=sys.stderr)
        return 1
    articles = list(read_articles(args.basil, years(args.years)))
    results, coverage = run(articles, args.threshold, args.min_evidence)
    print(report(results, coverage, args.threshold, args.min_evidence))
    if args.rows is not None:
        results.to_csv(args.rows, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
