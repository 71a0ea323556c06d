"""Dask gives what pandas gives, statement for statement, in the same order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from research import engines, io
from research.cli import main

SMALL = {
    "geneva": "Talks resume in Geneva\nRussian officials said the talks would resume on Monday.\n",
    "convoy": "Convoy waits\n“We will not leave,” said Amin Malhees, a rebel spokesman.\n",
    "empty-handed": "No statements here\nThe convoy waited at the crossing all day.\n",
}
RECORDS = [
    {"id": "wire-1", "text": "The UN said aid was blocked.", "source": "Wire"},
    {"id": "wire-2", "text": "“It is over,” John Kerry said.", "source": "Wire"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, bundled: Path) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in SMALL.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    table = folder.parent / "wire.jsonl"
    table.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return [bundled, folder, table]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two worker processes, reached by address as a remote cluster would be.

    Processes rather than threads: the partition function and its arguments must survive pickling,
    lexicons load once a process, and no worker thread shares this interpreter (Python 3.11's
    ast.parse, which pytest and traceback formatting call, is not safe across threads).
    """
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def expected(corpus: list[Path]) -> pd.DataFrame:
    return engines.extract(corpus, engine="pandas", batch_size=2)


def test_dask_gives_the_pandas_statements_in_the_same_order(
    corpus: list[Path], scheduler: str, expected: pd.DataFrame
) -> None:
    found = engines.extract(corpus, engine="dask", scheduler=scheduler, batch_size=2)

    pd.testing.assert_frame_equal(found, expected)
    docs = list(dict.fromkeys(expected["doc"]))
    assert docs == ["aleppo-safe-exit-deal", "convoy", "geneva", "wire-1", "wire-2"]
    for _, statements in expected.groupby("doc", sort=False):
        assert statements["statement"].tolist() == list(range(len(statements)))


def test_engines_agree_with_the_pipeline_on_a_whole_read(
    corpus: list[Path], expected: pd.DataFrame
) -> None:
    from research.pipeline import extract_statements

    pd.testing.assert_frame_equal(expected, extract_statements(io.read_articles(corpus)))


def test_an_articles_frame_runs_on_dask_too(
    corpus: list[Path], scheduler: str, expected: pd.DataFrame
) -> None:
    articles = io.read_articles(corpus)
    found = engines.extract(articles, engine="dask", scheduler=scheduler, batch_size=3)
    pd.testing.assert_frame_equal(found, expected)


def test_bad_input_on_a_worker_is_the_same_error(tmp_path: Path, scheduler: str) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "Fine, he said."}\n{"text": oops}\n', encoding="utf-8")
    with pytest.raises(io.InputError, match=r"broken\.jsonl:2: invalid JSON"):
        engines.extract([path], engine="dask", scheduler=scheduler, batch_size=1, strict=True)


def test_user_lexicon_is_loaded_once_a_worker(
    tmp_path: Path, corpus: list[Path], scheduler: str
) -> None:
    from distributed import Client

    lexicon = tmp_path / "extra.toml"
    lexicon.write_text('[[party]]\nname = "Drafters"\nnames = ["draft proposal"]\n', "utf-8")

    found = engines.extract(
        corpus, engine="dask", scheduler=scheduler, lexicon=lexicon, batch_size=1
    )

    assert "Drafters" in set(found["party"])
    with Client(scheduler) as client:
        loads = client.run(lambda: engines._load_lexicons.cache_info().misses)
    # six partitions over two workers; each loaded the user's lexicon once (and the default one
    # once, for the tests before)
    assert sorted(loads.values()) == [2, 2]


def test_unknown_engine_and_misplaced_options_are_refused(corpus: list[Path]) -> None:
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        engines.extract(corpus, engine="spark")
    with pytest.raises(ValueError, match="options of the dask engine"):
        engines.extract(corpus, engine="pandas", workers=2)


def test_cli_dask_to_parquet_equals_pandas_to_parquet(
    tmp_path: Path, corpus: list[Path], scheduler: str
) -> None:
    paths = [str(p) for p in corpus]
    pandas_out, dask_out = tmp_path / "pandas.parquet", tmp_path / "dask.parquet"
    first = CliRunner().invoke(main, ["statements", *paths, "-o", str(pandas_out)])
    on_dask = ["--engine", "dask", "--scheduler", scheduler, "--batch-size", "2"]
    second = CliRunner().invoke(main, ["statements", *paths, "-o", str(dask_out), *on_dask])
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    pd.testing.assert_frame_equal(pd.read_parquet(dask_out), pd.read_parquet(pandas_out))
    # not a terminal: no progress bar, just the one summary line
    assert second.stderr.strip().splitlines() == [
        f"{len(pd.read_parquet(dask_out))} statements from 6 articles -> {dask_out}"
    ]


def test_cli_dask_jsonl_follows_the_contract(corpus: list[Path], scheduler: str) -> None:
    result = CliRunner().invoke(
        main, ["statements", str(corpus[0]), "--engine", "dask", "--scheduler", scheduler]
    )
    assert result.exit_code == 0, result.output
    text = corpus[0].read_text(encoding="utf-8")
    for line in result.stdout.splitlines():
        record = json.loads(line)
        for span in record["content"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_cli_refuses_workers_without_dask(corpus: list[Path]) -> None:
    result = CliRunner().invoke(main, ["statements", str(corpus[0]), "--workers", "2"])
    assert result.exit_code == 2
    assert "--engine dask" in result.output


def test_each_batch_counts_the_records_planned_for_it_skipped_ones_too(tmp_path: Path) -> None:
    """The progress bar counts planned records: a skipped one must not leave it short of done."""
    wire = tmp_path / "wire.jsonl"
    lines = [json.dumps(r) for r in RECORDS]
    wire.write_text("\n".join([lines[0], "{not json", lines[1]]) + "\n", encoding="utf-8")
    corpus = engines.plan([wire], batch_size=2)
    with pytest.warns(UserWarning, match="wire.jsonl"):
        batches = list(engines.iter_statements(corpus))
    assert [len(b.articles) for b in batches] == [1, 1]
    assert [b.planned for b in batches] == [2, 1]
    assert sum(b.planned for b in batches) == corpus.articles == 3
