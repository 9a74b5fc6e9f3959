"""Near-duplicate articles across documents, as pure stages over signatures.

    sketch -> band keys -> (shuffle by key) -> candidate pairs -> verified pairs -> components

Each stage is a plain function of arrays and tuples, so the same functions serve the directory batch
(all in one process, `near_duplicate_clusters`) and a distributed job (band entries shuffled by
`(band, key)`, pairs produced per bucket, verified where the signatures are, components merged).

An article is the clean text (kept blocks) of a document; it is signed by MinHash over word triples
(`article_shingle_words`), and two articles are near duplicates when the signatures' Jaccard
estimate is at least `article_threshold`. Articles with no words take no part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import numpy as np

from cleaner.document import Document
from cleaner.near.site_boilerplate import block_fingerprints
from cleaner.options import CleanOptions
from cleaner.sketch.lsh import band_keys, lsh_params
from cleaner.sketch.minhash import SCHEME, SEED, sign
from cleaner.sketch.shingles import normalized_words, shingles

Pair = tuple[int, int]
Edge = tuple[int, int, float]
# Pairs verified per numpy operation (bounds the gathered signature rows to a few MB).
_VERIFY_CHUNK = 8192


@dataclass(frozen=True)
class IndexParams:
    """What a collection's signatures and bands were made with; a collection never mixes two."""

    num_perm: int
    bands: int
    rows: int
    shingle_words: int
    threshold: float
    seed: int = SEED
    scheme: str = SCHEME

    @property
    def min_equal(self) -> int:
        """Equal signature values needed to reach the threshold (integers: same test everywhere)."""
        return int(np.ceil(self.threshold * self.num_perm - 1e-9))

    def describe(self) -> str:
        return (
            f"v1 scheme={self.scheme} seed={self.seed} num_perm={self.num_perm} bands={self.bands} "
            f"rows={self.rows} shingle_words={self.shingle_words} threshold={self.threshold}"
        )


@lru_cache(maxsize=8)
def _params(threshold: float, num_perm: int, shingle_words: int) -> IndexParams:
    return IndexParams(num_perm, *lsh_params(threshold, num_perm), shingle_words, threshold)


def index_params(options: CleanOptions) -> IndexParams:
    """The article index parameters the options imply (bands computed once per process)."""
    return _params(options.article_threshold, options.num_perm, options.article_shingle_words)


@dataclass(frozen=True)
class ArticleSketch:
    """What the corpus stages need of one cleaned document."""

    signature: np.ndarray
    words: int
    chars: int
    site: str
    fingerprints: tuple[str, ...]


def sketch_article(document: Document, site: str, options: CleanOptions) -> ArticleSketch:
    """Sign the document's clean text and list its block fingerprints (for site boilerplate)."""
    text = document.text()
    words = normalized_words(text)
    signature = sign([shingles(words, options.article_shingle_words)], options.num_perm)[0]
    return ArticleSketch(signature, len(words), len(text), site, tuple(block_fingerprints(document)))


def band_entries(keys: np.ndarray, documents: Sequence[int]) -> Iterator[tuple[tuple[int, int], int]]:
    """((band, key), document) for every band of every document: the records a shuffle groups."""
    for document, row in zip(documents, keys.tolist(), strict=True):
        for band, key in enumerate(row):
            yield (band, key), document


def bucket_pairs(members: Iterable[int]) -> Iterator[Pair]:
    """Candidate pairs of one bucket (documents sharing a band key), each as (smaller, larger)."""
    return combinations(sorted(set(members)), 2)


def candidate_pairs(entries: Iterable[tuple[tuple[int, int], int]]) -> set[Pair]:
    """Group band entries by (band, key) in memory and pair up each bucket's documents."""
    buckets: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
    for bucket, document in entries:
        buckets[bucket].append(document)
    return {pair for members in buckets.values() if len(members) > 1 for pair in bucket_pairs(members)}


def verify_pairs(pairs: Iterable[Pair], signatures: np.ndarray, params: IndexParams) -> list[Edge]:
    """Candidate pairs whose signatures agree on at least `min_equal` values, with the estimate."""
    ordered = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    edges: list[Edge] = []
    for start in range(0, len(ordered), _VERIFY_CHUNK):
        chunk = ordered[start : start + _VERIFY_CHUNK]
        equal = np.count_nonzero(signatures[chunk[:, 0]] == signatures[chunk[:, 1]], axis=1)
        for (first, second), count in zip(chunk.tolist(), equal.tolist(), strict=True):
            if count >= params.min_equal:
                edges.append((first, second, round(count / params.num_perm, 3)))
    return edges


def connected_components(edges: Iterable[Edge]) -> list[list[int]]:
    """Groups of documents linked by verified pairs (union-find), sorted, in order of first member."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first, second, _ in edges:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for node in sorted(parent):
        groups[root(node)].append(node)
    return sorted(groups.values())


def choose_keeper(members: Sequence[int], chars: Mapping[int, int] | Sequence[int]) -> int:
    """The member with the longest clean text; ties go to the first (input order)."""
    return min(members, key=lambda member: (-chars[member], member))


def near_duplicate_clusters(
    sketches: Sequence[ArticleSketch], params: IndexParams
) -> tuple[list[list[int]], list[Edge]]:
    """All stages in one process: clusters of near-duplicate articles and the verified pairs."""
    documents = [number for number, sketch in enumerate(sketches) if sketch.words]
    if len(documents) < 2:
        return [], []
    signatures = np.array([sketch.signature for sketch in sketches])
    keys = band_keys(signatures[documents], params.bands, params.rows)
    edges = verify_pairs(candidate_pairs(band_entries(keys, documents)), signatures, params)
    return connected_components(edges), edges
