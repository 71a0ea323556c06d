"""The package works where the user is: built as a wheel, installed into a fresh environment
outside the checkout, `research report` renders the bundled report under the current folder.

The fresh environment gets the wheel alone (`--no-deps`); its dependencies come from this
environment's site-packages through a .pth file, so the test needs no network beyond building."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def uv() -> str:
    found = ROOT / ".tools" / "bin" / "uv"
    if found.is_file():
        return str(found)
    on_path = shutil.which("uv")
    if on_path is None:
        pytest.skip("uv is not installed (`make setup` installs it in .tools/)")
    return on_path


def test_a_wheel_installed_elsewhere_renders_the_report_under_the_current_folder(
    tmp_path: Path,
) -> None:
    tool = uv()
    subprocess.run(
        [tool, "build", "--wheel", "--out-dir", str(tmp_path / "dist"), "-q"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = (tmp_path / "dist").glob("research-*.whl")
    env = tmp_path / "env"
    subprocess.run([tool, "venv", "-q", str(env), "--python", sys.executable], check=True)
    python = env / "bin" / "python"
    subprocess.run(
        [tool, "pip", "install", "-q", "--python", str(python), "--no-deps", str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    here = tmp_path / "elsewhere"
    here.mkdir()
    # nbconvert's templates live in this environment's share/jupyter, not in site-packages
    shared = Path(sys.prefix, "share", "jupyter")
    variables = {**os.environ, "JUPYTER_PATH": str(shared)}
    result = subprocess.run(
        [str(env / "bin" / "research"), "report"], cwd=here, env=variables,
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    folder = here / "reports" / "default"
    assert (folder / "default.html").is_file()
    assert (folder / "data" / "statements.csv").is_file()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["notebook"]["path"].startswith(site)  # the notebook shipped in the wheel
    assert Path(manifest["inputs"][0]["path"]).name == "aleppo-safe-exit-deal.txt"
    assert manifest["git"]["commit"] is None  # not this checkout's commit
