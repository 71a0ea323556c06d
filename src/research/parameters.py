"""Report parameters are data: plain values, checked against what the notebook declares.

papermill writes each parameter into the notebook as Python source. It writes strings, numbers,
booleans, None, lists and dicts as literals, but anything else (a set, bytes, a date, an ordered
map from YAML's `!!set`, `!!binary`, `!!omap` tags) as its `str()` in quotes, which a crafted value
breaks out of. So a value from the command line (`-p NAME VALUE`) or a spec file is read with
`load_yaml`, which builds plain data only, and the whole set is then checked by
`check_parameters` against the notebook's parameters cell before anything runs: a name it does
not declare, a value of another type than its default (a number for `min_n`), a backend that does
not exist, is a one-line ParameterError. YAML anchors that repeat one another ("billion laughs")
are refused by the size of what they expand to.
"""

from __future__ import annotations

import ast
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import yaml

from research.errors import ReportError

MAX_VALUES = 10_000  # values in one parameter set or spec, aliases expanded
MAX_DEPTH = 20  # lists and tables inside one another
MAX_INT = 10**18  # papermill writes ints as digits; Python refuses to print very long ones
# Parameters naming inputs: read like --corpus and --lexicon before the notebook runs.
FILE_PARAMETERS = {"lexicon", "predictions"}
FOLDER_PARAMETERS = {"gold"}


class ParameterError(ReportError, ValueError):
    """A parameter value that is not plain data, or not what the notebook declares."""


# --- plain YAML ----------------------------------------------------------------------------------


class PlainLoader(yaml.SafeLoader):
    """YAML that builds only null, booleans, numbers, strings, lists and tables: any other tag
    (`!!set`, `!!binary`, `!!omap`, `!!pairs`, `!!timestamp`, `!python/...`) is an error, and a
    date stays the string it was written as."""

    yaml_constructors: ClassVar[dict[Any, Any]] = {
        tag: constructor
        for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
        if tag is None
        or tag.rsplit(":", 1)[-1] in {"null", "bool", "int", "float", "str", "seq", "map"}
    }


def _undefined(loader: PlainLoader, node: yaml.Node) -> Any:
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {node.tag} is not plain data", node.start_mark
    )


PlainLoader.add_constructor(None, _undefined)
PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, *, where: str) -> Any:
    """`text` read as YAML holding plain data only; `where` names it in errors."""
    try:
        value = yaml.load(text, Loader=PlainLoader)
    except yaml.YAMLError as error:
        raise ParameterError(f"{where}: not plain YAML data ({yaml_problem(error)})") from None
    return check_plain(value, where=where)


def yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML error as one short clause, with its line."""
    problem = " ".join(str(getattr(error, "problem", None) or error).split())
    mark = getattr(error, "problem_mark", None)
    return f"{problem}, line {mark.line + 1}" if mark is not None else problem


def check_plain(value: Any, *, where: str) -> Any:
    """`value` when it is plain data (null, booleans, numbers, strings, and lists and tables of
    them, tables keyed by strings), of at most MAX_VALUES values and MAX_DEPTH levels."""
    budget = [MAX_VALUES]

    def walk(item: Any, trail: str, depth: int) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise ParameterError(
                f"{where}: expands to more than {MAX_VALUES} values "
                "(YAML anchors repeating one another?)"
            )
        if depth > MAX_DEPTH:
            raise ParameterError(f"{where}: nested more than {MAX_DEPTH} levels deep")
        at = f" (at {trail.lstrip('.')})" if trail else ""
        if item is None or isinstance(item, bool):
            return
        if isinstance(item, float):
            if not math.isfinite(item):  # papermill writes it as a call, float('inf')
                raise ParameterError(f"{where}: {item} is not a finite number{at}")
            return
        if isinstance(item, str):
            if not _is_text(item):
                raise ParameterError(f"{where}: holds a lone surrogate, which is not text{at}")
            return
        if isinstance(item, int):
            if abs(item) > MAX_INT:
                raise ParameterError(f"{where}: a number with too many digits (at most 18){at}")
            return
        if isinstance(item, list):
            for index, element in enumerate(item):
                walk(element, f"{trail}[{index}]", depth + 1)
            return
        if isinstance(item, dict):
            for key, element in item.items():
                if not isinstance(key, str):
                    raise ParameterError(f"{where}: a table's keys must be strings, not {key!r}")
                walk(element, f"{trail}.{key}", depth + 1)
            return
        raise ParameterError(
            f"{where}: a {type(item).__name__} is not plain data{at}: give a string (in quotes), "
            "number, boolean, null, or a list or table of them"
        )

    walk(value, "", 0)
    return value


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- what a notebook declares ---------------------------------------------------------------------

_ANY = object()  # a default that is not a literal (or is None): any plain value will do


def declared_parameters(notebook: str | os.PathLike[str]) -> dict[str, Any]:
    """Each parameter of `notebook`'s parameters cell and its default value (_ANY when not a
    literal, or None)."""
    import papermill

    try:
        found = papermill.inspect_notebook(literal_path(notebook))
    except FileNotFoundError:
        raise ParameterError("no such notebook", path=notebook) from None
    except Exception as error:  # nbformat raises several types for a file that is not a notebook
        problem = " ".join(str(error).split())[:200]
        raise ParameterError(f"cannot be read as a notebook ({problem})", path=notebook) from None
    defaults = {}
    for name, entry in found.items():
        try:
            default = ast.literal_eval(entry["default"])
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            default = _ANY
        defaults[name] = _ANY if default is None else default
    return defaults


def literal_path(path: str | os.PathLike[str]) -> str:
    """`path` for papermill, which formats paths with the parameters (`str.format`): braces are
    doubled, so that the path is taken as written and no parameter can change it."""
    return os.fspath(path).replace("{", "{{").replace("}", "}}")


def _choices() -> dict[str, tuple[str, ...]]:
    from research import sentiment, speech, stance

    return {
        "attributions": speech.ATTRIBUTIONS,
        "sentiment_backend": tuple(sentiment.BACKENDS),
        "second_sentiment_backend": tuple(sentiment.BACKENDS),
        "stance_backend": tuple(stance.BACKENDS),
        "group_by": ("source", "published"),
    }


def check_parameters(notebook: str | os.PathLike[str], values: Mapping[str, Any]) -> None:
    """Refuse a parameter `notebook` does not declare, a value that is not plain data or not of
    its default's type, an unknown backend, and an input parameter naming no file or folder."""
    name_of = Path(notebook).name
    declared = declared_parameters(notebook)
    for name in values:
        if name not in declared:
            known = ", ".join(sorted(declared))
            raise ParameterError(f"{name_of}: unknown parameter {name!r} (known: {known})")
    choices = _choices()
    for name, value in values.items():
        where = f"{name_of}: parameter {name!r}"
        check_plain(value, where=where)
        expected = declared[name]
        optional = value is None and name in FILE_PARAMETERS  # no lexicon: the bundled one
        if expected is not _ANY and not optional and not _same_kind(value, expected):
            raise ParameterError(
                f"{where}: expected {_kind(expected)} (like its default {expected!r}), "
                f"not {_kind(value)} {_short(value)}"
            )
        if name in choices and value not in choices[name]:
            raise ParameterError(
                f"{where}: unknown {name.replace('_', ' ')} {_short(value)} "
                f"(known: {', '.join(choices[name])})"
            )
        if name in FILE_PARAMETERS | FOLDER_PARAMETERS and value is not None:
            check_input(name, value, folder=name in FOLDER_PARAMETERS)


def check_input(name: str, value: Any, *, folder: bool) -> None:
    """An input given as a parameter: a path to an existing regular file (or folder)."""
    if not isinstance(value, str) or not value:
        raise ParameterError(f"parameter {name!r}: expected a path, not {_short(value)}")
    path = Path(value)
    if folder and not path.is_dir():
        problem = "is not a folder" if path.exists() else "no such folder"
        raise ParameterError(f"{problem} (parameter {name!r})", path=path)
    if not folder and not path.is_file():
        problem = "is not a regular file" if path.exists() else "no such file"
        raise ParameterError(f"{problem} (parameter {name!r})", path=path)


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def _kind(value: Any) -> str:
    names = {bool: "a boolean", int: "a whole number", float: "a number", str: "a string"}
    names.update({list: "a list", dict: "a table", type(None): "null"})
    return names.get(type(value), f"a {type(value).__name__}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- inputs given as parameters ------------------------------------------------------------------


def split_inputs(
    parameters: Mapping[str, Any],
    corpus: Sequence[str | os.PathLike[str]] | None,
    lexicon: str | os.PathLike[str] | None,
) -> tuple[list[str] | None, str | None, dict[str, Any]]:
    """`corpus` and `lexicon` given as parameters (`-p corpus good.txt`) are the same inputs as
    --corpus and --lexicon, checked as those are: (corpus, lexicon, the other parameters)."""
    rest = dict(parameters)
    paths = [os.fspath(p) for p in corpus] if corpus is not None else None
    lexicon_path = os.fspath(lexicon) if lexicon is not None else None
    if "corpus" in rest:
        value = rest.pop("corpus")
        if paths is not None:
            raise ParameterError("corpus given twice: as --corpus (or a run's corpus) and as -p")
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not value or not all(_is_path(v) for v in value):
            raise ParameterError(
                f"parameter 'corpus': expected a path or a list of paths, not {_short(value)}"
            )
        paths = value
    if "lexicon" in rest:
        value = rest.pop("lexicon")
        if lexicon_path is not None:
            raise ParameterError("lexicon given twice: as --lexicon and as -p")
        if value is not None and not _is_path(value):
            raise ParameterError(f"parameter 'lexicon': expected a path, not {_short(value)}")
        lexicon_path = value
    return paths, lexicon_path, rest


def _is_path(value: Any) -> bool:
    return isinstance(value, str) and bool(value) and "\x00" not in value
