"""Input as a careless user or an attacker would give it (issue 18): inputs named as outputs, splits
that would merge groups, links out of a corpus folder, file names and JSON values of any kind,
lexicon terms that are blank, shared or differently normalised, files that are pipes or devices,
an article whose analysis fails, and SIGTERM.

What must fail fails in one line naming the file (and the article), touching nothing; what can go
on goes on, and says what it left out.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research import framing, io, pipeline
from research.batch import SpecError, Split, split_runs
from research.cli import main
from research.errors import ArticleError, ResearchError
from research.io import InputError, SkippedFileWarning, read_articles
from research.lexicons import LexiconError, LexiconWarning, load_parties

RESEARCH = Path(sys.executable).parent / "research"
GOOD = "Talks end\n\nRyabkov said that no deal had been reached.\n"
LABRADOR = (
    "Talks\n\nSome lawmakers pressed Labrador to run, according to several published reports "
    "that quoted unnamed sources.\n"
)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(result: Result, pattern: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert re.search(pattern, lines[0]), lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


# --- every input guarded against being used as an output ----------------------------------------------


def test_the_lexicon_is_not_overwritten_by_output(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", GOOD)
    lexicon = write(tmp_path / "lex.toml", '[[party]]\nname = "Mine"\nnames = ["Ryabkov"]\n')
    before = digest(lexicon)
    result = run("statements", good, "--lexicon", lexicon, "-o", lexicon)
    one_line_error(result, r"lex\.toml: is an input file of this run; it would be overwritten")
    os.link(lexicon, tmp_path / "other-name.jsonl")  # the same file by another name
    result = run("statements", good, "--lexicon", lexicon, "-o", tmp_path / "other-name.jsonl")
    one_line_error(result, r"other-name\.jsonl: is an input file of this run \(.*lex\.toml\)")
    assert digest(lexicon) == before


def test_evaluate_does_not_overwrite_predictions_or_gold(tmp_path: Path) -> None:
    gold = Path(__file__).parent / "fixtures" / "brat"
    pred = write(tmp_path / "p.jsonl", '{"doc": "x", "speaker": null}\n')
    before = digest(pred)
    result = run("evaluate", "--gold", gold, "--pred", pred, "--errors", pred)
    one_line_error(result, r"p\.jsonl: is an input file of this run")
    assert digest(pred) == before
    [ann] = sorted((gold / "attributions").glob("*.ann"))[:1]
    link = tmp_path / "errors.csv"
    link.symlink_to(ann)
    result = run("evaluate", "--gold", gold, "--pred", pred, "--errors", link)
    one_line_error(result, r"errors\.csv: is an input file of this run")


def test_an_input_in_a_folder_is_guarded_too(tmp_path: Path) -> None:
    corpus = write(tmp_path / "corpus" / "a.txt", GOOD)
    with pytest.raises(io.OutputError, match=r"a\.txt: is an input file of this run"):
        io.refuse_overwriting_inputs(corpus, [tmp_path / "corpus", None])
    io.refuse_overwriting_inputs(tmp_path / "new.jsonl", [tmp_path / "corpus"])  # no such file yet


# --- a split never merges two groups into one folder ---------------------------------------------------


def _split(tmp_path: Path, rows: list[dict[str, Any]]) -> list[str]:
    tmp_path.mkdir(exist_ok=True)
    corpus = tmp_path / "all.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    split = Split(corpus=(str(corpus),), by="source", where="spec.toml: split #1")
    return [run.name for run in split_runs(split, out=tmp_path / "out")]


def test_split_refuses_two_outlets_with_one_folder_name(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": GOOD, "source": "C++ Times"},
        {"id": "b", "text": GOOD, "source": "C# Times"},
    ]
    with pytest.raises(
        SpecError,
        match=r"spec\.toml: split #1: source 'C\+\+ Times' and source 'C# Times' would both be "
        r"written to the folder 'C-Times'",
    ):
        _split(tmp_path, rows)
    assert not (tmp_path / "out" / "C-Times").exists()


def test_split_keeps_articles_without_an_outlet_apart_from_one_named_unknown(
    tmp_path: Path,
) -> None:
    rows = [{"id": "a", "text": GOOD, "source": "unknown"}, {"id": "b", "text": GOOD}]
    with pytest.raises(SpecError, match=r"source 'unknown' and the articles without a source"):
        _split(tmp_path, rows)
    assert _split(tmp_path / "alone", [{"id": "b", "text": GOOD}]) == ["unknown"]


# --- corpus folders: links, names, pipes and devices ------------------------------------------------------


def test_a_link_out_of_the_corpus_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    secret = write(tmp_path / "private" / "secret.txt", "Secret said that the key is 1234.\n")
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", GOOD)
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "sub").symlink_to(secret.parent, target_is_directory=True)  # not walked into
    (corpus / "same.txt").symlink_to(corpus / "a.txt")  # inside the folder: read
    with pytest.warns(SkippedFileWarning) as caught:
        articles = read_articles([corpus])
    assert sorted(articles["doc"]) == ["a", "same"]
    [message] = [str(w.message) for w in caught]
    assert message == (
        f"{corpus / 'leak.txt'}: a link to {secret}, outside the corpus folder: skipped "
        "(give the file itself to read it)"
    )
    result = run("statements", corpus, "-o", tmp_path / "s.jsonl")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("outside the corpus folder") == 1
    assert "1234" not in (tmp_path / "s.jsonl").read_text(encoding="utf-8")
    assert read_articles([corpus / "leak.txt"])["doc"].tolist() == ["leak"]  # given itself: read


def test_a_file_name_that_is_not_utf8_is_skipped_and_named(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "ok.txt", GOOD)
    (Path(os.fsdecode(bytes(corpus) + b"/caf\xe9.txt"))).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "s.jsonl"
    result = run("statements", corpus, "-o", out)
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr
    assert "caf\\xe9.txt: its name is not UTF-8: skipped" in result.stderr
    assert {r["doc"] for r in records(out)} == {"ok"}


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_corpus_path_that_is_a_pipe_or_a_device_is_refused(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    result = run("statements", path)
    one_line_error(result, rf"{re.escape(str(path))}: is not a regular file or a folder")
    folder = tmp_path / "corpus"
    write(folder / "a.txt", GOOD)
    os.mkfifo(folder / "b.txt")  # inside a folder: not a file, not read, no hang
    assert read_articles([folder])["doc"].tolist() == ["a"]


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder", "binary", "huge", "missing"])
def test_any_kind_of_lexicon_file_is_one_line(tmp_path: Path, kind: str) -> None:
    good = write(tmp_path / "good.txt", GOOD)
    path = tmp_path / "lex.toml"
    expected = {
        "fifo": r"lex\.toml: is not a regular file",
        "/dev/zero": r"/dev/zero: is not a regular file",
        "folder": r"lex\.toml: is a folder",
        "binary": r"lex\.toml:1: is not UTF-8",
        "huge": r"lex\.toml: is 17 MB: too large for a lexicon",
        "missing": r"lex\.toml: no such lexicon file",
    }[kind]
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "/dev/zero":
        path = Path("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\xff\xfe\x00[party]\x00")
    elif kind == "huge":
        with path.open("wb") as stream:
            stream.truncate(17 << 20)
    result = run("statements", good, "--lexicon", path)
    one_line_error(result, expected)


# --- JSON Lines values that crashed the run ---------------------------------------------------------------


def test_a_lone_surrogate_becomes_a_replacement_character_in_place(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Ryabkov said \\ud800 that no deal had been reached.", '
        '"source": "W\\udfffire"}\n{"id": "b", "text": "Lavrov said that talks went on."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "s.jsonl"
    result = run("statements", corpus, "-o", out)
    assert result.exit_code == 0, result.output
    assert "c.jsonl:1: text holds a lone surrogate (U+D800 at offset 13)" in result.stderr
    assert "c.jsonl:1: source holds a lone surrogate (U+DFFF at offset 1)" in result.stderr
    found = {r["doc"]: r for r in records(out)}
    assert set(found) == {"a", "b"}
    content = found["a"]["content"][0]
    assert content["text"] == "\ufffd that no deal had been reached"
    assert content["start"] == len("Ryabkov said ")  # one character for one: offsets unchanged


def test_an_id_of_5000_digits_is_kept_as_written(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    digits = "7" * 5000
    corpus.write_text(f'{{"id": {digits}, "text": "{GOOD[11:-1]}"}}\n', encoding="utf-8")
    out = tmp_path / "s.jsonl"
    assert run("statements", corpus, "-o", out).exit_code == 0
    assert [r["doc"] for r in records(out)] == [digits]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ('{"id": "d", "text": "x", "title": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too"),
        ('{"id": ["a", "b"], "text": "Lavrov said it."}', r"'id' must be text or a number, not a"),
        ('{"id": "d", "text": "x", "source": {"a": 1}}', r"'source' must be text .*not a table"),
        ('{"id": "d", "text": ["Lavrov said it."]}', r"'text' must be a string, not a list"),
    ],
)
def test_a_json_value_of_the_wrong_shape_is_one_line_under_strict(
    tmp_path: Path, record: str, message: str
) -> None:
    # (without --strict the record is skipped and listed: tests/test_bad_records.py)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "ok", "text": "Lavrov said it."}\n' + record + "\n", encoding="utf-8")
    result = run("statements", corpus, "-o", tmp_path / "s.jsonl", "--strict")
    one_line_error(result, rf"c\.jsonl:2: .*{message}")
    assert not (tmp_path / "s.jsonl").exists()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["id", "title", "source", "published", "url", "text"]),
    json_values,
)
def test_any_json_value_in_any_field_is_read_or_refused_by_line(field: str, value: Any) -> None:
    # strict: refused; by default, skipped (tests/test_bad_records.py)
    record = {"id": "x", "text": "Lavrov said that talks went on.", field: value}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "c.jsonl"
        corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", io.DecodingWarning)
                articles = read_articles([corpus], strict=True)
        except InputError as error:
            assert str(error).startswith(f"{corpus}:1: ")
            return
        [row] = articles.to_dict("records")
        for column in ("doc", "title", "text", "source", "published", "url"):
            if isinstance(row[column], str):
                row[column].encode("utf-8")  # writable: no lone surrogate left


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=1, max_size=20).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_file_name_bytes_are_read_or_skipped_with_a_warning(name: bytes) -> None:
    if name in (b".", b".."):
        return
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "keep.txt").write_text(GOOD, encoding="utf-8")
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name + b".txt"))
        path.write_text(GOOD, encoding="utf-8")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            articles = read_articles([folder])
        docs = set(articles["doc"])
        assert "keep" in docs
        skipped = [w for w in caught if issubclass(w.category, SkippedFileWarning)]
        assert len(docs) + len(skipped) == 2
        for doc in docs:
            doc.encode("utf-8")


# --- one article that cannot be analysed -------------------------------------------------------------------


def test_the_labrador_sentence_no_longer_stops_the_run(tmp_path: Path) -> None:
    corpus = write(tmp_path / "lab.txt", LABRADOR)
    out = tmp_path / "s.jsonl"
    result = run("statements", corpus, "-o", out)
    assert result.exit_code == 0, result.output
    [found] = records(out)
    assert found["speaker"]["text"] == "several published reports"
    [hedge] = found["hedges"]
    assert LABRADOR[hedge["start"] : hedge["end"]] == "reports that"


@pytest.fixture
def broken_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus of three articles, where the analysis of `bad` raises (a bug its text reveals)."""
    real = framing.find_hedges

    def find_hedges(text: str, *args: Any, **kwargs: Any) -> Any:
        if "Kozlov" in text:
            raise ValueError("not a span: [85, 78)")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(framing, "find_hedges", find_hedges)
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", GOOD)
    write(corpus / "bad.txt", "Talks\n\nKozlov said that the talks had failed.\n")
    write(corpus / "c.txt", "Talks\n\nLavrov said that the talks went on.\n")
    return corpus


def test_one_article_that_fails_is_skipped_named_and_summed_up(
    tmp_path: Path, broken_article: Path
) -> None:
    out = tmp_path / "s.jsonl"
    result = run("statements", broken_article, "-o", out)
    assert result.exit_code == 0, result.output
    assert {r["doc"] for r in records(out)} == {"a", "c"}
    # at the end, after the count: which article was skipped and why
    assert result.stderr.splitlines() == [
        f"2 statements from 3 articles -> {out}",
        "warning: 1 article(s) skipped (--strict stops instead):",
        f"  {broken_article / 'bad.txt'}: article 'bad': ValueError: not a span: [85, 78); skipped",
    ]


def test_strict_stops_at_the_article_that_fails(tmp_path: Path, broken_article: Path) -> None:
    out = tmp_path / "s.jsonl"
    result = run("statements", broken_article, "-o", out, "--strict")
    one_line_error(result, r"bad\.txt: article 'bad': ValueError: not a span")
    assert not out.exists()
    with pytest.raises(ArticleError) as caught:
        pipeline.analyze(read_articles([broken_article]), strict=True)
    assert isinstance(caught.value, ResearchError) and caught.value.doc == "bad"


# --- lexicon terms ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('names = [""]', r"party 'Mine' names: an empty or blank term ''"),
        ('metonyms = ["Moscow", "  "]', r"party 'Mine' metonyms: an empty or blank term '  '"),
        ('people = [{ name = "\t" }]', r"party 'Mine' people: an empty or blank term '\\t'"),
    ],
)
def test_a_blank_term_is_refused(tmp_path: Path, entry: str, message: str) -> None:
    path = write(tmp_path / "lex.toml", f'[[party]]\nname = "Mine"\n{entry}\n')
    with pytest.raises(LexiconError, match=message):
        load_parties(path)


def test_a_term_given_to_two_parties_is_warned_naming_both(tmp_path: Path) -> None:
    path = write(
        tmp_path / "lex.toml",
        '[meta]\nextends_default = false\n[[party]]\nname = "Canada"\nnames = ["Labrador"]\n'
        '[[party]]\nname = "Newfoundland"\nadjectives = ["Labrador"]\n',
    )
    with pytest.warns(LexiconWarning) as caught:
        lexicon = load_parties(path)
    [warning] = caught
    assert str(warning.message) == (
        f"{path}: the term 'Labrador' is given to party 'Canada' ({path}) and to party "
        f"'Newfoundland' ({path}); it names 'Canada' only"
    )
    assert lexicon.party_of("Labrador") == "Canada"


def test_a_term_the_bundled_lexicon_owns_is_warned_naming_both_files(tmp_path: Path) -> None:
    path = write(tmp_path / "lex.toml", '[[party]]\nname = "Mine"\nmetonyms = ["Kremlin"]\n')
    with pytest.warns(LexiconWarning, match=r"'Kremlin' is given to party 'Russia' \(.*parties\.toml\) and to party 'Mine' \(.*lex\.toml\); it names 'Russia' only"):  # fmt: skip
        load_parties(path)
    with warnings.catch_warnings():  # the bundled lexicon alone: nothing to warn of
        warnings.simplefilter("error")
        load_parties()
    result = run("statements", write(tmp_path / "g.txt", GOOD), "--lexicon", path)
    assert result.exit_code == 0
    assert result.stderr.count("warning: ") == 1  # once, though the lexicon is loaded twice


@pytest.mark.parametrize(("term_form", "text_form"), [("NFD", "NFC"), ("NFC", "NFD")])
def test_accented_names_match_in_either_normal_form(
    tmp_path: Path, term_form: str, text_form: str
) -> None:
    term = unicodedata.normalize(term_form, "José Ramírez")
    text = unicodedata.normalize(text_form, "Talks\n\nJosé Ramírez said that no deal was made.\n")
    lexicon = write(tmp_path / "lex.toml", f'[[party]]\nname = "Mine"\nnames = ["{term}"]\n')
    corpus = tmp_path / "a.txt"
    corpus.write_bytes(text.encode("utf-8"))
    out = tmp_path / "s.jsonl"
    assert run("statements", corpus, "--lexicon", lexicon, "-o", out).exit_code == 0
    [found] = records(out)
    assert found["party"] == "Mine"
    speaker = found["speaker"]
    assert text[speaker["start"] : speaker["end"]] == speaker["text"]  # offsets into the text read
    assert unicodedata.normalize("NFC", speaker["text"]) == "José Ramírez"


# --- SIGTERM is Ctrl-C --------------------------------------------------------------------------------------


@contextlib.contextmanager
def running(
    *args: str | Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


# Not a speed limit: a process that has not ended this long after SIGTERM hangs (a kernel client's
# teardown once did, under load); the test fails rather than holding the suite for ever.
_HANG_SECONDS = 600


def _exited(process: subprocess.Popen[str]) -> tuple[str, str]:
    """The output of `process` once it ends after a signal, or a failure if it hangs."""
    try:
        return process.communicate(timeout=_HANG_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"still running {_HANG_SECONDS} s after SIGTERM: it hangs")


def _wait_for(found: Any, process: subprocess.Popen[str]) -> bool:
    """Poll until `found()` is true or the process ends (no clock in the assertion)."""
    while process.poll() is None:
        if found():
            return True
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(0.05)
    return False


def test_sigterm_while_writing_statements_leaves_no_temporary_file(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    text = "Lavrov said that the talks went on. " * 20
    corpus.write_text(
        "".join(json.dumps({"id": f"d{n}", "text": text}) + "\n" for n in range(20_000)),
        encoding="utf-8",
    )
    out = tmp_path / "out.parquet"
    with running(RESEARCH, "statements", corpus, "-o", out, "-q") as process:
        started = _wait_for(lambda: list(tmp_path.glob(".out.parquet.*.tmp")), process)
        assert started, "the run ended before it wrote anything"
        process.send_signal(signal.SIGTERM)
        _, stderr = _exited(process)
    assert process.returncode != 0
    assert "Aborted" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]


def test_sigterm_while_a_report_runs_leaves_no_hidden_file_or_kernel_file(
    tmp_path: Path, write_notebook: Any
) -> None:
    notebook = write_notebook(
        tmp_path / "slow.ipynb", "import time\nfor _ in range(600):\n    time.sleep(0.1)"
    )
    corpus = write(tmp_path / "good.txt", GOOD)
    runtime = tmp_path / "runtime"  # where the kernel's connection file goes
    runtime.mkdir()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime), "TMPDIR": str(runtime)}
    out = tmp_path / "out"
    args = ("report", "--notebook", notebook, "--corpus", corpus, "--out", out, "--name", "s")
    with running(RESEARCH, *args, "-q", env=env) as process:
        # mid-run: the staging folder made and the kernel's connection file written (papermill
        # saves the notebook only between cells, so waiting for it would reach the run's end)
        running_now = _wait_for(
            lambda: list(out.glob(".s.new-*")) and list(runtime.glob("*.json")), process
        )
        assert running_now, process.communicate()
        process.send_signal(signal.SIGTERM)
        _, stderr = _exited(process)
    assert process.returncode == 1
    assert stderr.splitlines()[-1] == "Aborted!"
    assert "Traceback" not in stderr
    assert not out.exists() or not any(out.rglob("*"))  # a new report: nothing is left
    assert list(runtime.iterdir()) == []  # the kernel's connection file (with its key) is gone


# --- a report written over an earlier one -----------------------------------------------------------------


def test_disk_full_while_writing_a_report_keeps_the_earlier_one(
    tmp_path: Path, write_notebook: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from research import reports

    notebook = write_notebook(tmp_path / "fine.ipynb", "print('first')")
    corpus = write(tmp_path / "good.txt", GOOD)
    out = tmp_path / "out"
    reports.render_report(corpus=[corpus], notebook=notebook, out=out, name="study")
    before = {p.name: digest(p) for p in (out / "study").iterdir()}
    notebook = write_notebook(tmp_path / "fine.ipynb", "print('second')")

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reports, "build_manifest", full)  # after the notebook and the page
    with pytest.raises(OSError, match="No space left"):
        reports.render_report(corpus=[corpus], notebook=notebook, out=out, name="study")
    assert {p.name: digest(p) for p in (out / "study").iterdir()} == before
    assert sorted(p.name for p in out.iterdir()) == ["study"]  # no staging folder left


def test_sigterm_while_a_batch_runs_stops_every_report_cleanly(
    tmp_path: Path, write_notebook: Any
) -> None:
    write_notebook(
        tmp_path / "slow.ipynb", "import time\nfor _ in range(600):\n    time.sleep(0.1)"
    )
    write(tmp_path / "good.txt", GOOD)
    spec = write(
        tmp_path / "spec.toml",
        'out = "out"\njobs = 2\n[defaults]\nnotebook = "slow.ipynb"\n'
        '[[run]]\nname = "one"\ncorpus = "good.txt"\n[[run]]\nname = "two"\ncorpus = "good.txt"\n',
    )
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime), "TMPDIR": str(runtime)}
    out = tmp_path / "out"
    with running(RESEARCH, "batch", spec, "-q", env=env) as process:
        staged = _wait_for(
            lambda: len(list(out.glob(".*.new-*"))) == len(list(runtime.glob("*.json"))) == 2,
            process,
        )  # both reports are running, each in its kernel
        assert staged, process.communicate()
        process.send_signal(signal.SIGTERM)  # to the parent alone, as `kill PID` sends it
        _, stderr = _exited(process)
    assert process.returncode == 1
    assert "Traceback" not in stderr
    left = sorted(str(p.relative_to(out)) for p in out.rglob("*")) if out.exists() else []
    assert left == []
    assert [p for p in runtime.iterdir() if p.suffix == ".json"] == []


def test_every_error_has_one_root_and_crosses_processes_whole() -> None:
    import pickle

    from research.batch import SpecError
    from research.evaluate import EvaluationInputError
    from research.parameters import ParameterError
    from research.reports import ReportError

    errors = [
        InputError("a.jsonl", "invalid JSON", line=3),
        LexiconError("lex.toml", "unknown key", line=2),
        io.OutputError("out.csv", "cannot be written"),
        SpecError("spec.toml", "lists no [[run]]"),
        ReportError("report.ipynb failed in cell 3"),
        ParameterError("unknown parameter 'x'"),
        EvaluationInputError("gold", "no texts"),
        ArticleError("a.txt", "a", "ValueError: not a span"),
    ]
    for error in errors:
        assert isinstance(error, ResearchError)
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert (str(copy), copy.path, copy.line, copy.problem) == (
            str(error), error.path, error.line, error.problem,
        )  # fmt: skip
    assert str(errors[0]) == "a.jsonl:3: invalid JSON"
    assert not isinstance(errors[3], ReportError)  # a spec is not a report
