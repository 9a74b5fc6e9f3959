"""The local and Dask engines run the same job to the same bytes: a real LocalCluster of processes."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import CleanOptions
from cleaner.batch.dedup import DUPLICATES_NAME, run_dedup_batch
from cleaner.batch.runner import run_batch
from tests.conftest import CLI
from tests.planted import BROKEN, tree, write_corpus

distributed = pytest.importorskip("distributed", reason="the Dask engine needs article-cleaner[dask]")

from cleaner.batch.engine_dask import DaskEngine  # noqa: E402

TEXT = CleanOptions(format="text")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """A real two-worker LocalCluster (processes, one thread each), shared by this module's tests."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[frozenset[str]]]:
    root = tmp_path_factory.mktemp("corpus")
    return root, write_corpus(root)


@pytest.mark.parametrize("output_format", ["text", "jsonl"])
def test_dask_map_is_byte_identical_to_local(
    client: distributed.Client, corpus: tuple[Path, set[frozenset[str]]], tmp_path: Path, output_format: str
) -> None:
    source, _ = corpus
    local, dask = tmp_path / "local", tmp_path / "dask"
    run_batch(source, local, TEXT, jobs=2, output_format=output_format)  # type: ignore[arg-type]
    summary = run_batch(
        source,
        dask,
        TEXT,
        engine=DaskEngine(client, chunk_size=4),
        output_format=output_format,  # type: ignore[arg-type]
    )
    assert tree(local) == tree(dask)
    assert summary.failed == len(BROKEN) and summary.ok == 30
    report = [json.loads(line) for line in (dask / "report.jsonl").read_text().splitlines()]
    assert {r["path"]: r["error_code"] for r in report if r["status"] == "error"} == {
        "cut.txt.gz": "undecodable_input",
        "empty.txt": "empty_input",
        "photo.jpg": "binary_input",
    }


def test_dask_dedup_finds_the_planted_clusters_byte_identically(
    client: distributed.Client, corpus: tuple[Path, set[frozenset[str]]], tmp_path: Path
) -> None:
    source, planted = corpus
    local, dask = tmp_path / "local", tmp_path / "dask"
    run_dedup_batch(source, local, TEXT, jobs=2)
    summary = run_dedup_batch(source, dask, TEXT, engine=DaskEngine(client, chunk_size=4))
    assert tree(local) == tree(dask)
    clusters = [json.loads(line) for line in (dask / DUPLICATES_NAME).read_text().splitlines()]
    assert {frozenset(m["path"] for m in c["members"]) for c in clusters} == planted
    assert summary.duplicates == 6
    # The chain's ends are a cluster through its middle, not a verified pair of their own.
    chain = next(c for c in clusters if "ridge/5.txt" in {m["path"] for m in c["members"]})
    assert ["ridge/5-revised-thrice.txt", "ridge/5.txt"] not in [sorted(p[:2]) for p in chain["pairs"]]
    report = {r["path"]: r for r in map(json.loads, (dask / "report.jsonl").read_text().splitlines())}
    assert report["valley/1.txt"]["removed"] == {"site_boilerplate": 1}


def test_cli_engine_dask_at_a_scheduler_address(
    client: distributed.Client, corpus: tuple[Path, set[frozenset[str]]], tmp_path: Path
) -> None:
    source, _ = corpus
    common = ["clean", str(source), "--format", "text", "--dedup"]
    local = subprocess.run([*CLI, *common, "-o", str(tmp_path / "local")], capture_output=True, timeout=120)
    dask = subprocess.run(
        [
            *CLI,
            *common,
            "-o",
            str(tmp_path / "dask"),
            "--engine",
            "dask",
            "--scheduler",
            client.scheduler.address,
        ],
        capture_output=True,
        timeout=120,
    )
    assert local.returncode == dask.returncode == 1, dask.stderr  # the broken files
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")
    assert "6 near-duplicate articles dropped" in dask.stderr.decode()


def test_cli_embedded_local_cluster(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(
        "The council approved the plan on Monday.\nSubscribe to continue reading.\n"
    )
    done = subprocess.run(
        [*CLI, "clean", str(source), "-o", str(tmp_path / "out"), "--engine", "dask", "--jobs", "1"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == "The council approved the plan on Monday.\n"


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    done = subprocess.run(
        [*CLI, "clean", str(tmp_path), "-o", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1"],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2 and b"--engine dask" in done.stderr
