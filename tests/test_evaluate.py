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
    CLEANER,
    CleanerSystem,
    DocumentScore,
    UncleanedSystem,
    evaluate,
    find_pages,
    load_labels,
    load_truth,
    paragraphs_lost,
    score_corpus,
    score_document,
    shingle_counts,
    snippet_form,
    snippets_found,
    to_dict,
)
from cleaner.options import CleanOptions
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
    # The labelled snippets: every content snippet kept, every junk snippet gone.
    assert result["content_lost"] == 0.0 and result["junk_left"] == 0.0
    assert result["paragraphs_lost"] == 0.0 and result["documents_losing_paragraphs"] == 0
    assert set(result["per_type"]) == {"article"}
    # The baselines ran on the same pages: trafilatura's settings for HTML, no cleaning for text.
    expected = {"html": {"trafilatura default", "trafilatura, comments off", "trafilatura, favor_precision"}}
    assert set(result["baselines"]) == expected.get(mode, {"no cleaning"})
    if mode == "text":
        uncleaned = result["baselines"]["no cleaning"]
        assert uncleaned["junk_left"] == 1.0 and uncleaned["precision"] < result["precision"]


def test_eval_command_prints_a_summary() -> None:
    done = subprocess.run(
        [*CLI, "eval", str(MINI), "--mode", "text", "--worst", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("text: 3 documents")
    assert "worst 1:" in done.stdout and "removed blocks:" in done.stdout
    systems = [line.split()[0] for line in done.stdout.splitlines() if line.startswith(("article-", "no "))]
    assert systems == ["article-cleaner", "no"]  # one row per system: the cleaner, then no cleaning


def test_eval_without_baselines_runs_the_cleaner_alone() -> None:
    done = subprocess.run(
        [*CLI, "eval", str(MINI), "--mode", "text", "--json", "--no-baselines", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["baselines"] == {}


def test_eval_command_usage_errors(tmp_path: Path) -> None:
    done = subprocess.run([*CLI, "eval", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "ground-truth.json" in done.stderr


@pytest.mark.parametrize(
    ("snippet", "output", "found"),
    [
        ("Storm warning issued", "Storm  warning\nissued for the coast", True),  # whitespace folds
        ("ﬁnal report", "the final report", True),  # compatibility forms fold
        ("Share", "shared the report", False),  # case stays: a literal piece of the page
        ("Share", "Share this", True),
        ("   ", "anything", False),  # an empty snippet is never "found"
    ],
)
def test_snippets_are_found_as_literal_pieces(snippet: str, output: str, found: bool) -> None:
    assert snippets_found([snippet], snippet_form(output)) == int(found)


def test_paragraphs_lost_counts_truth_lines_mostly_missing() -> None:
    truth = "one two three four five six\nseven eight nine ten eleven\n\nshort"
    assert paragraphs_lost(truth, truth) == (0, 3)
    assert paragraphs_lost(truth, "one two three four five six") == (2, 3)
    # Half of a paragraph's shingles is enough to call it kept (a trimmed sentence is not a lost one).
    assert paragraphs_lost("a b c d e f", "a b c d e") == (0, 1)
    assert paragraphs_lost("a b c d e f g h", "a b c d") == (1, 1)


def test_per_type_and_snippet_rates_are_pooled(tmp_path: Path) -> None:
    (tmp_path / "fulltext").mkdir()
    labels = {
        "a1": ("article", "The bridge reopens in May after repairs.", ["bridge reopens"], ["Subscribe now"]),
        "f1": ("forum", "I had the same problem with my router.", ["same problem"], ["Reply", "Quote"]),
        "f2": ("forum", "Restarting it twice fixed it for me.", ["fixed it"], ["Reply"]),
    }
    truth = {}
    for key, (kind, text, keep, drop) in labels.items():
        truth[key] = {"articleBody": text, "page_type": kind, "with": keep, "without": drop}
        (tmp_path / "fulltext" / f"{key}.txt").write_text(f"{text}\n" + "\n".join(drop), encoding="utf-8")
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    assert load_labels(tmp_path)["f1"].must_drop == ("Reply", "Quote")
    evaluation = evaluate(tmp_path, "text", {"as is": UncleanedSystem()})
    assert evaluation.page_types == ["article", "forum"]
    forum = evaluation.main.summary("forum")
    assert (forum.corpus.documents, forum.junk_left, forum.content_lost) == (2, 1.0, 0.0)
    everything = to_dict(evaluation)
    assert everything["junk_left"] == 1.0 and set(everything["per_type"]) == {"article", "forum"}


def test_evaluate_can_score_a_subset_of_ids() -> None:
    system = CleanerSystem(CleanOptions(format="text"))
    evaluation = evaluate(MINI, "text", {CLEANER: system}, ids=["ferry", "orchard"])
    assert sorted(run.id for run in evaluation.main.documents) == ["ferry", "orchard"]
