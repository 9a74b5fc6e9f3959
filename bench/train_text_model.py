"""Train the plain-text block classifier on one half of the shared benchmark; score it on the other.

The split: pages are grouped by site (the host of their URL, without "www.") and a site goes to
part A when the first byte of the SHA-1 of its host is even, else to part B. The model is trained
on part A only; its decision threshold is tuned by 4-fold cross-validation inside part A (folds by
site); part B is scored once, at the end, and never seen before. Use --train-on B to train on B and
score A instead (the cross-check reported in docs/quality.md).

Labels: a block of 4+ words is article text when at least half of its 4-word shingles are in the
page's hand-marked article; a shorter block when its words appear in that order in the article.

Writes cleaner/data/text_blocks.npz (see cleaner/mark/classifier.py) unless --dry-run.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from _shared import PAGES, part_of, require_shared
from sklearn.ensemble import GradientBoostingClassifier

from cleaner import CleanOptions, Reason, clean
from cleaner.document import Document
from cleaner.evaluate import load_truth, score_corpus, score_document, shingle_counts
from cleaner.mark.classifier import TEXT_MODEL, TreeEnsemble
from cleaner.mark.features import FEATURE_NAMES, document_features

MODEL_PATH = Path(__file__).resolve().parents[1] / "cleaner" / "data" / TEXT_MODEL
# Chosen by the cross-validated F1 inside each training part (never by the held-out part): shallow
# trees with large leaves generalise better than deeper ones across sites.
HYPERPARAMETERS = {
    "n_estimators": 150,
    "max_depth": 4,
    "learning_rate": 0.05,
    "min_samples_leaf": 40,
    "subsample": 0.8,
    "random_state": 7,
}
# Experiments: HP='{"max_depth": 3}' overrides entries for one run.
HYPERPARAMETERS.update(ast.literal_eval(os.environ.get("HP", "{}")))
THRESHOLDS = np.round(np.arange(0.2, 0.71, 0.05), 2)
_TOKEN = re.compile(r"\w+")


def labels(document: Document, truth: str) -> np.ndarray:
    truth_tokens = _TOKEN.findall(truth)
    truth_shingles = set(shingle_counts(truth))
    truth_line = f" {' '.join(truth_tokens)} "
    result = []
    for block in document.blocks:
        tokens = _TOKEN.findall(block.text)
        if len(tokens) >= 4:
            shingles = set(shingle_counts(block.text))
            result.append(len(shingles & truth_shingles) / len(shingles) >= 0.5)
        else:
            result.append(bool(tokens) and f" {' '.join(tokens)} " in truth_line)
    return np.array(result)


def export(model: GradientBoostingClassifier, threshold: float, about: str) -> TreeEnsemble:
    """The fitted scikit-learn ensemble as padded numpy arrays (checked against sklearn below)."""
    trees = [estimator[0].tree_ for estimator in model.estimators_]
    width = max(tree.node_count for tree in trees)

    def padded(attribute: str, fill: float) -> np.ndarray:
        out = np.full((len(trees), width), fill, dtype=float)
        for i, tree in enumerate(trees):
            values = getattr(tree, attribute)
            out[i, : tree.node_count] = (
                values.reshape(tree.node_count, -1)[:, 0] if values.ndim > 1 else values
            )
        return out

    prior = model.init_.class_prior_[1]
    return TreeEnsemble(
        feature_names=FEATURE_NAMES,
        feature=np.maximum(padded("feature", 0), 0).astype(np.int64),
        threshold=padded("threshold", 0.0),
        left=padded("children_left", -1).astype(np.int64),
        right=padded("children_right", -1).astype(np.int64),
        value=padded("value", 0.0),
        depth=max(tree.max_depth for tree in trees),
        init=float(np.log(prior / (1 - prior))),
        learning_rate=float(model.learning_rate),
        keep_threshold=threshold,
        about=about,
    )


def score_with(
    documents: dict[str, Document],
    probabilities: dict[str, np.ndarray],
    truth: dict[str, str],
    threshold: float,
) -> float:
    scores = []
    for key, document in documents.items():
        kept = [
            b.text
            for b, p in zip(document.blocks, probabilities[key], strict=True)
            if b.kept and p >= threshold
        ]
        scores.append(score_document(truth[key], "\n".join(kept)))
    return score_corpus(scores).f1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train-on", choices=("A", "B"), default="A")
    parser.add_argument("--dry-run", action="store_true", help="score only; do not write the model file")
    args = parser.parse_args()
    require_shared()
    import json

    truth = load_truth(PAGES)
    urls = {k: v["url"] for k, v in json.loads((PAGES / "ground-truth.json").read_text()).items()}
    # The page as the classifier sees it in clean(): marked by the rule steps, not yet by dedup.
    options = CleanOptions(
        format="text", reasons=frozenset(set(Reason) - {Reason.OUTSIDE_ARTICLE, Reason.DUPLICATE})
    )
    started = time.perf_counter()
    documents = {key: clean((PAGES / "fulltext" / f"{key}.txt").read_bytes(), options) for key in truth}
    features = {key: document_features(document) for key, document in documents.items()}
    targets = {key: labels(document, truth[key]) for key, document in documents.items()}
    print(f"features for {len(documents)} pages in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    train = [k for k in truth if part_of(urls[k]) == args.train_on]
    held_out = [k for k in truth if part_of(urls[k]) != args.train_on]

    def fit(keys: list[str]) -> GradientBoostingClassifier:
        model = GradientBoostingClassifier(**HYPERPARAMETERS)
        return model.fit(np.vstack([features[k] for k in keys]), np.concatenate([targets[k] for k in keys]))

    # Threshold: 4-fold cross-validation inside the training part, folds by site.
    folds: dict[int, list[str]] = {}
    for key in train:
        host = (urlparse(urls[key]).hostname or "").removeprefix("www.")
        folds.setdefault(hashlib.sha1(host.encode()).digest()[1] % 4, []).append(key)
    out_of_fold: dict[str, np.ndarray] = {}
    for fold_keys in folds.values():
        model = fit([k for k in train if k not in set(fold_keys)])
        for key in fold_keys:
            out_of_fold[key] = model.predict_proba(features[key])[:, 1]
    train_documents = {k: documents[k] for k in train}
    curve = {float(t): score_with(train_documents, out_of_fold, truth, float(t)) for t in THRESHOLDS}
    print("cross-validated F1 by threshold: " + ", ".join(f"{t:.2f}: {f1:.4f}" for t, f1 in curve.items()))
    threshold = max(curve, key=lambda t: curve[t])
    print(
        f"threshold {threshold} (cross-validated F1 {score_with(train_documents, out_of_fold, truth, float(threshold)):.4f})"
    )

    model = fit(train)
    about = (
        f"trained on part {args.train_on} ({len(train)} pages of the shared benchmark), "
        f"held out {len(held_out)}; {HYPERPARAMETERS}"
    )
    ensemble = export(model, float(threshold), about)
    rows = np.vstack([features[k] for k in held_out])
    assert np.allclose(ensemble.predict_proba(rows), model.predict_proba(rows)[:, 1]), (
        "export differs from sklearn"
    )
    held_documents = {k: documents[k] for k in held_out}
    held_probabilities = {k: ensemble.predict_proba(features[k]) for k in held_out}
    for name, keys, probabilities in (
        ("held-out", held_out, held_probabilities),
        ("training", train, {k: ensemble.predict_proba(features[k]) for k in train}),
    ):
        chosen = {k: documents[k] for k in keys}
        scores = [
            score_document(
                truth[k],
                "\n".join(
                    b.text
                    for b, p in zip(chosen[k].blocks, probabilities[k], strict=True)
                    if b.kept and p >= threshold
                ),
            )
            for k in keys
        ]
        corpus = score_corpus(scores)
        print(
            f"{name} part ({len(keys)} pages): F1 {corpus.f1:.4f}  precision {corpus.precision:.4f}  recall {corpus.recall:.4f}"
        )
    del held_documents
    if not args.dry_run:
        ensemble.save(MODEL_PATH)
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
