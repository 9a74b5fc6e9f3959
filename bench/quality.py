"""Quality on the shared benchmark: clean() in both input modes next to trafilatura alone.

Scores with the benchmark's own score.py (../shared/bench/score.py), so numbers match its table.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import trafilatura
from _shared import SHARED_BENCH, gunzipped, html_pages, part_of, require_shared, text_pages, truth, urls

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
        if mode == "text":
            # The block classifier was trained on part A only: part B is the honest, unseen score.
            part = {key: part_of(url) for key, url in urls().items()}
            for name in ("A", "B"):
                chosen = {k: v for k, v in gold.items() if part[k] == name}
                scores = score_corpus(chosen, {k: predictions[k] for k in chosen})
                rows.append(
                    (
                        f"  text, part {name} ({'trained on' if name == 'A' else 'held out'})",
                        scores["f1"],
                        scores["precision"],
                        scores["recall"],
                    )
                )
        print(f"{mode} removals: {dict(sorted(removed.items()))}")
    measure("text: no cleaning (whole page text)", {k: v.decode() for k, v in text_pages().items()})
    print(f"\n{'system':58} {'F1':>6} {'P':>6} {'R':>6}")
    for name, f1, precision, recall in rows:
        print(f"{name:58} {f1:6.4f} {precision:6.4f} {recall:6.4f}")


if __name__ == "__main__":
    main()
