"""How well the author's portrayal of each party agrees with BASIL's annotators.

BASIL (Fan et al., EMNLP 2019; github.com/launchnlp/BASIL, second release) annotates, for each
article, the author's sentiment toward each main entity (`author_feeling_<Entity>`: neg, neu,
pos) and spans of lexical and informational bias. This script runs the pipeline on the articles of
the years given (default 2010 to 2014, the development years; the others are never read) and
reports:

- Cohen's kappa and accuracy of the `author` label toward each main entity against the annotators,
  with always-neutral beside them: each signal alone (mention, loaded, label, verb), the mean rule
  (portrayals.LABEL_RULE), the shipped per-article rule (portrayals.AUTHOR_RULE), a salience-only
  rule and a logistic combiner of 14 per-entity features. Every value a rule or a combiner
  chooses (thresholds, weights) is chosen by cross-validation grouped by event (BASIL has three
  outlets' articles per event): leave one event out, and 5 folds of whole events; the kappas
  printed are the cross-validated ones, but for the last row (the shipped values, in-sample);
  beside the shipped rule, the same rule with the reported events (loaded.toml class event)
  summed into its lean at a weight the folds choose;
- the share of BASIL's lexical-bias spans in the narration that hold one of our signals (loaded
  word, label, reporting cue), against length-matched random windows of the same articles.

Each entity gets a party lexicon entry written from its name alone, as a researcher would write
it (`entity_party`): the name, a person's surname, an organisation's acronym, the party words
"GOP"/"Democratic", and the head of a "X officials"/"X campaign" phrase; nothing is taken from the
annotations. Nothing of BASIL is written anywhere.

    .venv/bin/python scripts/evaluate_basil.py /path/to/BASIL [--years 2010-2014] [--threshold T]
        [--role-nouns] [--rows FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
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


def event_of(doc: str) -> str:
    """The event an article reports: BASIL names its three articles of an event <event>_<1..3>."""
    return doc.rsplit("_", 1)[0]


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


def entity_party(entity: str, others: Sequence[str], text: str = "") -> Party:
    """The lexicon entry a researcher would write for a BASIL entity, from its name alone (and,
    given the article's `text`, the name spelled as the text spells it: "Chick-fil-A" for the
    entity "Chick-Fil-A", since party terms match case-sensitively)."""
    name = entity if any(c.isupper() for c in entity) else entity.title()
    if text and name not in text:
        found = re.search(_spellings(name), text, re.IGNORECASE)
        name = found.group() if found else name
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


def _spellings(name: str) -> str:
    """A pattern for the name however the text spells it: any case, and a hyphen, a space or
    nothing between its letters where the name has one of them or none ("Walmart" finds
    "Wal-Mart", "Chick-Fil-A" finds "Chick-fil-A")."""
    letters = [c for c in name if c not in "- "]
    return r"(?<!\w)" + r"[- ]?".join(re.escape(c) for c in letters) + r"(?!\w)"


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
    """(one row per article and entity: gold, each signal's mean, the shipped labels and the
    features the cross-validation chooses from; per bias span coverage)."""
    base = load_lexicons()
    rows, coverage = [], []
    rng = random.Random(SEED)
    for article in articles:
        parties = PartyLexicon(
            tuple(entity_party(e, article.entities, article.text) for e in article.entities)
        )
        lexicons = Lexicons(base.cues, parties, base.names, base.tags, labels=base.labels)
        frame = pd.DataFrame(
            {"doc": [article.doc], "text": [article.text], "title": [article.title]}
        )
        analysis = analyze(frame, lexicons)
        author = analysis.portrayals[analysis.portrayals["by"] == "author"].set_index("party")
        features = signal_features(analysis.portrayal_evidence, analysis.prominence)
        # for comparison: the author's and the quoted sources' observations pooled
        pooled = portrayals.summarize(analysis.portrayal_evidence, by=("party",)).set_index("party")
        for entity, gold in article.gold.items():
            row: dict[str, object] = {"doc": article.doc, "event": event_of(article.doc),
                                      "source": article.source, "entity": entity, "gold": gold}  # fmt: skip
            for name in FEATURES:
                row[f"f_{name}"] = (
                    float(features.loc[entity, name]) if entity in features.index else 0.0
                )
            found = author.loc[entity] if entity in author.index else None
            # the shipped author label (AUTHOR_RULE, its values chosen on these years)
            row["author rule"] = str(found["label"]) if found is not None else "neutral"
            for column, name in [("score", "mean rule"), ("mention", "mention"),
                                 ("loaded", "loaded"), ("label_signal", "label"), ("verb", "verb")]:  # fmt: skip
                row[f"{name}_score"] = float(found[column]) if found is not None else float("nan")
            scored = int(found["scored"]) if found is not None else 0
            row["mean rule"] = portrayals.label_of(
                float(row["mean rule_score"]), scored=scored, threshold=threshold,  # type: ignore[arg-type]
                min_evidence=min_evidence,
            )  # fmt: skip
            value = float(pooled.loc[entity, "score"]) if entity in pooled.index else float("nan")
            row["author and sources_score"] = value
            scored = int(pooled.loc[entity, "scored"]) if entity in pooled.index else 0
            row["author and sources"] = portrayals.label_of(
                value, scored=scored, threshold=threshold, min_evidence=min_evidence
            )
            rows.append(row)
        coverage.extend(_coverage(article, analysis, rng))
    return pd.DataFrame(rows), pd.DataFrame(coverage)


# --- per-entity features, for the rules and the combiner the cross-validation compares ----------


FEATURES: dict[str, str] = {
    "share": "the party's share of the article's party mentions (salience)",
    "mention_sum": "the sum of its narration mentions' scores",
    "mention_count": "its narration mentions",
    "log_mentions": "log(1 + its narration mentions)",
    "mention_mean": "the mean score of its narration mentions (0 without any)",
    "negative_share": "its share of the narration's negative mention mass",
    "loaded_negative": "log(1 + negative loaded words about it in the narration)",
    "loaded_positive": "log(1 + positive loaded words about it in the narration)",
    "label_negative": "log(1 + negative labels of it in the narration)",
    "label_positive": "log(1 + positive labels of it in the narration)",
    "verb_negative": "log(1 + distancing, concessive, pejorative or accusing cues about it)",
    "doubt": "log(1 + scare quotes and 'so-called' markers tied to it)",
    "event_sum": "the sum of the scores of the events (loaded.toml class event) the narration reports of it",
    "headline": "named in the headline (0/1)",
    "speaks_in_lede": "speaks in the first two paragraphs (0/1)",
    "sources_mean": "the mean score of its mentions inside other sources' statements",
    "sources_against": "log(1 + other parties' statements against it)",
}
COMBINER_FEATURES = [n for n in FEATURES if n not in ("mention_sum", "mention_count", "event_sum")]


def signal_features(evidence: pd.DataFrame, prominence: pd.DataFrame) -> pd.DataFrame:
    """FEATURES per party of one article (indexed by party)."""
    parties = sorted(set(evidence["party"].astype(str)) | set(prominence["party"].astype(str)))
    frame = pd.DataFrame(index=pd.Index(parties, name="party"))
    mentions = prominence.set_index("party")["mentions"].astype(float).reindex(parties).fillna(0)
    flags = prominence.set_index("party").reindex(parties)
    author = evidence[evidence["by"] == "author"]
    score = author["score"].astype(float)

    def per_party(mask: pd.Series, values: pd.Series, how: str) -> pd.Series:
        grouped = values[mask].groupby(author["party"][mask].astype(str))
        return getattr(grouped, how)().reindex(parties).fillna(0.0)  # type: ignore[no-any-return]

    said = author["signal"] == "mention"
    negative_mass = (-score).clip(lower=0.0).where(said, 0.0)
    total_mass = float(negative_mass.sum())
    frame["share"] = mentions / mentions.sum() if mentions.sum() else 0.0
    frame["mention_sum"] = per_party(said, score, "sum")
    frame["mention_count"] = per_party(said, score, "count")
    frame["log_mentions"] = np.log1p(frame["mention_count"])
    frame["mention_mean"] = per_party(said, score, "mean")
    frame["negative_share"] = per_party(said, negative_mass / (total_mass or 1.0), "sum")
    for name, signal, test in [
        ("loaded_negative", "loaded", score < 0), ("loaded_positive", "loaded", score > 0),
        ("label_negative", "label", score < 0), ("label_positive", "label", score > 0),
        ("verb_negative", "verb", score < 0),
        ("doubt", "loaded", author["detail"].astype(str).str.contains("scare_marker")),
    ]:  # fmt: skip
        frame[name] = np.log1p(per_party((author["signal"] == signal) & test, score, "count"))
    event = (author["signal"] == "loaded") & author["detail"].astype(str).str.contains(
        "(event,", regex=False
    )
    frame["event_sum"] = per_party(event, score, "sum")
    frame["headline"] = flags["headline"].fillna(False).astype(float)
    frame["speaks_in_lede"] = flags["speaks_in_lede"].fillna(False).astype(float)
    sources = evidence[evidence["by"] == "sources"]
    heard = sources[sources["signal"] == "mention"]
    frame["sources_mean"] = (
        heard["score"].astype(float).groupby(heard["party"].astype(str)).mean().reindex(parties)
    ).fillna(0.0)
    against = sources[(sources["signal"] == "stance") & (sources["score"].astype(float) < 0)]
    frame["sources_against"] = np.log1p(
        against.groupby(against["party"].astype(str)).size().reindex(parties).fillna(0.0)
    )
    return frame


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


# --- cross-validation: every threshold and weight chosen without the event it is tested on -------

SIGNAL_THRESHOLDS = tuple(np.round(np.arange(0.05, 1.0001, 0.05), 2))


def _by_threshold(scores: np.ndarray, t: float) -> np.ndarray:
    return np.where(scores <= -t, "negative", np.where(scores >= t, "positive", "neutral"))


def cv_signal(results: pd.DataFrame, name: str, folds: np.ndarray) -> list[str]:
    """A signal's mean labelled by a threshold chosen on the other folds (the best kappa there)."""
    scores = results[f"{name}_score"].fillna(0.0).to_numpy(dtype=float)
    gold = results["gold"].to_numpy()
    predicted = np.empty(len(results), dtype=object)
    for fold in np.unique(folds):
        test = folds == fold
        train = ~test
        best = max(SIGNAL_THRESHOLDS, key=lambda t: (
            cohen_kappa(list(gold[train]), list(_by_threshold(scores[train], t))), t))  # fmt: skip
        predicted[test] = _by_threshold(scores[test], best)
    return list(predicted)


def choose(
    results: pd.DataFrame, folds: np.ndarray, candidates: dict[object, np.ndarray]
) -> tuple[list[str], list[object]]:
    """Each fold labelled by the candidate (a rule's values) with the best kappa on the other
    folds; and the candidate each fold chose."""
    gold = results["gold"].to_numpy()
    predicted = np.empty(len(results), dtype=object)
    chosen = []
    for fold in np.unique(folds):
        test = folds == fold
        train = ~test
        best = max(candidates, key=lambda key: (
            cohen_kappa(list(gold[train]), list(candidates[key][train])), str(key)))  # fmt: skip
        predicted[test] = candidates[best][test]
        chosen.append(best)
    return list(predicted), chosen


def author_rule_candidates(results: pd.DataFrame) -> dict[object, np.ndarray]:
    """portrayals.AUTHOR_RULE for each (main share, prior, threshold) of a small grid."""
    share = results["f_share"].to_numpy(dtype=float)
    total = results["f_mention_sum"].to_numpy(dtype=float)
    count = results["f_mention_count"].to_numpy(dtype=float)
    candidates = {}
    for main in (0.0, 0.2, 0.3, 0.4, 0.5):
        for prior in (0, 1, 2, 4, 8):
            lean = total / np.maximum(count + prior, 1e-9)
            for t in np.round(np.arange(0.05, 0.8, 0.05), 2):
                candidates[(main, prior, float(t))] = np.where(
                    share >= main, _by_threshold(lean, float(t)), "neutral"
                )
    return candidates


EVENT_WEIGHTS = (0.0, 0.5, 1.0, 2.0)


def event_rule_candidates(results: pd.DataFrame) -> dict[object, np.ndarray]:
    """AUTHOR_RULE with the narration's reported events (loaded.toml class event) added to the
    mention scores it sums, at a weight: (main share, prior, threshold, weight)."""
    share = results["f_share"].to_numpy(dtype=float)
    total = results["f_mention_sum"].to_numpy(dtype=float)
    events = results["f_event_sum"].to_numpy(dtype=float)
    count = results["f_mention_count"].to_numpy(dtype=float)
    candidates = {}
    for main in (0.0, 0.2, 0.3, 0.4, 0.5):
        for prior in (0, 1, 2, 4, 8):
            for weight in EVENT_WEIGHTS:
                lean = (total + weight * events) / np.maximum(count + prior, 1e-9)
                for t in np.round(np.arange(0.05, 0.8, 0.05), 2):
                    candidates[(main, prior, float(t), weight)] = np.where(
                        share >= main, _by_threshold(lean, float(t)), "neutral"
                    )
    return candidates


def salience_candidates(results: pd.DataFrame) -> dict[object, np.ndarray]:
    """Negative for the party holding at least a share of the mentions, whatever is said of it."""
    share = results["f_share"].to_numpy(dtype=float)
    return {
        float(a): np.where(share >= a, "negative", "neutral")
        for a in np.round(np.arange(0.1, 1.0001, 0.05), 2)
    }


def cv_combiner(results: pd.DataFrame, folds: np.ndarray) -> list[str]:
    """A logistic regression (C=0.1, L2, standardised COMBINER_FEATURES) for negative vs not,
    fitted with its threshold (the best kappa on the training folds) without the test fold."""
    from sklearn.linear_model import LogisticRegression

    x = results[[f"f_{n}" for n in COMBINER_FEATURES]].to_numpy(dtype=float)
    gold = results["gold"].to_numpy()
    predicted = np.empty(len(results), dtype=object)
    for fold in np.unique(folds):
        test = folds == fold
        train = ~test
        mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=0.1, max_iter=5000)
        model.fit((x[train] - mean) / scale, gold[train] == "negative")
        p_train = model.predict_proba((x[train] - mean) / scale)[:, 1]
        cut = max(np.unique(np.quantile(p_train, np.linspace(0.5, 0.97, 48))), key=lambda t: (
            cohen_kappa(list(gold[train]), list(np.where(p_train >= t, "negative", "neutral"))), -t))  # fmt: skip
        p_test = model.predict_proba((x[test] - mean) / scale)[:, 1]
        predicted[test] = np.where(p_test >= cut, "negative", "neutral")
    return list(predicted)


def folds_of(results: pd.DataFrame, scheme: str) -> np.ndarray:
    """Leave-one-event-out ("event"), or 5 folds of whole events ("5"), seeded."""
    events = results["event"].to_numpy()
    if scheme == "event":
        return events
    unique = sorted(set(events))
    random.Random(SEED).shuffle(unique)
    fold = {event: i % 5 for i, event in enumerate(unique)}
    return np.array([fold[e] for e in events])


def report(
    results: pd.DataFrame, coverage: pd.DataFrame, threshold: float, min_evidence: int
) -> str:
    gold = results["gold"].tolist()
    by_event = folds_of(results, "event")
    everyone = [True] * len(gold)
    # name -> (labels, has evidence)
    rows: dict[str, tuple[list[str], list[bool]]] = {
        "always neutral": (["neutral"] * len(gold), everyone)
    }
    for name in ("mention", "loaded", "label", "verb"):
        rows[f"{name} (threshold by CV)"] = (
            cv_signal(results, name, by_event),
            results[f"{name}_score"].notna().tolist(),
        )
    has_mean = results["mean rule_score"].notna().tolist()
    rows[f"mean rule (|mean| >= {threshold:.2f}, >= {min_evidence} scored; fixed)"] = (
        results["mean rule"].tolist(),
        has_mean,
    )
    rows["author and sources pooled (mean rule)"] = (
        results["author and sources"].tolist(),
        results["author and sources_score"].notna().tolist(),
    )
    shipped = f"{portrayals.MAIN_SHARE}, {portrayals.AUTHOR_PRIOR}, {portrayals.AUTHOR_THRESHOLD}"
    for scheme, label in (("event", "leave one event out"), ("5", "5 folds of events")):
        folds = folds_of(results, scheme)
        predicted, chosen = choose(results, folds, author_rule_candidates(results))
        picks = Counter(str(c) for c in chosen).most_common(1)[0]
        rows[f"**author rule**, values by CV ({label}; {picks[1]} of {len(chosen)} folds chose "
             f"{picks[0]})"] = (predicted, everyone)  # fmt: skip
        predicted, chosen = choose(results, folds, event_rule_candidates(results))
        picks = Counter(str(c) for c in chosen).most_common(1)[0]
        rows[f"author rule + events (weight {'/'.join(map(str, EVENT_WEIGHTS))}), values by CV "
             f"({label}; {picks[1]} of {len(chosen)} folds chose {picks[0]})"] = (predicted, everyone)  # fmt: skip
    for scheme, label in (("event", "leave one event out"), ("5", "5 folds of events")):
        folds = folds_of(results, scheme)
        rows[f"salience alone: negative if share >= a, a by CV ({label})"] = (
            choose(results, folds, salience_candidates(results))[0],
            everyone,
        )
        rows[f"logistic combiner of {len(COMBINER_FEATURES)} features, CV ({label})"] = (
            cv_combiner(results, folds),
            everyone,
        )
    rows[f"author rule as shipped ({shipped}; chosen on all: optimistic)"] = (
        results["author rule"].tolist(),
        everyone,
    )
    lines = [
        f"{len(results)} entity judgements in {results['doc'].nunique()} articles, "
        f"{results['event'].nunique()} events "
        f"(gold: {results['gold'].value_counts().to_dict()}). Cross-validated by event: every "
        "threshold and weight is chosen without the event (its three articles) it is tested on. "
        f"Entities with no mention found: {int((results['f_share'] == 0).sum())}.",
        "",
        "| author label from | has evidence | not neutral | accuracy | Cohen's kappa "
        "| negative P/R |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, (predicted, present) in rows.items():
        fires = sum(p != "neutral" for p in predicted)
        accuracy = float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)]))
        neg_predicted = [g for g, p in zip(gold, predicted, strict=True) if p == "negative"]
        precision = (
            neg_predicted.count("negative") / len(neg_predicted) if neg_predicted else float("nan")
        )
        recall = neg_predicted.count("negative") / max(gold.count("negative"), 1)
        lines.append(
            f"| {name} | {sum(present)} | {fires} | {accuracy:.3f} | "
            f"{cohen_kappa(gold, predicted):.3f} | {precision:.2f}/{recall:.2f} |"
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
    parser.add_argument(
        "--role-nouns",
        action="store_true",
        help='measure with portrayals.ROLE_NOUNS on ("the senator" for the person named last)',
    )
    args = parser.parse_args(argv)
    if args.role_nouns:
        portrayals.ROLE_NOUNS = True
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
