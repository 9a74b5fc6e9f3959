"""What `--dedup` decides across a corpus, and the pure pieces both engines build it from.

Pass 1 cleans every input and sketches it (`sketch_input`: a `Row` with the input's number in
report order, its name and its `ArticleSketch`). From the rows, wherever they are, comes a
`DedupPlan`: the clusters of near-duplicate articles (each a `ClusterView`, as duplicates.jsonl shows
it) and the site boilerplate table. `local_plan` builds it in one process with the stages of
`cleaner.near.corpus`; `cleaner.batch.dask_dedup` builds the same plan on a Dask cluster with the same stages.
Pass 2 (the driver) applies it document by document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from cleaner.batch.tasks import Task, clean_task, worker_died
from cleaner.document import Document, Reason
from cleaner.errors import WorkerError
from cleaner.near.corpus import (
    ArticleSketch,
    Edge,
    choose_keeper,
    index_params,
    near_duplicate_clusters,
    sketch_article,
)
from cleaner.near.site_boilerplate import count_per_story, site_of
from cleaner.options import CleanOptions
from cleaner.sketch.minhash import jaccard

# Pass 1's result for one input: its report record, its Document and its Row (both None on error).
Sketched = tuple[dict[str, Any], Document | None, "Row | None"]


@dataclass(frozen=True)
class Row:
    """One cleaned input as the corpus stages see it."""

    number: int  # position in report order
    name: str  # what duplicates.jsonl and `duplicate_of` call it: the path, or the JSON Lines id
    sketch: ArticleSketch


@dataclass(frozen=True)
class ClusterView:
    """One cluster of near-duplicate articles: members (sorted), the kept one, the verified pairs."""

    members: list[int]
    keeper: int
    names: dict[int, str]
    chars: dict[int, int]
    similarity: dict[int, float]  # each member's estimated Jaccard with the kept article
    pairs: list[Edge]  # sorted

    def line(self, number: int) -> dict[str, Any]:
        """Its duplicates.jsonl line."""
        return {
            "cluster": number,
            "keep": self.names[self.keeper],
            "members": [
                {"path": self.names[m], "chars": self.chars[m], "similarity": self.similarity[m]}
                for m in self.members
            ],
            "pairs": [[self.names[a], self.names[b], s] for a, b, s in self.pairs],
        }


@dataclass
class DedupPlan:
    """Clusters in order of their first member, and site -> fingerprint -> stories (only those at
    or over `site_min_docs`: the blocks to mark)."""

    clusters: list[ClusterView] = field(default_factory=list)
    boilerplate: dict[str, dict[str, int]] = field(default_factory=dict)

    def duplicates(self) -> dict[int, tuple[str, float]]:
        """Each member that is not its cluster's keeper -> (the keeper's name, similarity to it)."""
        return {
            member: (view.names[view.keeper], view.similarity[member])
            for view in self.clusters
            for member in view.members
            if member != view.keeper
        }


def input_name(record: dict[str, Any]) -> str:
    """An input's name in the dedup outputs: a JSON Lines document's id, else its path."""
    return str(record.get("id") or record["path"])


def directory_site(source: str) -> str:
    """The site of a file without a URL: its directory in the input tree ("./" at the top)."""
    return f"{PurePosixPath(source).parent}/"


def document_site(record: dict[str, Any], document: Document) -> str:
    """The site a document counts for: its URL's host, else its input's directory."""
    return site_of(document.metadata.url, fallback=directory_site(record["path"]))


def sketch_input(root: str, out: str, task: Task, options: CleanOptions) -> Sketched:
    """Pass 1 for one input (in a worker): clean it, or take the Document an earlier run spooled."""
    if task.spooled is not None:
        record, document = task.spooled
    else:
        record, document = clean_task(root, task, options)
    if document is None:
        return record, None, None
    sketch = sketch_article(document, document_site(record, document), options)
    return record, document, Row(task.number, input_name(record), sketch)


def sketch_died(task: Task, error: WorkerError) -> Sketched:
    """Pass 1's result for an input over the time limit, or whose worker died."""
    return worker_died(task, error), None, None


def cluster_view(members: Sequence[Row], pairs: Iterable[Edge]) -> ClusterView:
    """A cluster from its members' rows and its verified pairs (the same on every engine)."""
    ordered = sorted(members, key=lambda row: row.number)
    chars = {row.number: row.sketch.chars for row in ordered}
    keeper = choose_keeper(list(chars), chars)
    kept = next(row for row in ordered if row.number == keeper).sketch.signature
    return ClusterView(
        members=list(chars),
        keeper=keeper,
        names={row.number: row.name for row in ordered},
        chars=chars,
        similarity={row.number: round(jaccard(row.sketch.signature, kept), 3) for row in ordered},
        pairs=sorted(pairs),
    )


def boilerplate_table(
    counts: Iterable[tuple[tuple[str, str], int]], options: CleanOptions
) -> dict[str, dict[str, int]]:
    """site -> fingerprint -> stories, keeping only the counts that mark a block."""
    table: dict[str, dict[str, int]] = {}
    if Reason.SITE_BOILERPLATE not in options.reasons or options.site_min_docs < 1:
        return table
    for (site, print_), stories in counts:
        if stories >= options.site_min_docs:
            table.setdefault(site, {})[print_] = stories
    return table


def local_plan(rows: Sequence[Row], options: CleanOptions) -> DedupPlan:
    """The plan in one process: every stage of `cleaner.near.corpus` over all rows at once."""
    local, local_edges = near_duplicate_clusters([row.sketch for row in rows], index_params(options))
    story = {rows[index].number: rows[group[0]].number for group in local for index in group}
    pairs: dict[int, list[Edge]] = {}
    for a, b, s in local_edges:
        pairs.setdefault(story[rows[a].number], []).append((rows[a].number, rows[b].number, s))
    clusters = [cluster_view([rows[i] for i in group], pairs[rows[group[0]].number]) for group in local]
    counts = count_per_story(
        (row.sketch.site, story.get(row.number, row.number), row.sketch.fingerprints) for row in rows
    )
    return DedupPlan(
        sorted(clusters, key=lambda view: view.members[0]), boilerplate_table(counts.items(), options)
    )
