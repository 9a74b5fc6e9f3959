"""Run systems over a labelled folder and score them: overall, per page type, snippets, paragraphs.

Every system sees the same pages in the same run, so differences between them are not differences
between machines or days. Pages may be spread over processes (`jobs`); results keep label order.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.errors import CleanerError
from cleaner.evaluate.labels import LabelledPage, find_pages, load_labels
from cleaner.evaluate.metric import (
    CorpusScore,
    DocumentScore,
    paragraphs_lost,
    score_corpus,
    score_document,
    snippet_form,
    snippets_found,
)
from cleaner.evaluate.systems import Prediction, Predictor

NO_PAGE = "no page for this id"


@dataclass
class DocumentRun:
    """One document's prediction scored: shingles, snippets, paragraphs, and what was removed."""

    id: str
    page_type: str
    score: DocumentScore
    removed: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    content_lost: int = 0
    content_snippets: int = 0
    junk_left: int = 0
    junk_snippets: int = 0
    paragraphs_lost: int = 0
    paragraphs: int = 0


@dataclass(frozen=True)
class Summary:
    """A system over a set of documents."""

    corpus: CorpusScore
    # Shares of labelled snippets: content missing from the output, boilerplate left in it (None: no labels).
    content_lost: float | None
    junk_left: float | None
    # Share of the truth's paragraphs lost, and how many documents lost more than one.
    paragraphs_lost: float | None
    documents_losing_paragraphs: int


def summarize(runs: Iterable[DocumentRun]) -> Summary:
    """Pool the documents' counts (snippet and paragraph shares are over all snippets and paragraphs)."""
    runs = list(runs)

    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    return Summary(
        score_corpus(run.score for run in runs),
        share(sum(r.content_lost for r in runs), sum(r.content_snippets for r in runs)),
        share(sum(r.junk_left for r in runs), sum(r.junk_snippets for r in runs)),
        share(sum(r.paragraphs_lost for r in runs), sum(r.paragraphs for r in runs)),
        sum(1 for r in runs if r.paragraphs_lost > 1),
    )


@dataclass
class SystemRun:
    """Every document of one system, with the time it took."""

    name: str
    documents: list[DocumentRun]
    seconds: float

    def summary(self, page_type: str | None = None) -> Summary:
        return summarize(run for run in self.documents if page_type in (None, run.page_type))

    @property
    def removed(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for run in self.documents:
            counts.update(run.removed)
        return dict(sorted(counts.items()))

    def worst(self, count: int) -> list[DocumentRun]:
        return sorted(self.documents, key=lambda run: (run.score.f1, run.id))[:count]


@dataclass
class Evaluation:
    """The systems' runs over one folder and mode; the first system is the one under test."""

    mode: str
    systems: list[SystemRun]
    missing_pages: list[str]

    @property
    def main(self) -> SystemRun:
        return self.systems[0]

    @property
    def page_types(self) -> list[str]:
        return sorted({run.page_type for run in self.main.documents})


Progress = Callable[[int], None]


def evaluate(
    folder: Path,
    mode: str,
    systems: Mapping[str, Predictor],
    *,
    ids: Iterable[str] | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Evaluation:
    """Run each system over the labelled pages of the mode (all, or those in `ids`) and score them.

    `progress` is called with 1 for every page done, across all systems.
    """
    labels = load_labels(folder)
    if ids is not None:
        wanted = set(ids)
        labels = {key: page for key, page in labels.items() if key in wanted}
    pages = find_pages(folder, mode)
    missing = [key for key in labels if key not in pages]
    runs = [_run_system(name, predict, labels, pages, jobs, progress) for name, predict in systems.items()]
    return Evaluation(mode, runs, missing)


def _run_system(
    name: str,
    predict: Predictor,
    labels: Mapping[str, LabelledPage],
    pages: Mapping[str, Path],
    jobs: int,
    progress: Progress | None,
) -> SystemRun:
    started = time.perf_counter()
    keys = list(labels)
    paths = [pages.get(key) for key in keys]
    documents = []
    for key, outcome in zip(keys, _predictions(predict, paths, jobs), strict=True):
        documents.append(_scored(labels[key], *outcome))
        if progress is not None:
            progress(1)
    return SystemRun(name, documents, time.perf_counter() - started)


def _predictions(
    predict: Predictor, paths: list[Path | None], jobs: int
) -> Iterator[tuple[Prediction, str | None]]:
    if jobs <= 1:
        yield from (_predict_one(predict, path) for path in paths)
        return
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(_predict_one, [predict] * len(paths), paths, chunksize=4)


def _predict_one(predict: Predictor, path: Path | None) -> tuple[Prediction, str | None]:
    if path is None:
        return ("", {}), NO_PAGE
    try:
        return predict(path.read_bytes()), None
    except CleanerError as exc:
        return ("", {}), str(exc)


def _scored(page: LabelledPage, prediction: Prediction, error: str | None) -> DocumentRun:
    text, removed = prediction
    found = snippet_form(text)
    lost, paragraphs = paragraphs_lost(page.truth, text)
    return DocumentRun(
        page.id,
        page.page_type,
        score_document(page.truth, text),
        removed,
        error,
        content_lost=len(page.must_keep) - snippets_found(page.must_keep, found),
        content_snippets=len(page.must_keep),
        junk_left=snippets_found(page.must_drop, found),
        junk_snippets=len(page.must_drop),
        paragraphs_lost=lost,
        paragraphs=paragraphs,
    )
