"""Across documents: the corpus stages, the --dedup directory batch, and site boilerplate."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient

from bench.textgen import article, paragraph
from cleaner import CleanOptions, Reason, clean
from cleaner.batch.dedup import DUPLICATES_NAME, run_dedup_batch
from cleaner.near.corpus import (
    IndexParams,
    bucket_pairs,
    candidate_pairs,
    choose_keeper,
    connected_components,
    verify_pairs,
)
from cleaner.near.site_boilerplate import count_per_story, mark_site_boilerplate, site_of
from service.app import create_app
from service.settings import Settings
from tests.conftest import CLI, FIXTURES

TEXT = CleanOptions(format="text")
PROMOS = {
    "valley": "The Valley Courier is printed every weekday at the old mill on River Road.",
    "harbour": "The Harbour Times is an independent newsroom funded by readers like you.",
    "ridge": "Corrections and clarifications can be sent to the Ridge Post standards desk.",
}


def _corpus(root: Path, seed: int = 7) -> dict[str, list[str]]:
    """Three sites of five stories, each story ending in its site's promo, plus planted variants."""
    rng = random.Random(seed)
    written: dict[str, list[str]] = {}
    for site, promo in PROMOS.items():
        for number in range(5):
            written[f"{site}/{number}.txt"] = [*article(rng, (4, 6)), promo]
    story = written["valley/0.txt"]
    written["valley/0-scraped-again.txt"] = story  # the same story scraped twice
    written["harbour/9-syndicated.txt"] = ["From the Valley Courier wire", *story[1:-1], PROMOS["harbour"]]
    written["ridge/9-updated.txt"] = [*story[:-1], paragraph(rng), paragraph(rng), PROMOS["ridge"]]
    for name, lines in written.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("\n\n".join(lines))
    return written


def _report(out: Path) -> dict[str, dict[str, Any]]:
    return {r["path"]: r for r in map(json.loads, (out / "report.jsonl").read_text().splitlines())}


def test_stages() -> None:
    assert list(bucket_pairs([3, 1, 2, 1])) == [(1, 2), (1, 3), (2, 3)]
    entries = [((0, 10), 0), ((0, 10), 1), ((1, 7), 1), ((1, 7), 2), ((1, 8), 3)]
    assert candidate_pairs(entries) == {(0, 1), (1, 2)}
    signatures = np.array([[1, 2, 3, 4], [1, 2, 3, 9], [1, 8, 8, 9], [5, 6, 7, 8]], dtype=np.uint32)
    params = IndexParams(num_perm=4, bands=2, rows=2, shingle_words=3, threshold=0.5)
    assert verify_pairs({(0, 1), (1, 2), (0, 3)}, signatures, params) == [(0, 1, 0.75), (1, 2, 0.5)]
    assert connected_components([(4, 5, 0.9), (0, 1, 0.75), (1, 2, 0.5)]) == [[0, 1, 2], [4, 5]]
    assert choose_keeper([0, 1, 2], [10, 30, 30]) == 1


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.Example.com/a/b", "example.com"),
        ("http://news.example.co.uk:8080/x", "news.example.co.uk"),
        ("example.org/page", "example.org"),
        (None, "fallback"),
        ("", "fallback"),
        ("not a url at all", "fallback"),
        ("http://[broken", "fallback"),
        ("/relative/path", "fallback"),
    ],
)
def test_site_of(url: str | None, site: str) -> None:
    assert site_of(url, "fallback") == site


def test_batch_keeps_one_article_per_cluster_and_reports_the_rest(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    run_dedup_batch(tmp_path / "in", tmp_path / "out", TEXT, jobs=1)
    clusters = [json.loads(line) for line in (tmp_path / "out" / DUPLICATES_NAME).read_text().splitlines()]
    assert len(clusters) == 1
    members = {m["path"] for m in clusters[0]["members"]}
    planted = {
        "valley/0.txt",
        "valley/0-scraped-again.txt",
        "harbour/9-syndicated.txt",
        "ridge/9-updated.txt",
    }
    assert members == planted and clusters[0]["keep"] == "ridge/9-updated.txt"  # the longest
    report = _report(tmp_path / "out")
    assert len(report) == 18 and all(r["status"] == "ok" for r in report.values())
    for path in planted - {"ridge/9-updated.txt"}:
        assert report[path]["duplicate_of"] == "ridge/9-updated.txt" and report[path]["output"] is None
        assert 0.5 <= report[path]["similarity"] <= 1.0
        assert not (tmp_path / "out" / path).exists()
    assert "duplicate_of" not in report["ridge/9-updated.txt"]


def test_keep_all_writes_every_article_and_only_reports(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    run_dedup_batch(tmp_path / "in", tmp_path / "out", TEXT, keep="all")
    report = _report(tmp_path / "out")
    assert sum("duplicate_of" in r for r in report.values()) == 3
    assert all((tmp_path / "out" / r["output"]).exists() for r in report.values())


def test_site_boilerplate_counts_stories_not_copies(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    run_dedup_batch(tmp_path / "in", tmp_path / "out", TEXT, keep="all")
    for site, promo in PROMOS.items():
        text = (tmp_path / "out" / site / "1.txt").read_text()
        assert promo not in text and text.strip()
    # The story scraped four times is one story: its own paragraphs are not boilerplate of valley/.
    story = (tmp_path / "in" / "valley/0.txt").read_text().split("\n\n")
    kept = (tmp_path / "out" / "ridge/9-updated.txt").read_text()
    assert all(line in kept for line in story[:-1])
    report = _report(tmp_path / "out")
    assert report["valley/1.txt"]["removed"] == {"site_boilerplate": 1}
    document = clean((tmp_path / "in" / "valley/1.txt").read_bytes(), TEXT)
    mark_site_boilerplate(document, {"x": 3}, "valley/", TEXT)  # nothing counted for its blocks
    assert not document.removed_counts()


def test_site_boilerplate_threshold_is_configurable_and_explained(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    run_dedup_batch(tmp_path / "in", tmp_path / "high", CleanOptions(format="text", site_min_docs=7))
    assert "site_boilerplate" not in json.dumps(_report(tmp_path / "high"))
    result = subprocess.run(
        [*CLI, "clean", str(tmp_path / "in"), "-o", str(tmp_path / "cli"), "--dedup", "--site-min-docs", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "3 near-duplicate articles dropped" in result.stderr
    assert _report(tmp_path / "cli")["harbour/2.txt"]["removed"] == {"site_boilerplate": 1}
    counts = count_per_story([("s", 0, ["a", "b"]), ("s", 0, ["a"]), ("s", 1, ["a"]), ("t", 2, ["a"])])
    assert counts == {("s", "a"): 2, ("s", "b"): 1, ("t", "a"): 1}


def test_batch_output_does_not_depend_on_jobs(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    trees = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        run_dedup_batch(tmp_path / "in", out, TEXT, jobs=jobs)
        trees.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        )
    assert trees[0] == trees[1]


def test_cli_dedup_needs_a_directory(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("One paragraph of text for the test.")
    result = subprocess.run([*CLI, "clean", str(page), "--dedup"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "directory" in result.stderr


def test_service_collection_learns_site_boilerplate() -> None:
    rng = random.Random(11)
    with TestClient(create_app(Settings(site_min_docs=3))) as client:
        answers = []
        for number in range(4):
            lines = [*article(rng, (3, 4)), PROMOS["valley"]]
            response = client.post(
                "/v1/clean",
                json={
                    "content": "\n".join(lines),
                    "format": "text",
                    "url": f"https://www.valley.example/story/{number}",
                    "dedup": {"collection": "sites"},
                    "explain": True,
                },
            )
            answers.append(response.json())
    assert [PROMOS["valley"] in a["text"] for a in answers] == [True, True, False, False]
    marked = [b for b in answers[2]["blocks"] if b["removed"] == Reason.SITE_BOILERPLATE]
    assert len(marked) == 1 and "seen on 3 different stories of site valley.example" in marked[0]["why"]


def test_site_boilerplate_fixture_corpus(tmp_path: Path) -> None:
    """fixtures/site-corpus: four pages of one site; its sign-offs are learnt, its articles stay."""
    corpus = FIXTURES / "site-corpus"
    expect = json.loads((corpus / "expect.json").read_text())
    pages = sorted(corpus.glob("*.txt"))
    options = CleanOptions(format=expect["format"], site_min_docs=expect["site_min_docs"])
    run_dedup_batch(corpus, tmp_path, options)
    report = _report(tmp_path)
    for page in pages:
        text = (tmp_path / page.name).read_text()
        assert not any(line in text for line in expect["site_boilerplate"]), page.name
        assert report[page.name]["removed"].get("site_boilerplate", 0) >= 1
    everything = "".join((tmp_path / page.name).read_text() for page in pages)
    assert all(snippet in everything for snippet in expect["with"])
    # The "Have a story" line is on three of the four pages: exactly the threshold.
    assert report["ferry-timetable.txt"]["removed"] == {"site_boilerplate": 1}
