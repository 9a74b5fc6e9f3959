"""A small gradient-boosted tree ensemble, evaluated with numpy: the block classifier's model.

The model is trained by bench/train_text_model.py (scikit-learn, at training time only) and
shipped as a compressed numpy file in cleaner/data/, so cleaning needs no learning library and no
network. All trees are padded to one shape and walked together, level by level, for every block of
a document at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

TEXT_MODEL = "text_blocks.npz"


@dataclass(frozen=True)
class TreeEnsemble:
    """Binary log-loss boosting: p = sigmoid(init + rate * sum of the trees' leaf values)."""

    feature_names: tuple[str, ...]
    feature: np.ndarray  # (trees, nodes) feature index of each split node
    threshold: np.ndarray  # (trees, nodes) go left when value <= threshold
    left: np.ndarray  # (trees, nodes) child index, -1 at leaves
    right: np.ndarray
    value: np.ndarray  # (trees, nodes) leaf values
    depth: int
    init: float
    learning_rate: float
    # Probability below which a block is judged outside the article (tuned on training data only).
    keep_threshold: float
    # Blocks in the article's flow (between prose paragraphs, see cleaner/mark/article.py) are
    # removed only under this lower probability: deleting article text costs more than keeping junk.
    flow_threshold: float
    # A block a sequence heuristic marked (a headline run, a line under a related label) is given
    # back when its probability is at least this: an article's own lists have the same shape.
    restore_threshold: float
    about: str

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        """Probability that each row (block) is article text."""
        if not len(rows):
            return np.zeros(0)
        # Histogram boosting splits at values of the training data: compare in float64, as it does.
        columns = np.ascontiguousarray(rows.T, dtype=np.float64).ravel()
        trees, width = self.feature.shape
        samples = len(rows)
        # Flat indices: node n of tree t is t * width + n; value f of sample s is f * samples + s.
        tree_base = np.repeat(np.arange(trees) * width, samples)
        sample_of = np.tile(np.arange(samples), trees)
        feature, threshold = self.feature.ravel(), self.threshold.ravel()
        left, right = self.left.ravel(), self.right.ravel()
        node = tree_base.copy()
        for _ in range(self.depth):
            values = columns.take(feature.take(node) * samples + sample_of)
            child = np.where(values <= threshold.take(node), left.take(node), right.take(node))
            node = np.where(child >= 0, tree_base + child, node)
        raw = self.init + self.learning_rate * self.value.ravel().take(node).reshape(trees, samples).sum(
            axis=0
        )
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0))))

    def save(self, path: Path) -> None:
        """Write the model as a compressed numpy file (no pickled objects)."""
        np.savez_compressed(
            path,
            feature_names=np.array(self.feature_names),
            feature=self.feature.astype(np.int16),
            threshold=self.threshold.astype(np.float64),
            left=self.left.astype(np.int16),
            right=self.right.astype(np.int16),
            value=self.value.astype(np.float64),
            scalars=np.array(
                [
                    self.depth,
                    self.init,
                    self.learning_rate,
                    self.keep_threshold,
                    self.flow_threshold,
                    self.restore_threshold,
                ]
            ),
            about=np.array(self.about),
        )


def load(source: Path) -> TreeEnsemble:
    """Read a model written by `TreeEnsemble.save`."""
    with np.load(source, allow_pickle=False) as data:
        scalars = [float(x) for x in data["scalars"]]
        depth, init, rate, keep = scalars[:4]
        # A model without flow and restore thresholds (the HTML block model) judges every block alike.
        flow, restore = scalars[4:6] if len(scalars) >= 6 else (keep, keep)
        return TreeEnsemble(
            feature_names=tuple(str(name) for name in data["feature_names"]),
            feature=data["feature"].astype(np.int64),
            threshold=data["threshold"],
            left=data["left"].astype(np.int64),
            right=data["right"].astype(np.int64),
            value=data["value"],
            depth=int(depth),
            init=init,
            learning_rate=rate,
            keep_threshold=keep,
            flow_threshold=flow,
            restore_threshold=restore,
            about=str(data["about"]),
        )


@lru_cache(maxsize=4)
def packaged_model(name: str = TEXT_MODEL) -> TreeEnsemble:
    """A model shipped in cleaner/data, loaded once per process."""
    with resources.as_file(resources.files("cleaner.data") / name) as path:
        return load(path)
