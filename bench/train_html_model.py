"""Train the HTML block model on both shared benchmarks and report it out of fold.

Every page of both sets is read as clean() reads it (`segment_html`: all blocks of the page and their
layout features). Pages are split by site into 5 folds (`_shared.site_fold`: group k-fold on the
host, the same folds in every script). For each fold, a model trained on the other four judges its
pages, and its keep threshold is chosen by an inner cross-validation on those four (never on the
fold it is scored on). The held-out pages then go through the rest of clean()'s steps (title,
phrase rules, related links, duplicates) exactly as in production, and are scored per set and page
type beside trafilatura on the same pages. The shipped model is trained on all pages, with the
threshold chosen the same way over all five folds.

Labels: a block of 4+ tokens is article text when at least half of its 4-token shingles are in the
page's hand-marked article; a shorter block when its words stand together in it.

    .venv/bin/python bench/train_html_model.py [--cache /tmp/html-pages.pkl] [--jobs 2] [--dry-run]

Writes cleaner/data/html_blocks.npz unless --dry-run.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import os
import pickle
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from _model import block_labels, export_histogram_model
from _shared import FOLDS, SETS, require_shared, site_fold
from sklearn.ensemble import HistGradientBoostingClassifier

from cleaner import CleanOptions, Document
from cleaner.evaluate import score_corpus, score_document, snippet_form, snippets_found
from cleaner.evaluate.labels import load_labels
from cleaner.mark.page_article import HTML_MODEL, mark_by_model
from cleaner.pipeline import STEPS
from cleaner.read.decode import decode
from cleaner.read.html import segment_html
from cleaner.read.layout import LAYOUT_FEATURES

MODEL_PATH = Path(__file__).resolve().parents[1] / "cleaner" / "data" / HTML_MODEL
HYPERPARAMETERS = {
    "max_iter": 200,
    "learning_rate": 0.1,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "random_state": 7,
}
# Experiments: HP='{"max_leaf_nodes": 15}' overrides entries for one run.
HYPERPARAMETERS.update(ast.literal_eval(os.environ.get("HP", "{}")))
THRESHOLDS = np.round(np.arange(0.2, 0.71, 0.05), 2)
OPTIONS = CleanOptions(format="html")


@dataclass
class Page:
    set: str
    id: str
    page_type: str
    fold: int
    truth: str
    document: Document
    rows: np.ndarray
    labels: np.ndarray


def read_page(job: tuple[str, str, dict[str, str]]) -> Page:
    name, key, label = job
    raw = gzip.decompress((SETS[name] / "html" / f"{key}.html.gz").read_bytes())
    html = decode(raw, OPTIONS.max_bytes)
    segmented = segment_html(html, OPTIONS, label.get("url"))
    document = Document(segmented.blocks, "html", segmented.metadata, chars_in=len(html))
    rows = segmented.layout if segmented.layout is not None else np.zeros((0, len(LAYOUT_FEATURES)))
    return Page(
        name,
        key,
        label.get("page_type", "article"),
        site_fold(label.get("url")),
        label["articleBody"],
        document,
        rows.astype(np.float32),
        block_labels([block.text for block in document.blocks], label["articleBody"]),
    )


def read_all(jobs: int, cache: Path | None) -> list[Page]:
    if cache and cache.exists():
        with cache.open("rb") as handle:
            return list(pickle.load(handle))
    work = []
    for name, folder in SETS.items():
        labels = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        work += [(name, key, label) for key, label in labels.items()]
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        pages = list(pool.map(read_page, work, chunksize=4))
    print(f"read {len(pages)} pages in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if cache:
        with cache.open("wb") as handle:
            pickle.dump(pages, handle)
    return pages


def fit(pages: Sequence[Page]) -> HistGradientBoostingClassifier:
    rows = np.vstack([page.rows for page in pages])
    labels = np.concatenate([page.labels for page in pages]) >= 0.5
    # Every page weighs the same, and within a page a block by its size, as in the metric.
    weights = np.concatenate([_block_weights(page) for page in pages])
    return HistGradientBoostingClassifier(**HYPERPARAMETERS).fit(rows, labels, sample_weight=weights)


def _block_weights(page: Page) -> np.ndarray:
    sizes = np.array([len(block.text.split()) for block in page.document.blocks], dtype=np.float64) + 1.0
    return len(sizes) * sizes / sizes.sum() if len(sizes) else sizes


def cleaned(page: Page, probabilities: np.ndarray, threshold: float) -> str:
    """The page through clean()'s steps, the block model's marks taken from these probabilities."""
    document = replace(page.document, blocks=[replace(block) for block in page.document.blocks])
    mark_by_model(document, probabilities, threshold, page.rows, OPTIONS)
    for step in STEPS[1:]:
        step(document, OPTIONS)
    return document.text()


def best_threshold(pages: Sequence[Page], probabilities: Sequence[np.ndarray]) -> float:
    """The threshold with the best F1 over these pages (their probabilities come from other folds)."""

    def f1(threshold: float) -> float:
        return score_corpus(
            score_document(page.truth, cleaned(page, p, threshold))
            for page, p in zip(pages, probabilities, strict=True)
        ).f1

    curve = {float(t): f1(float(t)) for t in THRESHOLDS}
    return max(curve, key=lambda t: curve[t])


def out_of_fold(pages: Sequence[Page], folds: Sequence[int]) -> list[np.ndarray]:
    """Each page's probabilities from a model trained on the other folds of `folds`."""
    result: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for fold in folds:
        model = fit([page for page in pages if page.fold != fold])
        for index, page in enumerate(pages):
            if page.fold == fold and len(page.rows):
                result[index] = model.predict_proba(page.rows)[:, 1]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, help="keep the pages read here (a pickle) between runs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one threshold for all folds, chosen on every page's out-of-fold probabilities (one number that also saw the fold it scores; without --quick each fold's comes from an inner cross-validation on the others)",
    )
    parser.add_argument("--dry-run", action="store_true", help="report only; do not write the model file")
    parser.add_argument(
        "--threshold",
        type=float,
        help="skip the out-of-fold report: fit on all pages and ship with this threshold (one an "
        "earlier run chose out of fold)",
    )
    parser.add_argument(
        "--save-oof",
        type=Path,
        help="keep each page's out-of-fold probabilities here (.npz) for failure analysis",
    )
    args = parser.parse_args()
    require_shared()
    pages = read_all(args.jobs, args.cache)
    print(
        f"{sum(len(p.rows) for p in pages)} blocks on {len(pages)} pages; {HYPERPARAMETERS}", file=sys.stderr
    )

    if args.threshold is not None:
        write_model(pages, args.threshold, args.dry_run)
        return
    # The outer loop: every page judged by a model that never saw its site.
    outer = out_of_fold(pages, range(FOLDS))
    if args.save_oof:
        np.savez_compressed(
            args.save_oof, **{f"{p.set}/{p.id}": probs for p, probs in zip(pages, outer, strict=True)}
        )
    shipped_threshold = best_threshold(pages, outer)
    if args.quick:
        thresholds = dict.fromkeys(range(FOLDS), shipped_threshold)
    else:  # each fold's threshold from an inner cross-validation over the other four
        thresholds = {}
        for fold in range(FOLDS):
            inner_pages = [page for page in pages if page.fold != fold]
            inner = out_of_fold(inner_pages, [f for f in range(FOLDS) if f != fold])
            thresholds[fold] = best_threshold(inner_pages, inner)
    print(f"thresholds per fold: {thresholds}", file=sys.stderr)
    report(pages, [cleaned(page, p, thresholds[page.fold]) for page, p in zip(pages, outer, strict=True)])

    write_model(pages, shipped_threshold, args.dry_run)


def write_model(pages: Sequence[Page], threshold: float, dry_run: bool) -> None:
    """Fit on every page and write the model with this threshold (checked against scikit-learn)."""
    model = fit(pages)
    about = f"trained on {len(pages)} pages of both shared benchmarks; threshold {threshold} out of fold; {HYPERPARAMETERS}"
    ensemble = export_histogram_model(model, LAYOUT_FEATURES, threshold, about)
    sample = np.vstack([page.rows for page in pages[:50]])
    assert np.allclose(ensemble.predict_proba(sample), model.predict_proba(sample)[:, 1], atol=1e-6), (
        "export differs"
    )
    if not dry_run:
        ensemble.save(MODEL_PATH)
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB), threshold {threshold}")


def report(pages: Sequence[Page], texts: Sequence[str]) -> None:
    """F1 per set and page type, and the labelled snippets: content lost (`with` snippets missing from
    the output) and junk left (`without` snippets in it), as `article-cleaner eval` counts them."""
    labels = {name: load_labels(folder) for name, folder in SETS.items()}
    groups: dict[tuple[str, str], list[int]] = {}
    for index, page in enumerate(pages):
        groups.setdefault((page.set, "all"), []).append(index)
        groups.setdefault((page.set, page.page_type), []).append(index)
    print(f"\nout of fold (5 folds by site)      {'F1':>6} {'P':>6} {'R':>6} {'lost':>7} {'left':>7}")
    for (name, kind), indexes in sorted(groups.items()):
        corpus = score_corpus(score_document(pages[i].truth, texts[i]) for i in indexes)
        keep = drop = kept = left = 0
        for i in indexes:
            page_labels, form = labels[name][pages[i].id], snippet_form(texts[i])
            keep += len(page_labels.must_keep)
            drop += len(page_labels.must_drop)
            kept += snippets_found(page_labels.must_keep, form)
            left += snippets_found(page_labels.must_drop, form)
        lost_share = f"{1 - kept / keep:7.1%}" if keep else "      -"
        left_share = f"{left / drop:7.1%}" if drop else "      -"
        print(
            f"{name:12} {kind:13} ({len(indexes):3}) {corpus.f1:6.4f} {corpus.precision:6.4f} {corpus.recall:6.4f}"
            f" {lost_share} {left_share}"
        )


if __name__ == "__main__":
    main()
