"""Scoring the cleaner on labelled pages: the benchmark metric, snippet and paragraph measures, and
the baselines (trafilatura's settings, no cleaning) in the same run; `article-cleaner eval`.

May use `cleaner.pipeline`, `cleaner.read` and the core types.
"""

from cleaner.evaluate.labels import (
    MODE_FOLDERS,
    LabelledPage,
    LabelsError,
    find_pages,
    load_labels,
    load_truth,
)
from cleaner.evaluate.metric import (
    CorpusScore,
    DocumentScore,
    paragraphs_lost,
    score_corpus,
    score_document,
    shingle_counts,
    snippet_form,
    snippets_found,
)
from cleaner.evaluate.report import to_dict, to_table
from cleaner.evaluate.run import DocumentRun, Evaluation, Summary, SystemRun, evaluate, summarize
from cleaner.evaluate.systems import (
    CLEANER,
    CleanerSystem,
    Predictor,
    TrafilaturaSystem,
    UncleanedSystem,
    baselines,
)

__all__ = [
    "CLEANER",
    "MODE_FOLDERS",
    "CleanerSystem",
    "CorpusScore",
    "DocumentRun",
    "DocumentScore",
    "Evaluation",
    "LabelledPage",
    "LabelsError",
    "Predictor",
    "Summary",
    "SystemRun",
    "TrafilaturaSystem",
    "UncleanedSystem",
    "baselines",
    "evaluate",
    "find_pages",
    "load_labels",
    "load_truth",
    "paragraphs_lost",
    "score_corpus",
    "score_document",
    "shingle_counts",
    "snippet_form",
    "snippets_found",
    "summarize",
    "to_dict",
    "to_table",
]
