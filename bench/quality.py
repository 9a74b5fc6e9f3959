"""Quality on the Scrapinghub benchmark: clean() in both input modes next to trafilatura alone.

Scores with the benchmark's own score.py (../shared/bench/score.py), so numbers match its table.
Both block models were trained on these pages, so clean()'s figures here are in sample: the
out-of-fold figures come from bench/train_html_model.py and bench/train_text_model.py, and
`article-cleaner eval` reports both sets per page type.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import trafilatura
from _shared import SHARED_BENCH, gunzipped, html_pages, require_shared, text_pages, truth

from cleaner import CleanOptions, clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    require_shared()
    sys.path.insert(0, str(SHARED_BENCH))
    from score import score_corpus

    gold = truth()
    html = html_pages()
    raw_html = gunzipped(html)
    rows = []

    def measure(name: str, run: dict[str, str]) -> None:
        scores = score_corpus(gold, run)
        rows.append((name, scores["f1"], scores["precision"], scores["recall"]))

    for label, kwargs in [
        ("trafilatura default", {}),
        (
            "trafilatura favor_precision, no comments",
            {"favor_precision": True, "include_comments": False, "deduplicate": False},
        ),
    ]:
        measure(f"html: {label}", {k: trafilatura.extract(v, **kwargs) or "" for k, v in raw_html.items()})
    for mode, pages in (("html", html), ("text", text_pages())):
        removed: Counter[str] = Counter()
        started = time.perf_counter()
        predictions = {}
        for key, raw in pages.items():
            document = clean(raw, CleanOptions(format=mode))  # type: ignore[arg-type]
            removed.update(document.removed_counts())
            predictions[key] = document.text()
        elapsed = time.perf_counter() - started
        measure(f"{mode}: article-cleaner ({len(pages) / elapsed:.0f} pages/s)", predictions)
        print(f"{mode} removals: {dict(sorted(removed.items()))}")
    measure("text: no cleaning (whole page text)", {k: v.decode() for k, v in text_pages().items()})
    print(f"\n{'system':58} {'F1':>6} {'P':>6} {'R':>6}")
    for name, f1, precision, recall in rows:
        print(f"{name:58} {f1:6.4f} {precision:6.4f} {recall:6.4f}")


if __name__ == "__main__":
    main()
