"""Start-up of the command line: `article-cleaner --help`, `--version` and the clean of one small page,
against `python -c "import trafilatura"` (the floor of any command that extracts HTML), in one run.

Each command runs `--rounds` times, interleaved round by round so that the machine's load falls on
all of them alike; the median wall time of each and its ratio to trafilatura's import are printed.

    .venv/bin/python bench/startup.py
    .venv/bin/python bench/startup.py --command ../main/.venv/bin/article-cleaner   # another install's
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL_PAGE = ROOT / "fixtures" / "es-bicicletas-sierra.txt"  # 2 KiB of plain text
SMALL_HTML = ROOT / "fixtures" / "clean-local-paper-subscribers.html"


def commands(cli: str, python: str) -> dict[str, list[str]]:
    return {
        'python -c "import trafilatura"': [python, "-c", "import trafilatura"],
        "article-cleaner --help": [cli, "--help"],
        "article-cleaner --version": [cli, "--version"],
        f"article-cleaner clean {SMALL_PAGE.name}": [cli, "clean", str(SMALL_PAGE)],
        f"article-cleaner clean {SMALL_HTML.name}": [cli, "clean", str(SMALL_HTML)],
    }


def measure(argv: list[str]) -> float | None:
    """Wall time of one run, or None when the command fails (an older checkout without --version)."""
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    return elapsed if done.returncode == 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--command", default=str(Path(sys.executable).with_name("article-cleaner")))
    args = parser.parse_args()
    runs = commands(args.command, sys.executable)
    for argv in runs.values():  # warm the file cache: every run then reads the same cached files
        measure(argv)
    times: dict[str, list[float | None]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, argv in runs.items():
            times[name].append(measure(argv))
    floor = statistics.median(t for t in times['python -c "import trafilatura"'] if t is not None)
    print(f"{args.command}, {args.rounds} rounds, median wall time")
    for name, samples in times.items():
        if None in samples:
            print(f"  {name:50} fails")
            continue
        median = statistics.median(t for t in samples if t is not None)
        print(f"  {name:50} {median * 1000:7.0f} ms  {median / floor:5.2f}x trafilatura's import")


if __name__ == "__main__":
    main()
