"""Start a notebook's kernel early and warm, for papermill to run the notebook in.

Left to itself, papermill starts the kernel only once it is called, after this process has
imported it and checked the inputs (about 1.5 s), and the kernel then spends the notebook's first
code cell importing pandas, matplotlib and this package (about 0.7 s). `warm_kernel` starts the
kernel first and has it import, as it starts, the modules the notebook's own import statements
name, so that both happen while this process gets ready, on another core. The imports bind no name
in the kernel's namespace and count as no execution: the notebook runs as in a fresh kernel.
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

KERNEL = "python3"
# nbclient keeps the kernel's history in memory (no sqlite file in the user's home): so do we.
_KERNEL_ARGUMENTS = ["--HistoryManager.hist_file=:memory:"]


def imported_modules(notebook: str | os.PathLike[str]) -> list[str]:
    """The absolute imports of the notebook's code cells, in order, each module once ("pandas",
    "research.plots" for `from research import plots`, ...); `%matplotlib` counts as
    matplotlib.pyplot. Cells that are not Python on their own (other magics) are skipped; a file
    that is not a notebook has none (papermill will say what is wrong with it)."""
    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return []
    modules: dict[str, None] = {}
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        lines = source.splitlines()
        if any(line.startswith("%matplotlib") for line in lines):
            modules["matplotlib.pyplot"] = None
        try:
            tree = ast.parse("\n".join(line for line in lines if not line.startswith(("%", "!"))))
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                modules.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules[node.module] = None
                # `from package import module` imports the module, if it is one.
                modules.update(dict.fromkeys(f"{node.module}.{a.name}" for a in node.names))
    return list(modules)


def _import_code(modules: list[str]) -> str:
    """Kernel start-up code that imports `modules` and leaves no name behind. A name that is not a
    module (`from pandas import DataFrame`) is skipped quietly; the notebook will say if it fails."""
    return (
        "def _research_import(names):\n"
        "    import importlib\n"
        "    for name in names:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except Exception:\n"
        "            pass\n"
        f"_research_import({json.dumps(modules)})\n"
        "del _research_import\n"
    )


@contextmanager
def warm_kernel(
    notebook: str | os.PathLike[str], *, cwd: str | os.PathLike[str], name: str = KERNEL
) -> Iterator[Any]:
    """A kernel `name` for `notebook`, started now in `cwd` and importing what the notebook imports:
    pass it to `execute_notebook(km=...)`. It is shut down on leaving, whether or not it was used."""
    import zmq
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    arguments = list(_KERNEL_ARGUMENTS)
    modules = imported_modules(notebook)
    if modules:
        arguments.append(f"--IPKernelApp.exec_lines={_import_code(modules)}")
    # CurveZMQ keys for the kernel's sockets, where its kernelspec says it takes them (ipykernel
    # 7 does): the local traffic is encrypted and the kernel does not warn that it is not.
    encryption = "auto" if zmq.has("curve") else "disabled"
    manager = AsyncKernelManager(kernel_name=name, transport_encryption=encryption)
    run_sync(manager.start_kernel)(cwd=str(cwd), extra_arguments=arguments)
    try:
        yield manager
    finally:
        # After a run, papermill's client has shut the kernel down already.
        if run_sync(manager.is_alive)():
            run_sync(manager.shutdown_kernel)(now=True)
        run_sync(manager.cleanup_resources)()
