"""Measure the statement pipeline and the reports: throughput, scaling, memory, report cost.

    make bench                                  # = .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py --articles 5000 --from my-articles/

One run builds a corpus (benchmarks/corpus.py: synthetic wire stories, or --from your own corpus
repeated to size) and a copy 4x as large, then measures:

1. the pipeline against sentence sentiment alone, in one process (benchmarks/speed.py): articles
   a CPU second of `research statements`, of TextBlob's polarity on every Bling Fire sentence of
   the same texts, and of VADER's, and their ratio (on --speed-from, else 500 synthetic articles);
2. time against length inside one paragraph on one line, at 100 KB, 300 KB and 1 MB
   (benchmarks/scaling.py);
3. `research statements CORPUS -o out.parquet` (pandas engine: one process, one core, as the
   pipeline is single-threaded): articles and MB a second of wall time and of CPU time, and peak
   RSS; again on the 4x corpus, where streaming must keep the peak flat;
4. the same command with `--engine dask --workers 1`, then `--workers 2`, end to end (the local
   cluster's start-up included), in turn and twice (--dask-repeat), each judged by its faster
   run: articles a second against the pandas engine's, beside what two processes gain over one
   on a pure-Python loop at that moment (the machine's ceiling: other load lowers it);
5. the cold `research report` on the bundled article against papermill + nbconvert on an empty
   notebook (median of --repeat runs each), two ways: both libraries called from one Python
   process (the floor: one interpreter, one import of each), and the `papermill` and
   `jupyter nbconvert` commands run one after the other (what one would type);
6. where the time goes: cProfile of the pipeline on a sample of the corpus, by module, and the
   report's slowest cells (from papermill's timings in the executed notebook).

It prints a table and writes benchmarks/results.json. Targets: the pipeline at least as fast as
TextBlob on every sentence; 1 MB on one line within 12x 100 KB; Dask with 1 worker within 10% of
the pandas engine, with 2 workers at least 1.8x it; peak memory flat from 1x to 4x; the report
within 1.5x the empty notebook. Times of commands are wall-clock and include each command's
start-up (about a second); CPU time (user + system, from the child's rusage, which counts the
worker processes it waited for) is not lengthened by other load on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scaling
import speed
from corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the virtual environment's bin/: research, python
BUNDLED = ROOT / "data" / "raw"
TARGETS = {
    "articles_per_second": 100.0,
    "textblob_ratio": speed.TARGET_RATIO,
    "line_growth": scaling.TARGET_GROWTH,
    "dask_1_vs_pandas": 0.9,
    "dask_2_vs_pandas": 1.8,
    "memory_growth": 1.2,
    "report": 1.5,
}


@dataclass(frozen=True)
class Child:
    seconds: float
    cpu_seconds: float  # user + system
    peak_rss: int  # bytes
    stderr: str


def run_child(args: Sequence[str | Path]) -> Child:
    """Run a command to completion: its wall and CPU time and its peak resident memory.

    os.wait4 gives the rusage of that one child (RUSAGE_CHILDREN would be the largest of every
    child so far); its output goes to files, not pipes, since reading pipes would reap it first.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [str(a) for a in args],
            stdout=out,
            stderr=err,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{stderr}")
    cpu = usage.ru_utime + usage.ru_stime
    return Child(seconds, cpu, usage.ru_maxrss * 1024, stderr)  # Linux reports kilobytes


# --- the statement pipeline -----------------------------------------------------------------------


def statements_run(corpus: Path, out: Path, *, options: Sequence[str] = ()) -> Child:
    command = [BIN / "research", "statements", corpus, "-o", out, "--quiet", *options]
    return run_child(command)


def measure_pandas(corpus: Path, work: Path) -> Child:
    print(f"  pandas engine, one process: {corpus.name}", flush=True)
    return statements_run(corpus, work / f"{corpus.stem}.pandas.parquet")


def measure_dask(corpus: Path, work: Path, *, workers: int) -> Child:
    """`research statements --engine dask --workers N`, end to end: the local cluster's start-up,
    the reading, the work and the writing, as a user would run it."""
    print(f"  dask engine, {workers} worker(s), end to end: {corpus.name}", flush=True)
    options = ["--engine", "dask", "--workers", str(workers)]
    return statements_run(corpus, work / f"{corpus.stem}.dask{workers}.parquet", options=options)


def parallel_capacity(*, loops: int = 15_000_000) -> float:
    """How much more work two processes do than one on a pure-Python loop, right now: the ceiling
    for a 2-worker speed-up here (2.0 on two idle cores)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # start both before timing
        started = time.perf_counter()
        pool.apply(_burn, (loops,))
        one = time.perf_counter() - started
        started = time.perf_counter()
        pool.map(_burn, [loops, loops], chunksize=1)
        two = time.perf_counter() - started
    return 2 * one / two


def _burn(loops: int) -> int:
    total = 0
    for number in range(loops):
        total += number * number
    return total


def profile_pipeline(corpus: Path, *, articles: int = 300) -> dict[str, Any]:
    """cProfile of the pipeline on the corpus's first articles: seconds by module, top functions."""
    from research import engines, io

    print(f"  profiling the pipeline on {articles} articles", flush=True)
    sample = next(io.iter_article_batches([corpus], batch_size=articles))
    engines.extract(sample.iloc[:2])  # lexicons and imports, not the pipeline's own cost
    profiler = cProfile.Profile()
    profiler.runcall(engines.extract, sample)
    stats = pstats.Stats(profiler)
    by_module: dict[str, float] = {}
    by_stage: dict[str, float] = {}  # time inside each call the pipeline makes, callees included
    functions = []
    for (path, line, name), (_, _, own, cumulative, callers) in stats.stats.items():  # type: ignore[attr-defined]
        module = _module_of(path)
        by_module[module] = by_module.get(module, 0.0) + own
        functions.append((own, cumulative, f"{module}:{line} {name}"))
        from_pipeline = sum(
            timing[3] for caller, timing in callers.items() if caller[0].endswith("pipeline.py")
        )
        if from_pipeline and module != "research.pipeline":
            stage = f"{module}.{name}"
            by_stage[stage] = by_stage.get(stage, 0.0) + from_pipeline
    total = sum(by_module.values())
    return {
        "articles": len(sample),
        "seconds_profiled": round(total, 2),
        "share_by_stage": {
            s: round(t / total, 3) for s, t in sorted(by_stage.items(), key=lambda i: -i[1])[:12]
        },
        "share_by_module": {
            m: round(s / total, 3) for m, s in sorted(by_module.items(), key=lambda i: -i[1])[:12]
        },
        "top_functions": [
            {"function": f, "own_s": round(o, 2), "cumulative_s": round(c, 2)}
            for o, c, f in sorted(functions, reverse=True)[:12]
        ],
    }


def _module_of(path: str) -> str:
    """research.<stage> (research.attribution.<part> inside the package), or the third-party
    package, or python."""
    parts = Path(path).parts
    if "research" in parts and "src" in parts:
        inside = parts[parts.index("research") :]
        return ".".join((*inside[:-1], Path(path).stem))
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    return "python (builtins and stdlib)"


# --- reports ------------------------------------------------------------------------------------

EMPTY_REPORT = """
import sys, nbformat, papermill
from nbconvert import HTMLExporter
folder = sys.argv[1]
notebook = nbformat.v4.new_notebook()
cell = nbformat.v4.new_code_cell("corpus = []")
cell.metadata["tags"] = ["parameters"]
notebook.cells = [cell]
notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(notebook, f"{folder}/empty.ipynb")
papermill.execute_notebook(f"{folder}/empty.ipynb", f"{folder}/empty.out.ipynb", parameters={},
                           kernel_name="python3", progress_bar=False)
executed = nbformat.read(f"{folder}/empty.out.ipynb", as_version=4)
html, _ = HTMLExporter(exclude_input=True).from_notebook_node(executed)
with open(f"{folder}/empty.html", "w", encoding="utf-8") as stream:
    stream.write(html)
"""


def empty_by_commands(work: Path) -> float:
    """The same empty notebook through the two commands one would type: papermill, then nbconvert."""
    papermill = [BIN / "papermill", work / "empty.ipynb", work / "empty.cli.ipynb"]
    nbconvert = [BIN / "jupyter", "nbconvert", "--to", "html", "--log-level=WARN"]
    return (
        run_child([*papermill, "--no-progress-bar"]).seconds
        + run_child([*nbconvert, work / "empty.cli.ipynb"]).seconds
    )


def measure_reports(work: Path, *, repeat: int) -> dict[str, Any]:
    """Cold runs, alternating: the default report, and papermill + nbconvert on an empty notebook,
    both called from one Python process (the floor) and as their two commands."""
    print(f"  reports: default and empty notebook, {repeat} cold runs each", flush=True)
    reports, empties, commands = [], [], []
    for number in range(repeat):
        empties.append(run_child([BIN / "python", "-c", EMPTY_REPORT, work]).seconds)
        commands.append(empty_by_commands(work))
        command = [BIN / "research", "report", "--out", work, "--name", f"bench-{number}", "-q"]
        reports.append(run_child(command).seconds)
    executed = json.loads((work / f"bench-{repeat - 1}" / f"bench-{repeat - 1}.ipynb").read_text())
    cells = []
    for cell in executed["cells"]:
        duration = cell.get("metadata", {}).get("papermill", {}).get("duration")
        if cell["cell_type"] == "code" and duration is not None:
            figure = any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
            first = "".join(cell["source"]).strip().splitlines()[0][:70]
            cells.append({"seconds": round(duration, 2), "figure": figure, "cell": first})
    return {
        "report_s": round(statistics.median(reports), 2),
        "empty_s": round(statistics.median(empties), 2),
        "empty_commands_s": round(statistics.median(commands), 2),
        "report_runs_s": [round(s, 2) for s in reports],
        "empty_runs_s": [round(s, 2) for s in empties],
        "empty_commands_runs_s": [round(s, 2) for s in commands],
        "notebook_s": round(executed["metadata"]["papermill"]["duration"], 2),
        "cells_s": round(sum(c["seconds"] for c in cells), 2),
        "figure_cells_s": round(sum(c["seconds"] for c in cells if c["figure"]), 2),
        "figures": sum(c["figure"] for c in cells),
        "slowest_cells": sorted(cells, key=lambda c: -c["seconds"])[:6],
    }


# --- the run --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="Corpus size [5000].")
    parser.add_argument("--from", dest="sources", nargs="+", default=(), metavar="PATH",
                        help="Repeat this corpus to size instead of synthesizing one.")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=3, help="Cold report runs [3].")
    parser.add_argument("--dask-repeat", type=int, default=2, help="Runs of each Dask setup [2].")
    parser.add_argument("--speed-from", type=Path, metavar="PATH",
                        help="Measure pipeline/TextBlob on this corpus [500 synthetic articles].")  # fmt: skip
    parser.add_argument("--speed-repeat", type=int, default=3, help="Runs of each [3].")
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="No run on the 4x corpus.")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()

    results: dict[str, Any] = {
        "command": " ".join(["benchmarks/run.py", *sys.argv[1:]]),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
    }
    with tempfile.TemporaryDirectory(prefix="research-bench-") as folder:
        work = Path(folder)
        print(f"building a corpus of {args.articles} articles", flush=True)
        corpus = write_corpus(work / "corpus.jsonl", args.articles, sources=args.sources)
        large = None
        if not args.skip_memory:
            print(f"building a corpus of {4 * args.articles} articles", flush=True)
            large = write_corpus(work / "corpus-4x.jsonl", 4 * args.articles, sources=args.sources)
        megabytes = corpus.stat().st_size / 1e6
        results["corpus"] = {
            "articles": args.articles,
            "megabytes": round(megabytes, 2),
            "source": "synthetic (benchmarks/corpus.py)" if not args.sources else args.sources,
        }

        print("measuring", flush=True)
        results["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
        speed_corpus = args.speed_from or write_corpus(work / "speed.jsonl", 500)
        print(f"  pipeline against TextBlob on every sentence: {speed_corpus}", flush=True)
        results["speed"] = speed.measure(speed_corpus, repeat=args.speed_repeat)
        print("  one paragraph on one line: 100 KB, 300 KB, 1 MB", flush=True)
        results["single_line"] = scaling.measure()
        start_up = statements_run(BUNDLED / "aleppo-safe-exit-deal.txt", work / "one.parquet")
        single = measure_pandas(corpus, work)
        single_4x = measure_pandas(large, work) if large is not None else None
        capacity = parallel_capacity()
        # 1 and 2 workers in turn, twice: other load on a shared machine only ever slows a run,
        # so each count of workers is judged by its faster run.
        dask_runs: dict[int, list[Child]] = {1: [], 2: []}
        for _ in range(args.dask_repeat):
            for workers in (1, 2):
                dask_runs[workers].append(measure_dask(corpus, work, workers=workers))
        dask_1, dask_2 = (min(dask_runs[w], key=lambda r: r.seconds) for w in (1, 2))
        results["dask_runs_s"] = {
            f"{w}_worker{'s' * (w > 1)}": [round(r.seconds, 2) for r in runs]
            for w, runs in dask_runs.items()
        }
        results["start_up_s"] = round(start_up.seconds, 2)
        for key, child, size in (
            ("pandas_1_core", single, 1),
            ("pandas_1_core_4x", single_4x, 4),
            ("dask_1_worker", dask_1, 1),
            ("dask_2_workers", dask_2, 1),
        ):
            if child is None:
                continue
            results[key] = {
                "seconds": round(child.seconds, 2),
                "articles_per_second": round(size * args.articles / child.seconds, 1),
                "megabytes_per_second": round(size * megabytes / child.seconds, 3),
                "peak_rss_mb": round(child.peak_rss / 1e6, 1),
                # the command's and the worker processes' it waited for: user + system
                "cpu_seconds": round(child.cpu_seconds, 2),
                "articles_per_cpu_second": round(size * args.articles / child.cpu_seconds, 1),
                # CPUs obtained on average: 2.0 is two cores busy throughout
                "cpus_obtained": round(child.cpu_seconds / child.seconds, 2),
            }
        results["parallel_capacity"] = round(capacity, 2)
        results["dask_1_vs_pandas"] = round(single.seconds / dask_1.seconds, 2)
        results["dask_2_vs_pandas"] = round(single.seconds / dask_2.seconds, 2)
        results["dask_scaling"] = round(dask_1.seconds / dask_2.seconds, 2)
        if single_4x is not None:
            results["memory_growth"] = round(single_4x.peak_rss / single.peak_rss, 2)
        results["profile"] = profile_pipeline(corpus)
        if not args.skip_report:
            results["report"] = measure_reports(work, repeat=args.repeat)
            report = results["report"]
            report["ratio"] = round(report["report_s"] / report["empty_s"], 2)
            report["ratio_commands"] = round(report["report_s"] / report["empty_commands_s"], 2)

    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwritten: {args.output}")


def print_table(results: dict[str, Any]) -> None:
    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    pandas, dask_1, dask_2 = (
        results["pandas_1_core"],
        results["dask_1_worker"],
        results["dask_2_workers"],
    )
    corpus = results["corpus"]
    rows = [
        ("corpus", f"{corpus['articles']} articles, {corpus['megabytes']} MB", ""),
        ("command start-up (1 article)", f"{results['start_up_s']} s", ""),
        ("pandas, 1 core: articles/s", pandas["articles_per_second"],
         f">= {TARGETS['articles_per_second']:.0f}  "
         + verdict(pandas["articles_per_second"] >= TARGETS["articles_per_second"])),
        ("pandas, 1 core: articles/CPU-s", pandas["articles_per_cpu_second"], ""),
        ("pandas, 1 core: MB/s", pandas["megabytes_per_second"], ""),
        ("dask end to end, 1 worker: articles/s", dask_1["articles_per_second"], ""),
        ("dask end to end, 2 workers: articles/s", dask_2["articles_per_second"], ""),
        ("dask, 1 worker / pandas", f"{results['dask_1_vs_pandas']}x",
         f">= {TARGETS['dask_1_vs_pandas']}x  "
         + verdict(results["dask_1_vs_pandas"] >= TARGETS["dask_1_vs_pandas"])),
        ("dask, 2 workers / pandas", f"{results['dask_2_vs_pandas']}x",
         f">= {TARGETS['dask_2_vs_pandas']}x  "
         + verdict(results["dask_2_vs_pandas"] >= TARGETS["dask_2_vs_pandas"])),
        ("dask, 2 workers / 1", f"{results['dask_scaling']}x", ""),
        ("  runs, 1 worker / 2 workers (faster counts)",
         " / ".join(", ".join(map(str, r)) for r in results["dask_runs_s"].values()) + " s", ""),
        ("  two processes / one, pure-Python loop", f"{results['parallel_capacity']}x",
         "the machine's ceiling then"),
        ("  CPUs obtained: pandas / dask 1 / dask 2",
         f"{pandas['cpus_obtained']} / {dask_1['cpus_obtained']} / {dask_2['cpus_obtained']}",
         ""),
        ("peak RSS, 1x corpus (streaming)", f"{pandas['peak_rss_mb']} MB", ""),
    ]  # fmt: skip
    if "memory_growth" in results:
        rows.append(
            ("peak RSS, 4x corpus (streaming)", f"{results['pandas_1_core_4x']['peak_rss_mb']} MB",
             f"flat  {verdict(results['memory_growth'] <= TARGETS['memory_growth'])}"
             f" ({results['memory_growth']}x)")
        )  # fmt: skip
    if "report" in results:
        report = results["report"]
        rows += [
            ("default report, cold", f"{report['report_s']} s", ""),
            ("empty notebook: papermill + nbconvert", "", ""),
            ("  called from one Python process", f"{report['empty_s']} s", ""),
            ("  as their two commands", f"{report['empty_commands_s']} s", ""),
            ("report / empty, one process", f"{report['ratio']}x",
             f"<= {TARGETS['report']}x  " + verdict(report["ratio"] <= TARGETS["report"])),
            ("report / empty, two commands", f"{report['ratio_commands']}x",
             f"<= {TARGETS['report']}x  "
             + verdict(report["ratio_commands"] <= TARGETS["report"])),
        ]  # fmt: skip
    print(
        f"\nload average before: {results['load_average_before']} on {results['machine']['cpus']} CPUs"
    )
    print()
    speed.print_result(results["speed"])
    scaling.print_result(results["single_line"])
    print(f"\n{'measure':<42} {'value':>22}   target")
    for name, value, target in rows:
        print(f"{name:<42} {value!s:>22}   {target}")
    profile = results["profile"]
    print(f"\nwhere the pipeline's time goes ({profile['articles']} articles, cProfile):")
    print("  by the calls the pipeline makes (their callees included):")
    for stage, share in profile["share_by_stage"].items():
        print(f"  {share:6.1%}  {stage}")
    print("  by module (own time):")
    for module, share in profile["share_by_module"].items():
        print(f"  {share:6.1%}  {module}")
    print("  slowest functions (own time):")
    for entry in profile["top_functions"][:6]:
        print(f"  {entry['own_s']:6.2f} s  {entry['function']}")
    if "report" in results:
        report = results["report"]
        print(
            f"\nthe report: notebook {report['notebook_s']} s of which cells {report['cells_s']} s,"
            f" {report['figures']} figures {report['figure_cells_s']} s; slowest cells:"
        )
        for cell in report["slowest_cells"]:
            print(f"  {cell['seconds']:6.2f} s  {cell['cell']}")


if __name__ == "__main__":
    main()
