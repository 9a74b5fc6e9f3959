"""A small gradient-boosted tree ensemble, evaluated with numpy: the block classifier's model.

The model is trained by bench/train_text_model.py (scikit-learn, at training time only) and
shipped as a compressed numpy file in cleaner/data/, so cleaning needs no learning library and no
network. All trees are padded to one shape and walked together, level by level, for every block of
a document at once; a walk stops at its leaf, so the cost follows the paths, not the deepest tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

TEXT_MODEL = "text_blocks.npz"
# Walk steps between removing the pairs that reached a leaf (see TreeEnsemble.predict_proba).
_STEPS_PER_CHECK = 2


@dataclass(frozen=True)
class _FlatTrees:
    """All trees' nodes in one array (node n of tree t at t * width + n), each split node's two
    children side by side (`children[2 * node]` left, `[2 * node + 1]` right, global indices)."""

    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    children: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray

    @staticmethod
    def of(ensemble: TreeEnsemble) -> _FlatTrees:
        trees, width = ensemble.feature.shape
        base = (np.arange(trees) * width)[:, None]
        own = np.arange(width)[None, :] + base
        # A leaf (or padding) is its own child: nothing moves once there.
        left = np.where(ensemble.left >= 0, ensemble.left + base, own)
        right = np.where(ensemble.right >= 0, ensemble.right + base, own)
        return _FlatTrees(
            roots=base.ravel(),
            feature=ensemble.feature.ravel().astype(np.int64),
            threshold=ensemble.threshold.ravel().astype(np.float64),
            children=np.stack([left, right], axis=-1).ravel(),
            is_leaf=(ensemble.left < 0).ravel(),
            value=ensemble.value.ravel(),
        )


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
        values = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        samples, features = rows.shape
        flat = self._flat
        trees = len(self.feature)
        # One (tree, sample) pair per walk, tree-major: pair p is sample p % samples of tree p // samples.
        node = np.repeat(flat.roots, samples)
        offset = np.tile(np.arange(samples) * features, trees)
        # Only the pairs not yet at a leaf are walked on: most paths end far above the deepest one.
        walking = np.flatnonzero(~flat.is_leaf.take(node))
        at, offset = node.take(walking), offset.take(walking)
        feature, threshold, children = flat.feature, flat.threshold, flat.children
        steps = 0
        while len(walking) and steps < self.depth:
            # Two steps between the checks for leaves: a leaf is its own child, so a pair that got
            # there after one step stays put, and a check costs as much as a step.
            for _ in range(_STEPS_PER_CHECK):
                # NaN goes right, as `value <= threshold` is false for it.
                right = ~(values.take(offset + feature.take(at)) <= threshold.take(at))
                at = children.take(at * 2 + right)
            steps += _STEPS_PER_CHECK
            # Every walking pair's node is noted (the finished ones' for good), then only the
            # unfinished go on: `take` over their positions is cheaper than boolean masks.
            node[walking] = at
            going = np.flatnonzero(~flat.is_leaf.take(at))
            walking, at, offset = walking.take(going), at.take(going), offset.take(going)
        raw = self.init + self.learning_rate * flat.value.take(node).reshape(trees, samples).sum(axis=0)
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0))))

    @cached_property
    def _flat(self) -> _FlatTrees:
        return _FlatTrees.of(self)

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
