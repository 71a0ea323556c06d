"""One bad record in a corpus file (issue 18): skipped, named with its file, line and id, and listed
at the end of the run with the articles whose analysis failed; `--strict` stops at it instead, in
one line. The same in every command that reads a corpus, with either engine. A corpus of which
nothing could be read is an error, not an empty output.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import pandas as pd
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research import engines, framing, io
from research.batch import Split, split_runs
from research.cli import main
from research.io import DecodingWarning, InputError, RecordError, read_articles
from research.skips import SkippedArticleWarning

FIRST = {"id": "wire-1", "text": "Lavrov said that the talks would go on."}
LAST = {"id": "wire-3", "text": "Kerry said the convoy had left the city."}
DEEP = "[" * 100_000 + "]" * 100_000

# One bad record each, as the middle line of a JSON Lines file: the record, and what is said of it.
BAD_JSON_LINES = {
    "invalid JSON": ('{"id": "wire-2", "text": "Talks", }', r"invalid JSON \(Expecting property"),
    "nested 100,000 deep": (
        '{"id": "wire-2", "text": "x", "title": ' + DEEP + "}",
        r"a value nested too deep",
    ),
    "a list for the id": (
        '{"id": ["wire", 2], "text": "Ryabkov said so."}',
        r"'id' must be text or a number, not a list",
    ),
    "an object for the id": (
        '{"id": {"n": 2}, "text": "Ryabkov said so."}',
        r"'id' must be text or a number, not a table",
    ),
    "an object for the text": (
        '{"id": "wire-2", "text": {"body": "Ryabkov said so."}}',
        r"article 'wire-2': 'text' must be a string, not a table",
    ),
    "a number for the text": (
        '{"id": "wire-2", "text": 42}',
        r"article 'wire-2': 'text' must be a string, not a number",
    ),
    "no text field": (
        '{"id": "wire-2", "headline": "Talks"}',
        r"article 'wire-2': no text field \(looked for text, .*; found id, headline\)",
    ),
    "a line that is not an object": ('["wire-2", "Talks"]', r"each line must be a JSON object"),
}


def jsonl(path: Path, middle: str) -> Path:
    path.write_text(f"{json.dumps(FIRST)}\n{middle}\n{json.dumps(LAST)}\n", encoding="utf-8")
    return path


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def skipped_lines(result: Result) -> list[str]:
    """The end-of-run list: the lines after `warning: N article(s) skipped ...`."""
    lines = result.stderr.splitlines()
    heads = [
        i for i, line in enumerate(lines) if re.match(r"warning: \d+ article\(s\) skipped", line)
    ]
    assert len(heads) == 1, result.stderr
    return [line.strip() for line in lines[heads[0] + 1 :] if line.startswith("  ")]


def statements_of(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


# --- reading: each bad record is skipped and named, or stops the read under strict ----------------


@pytest.mark.parametrize("case", list(BAD_JSON_LINES))
def test_a_bad_json_line_is_skipped_and_named_the_rest_read(tmp_path: Path, case: str) -> None:
    record, said = BAD_JSON_LINES[case]
    path = jsonl(tmp_path / "wire.jsonl", record)

    with pytest.warns(SkippedArticleWarning) as caught:
        articles = read_articles([path])

    assert articles["doc"].tolist() == ["wire-1", "wire-3"]
    assert articles["record"].tolist() == [1, 3]
    [warning] = caught
    assert re.fullmatch(rf"{re.escape(str(path))}:2: .*{said}.*; skipped", str(warning.message))

    with pytest.raises(RecordError, match=rf"wire\.jsonl:2: .*{said}") as stopped:
        read_articles([path], strict=True)
    assert stopped.value.line == 2 and isinstance(stopped.value, InputError)


@pytest.mark.parametrize("batch_size", [1, 2, 3])
def test_batched_reads_skip_the_same_records_as_a_whole_read(
    tmp_path: Path, batch_size: int
) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": f"w{i}", "text": f"Aide {i} said talks went on."}) for i in range(6)]
    lines[1], lines[4] = "{oops", json.dumps({"id": "w4", "text": None})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.warns(SkippedArticleWarning) as whole:
        expected = read_articles([path])
    with pytest.warns(SkippedArticleWarning) as batched:
        found = pd.concat(io.iter_article_batches([path], batch_size=batch_size))

    assert found["doc"].tolist() == expected["doc"].tolist() == ["w0", "w2", "w3", "w5"]
    assert [str(w.message) for w in batched] == [str(w.message) for w in whole]
    assert [re.search(r":(\d+): ", str(w.message))[1] for w in whole] == ["2", "5"]  # type: ignore[index]


CSV = (
    "id,text\r\n"
    'a1,"Ryabkov said, in Geneva,\nthat no deal had been reached."\r\n'  # quoted: one record, two lines
    "a2,Lavrov said, it seems, that talks would go on\r\n"  # two fields too many
    "a3,Kerry said the convoy had left.\r\n"
    "a4,The UN said aid was blocked,x\r\n"  # one field too many
    "a5,Officials said the crossing was open.\r\n"
)


@pytest.mark.parametrize("batch_size", [None, 1, 2, 3])
def test_a_malformed_csv_row_is_skipped_with_its_row_number(
    tmp_path: Path, batch_size: int | None
) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(CSV, encoding="utf-8", newline="")

    with pytest.warns(SkippedArticleWarning) as caught:
        if batch_size is None:
            articles = read_articles([path])
        else:
            articles = pd.concat(io.iter_article_batches([path], batch_size=batch_size))

    assert articles["doc"].tolist() == ["a1", "a3", "a5"]
    assert articles["record"].tolist() == [2, 4, 6]  # rows, counting the header as 1
    assert articles["text"].tolist()[1] == "Kerry said the convoy had left."
    assert [str(w.message) for w in caught] == [
        f"{path}:3: 4 fields where the header has 2 (a text with commas must be in double "
        "quotes); skipped",
        f"{path}:5: article 'a4': more fields than the header (a text with commas must be in "
        "double quotes); skipped",
    ]
    with pytest.raises(RecordError, match=r"wire\.csv:3: 4 fields where the header has 2"):
        read_articles([path], strict=True)


@pytest.mark.parametrize("batch_size", [1, 2])
def test_csv_pieces_read_in_any_order_give_the_same_rows(tmp_path: Path, batch_size: int) -> None:
    # in order (one pass over the file, as `research statements` streams) and out of order (as
    # Dask workers read them), each piece holds the same rows and skips the same malformed ones
    path = tmp_path / "wire.csv"
    path.write_text(CSV, encoding="utf-8", newline="")
    pieces = [piece for part in io.plan_partitions([path], batch_size=batch_size) for piece in part]

    def read(order: list[io.Piece]) -> dict[int, list[str]]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedArticleWarning)
            return {p.index: io.read_partition((p,))["doc"].tolist() for p in order}

    in_order, reversed_order = read(pieces), read(pieces[::-1])
    assert in_order == reversed_order
    assert [doc for index in sorted(in_order) for doc in in_order[index]] == ["a1", "a3", "a5"]


def test_a_malformed_first_csv_row_does_not_shift_the_others(tmp_path: Path) -> None:
    # pandas would read a first row one or more fields too long as an index, shifting every field
    for first in ("b1,He said, it seems, no\r\n", "b1,He said, it seems\r\n"):
        path = tmp_path / "first.csv"
        path.write_text(f"id,text\r\n{first}b2,Kerry said it was over.\r\n", encoding="utf-8")
        with pytest.warns(SkippedArticleWarning, match=r"first\.csv:2: .*more|first\.csv:2: 4"):
            articles = read_articles([path])
        assert articles[["doc", "text"]].values.tolist() == [["b2", "Kerry said it was over."]]


def test_a_parquet_row_whose_text_is_not_a_string_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "wire.parquet"
    pd.DataFrame(
        {"id": ["p1", "p2", "p3"], "text": [["Lavrov said so."], [], ["Kerry said it."]]}
    ).to_parquet(path)
    with (
        pytest.warns(SkippedArticleWarning) as caught,
        pytest.raises(InputError, match="no article could be read"),
    ):
        read_articles([path])
    assert len(caught) == 3
    assert "wire.parquet:1: article 'p1': 'text' must be a string, not a list" in str(
        caught[0].message
    )


def test_errors_of_the_whole_file_stay_errors(tmp_path: Path) -> None:
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(f"{json.dumps(FIRST)}\n".encode() + '{"text": "Café"}\n'.encode("cp1252"))
    with pytest.raises(InputError, match=r"latin\.jsonl:2: is not valid UTF-8") as caught:
        read_articles([latin])
    assert not isinstance(caught.value, RecordError)  # the file's encoding, not one record
    notext = tmp_path / "notext.csv"
    notext.write_text("id,title\r\na,Talks\r\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notext\.csv: has no text column"):
        read_articles([notext])


def test_an_unreadable_text_file_in_a_folder_is_skipped_and_listed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks.txt").write_text(FIRST["text"], encoding="utf-8")
    (corpus / "blank.txt").write_text(" \n\n", encoding="utf-8")
    (corpus / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "wide.txt").write_bytes(LAST["text"].encode("utf-16"))
    out = tmp_path / "found.jsonl"

    result = run("statements", corpus, "-o", out)

    assert result.exit_code == 0, result.output
    assert [s["doc"] for s in statements_of(out)] == ["talks"]
    listed = skipped_lines(result)
    assert [line.split(":")[0] for line in listed] == [
        str(corpus / name) for name in ("blank.txt", "scan.txt", "wide.txt")
    ]
    assert "file is empty" in listed[0]
    assert "binary" in listed[1]
    assert "UTF-16" in listed[2]

    strict = run("statements", corpus, "-o", tmp_path / "strict.jsonl", "--strict")

    assert strict.exit_code == 1
    assert strict.stderr.strip().endswith("blank.txt: file is empty")
    assert not (tmp_path / "strict.jsonl").exists()


# --- a corpus of which nothing could be read -----------------------------------------------------


def test_a_corpus_of_only_bad_records_is_an_error_not_an_empty_output(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "a", "text": 1}\n{oops\n', encoding="utf-8")
    with pytest.warns(SkippedArticleWarning), pytest.raises(InputError) as caught:
        read_articles([path])
    assert str(caught.value) == (
        f"{path}: no article could be read: every record was skipped (the warnings say why)"
    )
    with pytest.warns(SkippedArticleWarning), pytest.raises(InputError, match="no article"):
        list(io.iter_article_batches([path], batch_size=1))

    out = tmp_path / "s.jsonl"
    result = run("statements", path, "-o", out)
    assert result.exit_code == 1
    assert not out.exists()
    assert skipped_lines(result) == [
        f"{path}:1: article 'a': 'text' must be a string, not a number; skipped",
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes); skipped",
    ]
    assert result.stderr.splitlines()[-1] == (
        f"error: {path}: no article could be read: every record was skipped (the warnings say why)"
    )


def test_a_split_of_only_bad_records_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "a", "text": [], "source": "Wire"}\n', encoding="utf-8")
    split = Split(corpus=(str(path),), by="source")
    with pytest.warns(SkippedArticleWarning), pytest.raises(InputError, match="no article"):
        split_runs(split, out=tmp_path / "out")


def test_a_split_skips_a_bad_record_and_keeps_the_rest(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "wire.jsonl", '{"id": "x", "text": true}')
    with pytest.warns(SkippedArticleWarning, match=r"wire\.jsonl:2: article 'x': 'text' must"):
        [run_] = split_runs(Split(corpus=(str(path),), by="source"), out=tmp_path / "out")
    assert len(Path(run_.corpus[0]).read_text(encoding="utf-8").splitlines()) == 2


# --- every command that reads a corpus -------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of a good text file and a JSON Lines file whose middle record is invalid JSON."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks end\n\nRyabkov said that no deal had been reached.\n", encoding="utf-8"
    )
    jsonl(folder / "wire.jsonl", '{"id": "wire-2", "text": "Talks", }')
    return folder


BAD_LINE = "wire.jsonl:2: invalid JSON (Expecting property name enclosed in double quotes)"


@pytest.mark.parametrize(
    "command",
    [
        ["statements", "{corpus}", "-o", "{out}/s.jsonl"],
        ["portrayals", "{corpus}", "-o", "{out}/p.csv"],
        ["lexicon", "draft", "{corpus}", "-o", "{out}/draft.toml"],
    ],
    ids=["statements", "portrayals", "lexicon-draft"],
)
def test_every_command_skips_lists_or_stops_at_a_bad_record(
    tmp_path: Path, corpus: Path, command: list[str]
) -> None:
    out = tmp_path / "out"
    args = [part.format(corpus=corpus, out=out) for part in command]

    result = run(*args)
    assert result.exit_code == 0, result.output
    assert skipped_lines(result) == [f"{corpus / BAD_LINE}; skipped"]
    [written] = out.iterdir()

    written.unlink()
    strict = run(*args, "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [f"error: {corpus / BAD_LINE}"]
    assert list(out.iterdir()) == []


def test_statements_keep_every_good_record(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "s.jsonl"
    result = run("statements", corpus, "-o", out)
    assert result.exit_code == 0
    found = statements_of(out)
    assert {r["doc"] for r in found} == {"a", "wire-1", "wire-3"}
    # the articles read: the record skipped is not counted as one
    assert result.stderr.splitlines()[0] == f"{len(found)} statements from 3 articles -> {out}"


def test_report_checks_the_corpus_up_front_under_strict(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "reports"
    result = run("report", "--corpus", corpus, "--out", out, "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {corpus / BAD_LINE}"]
    assert not out.exists()


def test_report_skips_a_bad_record_and_lists_it(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "reports"
    result = run("report", "--corpus", corpus, "--out", out, "--name", "r")
    assert result.exit_code == 0, result.output
    assert (out / "r" / "r.html").is_file()
    assert skipped_lines(result) == [f"{corpus / BAD_LINE}; skipped"]


def test_batch_lists_what_each_reports_corpus_check_skipped(
    tmp_path: Path, corpus: Path, write_notebook: Callable[..., Path]
) -> None:
    # each report renders in a pool process: its skips come back to the end-of-run list
    write_notebook(
        tmp_path / "small.ipynb",
        "from research import io\n"
        "articles = io.read_articles(corpus)\n"
        "print('articles:', ' '.join(articles['doc']))",
    )
    spec = tmp_path / "spec.toml"
    spec.write_text(
        f'out = "out"\n[[run]]\nname = "r"\nnotebook = "small.ipynb"\ncorpus = ["{corpus}"]\n',
        encoding="utf-8",
    )
    result = run("batch", spec)
    assert result.exit_code == 0, result.output
    assert "articles: a wire-1 wire-3" in (tmp_path / "out" / "r" / "r.html").read_text("utf-8")
    assert skipped_lines(result) == [f"{corpus / BAD_LINE}; skipped"]


# --- the end-of-run list: read and analysis skips together, the same with Dask ---------------------


def _break_the_analysis_of_kozlov() -> None:
    """Make the analysis of any text naming Kozlov fail, as a bug its text revealed would (run in
    this process, or on each Dask worker)."""
    from research import framing as stages

    real = stages.find_hedges

    def find_hedges(text: str, *args: Any, **kwargs: Any) -> Any:
        if "Kozlov" in text:
            raise ValueError("not a span: [85, 78)")
        return real(text, *args, **kwargs)

    stages.find_hedges = find_hedges


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Four records: one unreadable, one whose analysis fails, two good."""
    path = tmp_path / "wire.jsonl"
    records = [
        json.dumps(FIRST),
        '{"id": "w2", "text": ["a list"]}',
        json.dumps({"id": "w3", "text": "Kozlov said that the talks had failed."}),
        json.dumps(LAST),
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def expected_list(path: Path) -> list[str]:
    return [
        f"{path}:2: article 'w2': 'text' must be a string, not a list; skipped",
        f"{path}: article 'w3': ValueError: not a span: [85, 78); skipped",
    ]


def test_read_and_analysis_skips_are_listed_together(
    tmp_path: Path, mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(framing, "find_hedges", framing.find_hedges)  # restored after the test
    _break_the_analysis_of_kozlov()
    out = tmp_path / "s.jsonl"
    result = run("statements", mixed, "-o", out, "--batch-size", "1")
    assert result.exit_code == 0, result.output
    assert skipped_lines(result) == expected_list(mixed)
    assert {r["doc"] for r in statements_of(out)} == {"wire-1", "wire-3"}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two worker processes whose analysis of Kozlov fails (as in tests/test_engines.py)."""
    from distributed import Client, LocalCluster

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import tests
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(_break_the_analysis_of_kozlov)
        yield cluster.scheduler_address


def test_dask_lists_what_its_workers_skipped_as_pandas_does(
    tmp_path: Path, mixed: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(framing, "find_hedges", framing.find_hedges)
    _break_the_analysis_of_kozlov()
    lists = {}
    for engine in ("pandas", "dask"):
        options = ["--engine", "dask", "--scheduler", scheduler] if engine == "dask" else []
        out = tmp_path / f"{engine}.jsonl"
        result = run("statements", mixed, "-o", out, "--batch-size", "1", *options)
        assert result.exit_code == 0, result.output
        lists[engine] = skipped_lines(result)
        assert {r["doc"] for r in statements_of(out)} == {"wire-1", "wire-3"}
    assert lists["dask"] == lists["pandas"] == expected_list(mixed)


def test_dask_strict_stops_at_a_bad_record_read_on_a_worker(mixed: Path, scheduler: str) -> None:
    with pytest.raises(RecordError, match=r"wire\.jsonl:2: article 'w2'"):
        engines.extract([mixed], engine="dask", scheduler=scheduler, batch_size=1, strict=True)


# --- any JSON value where the text or the id belongs -----------------------------------------------

# JSON values two levels deep (deeper ones: DEEP above), spelled out rather than st.recursive, whose
# check that `extend` uses its argument can misfire once other tests have filled hypothesis's cache.
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_containers = st.lists(json_scalars, max_size=3) | st.dictionaries(
    st.text(max_size=4), json_scalars, max_size=3
)
json_values = (
    json_scalars
    | json_containers
    | st.lists(json_containers, max_size=2)
    | st.dictionaries(st.text(max_size=4), json_containers, max_size=2)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(["id", "text"]), value=json_values)
def test_any_json_value_for_a_text_or_id_never_loses_the_other_records(
    field: str, value: Any
) -> None:
    record = {"id": "wire-2", "text": "Ryabkov said that talks went on.", field: value}
    if field == "id" and str(value) in ("wire-1", "wire-3"):
        return  # an id used twice is the corpus's problem, not the record's (an error)
    with tempfile.TemporaryDirectory() as folder:
        path = jsonl(Path(folder) / "c.jsonl", json.dumps(record))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            articles = read_articles([path])
            batched = pd.concat(io.iter_article_batches([path], batch_size=1))
            try:
                read_articles([path], strict=True)
            except RecordError as error:
                stopped: RecordError | None = error
            else:
                stopped = None
        skipped = [w for w in caught if issubclass(w.category, SkippedArticleWarning)]
        others = [w for w in caught if not issubclass(w.category, SkippedArticleWarning)]
        assert all(issubclass(w.category, DecodingWarning) for w in others)  # lone surrogates
        docs = articles["doc"].tolist()
        assert docs[0] == "wire-1" and docs[-1] == "wire-3"  # the others, always
        assert len(docs) + len(skipped) // 2 == 3  # the middle one read, or skipped (read twice)
        for warning in skipped:
            assert str(warning.message).startswith(f"{path}:2: ")
        pd.testing.assert_frame_equal(batched.reset_index(drop=True), articles)
        assert (stopped is None) == (not skipped)  # strict stops where the default skips
        assert stopped is None or stopped.line == 2
