"""Batch throughput: `article-cleaner clean DIR -o OUT --jobs N` over the shared HTML pages.

The 181 pages are copied --repeat times into a temporary tree; each run is timed end to end (the
process start included), next to bare trafilatura.extract() over the same pages in this process.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura
from _shared import PAGES, gunzipped, html_pages, require_shared

CLI = Path(sys.executable).with_name("article-cleaner")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the 181 pages (default 3)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    require_shared()
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "in"
        for copy in range(args.repeat):
            shutil.copytree(PAGES / "html", source / f"copy{copy}")
        count = sum(1 for _ in source.rglob("*.html.gz"))
        pages = list(gunzipped(html_pages()).values())
        started = time.perf_counter()
        for page in pages:
            trafilatura.extract(page)
        bare = len(pages) / (time.perf_counter() - started)
        print(f"bare trafilatura.extract(), 1 process: {bare:6.1f} pages/s")
        for jobs in args.jobs:
            out = Path(scratch) / f"out{jobs}"
            started = time.perf_counter()
            done = subprocess.run(
                [str(CLI), "clean", str(source), "-o", str(out), "--jobs", str(jobs)],
                capture_output=True,
                text=True,
            )
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                sys.exit(done.stderr)
            print(
                f"article-cleaner clean --jobs {jobs}: {count} pages in {elapsed:5.1f} s = {count / elapsed:6.1f} pages/s"
            )


if __name__ == "__main__":
    main()
