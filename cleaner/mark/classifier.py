"""A small gradient-boosted tree ensemble, evaluated with numpy: the block classifier's model.

The model is trained by bench/train_text_model.py (scikit-learn, at training time only) and
shipped as a compressed numpy file in cleaner/data/, so cleaning needs no learning library and no
network. All trees are padded to one shape and walked together, level by level, for every block of
a document at once: a few array operations a level, whatever the number of blocks and trees.

Two walks give the same leaves. A shallow ensemble with few distinct splits (the text model: about
4 a tree, depth 5) compares each row with every split once and then walks every pair to full depth
by lookups. A deep one with many (the HTML model: about 13 a tree, padded to depth 18 while paths
end after about 5 splits) compares as it goes and walks each pair only to its leaf. Each is about
twice as fast as the other on its own model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

TEXT_MODEL = "text_blocks.npz"
# Distinct splits a tree, at most, for the walk that compares each row with every split once.
SHARED_SPLITS_PER_TREE = 8
# The walk to the leaves: steps between removing the pairs that reached one (a check costs a step).
_STEPS_PER_CHECK = 2


@dataclass(frozen=True)
class _FlatTrees:
    """All trees' nodes in one array, for a walk that costs a few array operations a level.

    Node n of tree t is `t * width + n`, and a walk holds it doubled (`2 * node`), so that the next
    node is one lookup: `children[2 * node + goes_right]` (itself doubled; a leaf or padding is its
    own child, so nothing moves once there). The ensemble's splits are few and shared (800 distinct
    (feature, threshold) pairs in 2,500 split nodes of the text model): a page's rows are compared
    with every distinct split once, and each walk step reads that answer by the node's split number.
    """

    roots: np.ndarray  # 2 * each tree's root
    split_feature: np.ndarray  # per distinct split: the feature it reads
    split_threshold: np.ndarray  # ... and the value it compares with
    split: np.ndarray  # per doubled node: its split's number (0 at leaves: read, never used)
    children: np.ndarray  # per doubled node and direction: the doubled child
    value: np.ndarray  # per doubled node: the leaf value

    @staticmethod
    def of(ensemble: TreeEnsemble) -> _FlatTrees:
        trees, width = ensemble.feature.shape
        base = (np.arange(trees) * width)[:, None]
        own = np.arange(width)[None, :] + base
        is_split = ensemble.left >= 0
        left = np.where(is_split, ensemble.left + base, own)
        right = np.where(is_split, ensemble.right + base, own)
        feature = ensemble.feature.astype(np.int64)
        threshold = ensemble.threshold.astype(np.float64)
        pairs, number = np.unique(
            np.stack([feature[is_split].astype(np.float64), threshold[is_split]], axis=1),
            axis=0,
            return_inverse=True,
        )
        split = np.zeros(ensemble.feature.shape, dtype=np.intp)
        split[is_split] = number.ravel()
        return _FlatTrees(
            roots=2 * base.ravel().astype(np.intp),
            split_feature=pairs[:, 0].astype(np.intp),
            split_threshold=pairs[:, 1].copy(),
            split=np.repeat(split.ravel(), 2),
            children=(2 * np.stack([left, right], axis=-1)).ravel().astype(np.intp),
            value=np.repeat(ensemble.value.ravel().astype(np.float64), 2),
        )


@dataclass(frozen=True)
class _FlatNodes:
    """All trees' nodes in one array (node n of tree t at t * width + n), each split node's two
    children side by side (`children[2 * node]` left, `[2 * node + 1]` right, global indices)."""

    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    children: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray

    @staticmethod
    def of(ensemble: TreeEnsemble) -> _FlatNodes:
        trees, width = ensemble.feature.shape
        base = (np.arange(trees) * width)[:, None]
        own = np.arange(width)[None, :] + base
        # A leaf (or padding) is its own child: nothing moves once there.
        left = np.where(ensemble.left >= 0, ensemble.left + base, own)
        right = np.where(ensemble.right >= 0, ensemble.right + base, own)
        return _FlatNodes(
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
        rows = np.ascontiguousarray(rows, dtype=np.float64)
        leaves = self._leaves_by_shared_splits(rows) if self._shares_splits else self._leaves_by_walk(rows)
        raw = self.init + self.learning_rate * leaves.reshape(len(self.feature), len(rows)).sum(axis=0)
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0))))

    @cached_property
    def _shares_splits(self) -> bool:
        return len(self._flat.split_feature) <= SHARED_SPLITS_PER_TREE * len(self.feature)

    def _leaves_by_shared_splits(self, rows: np.ndarray) -> np.ndarray:
        """Each (tree, row) pair's leaf value, tree-major: every distinct split compared once."""
        samples = len(rows)
        flat = self._flat
        trees = len(self.feature)
        # Whether each row goes right at each distinct split (NaN does: `value <= threshold` is false).
        right = (~(rows[:, flat.split_feature] <= flat.split_threshold)).view(np.uint8).ravel()
        # One (tree, sample) walk each, tree-major: walk p is sample p % samples of tree p // samples.
        row = np.tile(np.arange(samples, dtype=np.intp) * len(flat.split_feature), trees)
        node = np.repeat(flat.roots, samples)
        for _ in range(self.depth if len(flat.split_feature) else 0):  # a walk at its leaf stays there
            node = flat.children.take(node + right.take(row + flat.split.take(node)))
        return np.asarray(flat.value.take(node))

    def _leaves_by_walk(self, rows: np.ndarray) -> np.ndarray:
        """Each (tree, row) pair's leaf value, tree-major: each pair compared as it walks, and only
        until its leaf (most paths end far above the deepest one)."""
        samples, features = rows.shape
        values = rows.ravel()
        flat = self._nodes
        node = np.repeat(flat.roots, samples)
        offset = np.tile(np.arange(samples) * features, len(self.feature))
        walking = np.flatnonzero(~flat.is_leaf.take(node))
        at, offset = node.take(walking), offset.take(walking)
        feature, threshold, children = flat.feature, flat.threshold, flat.children
        steps = 0
        while len(walking) and steps < self.depth:
            # Two steps between the checks for leaves: a leaf is its own child, so a pair that got
            # there after one step stays put.
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
        return np.asarray(flat.value.take(node))

    @cached_property
    def _flat(self) -> _FlatTrees:
        return _FlatTrees.of(self)

    @cached_property
    def _nodes(self) -> _FlatNodes:
        return _FlatNodes.of(self)

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


# Probabilities a rounding cannot settle in float arithmetic: this close to halfway between two
# rounded values, the exact decimal rounding decides (a scaled probability's error is about 1e-12).
_NEAR_HALF = 1e-9


def rounded(probabilities: np.ndarray, digits: int = 4) -> list[float]:
    """round(p, digits) of each probability (in [0, 1]), as Python rounds: the nearest double to the
    correctly rounded decimal. Python's round formats every number; here only near-halves are.

    >>> rounded(np.array([0.12345, 0.5, 1 / 3, 0.00005]))
    [0.1235, 0.5, 0.3333, 0.0001]
    """
    scale = 10.0**digits
    scaled = probabilities * scale
    # k / 10**digits, both exact in a double, divides to the nearest double of the decimal.
    found = (np.rint(scaled) / scale).tolist()
    for number in np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < _NEAR_HALF).tolist():
        found[number] = round(float(probabilities[number]), digits)
    return found


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
