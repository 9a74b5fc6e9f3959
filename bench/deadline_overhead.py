"""What the time limit costs: clean() in this process vs in a DeadlinePool child, on the shared pages.

Sequential (one page at a time: the per-page cost of pickling the page and the Document over a pipe)
and in parallel on every core (the pool's children vs a plain ProcessPoolExecutor running clean()).
Each mode runs the 181 HTML pages --repeat times after a warm-up; the best of --rounds is kept.
Wall-clock rates move with whatever else the machine runs, so the CPU time of what the pool adds
(pickling each page there and its Document back) is also measured against clean()'s own CPU time.
"""

from __future__ import annotations

import argparse
import os
import pickle
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor

from _shared import gunzipped, html_pages, require_shared

from cleaner.isolate.deadline import DeadlinePool, warm_up
from cleaner.pipeline import clean


def _pages_per_second(run: Callable[[list[bytes]], object], pages: list[bytes], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        run(pages)
        best = min(best, time.perf_counter() - started)
    return len(pages) / best


def _in_process(pages: Iterable[bytes]) -> None:
    for page in pages:
        clean(page)


def _through(executor: Executor) -> Callable[[list[bytes]], object]:
    def run(pages: list[bytes]) -> None:
        for future in [executor.submit(clean, page) for page in pages]:
            future.result()

    return run


def _transfer_share(pages: list[bytes]) -> tuple[float, float]:
    """CPU ms per page of clean(), and of pickling the call there and the Document back."""
    documents = [clean(page) for page in pages]
    started = time.process_time()
    for page in pages:
        clean(page)
    cleaning = time.process_time() - started
    started = time.process_time()
    for page, document in zip(pages, documents, strict=True):
        pickle.loads(pickle.dumps((clean, (page,), {}), protocol=pickle.HIGHEST_PROTOCOL))
        pickle.loads(pickle.dumps((True, document), protocol=pickle.HIGHEST_PROTOCOL))
    moving = time.process_time() - started
    return cleaning / len(pages) * 1000, moving / len(pages) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    require_shared()
    pages = list(gunzipped(html_pages()).values()) * args.repeat
    cores = os.cpu_count() or 1
    warm_up()
    cleaning_ms, moving_ms = _transfer_share(pages)
    print(
        f"CPU per page: clean() {cleaning_ms:.2f} ms, pickling page and Document {moving_ms:.3f} ms "
        f"({moving_ms / cleaning_ms:.2%})"
    )
    sequential = _pages_per_second(_in_process, pages, args.rounds)
    with DeadlinePool(1, timeout=10.0) as one:
        one.wait_ready()
        isolated = _pages_per_second(_through(one), pages, args.rounds)
    overhead_ms = (1 / isolated - 1 / sequential) * 1000
    print(f"{len(pages)} pages, {sum(map(len, pages)) / len(pages) / 1024:.0f} KiB on average")
    print(f"1 process, clean() in-process:       {sequential:6.1f} pages/s")
    print(
        f"1 child,   DeadlinePool(1):          {isolated:6.1f} pages/s "
        f"({isolated / sequential:.3f}x, {overhead_ms:+.2f} ms/page)"
    )
    with ProcessPoolExecutor(cores, initializer=warm_up) as plain:
        _through(plain)(pages[:cores])
        parallel = _pages_per_second(_through(plain), pages, args.rounds)
    with DeadlinePool(cores, timeout=10.0) as pool:
        pool.wait_ready()
        guarded = _pages_per_second(_through(pool), pages, args.rounds)
    print(f"{cores} processes, ProcessPoolExecutor: {parallel:6.1f} pages/s")
    print(f"{cores} children, DeadlinePool({cores}):     {guarded:6.1f} pages/s ({guarded / parallel:.3f}x)")


if __name__ == "__main__":
    main()
