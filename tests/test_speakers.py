"""Who is speaking (issue 15): every shape of speaker the attributor and `research.entities` must
get right, the speech-only option, resolution coverage, the draft lexicon and the invented
evaluation set. All text here is invented."""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from research import engines, evaluate_speakers, lexicon_draft, parties, pipeline
from research.cli import main
from research.lexicons import load_parties
from research.schema import UNRESOLVED

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "data" / "eval" / "speakers"

# A small story lexicon, as a researcher would write it from the README.
LEXICON = """
[meta]
extends_default = false

[[party]]
name = "Halvard Shipping"
names = ["Halvard Shipping", "Halvard"]
people = [{ name = "Marta Keller", title = "chief executive" }]

[[party]]
name = "Dockworkers"
names = ["Dockworkers Union", "dockworkers' union", "Railroad Workers United"]
group_nouns = ["union officials", "dockworkers"]
people = [{ name = "Rita Okafor", title = "union spokeswoman" }]

[[party]]
name = "Government"
names = ["Ministry of Transport", "government"]
people = [{ name = "Anna Berg", title = "Transport Minister" }]

[[party]]
name = "City"
people = [{ name = "Linda Gajewski", title = "Mayor" }]

[[party]]
name = "Harbour Authority"
kind = "source"
names = ["Harbour Authority"]
"""


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> pipeline.Lexicons:
    path = tmp_path_factory.mktemp("lexicon") / "story.toml"
    path.write_text(LEXICON, encoding="utf-8")
    return pipeline.load_lexicons(parties_path=path)


def statements_of(text: str, lexicons: pipeline.Lexicons, **options: str) -> pd.DataFrame:
    articles = pd.DataFrame({"doc": ["story"], "text": [text]})
    return pipeline.analyze(articles, lexicons, **options).statements  # type: ignore[arg-type]


def speaker_rows(frame: pd.DataFrame) -> list[tuple[str | None, str | None, str]]:
    return [
        (row["speaker"], row["entity"], row["party"])
        for row in frame.to_dict("records")
        if not row["nested"]
    ]


# text_in, (speaker, entity, party) expected among the statements, one row per shape
SHAPES = [
    pytest.param(
        "Port strike drags on\n\n"
        '"Cities have to be planned around people," said Mayor Linda Gajewski. "Not cargo."\n\n'
        '"We cannot keep building roads that nobody wants."\n',
        ("Mayor Linda Gajewski", "Linda Gajewski", "City"),
        id="quote paragraph without a tag continues the turn",
    ),
    pytest.param(
        "Strike talks stall\n\nThe talks stalled on Monday. But Keller said the offer stood.\n",
        ("Keller", "Marta Keller", "Halvard Shipping"),
        id="'But Keller', a lexicon person known by surname only",
    ),
    pytest.param(
        "Ships diverted\n\nThe strike entered its second week on Wednesday. Suncor said it had "
        "diverted two tankers.\n",
        ("Suncor", "Suncor", UNRESOLVED),
        id="'Wednesday. Suncor' is Suncor",
    ),
    pytest.param(
        "Ships diverted\n\nOn Wednesday, Suncor said it had diverted two tankers.\n",
        ("Suncor", "Suncor", UNRESOLVED),
        id="'On Wednesday, Suncor' is Suncor",
    ),
    pytest.param(
        "Talks to resume\n\nThe union met on Tuesday. Kim said the talks would resume.\n",
        ("Kim", "Kim", UNRESOLVED),
        id="'Tuesday. Kim' is Kim",
    ),
    pytest.param(
        "Offer stands\n\nA Halvard executive said the company would not raise its offer.\n",
        ("A Halvard executive", None, "Halvard Shipping"),
        id="'A Halvard executive' is no one named",
    ),
    pytest.param(
        "Rail staff join\n\nJoe Mulligan with Railroad Workers United said rail staff would "
        "refuse to move containers.\n",
        ("Joe Mulligan with Railroad Workers United", "Joe Mulligan", "Dockworkers"),
        id="a person with an organisation is the person",
    ),
    pytest.param(
        "Minister speaks\n\nTransport Minister Anna Berg spoke on Monday. The Ministry of "
        "Transport issued new rules on Tuesday. She said the rules were needed.\n",
        ("She", "Anna Berg", "Government"),
        id="'she' skips an organisation to a woman",
    ),
    pytest.param(
        "Mayor and skipper\n\nMayor Linda Gajewski met John Holm on Monday. He said the quays "
        "would reopen.\n",
        ("He", "John Holm", UNRESOLVED),
        id="'he' skips a woman named first to a man",
    ),
    pytest.param(
        "Diversions\n\nHalvard Shipping diverted four ships. It said the terminal would "
        "reopen soon.\n",
        ("It", "Halvard Shipping", "Halvard Shipping"),
        id="'it' is an organisation",
    ),
    pytest.param(
        "Minister firm\n\nTransport Minister Anna Berg met both sides. The minister said no "
        "law would change.\n",
        ("The minister", "Anna Berg", "Government"),
        id="'the minister' is the minister named before",
    ),
    pytest.param(
        "Union firm\n\nRita Okafor, a spokeswoman for the union, spoke first. The spokeswoman "
        "said members would not return.\n",
        ("The spokeswoman", "Rita Okafor", "Dockworkers"),
        id="'the spokeswoman' is the spokeswoman named before",
    ),
    pytest.param(
        "Terminal loss\n\nMarta Keller, chief executive of Halvard Shipping, met the union. "
        "The company's chief executive said losses were mounting.\n",
        ("The company's chief executive", "Marta Keller", "Halvard Shipping"),
        id="'the company's chief executive'",
    ),
    pytest.param(
        "Cost put at 40 million\n\nA report by the Harbour Authority was published on Monday. "
        "The report said exporters had been hit hardest.\n",
        ("The report", "Harbour Authority", "Harbour Authority"),
        id="'the report' speaks for its author",
    ),
    pytest.param(
        "Minister urges talks as strike drags on\n\nTransport Minister Anna Berg on Monday "
        "urged both sides to return to the table.\n",
        ("Minister", "Anna Berg", "Government"),
        id="a headline's bare title is the body's minister",
    ),
    pytest.param(
        "Pay deal\n\nThe government appointed a mediator and the dockworkers' union rejected a "
        "revised pay offer, union officials said.\n",
        ("union officials", None, "Dockworkers"),
        id="coordinated clause: the outer speaker",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_speaker_shapes(
    text: str, expected: tuple[str, str | None, str], story: pipeline.Lexicons
) -> None:
    assert expected in speaker_rows(statements_of(text, story))


def test_continued_turn_is_a_direct_statement_without_cue(story: pipeline.Lexicons) -> None:
    text = SHAPES[0].values[0]
    found = statements_of(str(text), story)
    turn = found.loc[found["content"] == '"We cannot keep building roads that nobody wants."']
    assert len(turn) == 1
    assert turn.iloc[0]["kind"] == "direct" and pd.isna(turn.iloc[0]["cue"])


@pytest.mark.parametrize(
    "answer",
    ['"Nooo!"', '"We will never give up on this port, never."'],
    ids=["too short to be a turn", "after a question"],
)
def test_no_turn_continues_after_a_question(answer: str, story: pipeline.Lexicons) -> None:
    text = f'Rally\n\n"Do we give up on this port?" Mayor Linda Gajewski asked.\n\n{answer}\n'
    found = statements_of(text, story)
    assert answer not in set(found["content"])


def test_coordinated_clause_does_not_swallow_the_speaker(story: pipeline.Lexicons) -> None:
    text = str(SHAPES[-1].values[0])
    speakers = set(statements_of(text, story)["speaker"])
    assert "the dockworkers' union" in speakers
    assert not any(s and s.startswith("The government appointed") for s in speakers)


@pytest.mark.parametrize(
    "text",
    [
        "Offer\n\nA Halvard executive, who asked not to be named, said the offer stood.\n",
        "Offer\n\nA Halvard manager, speaking on condition of anonymity, said the offer stood.\n",
        "Offer\n\nA HALVARD MANAGER, WHO ASKED NOT TO BE NAMED, said the offer stood.\n",
        # a dotless i, as a Turkish keyboard types it, matches "i" when case is ignored
        "Offer\n\nA Halvard executive, who asked not to be ıdentified, said the offer stood.\n",
    ],
)
def test_anonymity_is_not_a_statement(text: str, story: pipeline.Lexicons) -> None:
    found = statements_of(text, story)
    assert list(found["cue"]) == ["said"]


@pytest.mark.parametrize("headline", ["Analysis: who blinks first", "Opinion: the long strike"])
def test_headline_labels_are_not_speakers(headline: str, story: pipeline.Lexicons) -> None:
    found = statements_of(f"{headline}\n\nThe strike is in its ninth day.\n", story)
    assert found.empty


def test_headline_speaker_is_kept_when_a_name(story: pipeline.Lexicons) -> None:
    found = statements_of("Keller: no new offer\n\nThe strike goes on.\n", story)
    assert ("Keller", "Marta Keller", "Halvard Shipping") in speaker_rows(found)


def test_bundled_article_statements_stay_right(
    lexicons: pipeline.Lexicons, bundled_text: str
) -> None:
    found = statements_of(bundled_text, lexicons)
    rows = speaker_rows(found)
    assert ("Russian Deputy Foreign Minister Sergei Ryabkov", "Sergei Ryabkov", "Russia") in rows
    assert any(
        entity == "Staffan De Mistura" and party == "United Nations" for _, entity, party in rows
    )
    assert any(entity == "John Kerry" and party == "United States" for _, entity, party in rows)
    assert any(
        entity == "Amin Malhees" and party == "Rebels / opposition" for _, entity, party in rows
    )


# --- speech only ------------------------------------------------------------------------------


SPEECH_AND_BELIEF = (
    "Strike\n\nKeller said the offer was final. The dockworkers believe the company can pay "
    "more. The government wants a deal by Friday.\n"
)


def test_speech_only_keeps_speech_acts(story: pipeline.Lexicons) -> None:
    every = statements_of(SPEECH_AND_BELIEF, story)
    spoken = statements_of(SPEECH_AND_BELIEF, story, attributions="speech")
    assert {"said", "believe", "wants"} <= set(every["cue"])
    assert list(spoken["cue"]) == ["said"]
    assert list(spoken["statement"]) == list(range(len(spoken)))


def test_speech_only_from_the_command_line(tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    article.write_text(SPEECH_AND_BELIEF, encoding="utf-8")
    runs = {}
    for choice in ("all", "speech"):
        result = CliRunner().invoke(main, ["statements", str(article), "--attributions", choice])
        assert result.exit_code == 0, result.output
        runs[choice] = [json.loads(line)["cue"]["text"] for line in result.stdout.splitlines()]
    assert runs["speech"] == ["said"] and len(runs["all"]) > 1
    bad = CliRunner().invoke(main, ["statements", str(article), "--attributions", "beliefs"])
    assert bad.exit_code == 2


def test_unknown_attributions_value_is_refused(story: pipeline.Lexicons) -> None:
    with pytest.raises(ValueError, match="attributions must be one of"):
        statements_of("x", story, attributions="beliefs")


# --- coverage ---------------------------------------------------------------------------------


def test_resolution_coverage_counts_and_lists_unresolved(story: pipeline.Lexicons) -> None:
    text = (
        "Strike\n\nKeller said the offer stood. Suncor said it had diverted tankers. Suncor "
        "said more would follow. Police said no one was hurt. Some say it will end soon.\n"
    )
    coverage = parties.resolution_coverage(statements_of(text, story))
    assert coverage.resolved == 1
    assert coverage.statements == coverage.resolved + int(coverage.unresolved["statements"].sum())
    assert coverage.unresolved.iloc[0].tolist() == ["Suncor", 2]
    assert "resolved to a party" in coverage.summary()


# --- the draft lexicon -----------------------------------------------------------------------


def test_draft_lexicon_of_an_invented_corpus(tmp_path: Path, lexicons: pipeline.Lexicons) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Strike goes on\n\nMarta Keller, chief executive of Halvard Shipping, said the offer "
        "stood. Keller said Halvard would wait. Joe Mulligan with Railroad Workers United said "
        "the strike would go on.\n",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        "Minister steps in\n\nTransport Minister Anna Berg said talks would resume. Berg said "
        "both sides had agreed. Sergei Ryabkov said nothing.\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.toml"
    result = CliRunner().invoke(main, ["lexicon", "draft", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    load_parties(out)  # the loader accepts the draft as written
    by_name = {party["name"]: party for party in data["party"]}
    halvard = by_name["Halvard Shipping"]
    assert "Halvard" in halvard["names"]
    keller = halvard["people"][0]
    assert keller["name"] == "Marta Keller"
    assert keller["title"] == "chief executive of Halvard Shipping"
    assert "speaks 2" in keller["note"] and "short name Keller" in keller["note"]
    assert by_name["Railroad Workers United"]["people"][0]["name"] == "Joe Mulligan"
    assert by_name["Anna Berg"]["people"][0]["title"] == "Transport Minister"
    # unresolved first: Ryabkov, whom the bundled lexicon knows, comes after every other entry
    names = [party["name"] for party in data["party"]]
    assert names[-1] == "Sergei Ryabkov"
    assert "ties it to Russia" in by_name["Sergei Ryabkov"]["note"]


def test_draft_lexicon_of_the_bundled_article(bundled: Path, lexicons: pipeline.Lexicons) -> None:
    articles = pd.DataFrame({"doc": ["a"], "text": [bundled.read_text(encoding="utf-8")]})
    text = lexicon_draft.draft_lexicon(articles, lexicons)
    people = {
        person["name"]: person
        for party in tomllib.loads(text)["party"]
        for person in party.get("people", [])
    }
    assert people["Sergei Ryabkov"]["title"] == "Russian Deputy Foreign Minister"
    assert people["John Kerry"]["title"] == "US Secretary of State"
    assert "East Aleppo" not in people  # a place, not a person


def test_draft_escapes_what_the_corpus_writes() -> None:
    written = 'a "b" \\ c\nd'
    assert tomllib.loads("x = " + lexicon_draft._string(written))["x"] == written


# --- the invented evaluation set ------------------------------------------------------------


@pytest.mark.parametrize("folder", ["speakers", "speakers-check"])
def test_evaluation_set_is_built_from_its_source(folder: str, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "speakers_eval", ROOT / "scripts" / "speakers_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    source = EVAL.parent / folder
    count = module.build(source / "articles.txt", tmp_path)
    assert count >= 40
    for built in sorted((tmp_path / "attributions").iterdir()):
        committed = source / "attributions" / built.name
        assert built.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
    assert len(list((EVAL / "text").iterdir())) >= 40


def test_evaluation_set_scores(tmp_path: Path) -> None:
    statements = engines.extract([str(EVAL / "text")], lexicon=EVAL / "parties.toml")
    articles = pd.DataFrame(
        {
            "doc": [p.stem for p in sorted((EVAL / "text").iterdir())],
            "text": [p.read_text(encoding="utf-8") for p in sorted((EVAL / "text").iterdir())],
        }
    )
    path = tmp_path / "pred.jsonl"
    from research import io

    io.write_statements(statements, articles, path, format="jsonl")
    scores = evaluate_speakers.evaluate_speakers(EVAL, evaluate_speakers.read_records(path))
    assert scores.entity_accuracy >= 0.9
    assert scores.party_accuracy >= 0.9
    assert scores.direct_recall >= 0.9
    assert "speaker-entity accuracy" in evaluate_speakers.format_speaker_report(scores)
