"""The eval command and its metric: hand-checked cases, agreement with the benchmark's own scorer,
and the command end to end on the small labelled benchmark in fixtures/eval-bench."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.evaluate import (
    DocumentScore,
    find_pages,
    load_truth,
    score_corpus,
    score_document,
    shingle_counts,
)
from tests.conftest import CLI, FIXTURES

MINI = FIXTURES / "eval-bench"


def test_shingles() -> None:
    assert shingle_counts("a b c") == {("a", "b", "c"): 1}
    assert shingle_counts("") == {}
    assert sum(shingle_counts("one two three four five six").values()) == 3


@pytest.mark.parametrize(
    ("truth", "predicted", "precision", "recall"),
    [
        ("w1 w2 w3 w4 w5", "w1 w2 w3 w4 w5", 1.0, 1.0),
        ("w1 w2 w3 w4 w5", "", 0.0, 0.0),
        ("", "", 1.0, 1.0),
        ("w1 w2 w3 w4 w5 w6", "w1 w2 w3 w4 w5", 1.0, 2 / 3),  # 3 true shingles, 2 found
        ("w1 w2 w3 w4", "w1 w2 w3 w4 x1 x2", 1 / 3, 1.0),
    ],
)
def test_document_scores(truth: str, predicted: str, precision: float, recall: float) -> None:
    score = score_document(truth, predicted)
    assert score.precision == pytest.approx(precision) and score.recall == pytest.approx(recall)


def test_corpus_score_averages_documents() -> None:
    corpus = score_corpus([DocumentScore(1.0, 0.0, 0.0), DocumentScore(0.5, 0.5, 0.0)])
    assert (corpus.precision, corpus.recall, corpus.documents) == (0.75, 1.0, 2)
    assert corpus.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_metric_agrees_with_the_benchmark_scorer(shared: Path) -> None:
    sys.path.insert(0, str(shared / "bench"))
    from score import score_corpus as reference  # type: ignore[import-not-found]

    words = "the port city reopened after storm and ships were unloaded by afternoon officials said".split()
    rng = random.Random(7)
    truth = {str(i): " ".join(rng.choices(words, k=rng.randint(0, 60))) for i in range(60)}
    predicted = {
        key: " ".join(rng.choices(words, k=rng.randint(0, 60))) if rng.random() < 0.5 else text
        for key, text in truth.items()
    }
    expected = reference(truth, predicted)
    ours = score_corpus(score_document(truth[k], predicted[k]) for k in truth)
    assert (ours.f1, ours.precision, ours.recall) == pytest.approx(
        (expected["f1"], expected["precision"], expected["recall"])
    )


def test_benchmark_folder_layout() -> None:
    assert set(load_truth(MINI)) == {"ferry", "library", "orchard"}
    assert set(find_pages(MINI, "html")) == set(find_pages(MINI, "text")) == {"ferry", "library", "orchard"}


@pytest.mark.parametrize("mode", ["html", "text"])
def test_eval_command_end_to_end(mode: str) -> None:
    done = subprocess.run(
        [*CLI, "eval", str(MINI), "--mode", mode, "--json", "--per-doc"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["mode"] == mode and result["documents"] == 3 and not result["missing_pages"]
    assert result["f1"] > 0.9 and result["recall"] > 0.95
    assert {row["id"] for row in result["per_document"]} == {"ferry", "library", "orchard"}
    assert result["removed"]["paywall"] >= 3 and result["removed"]["related_links"] >= 6
    assert len(result["worst"]) == 3


def test_eval_command_prints_a_summary() -> None:
    done = subprocess.run(
        [*CLI, "eval", str(MINI), "--mode", "text", "--worst", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert (
        done.stdout.startswith("text: F1 ") and "worst 1:" in done.stdout and "removed blocks:" in done.stdout
    )


def test_eval_command_usage_errors(tmp_path: Path) -> None:
    done = subprocess.run([*CLI, "eval", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "ground-truth.json" in done.stderr
