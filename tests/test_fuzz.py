"""Property-based tests: whatever text or bytes come in, the loaders either read them exactly or say
what is wrong (InputError), and every span the pipeline finds lies within the text and its text is
the slice it names. Runs are bounded (~150 examples, no deadline) so the suite stays fast."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research import io, pipeline
from research.io import DecodingWarning, InputError, read_articles
from research.pipeline import Lexicons

BOUNDED = settings(max_examples=150, deadline=None)

# Characters scraped news is full of, and that break naive text handling.
COMBINING = "\u0301\u0308\u0327\u0303\u20dd"
RIGHT_TO_LEFT = "\u05d0\u05d1\u05e9\u0627\u0644\u0645\u200f\u202b\u202e\u2067\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
QUOTES = "“”‘’\"'«»„‹›`"
SPACES = " \t\n\r\u00a0\u2028\u2029\u0085\u000b\u000c\u3000"
SEPARATORS = "|•*#=_~-–—…"
ODD = COMBINING + RIGHT_TO_LEFT + ZERO_WIDTH + QUOTES + SPACES + SEPARATORS
# Words that make the attribution rules fire, so generated text reaches them.
WORDS = [
    "said", "says", "told reporters", "according to", "added", "claimed", "that", "he", "she",
    "they", "Ryabkov", "Sergei Ryabkov", "the UN", "US officials", "rebels", "Russia", "no deal",
    "was", "had", "Q:", "Mr.", ",", ".", ":", ";", "(", ")", "\n", "\r\n", "\n\n", " ", " ", " ",
]  # fmt: skip

odd_text = st.text(alphabet=st.sampled_from(ODD), max_size=6)
word_soup = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(list(QUOTES)), odd_text, st.text(max_size=4)),
    max_size=80,
).map("".join)
# Sentences shaped like attributions, with odd characters in the names and the words quoted, so
# that most examples hold statements.
_word = st.one_of(
    st.sampled_from(["deal", "talks", "Aleppo", "no", "will", "leave", "had", "ended", "the"]),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=5
    ),
    odd_text,
)
_content = st.lists(_word, min_size=1, max_size=8).map(" ".join)
_speaker = st.one_of(
    st.sampled_from(["Ryabkov", "Sergei Ryabkov", "the UN", "US officials", "she", "rebels"]),
    st.tuples(st.sampled_from(["Jose\u0301", "\u05d3\u05d5\u05d3", "Zero\u200bWidth", "Ali"]),
              st.sampled_from(["Ibáñez", "\u0645\u062d\u0645\u062f", "Novak\u200d"])).map(" ".join),
)  # fmt: skip
_open = st.sampled_from(["“", '"', "«", "„", "‘", ""])
_close = st.sampled_from(["”", '"', "»", "“", "’", ""])
_sentence = st.one_of(
    st.builds("{}{},{} said {}.".format, _open, _content, _close, _speaker),
    st.builds("{} said that {}.".format, _speaker, _content),
    st.builds("{}, {} said.".format, _content, _speaker),
    st.builds("{} told reporters: {}{}{}".format, _speaker, _open, _content, _close),
    st.builds("According to {}, {}.".format, _speaker, _content),
    st.builds("{}{}{}, {} added, {}{}{}".format, _open, _content, _close, _speaker, _open, _content, _close),
)  # fmt: skip
newsy_text = st.lists(
    st.tuples(_sentence, st.sampled_from([" ", "\n", "\r\n", "\n\n", " | ", "\u2028", "\r"])),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(sentence + end for sentence, end in parts))
any_text = st.one_of(newsy_text, word_soup, st.text(max_size=300))

_names = (f"f{n}" for n in itertools.count())


@functools.cache
def _lexicons() -> Lexicons:  # not a fixture: hypothesis would print it with each failing example
    return pipeline.load_lexicons()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fresh(folder: Path, suffix: str) -> Path:
    return folder / f"{next(_names)}{suffix}"


def read_or_refuse(path: Path) -> tuple[pd.DataFrame | None, list[warnings.WarningMessage]]:
    """The articles in `path`, or None when it is refused with an InputError naming it (strict:
    a bad record too, rather than skipped)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DecodingWarning)
        try:
            articles = read_articles([path], strict=True)
        except InputError as error:
            assert error.path == str(path)
            assert "\n" not in str(error)
            return None, list(caught)
    return articles, list(caught)


@BOUNDED
@given(text=any_text)
def test_text_file_reads_back_exactly(folder: Path, text: str) -> None:
    path = fresh(folder, ".txt")
    path.write_bytes(text.encode("utf-8"))
    articles, caught = read_or_refuse(path)
    if articles is None:
        assert not text.lstrip("\ufeff").strip() or any(ord(c) < 32 or c == "\x7f" for c in text)
        return
    assert caught == []  # UTF-8 is read without a warning
    assert articles["text"].tolist() == [text]


@BOUNDED
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".csv", ".jsonl", ".parquet"]))
def test_arbitrary_bytes_are_read_or_refused(folder: Path, data: bytes, suffix: str) -> None:
    path = fresh(folder, suffix)
    path.write_bytes(data)
    articles, caught = read_or_refuse(path)
    if articles is None or suffix != ".txt":
        return
    encodings = [str(w.message).split("read as ")[1].split(",")[0] for w in caught]
    assert len(encodings) <= 1  # one warning a file, naming its encoding
    assert articles["text"].tolist() == [data.decode(encodings[0] if encodings else "utf-8")]
    assert path.read_bytes() == data  # the input is never modified


table_texts = st.lists(
    any_text.filter(lambda t: t.strip() and "\x00" not in t), min_size=1, max_size=5
)


@BOUNDED
@given(texts=table_texts, suffix=st.sampled_from([".csv", ".jsonl", ".parquet"]))
def test_table_texts_read_back_exactly(folder: Path, texts: list[str], suffix: str) -> None:
    table = pd.DataFrame({"id": [f"a{i}" for i in range(len(texts))], "text": texts})
    path = fresh(folder, suffix)
    if suffix == ".csv":
        # RFC 4180's line end: with "\n", pandas leaves a field holding a lone "\r" unquoted,
        # and any reader then ends the row there.
        table.to_csv(path, index=False, lineterminator="\r\n")
    elif suffix == ".jsonl":
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in table.to_dict("records"))
        path.write_text("".join(lines), encoding="utf-8", newline="")
    else:
        table.to_parquet(path)
    articles = read_articles([path])
    assert articles["text"].tolist() == texts
    assert articles["doc"].tolist() == table["id"].tolist()


def _check_spans(text: str, frame: pd.DataFrame, name: str) -> None:
    """Every (X_start, X_end) pair of `frame` lies within `text`; where the frame also has the
    span's text (X, or `text` for start/end), it is the slice."""
    for start_column in [c for c in frame.columns if str(c).endswith("start")]:
        prefix = str(start_column)[: -len("start")]
        end_column = f"{prefix}end"
        if end_column not in frame.columns:
            continue
        text_column = prefix.rstrip("_") or "text"
        for row in frame.to_dict("records"):
            start, end = row[start_column], row[end_column]
            if start is None or pd.isna(start):
                continue
            assert 0 <= start <= end <= len(text), (name, start_column, start, end)
            if text_column in frame.columns and isinstance(row[text_column], str):
                assert row[text_column] == text[int(start) : int(end)], (name, text_column)


@BOUNDED
@given(text=any_text)
def test_every_span_lies_in_the_text_and_is_its_slice(text: str) -> None:
    articles = pd.DataFrame({"doc": ["d"], "text": [text]})
    analysis = pipeline.analyze(articles, _lexicons())

    for field in dataclasses.fields(analysis):
        frame = getattr(analysis, field.name)
        if isinstance(frame, pd.DataFrame):
            _check_spans(text, frame, field.name)
    for record in io.statement_records(analysis.statements, articles):
        spans = [record["speaker"], record["cue"], *record["content"]]
        for span in [s for s in spans if s is not None]:
            assert 0 <= span["start"] < span["end"] <= len(text), record
            assert span["text"] == text[span["start"] : span["end"]]
            assert span["text"] == span["text"].strip(), record  # no surrounding white space
