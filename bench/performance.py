"""Library throughput against bare trafilatura (MinHash signing: bench/sign_speed.py).

Runs are interleaved (trafilatura, cleaner, trafilatura, cleaner, ...) in one process on one core,
timed in CPU seconds, and the ratio of the medians is reported, so the shared machine's noise
cancels out as far as it can. Pages are the shared benchmark's 181 HTML pages and 181 whole-page texts.

    .venv/bin/python bench/performance.py [--rounds 5] [--only html|text]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from collections.abc import Callable

import trafilatura
from _shared import gunzipped, html_pages, require_shared, text_pages

from cleaner import CleanOptions, clean


def _rate(items: list, work: Callable[[object], object]) -> float:
    """Items per second of this process's CPU time: other processes on the shared machine take
    wall-clock time from a run, but not CPU time from this process."""
    started = time.process_time()
    for item in items:
        work(item)
    return len(items) / (time.process_time() - started)


def _interleaved(rounds: int, contenders: dict[str, Callable[[], float]]) -> dict[str, float]:
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            rates[name].append(run())
    return {name: statistics.median(values) for name, values in rates.items()}


def html(rounds: int) -> None:
    plain = list(gunzipped(html_pages()).values())  # the same raw HTML bytes for both
    options = CleanOptions(format="html")
    clean(plain[0], options)
    medians = _interleaved(
        rounds,
        {
            "bare trafilatura.extract() (default settings)": lambda: _rate(plain, trafilatura.extract),
            "cleaner.clean(raw bytes), HTML, all steps": lambda: _rate(
                plain, lambda page: clean(page, options)
            ),
        },
    )
    _report("HTML pages/s (one core)", medians)


def text(rounds: int) -> None:
    pages = list(text_pages().values())
    options = CleanOptions(format="text")
    clean(pages[0], options)
    medians = _interleaved(
        rounds,
        {"cleaner.clean(raw bytes), text, all steps": lambda: _rate(pages, lambda p: clean(p, options))},
    )
    _report("plain-text documents/s (one core; target 1,000)", medians)


def _report(title: str, medians: dict[str, float]) -> None:
    print(f"\n{title}")
    names = list(medians)
    for name in names:
        print(f"  {name:55} {medians[name]:10.1f}")
    if len(names) == 2:
        print(f"  ratio (second / first): {medians[names[1]] / medians[names[0]]:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of this process so far: {peak:.0f} MiB (pid {os.getpid()})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=("html", "text"))
    args = parser.parse_args()
    require_shared()
    for name, run in (("html", html), ("text", text)):
        if args.only in (None, name):
            run(args.rounds)


if __name__ == "__main__":
    main()
