"""TreeEnsemble's vectorised walk against the plain one, row by row, tree by tree."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.mark import classifier
from cleaner.mark.classifier import TEXT_MODEL, TreeEnsemble, packaged_model
from cleaner.mark.page_article import HTML_MODEL
from cleaner.mark.text_model import TEXT_CONTEXT_MODEL


def _random_ensemble(rng: np.random.Generator, trees: int, width: int, features: int) -> TreeEnsemble:
    """Trees of random shape (padded to `width` nodes), some of them a single leaf."""
    shape = (trees, width)
    feature, threshold = np.zeros(shape, dtype=np.int64), np.zeros(shape)
    left, right = np.full(shape, -1), np.full(shape, -1)
    value, depth = rng.normal(size=shape), 0
    for tree in range(trees):
        used, frontier = 1, [(0, 0)]
        while frontier:
            node, level = frontier.pop()
            depth = max(depth, level)
            if used + 2 > width or rng.random() < 0.3:
                continue  # a leaf
            feature[tree, node], threshold[tree, node] = rng.integers(features), rng.normal()
            left[tree, node], right[tree, node] = used, used + 1
            frontier += [(used, level + 1), (used + 1, level + 1)]
            used += 2
    return TreeEnsemble(
        ("f",) * features, feature, threshold, left, right, value, depth, 0.1, 0.5, 0.5, 0.5, 0.5, "random"
    )


def _plain(model: TreeEnsemble, row: np.ndarray) -> float:
    leaves = []
    for tree in range(len(model.feature)):
        node = 0
        while model.left[tree, node] >= 0:
            go_left = row[model.feature[tree, node]] <= model.threshold[tree, node]
            node = model.left[tree, node] if go_left else model.right[tree, node]
        leaves.append(model.value[tree, node])
    raw = model.init + model.learning_rate * float(np.sum(leaves))
    return float(1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0))))


@pytest.mark.parametrize("splits_per_tree", [0, 10**6], ids=["walk to the leaves", "shared splits"])
def test_the_vectorised_walk_reaches_the_same_leaves(
    monkeypatch: pytest.MonkeyPatch, splits_per_tree: int
) -> None:
    monkeypatch.setattr(classifier, "SHARED_SPLITS_PER_TREE", splits_per_tree)
    rng = np.random.default_rng(7)
    model = _random_ensemble(rng, trees=25, width=31, features=5)
    rows = rng.normal(size=(40, 5))
    rows[rng.random(rows.shape) < 0.1] = np.nan  # NaN goes right, as `<=` is false for it
    expected = [_plain(model, row) for row in rows]
    assert np.allclose(model.predict_proba(rows), expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", [TEXT_MODEL, TEXT_CONTEXT_MODEL, HTML_MODEL])
def test_both_walks_agree_on_the_packaged_models(name: str) -> None:
    model = packaged_model(name)
    rng = np.random.default_rng(11)
    rows = rng.normal(size=(60, len(model.feature_names))) * 3
    rows[rng.random(rows.shape) < 0.05] = np.nan
    rows = np.ascontiguousarray(rows)
    by_splits, by_walk = model._leaves_by_shared_splits(rows), model._leaves_by_walk(rows)
    assert np.array_equal(by_splits, by_walk)
