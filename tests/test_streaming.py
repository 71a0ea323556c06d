"""Large corpora in batches: the same articles as a whole read, and statements written batch by batch."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from research import io
from research.io import InputError, iter_article_batches, read_articles, statement_writer
from research.skips import SkippedArticleWarning

TABLE = pd.DataFrame(
    {
        "id": [f"w{i}" for i in range(7)],
        "headline": [f"Headline {i}" for i in range(7)],
        # a quoted newline (CSV), U+2028 (JSON Lines splits lines at "\n" only), curly quotes
        "body": [f"“No deal,” she said {i}.\nLine\u2028two, he said." for i in range(7)],
        "outlet": ["Wire", "Daily"] * 3 + ["Wire"],
        "date": [f"2016-{month:02d}-05" for month in range(1, 8)],
    }
)


def write_table(path: Path) -> Path:
    if path.suffix == ".csv":
        TABLE.to_csv(path, index=False)
    elif path.suffix == ".parquet":
        TABLE.to_parquet(path, row_group_size=3)  # batches straddle row groups
    else:
        lines = [json.dumps(r, ensure_ascii=False) for r in TABLE.to_dict("records")]
        lines.insert(3, "")  # a blank line: record numbers are line numbers
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_batches_are_the_whole_read_cut_up(tmp_path: Path, suffix: str, batch_size: int) -> None:
    path = write_table(tmp_path / f"corpus{suffix}")

    batches = list(iter_article_batches([path], batch_size=batch_size))

    assert [len(b) for b in batches[:-1]] == [batch_size] * (len(batches) - 1)
    whole = read_articles([path])
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), whole)
    assert whole["doc"].tolist() == TABLE["id"].tolist()
    assert whole["text"].tolist() == TABLE["body"].tolist()


def test_batches_fill_up_across_files(tmp_path: Path, bundled: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"{name}\nBody, he said.", encoding="utf-8")
    paths = [tmp_path, write_table(tmp_path.parent / "more.jsonl"), bundled]

    batches = list(iter_article_batches(paths, batch_size=4))

    # three texts; a piece of the table is not cut to fill a partition; its rest and the article
    assert [len(b) for b in batches] == [3, 4, 4]
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), read_articles(paths))


def test_parquet_index_is_not_a_column_in_batches_either(tmp_path: Path) -> None:
    path = tmp_path / "indexed.parquet"
    TABLE.set_index("id").to_parquet(path)  # pd.read_parquet restores it as the index
    batches = pd.concat(iter_article_batches([path], batch_size=2), ignore_index=True)
    pd.testing.assert_frame_equal(batches, read_articles([path]))


def test_an_id_used_twice_in_different_batches_is_refused(tmp_path: Path) -> None:
    first = write_table(tmp_path / "first.jsonl")
    second = write_table(tmp_path / "second.csv")
    with pytest.raises(InputError, match=r"article id 'w0' is used more than once \(.*first"):
        list(iter_article_batches([first, second], batch_size=2))


def test_bad_record_in_a_later_batch_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "late.jsonl"
    lines = [json.dumps({"text": f"Story {i}."}) for i in range(5)] + ['{"text": oops}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batches = iter_article_batches([path], batch_size=2, strict=True)
    assert len(next(batches)) == 2  # the first batches are read before the bad line is reached
    with pytest.raises(InputError, match=r"late\.jsonl:6: invalid JSON"):
        list(batches)
    # by default the bad line is skipped, named, and every other record read
    with pytest.warns(SkippedArticleWarning, match=r"late\.jsonl:6: invalid JSON .*; skipped$"):
        read = pd.concat(iter_article_batches([path], batch_size=2))
    assert read["text"].tolist() == [f"Story {i}." for i in range(5)]


def test_plan_keeps_no_text_and_partitions_read_anywhere(tmp_path: Path) -> None:
    path = write_table(tmp_path / "corpus.jsonl")
    partitions = io.plan_partitions([path], batch_size=3)
    assert [sum(p.count for p in part) for part in partitions] == [3, 3, 1]
    assert partitions[1][0].record == 5  # line 4 is blank
    assert io.read_partition(partitions[2])["doc"].tolist() == ["w6"]


# --- writing ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def found(bundled: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    from research.pipeline import extract_statements

    articles = read_articles([bundled])
    return extract_statements(articles), articles


def test_parquet_spans_have_an_arrow_type_and_batches_append(
    tmp_path: Path, found: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    statements, articles = found
    out = tmp_path / "statements.parquet"
    with statement_writer(out, format="parquet") as sink:
        sink.write(statements.iloc[:5], articles)
        sink.write(statements.iloc[5:5], articles)  # an empty batch is fine
        sink.write(statements.iloc[5:], articles)

    parquet = pq.ParquetFile(out)
    assert str(parquet.schema_arrow.field("content_spans").type) == (
        "list<element: struct<start: int64, end: int64>>"
    )
    assert parquet.metadata.num_row_groups == 3
    back = pd.read_parquet(out)
    assert len(back) == len(statements)
    spans = [[(s["start"], s["end"]) for s in cell] for cell in back["content_spans"]]
    assert spans == [list(cell) for cell in statements["content_spans"]]
    assert back["speaker_start"].dtype == "Int64"
    pd.testing.assert_series_equal(back["content"], statements["content"])


def test_a_failed_write_leaves_no_file(
    tmp_path: Path, found: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    statements, articles = found
    out = tmp_path / "statements.parquet"
    with pytest.raises(RuntimeError), statement_writer(out, format="parquet") as sink:
        sink.write(statements, articles)
        raise RuntimeError("interrupted after the first batch")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("format", ["jsonl", "csv"])
def test_text_formats_in_batches_equal_one_write(
    tmp_path: Path, found: tuple[pd.DataFrame, pd.DataFrame], format: str
) -> None:
    statements, articles = found
    whole, batched = tmp_path / f"whole.{format}", tmp_path / f"batched.{format}"
    io.write_statements(statements, articles, whole, format=format)
    with statement_writer(batched, format=format) as sink:
        for start in range(0, len(statements), 4):
            sink.write(statements.iloc[start : start + 4], articles)
    assert batched.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def test_format_follows_the_output_suffix() -> None:
    assert io.format_for(Path("s.parquet")) == "parquet"
    assert io.format_for(Path("s.CSV")) == "csv"
    assert io.format_for(Path("s.jsonl")) == io.format_for(None) == "jsonl"
