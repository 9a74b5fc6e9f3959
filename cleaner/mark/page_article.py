"""HTML: which blocks of the page are the article, judged block by block from the page's evidence.

A learned model (gradient-boosted trees over `cleaner.read.layout` features: the block's shape and
links, the landmarks and class names above it, its containers' text density, its neighbours, and
how much of it trafilatura's extraction kept) gives every block a probability of being article
text. Blocks under the threshold are marked `outside_article`, naming where they were
(`navigation`, `footer`, `comments`, `hidden`, ...). The model is trained by
bench/train_html_model.py on both shared benchmarks, its threshold chosen out of fold.
"""

from __future__ import annotations

import numpy as np

from cleaner.document import Document, Reason
from cleaner.mark.classifier import packaged_model
from cleaner.options import CleanOptions
from cleaner.read.layout import LAYOUT_FEATURES

HTML_MODEL = "html_blocks.npz"
# How each region reads in an explanation.
_WHERE = {
    "navigation": "in the page navigation",
    "header": "in the page header",
    "footer": "in the page footer",
    "aside": "in a sidebar",
    "comments": "in the comments",
    "advertising": "in an advertisement",
    "related": "among links to other pages",
    "sharing": "among sharing buttons",
    "dialog": "in a dialog or form",
    "hidden": "hidden on the page",
}
_EXTRACTED = LAYOUT_FEATURES.index("extracted")


def judge_page_blocks(document: Document, options: CleanOptions) -> None:
    """Give every HTML block its article probability and mark those under the threshold."""
    rows = document.layout
    if rows is None or not len(document.blocks):
        return
    model = packaged_model(HTML_MODEL)
    if model.feature_names != LAYOUT_FEATURES:
        raise RuntimeError("the packaged HTML model was trained on other features: retrain it")
    rows = np.asarray(rows)
    threshold = options.outside_article_threshold
    mark_by_model(
        document,
        model.predict_proba(rows),
        model.keep_threshold if threshold is None else threshold,
        rows,
        options,
    )


def mark_by_model(
    document: Document, probabilities: np.ndarray, threshold: float, rows: np.ndarray, options: CleanOptions
) -> None:
    """Record each block's probability and mark those under `threshold` outside the article."""
    for block, probability in zip(document.blocks, probabilities.tolist(), strict=True):
        block.article_probability = round(probability, 4)
    if Reason.OUTSIDE_ARTICLE not in options.reasons:
        return
    keep = probabilities >= threshold
    if not keep.any():
        # The model saw no article: answer with what the extractor kept rather than nothing.
        keep = rows[:, _EXTRACTED] >= 0.5
    for block, kept in zip(document.blocks, keep.tolist(), strict=True):
        if not kept:
            where = _WHERE.get(block.region or "", "elsewhere on the page")
            block.mark(
                Reason.OUTSIDE_ARTICLE,
                block.region or "page",
                f"outside the article: {where}",
            )
