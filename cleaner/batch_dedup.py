"""The directory batch with corpus-level dedup (`--dedup`): near-duplicate articles, site boilerplate.

Two passes, because both need the whole corpus before any output can be final:

1. every file is cleaned (in parallel, in input order) and sketched: the clean article's MinHash
   signature, its length, its site and its block fingerprints. Documents wait in a spool file under
   OUT, so memory holds only the sketches;
2. in this process: near-duplicate clusters from the sketches (`cleaner.corpus` stages), block
   counts per site and story (`cleaner.site_boilerplate`), then each document is read back, its site
   boilerplate marked, and its output written, unless it is a dropped duplicate.

One article per cluster is kept (the longest clean text; ties go to the first in input order), or all
with `keep="all"`. Every input still gets its report line; a duplicate's says `duplicate_of` (the
kept file) and `similarity`. `duplicates.jsonl` lists every cluster with its members and verified
pairs. Nothing depends on the number of workers.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from cleaner.batch import (
    DEFAULT_TIMEOUT,
    REPORT_NAME,
    BatchSummary,
    Task,
    clean_task,
    count_record,
    discover,
    ordered_map,
    worker_failed,
    write_output,
)
from cleaner.corpus import (
    ArticleSketch,
    Edge,
    choose_keeper,
    index_params,
    near_duplicate_clusters,
    sketch_article,
)
from cleaner.document import Document
from cleaner.errors import WorkerError
from cleaner.minhash import jaccard
from cleaner.options import CleanOptions
from cleaner.result import to_result
from cleaner.site_boilerplate import count_per_story, mark_site_boilerplate, site_of

DUPLICATES_NAME = "duplicates.jsonl"
Keep = Literal["longest", "all"]
KEEP_CHOICES: tuple[Keep, ...] = ("longest", "all")
Sketched = tuple[dict[str, Any], Document | None, ArticleSketch | None]


def directory_site(source: str) -> str:
    """The site of a file without a URL: its directory in the input tree ("./" at the top)."""
    return f"{PurePosixPath(source).parent}/"


def sketch_file(root: str, out: str, task: Task, options: CleanOptions) -> Sketched:
    """Pass 1 for one file (in a worker): its report record, Document and sketch (None on error)."""
    record, document = clean_task(root, task, options)
    if document is None:
        return record, None, None
    site = site_of(document.metadata.url, fallback=directory_site(task.source))
    return record, document, sketch_article(document, site, options)


def _failed(task: Task, error: WorkerError) -> Sketched:
    return worker_failed(task, error), None, None


def run_dedup_batch(
    root: Path,
    out: Path,
    options: CleanOptions,
    jobs: int = 1,
    keep: Keep = "longest",
    on_record: Callable[[dict[str, Any]], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> BatchSummary:
    """Clean every file under root into out, grouping near-duplicate articles across the corpus."""
    out.mkdir(parents=True, exist_ok=True)
    tasks = list(discover(root, out))
    records: list[dict[str, Any]] = []
    sketches: dict[int, ArticleSketch] = {}  # input position -> sketch, for the files that were cleaned
    spool = out / f".dedup-spool.{os.getpid()}.tmp"
    try:
        with spool.open("wb") as handle:
            work = ordered_map(sketch_file, str(root), str(out), tasks, options, jobs, _failed, timeout)
            for number, (record, cleaned, sketch) in enumerate(work):
                records.append(record)
                if cleaned is not None and sketch is not None:
                    sketches[number] = sketch
                    pickle.dump(cleaned, handle, protocol=pickle.HIGHEST_PROTOCOL)
                if on_record:
                    on_record(record)
        clusters, edges = _clusters(sketches, options)
        chars = {number: sketch.chars for number, sketch in sketches.items()}
        keeper = {member: choose_keeper(cluster, chars) for cluster in clusters for member in cluster}
        story = {member: cluster[0] for cluster in clusters for member in cluster}
        counts = count_per_story((s.site, story.get(n, n), s.fingerprints) for n, s in sketches.items())
        with spool.open("rb") as handle:
            for number, sketch in sketches.items():
                document: Document = pickle.load(handle)
                site_counts = {print_: counts[sketch.site, print_] for print_ in sketch.fingerprints}
                mark_site_boilerplate(document, site_counts, sketch.site, options)
                record, kept = records[number], keeper.get(number, number)
                if kept != number:
                    record["duplicate_of"] = tasks[kept].source
                    record["similarity"] = round(jaccard(sketch.signature, sketches[kept].signature), 3)
                if kept == number or keep == "all":
                    write_output(out, tasks[number], record, to_result(document))
                else:
                    _describe_dropped(record, to_result(document))
    finally:
        spool.unlink(missing_ok=True)
    _write_lines(out / DUPLICATES_NAME, _cluster_lines(clusters, edges, keeper, tasks, sketches))
    _write_lines(out / REPORT_NAME, records)
    summary = BatchSummary()
    for record in records:
        count_record(summary, record)
    return summary


def _clusters(
    sketches: dict[int, ArticleSketch], options: CleanOptions
) -> tuple[list[list[int]], list[Edge]]:
    """Clusters and verified pairs over the files that were cleaned, numbered by input position."""
    present = list(sketches)
    local, local_edges = near_duplicate_clusters([sketches[n] for n in present], index_params(options))
    clusters = [[present[member] for member in cluster] for cluster in local]
    return clusters, [(present[a], present[b], similarity) for a, b, similarity in local_edges]


def _describe_dropped(record: dict[str, Any], result: dict[str, Any]) -> None:
    """A dropped duplicate's report line: what it was, without an output file."""
    record.update(
        format=result["format"],
        chars_in=result["chars_in"],
        chars_out=result["chars_out"],
        removed=result["removed"],
    )


def _cluster_lines(
    clusters: list[list[int]],
    edges: list[Edge],
    keeper: dict[int, int],
    tasks: list[Task],
    sketches: dict[int, ArticleSketch],
) -> list[dict[str, Any]]:
    lines = []
    for number, cluster in enumerate(clusters, start=1):
        kept = keeper[cluster[0]]
        members = set(cluster)
        lines.append(
            {
                "cluster": number,
                "keep": tasks[kept].source,
                "members": [
                    {
                        "path": tasks[member].source,
                        "chars": sketches[member].chars,
                        "similarity": round(jaccard(sketches[member].signature, sketches[kept].signature), 3),
                    }
                    for member in cluster
                ],
                "pairs": [[tasks[a].source, tasks[b].source, s] for a, b, s in edges if a in members],
            }
        )
    return lines


def _write_lines(target: Path, lines: list[dict[str, Any]]) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    os.replace(temporary, target)
