"""Batch at scale: local engine vs Dask engine throughput, and peak memory as the input grows.

--throughput: the 181 shared HTML pages copied --repeat times into a temporary tree (never into the
repo); `article-cleaner clean` with the local engine at --jobs 1 and 2 and the Dask engine on an
embedded 2-worker LocalCluster, timed end to end (process and cluster start included), interleaved
round by round because the machine is shared: compare the ratios within a round. The Dask output
is checked byte-identical to the local one.

--driver: the driver's own write path alone (20,000 results of generated text written as text
files or JSON Lines, with their report lines): the most results/s one driver can take.

--memory: peak RSS of `article-cleaner clean DIR -o OUT --jobs 2` over N generated small text files
(the driver alone, and the driver plus its workers, sampled every 20 ms).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from _shared import PAGES, require_shared
from textgen import article

CLI = Path(sys.executable).with_name("article-cleaner")
RUNS = {
    "local --jobs 1": ["--jobs", "1"],
    "local --jobs 2": ["--jobs", "2"],
    "dask, 2 workers": ["--engine", "dask", "--jobs", "2"],
}


def throughput(repeat: int, rounds: int, extra: list[str]) -> None:
    require_shared()
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "in"
        for copy in range(repeat):
            shutil.copytree(PAGES / "html", source / f"copy{copy:02}")
        count = sum(1 for _ in source.rglob("*.html.gz"))
        rates: dict[str, list[float]] = {name: [] for name in RUNS}
        for round_ in range(1, rounds + 1):
            outputs = {}
            for name, flags in RUNS.items():
                out = Path(scratch) / f"out-{len(outputs)}"
                shutil.rmtree(out, ignore_errors=True)
                started = time.perf_counter()
                subprocess.run(
                    [str(CLI), "clean", str(source), "-o", str(out), *flags, *extra], capture_output=True
                )
                rates[name].append(count / (time.perf_counter() - started))
                outputs[name] = _digest(out)
            identical = outputs["local --jobs 2"] == outputs["dask, 2 workers"]
            ratio = rates["dask, 2 workers"][-1] / rates["local --jobs 2"][-1]
            line = ", ".join(f"{name} {rates[name][-1]:6.1f} pages/s" for name in RUNS)
            print(
                f"round {round_}: {count} pages: {line}; dask/local at 2 workers {ratio:.3f}; identical {identical}"
            )
        print(
            "median: " + ", ".join(f"{name} {statistics.median(rates[name]):6.1f} pages/s" for name in RUNS)
        )
        ratios = [d / loc for d, loc in zip(rates["dask, 2 workers"], rates["local --jobs 2"], strict=True)]
        scaling = [
            two / one for two, one in zip(rates["local --jobs 2"], rates["local --jobs 1"], strict=True)
        ]
        print(f"dask/local (2 workers) per round: {[round(r, 3) for r in ratios]}")
        print(f"local 2 jobs / 1 job per round: {[round(s, 3) for s in scaling]}")


def memory(counts: list[int]) -> None:
    rng = random.Random(1)
    texts = ["\n\n".join(article(rng, (3, 6))) for _ in range(500)]
    for count in counts:
        with tempfile.TemporaryDirectory() as scratch:
            source = Path(scratch) / "in"
            for number in range(count):
                path = source / f"d{number // 1000:03}" / f"{number:06}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(texts[number % len(texts)])
            started = time.perf_counter()
            driver, tree = _peak_rss(
                [str(CLI), "clean", str(source), "-o", str(Path(scratch) / "out"), "--jobs", "2"]
            )
            elapsed = time.perf_counter() - started
            print(
                f"{count:6} files: peak RSS driver {driver / 2**20:6.1f} MiB, driver + workers "
                f"{tree / 2**20:6.1f} MiB ({count / elapsed:6.0f} files/s)"
            )


def driver(count: int = 20000) -> None:
    from cleaner.batch.journal import JournalWriter
    from cleaner.batch.sinks import make_sink
    from cleaner.batch.tasks import Task, base_record

    rng = random.Random(1)
    texts = ["\n".join(article(rng, (5, 8))) for _ in range(200)]
    for output_format in ("text", "jsonl"):
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch)
            sink = make_sink(out, output_format)  # type: ignore[arg-type]
            sink.start()
            report = JournalWriter(out / "report.jsonl", 0, before_sync=sink.sync)
            started = time.perf_counter()
            for number in range(count):
                task = Task(f"d{number // 1000}/p{number}.html", f"d{number // 1000}/p{number}.txt")
                record, text = base_record(task), texts[number % len(texts)]
                result = {
                    "text": text,
                    "format": "html",
                    "chars_in": 170_000,
                    "chars_out": len(text),
                    "removed": {},
                }
                sink.write(task, record, result)
                report.append(record)
            sink.close()
            report.close()
            print(f"driver, {output_format} output: {count / (time.perf_counter() - started):8.0f} results/s")


def _peak_rss(command: list[str]) -> tuple[int, int]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    driver = tree = 0
    while process.poll() is None:
        try:
            own = watched.memory_info().rss
            total = own + sum(child.memory_info().rss for child in watched.children(recursive=True))
        except psutil.Error:
            continue
        driver, tree = max(driver, own), max(tree, total)
        time.sleep(0.02)
    return driver, tree


def _digest(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): hash(p.read_bytes()) for p in sorted(out.rglob("*")) if p.is_file()
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--throughput", action="store_true")
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--driver", action="store_true")
    parser.add_argument("--repeat", type=int, default=15, help="copies of the 181 pages (default 15: 2,715)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--dedup", action="store_true", help="time the runs with --dedup")
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 20000])
    args = parser.parse_args()
    everything = not (args.throughput or args.memory or args.driver)
    if args.throughput or everything:
        throughput(args.repeat, args.rounds, ["--dedup"] if args.dedup else [])
    if args.memory or everything:
        memory(args.files)
    if args.driver or everything:
        driver()


if __name__ == "__main__":
    main()
