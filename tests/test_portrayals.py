"""Each party's portrayal by the author and by other sources, on invented labour-dispute copy."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from research import compare, pipeline, portrayals
from research.cli import main
from research.lexicons import LexiconError, load_labels, load_loaded
from research.schema import Span

STORY = """\
[meta]
extends_default = false

[[party]]
name = "Harlow Dockworkers Union"
names = ["Harlow Dockworkers Union", "dockworkers union", "the union"]
people = [{ name = "Mara Quint" }, { name = "Ilse Brandt" }]

[[party]]
name = "Portline"
names = ["Portline"]
people = [{ name = "Tobias Wren" }]

[[party]]
name = "City council"
names = ["city council", "the council"]
"""

ARTICLE = """\
Portline rejects pay demand as strike looms

Portline dug in on Tuesday as talks over the union's pay claim stalled for a third week.

Mara Quint, who leads the Harlow Dockworkers Union, said the company had made a fair and generous offer that members should accept.

Tobias Wren, a Portline spokesman, conceded that overtime had been cut. The embattled Portline faces a firestorm of criticism.

Ilse Brandt, a union steward, said Portline was a good employer with honest managers.
"""


def run(text: str, lexicon: Path, **extra: str) -> pipeline.Analysis:
    articles = pd.DataFrame(
        {
            "doc": ["a"],
            "text": [text],
            "title": [text.splitlines()[0]],
            **{k: [v] for k, v in extra.items()},
        }
    )
    return pipeline.analyze(articles, pipeline.load_lexicons(parties_path=lexicon))


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.toml"
    path.write_text(STORY, encoding="utf-8")
    return path


def row(analysis: pipeline.Analysis, party: str, by: str) -> pd.Series:
    table = analysis.portrayals
    (index,) = table.index[(table["party"] == party) & (table["by"] == by)]
    return table.loc[index]


def test_the_author_and_the_sources_portray_one_party_differently(story: Path) -> None:
    analysis = run(ARTICLE, story)
    author, sources = row(analysis, "Portline", "author"), row(analysis, "Portline", "sources")
    # the narration: "dug in", "conceded", "embattled", "firestorm"; the union's stewards praise it
    assert author["label"] == "negative"
    assert author["score"] < sources["score"]
    assert author["loaded"] == -1.0 and author["verb"] == -1.0
    assert "dug in" in author["evidence"] or "embattled" in author["evidence"]
    evidence = analysis.portrayal_evidence
    quoted = evidence[(evidence["party"] == "Portline") & (evidence["by"] == "sources")]
    speakers = analysis.statements.set_index("statement")["speaker"]
    assert {speakers[n] for n in quoted["statement"]} == {"Ilse Brandt"}
    assert (quoted["score"] > 0).all()


def test_what_a_party_says_of_itself_is_not_its_portrayal(story: Path) -> None:
    text = "Mara Quint said the Harlow Dockworkers Union was strong and united.\n"
    analysis = run(text, story)
    evidence = analysis.portrayal_evidence
    union = evidence[evidence["party"] == "Harlow Dockworkers Union"]
    assert set(union["by"]) == {"author"}  # the speaker's own name, in the narration
    assert union["text"].tolist() == ["Mara Quint"]


def test_a_loaded_word_is_tied_to_the_party_it_is_about_not_the_nearest(story: Path) -> None:
    text = "Delegates of the union watched as Portline managers tore into the city council.\n"
    analysis = run(text, story)
    loaded = analysis.portrayal_evidence.query("signal == 'loaded'")
    assert loaded[["text", "party"]].values.tolist() == [["tore into", "City council"]]
    assert loaded["tie"].tolist() == ["the party after it (its object)"]


def test_a_passive_turns_a_loaded_verb_to_its_subject(story: Path) -> None:
    text = "Portline was savaged by the city council on Monday.\n"
    loaded = run(text, story).portrayal_evidence.query("signal == 'loaded'")
    assert loaded[["text", "party"]].values.tolist() == [["savaged", "Portline"]]


def test_a_label_is_tied_by_the_lexicon_before_the_nearest_mention(story: Path) -> None:
    text = "At the gate the union jeered the bosses of the struggling Portline terminal.\n"
    analysis = run(text, story)
    labels = analysis.labels
    bosses = labels[labels["label"] == "bosses"]
    assert bosses["party"].tolist() == ["Portline"]
    assert "Portline" in bosses["party_evidence"].iloc[0]
    assert row(analysis, "Portline", "author")["label_signal"] == -1.0


def test_a_user_lexicon_adds_and_overrides_labels(tmp_path: Path) -> None:
    path = tmp_path / "story.toml"
    path.write_text(
        STORY
        + """
[meta.slots]
dock_labour = "How the dockworkers are named."

[[label]]
text = "wharf rats"
refers_to = "dock_labour"
connotation = "negative"

[[label]]
text = "workers"
connotation = "positive"
""",
        encoding="utf-8",
    )
    labels = load_labels(user=path)
    assert labels.label_of("wharf rat").refers_to == "dock_labour"
    assert labels.label_of("workers").connotation == "positive"  # overrides the packaged entry
    assert labels.label_of("regime").connotation == "negative"  # the packaged ones stay
    text = "Portline called in guards as the wharf rats of the dockworkers union marched.\n"
    found = run(text, path).labels
    assert found[["text", "party"]].values.tolist() == [
        ["wharf rats", "Harlow Dockworkers Union"],
        ["union", "Harlow Dockworkers Union"],  # the author's word for it, though in its name
    ]


def test_a_bad_user_label_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.toml"
    path.write_text('[[label]]\ntext = "scabs"\nconnotation = "awful"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"story\.toml.*connotation must be one of"):
        load_labels(user=path)


def test_labels_tied_to_nothing_are_counted(story: Path) -> None:
    text = "The strikers went home. Portline stayed silent. Strikers returned at dawn.\n"
    analysis = run(text, story)
    untied = portrayals.untied_labels(analysis.labels)
    assert untied[["label", "n"]].values.tolist() == [["strikers", 2]]


def test_labels_for_any_story() -> None:
    lexicon = load_labels()
    for text, slot, connotation in [
        ("union bosses", "unions", "negative"),
        ("scabs", "workers", "negative"),
        ("job creators", "business", "positive"),
        ("career politicians", "candidates", "negative"),
        ("criminals", "suspects", "negative"),
        ("police", "police", "neutral"),
        ("illegal aliens", "migrants", "negative"),
        ("rioters", "protesters", "negative"),
    ]:
        label = lexicon.label_of(text)
        assert (label.refers_to, label.connotation) == (slot, connotation)


def test_loaded_lexicon_entries_have_class_direction_and_forms() -> None:
    lexicon = load_loaded()
    slammed = lexicon.entry_of("slammed")
    assert (slammed.word_class, slammed.direction, slammed.about) == (
        "evaluative_verb",
        "negative",
        "object",
    )
    assert lexicon.entry_of("Doubled  Down").text == "double down"
    assert lexicon.entry_of("so called").word_class == "scare_marker"
    assert lexicon.entry_of("revealed").direction == "neutral"


def test_a_capitalized_loaded_word_inside_a_sentence_is_a_name(story: Path) -> None:
    text = "Tobias Wren drove a Dodge to the council meeting.\n"
    assert run(text, story).portrayal_evidence.query("signal == 'loaded'").empty


def test_prominence_headline_lede_first_statement_and_last_word(story: Path) -> None:
    analysis = run(ARTICLE, story)
    table = analysis.prominence.set_index("party")
    assert bool(table.loc["Portline", "headline"])
    assert not bool(table.loc["Harlow Dockworkers Union", "headline"])
    assert bool(table.loc["Harlow Dockworkers Union", "speaks_in_lede"])  # Mara Quint, paragraph 2
    assert not bool(table.loc["Portline", "speaks_in_lede"])  # Tobias Wren, paragraph 3
    assert table.loc["Harlow Dockworkers Union", "first_rank"] == 1
    assert table.loc["Portline", "first_rank"] == 2
    assert bool(table.loc["Harlow Dockworkers Union", "last_word"])
    assert table.loc["Harlow Dockworkers Union", "statements"] == 2


def constant(value: float) -> portrayals.Scorer:
    def score(
        text: str, spans: Sequence[Span], sentences: Sequence[Span]
    ) -> list[portrayals.Toward]:
        return [portrayals.Toward("neutral", value) for _ in spans]

    return score


def test_the_label_rule_and_its_interval() -> None:
    assert portrayals.label_of(-0.34) == "negative"
    assert portrayals.label_of(-0.2) == "neutral"
    assert portrayals.label_of(0.5) == "positive"
    assert portrayals.label_of(float("nan")) == "neutral"
    assert portrayals.label_of(-0.9, scored=2) == "neutral"  # too little to call
    assert portrayals.label_of(-0.9, scored=3) == "negative"
    evidence = pd.DataFrame(
        {
            "doc": ["a"] * 4,
            "party": ["P"] * 4,
            "by": ["author"] * 4,
            "signal": ["mention", "mention", "loaded", "label"],
            "score": [0.0, 0.0, -1.0, float("nan")],  # a neutral label is shown, not scored
            "start": [0, 10, 20, 30],
            "end": [5, 15, 25, 35],
            "text": ["P", "P", "slammed", "leaders"],
            "detail": ["m", "m", "slam", "leaders (neutral)"],
        }
    )
    (summary,) = portrayals.summarize(evidence).to_dict("records")
    assert (summary["n"], summary["scored"]) == (2, 3)
    assert summary["score"] == pytest.approx(-1 / 3)
    assert summary["label"] == "negative"
    assert summary["low"] <= summary["score"] <= summary["high"]
    assert summary["evidence"] == "“slammed” (slam)"
    assert bool(summary["too_few"])


def portray_with(text: str, lexicon: Path, value: float) -> pd.DataFrame:
    """The per-article portrayals of `text`, every mention scored `value`."""
    articles = pd.DataFrame({"doc": ["a"], "text": [text], "title": [""]})
    lexicons = pipeline.load_lexicons(parties_path=lexicon)
    analysis = pipeline.analyze(articles, lexicons, per_party=False)
    found = portrayals.portray(
        articles, analysis.statements, analysis.sentences, analysis.paragraphs, analysis.labels,
        lexicons.parties, lexicons.loaded, scorer=constant(value), model="constant",
    )  # fmt: skip
    return found.portrayals.set_index(["party", "by"])


MOSTLY_PORTLINE = """Portline cut overtime at the Harlow terminal this week. Portline managers closed the night shift.

Portline said the changes would last until spring. The city council met on Monday.

Portline shares fell on Thursday, and Portline did not comment further.
"""


def test_the_author_label_goes_to_the_party_the_article_is_about(story: Path) -> None:
    table = portray_with(MOSTLY_PORTLINE, story, -0.5)
    portline, council = table.loc[("Portline", "author")], table.loc[("City council", "author")]
    assert portline["share"] > portrayals.MAIN_SHARE > council["share"]
    assert table.xs("author", level="by")["share"].sum() == pytest.approx(1.0)
    # every mention reads negative, but one passing mention of the council is no judgement of it
    assert council["score"] == pytest.approx(-0.5)
    assert council["label"] == "neutral"
    prior = portrayals.AUTHOR_PRIOR
    assert portline["lean"] == pytest.approx(-0.5 * portline["n"] / (portline["n"] + prior))
    assert portline["label"] == "negative"
    assert portrayals.label_of(council["score"]) == "negative"  # the mean rule would have said so


def test_a_few_mentions_weigh_little_in_the_author_label(story: Path) -> None:
    once = portray_with("Portline cut overtime this week.\n", story, -0.5)
    assert once.loc[("Portline", "author"), "share"] == 1.0
    assert once.loc[("Portline", "author"), "lean"] == pytest.approx(
        -0.5 / (1 + portrayals.AUTHOR_PRIOR)
    )
    assert once.loc[("Portline", "author"), "label"] == "neutral"
    thrice = portray_with(
        "Portline cut overtime. Portline closed a shift. Portline shares fell.\n", story, 0.5
    )
    assert thrice.loc[("Portline", "author"), "lean"] == pytest.approx(
        1.5 / (3 + portrayals.AUTHOR_PRIOR)
    )
    assert thrice.loc[("Portline", "author"), "label"] == "positive"


def test_the_sources_keep_the_mean_rule(story: Path) -> None:
    text = (
        "Portline cut overtime. Mara Quint said Portline was a bad employer.\n\n"
        "Portline shares fell.\n"
    )
    table = portray_with(text, story, -0.5)
    sources = table.loc[("Portline", "sources")]
    assert pd.isna(sources["lean"])
    assert sources["label"] == portrayals.label_of(sources["score"], scored=sources["scored"])


def test_outlets_compared(story: Path) -> None:
    articles = pd.DataFrame(
        {
            "doc": ["a", "b"],
            "text": [ARTICLE, "Portline won a landmark deal on Friday.\n"],
            "title": ["", ""],
            "source": ["Dock Gazette", "Harbour Times"],
        }
    )
    lexicons = pipeline.load_lexicons(parties_path=story)
    found = portrayals.portray(
        articles,
        *(lambda a: (a.statements, a.sentences, a.paragraphs, a.labels))(
            pipeline.analyze(articles, lexicons, per_party=False)
        ),
        lexicons.parties,
        lexicons.loaded,
        scorer=constant(0.0),
        model="constant",
    )
    table = compare.portrayals_by_group(found.evidence, articles, group="source")
    portline = table[(table["party"] == "Portline") & (table["by"] == "author")].set_index("source")
    assert portline.loc["Dock Gazette", "label"] == "negative"
    assert portline.loc["Harbour Times", "score"] > 0  # "landmark"
    shares = compare.prominence_by_group(found.prominence, articles, group="source")
    assert set(shares["source"]) == {"Dock Gazette", "Harbour Times"}


def test_portrayals_command(tmp_path: Path, story: Path) -> None:
    corpus = tmp_path / "dock.txt"
    corpus.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["portrayals", str(corpus), "--lexicon", str(story), "-q"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["party"], r["by"]) for r in records} >= {
        ("Portline", "author"),
        ("Portline", "sources"),
    }
    for record in records:
        assert {"doc", "party", "by", "n", "score", "label", "evidence", "headline"} <= set(record)
        assert record["label"] in {"negative", "neutral", "positive"}
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        main, ["portrayals", str(corpus), "--lexicon", str(story), "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("doc,party,by,n,")


def test_a_pronoun_in_the_narration_stands_for_the_person_named_last(story: Path) -> None:
    text = "Tobias Wren left the hearing early. He bristled at every question.\n"
    evidence = run(text, story).portrayal_evidence
    pronoun = evidence[evidence["text"] == "He"]
    assert pronoun[["party", "by", "tie"]].values.tolist() == [
        ["Portline", "author", "a pronoun for the person named last"]
    ]
    # and the loaded verb after it is the pronoun's person's
    loaded = evidence.query("signal == 'loaded'")
    assert loaded[["text", "party"]].values.tolist() == [["bristled", "Portline"]]


def test_a_role_noun_in_the_narration_stands_for_the_person_named_last(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portrayals, "ROLE_NOUNS", True)  # off by default (measured)
    text = (
        "Tobias Wren met the strikers' delegates on Monday. The former shipping executive "
        "stormed out after an hour.\n\n"
        "Mara Quint said the executive had never read the offer.\n"
    )
    evidence = run(text, story).portrayal_evidence
    role = evidence[evidence["text"] == "executive"]
    # the narration's "the former shipping executive" is Wren; inside Quint's words it is no one
    assert role[["party", "by", "tie", "start"]].values.tolist() == [
        ["Portline", "author", "a role noun for the person named last", text.index("executive")]
    ]
    # without a person named before it, a role noun is no one's
    alone = run("The executive stormed out. Portline said nothing.\n", story).portrayal_evidence
    assert alone[alone["text"] == "executive"].empty
    # and it counts among the party's mentions, as "he" does
    off = portrayals.find_mentions(
        text, [Span(0, len(text))], pipeline.load_lexicons(parties_path=story).parties, [],
        roles=False,
    )  # fmt: skip
    on = portrayals.find_mentions(
        text, [Span(0, len(text))], pipeline.load_lexicons(parties_path=story).parties, [],
        roles=True,
    )  # fmt: skip
    # without statements all is narration: the second "executive" then stands for Quint
    assert len(on) == len(off) + 2


def test_an_event_reported_of_a_party_is_tied_to_the_party_it_happens_to(story: Path) -> None:
    text = (
        "Tobias Wren was indicted on Friday on charges of falsifying safety logs. "
        "The council said nothing.\n\n"
        "A judge later acquitted Portline of the lesser charge, Mara Quint said.\n"
    )
    evidence = run(text, story).portrayal_evidence
    events = evidence[evidence["detail"].str.contains("(event,", regex=False)]
    assert events[["text", "party", "by", "score"]].values.tolist() == [
        ["indicted", "Portline", "author", -1.0],
        # inside Quint's words: the union's view of Portline, a source's, not the narration's
        ["acquitted", "Portline", "sources", 1.0],
    ]


DOCKERS = """\
[meta]
extends_default = false

[[party]]
name = "Dockers"
names = ["dockers", "the strikers"]

[[party]]
name = "Portline"
names = ["Portline"]
people = [{ name = "Tobias Wren" }]
"""


def test_they_in_the_narration_stands_for_the_group_named_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portrayals, "GROUP_PRONOUNS", True)  # off by default (measured)
    lexicon = tmp_path / "dockers.toml"
    lexicon.write_text(DOCKERS, encoding="utf-8")
    text = (
        "Hundreds of dockers walked out on Monday. They blocked the gates for hours.\n\n"
        'Tobias Wren said "they are breaking the law" and Portline would sue.\n'
    )
    evidence = run(text, lexicon).portrayal_evidence
    narration = evidence[evidence["text"] == "They"]
    assert narration[["party", "by", "tie"]].values.tolist() == [
        ["Dockers", "author", "a pronoun for the group named last"]
    ]
    # inside Wren's words "they" is whoever he means: not tied
    assert evidence[evidence["text"] == "they"].empty
    singular = run("Portline cut overtime. They said nothing.\n", lexicon).portrayal_evidence
    assert singular[singular["text"] == "They"].empty  # "they" stands for a plural name only


def test_another_partys_stance_is_the_sources_portrayal(story: Path) -> None:
    text = "Mara Quint said she rejected Portline's offer and condemned Portline.\n"
    evidence = run(text, story).portrayal_evidence
    stance = evidence[(evidence["signal"] == "stance") & (evidence["party"] == "Portline")]
    assert not stance.empty
    assert set(stance["by"]) == {"sources"}
    assert (stance["score"].dropna() == -1.0).all()
