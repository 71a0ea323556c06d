from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from research import io
from research.io import InputError, atomic_write, read_articles, write_statements


def test_txt_keeps_raw_text_title_and_provenance(tmp_path: Path) -> None:
    raw = b"\n  Ministers meet in Geneva\r\nThe talks, officials said, ended late.\r\n"
    path = tmp_path / "geneva-talks.txt"
    path.write_bytes(raw)

    articles = read_articles([path])

    row = articles.iloc[0]
    assert row["doc"] == "geneva-talks"
    assert row["title"] == "Ministers meet in Geneva"
    assert row["text"] == raw.decode("utf-8")  # CRLF and leading blank line untouched
    assert row["sha256"] == hashlib.sha256(raw).hexdigest()
    assert row["path"] == str(path)


def test_folder_reads_supported_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second\nBody two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First\nBody one.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")

    assert read_articles([tmp_path])["doc"].tolist() == ["a", "b"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_tables_take_text_and_optional_columns(tmp_path: Path, suffix: str) -> None:
    table = pd.DataFrame(
        {
            "id": ["x1", "x2"],
            "headline": ["Deal reached", "Talks stall"],
            "body": ["The deal, he said, was close.", "“No,” she said."],
            "outlet": ["Wire", "Daily"],
            "date": ["2016-12-05", "2016-12-06"],
        }
    )
    path = tmp_path / f"corpus{suffix}"
    if suffix == ".csv":
        table.to_csv(path, index=False)
    elif suffix == ".jsonl":
        path.write_text(
            "".join(json.dumps(r) + "\n" for r in table.to_dict("records")), encoding="utf-8"
        )
    else:
        table.to_parquet(path)

    articles = read_articles([path])

    assert articles["doc"].tolist() == ["x1", "x2"]
    assert articles["title"].tolist() == ["Deal reached", "Talks stall"]
    assert articles["text"].tolist() == table["body"].tolist()
    assert articles["source"].tolist() == ["Wire", "Daily"]
    assert articles["published"].tolist() == ["2016-12-05", "2016-12-06"]


def test_table_without_id_numbers_its_records(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    pd.DataFrame({"text": ["One story.", "Another story."]}).to_csv(path, index=False)
    assert read_articles([path])["doc"].tolist() == ["wire-2", "wire-3"]  # CSV lines


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n", "empty.txt: file is empty"),
        ("binary.txt", b"\x00\x01\x02abc", "binary.txt: looks like a binary file"),
        ("broken.jsonl", b'{"text": "fine"}\n{"text": oops}\n', "broken.jsonl:2: invalid JSON"),
        ("notext.csv", b"title,author\nA,B\n", "notext.csv: has no text column"),
        ("story.docx", b"PK", "story.docx: unknown file type"),
    ],
)
def test_bad_input_names_file_and_problem(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message.replace(".", r"\.")):
        read_articles([path], strict=True)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read_articles([tmp_path / "nowhere.txt"])
    with pytest.raises(InputError, match="folder holds no articles"):
        read_articles([tmp_path])


def test_atomic_write_leaves_previous_result_when_interrupted(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as stream:
        stream.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert list(tmp_path.iterdir()) == [target]


def test_write_statements_jsonl_follows_contract(tmp_path: Path) -> None:
    articles = pd.DataFrame({"doc": ["d"], "text": ["“Go,” she said."]})
    statements = pd.DataFrame(
        {
            "doc": ["d"],
            "kind": ["direct"],
            "speaker_start": [6],
            "speaker_end": [9],
            "cue_start": [10],
            "cue_end": [14],
            "content_spans": [[(0, 5)]],
            "party": [None],
            "polarity": [0.0],
        }
    )
    out = tmp_path / "s.jsonl"
    write_statements(statements, articles, out, format="jsonl")
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["speaker"] == {"start": 6, "end": 9, "text": "she"}
    assert record["cue"]["text"] == "said"
    assert record["content"] == [{"start": 0, "end": 5, "text": "“Go,”"}]
    assert record["party"] is None


def test_a_stop_just_after_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM arriving the moment the temporary file exists (as a test that waits for it sends
    it) must not leave it behind: its name is held before it is made."""
    make = io._new_file

    def made_then_stopped(name: Path) -> int:
        os.close(make(name))
        raise KeyboardInterrupt

    monkeypatch.setattr(io, "_new_file", made_then_stopped)
    with pytest.raises(KeyboardInterrupt), atomic_write(tmp_path / "out.jsonl") as stream:
        stream.write("never")
    assert list(tmp_path.iterdir()) == []


def test_a_taken_temporary_name_is_skipped_and_never_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / ".out.taken.tmp"
    taken.write_text("someone else's", encoding="utf-8")
    hex_names = iter(["taken", "free"])
    monkeypatch.setattr(io.secrets, "token_hex", lambda _: next(hex_names))
    held: list[Path] = []
    seen: list[list[Path]] = []

    def make(name: Path) -> int:
        seen.append(list(held))  # what the caller holds as the file is made
        return io._new_file(name)

    os.close(io.make_hidden(tmp_path, ".out.", ".tmp", make, held))
    assert seen == [[taken], [tmp_path / ".out.free.tmp"]]  # each name held before it is made
    assert held == [tmp_path / ".out.free.tmp"]  # the taken one let go, the made one kept
    assert taken.read_text(encoding="utf-8") == "someone else's"
