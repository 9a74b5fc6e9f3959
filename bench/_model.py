"""Pieces shared by the scripts that train block models: labels from hand-marked text, and a fitted
scikit-learn histogram gradient boosting model exported to the numpy form cleaning uses."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from cleaner.mark.classifier import TreeEnsemble

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def block_labels(texts: Sequence[str], truth: str) -> np.ndarray:
    """Per block, the share of it that the hand-marked article holds (the benchmark's 4-token shingles;
    a block shorter than a shingle: 1.0 when its words stand together in the article, else 0.0)."""
    truth_tokens = _TOKEN.findall(truth)
    truth_shingles = _shingles(truth_tokens)
    truth_line = f" {' '.join(truth_tokens)} "
    shares = np.zeros(len(texts))
    for index, text in enumerate(texts):
        tokens = _TOKEN.findall(text)
        if len(tokens) >= SHINGLE:
            found = _shingles(tokens)
            shares[index] = len(found & truth_shingles) / len(found)
        elif tokens:
            shares[index] = float(f" {' '.join(tokens)} " in truth_line)
    return shares


def export_histogram_model(
    model: HistGradientBoostingClassifier,
    names: tuple[str, ...],
    threshold: float,
    about: str,
    flow: float | None = None,
    restore: float | None = None,
) -> TreeEnsemble:
    """A fitted binary HistGradientBoostingClassifier as padded numpy arrays (leaf values already
    carry the learning rate; the raw score starts at the model's baseline). `flow` and `restore`:
    the text model's lower thresholds (cleaner.mark.article); a model without them judges every
    block alike."""
    trees = [predictors[0].nodes for predictors in model._predictors]
    width = max(len(nodes) for nodes in trees)
    feature = np.zeros((len(trees), width), dtype=np.int64)
    threshold_ = np.zeros((len(trees), width))
    left = np.full((len(trees), width), -1, dtype=np.int64)
    right = np.full((len(trees), width), -1, dtype=np.int64)
    value = np.zeros((len(trees), width))
    for i, nodes in enumerate(trees):
        count = len(nodes)
        leaf = nodes["is_leaf"].astype(bool)
        # Node fields are unsigned: widen before -1 marks a leaf (else -1 wraps to 2**32 - 1).
        feature[i, :count] = np.where(leaf, 0, nodes["feature_idx"].astype(np.int64))
        threshold_[i, :count] = nodes["num_threshold"]
        left[i, :count] = np.where(leaf, -1, nodes["left"].astype(np.int64))
        right[i, :count] = np.where(leaf, -1, nodes["right"].astype(np.int64))
        value[i, :count] = nodes["value"]
    return TreeEnsemble(
        feature_names=names,
        feature=feature,
        threshold=threshold_,
        left=left,
        right=right,
        value=value,
        depth=int(max(nodes["depth"].max() for nodes in trees)) + 1,
        init=float(np.ravel(model._baseline_prediction)[0]),
        learning_rate=1.0,
        keep_threshold=threshold,
        flow_threshold=threshold if flow is None else flow,
        restore_threshold=threshold if restore is None else restore,
        about=about,
    )
