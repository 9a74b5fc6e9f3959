"""Load on loopback: `article-cleaner serve --workers 2` under concurrent clients, a fixed number of
requests. Reports errors, latency percentiles, throughput, and the memory of the whole server (every
worker, fork server and cleaning child) at the start, along the way and at the end.

    .venv/bin/python bench/load.py                          # 20,000 requests, 16 clients, fixture pages
    .venv/bin/python bench/load.py --pages shared --requests 2000   # the 181 benchmark pages
    .venv/bin/python bench/load.py --pages shared --requests 3000 --library 900
        # ... and N in-process clean() loops side by side (N = --workers): the service's ratio to them

Memory is read from /proc: RSS summed over the process tree counts pages the forked processes share
once per process, so PSS (each shared page split between its sharers) is the better total.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("article-cleaner")


@dataclass
class LoadReport:
    requests: int
    concurrency: int
    workers: int
    seconds: float
    statuses: Counter[int]
    latencies_ms: list[float]
    memory: list[tuple[int, int, int]] = field(default_factory=list)  # (requests done, RSS, PSS) in KiB
    # CPU this process (the clients) used: on a small machine, cores the server did not have.
    client_cpu_seconds: float = 0.0
    # CPU the whole server (workers, fork servers, cleaning children) used for the requests.
    server_cpu_seconds: float = 0.0

    @property
    def errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status != 200)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def summary(self) -> dict[str, object]:
        return {
            "requests": self.requests,
            "concurrency": self.concurrency,
            "workers": self.workers,
            "errors": self.errors,
            "statuses": dict(self.statuses),
            "requests_per_second": round(self.requests / self.seconds, 1),
            "p50_ms": round(self.percentile(0.50), 1),
            "p90_ms": round(self.percentile(0.90), 1),
            "p99_ms": round(self.percentile(0.99), 1),
            "max_ms": round(max(self.latencies_ms), 1),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 1),
            "client_cores": round(self.client_cpu_seconds / self.seconds, 2),
            "server_cpu_ms_per_request": round(1000 * self.server_cpu_seconds / self.requests, 2),
            "memory_kib": [{"after": done, "rss": rss, "pss": pss} for done, rss, pss in self.memory],
        }


def fixture_pages() -> list[tuple[bytes, str]]:
    """The repository's fixture pages: (body, content type)."""
    pages = []
    for path in sorted((ROOT / "fixtures").glob("*.*")):
        if path.suffix in {".html", ".txt"}:
            pages.append((path.read_bytes(), "text/html" if path.suffix == ".html" else "text/plain"))
    return pages


def shared_pages() -> list[tuple[bytes, str]]:
    """The shared benchmark's 181 HTML pages (../shared/bench/scrapinghub)."""
    folder = ROOT.parent / "shared" / "bench" / "scrapinghub" / "html"
    if not folder.is_dir():
        sys.exit(f"the shared benchmark is not at {folder}")
    return [(gzip.decompress(path.read_bytes()), "text/html") for path in sorted(folder.glob("*.html.gz"))]


def tree_memory(root_pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB, summed over the process and all its descendants."""
    rss = pss = 0
    try:
        root = psutil.Process(root_pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for process in processes:
        try:
            memory = process.memory_full_info()
        except psutil.Error:
            continue  # ended meanwhile
        rss, pss = rss + memory.rss // 1024, pss + memory.pss // 1024
    return rss, pss


def tree_cpu(root_pid: int) -> float:
    """CPU seconds (user and system) used so far by the process and all its descendants, the
    reaped ones included: what the server spent, whatever else the machine ran meanwhile."""
    total = 0.0
    try:
        root = psutil.Process(root_pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    workers: int, log: Path, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """`article-cleaner serve` on a free loopback port; waits until it answers."""
    port = _free_port()
    command = [str(CLI), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=sink, env={**os.environ, **(env or {})}
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace"))
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise TimeoutError("the server did not start")


async def _drive(
    url: str, pages: list[tuple[bytes, str]], requests: int, concurrency: int, on_progress: object
) -> tuple[Counter[int], list[float]]:
    statuses: Counter[int] = Counter()
    latencies: list[float] = []
    issued = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def one_client() -> None:
            nonlocal issued
            while issued < requests:
                body, content_type = pages[issued % len(pages)]
                issued += 1
                started = time.perf_counter()
                try:
                    response = await client.post(
                        "/v1/clean", content=body, headers={"content-type": content_type}
                    )
                    statuses[response.status_code] += 1
                except httpx.TransportError:
                    statuses[0] += 1  # no answer at all: a dropped connection counts as an error
                latencies.append((time.perf_counter() - started) * 1000)
                if callable(on_progress):
                    on_progress(len(latencies))

        await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return statuses, latencies


def run_load(
    pages: list[tuple[bytes, str]],
    requests: int,
    concurrency: int,
    workers: int,
    samples: int = 10,
    env: dict[str, str] | None = None,
) -> LoadReport:
    """Start a server, send `requests` requests from `concurrency` clients, stop it; the report."""
    with tempfile.TemporaryDirectory(prefix="article-cleaner-load-") as scratch:
        process, url = start_server(workers, Path(scratch) / "server.log", env)
        try:
            # One pass over every page first, as the library's loops get: the children's heaps
            # grow to their working size (page faults are CPU too) before anything is timed.
            warm = max(len(pages), 2 * workers * 2)
            asyncio.run(_drive(url, pages, warm, concurrency, None))
            memory = [(0, *tree_memory(process.pid))]
            every = max(1, requests // samples)

            def sample(done: int) -> None:
                if done % every == 0 or done == requests:
                    memory.append((done, *tree_memory(process.pid)))

            started, cpu, server_cpu = time.perf_counter(), time.process_time(), tree_cpu(process.pid)
            statuses, latencies = asyncio.run(_drive(url, pages, requests, concurrency, sample))
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            server_cpu = tree_cpu(process.pid) - server_cpu
        finally:
            process.terminate()
            process.wait(timeout=30)
    return LoadReport(requests, concurrency, workers, seconds, statuses, latencies, memory, cpu, server_cpu)


def _library_rate(
    pages: list[tuple[bytes, str]], count: int, start: Any = None, offset: int = 0
) -> tuple[float, float]:
    """(pages per second, CPU seconds per page) of clean() in this process (after one warm-up
    pass); with `start` (a barrier), the timing starts when every process of a parallel run is warm."""
    from cleaner.options import CleanOptions
    from cleaner.pipeline import clean

    formats = {"text/html": CleanOptions(format="html"), "text/plain": CleanOptions(format="text")}
    for body, content_type in pages:
        clean(body, formats[content_type])
    if start is not None:
        start.wait()
    started, cpu = time.perf_counter(), time.process_time()
    for number in range(offset, offset + count):
        body, content_type = pages[number % len(pages)]
        clean(body, formats[content_type])
    return count / (time.perf_counter() - started), (time.process_time() - cpu) / count


def _parallel_library_rate(pages: list[tuple[bytes, str]], count: int, processes: int) -> tuple[float, float]:
    """Pages per second of `processes` in-process clean() loops side by side (as many as the
    service has workers): what the service's cores could do with no HTTP, pipe or pickling."""
    context = multiprocessing.get_context("spawn")
    start = context.Manager().Barrier(processes)
    share = max(1, count // processes)
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        rates = [
            pool.submit(_library_rate, pages, share, start, number * share) for number in range(processes)
        ]
        results = [rate.result() for rate in rates]
    return sum(rate for rate, _ in results), statistics.fmean(cpu for _, cpu in results)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages", choices=("fixtures", "shared"), default="fixtures")
    parser.add_argument(
        "--env", action="append", default=[], metavar="NAME=VALUE", help="a CLEANER_* setting for the server"
    )
    parser.add_argument(
        "--library",
        type=int,
        default=0,
        metavar="N",
        help="also time N pages through clean() in this process",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    pages = fixture_pages() if args.pages == "fixtures" else shared_pages()
    env = dict(setting.split("=", 1) for setting in args.env)
    report = run_load(pages, args.requests, args.concurrency, args.workers, env=env)
    summary = report.summary()
    if args.library:
        summary["library_pages_per_second"] = round(_library_rate(pages, args.library)[0], 1)
        parallel, library_cpu = _parallel_library_rate(pages, args.library, args.workers)
        summary["library_parallel_pages_per_second"] = round(parallel, 1)
        # The figure to hold: the service with N workers against N in-process clean() loops.
        summary["service_vs_library"] = round(report.requests / report.seconds / parallel, 3)
        # The same at equal CPU (what a busy machine's other work cannot blur): library CPU per
        # page over the server's.
        summary["library_cpu_ms_per_page"] = round(1000 * library_cpu, 2)
        summary["service_vs_library_cpu"] = round(
            library_cpu * report.requests / report.server_cpu_seconds, 3
        )
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(
        f"{report.requests} requests, {report.concurrency} clients, {report.workers} workers, "
        f"{len(pages)} distinct pages ({args.pages}): {summary['requests_per_second']} req/s"
    )
    print(f"errors: {report.errors}  statuses: {dict(report.statuses)}  settings: {env or 'defaults'}")
    print(f"the clients used {summary['client_cores']} of this machine's {os.cpu_count()} cores")
    if args.library:
        rate = summary["library_pages_per_second"]
        print(
            f"clean() in this process, 1 core: {rate} pages/s; the service reached {summary['requests_per_second']}"
        )
        print(
            f"clean() in {args.workers} processes side by side: {summary['library_parallel_pages_per_second']} "
            f"pages/s; the service with {args.workers} workers: {summary['service_vs_library']}x of it "
            f"(p99 {summary['p99_ms']} ms)"
        )
        print(
            f"CPU per page: clean() {summary['library_cpu_ms_per_page']} ms, the whole server "
            f"{summary['server_cpu_ms_per_request']} ms: {summary['service_vs_library_cpu']}x at equal CPU "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
    print(
        f"latency ms: p50 {summary['p50_ms']}  p90 {summary['p90_ms']}  p99 {summary['p99_ms']}  "
        f"max {summary['max_ms']}"
    )
    for done, rss, pss in report.memory:
        print(f"  after {done:6d} requests: RSS {rss / 1024:7.1f} MiB  PSS {pss / 1024:7.1f} MiB")


if __name__ == "__main__":
    main()
