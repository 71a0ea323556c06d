"""Report parameters are data: YAML tags, wrong types, unknown backends, inputs given as parameters
and names with braces, from the command line and from batch spec files (issue 18).

Nothing here may run a notebook cell written by a value, or write outside --out: what must fail
fails before anything is written, in one line.
"""

from __future__ import annotations

import ast
import datetime
import os
import re
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from papermill.translators import PythonTranslator

from research.batch import SpecError, load_spec, run_spec
from research.cli import main
from research.errors import ResearchError
from research.parameters import (
    ParameterError,
    check_parameters,
    check_plain,
    literal_path,
    load_yaml,
    split_inputs,
)
from research.reports import DEFAULT_NOTEBOOK, ReportError, _check_name

GOOD = "Talks end\n\nRyabkov said that no deal had been reached.\n"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(result: Result, pattern: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert re.search(pattern, lines[0]), lines[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


# --- YAML values that are not plain data ------------------------------------------------------------

NOT_PLAIN = [
    ("sentiment_backend", "!!set {a: null, b: null}", "tag:yaml.org,2002:set"),
    ("sentiment_backend", "!!binary aGVsbG8=", "tag:yaml.org,2002:binary"),
    ("min_n", "!!omap [a: 1, b: 2]", "tag:yaml.org,2002:omap"),
    ("min_n", "!!pairs [a: 1]", "tag:yaml.org,2002:pairs"),
    ("min_n", "!!timestamp 2016-01-01", "tag:yaml.org,2002:timestamp"),
    ("min_n", "!!python/object/apply:os.system ['true']", "python/object"),
    ("min_n", "!!python/tuple [1, 2]", "python/tuple"),
    ("min_n", "!custom 5", "!custom"),
    ("sentiment_backend", '!!set {"x\\"\\nimport os": null}', "tag:yaml.org,2002:set"),
]


@pytest.mark.parametrize(("name", "value", "tag"), NOT_PLAIN)
def test_a_yaml_tag_is_refused_before_anything_runs(
    tmp_path: Path, corpus: Path, name: str, value: str, tag: str
) -> None:
    out = tmp_path / "out"
    result = run("report", "--corpus", corpus, "--out", out, "-p", name, value)
    assert result.exit_code == 2, result.output  # a usage error, as a value that is not YAML
    assert re.search(rf"-p: {name} .*: not plain YAML data .*{re.escape(tag)}", result.stderr)
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "min_n", "five"], r"parameter 'min_n': expected a whole number .* not a string"),
        (["-p", "min_n", "true"], r"parameter 'min_n': expected a whole number"),
        (["-p", "min_n", "5" * 30], r"min_n .*too many digits"),
        (["-p", "min_n", "[1, 2]"], r"parameter 'min_n': expected a whole number .* a list"),
        (["-p", "sentiment_backend", "vaderr"], r"unknown sentiment backend 'vaderr'"),
        (["-p", "stance_backend", "../../esc"], r"unknown stance backend '\.\./\.\./esc'"),
        (["-p", "attributions", "quotes"], r"unknown attributions 'quotes' \(known: all, speech\)"),
        (["-p", "colour", "red"], r"unknown parameter 'colour'"),
        (["-p", "min_n", "2", "-p", "min_n", "3"], r"min_n given twice"),
        (["-p", "min_n", "2016-01-01"], r"expected a whole number .* a string '2016-01-01'"),
        (["-p", "lexicon", "[a, b]"], r"parameter 'lexicon': expected a path"),
    ],
)
def test_a_value_the_notebook_does_not_declare_is_refused(
    tmp_path: Path, corpus: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "out"
    result = run("report", "--corpus", corpus, "--out", out, *args)
    assert result.exit_code in (1, 2), result.output
    assert re.search(message, result.output), result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_billion_laughs_value_is_refused_quickly() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        laughs += f"{level}: &{level} [{', '.join(['*' + previous] * 10)}]\n"
    with pytest.raises(ParameterError, match=r"expands to more than 10000 values"):
        load_yaml(laughs, where="-p x")


# --- inputs given as parameters ----------------------------------------------------------------------


def test_corpus_as_a_string_parameter_is_one_path(tmp_path: Path) -> None:
    """`-p corpus good.txt` is the file good.txt, not the letters g, o, o, d ..."""
    paths, lexicon, rest = split_inputs({"corpus": "good.txt", "min_n": 2}, None, None)
    assert paths == ["good.txt"]
    assert lexicon is None
    assert rest == {"min_n": 2}
    out = tmp_path / "out"
    result = run("report", "--out", out, "-p", "corpus", tmp_path / "missing.txt")
    one_line_error(result, r"missing\.txt: no such file or folder")
    assert not out.exists()


def test_corpus_parameter_gets_the_input_checks(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": \n', encoding="utf-8")
    out = tmp_path / "out"
    result = run("report", "--out", out, "-p", "corpus", f"[{bad}]", "--strict")
    one_line_error(result, r"bad\.jsonl:2: invalid JSON")
    assert not out.exists()


def test_corpus_given_twice_is_refused(tmp_path: Path, corpus: Path) -> None:
    result = run("report", "--corpus", corpus, "--out", tmp_path / "o", "-p", "corpus", corpus)
    one_line_error(result, r"corpus given twice")


@pytest.mark.parametrize("value", ["[]", "5", "{a: 1}", "['']"])
def test_corpus_parameter_must_be_paths(tmp_path: Path, value: str) -> None:
    result = run("report", "--out", tmp_path / "o", "-p", "corpus", value)
    one_line_error(result, r"parameter 'corpus': expected a path or a list of paths")


def test_lexicon_parameter_is_read_like_the_option(tmp_path: Path, corpus: Path) -> None:
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text('[[party]]\nname = "X"\nnames = ["X"]\ncolour = 1\n', encoding="utf-8")
    result = run("report", "--corpus", corpus, "--out", tmp_path / "o", "-p", "lexicon", lexicon)
    one_line_error(result, r"lex\.toml: party #1: unknown key 'colour'")


def test_gold_parameter_must_be_a_folder(tmp_path: Path) -> None:
    validation = DEFAULT_NOTEBOOK.parent / "validation.ipynb"
    with pytest.raises(ParameterError, match=r"nowhere: no such folder \(parameter 'gold'\)"):
        check_parameters(validation, {"gold": str(tmp_path / "nowhere")})
    with pytest.raises(ParameterError, match=r"expected a string .* not a whole number 5"):
        check_parameters(validation, {"gold": 5})


def test_read_articles_refuses_a_bare_string(corpus: Path) -> None:
    from research.io import read_articles

    with pytest.raises(TypeError, match=r"give a list of paths, not one path"):
        read_articles(str(corpus))  # type: ignore[arg-type]


# --- names and paths taken literally ------------------------------------------------------------------


@pytest.fixture
def label_notebook(tmp_path: Path, write_notebook: Callable[..., Path]) -> Path:
    folder = tmp_path / "nb{x}"
    folder.mkdir()
    path = write_notebook(folder / "my{0}.ipynb", "print(corpus)")
    node = nbformat.read(path, as_version=4)
    node.cells[0].source += '\nlabel = "plain"'
    nbformat.write(node, path)
    return path


def test_braces_in_name_out_and_notebook_are_literal(
    tmp_path: Path, corpus: Path, label_notebook: Path
) -> None:
    out = tmp_path / "o{ut}"
    result = run(
        "report", "--corpus", corpus, "--notebook", label_notebook, "--out", out,
        "--name", "{label}", "-p", "label", "../../escaped", "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "{label}").iterdir()) == [
        "manifest.json",
        "{label}.html",
        "{label}.ipynb",
    ]
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*")}
    assert not any("escaped" in str(p) for p in written)
    assert written - {Path(p) for p in ("good.txt", "nb{x}", "nb{x}/my{0}.ipynb")} == {
        Path("o{ut}"),
        Path("o{ut}/{label}"),
        *(Path("o{ut}/{label}") / n for n in ("manifest.json", "{label}.html", "{label}.ipynb")),
    }


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../up", "give a folder name"),
        ("a/b", "give a folder name"),
        ("..", "give a folder name"),
        ("nul\x00", "give a folder name"),
        ("caf\udce9", "lone surrogate"),
        ("x" * 300, "too long"),
    ],
)
def test_bad_report_names(name: str, problem: str) -> None:
    with pytest.raises(ReportError, match=problem):
        _check_name(name)


# --- batch spec files ---------------------------------------------------------------------------------


def _spec(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


LAUGHS = (
    "defaults:\n  parameters:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"    a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 9))
)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "set.yaml",
            "run:\n  - name: x\n    corpus: good.txt\n    parameters: { min_n: !!set {a: null} }\n",
            r"tag:yaml.org,2002:set is not plain data, line 4",
        ),
        (
            "code.yaml",
            "run:\n  - {name: x, corpus: good.txt, parameters: {min_n: !!python/name:os.system }}\n",
            r"python/name:os.system is not plain data",
        ),
        ("laughs.yaml", LAUGHS + "run:\n  - {name: x, corpus: good.txt}\n", r"more than 10000"),
        (
            "date.toml",
            '[[run]]\nname = "x"\ncorpus = "good.txt"\nparameters = { min_n = 2016-01-01 }\n',
            r"a date is not plain data \(at run\[0\]\.parameters\.min_n\)",
        ),
    ],
)
def test_a_bad_spec_is_refused_before_anything_is_written(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    spec = _spec(tmp_path, name, text)
    out = tmp_path / "out"
    with pytest.raises(SpecError, match=message):
        run_spec(spec, out=out, quiet=True)
    assert not out.exists()
    result = run("batch", spec, "--out", out)
    one_line_error(result, re.escape(name) + ": ")


def test_a_spec_run_with_a_bad_type_fails_alone_before_its_notebook_runs(tmp_path: Path) -> None:
    spec = _spec(
        tmp_path,
        "spec.yaml",
        "run:\n  - {name: x, corpus: good.txt, parameters: {min_n: '5'}}\n"
        "  - {name: y, corpus: good.txt, parameters: {sentiment_backend: 'x\"; import os'}}\n",
    )
    outcomes = run_spec(spec, out=tmp_path / "out", quiet=True, jobs=1)
    assert [o.error for o in outcomes] == [
        "framing_report.ipynb: parameter 'min_n': expected a whole number (like its default 5), "
        "not a string '5'",
        "framing_report.ipynb: parameter 'sentiment_backend': unknown sentiment backend "
        "'x\"; import os' (known: textblob, vader)",
    ]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_spec_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.toml"
    os.mkfifo(fifo)
    with pytest.raises(SpecError, match=r"spec\.toml: is not a regular file"):
        load_spec(fifo)


# --- properties: any value, any name -------------------------------------------------------------------

plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**18), max_value=10**18)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(exclude_categories=["Cs"])),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
anything = st.recursive(
    plain
    | st.binary(max_size=8)
    | st.dates()
    | st.datetimes()
    | st.frozensets(st.integers(), max_size=3)
    | st.sets(st.text(string.printable, max_size=5), max_size=3)
    | st.integers(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=5) | st.integers(), children, max_size=3)
    ),
    max_leaves=10,
)


def _literal_value(value: Any) -> Any:
    """The parameters cell papermill would write for `value`, evaluated as a literal only."""
    source = PythonTranslator.codify({"value": value})
    tree = ast.parse(source)
    assigns = [node for node in tree.body if isinstance(node, ast.Assign)]
    assert len(tree.body) == len(assigns) == 1, source  # one assignment, nothing else runs
    return ast.literal_eval(assigns[0].value)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(anything)
def test_any_yaml_value_is_refused_or_written_as_the_same_literal(value: Any) -> None:
    """Whatever YAML a user types (PyYAML's full dumper writes tags for sets, bytes, dates,
    tuples), what reaches papermill is plain data it writes as a literal of the same value."""
    text = yaml.dump(value, Dumper=yaml.Dumper)
    try:
        loaded = load_yaml(text, where="-p x")
    except ResearchError:
        return
    assert _literal_value(loaded) == loaded
    assert not isinstance(loaded, set | frozenset | bytes | tuple | datetime.date)


@settings(max_examples=300, deadline=None)
@given(plain)
def test_plain_data_passes_and_round_trips(value: Any) -> None:
    assert check_plain(value, where="x") is value
    assert load_yaml(yaml.safe_dump(value), where="x") == value
    assert _literal_value(value) == value


@settings(max_examples=300, deadline=None)
@given(
    st.text(min_size=1, max_size=40),
    st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), st.text(max_size=10)),
)
def test_any_name_stays_inside_out(name: str, parameters: dict[str, str]) -> None:
    """A name is refused, or names one folder directly inside --out, whatever the parameters."""
    out = Path("/srv/reports/out")
    try:
        _check_name(name)
    except ReportError:
        return
    folder = out / name
    assert folder.parent == out
    assert os.path.normpath(folder) == str(folder)
    for path in (folder, folder / f"{name}.ipynb", Path("/nb/{x}") / f"{name}.ipynb"):
        # papermill formats with the parameters and `pm`, its own namespace
        assert literal_path(path).format(**{**parameters, "pm": {}}) == str(path)


def test_a_text_too_long_to_be_a_path_is_kept_as_text() -> None:
    from research.reports import _absolute_if_path

    assert _absolute_if_path("x" * 5000) == "x" * 5000


class _Stop(BaseException):
    """Raised by the stand-in for papermill once it has seen what it would run."""


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=30), value=anything)
def test_any_name_and_value_reach_papermill_as_literals_inside_out(
    tmp_path: Path,
    write_notebook: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    value: Any,
) -> None:
    """render_report with any name and any `label` value: refused, or papermill is handed a
    literal notebook path, an output path in a staging folder inside --out, and parameters it
    writes as literals; and nothing is left anywhere when the run stops there."""
    import contextlib

    import papermill

    from research import reports

    notebook = tmp_path / "nb{label}.ipynb"
    if not notebook.exists():
        write_notebook(notebook, "print(label)")
        node = nbformat.read(notebook, as_version=4)
        node.cells[0].source += "\nlabel = None"
        nbformat.write(node, notebook)
        (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    seen: dict[str, Any] = {}

    def execute(source: str, output: str, *, parameters: dict[str, Any], **kwargs: Any) -> None:
        seen.update(source=source, output=output, parameters=parameters)
        raise _Stop

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    monkeypatch.setattr(reports, "warm_kernel", lambda *a, **k: contextlib.nullcontext())
    before = sorted(tmp_path.rglob("*"))
    try:
        reports.render_report(
            corpus=[tmp_path / "good.txt"],
            name=name,
            out=out,
            parameters={"label": value},
            notebook=notebook,
        )
    except ResearchError:
        assert not seen
    except _Stop:
        assert seen["source"].format(**seen["parameters"], pm={}) == str(notebook)
        output = Path(seen["output"].format(**seen["parameters"], pm={}))
        assert output.parent.parent == out and output.name == f"{name}.ipynb"
        assert _literal_value(seen["parameters"]["label"]) == value
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, or all of it removed


def test_no_lexicon_is_a_value_every_notebook_takes() -> None:
    """outlet_comparison's default lexicon is a path; null (the bundled lexicon) is still one."""
    outlets = DEFAULT_NOTEBOOK.parent / "outlet_comparison.ipynb"
    check_parameters(outlets, {"corpus": ["a.jsonl"], "lexicon": None, "group_by": "published"})
    with pytest.raises(ParameterError, match=r"'group_by': unknown group by 'outlet'"):
        check_parameters(outlets, {"group_by": "outlet"})
    with pytest.raises(ParameterError, match=r"'lexicon': expected a string .* not a whole"):
        check_parameters(outlets, {"lexicon": 5})
