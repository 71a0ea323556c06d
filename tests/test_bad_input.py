"""Bad input and faults, end to end through the command line: each case of issue 7's catalogue.

What must fail fails with one line, `error: <path>[:line]: problem`, exit code 1, no traceback
(unless --debug), and leaves the folder exactly as it was: no output, no temporary file, no input
touched. What must succeed succeeds, with offsets into the text as decoded.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner, Result

from research import engines, io
from research.cli import main
from research.io import DecodingWarning, InputError, read_articles, statement_writer
from research.lexicons import LexiconError, read_toml
from research.pipeline import Lexicons, extract_statements

RESEARCH = Path(sys.executable).parent / "research"
GOOD = "Talks end\n\nRyabkov said that no deal had been reached.\n“We will stay,” she said.\n"


def snapshot(root: Path) -> dict[str, str]:
    """Every file (with its content's hash and mtime) and folder under `root`, hidden ones too."""
    found = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_dir():
            found[key] = "folder"
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[key] = f"{digest} {path.stat().st_mtime_ns}"
    return found


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_one_line_error(result: Result, pattern: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert re.search(pattern, lines[0]), lines[0]


def spans_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in [record["speaker"], record["cue"], *record["content"]] if s is not None]


# --- what must fail --------------------------------------------------------------------------------

Case = Callable[[Path], tuple[list[str | Path], str]]


def _file(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def _good(folder: Path) -> Path:
    return _file(folder, "good.txt", GOOD.encode("utf-8"))


def _statements(*inputs: str | Path, out: Path) -> list[str | Path]:
    return ["statements", *inputs, "-o", out / "found" / "statements.jsonl"]


def missing_path(d: Path) -> tuple[list[str | Path], str]:
    return _statements(d / "nowhere.txt", out=d), r"nowhere\.txt: no such file or folder$"


# An empty, binary or UTF-16 text file is one article that cannot be read: skipped and listed by
# default (tests/test_bad_records.py), the run's one-line error under --strict.
def empty_file(d: Path) -> tuple[list[str | Path], str]:
    return [
        *_statements(_file(d, "empty.txt", b""), out=d),
        "--strict",
    ], r"empty\.txt: file is empty$"


def blank_file(d: Path) -> tuple[list[str | Path], str]:
    path = _file(d, "blank.txt", b" \r\n\n\t\n")
    return [*_statements(path, out=d), "--strict"], r"blank\.txt: file is empty$"


def empty_csv(d: Path) -> tuple[list[str | Path], str]:
    return _statements(_file(d, "empty.csv", b""), out=d), r"empty\.csv: file is empty$"


def empty_jsonl(d: Path) -> tuple[list[str | Path], str]:
    return _statements(_file(d, "empty.jsonl", b"\n \n"), out=d), r"empty\.jsonl: file is empty$"


def binary_file(d: Path) -> tuple[list[str | Path], str]:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    path = _file(d, "photo.txt", png)
    return [*_statements(path, out=d), "--strict"], r"photo\.txt: looks like a binary file"


def binary_without_nul(d: Path) -> tuple[list[str | Path], str]:
    noise = bytes(range(1, 32)) * 40 + b"not text at all"
    pattern = r"noise\.txt: looks like a binary file \(\d+ control characters\)"
    return [*_statements(_file(d, "noise.txt", noise), out=d), "--strict"], pattern


def utf16_file(d: Path) -> tuple[list[str | Path], str]:
    path = _file(d, "wide.txt", GOOD.encode("utf-16"))
    return [*_statements(path, out=d), "--strict"], r"wide\.txt: is UTF-16 text .*save it as UTF-8"


# A bad record stops the run under --strict (by default it is skipped: tests/test_bad_records.py).
def jsonl_invalid_line(d: Path) -> tuple[list[str | Path], str]:
    lines = b'{"text": "One story."}\n\n{"text": "Two", }\n{"text": "Three."}\n'
    args = [*_statements(_file(d, "wire.jsonl", lines), out=d), "--strict"]
    return args, r"wire\.jsonl:3: invalid JSON"


def jsonl_not_an_object(d: Path) -> tuple[list[str | Path], str]:
    lines = b'{"text": "One story."}\n["Two"]\n'
    path = _file(d, "list.jsonl", lines)
    return [
        *_statements(path, out=d),
        "--strict",
    ], r"list\.jsonl:2: each line must be a JSON object$"


def jsonl_not_utf8(d: Path) -> tuple[list[str | Path], str]:
    lines = '{"text": "One story."}\n{"text": "Caf\u00e9"}\n'.encode("cp1252")
    path = _file(d, "latin.jsonl", lines)
    byte = lines.index(b"\xe9")
    return _statements(path, out=d), rf"latin\.jsonl:2: is not valid UTF-8 \(byte {byte}\)"


def csv_without_text(d: Path) -> tuple[list[str | Path], str]:
    path = _file(d, "notext.csv", b"title,author\r\nDeal,Reuters\r\n")
    return _statements(path, out=d), (
        r"notext\.csv: has no text column \(looked for text, body, content, article; "
        r"found title, author\)$"
    )


def parquet_without_text(d: Path) -> tuple[list[str | Path], str]:
    path = d / "notext.parquet"
    pd.DataFrame({"headline": ["Deal"], "words": [120]}).to_parquet(path)
    pattern = r"notext\.parquet: has no text column .*found headline, words\)$"
    return _statements(path, out=d), pattern


def csv_header_only(d: Path) -> tuple[list[str | Path], str]:
    path = _file(d, "header.csv", b"id,text\r\n")
    return _statements(path, out=d), r"header\.csv: holds no articles"


def parquet_without_rows(d: Path) -> tuple[list[str | Path], str]:
    path = d / "none.parquet"
    pd.DataFrame({"text": pd.Series([], dtype="string")}).to_parquet(path)
    return _statements(path, out=d), r"none\.parquet: holds no articles"


def csv_row_longer_than_header(d: Path) -> tuple[list[str | Path], str]:
    # unquoted commas: pandas would read "a, b" as an index and the text from the wrong column
    path = _file(d, "commas.csv", b"id,text\r\na1,He said, it seems, no deal.\r\n")
    return [*_statements(path, out=d), "--strict"], r"commas\.csv:2: more fields than the header"


def folder_without_articles(d: Path) -> tuple[list[str | Path], str]:
    folder = d / "scraped"
    folder.mkdir()
    _file(folder, "notes.md", b"# not an article")
    _file(folder, "page.html", b"<p>nor this</p>")
    return _statements(folder, out=d), r"scraped: folder holds no articles"


def lexicon_syntax_error(d: Path) -> tuple[list[str | Path], str]:
    lexicon = _file(d, "bad.toml", b'[[party]]\nname = "EU"\nnames = ["EU", "Brussels]\n')
    args = [*_statements(_good(d), out=d), "--lexicon", lexicon]
    return args, r"bad\.toml:3: invalid TOML"


def lexicon_unknown_key(d: Path) -> tuple[list[str | Path], str]:
    lexicon = _file(d, "typo.toml", b'[[party]]\nname = "EU"\nnmes = ["EU"]\n')
    args = [*_statements(_good(d), out=d), "--lexicon", lexicon]
    return args, r"typo\.toml: party #1: unknown key 'nmes' \(allowed: .*names"


def report_unknown_parameter(d: Path) -> tuple[list[str | Path], str]:
    args = ["report", "--corpus", _good(d), "--out", d / "reports", "-p", "min_m", "3"]
    return args, r"framing_report\.ipynb: unknown parameter 'min_m' \(known: .*corpus, .*min_n"


def report_bad_corpus(d: Path) -> tuple[list[str | Path], str]:
    args, _ = jsonl_invalid_line(d)
    return [
        "report",
        "--corpus",
        args[1],
        "--out",
        d / "reports",
        "--strict",
    ], r"wire\.jsonl:3: invalid JSON"


def report_bad_lexicon(d: Path) -> tuple[list[str | Path], str]:
    args, pattern = lexicon_syntax_error(d)
    return ["report", "--corpus", args[1], "--lexicon", args[-1], "--out", d / "reports"], pattern


def output_is_a_folder(d: Path) -> tuple[list[str | Path], str]:
    (d / "results").mkdir()
    return ["statements", _good(d), "-o", d / "results"], r"results: is a folder"


def output_under_a_file(d: Path) -> tuple[list[str | Path], str]:
    good = _good(d)
    return ["statements", good, "-o", good / "out.jsonl"], r"good\.txt is a file, not a folder"


def output_is_an_input(d: Path) -> tuple[list[str | Path], str]:
    good = _good(d)
    return ["statements", good, "-o", good], r"good\.txt: is an input file of this run"


def report_out_under_a_file(d: Path) -> tuple[list[str | Path], str]:
    good = _good(d)
    return ["report", "--corpus", good, "--out", good], r"cannot write the report here"


FAILING: list[Case] = [
    missing_path, empty_file, blank_file, empty_csv, empty_jsonl, binary_file, binary_without_nul,
    utf16_file, jsonl_invalid_line, jsonl_not_an_object, jsonl_not_utf8, csv_without_text,
    parquet_without_text, csv_header_only, parquet_without_rows, csv_row_longer_than_header,
    folder_without_articles, lexicon_syntax_error, lexicon_unknown_key,
    report_unknown_parameter, report_bad_corpus, report_bad_lexicon, output_is_a_folder,
    output_under_a_file, output_is_an_input, report_out_under_a_file,
]  # fmt: skip


@pytest.mark.parametrize("case", FAILING, ids=[case.__name__ for case in FAILING])
def test_bad_input_fails_in_one_line_and_leaves_nothing(tmp_path: Path, case: Case) -> None:
    args, pattern = case(tmp_path)
    before = snapshot(tmp_path)

    result = run(*args)

    assert_one_line_error(result, pattern)
    assert result.stdout == ""
    assert snapshot(tmp_path) == before  # no output, no temporary file, inputs untouched


@pytest.mark.parametrize("case", [missing_path, jsonl_invalid_line, lexicon_syntax_error,
                                  report_unknown_parameter, output_is_a_folder])  # fmt: skip
def test_real_command_exit_code_and_stderr(tmp_path: Path, case: Case) -> None:
    args, pattern = case(tmp_path)
    before = snapshot(tmp_path)

    done = subprocess.run(
        [RESEARCH, *map(str, args)], capture_output=True, text=True, cwd=tmp_path, check=False
    )

    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("error: ")
    assert re.search(pattern, line), line
    assert snapshot(tmp_path) == before


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    args, _ = jsonl_invalid_line(tmp_path)
    done = subprocess.run(
        [RESEARCH, "--debug", *map(str, args)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "Traceback (most recent call last)" in done.stderr
    assert done.stderr.rstrip().endswith(
        "wire.jsonl:3: invalid JSON (Expecting property name enclosed in double quotes)"
    )

    result = run("--debug", *args)
    assert isinstance(result.exception, InputError)
    assert result.exception.line == 3


def test_usage_errors_exit_with_code_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [RESEARCH, "statements", "--format", "docx"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    result = run("report", "--out", tmp_path, "-p", "min_n", "[1")
    assert result.exit_code == 2
    assert "min_n '[1': not plain YAML data" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unexpected_error_is_one_line_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Iterator[Any]:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(engines, "iter_statements", broken)
    result = run(*_statements(_good(tmp_path), out=tmp_path))
    assert_one_line_error(
        result, r"unexpected ZeroDivisionError: a bug \(a bug: rerun with --debug"
    )
    assert not (tmp_path / "found").exists()


def test_read_only_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; the next test simulates it")
    good = _good(tmp_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        before = snapshot(tmp_path)
        result = run("statements", good, "-o", folder / "s.jsonl")
        assert_one_line_error(result, r"locked/s\.jsonl: cannot be written \(permission denied\)")
        assert snapshot(tmp_path) == before
    finally:
        folder.chmod(0o755)


def test_unwritable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, a folder's permissions do not stop a write; a refused create stands in for them."""
    good = _good(tmp_path)
    before = snapshot(tmp_path)

    def refuse(name: Path) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(name))

    monkeypatch.setattr(io, "_new_file", refuse)
    result = run("statements", good, "-o", tmp_path / "new" / "deeper" / "s.jsonl")

    assert_one_line_error(result, r"s\.jsonl: cannot be written \(permission denied\)$")
    assert snapshot(tmp_path) == before  # the folders made for it are gone again


def test_unreadable_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _good(tmp_path)
    if os.geteuid() == 0:  # root reads anything: refuse the access check instead
        monkeypatch.setattr(io.os, "access", lambda path, mode: Path(path) != good)
    else:
        good.chmod(0o000)
    before = snapshot(tmp_path) if os.geteuid() == 0 else None
    try:
        result = run("statements", tmp_path, "-o", tmp_path / "s.jsonl")
        assert_one_line_error(result, r"good\.txt: cannot be read \(permission denied\)$")
        if before is not None:
            assert snapshot(tmp_path) == before
        assert not (tmp_path / "s.jsonl").exists()
    finally:
        good.chmod(0o644)


def test_an_os_error_names_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def vanished(*args: Any, **kwargs: Any) -> Iterator[Any]:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "/gone/article.txt")

    monkeypatch.setattr(engines, "iter_statements", vanished)  # a file deleted mid-run
    result = run("statements", _good(tmp_path))
    assert_one_line_error(result, r"^error: /gone/article\.txt: no such file or directory$")


def test_disk_full_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _good(tmp_path)
    out = tmp_path / "s.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    before = snapshot(tmp_path)

    def full_disk(*args: Any, **kwargs: Any) -> Iterator[dict[str, Any]]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(io, "statement_records", full_disk)  # what writing each record calls
    result = run("statements", good, "-o", out)

    assert_one_line_error(result, r"s\.jsonl: cannot be written \(no space left on device\)$")
    assert snapshot(tmp_path) == before


def test_lexicon_errors_name_the_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "open.toml", b'[[party]]\nname = "EU"\nnames = ["EU",\n')
    with pytest.raises(LexiconError) as caught:
        read_toml(path)
    assert caught.value.line == 3
    assert str(caught.value) == f"{path}:3: invalid TOML: Invalid value (at the end of the file)"
    typo = _file(tmp_path, "typo.toml", b'[[party]]\nname = "EU"\nnames = [EU]\n')
    with pytest.raises(
        LexiconError, match=r"typo\.toml:3: invalid TOML: Invalid value \(column 10\)$"
    ):
        read_toml(typo)
    latin = _file(tmp_path, "latin.toml", 'a = 1\nb = "Caf\u00e9"\n'.encode("cp1252"))
    with pytest.raises(LexiconError, match=r"latin\.toml:2: is not UTF-8"):
        read_toml(latin)
    with pytest.raises(LexiconError, match=r"is a folder, not a lexicon file"):
        read_toml(tmp_path)
    wrong = _file(tmp_path, "wrong.toml", b'party = ["EU"]\n')
    result = run("statements", _good(tmp_path), "--lexicon", wrong)
    assert_one_line_error(result, r"wrong\.toml: party #1: expected a table, found str$")


# --- what must succeed -----------------------------------------------------------------------------

CP1252_TEXT = (
    "Talks in Gen\u00e8ve \u2013 day two\r\n"
    "\u201cWe will not leave,\u201d said Jos\u00e9 Ib\u00e1\u00f1ez.\r\n"
    "The minister said that \u201cno deal\u201d was near \u2026\r\n"
)


def records_of(result: Result) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cp1252_file_is_decoded_with_one_warning(tmp_path: Path) -> None:
    path = _file(tmp_path, "windows.txt", CP1252_TEXT.encode("cp1252"))
    before = snapshot(tmp_path)

    with pytest.warns(
        DecodingWarning, match=r"windows\.txt: not UTF-8 .* read as cp1252"
    ) as caught:
        articles = read_articles([path])
    assert len(caught) == 1
    assert articles["text"].iloc[0] == CP1252_TEXT
    assert articles["title"].iloc[0] == "Talks in Genève – day two"

    result = run("statements", path)
    records = records_of(result)
    [warning] = result.stderr.splitlines()  # one warning, naming the file and the encoding
    assert warning.startswith(f"warning: {path}: not UTF-8") and "cp1252" in warning
    for record in records:  # offsets into the decoded text, not into the bytes
        for span in spans_of(record):
            assert CP1252_TEXT[span["start"] : span["end"]] == span["text"]
    assert "José Ibáñez" in [r["speaker"]["text"] for r in records if r["speaker"]]
    assert snapshot(tmp_path) == before


def test_latin1_file_with_bytes_cp1252_leaves_undefined(tmp_path: Path) -> None:
    data = "Caf\u00e9 talks\nThe mayor said that the caf\u00e9 would stay open.\n".encode("latin-1")
    path = _file(tmp_path, "old.txt", data.replace(b"open", b"open \x81"))
    with pytest.warns(DecodingWarning, match=r"old\.txt: .*read as latin-1"):
        [text] = read_articles([path])["text"]
    assert text == path.read_bytes().decode("latin-1")

    plain = _file(tmp_path, "plain.txt", data)  # Latin-1 without 0x80-0x9F reads the same as cp1252
    with pytest.warns(DecodingWarning, match=r"plain\.txt: .*read as cp1252"):
        [text] = read_articles([plain])["text"]
    assert text == data.decode("latin-1")


def test_cp1252_csv_is_decoded(tmp_path: Path) -> None:
    texts = [CP1252_TEXT.replace("two", f"{n}") for n in range(5)]
    table = pd.DataFrame({"id": [f"a{n}" for n in range(5)], "text": texts})
    path = tmp_path / "excel.csv"
    table.to_csv(path, index=False, encoding="cp1252", lineterminator="\r\n")
    with pytest.warns(DecodingWarning, match=r"excel\.csv: .*cp1252"):
        articles = read_articles([path])
    assert articles["text"].tolist() == texts

    # read in pieces (planned, then each piece read), it is still one warning; a copy, as a
    # file is checked once a process
    copy = _file(tmp_path, "copy.csv", path.read_bytes())
    result = run("statements", copy, "--batch-size", "2", "-q")
    assert len(records_of(result)) >= 5
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"warning: {copy}: not UTF-8") and "cp1252" in warning


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """`research statements big.jsonl | head`: the reader stops early; no traceback, no noise."""
    lines = (json.dumps({"id": f"s{n}", "text": GOOD}) + "\n" for n in range(400))
    path = _file(tmp_path, "big.jsonl", "".join(lines).encode("utf-8"))
    with subprocess.Popen(
        [RESEARCH, "statements", path, "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as command:
        assert command.stdout is not None and command.stderr is not None
        command.stdout.read(100)
        command.stdout.close()
        assert command.wait(timeout=60) == 1
        assert command.stderr.read() == b""


def test_utf8_bom_stays_in_the_text_so_offsets_match_open(tmp_path: Path) -> None:
    path = _file(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    with path.open(encoding="utf-8", newline="") as stream:
        contract = stream.read()
    assert contract.startswith("\ufeff")

    [row] = read_articles([path]).to_dict("records")
    assert row["text"] == contract
    assert row["title"] == "Talks end"

    records = records_of(run("statements", path))
    assert records
    for record in records:
        for span in spans_of(record):
            assert contract[span["start"] : span["end"]] == span["text"]
            assert "\ufeff" not in span["text"]


def test_utf8_bom_in_tables(tmp_path: Path) -> None:
    csv = _file(tmp_path, "bom.csv", b"\xef\xbb\xbftext,id\r\nOne story.,a\r\n")
    jsonl = _file(tmp_path, "bom.jsonl", b'\xef\xbb\xbf{"text": "Two stories.", "id": "b"}\n')
    articles = read_articles([csv, jsonl])
    assert articles["doc"].tolist() == ["a", "b"]
    assert articles["text"].tolist() == ["One story.", "Two stories."]


def test_crlf_newlines_are_kept(tmp_path: Path) -> None:
    text = GOOD.replace("\n", "\r\n")
    txt = _file(tmp_path, "crlf.txt", text.encode("utf-8"))
    csv = tmp_path / "crlf.csv"
    pd.DataFrame({"id": ["c"], "text": [text]}).to_csv(csv, index=False, lineterminator="\r\n")
    jsonl = _file(tmp_path, "crlf.jsonl", (json.dumps({"id": "j", "text": text}) + "\r\n").encode())

    articles = read_articles([txt, csv, jsonl])

    assert articles["text"].tolist() == [text, text, text]
    records = records_of(run("statements", txt))
    assert records
    for record in records:
        for span in spans_of(record):
            assert text[span["start"] : span["end"]] == span["text"]
            assert "\r" not in span["text"] and span["text"] == span["text"].strip()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Title\n“No deal, she said.\n", None),  # unbalanced: the quotation runs to the end
        ("Title\nNo deal,” she said.\n", None),  # a closing mark with no opening one
        ('Title\n"We heard ‘no deal’ today," she said.\n', "she"),  # nested
        ("Title\n“We heard “no deal” today,” she said.\n", "she"),  # nested, same marks
        ('Title\n“No deal," she said.\n', "she"),  # mixed straight and curly
        ("Title\n«Aucun accord», a-t-elle dit. \"\"\" ''' ``\n", None),
    ],
)
def test_odd_quotes(lexicons: Lexicons, text: str, speaker: str | None) -> None:
    articles = pd.DataFrame({"doc": ["d"], "text": [text]})
    found = extract_statements(articles, lexicons)
    for record in io.statement_records(found, articles):
        for span in spans_of(record):
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"]
    if speaker is not None:
        assert speaker in found["speaker"].tolist()


def test_empty_lines_and_stray_separators(tmp_path: Path) -> None:
    text = (
        "\n\n\r\nTalks end |\n\n\n|\n***\n• • •\n\n"
        "Ryabkov said that no deal had been reached. |\n\n———\n\n  \t\n"
        "“We will stay,” she said.\n=====\n\n"
    )
    path = _file(tmp_path, "debris.txt", text.encode("utf-8"))
    records = records_of(run("statements", path))
    assert {r["speaker"]["text"] for r in records if r["speaker"]} >= {"Ryabkov", "she"}
    for record in records:
        for span in spans_of(record):
            assert text[span["start"] : span["end"]] == span["text"]
            assert "|" not in span["text"] and "*" not in span["text"]


def _big_article(size: int) -> str:
    """News-like paragraphs, all different (nothing is a duplicate), with a statement every 200
    characters or so, as in the bundled article: quotes, reported speech, names, narration."""
    paragraphs = []
    number = length = 0
    while length < size:
        number += 1
        paragraphs.append(
            f"“The convoy {number} left at dawn,” said Sergei Petrov{number}. "
            f"Buses waited for hours at checkpoint {number} on the edge of the eastern districts "
            f"while shelling continued, and hundreds of families gathered near the crossing. "
            f"Officials told reporters that talks number {number} had ended late. "
            f"The evacuation, first planned for the morning, was delayed again by the fighting."
        )
        length += len(paragraphs[-1]) + 2
    return "A very long story\n\n" + "\n\n".join(paragraphs) + "\n"


def test_ten_megabyte_article_is_read_whole(tmp_path: Path) -> None:
    text = _big_article(10_000_000)
    path = _file(tmp_path, "long.txt", text.encode("utf-8"))
    [row] = read_articles([path]).to_dict("records")
    assert row["text"] == text


# How long it takes is measured by `make bench` (benchmarks/scaling.py), not asserted here.
@pytest.mark.slow
def test_ten_megabyte_article_end_to_end(tmp_path: Path) -> None:
    article = _big_article(10_000_000)
    path = _file(tmp_path, "long.txt", article.encode("utf-8"))
    out = tmp_path / "long.jsonl"
    done = subprocess.run(
        [RESEARCH, "statements", path, "-o", out, "-q"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    paragraphs = article.count("\n\n")
    # each paragraph holds a quote with its tag and a "told reporters that" statement
    with out.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    assert len(records) >= 2 * paragraphs
    for record in records[:: len(records) // 1000]:  # a sample: each span is the text it names
        for span in spans_of(record):
            assert article[span["start"] : span["end"]] == span["text"]


def test_long_single_line_paragraph_reads_every_statement(tmp_path: Path) -> None:
    """Scraped text often has no line breaks: one 150 KB paragraph of repeated sentences gives
    each repetition's two statements, with the same spans as the sentences alone."""
    unit = (
        "“The convoy left at dawn,” said Sergei Petrov. Officials told reporters that the "
        "talks had ended late, and the evacuation was delayed again. "
    )
    repeats = 150_000 // len(unit)
    path = _file(tmp_path, "line.txt", (unit * repeats).rstrip().encode("utf-8"))
    out = tmp_path / "line.jsonl"
    assert run("statements", path, "-o", out, "-q").exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2 * repeats
    for number, record in enumerate(records):
        shift = (number // 2) * len(unit)
        expected = (
            ("direct", "Sergei Petrov", "said")
            if number % 2 == 0
            else ("indirect", "Officials", "told")
        )
        assert (record["kind"], record["speaker"]["text"], record["cue"]["text"]) == expected
        assert record["content"][0]["start"] == records[number % 2]["content"][0]["start"] + shift


# --- nothing half written --------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["jsonl", "csv", "parquet"])
def test_interrupted_write_keeps_the_previous_result(tmp_path: Path, format: str) -> None:
    articles = pd.DataFrame({"doc": ["d"], "text": [GOOD]})
    found = extract_statements(articles)
    target = tmp_path / f"statements.{format}"
    with statement_writer(target, format=format) as sink:
        sink.write(found, articles)
    before = snapshot(tmp_path)

    with pytest.raises(KeyboardInterrupt), statement_writer(target, format=format) as sink:
        sink.write(found, articles)
        raise KeyboardInterrupt

    assert snapshot(tmp_path) == before


def test_interrupted_command_keeps_the_previous_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _good(tmp_path)
    out = tmp_path / "s.jsonl"
    assert run("statements", good, "-o", out).exit_code == 0
    before = snapshot(tmp_path)
    real = engines.iter_statements

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[Any]:
        yield from real(*args, **kwargs)
        raise KeyboardInterrupt  # Ctrl-C after the last batch, before the file is complete

    monkeypatch.setattr(engines, "iter_statements", interrupted)
    result = run("statements", good, "-o", out)

    assert result.exit_code == 1 and "Aborted" in result.output
    assert snapshot(tmp_path) == before
