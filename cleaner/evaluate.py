"""Score cleaned text against hand-marked article text, the way article-extraction benchmarks do.

The metric (the convention of the Scrapinghub/Zyte article-extraction benchmark, so numbers compare
with its published table): texts are split into word tokens (`\\w+`), tokens are grouped into
overlapping 4-token shingles, and per document

    tp = shingles in both, fp = extra shingles predicted, fn = shingles missed

(counted with multiplicity), each normalised by tp + fp + fn so that every document weighs the same.
Precision and recall are the means over documents; F1 is computed from those two means. A document
with no tokens at all on either side counts as perfect; one side empty scores 0.

A benchmark folder holds `ground-truth.json` (`{id: {"articleBody": text}}` or `{id: text}`) and
the pages, as `html/<id>.html[.gz]` and/or `fulltext/<id>.txt[.gz]`.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.errors import CleanerError
from cleaner.options import CleanOptions
from cleaner.pipeline import clean

SHINGLE_TOKENS = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Where each mode's pages live in a benchmark folder, and the suffixes they may carry.
MODE_FOLDERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "html": ("html", (".html.gz", ".htm.gz", ".html", ".htm")),
    "text": ("fulltext", (".txt.gz", ".txt")),
}


def shingle_counts(text: str, size: int = SHINGLE_TOKENS) -> Counter[tuple[str, ...]]:
    """Token shingles with multiplicity; a text shorter than one shingle is a single shingle."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class DocumentScore:
    """Normalised (tp, fp, fn) of one document, and the precision and recall they imply."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_document(truth: str, predicted: str) -> DocumentScore:
    """Score one document's prediction against its truth."""
    true, pred = shingle_counts(truth), shingle_counts(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return DocumentScore(tp / total, fp / total, fn / total) if total else DocumentScore(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class CorpusScore:
    f1: float
    precision: float
    recall: float
    documents: int


def score_corpus(scores: Iterable[DocumentScore]) -> CorpusScore:
    """Mean precision and recall over documents (each where defined), F1 of the two means."""
    scores = list(scores)
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return CorpusScore(f1, precision, recall, len(scores))


def load_truth(folder: Path) -> dict[str, str]:
    """id -> article text from the folder's ground-truth.json."""
    data = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    if isinstance(data, dict) and set(data) == {"version", "output"}:
        data = data["output"]
    return {
        key: (value.get("articleBody") or "") if isinstance(value, dict) else (value or "")
        for key, value in data.items()
    }


def find_pages(folder: Path, mode: str) -> dict[str, Path]:
    """id -> page file for the mode (`html/` or `fulltext/` under the folder)."""
    subfolder, suffixes = MODE_FOLDERS[mode]
    pages: dict[str, Path] = {}
    for path in sorted((folder / subfolder).glob("*")):
        for suffix in suffixes:
            if path.name.endswith(suffix):
                pages.setdefault(path.name[: -len(suffix)], path)
                break
    return pages


@dataclass
class DocumentRun:
    """One document's prediction, score, and what the cleaner removed (or the error it raised)."""

    id: str
    score: DocumentScore
    removed: dict[str, int] = field(default_factory=dict)
    error: str | None = None


@dataclass
class Evaluation:
    mode: str
    corpus: CorpusScore
    documents: list[DocumentRun]
    removed: dict[str, int]
    missing_pages: list[str]
    seconds: float

    def worst(self, count: int) -> list[DocumentRun]:
        return sorted(self.documents, key=lambda run: (run.score.f1, run.id))[:count]

    def to_dict(self, per_document: bool = False, worst: int = 10) -> dict[str, Any]:
        def row(run: DocumentRun) -> dict[str, Any]:
            return {
                "id": run.id,
                "f1": run.score.f1,
                "precision": run.score.precision,
                "recall": run.score.recall,
                "removed": run.removed,
                "error": run.error,
            }

        result: dict[str, Any] = {
            "mode": self.mode,
            "f1": self.corpus.f1,
            "precision": self.corpus.precision,
            "recall": self.corpus.recall,
            "documents": self.corpus.documents,
            "removed": self.removed,
            "missing_pages": self.missing_pages,
            "seconds": round(self.seconds, 3),
            "worst": [row(run) for run in self.worst(worst)],
        }
        if per_document:
            result["per_document"] = [row(run) for run in sorted(self.documents, key=lambda r: r.id)]
        return result


Predictor = Callable[[bytes], "tuple[str, dict[str, int]]"]


def cleaner_predictor(options: CleanOptions) -> Predictor:
    """A predictor that runs `clean()` with these options."""

    def predict(raw: bytes) -> tuple[str, dict[str, int]]:
        document = clean(raw, options)
        return document.text(), document.removed_counts()

    return predict


def evaluate(folder: Path, mode: str, predict: Predictor) -> Evaluation:
    """Run the predictor over every labelled page of the mode and score it against the truth."""
    truth = load_truth(folder)
    pages = find_pages(folder, mode)
    runs: list[DocumentRun] = []
    removed: Counter[str] = Counter()
    started = time.perf_counter()
    for key, expected in truth.items():
        path = pages.get(key)
        text, counts, error = "", dict[str, int](), None
        if path is None:
            error = "no page for this id"
        else:
            try:
                text, counts = predict(path.read_bytes())
            except CleanerError as exc:
                error = str(exc)
        removed.update(counts)
        runs.append(DocumentRun(key, score_document(expected, text), counts, error))
    elapsed = time.perf_counter() - started
    missing = [run.id for run in runs if run.error == "no page for this id"]
    return Evaluation(
        mode, score_corpus(run.score for run in runs), runs, dict(sorted(removed.items())), missing, elapsed
    )
