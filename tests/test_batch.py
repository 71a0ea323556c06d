"""Many reports from one spec: in parallel, past failures, with the failures summed up."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from research import io
from research.batch import MONTH, SpecError, Split, load_spec, split_runs
from research.cli import main

ARTICLES = [
    {"id": "w1", "text": "The UN said aid was blocked.", "source": "Wire", "published": "2016-11-30"},
    {"id": "d1", "text": "Rebels said they would stay.", "source": "Daily", "published": "2016-12-01"},
    {"id": "w2", "text": "Kerry said talks would resume.", "source": "Wire", "published": "2016-12-05T09:00:00+03:00"},
]  # fmt: skip


def write_corpus(path: Path) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def write_notebook(path: Path) -> Path:
    """A small report: reads its corpus, lists the articles, and raises when told to."""
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("corpus = []\nlexicon = None\nfail = False")
    parameters.metadata["tags"] = ["parameters"]
    body = nbformat.v4.new_code_cell(
        "from research import io\n"
        "articles = io.read_articles(corpus)\n"
        "if fail:\n"
        "    raise ValueError('told to fail')\n"
        "print('articles:', ' '.join(articles['doc']))"
    )
    notebook.cells = [parameters, body]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)
    return path


def test_batch_renders_the_rest_past_failures_and_sums_them_up(tmp_path: Path) -> None:
    write_corpus(tmp_path / "all.jsonl")
    write_notebook(tmp_path / "small.ipynb")
    spec = tmp_path / "spec.toml"
    spec.write_text(
        """
out = "out"
jobs = 2

[defaults]
notebook = "small.ipynb"

[[run]]
name = "missing"
corpus = ["nowhere.jsonl"]

[[run]]
name = "misspelt"
corpus = ["all.jsonl"]
parameters = { fial = true }

[[run]]
name = "raises"
corpus = ["all.jsonl"]
parameters = { fail = true }

[[split]]
corpus = ["all.jsonl"]
by = "outlet"
name = "outlet-{value}"
""",
        encoding="utf-8",
    )

    result = CliRunner().invoke(main, ["batch", str(spec)])

    assert result.exit_code == 1, result.output
    out = tmp_path / "out"
    # the split rendered a report per outlet, each on its own part of the corpus
    for outlet, docs in (("Daily", "d1"), ("Wire", "w1 w2")):
        folder = out / f"outlet-{outlet}"
        assert f"report written: {folder / f'outlet-{outlet}.html'}" in result.stdout
        assert f"articles: {docs}" in (folder / f"outlet-{outlet}.html").read_text("utf-8")
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        [part] = manifest["inputs"]
        assert part == {
            "path": str(folder / "corpus.jsonl"),
            "sha256": io.file_sha256(folder / "corpus.jsonl"),
        }
    # every failure is named, with its reason; the notebook that raised is kept, and said where
    errors = result.stderr
    assert "3 of 5 reports failed:" in errors
    assert f"missing: {tmp_path / 'nowhere.jsonl'}: no such file or folder" in errors
    assert "misspelt: small.ipynb: unknown parameter 'fial'" in errors
    [raised] = [line for line in errors.splitlines() if line.startswith("  raises: ")]
    assert "small.ipynb failed in cell" in raised
    assert "(ValueError: told to fail)" in raised
    executed = Path(raised.rsplit(" ", 1)[-1])
    assert executed.parent == out / "raises" and executed.suffix == ".ipynb"
    assert "told to fail" in executed.read_text(encoding="utf-8")
    assert not list(out.glob(".split-*"))  # the parts' staging folder is gone


def test_split_by_month_keeps_the_month_as_written(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "all.jsonl")
    runs = split_runs(
        Split(corpus=(str(corpus),), by=MONTH, name="month-{value}"), out=tmp_path / "out"
    )
    assert [(run.name, len(io.read_articles(run.corpus))) for run in runs] == [
        ("month-2016-11", 1),
        ("month-2016-12", 2),  # 2016-12-05T09:00+03:00 is still December where it was written
    ]
    part = io.read_articles(runs[1].corpus)
    assert part["doc"].tolist() == ["d1", "w2"]
    assert part["source"].tolist() == ["Daily", "Wire"]


def test_yaml_and_toml_specs_say_the_same(tmp_path: Path) -> None:
    (tmp_path / "spec.toml").write_text(
        '[defaults]\nparameters = { min_n = 3 }\n\n[[run]]\nname = "a"\ncorpus = "x.jsonl"\n'
        "parameters = { min_n = 5 }\n",
        encoding="utf-8",
    )
    (tmp_path / "spec.yaml").write_text(
        "defaults:\n  parameters: {min_n: 3}\nrun:\n  - name: a\n    corpus: x.jsonl\n"
        "    parameters: {min_n: 5}\n",
        encoding="utf-8",
    )
    toml, yaml = load_spec(tmp_path / "spec.toml"), load_spec(tmp_path / "spec.yaml")
    assert toml.runs == yaml.runs
    [run] = toml.runs
    assert run.corpus == (str(tmp_path / "x.jsonl"),)
    assert run.parameters == {"min_n": 5}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[run]]\nname = "a"\ncorpus = "x"\ncolour = "red"\n', "run #1: unknown key 'colour'"),
        ('[[run]]\nname = "a b"\ncorpus = "x"\n', "run #1: name must be a folder name"),
        ('[[split]]\ncorpus = "x"\nby = "weather"\n', "split #1: cannot split by 'weather'"),
        ('[[split]]\ncorpus = "x"\nby = "source"\nname = "all"\n', "needs '{value}'"),
        ("jobs = 2\n", "lists no [[run]] and no [[split]]"),
        ("[[run]\n", "cannot be read"),
    ],
)
def test_bad_specs_name_the_file_and_the_problem(tmp_path: Path, text: str, message: str) -> None:
    spec = tmp_path / "spec.toml"
    spec.write_text(text, encoding="utf-8")
    with pytest.raises(
        SpecError, match=f"spec.toml: .*{message.replace('[', '.').replace(']', '.')}"
    ):
        load_spec(spec)


def test_bad_spec_is_one_line_from_the_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "nowhere.toml")])
    assert result.exit_code == 1
    assert "nowhere.toml: no such file" in result.output
    assert "Traceback" not in result.output
