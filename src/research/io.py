"""Reading corpora and writing results: the only module that touches disk.

Readers are registered by file suffix. Each returns an articles frame (schema.ARTICLES) whose `text`
is the input exactly as decoded, so every offset computed downstream points into the file as read
with ``open(path, encoding="utf-8", newline="")``.

Large corpora are read in partitions (`plan_partitions`, `read_partition`, `iter_article_batches`)
and statements written batch by batch (`statement_writer`), so memory does not grow with the corpus.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

import pandas as pd

from research.schema import ARTICLES, make_frame


class InputError(ValueError):
    """A corpus file that cannot be read as articles; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str, *, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised on a Dask worker or in a pool process, it must unpickle with the same fields.
        return (functools.partial(type(self), line=self.line), (self.path, self.problem))


Reader = Callable[[Path], list[dict[str, Any]]]
READERS: dict[str, Reader] = {}

# The columns a table corpus may carry besides its text, and the names they are accepted under.
OPTIONAL_COLUMNS = {
    "doc": ("id", "doc", "doc_id", "article_id"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher"),
    "published": ("published", "date", "published_at", "pubdate"),
    "url": ("url", "link"),
}
TEXT_COLUMNS = ("text", "body", "content", "article")


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for files ending in any of `suffixes`."""

    def register(function: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = function
        return function

    return register


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> pd.DataFrame:
    """Read every article in `paths` (files or folders) into one articles frame."""
    rows: list[dict[str, Any]] = []
    for path in _expand(paths):
        rows.extend(READERS[_suffix(path)](path))
    frame = make_frame(rows, ARTICLES)
    duplicated = frame["doc"][frame["doc"].duplicated()]
    if not duplicated.empty:
        doc = duplicated.iloc[0]
        where = frame.loc[frame["doc"] == doc, "path"].tolist()
        raise InputError(
            where[-1], f"article id {doc!r} is used more than once ({', '.join(where)})"
        )
    return frame


def _suffix(path: Path) -> str:
    return "".join(path.suffixes[-1:]).lower()


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in READERS)
            if not found:
                known = ", ".join(sorted(READERS))
                raise InputError(path, f"folder holds no articles (no files ending in {known})")
            yield from found
        elif path.is_file():
            if _suffix(path) not in READERS:
                known = ", ".join(sorted(READERS))
                raise InputError(path, f"unknown file type {path.suffix!r} (known: {known})")
            yield path
        else:
            raise InputError(path, "no such file or folder")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_text(path: Path) -> str:
    """The file's text as the offset contract defines it: UTF-8, newlines untouched."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"is not valid UTF-8 (byte {error.start})") from None


@reader(".txt", ".text")
def _read_txt(path: Path) -> list[dict[str, Any]]:
    text = read_text(path)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return [{"doc": path.stem, "title": title, "text": text, **_provenance(path)}]


@reader(".csv")
def _read_csv(path: Path) -> list[dict[str, Any]]:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot be read as CSV ({error})") from None
    return _table_rows(path, table, first_record=2)  # line 1 is the header


@reader(".jsonl", ".ndjson")
def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    # The streaming reader in one piece, so a whole file and its batches are read alike.
    return [row for piece in _plan_jsonl(path, _WHOLE_FILE) for row in _read_jsonl_piece(piece)]


@reader(".parquet", ".pq")
def _read_parquet(path: Path) -> list[dict[str, Any]]:
    try:
        table = pd.read_parquet(path)
    except Exception as error:  # pyarrow raises several unrelated types for a bad file
        raise InputError(path, f"cannot be read as Parquet ({error})") from None
    return _table_rows(path, table, first_record=1)


def _table_rows(
    path: Path,
    table: pd.DataFrame,
    *,
    first_record: int | None,
    provenance: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Rows of a table corpus: a text column, and optional id, title, source, published, url.

    A batch of a large file passes its file's `provenance`, hashed once, not once a batch."""
    columns = {str(c).lower(): c for c in table.columns}
    text_column = next((columns[name] for name in TEXT_COLUMNS if name in columns), None)
    if text_column is None:
        found = ", ".join(str(c) for c in table.columns if c != "__record") or "none"
        raise InputError(
            path, f"has no text column (looked for {', '.join(TEXT_COLUMNS)}; found {found})"
        )
    provenance = _provenance(path) if provenance is None else provenance
    rows = []
    for position, record in enumerate(table.to_dict("records")):
        number = record.get("__record", position + (first_record or 1))
        text = record[text_column]
        if not isinstance(text, str) or not text.strip():
            raise InputError(path, "empty or missing text", line=number)
        row: dict[str, Any] = {"text": text, **provenance, "record": number}
        for field, names in OPTIONAL_COLUMNS.items():
            column = next((columns[name] for name in names if name in columns), None)
            value = record.get(column) if column is not None else None
            row[field] = None if value is None or pd.isna(value) else str(value)
        if not row["doc"]:
            row["doc"] = f"{path.stem}-{number}"
        if not row["title"]:
            row["title"] = next((line.strip() for line in text.splitlines() if line.strip()), "")
        rows.append(row)
    return rows


def _provenance(path: Path) -> dict[str, Any]:
    return {"path": str(path), "sha256": file_sha256(path), "record": None}


# --- writing -----------------------------------------------------------------------------------


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path` and move it into place only when complete."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else ""
        with os.fdopen(handle, mode, encoding=encoding, newline=newline) as stream:
            yield stream
        Path(temporary).chmod(0o666 & ~_umask())  # mkstemp makes files private; outputs are not
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def statement_records(statements: pd.DataFrame, articles: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Statements as JSON-ready objects following the statements contract in ARCHITECTURE.md."""
    texts = dict(zip(articles["doc"], articles["text"], strict=True))
    extra = [c for c in statements.columns if c not in _CONTRACT_COLUMNS]
    for row in statements.to_dict("records"):
        text = texts[row["doc"]]
        record: dict[str, Any] = {
            "doc": row["doc"],
            "speaker": _span(text, row["speaker_start"], row["speaker_end"]),
            "cue": _span(text, row["cue_start"], row["cue_end"]),
            "content": [_span(text, start, end) for start, end in row["content_spans"]],
            "kind": row["kind"],
        }
        for column in extra:
            record[column] = _plain(row[column])
        yield record


# Columns the contract's span objects already carry; every other column is passed through.
_CONTRACT_COLUMNS = {
    "doc",
    "speaker",
    "cue",
    "content",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "content_spans",
    "kind",
}


def _span(text: str, start: Any, end: Any) -> dict[str, Any] | None:
    if start is None or pd.isna(start):
        return None
    return {"start": int(start), "end": int(end), "text": text[int(start) : int(end)]}


def _plain(value: Any) -> Any:
    """A cell as a JSON value: NA becomes null, numpy scalars and arrays become Python ones."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "tolist"):
        return value.tolist()
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value


def write_statements(
    statements: pd.DataFrame, articles: pd.DataFrame, path: str | os.PathLike[str], *, format: str
) -> None:
    """Write statements as JSON Lines or CSV, atomically."""
    if format == "jsonl":
        with atomic_write(path) as stream:
            for record in statement_records(statements, articles):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif format == "csv":
        with atomic_write(path) as stream:
            flat = statements.assign(content_spans=statements["content_spans"].map(json.dumps))
            flat.to_csv(stream, index=False)
    else:
        raise ValueError(f"unknown format {format!r} (known: jsonl, csv)")


def dump_jsonl(records: Sequence[dict[str, Any]], stream: IO[str]) -> None:
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
