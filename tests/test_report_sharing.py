"""Reports people share: self-contained, safe HTML, reproducible, looked at in a real browser.

A corpus and a party lexicon full of markup (`<script>`, `<img onerror>`, `<iframe srcdoc>`, `<svg
onload>`, Markdown links to `javascript:`, `$...$` that matplotlib would read as TeX) are rendered
into both report notebooks and loaded in headless Chromium: nothing may run, everything must show
as text. Renders are shared per module (each takes several seconds).
"""

from __future__ import annotations

import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from matplotlib.figure import Figure
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from PIL import Image

from research import browser
from research.cli import main as cli
from research.io import file_sha256
from research.markup import escape_label, escape_markdown
from research.reports import DEFAULT_CORPUS, LOCK_FILE, NOTEBOOKS, export_html, render_report

# Each payload, if it ran, leaves a mark: the page's title or an attribute on <body>.
SCRIPT = "<script>document.title='PWNED-script'</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
IFRAME = "<iframe srcdoc=\"<script>parent.document.title='PWNED-iframe'</script>\"></iframe>"
LINK = "[click here](javascript:document.title='PWNED-link')"
SVG = "<svg onload=\"document.title='PWNED-svg'\"></svg>"
TEX = r"$\evil{$ and $x$"
PARTY = "Zorblat <img src=x onerror=\"document.title='PWNED-party'\"> [x](javascript:alert(1)) $\\evil{$"
PAYLOADS = (SCRIPT, IMG, IFRAME, LINK, SVG, TEX, PARTY)

ARTICLES = [
    {
        "id": "a1",
        "source": f"Ledger {IMG}",
        "published": "2024-03-04",
        "title": f"Talks stall {SCRIPT}",
        "text": f"Talks stall {SCRIPT}\n"
        f"Zorblat envoy Ann Vale said the corridor deal was “{IFRAME} unacceptable” and that "
        "the truce would hold.\n"
        f"“We will never accept {LINK} here,” rebel spokesman Kit Moor told reporters.\n"
        f"The Zorblat said that {SVG} was a serious offer.\n",
    },
    {
        "id": "a2",
        "source": f"Herald {LINK} {TEX}",
        "published": "2024-03-05",
        "title": f"Corridor {IFRAME}",
        "text": f"Corridor {IFRAME}\nAnn Vale said the deal “{SCRIPT}” was good for everyone.\n"
        f"Kit Moor said the rebels reject {IMG} the corridor.\n",
    },
]
LEXICON = f"""
[meta]
name = "hostile"
version = "1"
description = "Party names that are markup."
extends_default = false

[meta.sources]
invented = "Written by this test."

[[party]]
name = {json.dumps(PARTY)}
kind = "party"
sources = ["invented"]
names = ["Zorblat"]
people = [{{ name = "Ann Vale", title = "envoy", sources = ["invented"] }}]

[[party]]
name = "Rebels"
kind = "party"
sources = ["invented"]
names = ["rebels", "rebel"]
people = [{{ name = "Kit Moor", title = "spokesman", sources = ["invented"] }}]
"""


# --- escaping, unit by unit -------------------------------------------------------------------


@pytest.mark.parametrize("text", [*PAYLOADS, "# heading\n- item", "&lt; & \\ ` *a* _b_", "U.S."])
def test_escaped_markdown_renders_as_exactly_the_text(text: str) -> None:
    rendered = markdown2html_mistune(f"**⚠ {escape_markdown(text)}**").strip()
    inner = re.fullmatch(r"<p><strong>⚠ ([^<>]*)</strong></p>", rendered)  # no element but these
    assert inner is not None, rendered
    assert html.unescape(inner.group(1)) == " ".join(text.split())


@pytest.mark.parametrize("escape", [True, False])
def test_escaped_figure_labels_are_drawn_as_written(escape: bool) -> None:
    label = escape_label if escape else str
    figure = Figure()
    axes = figure.subplots()
    axes.barh([label(TEX), label(PARTY)], [1, 2], label=label(TEX))
    axes.legend()
    if escape:
        figure.savefig(io.BytesIO(), format="png")
    else:  # what escaping prevents: matplotlib reads $...$ as TeX, and "\evil" stops the figure
        with pytest.raises(ValueError, match="evil"):
            figure.savefig(io.BytesIO(), format="png")


# --- renders shared by the tests below --------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    corpus, lexicon = folder / "hostile.jsonl", folder / "hostile.toml"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    lexicon.write_text(LEXICON, encoding="utf-8")
    options = {"corpus": [corpus], "lexicon": lexicon, "out": folder / "reports"}
    # min_n 50: every party and outlet is too few, so each is named in a Markdown warning too.
    return {
        "framing_report": render_report(name="framing", parameters={"min_n": 50}, **options),
        "outlet_comparison": render_report(
            name="outlets",
            notebook=NOTEBOOKS / "outlet_comparison.ipynb",
            parameters={"min_n": 50},
            **options,
        ),
    }


@pytest.fixture(scope="module")
def default_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The default report rendered twice with the same inputs: once to share, once with code."""
    out = tmp_path_factory.mktemp("default")
    return (
        render_report(corpus=DEFAULT_CORPUS, name="shared", out=out),
        render_report(corpus=DEFAULT_CORPUS, name="with-code", out=out, code=True),
    )


@pytest.fixture(scope="module")
def chromium() -> str:
    found = browser.find_chromium()
    if found is None:
        pytest.skip(
            "no Chromium to load the report in: `make test` installs Debian's chromium when run "
            "as root (apt-get install chromium); elsewhere install it or set CHROMIUM=/path"
        )
    return found


# --- in the browser ---------------------------------------------------------------------------


class _Document(HTMLParser):
    """Every element with its attributes, and the text, of a page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []
        self.title = ""
        self._in_title = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.texts.append(data)


def _assert_nothing_ran(dom: str, title: str) -> None:
    document = _Document(dom)
    assert document.title == title  # every payload that runs renames the page
    assert "PWNED" not in document.title
    tags = [tag for tag, _ in document.elements]
    for forbidden in ("script", "iframe", "svg", "object", "embed", "frame"):
        assert forbidden not in tags, forbidden
    for tag, attributes in document.elements:
        assert not [a for a in attributes if a.startswith("on")], (tag, attributes)
        assert "data-pwned" not in attributes, tag
        for link in (attributes.get("href", ""), attributes.get("src", "")):
            assert not link.strip().lower().startswith("javascript:"), (tag, link)
        if tag == "img":
            assert attributes["src"].startswith("data:image/png;base64,"), attributes["src"][:80]
    text = "".join(document.texts)
    for payload in (SCRIPT, IMG, IFRAME, LINK, SVG, PARTY):  # shown, character for character
        assert payload in text, payload


@pytest.mark.parametrize("notebook", ["framing_report", "outlet_comparison"])
@pytest.mark.parametrize("policy", ["with CSP", "without CSP"])
def test_hostile_corpus_shows_as_text_and_runs_nothing_in_chromium(
    hostile: dict[str, Path], chromium: str, tmp_path: Path, notebook: str, policy: str
) -> None:
    page = hostile[notebook]
    if policy == "without CSP":  # escaping alone must hold: the policy is only a second wall
        html = page.read_text(encoding="utf-8")
        page = tmp_path / page.name
        page.write_text(re.sub(r"<meta[^>]*Content-Security-Policy[^>]*>", "", html), "utf-8")
        assert "Content-Security-Policy" not in page.read_text(encoding="utf-8")
    shot = tmp_path / "page.png"
    loaded = browser.load(page, screenshot=shot)
    title = (
        "How each party is framed"
        if notebook == "framing_report"
        else "Outlets (or periods) compared"
    )
    _assert_nothing_ran(loaded.dom, title)
    with Image.open(shot) as image:
        assert image.size == browser.WINDOW
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 200  # text, tables and a figure, not a blank page
    white = max(count for count, colour in colours if colour == (255, 255, 255))
    assert white < 0.97 * browser.WINDOW[0] * browser.WINDOW[1]


def test_default_report_in_chromium_has_its_figures_and_contents(
    default_twice: tuple[Path, Path], chromium: str, tmp_path: Path
) -> None:
    loaded = browser.load(default_twice[0], screenshot=tmp_path / "default.png")
    document = _Document(loaded.dom)
    assert document.title == "How each party is framed"
    images = [a for tag, a in document.elements if tag == "img"]
    assert len(images) >= 7 and all(a["src"].startswith("data:image/png") for a in images)
    assert all(a["alt"] and "No description" not in a["alt"] for a in images)
    assert any(tag == "nav" for tag, _ in document.elements)


# --- self-contained ---------------------------------------------------------------------------

_REMOTE = [
    re.compile(r"<(script|link|iframe|frame|object|embed|source|audio|video|track)\b", re.I),
    re.compile(r"\burl\(\s*[\"']?(?!data:)", re.I),
    re.compile(r"@import\b", re.I),
    re.compile(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", re.I),
]


def _assert_self_contained(html: str) -> None:
    for pattern in _REMOTE:
        found = pattern.search(html)
        assert found is None, html[max(found.start() - 80, 0) : found.end() + 80] if found else ""
    assert re.search(r"https?://", html) is None  # not even in a comment
    images = [a for tag, a in _Document(html).elements if tag == "img"]
    assert all(a.get("src", "").startswith("data:") for a in images)
    policy = re.search(r'http-equiv="Content-Security-Policy"', html)
    assert policy is not None and "default-src 'none'" in html


def test_every_rendered_report_loads_nothing_from_the_network(
    hostile: dict[str, Path], default_twice: tuple[Path, Path]
) -> None:
    for page in [*hostile.values(), *default_twice]:
        _assert_self_contained(page.read_text(encoding="utf-8"))


def test_contents_link_every_section_and_code_is_only_shown_when_asked(
    default_twice: tuple[Path, Path],
) -> None:
    shared, with_code = (p.read_text(encoding="utf-8") for p in default_twice)
    nav = re.search(r'<nav [^>]*class="report-toc".*?</nav>', shared, re.DOTALL)
    assert nav is not None
    links = re.findall(r'href="#([^"]+)"', nav.group(0))
    assert "Who-gets-to-speak" in links and "Every-statement" in links and len(links) >= 10
    for anchor in links:
        assert f'id="{anchor}"' in shared, anchor
    # after the first screen's summary, before the first section
    assert shared.index('id="summary-end"') < shared.index("</nav>")
    assert shared.index("</nav>") < shared.index('id="Who-gets-to-speak"')
    editor = 'class="jp-CodeMirrorEditor'
    assert editor not in shared and "summarize_parties" not in shared
    assert editor in with_code and "summarize_parties" in with_code


# --- reproducible -----------------------------------------------------------------------------


def test_two_renders_of_the_default_report_have_equal_outputs(
    default_twice: tuple[Path, Path],
) -> None:
    first, second = (nbformat.read(p.with_suffix(".ipynb"), as_version=4) for p in default_twice)
    assert len(first.cells) == len(second.cells)
    figures = 0
    for one, other in zip(first.cells, second.cells, strict=True):
        assert (one.id, one.source) == (other.id, other.source)
        assert one.get("outputs") == other.get("outputs")  # tables, text, figures byte for byte
        figures += sum(
            o.get("data", {}).get("text/html", "").count("data:image/png")
            for o in one.get("outputs", [])
        )
    assert figures >= 7
    # the page differs only by the code: exported the same way, the second gives the first page
    # (but for the footer, which says when each was made)
    footer = re.compile(r"<footer [^>]*report-footer.*?</footer>", re.DOTALL)
    assert footer.sub("", export_html(default_twice[1].with_suffix(".ipynb"))) == footer.sub(
        "", default_twice[0].read_text(encoding="utf-8")
    )


def test_manifest_has_the_command_lock_and_environment_to_rerun(
    default_twice: tuple[Path, Path],
) -> None:
    manifest = json.loads((default_twice[1].parent / "manifest.json").read_text(encoding="utf-8"))
    command = manifest["command"]
    assert command["argv"][:2] == ["research", "report"]
    assert command["line"].startswith("research report --corpus data/raw ")
    assert command["line"].endswith(" --code")
    # the command line parses back to this report's arguments
    context = cli.commands["report"].make_context("report", list(command["argv"][2:]))
    assert context.params["name"] == "with-code" and context.params["code"] is True
    assert [str(p) for p in context.params["corpus"]] == ["data/raw"]
    assert context.params["notebook"] == "framing_report"
    assert manifest["lock"] == {"path": str(LOCK_FILE), "sha256": file_sha256(LOCK_FILE)}
    assert set(manifest["git"]) == {"commit", "dirty"}
    assert manifest["packages"]["nbconvert"] != "not installed"
    assert {i["path"] for i in manifest["inputs"]}


def test_manifest_command_round_trips_parameters(tmp_path: Path) -> None:
    from research.reports import report_command

    command = report_command(
        notebook=NOTEBOOKS / "outlet_comparison.ipynb",
        name="by date",
        out=tmp_path,
        parameters={
            "corpus": ["/elsewhere/a b.jsonl"],
            "lexicon": None,
            "group_by": "published",
            "min_n": 3,
            "label": "yes",
            "none": None,
        },
    )
    argv = command["argv"]
    assert argv[argv.index("--name") + 1] == "by date" and "'by date'" in command["line"]
    context = cli.commands["report"].make_context("report", list(argv[2:]))
    assert context.params["parameters"] == (
        ("group_by", "published"),
        ("min_n", "3"),
        ("label", '"yes"'),  # YAML would read a bare yes as true
        ("none", "null"),
    )
    assert context.params["out"] == tmp_path.resolve()
