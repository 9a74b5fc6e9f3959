"""Plain-text (or HTML) documents/s of this checkout against another one (before a change), in one run.

Each round cleans the 181 whole-page texts of ../shared/bench/scrapinghub/fulltext (with
`--format html`, its 181 HTML pages) once with each source tree, in a fresh process pinned to one core, alternating which goes first; the medians and
their ratio are reported (machines here are shared and noisy: compare the ratio, not the seconds).

    git worktree add --detach /tmp/before <commit>
    .venv/bin/python bench/text_speed.py --before /tmp/before [--rounds 5] [--instructions 30] [--format html]

`--instructions N` also counts the CPU instructions of cleaning the first N pages under valgrind's
callgrind (the same child with and without the cleaning loop; the difference is the cleaning), which
repeats exactly where seconds do not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

from _shared import PAGES, require_shared

HERE = Path(__file__).resolve().parents[1]
# Run inside the child: clean every page once after a warm-up page, report documents per CPU second.
_CHILD = """
import gzip, json, sys, time
from pathlib import Path
from cleaner import CleanOptions, clean
format = sys.argv[2]
names = "*.txt" if format == "text" else "*.html.gz"
pages = [p.read_bytes() for p in sorted(Path(sys.argv[1]).glob(names))]
pages = pages if format == "text" else [gzip.decompress(page) for page in pages]
options = CleanOptions(format=format)
clean(pages[0], options)
limit = int(sys.argv[3]) if len(sys.argv) > 3 else len(pages)
started = time.process_time()
for page in pages[:limit]:
    clean(page, options)
print(json.dumps(limit / max(time.process_time() - started, 1e-9)))
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


# Each format's pages, as the child reads them.
_FOLDERS = {"text": "fulltext", "html": "html"}


def rate(tree: Path, format: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", _CHILD, str(PAGES / _FOLDERS[format]), format]
    if hasattr(os, "sched_setaffinity"):
        command = ["taskset", "-c", "0", *command]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=tree)
    return float(json.loads(done.stdout.strip().splitlines()[-1]))


def instructions(tree: Path, pages: int, format: str) -> int:
    """Instructions callgrind counts for cleaning the first `pages` pages (start-up subtracted)."""

    def count(limit: int) -> int:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        command = [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            _CHILD,
            str(PAGES / _FOLDERS[format]),
            format,
            str(limit),
        ]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=tree)
        found = _COLLECTED.search(done.stderr)
        if found is None:
            raise RuntimeError(f"no instruction count from callgrind: {done.stderr[-300:]}")
        return int(found.group(1))

    return count(pages) - count(0)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, required=True, help="source tree to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--instructions", type=int, default=0, metavar="N", help="also count instructions over N pages"
    )
    parser.add_argument("--format", choices=tuple(_FOLDERS), default="text")
    args = parser.parse_args()
    require_shared()
    rates: dict[str, list[float]] = {"before": [], "this checkout": []}
    trees = {"before": args.before.resolve(), "this checkout": HERE}
    for number in range(args.rounds):
        order = list(trees) if number % 2 == 0 else list(reversed(trees))
        for name in order:
            rates[name].append(rate(trees[name], args.format))
    medians = {name: statistics.median(values) for name, values in rates.items()}
    for name, value in medians.items():
        print(f"{name:14} {value:7.1f} documents/s per core (median of {args.rounds})")
    print(f"ratio this/before: {medians['this checkout'] / medians['before']:.2f}")
    if args.instructions:
        counts = {name: instructions(tree, args.instructions, args.format) for name, tree in trees.items()}
        for name, value in counts.items():
            print(
                f"{name:14} {value / args.instructions / 1e6:9.1f} M instructions per page ({args.instructions} pages)"
            )
        print(f"instruction ratio before/this: {counts['before'] / counts['this checkout']:.2f}")


if __name__ == "__main__":
    main()
