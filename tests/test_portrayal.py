"""research.portrayal: the sentiment a text expresses toward each mention.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research import portrayal
from research.portrayal import CLASSES, toward
from research.portrayal import model as model_module
from research.portrayal import train as training
from research.schema import Span


def spans_of(text: str, *mentions: str) -> list[tuple[int, int]]:
    found = []
    for mention in mentions:
        start = text.index(mention)
        found.append((start, start + len(mention)))
    return found


def words(text: str, spans: Sequence[Span]) -> list[str]:
    return [span.text(text) for span in spans]


# --- constructions: text_in, mention, expected label, a word the evidence must hold ---------------

KNOWN_LIMIT = pytest.mark.xfail(strict=True, reason="a known limit, see model.md")


@pytest.mark.parametrize(
    ("text_in", "mention", "label", "word"),
    [
        # the object of an evaluative verb takes its sentiment
        ("The minister condemned the attack on the convoy.", "attack", "negative", "condemned"),
        ("The committee praised the nurses for their courage.", "nurses", "positive", "praised"),
        # ... its agent does not; but NewsMTSC's annotators mostly label the agent of a criticism
        # negative too (11 of 13 train targets that are the agent of a stance cue with another
        # target as its object), so the model learned from them does the same: see model.md
        pytest.param("The minister condemned the attack on the convoy.", "minister", "neutral", None, marks=KNOWN_LIMIT),
        # negation flips the word it scopes over, and the evidence starts at the negator
        ("The mayor is honest and hard-working.", "mayor", "positive", "honest"),
        ("The mayor is not honest.", "mayor", "negative", "not honest"),
        # after "but" each party keeps its own clause's sentiment
        ("The agency made mistakes, but its director acted bravely.", "director", "positive", "bravely"),
        ("The agency made mistakes, but its director acted bravely.", "agency", "negative", "mistakes"),
        # inside a quotation, and the speaker of a quotation about someone else
        ("“The senator is a disgrace,” a protester shouted.", "senator", "negative", "disgrace"),
        ("“We are proud of our soldiers,” the general said.", "soldiers", "positive", "proud"),
        # two parties in one sentence treated differently
        ("The mayor praised the volunteers but blamed the council for the delays.", "volunteers", "positive", "praised"),
        ("The mayor praised the volunteers but blamed the council for the delays.", "council", "negative", "blamed"),
        ("The heroic firefighters rescued the family from the blaze.", "firefighters", "positive", "heroic"),
        ("The talks between the delegations resumed in Geneva on Tuesday.", "delegations", "neutral", None),
        pytest.param("Prosecutors charged the banker with fraud, while the auditors were cleared.", "auditors", "neutral", None, marks=KNOWN_LIMIT),
    ],
)  # fmt: skip
def test_constructions(text_in: str, mention: str, label: str, word: str | None) -> None:
    others = [m for m in ("minister", "attack", "committee", "nurses", "mayor", "council",
                          "volunteers", "agency", "director", "senator", "protester", "soldiers",
                          "general", "firefighters", "family", "delegations", "banker", "auditors")
              if m in text_in and m != mention]  # fmt: skip
    spans = spans_of(text_in, mention, *others)
    result = toward(text_in, spans)[0]
    assert result.label == label
    if word is not None:
        assert word in words(text_in, result.evidence)
    # the score agrees with the label's direction
    assert {"negative": result.score < 0, "positive": result.score > 0}.get(label, True)


def test_one_result_per_span_in_order_on_a_paragraph() -> None:
    text = (
        "The council met on Monday. Its members praised the volunteers. "
        "Later the mayor blamed the contractor for the delays."
    )
    spans = spans_of(text, "contractor", "volunteers", "council", "mayor")
    results = toward(text, spans)
    assert [(r.span.start, r.span.end) for r in results] == spans
    assert [r.label for r in results][:2] == ["negative", "positive"]
    # each mention is read in its own sentence: the evidence stays there
    contractor = results[0]
    assert all(e.start >= text.index("Later") for e in contractor.evidence)


def test_bad_spans_are_clipped_not_raised() -> None:
    text = "The council was praised."
    results = toward(text, [(50, 60), (10, 3), (-5, 3)])
    assert [r.span for r in results] == [Span(24, 24), Span(3, 10), Span(0, 3)]
    assert toward("", [(0, 0)])[0].label in CLASSES
    assert toward(text, []) == []


# --- properties -----------------------------------------------------------------------------------

# News-like text: words that move the model (negators, polar words, "but"), quotes, punctuation.
TEXTS = st.lists(
    st.sampled_from(
        [
            "not ",
            "good ",
            "bad ",
            "but ",
            "the mayor ",
            "said ",
            "X ",
            "’s ",
            ". ",
            ", ",
            *"“”\"'’-\n()",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(
    text=st.one_of(TEXTS, st.text(max_size=80)),
    spans=st.lists(st.tuples(st.integers(-10, 150), st.integers(-10, 150)), max_size=6),
)
def test_any_text_and_spans_give_one_bounded_result_per_span(
    text: str, spans: list[tuple[int, int]]
) -> None:
    results = toward(text, spans)
    assert len(results) == len(spans)
    for result in results:
        assert result.label in CLASSES
        assert -1.0 <= result.score <= 1.0
        assert abs(sum(result.probabilities) - 1.0) < 1e-9
        assert 0 <= result.span.start <= result.span.end <= len(text)
        for evidence in result.evidence:
            assert 0 <= evidence.start < evidence.end <= len(text)


# --- the model file --------------------------------------------------------------------------------


def test_shipped_model_loads_without_pickle(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pickle used")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(np, "load", refuse)
    source = resources.files("research.portrayal") / "model.json"
    text = source.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == model_module.FORMAT
    assert data["classes"] == list(CLASSES)
    assert data["meta"]["data_sha256"]  # its provenance is recorded
    loaded = model_module.from_json(text)
    assert loaded.weights.shape == (len(data["weights"]), 3)
    text = "Residents thanked the brave volunteers."
    assert toward(text, spans_of(text, "volunteers"), model=loaded)[0].label == "positive"


def test_a_model_file_that_is_not_a_model_is_named(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(model_module.ModelError, match=r"model\.json: not a portrayal model"):
        model_module.load_model(path)
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(model_module.ModelError, match="not JSON"):
        model_module.load_model(path)


# An invented training set in NewsMTSC's format: (sentence, [(mention, polarity code)]).
FIXTURE = [
    ("The mayor praised the volunteers for their help.", [("volunteers", 6.0), ("mayor", 4.0)]),
    ("Critics blamed the contractor for the collapse.", [("contractor", 2.0)]),
    ("The council met on Monday to discuss the budget.", [("council", 4.0)]),
    ("The brave nurses saved the patients.", [("nurses", 6.0)]),
    ("The corrupt official stole the funds.", [("official", 2.0)]),
    ("The minister visited the school on Friday.", [("minister", 4.0)]),
    ("Residents thanked the firefighters warmly.", [("firefighters", 6.0)]),
    ("The judge condemned the fraudster harshly.", [("fraudster", 2.0), ("judge", 4.0)]),
    ("The company announced its results.", [("company", 4.0)]),
    ("Fans cheered the excellent coach.", [("coach", 6.0)]),
    ("The agency was accused of a cover-up.", [("agency", 2.0)]),
    ("The senator will speak in the capital.", [("senator", 4.0)]),
]


def write_fixture(path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for number, (text, targets) in enumerate(FIXTURE):
            rows = []
            for mention, polarity in targets:
                start = text.index(mention)
                rows.append({"from": start, "to": start + len(mention), "polarity": polarity})
            record = {"primary_gid": str(number), "sentence_normalized": text, "targets": rows}
            stream.write(json.dumps(record) + "\n")


def test_retraining_gives_the_same_file_and_the_same_labels_as_scikit_learn(
    tmp_path: Path,
) -> None:
    from sklearn.linear_model import LogisticRegression

    data = tmp_path / "train.jsonl"
    write_fixture(data)
    first = training.train(data).to_json()
    assert training.train(data).to_json() == first  # deterministic, byte for byte
    assert "pickle" not in first and first.startswith("{")

    loaded = model_module.from_json(first)
    examples = training.read_examples(data)
    hits = training.featurize_examples(examples)
    names = training.vocabulary(hits)
    labels = training.gold(examples)
    scaled, scale = training.design(hits, labels, names, training.DEFAULT_SCALING)
    estimator = LogisticRegression(
        C=training.DEFAULT_C,
        class_weight=None if training.DEFAULT_WEIGHT == "none" else training.DEFAULT_WEIGHT,
        solver=training.SOLVER,
    )
    estimator.fit(scaled, labels)
    expected = estimator.predict(scaled)
    # the exported weights are the fitted ones times each feature's scale: the same decisions
    assert loaded.weights.shape == (len(names), 3)
    assert np.allclose(loaded.weights, estimator.coef_.T * scale[:, None], atol=1e-6)
    assert list(training.predict(loaded, hits)) == list(expected)
    # and through the public interface, sentence by sentence
    found = [r.label for e in examples for r in toward(e.text, e.spans, model=loaded)]
    assert found == [CLASSES[k] for k in expected]


def test_nb_scaling_favours_features_that_tell_the_classes_apart() -> None:
    # "w:L1:praised" only with positive targets, "bias" with every target, "c:the" evenly
    hits = [
        [("bias", 1.0, -1, -1), ("c:the", 1.0, -1, -1)]
        + ([("w:L1:praised", 1.0, 0, 7)] if k == 2 else [])
        for k in (0, 1, 2, 0, 1, 2)
    ]
    labels = np.asarray([0, 1, 2, 0, 1, 2])
    names = training.vocabulary(hits)
    _, scale = training.design(hits, labels, names, "nb")
    by_name = dict(zip(names, scale, strict=True))
    assert by_name["w:L1:praised"] > 2 * by_name["c:the"]
    assert by_name["c:the"] == pytest.approx(by_name["bias"])
    _, ones = training.design(hits, labels, names, "none")
    assert list(ones) == [1.0] * len(names)
    with pytest.raises(ValueError, match="unknown scaling"):
        training.design(hits, labels, names, "tfidf")


def test_training_data_errors_name_the_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text('{"sentence_normalized": "x", "targets": [{"from": 0}]}\n', encoding="utf-8")
    with pytest.raises(training.DataError, match=r"train\.jsonl:1: not a labelled sentence"):
        training.read_examples(data)


def test_evaluation_reports_the_model_beside_its_baselines(tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    write_fixture(data)
    table = training.evaluate(data, data)
    for name in ("majority", "VADER", "TextBlob", "plain window", "research.portrayal"):
        assert name in table
    assert "neg-P" in table and "macro-F1" in table


def test_featurize_reads_each_sentence_once_for_all_its_spans() -> None:
    text = "The mayor praised the volunteers. The council was blamed."
    found = portrayal.featurize(text, [Span(4, 9), Span(22, 32), Span(38, 45)])
    assert len(found) == 3
    # a mention's features come from its own sentence only
    assert not any("blamed" in hit[0] for hit in found[0])
    assert any("blamed" in hit[0] for hit in found[2])


def names(text: str, mention: str, *others: str) -> set[str]:
    spans = [Span(*span) for span in spans_of(text, mention, *others)]
    return {hit[0] for hit in portrayal.featurize(text, spans)[0]}


def test_word_classes_around_the_mention_are_features() -> None:
    # "in Ohio ... on Monday": after a preposition, a place is read by its word classes too
    found = names("The senator was arrested in Ohio on Monday.", "Ohio")
    assert {"tag:L1:IN", "tag:R1:IN", "tag:head:NNP"} <= found
    # a name used as a modifier of a noun ("a Wisconsin jail") is marked by the noun after it
    assert "tag:R1:NN" in names("He spent years in a Wisconsin jail.", "Wisconsin")


def test_subject_and_object_of_the_clause_cross_the_verbs_polarity() -> None:
    text = "The mayor praised the volunteers, and the council met."
    assert {"syn:subj:vpos", "syn:subj:shared"} <= names(text, "mayor", "volunteers")
    assert {"syn:obj:vpos", "syn:obj:shared"} <= names(text, "volunteers", "mayor")
    # alone in its clause, and the clause's verb is not evaluative
    assert {"syn:subj:alone", "syn:subj:v0"} <= names(text, "council", "mayor")


def test_an_evaluative_verb_bears_on_its_object_not_its_agent() -> None:
    text = "The minister condemned the attack."
    agent = names(text, "minister", "attack")
    patient = names(text, "attack", "minister")
    # "condemned" is nearer the minister, but it is the attack's verb
    assert "own:other:R:neg" in agent and "own:own:R:neg" not in agent
    assert "own:own:L:neg" in patient
    assert "role:agent_of_other:neg" in agent
    assert "role:agent_of_other:neg" not in names("The minister condemned it.", "minister")


# --- in the pipeline -------------------------------------------------------------------------------

ARTICLE = (
    "Moscow praised the ceasefire on Monday.\n"
    "“Washington has betrayed its allies again,” the Russian deputy minister said, adding that "
    "the rebels had shown courage.\n"
    "Observers said the talks in Geneva would resume next week.\n"
)


def test_every_party_mention_is_portrayed_and_statements_carry_theirs(tmp_path: Path) -> None:
    import pandas as pd

    from research.io import read_articles, write_statements
    from research.pipeline import analyze

    path = tmp_path / "invented.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    articles = read_articles([path])
    analysis = analyze(articles)
    table = analysis.mentions
    assert list(table["mention"]) == ["Moscow", "Washington", "Russian", "rebels"]
    assert set(table["label"]) <= set(CLASSES)
    for row in table.itertuples():
        assert ARTICLE[row.start : row.end] == row.mention
        assert all(0 <= s < e <= len(ARTICLE) for s, e in row.evidence_spans)
    washington = table[table["mention"] == "Washington"].iloc[0]
    assert washington["label"] == "negative"
    assert "betrayed" in washington["evidence"]
    assert pd.isna(table[table["mention"] == "Moscow"].iloc[0]["statement"])  # narration

    said = analysis.statements
    quoted = said[said["content"].str.contains("Washington")].iloc[0]
    assert [p["mention"]["text"] for p in quoted["portrayals"]] == ["Washington"]
    assert quoted["portrayals"][0]["party"] == "United States"
    assert washington["statement"] == quoted["statement"]

    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"statements.{fmt}"
        write_statements(said, articles, out, format=fmt)
        if fmt == "jsonl":
            records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            cells = [r["portrayals"] for r in records]
        else:
            frame = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
            cells = [json.loads(cell) for cell in frame["portrayals"]]
        flat = [p for cell in cells for p in cell]
        # the quotation's, and "the rebels" in the reported clause after "adding that"
        assert {p["mention"]["text"] for p in flat} == {"Washington", "rebels"}
        first = flat[0]
        assert set(first) == {"party", "label", "score", "mention", "evidence"}
        assert all(ARTICLE[e["start"] : e["end"]] == e["text"] for e in first["evidence"])


def test_the_pipeline_can_leave_portrayal_out(tmp_path: Path) -> None:
    from research.io import read_articles
    from research.pipeline import analyze

    path = tmp_path / "invented.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    analysis = analyze(read_articles([path]), portray=False)
    assert analysis.mentions.empty
    assert analysis.portrayals.empty
    assert all(cell == [] for cell in analysis.statements["portrayals"])
