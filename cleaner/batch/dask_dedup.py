"""The --dedup plan as a distributed MinHash-LSH job on Dask (dask.bag), from `cleaner.near.corpus` stages.

The Rows (signature, length, site, block fingerprints) stay on the workers that made them, one
partition per pass-1 chunk. Every step is a shuffle (`Bag.groupby`, by hash into `partitions`)
followed by a per-group function; no step brings the rows together on one node:

1. band keys -> shuffle by (band, key) -> `bucket_pairs` per bucket: candidate pairs;
2. join the pairs with the signatures, twice (by the first member, then by the second: a reduce-side
   join; only a pair travels with one signature) -> `verify_pairs`: verified pairs (edges);
3. connected components by min-label propagation over the edges: each round, a shuffle sends every
   node's label to its neighbours and a node takes the least it hears; rounds until none changes (as
   many as the widest cluster is long). A component's label is its least member, as in
   `connected_components`;
4. join the labels with the rows by document -> by label: `cluster_view` per cluster (keeper,
   similarities, pairs); and (site, fingerprint, story) -> shuffle by (site, fingerprint) -> the
   number of different stories, of which only those reaching `site_min_docs` leave the cluster.

The driver receives the cluster views (as large as duplicates.jsonl) and the boilerplate table (the
blocks to mark), and builds the same `DedupPlan` as `local_plan`.
"""

from __future__ import annotations

from typing import Any

import dask
import dask.bag as db
import numpy as np
from distributed import Client, Future

from cleaner.batch.dedup_plan import ClusterView, DedupPlan, Row, boilerplate_table, cluster_view
from cleaner.near.corpus import IndexParams, band_entries, bucket_pairs, index_params, verify_pairs
from cleaner.options import CleanOptions
from cleaner.sketch.lsh import band_keys

Keyed = tuple[Any, Any]


def distributed_plan(client: Client, row_futures: list[Future], options: CleanOptions) -> DedupPlan:
    """The DedupPlan of the rows held in `row_futures`, computed on the cluster."""
    if not row_futures:
        return DedupPlan()
    params = index_params(options)
    rows = db.from_delayed([dask.delayed(future) for future in row_futures])
    partitions = max(1, min(rows.npartitions, 8 * max(1, sum(client.nthreads().values()))))

    def shuffle(bag: db.Bag) -> db.Bag:
        return bag.groupby(_key, shuffle="tasks", npartitions=partitions)

    signatures = rows.map_partitions(_signature_items)
    candidates = shuffle(rows.map_partitions(_band_items, params)).map_partitions(_candidate_pairs)
    halves = shuffle(db.concat([signatures, candidates])).map_partitions(_send_first_signature)
    edges = client.persist(shuffle(db.concat([signatures, halves])).map_partitions(_verify, params))
    labels = _components(client, edges, shuffle)
    by_document = shuffle(db.concat([rows.map_partitions(_row_items), labels.map_partitions(_label_items)]))
    found = client.persist(by_document.map_partitions(_by_story))
    clusters = shuffle(found.filter(_is_cluster_part).map(_unkind)).map_partitions(_cluster_views)
    sites = shuffle(found.filter(_is_site_part).map(_unkind)).map_partitions(_story_counts)
    views, counts = client.compute([clusters, sites], sync=True)
    for future in row_futures:  # pass 2 needs nothing on the cluster
        future.release()
    return DedupPlan(sorted(views, key=lambda view: view.members[0]), boilerplate_table(counts, options))


def _components(client: Client, edges: db.Bag, shuffle: Any) -> db.Bag:
    """(node, label, [(neighbour, similarity)]) for every node of an edge; label = least in its component."""
    state = client.persist(shuffle(edges.map_partitions(_both_ways)).map_partitions(_first_state))
    while True:
        following = client.persist(shuffle(state.map_partitions(_messages)).map_partitions(_relabel))
        changed = client.compute(following.map(_changed).sum(), sync=True)
        state = following
        if not changed:
            return state.map(_drop_flag)


# Every function below runs on the workers, over one partition (a list) or one item.


def _key(item: Keyed) -> Any:
    return item[0]


def _unkind(item: tuple[str, Any, Any]) -> Keyed:
    return item[1], item[2]


def _is_cluster_part(item: tuple[str, Any, Any]) -> bool:
    return item[0] in ("member", "edge")


def _is_site_part(item: tuple[str, Any, Any]) -> bool:
    return item[0] == "site"


def _band_items(rows: list[Row], params: IndexParams) -> list[Keyed]:
    present = [row for row in rows if row.sketch.words]  # articles without words take no part
    if not present:
        return []
    keys = band_keys(np.array([row.sketch.signature for row in present]), params.bands, params.rows)
    return list(band_entries(keys, [row.number for row in present]))


def _signature_items(rows: list[Row]) -> list[Keyed]:
    return [(row.number, ("signature", row.sketch.signature)) for row in rows if row.sketch.words]


def _candidate_pairs(buckets: list[tuple[Any, list[Keyed]]]) -> list[Keyed]:
    return [
        (first, ("partner", second))
        for _, entries in buckets
        if len(entries) > 1
        for first, second in bucket_pairs(document for _, document in entries)
    ]


def _send_first_signature(groups: list[tuple[int, list[Keyed]]]) -> list[Keyed]:
    """Per first member: its signature goes to each of its (distinct) partners."""
    sent: list[Keyed] = []
    for first, items in groups:
        partners = sorted({value for _, (kind, value) in items if kind == "partner"})
        signature = next((value for _, (kind, value) in items if kind == "signature"), None)
        sent.extend((second, ("half", (first, signature))) for second in partners if signature is not None)
    return sent


def _verify(groups: list[tuple[int, list[Keyed]]], params: IndexParams) -> list[tuple[int, int, float]]:
    """Per second member: `verify_pairs` on its pairs, with both signatures at hand."""
    edges = []
    for second, items in groups:
        halves = [value for _, (kind, value) in items if kind == "half"]
        signature = next((value for _, (kind, value) in items if kind == "signature"), None)
        if not halves or signature is None:
            continue
        local = np.array([signature, *(half_signature for _, half_signature in halves)])
        firsts = [first for first, _ in halves]
        for _, index, similarity in verify_pairs({(0, n) for n in range(1, len(local))}, local, params):
            edges.append((firsts[index - 1], second, similarity))
    return edges


def _both_ways(edges: list[tuple[int, int, float]]) -> list[Keyed]:
    return [item for a, b, s in edges for item in ((a, (b, s)), (b, (a, s)))]


def _first_state(groups: list[tuple[int, list[Keyed]]]) -> list[tuple[int, int, list[Keyed], bool]]:
    return [(node, node, sorted(value for _, value in items), True) for node, items in groups]


def _messages(state: list[tuple[int, int, list[Keyed], bool]]) -> list[Keyed]:
    sent: list[Keyed] = []
    for node, label, neighbours, _ in state:
        sent.append((node, ("self", (label, neighbours))))
        sent.extend((other, ("label", label)) for other, _ in neighbours)
    return sent


def _relabel(groups: list[tuple[int, list[Keyed]]]) -> list[tuple[int, int, list[Keyed], bool]]:
    state = []
    for node, items in groups:
        label, neighbours = next(value for _, (kind, value) in items if kind == "self")
        least = min([label, *(value for _, (kind, value) in items if kind == "label")])
        state.append((node, least, neighbours, least < label))
    return state


def _changed(item: tuple[int, int, list[Keyed], bool]) -> int:
    return int(item[3])


def _drop_flag(item: tuple[int, int, list[Keyed], bool]) -> tuple[int, int, list[Keyed]]:
    return item[0], item[1], item[2]


def _row_items(rows: list[Row]) -> list[Keyed]:
    return [(row.number, ("row", row)) for row in rows]


def _label_items(labels: list[tuple[int, int, list[Keyed]]]) -> list[Keyed]:
    return [(node, ("label", (label, neighbours))) for node, label, neighbours in labels]


def _by_story(groups: list[tuple[int, list[Keyed]]]) -> list[tuple[str, Any, Any]]:
    """Per document: its fingerprints counted for its story (its cluster's label, else itself) and,
    for a cluster member, its row and the edges it starts, sent to its cluster."""
    found: list[tuple[str, Any, Any]] = []
    for number, items in groups:
        row: Row = next(value for _, (kind, value) in items if kind == "row")
        label = next((value for _, (kind, value) in items if kind == "label"), None)
        story = number if label is None else label[0]
        found.extend(("site", (row.sketch.site, print_), story) for print_ in row.sketch.fingerprints)
        if label is not None:
            found.append(("member", story, ("row", row)))
            found.extend(
                ("edge", story, ("edge", (number, other, s))) for other, s in label[1] if other > number
            )
    return found


def _cluster_views(groups: list[tuple[int, list[Keyed]]]) -> list[ClusterView]:
    return [
        cluster_view(
            [value for _, (kind, value) in items if kind == "row"],
            [value for _, (kind, value) in items if kind == "edge"],
        )
        for _, items in groups
    ]


def _story_counts(groups: list[tuple[tuple[str, str], list[Keyed]]]) -> list[tuple[tuple[str, str], int]]:
    return [(key, len({story for _, story in items})) for key, items in groups]
