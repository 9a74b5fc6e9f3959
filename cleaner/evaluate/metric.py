"""Score cleaned text against hand-marked article text, the way article-extraction benchmarks do.

The metric (the convention of the Scrapinghub/Zyte article-extraction benchmark, so numbers compare
with its published table): texts are split into word tokens (`\\w+`), tokens are grouped into
overlapping 4-token shingles, and per document

    tp = shingles in both, fp = extra shingles predicted, fn = shingles missed

(counted with multiplicity), each normalised by tp + fp + fn so that every document weighs the same.
Precision and recall are the means over documents; F1 is computed from those two means. A document
with no tokens at all on either side counts as perfect; one side empty scores 0.

Beside the shingle metric, two direct measures of what a reader sees: labelled snippets of content
that must stay (`with`) and of boilerplate that must go (`without`), found in the output or not, and
the article's paragraphs that the output lost.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_TOKENS = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")
# A paragraph of the truth is lost when less than this share of its shingles is in the output.
PARAGRAPH_KEPT_SHARE = 0.5


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


def snippet_form(text: str) -> str:
    """The form snippets are looked for in: Unicode compatibility forms folded, whitespace collapsed.

    Case and punctuation stay: a snippet is a literal piece of the page, and "Share" found inside
    "shared" would say nothing.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def snippets_found(snippets: Iterable[str], predicted_form: str) -> int:
    """How many of the snippets occur in the output (given in `snippet_form`)."""
    return sum(1 for snippet in snippets if (wanted := snippet_form(snippet)) and wanted in predicted_form)


def paragraphs_lost(truth: str, predicted: str) -> tuple[int, int]:
    """(lost, total) paragraphs of the truth: its lines that are mostly missing from the output.

    A line of a shingle or more is kept when at least `PARAGRAPH_KEPT_SHARE` of its shingles are in
    the output; a shorter line (a heading, a list item) when its words stand together in it.
    """
    found = set(shingle_counts(predicted))
    words = f" {' '.join(_TOKEN.findall(predicted))} "
    lost = total = 0
    for line in truth.splitlines():
        tokens = _TOKEN.findall(line)
        if not tokens:
            continue
        total += 1
        if len(tokens) < SHINGLE_TOKENS:
            lost += f" {' '.join(tokens)} " not in words
            continue
        wanted = set(shingle_counts(line))
        lost += len(wanted & found) < PARAGRAPH_KEPT_SHARE * len(wanted)
    return lost, total
