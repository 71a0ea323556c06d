"""A papermill engine that runs a notebook in a kernel started beforehand (`research.kernel`) and
saves the notebook every few seconds rather than around every cell.

papermill writes the whole notebook before and after each cell (about 110 writes, 0.7 s of a
report with 27 code cells and 9 figures). Here it writes at most every `SAVE_EVERY` seconds while
cells run, and always when they stop, so a failed run still keeps every cell it executed, with
the error; only a run killed outright loses its last few seconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines
from papermill.log import logger

ENGINE = "research"  # papermill's engine name for `execute_notebook(engine_name=...)`
SAVE_EVERY = 5.0  # seconds between writes of the notebook while its cells run


class _Manager(NotebookExecutionManager):  # type: ignore[misc]
    """papermill's execution bookkeeping, writing the notebook at most every SAVE_EVERY seconds
    until the run stops (`notebook_complete` always writes)."""

    stopping = False

    def save(self, **kwargs: Any) -> None:
        since = (self.now() - self.last_save_time).total_seconds()
        if self.stopping or since >= SAVE_EVERY:
            super().save(**kwargs)

    def notebook_complete(self, **kwargs: Any) -> None:
        self.stopping = True
        super().notebook_complete(**kwargs)


class Engine(NBClientEngine):  # type: ignore[misc]
    """papermill's nbclient engine with `_Manager`, and with a kernel passed in (`km=`) shut down
    by the client as if it had started it."""

    @classmethod
    def execute_notebook(
        cls,
        nb: Any,
        kernel_name: str,
        output_path: str | None = None,
        progress_bar: bool = True,
        log_output: bool = False,
        autosave_cell_every: int = 30,
        **kwargs: Any,
    ) -> Any:
        # papermill's Engine.execute_notebook, with `_Manager` for its manager.
        manager = _Manager(
            nb,
            output_path=output_path,
            progress_bar=progress_bar,
            log_output=log_output,
            autosave_cell_every=autosave_cell_every,
        )
        manager.notebook_start()
        try:
            cls.execute_managed_notebook(manager, kernel_name, log_output=log_output, **kwargs)
        finally:
            manager.cleanup_pbar()
            manager.notebook_complete()
        return manager.nb

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> Any:
        client = PapermillNotebookClient(
            nb_man,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            log=logger,
            # Once the cells have run and their outputs are in, the kernel has nothing more to
            # give: it is stopped at once rather than asked to (which takes 0.4 s).
            shutdown_kernel="immediate",
            **_engine_options(kwargs),
        )
        client.owns_km = True  # a kernel passed in is shut down after the run, like its own
        return client.execute()


def _engine_options(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """papermill passes its own options on to the engine: the client takes only some of them."""
    ignored = {"input_path", "timeout", "startup_timeout"}
    return {key: value for key, value in kwargs.items() if key not in ignored}


papermill_engines.register(ENGINE, Engine)
