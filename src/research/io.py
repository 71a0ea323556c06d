"""Reading corpora and writing results: the only module that touches disk.

Readers are registered by file suffix. Each returns an articles frame (schema.ARTICLES) whose `text`
is the input exactly as decoded, so every offset computed downstream points into the file as read
with ``open(path, encoding="utf-8", newline="")``.

Encodings: a text file that is UTF-8 is read as UTF-8, a byte-order mark included: the text starts
with U+FEFF, as that `open` reads it, so offsets count it (the title leaves it out). A text or CSV
file that is not UTF-8 is read as cp1252, else Latin-1 (FALLBACK_ENCODINGS), with one
DecodingWarning naming the file and the encoding; its offsets refer to the text so decoded, i.e. to
``open(path, encoding=<that encoding>, newline="")``. JSON Lines must be UTF-8 (RFC 8259); a BOM
before its first record is dropped, as offsets there point into each record's text, not the file.
UTF-16 and binary files are refused with an InputError, as is anything else that cannot be read:
its message names the file, and the line where there is one.

A bad record in a file of many (invalid JSON, a list where the text or id belongs, a CSV row with
more fields than the header) is a RecordError naming the file, the line and the article's id where
it has one: the record is skipped with a warning (`research.skips`), or, with `strict`, stops the
read. A corpus of which no article at all could be read is an InputError.

Outputs are written by `atomic_write`: under a temporary name, moved into place when complete.

Large corpora are read in partitions (`plan_partitions`, `read_partition`, `iter_article_batches`)
and statements written batch by batch (`statement_writer`), so memory does not grow with the corpus.
"""

from __future__ import annotations

import codecs
import errno
import functools
import hashlib
import itertools
import json
import os
import re
import secrets
import stat
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar

import numpy as np
import pandas as pd

from research import skips
from research.errors import ResearchError
from research.schema import ARTICLES, STATEMENTS, empty_frame, make_frame


class InputError(ResearchError, ValueError):
    """A corpus file that cannot be read as articles; the message names the file and the problem."""

    path: str

    def __init__(self, path: str | os.PathLike[str], problem: str, *, line: int | None = None):
        super().__init__(problem, path=path, line=line)


class RecordError(InputError):
    """One record of a corpus file that cannot be read as an article: skipped unless strict. The
    message names the file, the line and, where it could be read, the article's id."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        problem: str,
        *,
        line: int | None = None,
        doc: str | None = None,
    ):
        self.doc = doc
        super().__init__(path, problem if doc is None else f"article {doc!r}: {problem}", line=line)


Row = dict[str, Any]
# What a reader finds in a file: its articles, and a RecordError for each record it cannot read.
Found = list[Row | RecordError]
Reader = Callable[[Path], Found]
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


def read_articles(paths: Iterable[str | os.PathLike[str]], *, strict: bool = False) -> pd.DataFrame:
    """Read every article in `paths` (files or folders) into one articles frame.

    A record that cannot be read is skipped with a SkippedArticleWarning naming its file and line
    (`strict`: a RecordError); a corpus of which nothing could be read is an InputError."""
    given = _given(paths)
    rows: list[Row] = []
    for path in _expand(given):
        found = READERS[_suffix(path)](path)
        if not found:
            raise InputError(path, "holds no articles (a header, but no rows)")
        rows.extend(accepted(found, strict=strict))
    if not rows:
        raise nothing_read(given)
    frame = make_frame(rows, ARTICLES)
    duplicated = frame["doc"][frame["doc"].duplicated()]
    if not duplicated.empty:
        doc = duplicated.iloc[0]
        where = frame.loc[frame["doc"] == doc, "path"].tolist()
        raise InputError(
            where[-1], f"article id {doc!r} is used more than once ({', '.join(where)})"
        )
    return frame


def accepted(found: Iterable[Row | RecordError], *, strict: bool) -> list[Row]:
    """The articles `found`; each record that could not be read is skipped (`research.skips`)."""
    rows = []
    for row in found:
        if isinstance(row, RecordError):
            skips.skip(row, strict=strict, stacklevel=3)  # whoever asked read_articles
        else:
            rows.append(row)
    return rows


def nothing_read(paths: Sequence[str | os.PathLike[str]]) -> InputError:
    """The error of a corpus whose every record was skipped: an empty output would hide it."""
    return InputError(
        ", ".join(_printable(Path(p)) for p in paths),
        "no article could be read: every record was skipped (the warnings say why)",
    )


def _given(paths: Iterable[str | os.PathLike[str]]) -> list[str | os.PathLike[str]]:
    if isinstance(paths, str | bytes | os.PathLike):  # one path would be read letter by letter
        raise TypeError(f"give a list of paths, not one path: [{os.fsdecode(paths)!r}]")
    return list(paths)


def _suffix(path: Path) -> str:
    return "".join(path.suffixes[-1:]).lower()


class SkippedFileWarning(UserWarning):
    """A file in a corpus folder that is not read: a link pointing outside the folder, or a name
    that is not UTF-8. The warning names it; the rest of the folder is read."""


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for given in _given(paths):
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_article_file(p, path))
            if not found:
                known = ", ".join(sorted(READERS))
                raise InputError(path, f"folder holds no articles (no files ending in {known})")
            yield from map(_readable, found)
        elif path.is_file():
            if _suffix(path) not in READERS:
                known = ", ".join(sorted(READERS))
                raise InputError(path, f"unknown file type {path.suffix!r} (known: {known})")
            yield _readable(path)
        elif path.exists():
            raise InputError(path, "is not a regular file or a folder (a pipe or a device?)")
        else:
            raise InputError(path, "no such file or folder")


def _is_article_file(path: Path, folder: Path) -> bool:
    """A regular file a reader knows, inside `folder`. A link to a file outside the folder (a
    corpus folder holds its articles, it does not point at others) and a file whose name is not
    UTF-8 (it could not be written into any output) are skipped with a SkippedFileWarning."""
    if _suffix(path) not in READERS or not path.is_file():
        return False
    problem = None
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # Python holds the name's undecodable bytes as lone surrogates
        problem = "its name is not UTF-8: skipped (rename it, e.g. with convmv, to read it)"
    else:
        target = path.resolve()
        if not target.is_relative_to(folder.resolve()):
            problem = (
                f"a link to {_printable(target)}, outside the corpus folder: skipped "
                "(give the file itself to read it)"
            )
    if problem is not None:
        warnings.warn(f"{_printable(path)}: {problem}", SkippedFileWarning, stacklevel=4)
        return False
    return True


def _printable(path: Path) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _readable(path: Path) -> Path:
    if not os.access(path, os.R_OK):
        raise InputError(path, "cannot be read (permission denied)")
    return path


MAX_SETTINGS_BYTES = 16 << 20  # a lexicon or spec file larger than this is not one


def read_settings_file(path: str | os.PathLike[str], what: str) -> bytes:
    """The bytes of a small file of settings (a lexicon, a spec): a regular file, not a pipe or a
    device (which would hang, or never end), of at most MAX_SETTINGS_BYTES. Raises OSError (for
    the caller to name) or ValueError with the problem."""
    path = Path(path)
    status = path.stat()
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise ValueError(f"is not a regular file (a pipe or a device?), not a {what}")
    if status.st_size > MAX_SETTINGS_BYTES:
        raise ValueError(f"is {status.st_size >> 20} MB: too large for a {what}")
    with path.open("rb") as stream:
        return stream.read(MAX_SETTINGS_BYTES + 1)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class DecodingWarning(UserWarning):
    """A text file that is not UTF-8, read as cp1252 or Latin-1 instead: its offsets refer to that."""


# Tried in turn when a file is not UTF-8. The two agree but on bytes 0x80-0x9F, which cp1252 reads
# as curly quotes, dashes and the euro sign (what a Windows editor or a web page meant: the WHATWG
# encoding standard decodes "iso-8859-1" as windows-1252 for that reason) and Latin-1 as invisible
# control characters. Latin-1 decodes any byte, so it is chosen only for a file holding one of the
# five bytes cp1252 leaves undefined.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)  # fmt: skip
# C0 control characters that text does not hold (tab, newlines, vertical tab and form feed it may):
# a file with more than a few, and more than 1 in 100 characters, is binary. (C1 controls are
# what Latin-1 makes of the bytes cp1252 leaves undefined: odd, but text.)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROLS = 8
_MAX_CONTROL_SHARE = 0.01


def read_text(path: Path) -> str:
    """The file's text as the offset contract defines it: decoded, newlines untouched.

    UTF-8 when the file is UTF-8, with a byte-order mark kept as the text's first character
    (U+FEFF), exactly as ``open(path, encoding="utf-8", newline="")`` reads it; otherwise cp1252,
    else Latin-1 (see FALLBACK_ENCODINGS), with one DecodingWarning naming the file and the
    encoding: offsets then refer to the text so decoded.
    """
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "file is empty")
    encoding, bad_byte = _encoding_of(path, data)
    text = data.decode(encoding)
    if not text.lstrip("\ufeff").strip():
        raise InputError(path, "file is empty")
    controls = len(_CONTROL.findall(text))
    if controls > max(_MAX_CONTROLS, _MAX_CONTROL_SHARE * len(text)):
        raise InputError(
            path, f"looks like a binary file ({controls} control characters), not text"
        )
    if bad_byte is not None:
        _warn_decoded(path, encoding, bad_byte)
    return text


def _encoding_of(path: Path, data: bytes | None = None) -> tuple[str, int | None]:
    """The first of UTF-8 and FALLBACK_ENCODINGS that decodes the whole file (its `data`, or read
    block by block), and the byte where UTF-8 failed (None when it did not)."""
    bad_byte: int | None = None
    for encoding in ("utf-8", *FALLBACK_ENCODINGS):
        decoder = codecs.getincrementaldecoder(encoding)()
        offset = 0
        try:
            for block in [data] if data is not None else _blocks(path):
                if offset == 0:
                    _refuse_binary(path, block)
                if b"\x00" in block:
                    raise InputError(
                        path, "looks like a binary file (it contains NUL bytes), not text"
                    )
                decoder.decode(block)
                offset += len(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            bad_byte = offset + error.start if bad_byte is None else bad_byte
            continue
        return encoding, bad_byte
    raise AssertionError("Latin-1 decodes every byte")  # pragma: no cover


def _blocks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with path.open("rb") as stream:
        yield from iter(lambda: stream.read(size), b"")


def _refuse_binary(path: Path, start: bytes) -> None:
    for bom, name in _UTF16_32_BOMS:
        if start.startswith(bom):
            raise InputError(
                path, f"is {name} text (it starts with a {name} byte-order mark); save it as UTF-8"
            )


def _warn_decoded(path: Path, encoding: str, bad_byte: int) -> None:
    # One warning a file: the message names the file, and the default filter shows a message once.
    warnings.warn(
        f"{path}: not UTF-8 (byte {bad_byte} is not valid UTF-8); read as {encoding}, "
        f"so its offsets refer to the text decoded as {encoding}",
        DecodingWarning,
        stacklevel=3,
    )


@reader(".txt", ".text")
def _read_txt(path: Path) -> Found:
    try:
        text = read_text(path)
    except InputError as error:  # an empty or binary file in a folder is one article lost, not all
        return [RecordError(path, error.problem)]  # the file names its one article
    # The byte-order mark stays in the text (the offsets count it), not in the title.
    lines = text.lstrip("\ufeff").splitlines()
    title = next((line.strip() for line in lines if line.strip()), "")
    return [{"doc": path.stem, "title": title, "text": text, **_provenance(path)}]


@reader(".csv")
def _read_csv(path: Path) -> Found:
    [(table, malformed)] = _csv_tables(path)
    return _csv_rows(path, table, malformed, first_line=2, provenance=_provenance(path))


def csv_encoding(path: Path) -> str:
    """The encoding a CSV file is read with: as for text files (read_text), a spreadsheet's
    cp1252 export included; pandas drops a UTF-8 byte-order mark from the header itself."""
    status = path.stat()
    return _csv_encoding(path, (status.st_ino, status.st_size, status.st_mtime_ns))


@functools.lru_cache(maxsize=256)
def _csv_encoding(path: Path, version: tuple[int, int, int]) -> str:
    # Cached by the file's inode, size and time: a file read in many pieces (planned, then each
    # piece read) is checked, and warned about, once; a file replaced or rewritten is checked again.
    if not any(block.strip() for block in _blocks(path)):
        raise InputError(path, "file is empty")
    encoding, bad_byte = _encoding_of(path)
    if bad_byte is not None:
        _warn_decoded(path, encoding, bad_byte)
    return encoding


@reader(".jsonl", ".ndjson")
def _read_jsonl(path: Path) -> Found:
    # The streaming reader in one piece, so a whole file and its batches are read alike.
    return [row for piece in _plan_jsonl(path, _WHOLE_FILE) for row in _read_jsonl_piece(piece)]


@reader(".parquet", ".pq")
def _read_parquet(path: Path) -> Found:
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
) -> Found:
    """Rows of a table corpus: a text column, and optional id, title, source, published, url.

    A table without a text column is an InputError; a row that cannot be an article, a RecordError.
    A batch of a large file passes its file's `provenance`, hashed once, not once a batch."""
    columns = _columns(table.columns)
    if _text_field(columns) is None:
        found = ", ".join(str(c) for c in table.columns if c not in _INTERNAL) or "none"
        raise InputError(
            path, f"has no text column (looked for {', '.join(TEXT_COLUMNS)}; found {found})"
        )
    provenance = _provenance(path) if provenance is None else provenance
    return [
        _article(
            path,
            record,
            record.get("__record", position + (first_record or 1)),
            columns,
            provenance,
        )
        for position, record in enumerate(table.to_dict("records"))
    ]


_EXTRA = "\x00extra"  # a CSV column no header names: it holds a row's field beyond the header's
_INTERNAL = {"__record", _EXTRA}


def _columns(names: Iterable[Any]) -> dict[str, Any]:
    """The names of a table's columns (or a record's fields) by their lower-case name."""
    return {str(name).lower(): name for name in names if name not in _INTERNAL}


def _text_field(columns: Mapping[str, Any]) -> Any:
    return next((columns[name] for name in TEXT_COLUMNS if name in columns), None)


def _article(
    path: Path,
    record: Mapping[Any, Any],
    number: int,
    columns: Mapping[str, Any],
    provenance: Mapping[str, Any],
) -> Row | RecordError:
    """One record as an article row, or the RecordError that says why it is not one."""
    row: Row = {**provenance, "record": number}
    for field, names in OPTIONAL_COLUMNS.items():
        column = next((columns[name] for name in names if name in columns), None)
        value = record.get(column) if column is not None else None
        if isinstance(value, _COMPOUND):
            problem = f"{column!r} must be text or a number, not {_kind(value)}"
            return RecordError(path, problem, line=number, doc=row.get("doc") or None)
        value = None if value is None or pd.isna(value) else str(value)
        row[field] = value and _without_surrogates(path, number, field, value)
    doc = row["doc"] or None
    extra = record.get(_EXTRA)
    if isinstance(extra, str) and extra:
        return RecordError(path, _TOO_MANY, line=number, doc=doc)
    text_column = _text_field(columns)
    if text_column is None:
        found = ", ".join(map(str, columns.values())) or "none"
        problem = f"no text field (looked for {', '.join(TEXT_COLUMNS)}; found {found})"
        return RecordError(path, problem, line=number, doc=doc)
    text = record.get(text_column)
    if not isinstance(text, str) and (isinstance(text, _COMPOUND) or not pd.isna(text)):
        problem = f"{text_column!r} must be a string, not {_kind(text)}"
        return RecordError(path, problem, line=number, doc=doc)
    if not isinstance(text, str) or not text.strip():
        return RecordError(path, "empty or missing text", line=number, doc=doc)
    row["text"] = text = _without_surrogates(path, number, "text", text)
    if not row["doc"]:
        row["doc"] = f"{path.stem}-{number}"
    if not row["title"]:
        row["title"] = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return row


# Values that are no field's: JSON lists and objects, Parquet lists (arrays) and structs.
_COMPOUND = (list, tuple, dict, np.ndarray)


def _kind(value: Any) -> str:
    """What a JSON value is, for a message: a list, a table, a number, a boolean."""
    if isinstance(value, list | tuple | np.ndarray):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, bool):
        return "a boolean"
    return "a number" if isinstance(value, int | float) else f"a {type(value).__name__}"


def _provenance(path: Path) -> dict[str, Any]:
    return {"path": str(path), "sha256": file_sha256(path), "record": None}


# --- streaming: a large corpus in partitions -------------------------------------------------------

DEFAULT_BATCH_SIZE = 100  # articles a partition: ~300 KB of text, about a second of work
_WHOLE_FILE = 1 << 62  # a batch size no file reaches: the whole file as one piece


@dataclass(frozen=True, slots=True)
class Piece:
    """Consecutive articles of one corpus file: enough to read them wherever the file is visible,
    in this process or on a cluster worker."""

    path: str
    sha256: str  # of the whole file, hashed once when planning ("" when its reader hashes it)
    count: int  # articles in the piece
    start: int = 0  # where the piece starts: a byte offset in JSON Lines, a row in a table
    record: int | None = None  # the record number (line or row, 1-based) of its first article
    # CSV rows the plan found malformed, as (line, problem): pandas skips them when reading
    malformed: tuple[tuple[int, str], ...] = ()
    # CSV: the plan's chunk size and this piece's place among the file's pieces, so that pieces
    # read in order are read in one pass (_SequentialCsv)
    batch: int = 0
    index: int = 0


Partition = tuple[Piece, ...]


def plan_partitions(
    paths: Iterable[str | os.PathLike[str]], *, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[Partition]:
    """The corpus in `paths` cut into partitions of at most `batch_size` articles, in reading order.

    Planning hashes each file and finds where its batches start, keeping no text; each partition is
    read later by `read_partition`, here or on a worker.
    """
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, not {batch_size}")
    partitions: list[Partition] = []
    current: list[Piece] = []
    size = 0
    for path in _expand(paths):
        plan, _ = _STREAMED.get(_suffix(path), _WHOLE)
        found = 0
        for piece in plan(path, batch_size):
            if current and size + piece.count > batch_size:
                partitions.append(tuple(current))
                current, size = [], 0
            current.append(piece)
            size += piece.count
            found += piece.count + len(piece.malformed)
        if not found:
            raise InputError(path, "holds no articles (a header, but no rows)")
    if current:
        partitions.append(tuple(current))
    return partitions


def read_partition(partition: Partition, *, strict: bool = False) -> pd.DataFrame:
    """The articles of one planned partition, as an articles frame; a record that cannot be read
    is skipped (`strict`: raised), as by `read_articles`."""
    rows: list[Row] = []
    for piece in partition:
        _, read = _STREAMED.get(_suffix(Path(piece.path)), _WHOLE)
        rows.extend(accepted(read(piece), strict=strict))
    return make_frame(rows, ARTICLES)


def iter_article_batches(
    paths: Iterable[str | os.PathLike[str]],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
) -> Iterator[pd.DataFrame]:
    """The articles of `paths` in frames of at most `batch_size`, read one at a time so memory stays
    flat however large the corpus: the same rows, in the same order, as `read_articles`."""
    given = _given(paths)
    partitions = plan_partitions(given, batch_size=batch_size)
    for _, batch in read_partitions(partitions, given, strict=strict):
        yield batch


def planned(partition: Partition) -> int:
    """The records `partition` was planned to hold, whether they are read or skipped."""
    return sum(piece.count for piece in partition)


def partition_files(partitions: Iterable[Partition]) -> set[str]:
    """The files that planned partitions read."""
    return {piece.path for partition in partitions for piece in partition}


def read_partitions(
    partitions: Sequence[Partition],
    given: Sequence[str | os.PathLike[str]],
    *,
    strict: bool = False,
) -> Iterator[tuple[Partition, pd.DataFrame]]:
    """Each partition planned from the files and folders `given`, with its articles, in order; an
    id used twice, or a corpus of which nothing could be read, is an error."""
    ids = UniqueIds()
    read = 0
    for partition in partitions:
        batch = read_partition(partition, strict=strict)
        ids.check(batch)
        read += len(batch)
        yield partition, batch
    if not read:
        raise nothing_read(given)


class UniqueIds:
    """The article ids seen so far, batch after batch: a corpus may not use one twice.

    The one thing kept for the whole corpus: each id and where it was read, ~100 bytes an article.
    """

    def __init__(self) -> None:
        self._first: dict[str, str] = {}
        self._paths: dict[str, str] = {}

    def check(self, articles: pd.DataFrame) -> None:
        for doc, path in zip(articles["doc"], articles["path"], strict=True):
            if doc in self._first:
                where = f"{self._first[doc]}, {path}"
                raise InputError(path, f"article id {doc!r} is used more than once ({where})")
            self._first[doc] = self._paths.setdefault(path, path)


def _piece_provenance(piece: Piece) -> dict[str, Any]:
    return {"path": piece.path, "sha256": piece.sha256, "record": None}


def _plan_whole_file(path: Path, batch_size: int) -> Iterator[Piece]:
    yield Piece(str(path), "", 1)  # a text file: one article, hashed by its reader


def _read_whole_file(piece: Piece) -> Found:
    path = Path(piece.path)
    return READERS[_suffix(path)](path)


def _plan_jsonl(path: Path, batch_size: int) -> Iterator[Piece]:
    """Where each run of `batch_size` records starts, found while hashing the file.

    Lines end at "\\n" only, as JSON Lines defines them: str.splitlines would also split at U+2028,
    which a JSON string may hold unescaped.
    """
    digest = hashlib.sha256()
    starts: list[tuple[int, int]] = []  # (byte offset, line number) of each piece's first record
    records = offset = 0
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if offset < 8192 and b"\x00" in line[: 8192 - offset]:
                raise InputError(path, "looks like a binary file (it contains NUL bytes), not text")
            digest.update(line)
            if line.strip():
                if records % batch_size == 0:
                    starts.append((offset, number))
                records += 1
            offset += len(line)
    if not records:
        raise InputError(path, "file is empty")
    sha256 = digest.hexdigest()
    for index, (start, number) in enumerate(starts):
        count = min(batch_size, records - index * batch_size)
        yield Piece(str(path), sha256, count, start=start, record=number)


def _read_jsonl_piece(piece: Piece) -> Found:
    """The piece's records, each read on its own: its fields are its own (a record may name its
    text `body` where another names it `text`), and a bad one is a RecordError, not the file's."""
    path = Path(piece.path)
    provenance = _piece_provenance(piece)
    found: Found = []
    offset = piece.start
    with path.open("rb") as stream:
        stream.seek(piece.start)
        for number, line in enumerate(stream, start=piece.record or 1):
            if len(found) == piece.count:
                break
            if line.strip():
                try:
                    record = _json_object(path, line, number, offset)
                except RecordError as error:
                    found.append(error)
                else:
                    found.append(_article(path, record, number, _columns(record), provenance))
            offset += len(line)
    return found


def _json_object(path: Path, line: bytes, number: int, offset: int) -> dict[str, Any]:
    """The line's JSON object. A line that is not one is a RecordError; one that is not UTF-8, an
    InputError: the file's encoding is wrong, not one record."""
    try:
        # JSON Lines is UTF-8 (RFC 8259 requires it of JSON exchanged between systems); a
        # byte-order mark before the first record is dropped (json.loads would refuse it).
        text = line.decode("utf-8-sig" if offset == 0 else "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            path,
            f"is not valid UTF-8 (byte {offset + error.start}); JSON Lines must be UTF-8",
            line=number,
        ) from None
    try:
        record = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as error:
        raise RecordError(path, f"invalid JSON ({error.msg})", line=number) from None
    except RecursionError:
        raise RecordError(
            path, "a value nested too deep (lists in lists ...)", line=number
        ) from None
    if not isinstance(record, dict):
        raise RecordError(path, "each line must be a JSON object", line=number)
    return record


def _whole_number(digits: str) -> int | str:
    """A JSON number without a fraction: an int, or, past Python's limit for turning digits into
    an int (4300), the digits as written (an id is a label, not a quantity)."""
    return int(digits) if len(digits) <= 4000 else digits


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _without_surrogates(path: Path, line: int | None, field: str, value: str) -> str:
    """A JSON string may hold a lone surrogate (`"\\ud800"`), which is no character and cannot be
    written as UTF-8: each becomes U+FFFD, one character for one, so offsets do not move."""
    found = _SURROGATE.search(value)
    if found is None:
        return value
    where = f"{path}:{line}" if line is not None else str(path)
    warnings.warn(
        f"{where}: {field} holds a lone surrogate (U+{ord(found[0]):04X} at offset "
        f"{found.start()}), which is not a character: read as U+FFFD",
        DecodingWarning,
        stacklevel=2,
    )
    return _SURROGATE.sub("\ufffd", value)


def _plan_csv(path: Path, batch_size: int) -> Iterator[Piece]:
    """Batches of rows, counted by parsing the file in chunks (a quoted text may span lines).

    Each piece starts at its first row that is not malformed (pandas takes the width of the first
    row it reads for every row's); the malformed rows since its predecessor's last row are its
    own (`Piece.malformed`), and those after the file's last good row go with the last piece."""
    sha256 = file_sha256(path)
    malformed: list[tuple[int, str]] = []  # found, not yet given to a piece
    line = 2  # of the next row (line 1 is the header)
    last: Piece | None = None
    for index, table in enumerate(_filled(_csv_tables(path, chunksize=batch_size), malformed)):
        if last is not None:
            yield last
        lines = _row_lines(line, len(table), {number for number, _ in malformed})
        mine = tuple(m for m in malformed if m[0] < lines[-1])
        malformed[:] = [m for m in malformed if m[0] > lines[-1]]
        first = lines[0]
        last = Piece(
            str(path), sha256, len(table), start=first - 2, record=first, malformed=mine,
            batch=batch_size, index=index,
        )  # fmt: skip
        line = lines[-1] + 1
    if last is None:
        last = Piece(str(path), sha256, 0, start=0, record=2)
    if last.count or malformed:
        yield replace(last, malformed=last.malformed + tuple(malformed))


def _filled(
    chunks: Iterable[tuple[pd.DataFrame, Malformed]], malformed: Malformed
) -> Iterator[pd.DataFrame]:
    """The chunks that hold rows; the malformed rows of every chunk are added to `malformed`."""
    for table, bad in chunks:
        malformed.extend(bad)
        if not table.empty:
            yield table


class _SequentialCsv(threading.local):
    """The chunked reader of the CSV file whose pieces this thread reads in order, as the plan cut
    them: one pass over the file, where reading each piece by skipping the rows before it would
    parse the file again for every piece (quadratic in its rows). A piece read out of order (on a
    cluster worker) is read on its own."""

    def __init__(self) -> None:
        self.key: tuple[str, str, int] | None = None
        self.tables: Iterator[pd.DataFrame] = iter(())
        self.next = 0

    def table(self, piece: Piece) -> pd.DataFrame | None:
        key = (piece.path, piece.sha256, piece.batch)
        if piece.batch and piece.index == 0:
            self.close()
            chunks = _csv_tables(Path(piece.path), chunksize=piece.batch)
            self.key, self.tables, self.next = key, _filled(chunks, []), 0
        if key != self.key or piece.index != self.next:
            return None
        table = next(self.tables, None)
        self.next += 1
        if table is None or len(table) != piece.count:
            self.close()
            return None
        return table.reset_index(drop=True)

    def close(self) -> None:
        close = getattr(self.tables, "close", None)
        if close is not None:
            close()
        self.key, self.tables = None, iter(())


_SEQUENTIAL = _SequentialCsv()


def _read_csv_piece(piece: Piece) -> Found:
    path = Path(piece.path)
    table = pd.DataFrame()
    first = piece.record or 2
    if piece.count:
        in_order = _SEQUENTIAL.table(piece)
        if in_order is not None:
            table = in_order
        else:
            [(table, _)] = _csv_tables(
                path, rows_before=piece.start, first_line=first, nrows=piece.count
            )
    return _csv_rows(
        path, table, piece.malformed, first_line=first, provenance=_piece_provenance(piece)
    )


def _csv_rows(
    path: Path,
    table: pd.DataFrame,
    malformed: Iterable[tuple[int, str]],
    *,
    first_line: int,
    provenance: Mapping[str, Any],
) -> Found:
    """The articles of a CSV table read from `first_line` on, and the rows pandas skipped as
    malformed, in the file's order."""
    malformed = list(malformed)
    errors = [RecordError(path, problem, line=number) for number, problem in malformed]
    if table.empty:
        return list(errors)
    lines = _row_lines(first_line, len(table), {number for number, _ in malformed})
    rows = _table_rows(path, table.assign(__record=lines), first_record=None, provenance=provenance)
    return sorted([*rows, *errors], key=_line_of)


def _line_of(found: Row | RecordError) -> int:
    return (found.line or 0) if isinstance(found, RecordError) else int(found["record"])


def _row_lines(first: int, count: int, skipped: set[int]) -> list[int]:
    """The record numbers of `count` rows read from `first` on, stepping over `skipped` ones."""
    lines: list[int] = []
    number = first
    while len(lines) < count:
        if number not in skipped:
            lines.append(number)
        number += 1
    return lines


# pandas's words for a row it skips (on_bad_lines="warn"); its "line" is the row's record number
_BAD_LINE = re.compile(r"Skipping line (\d+): expected \d+ fields, saw (\d+)")
# and for a first row longer than the names it is given (with index_col=False): it cuts it short
_CUT_SHORT = "Length of header or names does not match length of data"
_QUOTE_COMMAS = "a text with commas must be in double quotes"
_TOO_MANY = f"more fields than the header ({_QUOTE_COMMAS})"

Malformed = list[tuple[int, str]]  # (record number, problem) of each row pandas would not read


def _csv_tables(
    path: Path, *, rows_before: int = 0, first_line: int = 2, **options: Any
) -> Iterator[tuple[pd.DataFrame, Malformed]]:
    """The CSV file as one table (or chunk by chunk, with `chunksize`) from the row after
    `rows_before` (at `first_line`) on, each with the rows pandas would not read.

    pandas is given the header's names and one more (_EXTRA), and `index_col=False`: a row with one
    field too many fills that column (a RecordError when read), one with more is skipped, and
    none makes pandas read the first column of every row as an index, shifting each field."""
    encoding = csv_encoding(path)
    try:
        header = pd.read_csv(path, dtype=str, encoding=encoding, nrows=0).columns.tolist()
        read = functools.partial(
            pd.read_csv,
            path,
            dtype=str,
            keep_default_na=False,
            encoding=encoding,
            header=None,
            names=[*header, _EXTRA],
            index_col=False,
            skiprows=range(1 + rows_before),  # the header, then the rows before
            on_bad_lines="warn",
            **options,
        )
        fields = len(header)
        if "chunksize" not in options:
            yield _first_checked(*_reading(read, fields), first_line)
            return
        with _reading(read, fields)[0] as chunks:
            for number in itertools.count():
                chunk, malformed, cut = _reading(lambda: next(chunks, None), fields)
                if chunk is None:
                    if malformed:  # rows after the last one read
                        yield pd.DataFrame(), malformed
                    return
                if number == 0:
                    chunk, malformed = _first_checked(chunk, malformed, cut, first_line)
                yield chunk, malformed
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot be read as CSV ({error})") from None


def _reading(read: Callable[[], Any], fields: int) -> tuple[Any, Malformed, bool]:
    """What `read()` returns, the rows pandas skipped as it read, and whether it cut the first row
    short; its other warnings go on."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        result = read()
    malformed: Malformed = []
    cut = False
    for warning in caught:
        message = str(warning.message)
        skipped = _BAD_LINE.findall(message)
        for line, saw in skipped:
            problem = f"{saw} fields where the header has {fields} ({_QUOTE_COMMAS})"
            malformed.append((int(line), problem))
        if message.startswith(_CUT_SHORT):
            cut = True
        elif not skipped:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return result, malformed, cut


def _first_checked(
    table: pd.DataFrame, malformed: Malformed, cut: bool, first_line: int
) -> tuple[pd.DataFrame, Malformed]:
    """A table whose first row pandas cut short loses it, as a malformed row."""
    if not cut:
        return table, malformed
    return table.iloc[1:], sorted([(first_line, _TOO_MANY), *malformed])


def _plan_parquet(path: Path, batch_size: int) -> Iterator[Piece]:
    rows = _parquet_file(path).metadata.num_rows
    sha256 = file_sha256(path)
    for start in range(0, rows, batch_size):
        count = min(batch_size, rows - start)
        yield Piece(str(path), sha256, count, start=start, record=start + 1)


def _read_parquet_piece(piece: Piece) -> Found:
    """The piece's rows, reading only the row groups that hold them."""
    path = Path(piece.path)
    parquet = _parquet_file(path)
    groups: list[int] = []
    skip = row = 0
    for group in range(parquet.metadata.num_row_groups):
        size = parquet.metadata.row_group(group).num_rows
        if row < piece.start + piece.count and row + size > piece.start:
            skip = skip if groups else piece.start - row
            groups.append(group)
        row += size
    # pandas writes its index as a column; pd.read_parquet (the whole-file reader) restores it
    # as the index, so it is not a column here either
    metadata = parquet.schema_arrow.pandas_metadata or {}
    index = {c for c in metadata.get("index_columns", []) if isinstance(c, str)}
    columns = [name for name in parquet.schema_arrow.names if name not in index]
    try:
        table = parquet.read_row_groups(groups, columns=columns).slice(skip, piece.count)
    except Exception as error:  # pyarrow raises several unrelated types for a bad file
        raise InputError(path, f"cannot be read as Parquet ({error})") from None
    return _table_rows(
        path, table.to_pandas(), first_record=piece.record, provenance=_piece_provenance(piece)
    )


def _parquet_file(path: Path) -> Any:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises several unrelated types for a bad file
        raise InputError(path, f"cannot be read as Parquet ({error})") from None


_Plan = Callable[[Path, int], Iterator[Piece]]
_ReadPiece = Callable[[Piece], Found]
_WHOLE: tuple[_Plan, _ReadPiece] = (_plan_whole_file, _read_whole_file)
# Formats read piece by piece; any other registered reader reads its file whole.
_STREAMED: dict[str, tuple[_Plan, _ReadPiece]] = {
    ".jsonl": (_plan_jsonl, _read_jsonl_piece),
    ".ndjson": (_plan_jsonl, _read_jsonl_piece),
    ".csv": (_plan_csv, _read_csv_piece),
    ".parquet": (_plan_parquet, _read_parquet_piece),
    ".pq": (_plan_parquet, _read_parquet_piece),
}


# --- writing -----------------------------------------------------------------------------------


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path` and move it into place only when complete.

    Whatever stops the writing (an error, Ctrl-C), `path` keeps its previous content, or stays
    absent, and no temporary file or newly made folder is left behind. A path that cannot be
    written (a folder, a path under a file, a read-only folder, a full disk) is an OutputError.
    """
    target = Path(path)
    created = _make_parents(target)
    held: list[Path] = []  # the temporary file, named before it is made
    temporary: Path | None = None
    try:
        try:  # private until complete, as tempfile.mkstemp makes it
            handle = make_hidden(target.parent, f".{target.name[:100]}.", ".tmp", _new_file, held)
        except OSError as error:
            raise OutputError(target, f"cannot be written ({os_reason(error)})") from None
        temporary = held[-1]
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else ""
        with os.fdopen(handle, mode, encoding=encoding, newline=newline) as stream:
            yield stream
        temporary.chmod(0o666 & ~current_umask())  # mkstemp makes files private; outputs are not
        temporary.replace(target)
    except BaseException as error:
        for name in held:
            name.unlink(missing_ok=True)
        for folder in created:
            with suppress(OSError):
                folder.rmdir()
        if isinstance(error, OSError) and _about_output(error, target, temporary):
            raise OutputError(target, f"cannot be written ({os_reason(error)})") from None
        raise


_Made = TypeVar("_Made")


def make_hidden(
    folder: Path, prefix: str, suffix: str, make: Callable[[Path], _Made], held: list[Path]
) -> _Made:
    """`make(name)`, an exclusive create (`os.open` with O_EXCL, `mkdir`), on the first free name
    in `folder` of the form `prefix` + random hex + `suffix`; what it returns.

    `held` holds the name from just before it is made, so that whatever stops the caller right
    after (a signal: SIGTERM stops a run as Ctrl-C does) still finds what to remove.
    tempfile.mkstemp and mkdtemp make the file first and return its name after: a window in which
    it would be left behind.
    """
    for _ in range(100):
        name = folder / f"{prefix}{secrets.token_hex(6)}{suffix}"
        held.append(name)
        try:
            return make(name)
        except FileExistsError:
            held.remove(name)  # someone else's: not to be removed
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(folder))


def _new_file(name: Path) -> int:
    return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def refuse_overwriting_inputs(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str] | None]
) -> None:
    """Inputs are never modified: `output` may not be one of `inputs` (a file, or a file in a
    folder), whatever name or link it is given by."""
    target = Path(output)
    if not target.is_file():
        return
    for given in inputs:
        if given is None:
            continue
        path = Path(given)
        for member in path.rglob("*") if path.is_dir() else [path]:
            with suppress(OSError):
                if member.is_file() and target.samefile(member):
                    same = "" if str(member) == str(target) else f" ({member})"
                    raise OutputError(
                        target, f"is an input file of this run{same}; it would be overwritten"
                    )


class OutputError(ResearchError):
    """An output that cannot be written where asked; the message names the path and the problem."""

    path: str

    def __init__(self, path: str | os.PathLike[str], problem: str):
        super().__init__(problem, path=path)


# Errors of writing that a file being written raises without naming it: they are the output's.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM}


def _make_parents(target: Path) -> list[Path]:
    """Make the folders `target` needs; the ones made, deepest first (to remove on failure)."""
    if target.is_dir():
        raise OutputError(target, "is a folder; give the name of a file to write")
    missing: list[Path] = []
    parent = target.parent
    while not parent.exists() and not parent.is_symlink():
        missing.append(parent)
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(target, f"cannot be written ({parent} is a file, not a folder)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        for folder in missing:
            with suppress(OSError):
                folder.rmdir()
        raise OutputError(target, f"cannot make its folder ({os_reason(error)})") from None
    return missing


def _about_output(error: OSError, target: Path, temporary: Path | None) -> bool:
    named = {str(target), str(temporary)} if temporary is not None else {str(target)}
    if error.filename is not None:
        return str(error.filename) in named
    return error.errno in _WRITE_ERRNOS


def os_reason(error: OSError) -> str:
    """An OS error's reason as a clause: "permission denied"."""
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def current_umask() -> int:
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
    """Write statements as JSON Lines, CSV or Parquet, atomically."""
    with statement_writer(path, format=format) as sink:
        sink.write(statements, articles)


# --- writing statements batch by batch --------------------------------------------------------------


class StatementSink(Protocol):
    def write(self, statements: pd.DataFrame, articles: pd.DataFrame) -> None:
        """Append one batch; `articles` holds at least the `doc` and `text` of its statements."""

    def close(self) -> None: ...


@contextmanager
def statement_writer(
    target: str | os.PathLike[str] | IO[Any], *, format: str
) -> Iterator[StatementSink]:
    """Statements written batch by batch as JSON Lines, CSV or Parquet.

    To a path, the file is written under a temporary name and moved into place only once every batch
    is in, so a failed run leaves no half file; to an open stream (stdout, binary for Parquet) each
    batch goes out as it comes.
    """
    if format not in _SINKS:
        raise ValueError(f"unknown format {format!r} (known: {', '.join(_SINKS)})")
    with ExitStack() as stack:
        if isinstance(target, str | os.PathLike):
            mode = "wb" if format == "parquet" else "w"
            target = stack.enter_context(atomic_write(target, mode))
        sink = _SINKS[format](target)
        try:
            yield sink
        finally:
            sink.close()


def format_for(path: str | os.PathLike[str] | None) -> str:
    """The output format a file name asks for: .parquet/.pq, .csv, else JSON Lines."""
    suffix = _suffix(Path(path)) if path is not None else ""
    return {".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}.get(suffix, "jsonl")


class _JsonlSink:
    def __init__(self, stream: IO[Any]) -> None:
        self._stream = stream

    def write(self, statements: pd.DataFrame, articles: pd.DataFrame) -> None:
        for record in statement_records(statements, articles):
            self._stream.write(_ENCODE(record) + "\n")

    def close(self) -> None:
        pass


class _CsvSink:
    """One header, then each batch's rows; list and record cells as JSON text."""

    def __init__(self, stream: IO[Any]) -> None:
        self._stream = stream
        self._header = True

    def write(self, statements: pd.DataFrame, articles: pd.DataFrame) -> None:
        # CRLF rows (RFC 4180): pandas then quotes a field holding a lone "\r", which "\n" rows do not
        _as_text(statements).to_csv(
            self._stream, index=False, header=self._header, lineterminator="\r\n"
        )
        self._header = False

    def close(self) -> None:
        pass


class _ParquetSink:
    """One row group a batch, with a schema fixed by the columns' dtypes, never by their values, so
    every batch has the same one (even an empty batch)."""

    def __init__(self, stream: IO[Any]) -> None:
        self._stream = stream
        self._writer: Any = None

    def write(self, statements: pd.DataFrame, articles: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        names = [str(name) for name in statements.columns]
        schema = pa.schema([(name, _arrow_type(name, statements[name])) for name in names])
        frame = _as_text(statements, keep=set(ARROW_TYPES))
        table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
        if self._writer is None:
            self._writer = pq.ParquetWriter(self._stream, table.schema)
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is None:  # nothing written: still a valid file, with the columns
            self.write(empty_frame(STATEMENTS), empty_frame(ARTICLES))
        self._writer.close()


def _span_list_type() -> Any:
    import pyarrow as pa

    return pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))


# Arrow types for columns of lists or records; any other such column is stored as JSON text.
ARROW_TYPES: dict[str, Callable[[], Any]] = {"content_spans": _span_list_type}


def _arrow_type(name: str, column: pd.Series) -> Any:
    import pyarrow as pa

    dtype = column.dtype
    if name in ARROW_TYPES:
        return ARROW_TYPES[name]()
    if pd.api.types.is_bool_dtype(dtype):
        return pa.bool_()
    if pd.api.types.is_integer_dtype(dtype):
        return pa.int64()
    if pd.api.types.is_float_dtype(dtype):
        return pa.float64()
    return pa.string()  # strings, and lists or records as JSON text


def _as_text(frame: pd.DataFrame, *, keep: set[str] | None = None) -> pd.DataFrame:
    """The frame with each list or record cell of its object columns as JSON text."""
    keep = keep or set()
    columns = [str(c) for c in frame.columns if frame[c].dtype == object and c not in keep]
    return frame.assign(**{column: frame[column].map(_json_text) for column in columns})


def _json_text(value: Any) -> Any:
    if isinstance(value, list | tuple | dict) or hasattr(value, "tolist"):
        try:  # json's C encoder walks lists and records; only numpy scalars come back to `_plain`
            return _ENCODE_PLAIN(value)
        except ValueError:  # a NaN inside, which JSON has not: the walk makes it null
            return _ENCODE(_plain(value))
    return value


# One encoder each, made once: json.dumps with options makes a new one a call (half its time).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_ENCODE_PLAIN = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_plain).encode


_SINKS: dict[str, Callable[[IO[Any]], StatementSink]] = {
    "jsonl": _JsonlSink,
    "csv": _CsvSink,
    "parquet": _ParquetSink,
}
FORMATS = tuple(_SINKS)


def dump_jsonl(records: Sequence[dict[str, Any]], stream: IO[str]) -> None:
    for record in records:
        stream.write(_ENCODE(record) + "\n")
