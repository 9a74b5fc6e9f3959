"""Collections of articles for near-duplicate checks: what a store does, and the in-memory store.

A collection holds, per article: its id, signature, band keys, the answer it got when added, and per
site the number of stories carrying each block fingerprint. `admit` is one atomic step: check the
article against the collection, add it, count its blocks, answer. The Redis store
(`cleaner.near.redis_store`) does the same in one Lua script, so both stores give the same answers.

Rules both follow:
- the best match is the earlier article with the most equal signature values (at least the
  threshold's `min_equal`); ties go to the earliest added;
- an id already in the collection is a retry: nothing is added or counted, and the answer it got the
  first time is returned (no self-matches). If its article now differs (a signature under the
  threshold from the stored one), that is an `IdConflictError`;
- a document that is a near duplicate of an earlier one is added but its blocks are not counted
  (one story counts once for site boilerplate);
- an article with no words is neither checked nor added.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from cleaner.errors import CollectionFullError, CollectionMismatchError, IdConflictError
from cleaner.near.corpus import IndexParams


@dataclass(frozen=True)
class Entry:
    """One article offered to a collection."""

    id: str
    signature: np.ndarray
    keys: np.ndarray
    site: str
    fingerprints: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """The earlier article a document nearly duplicates, and the estimated Jaccard similarity."""

    id: str
    similarity: float


@dataclass(frozen=True)
class Admission:
    """What a collection answered: the match (or None), the site counts, how many documents the
    collection holds now, and whether it was a retry."""

    near_duplicate_of: Match | None
    site_counts: dict[str, int]
    documents: int | None  # None when the collection was not touched
    retry: bool = False


class CollectionStore(Protocol):
    """Where collections live: in this process (`MemoryStore`) or shared (`RedisStore`)."""

    def admit(self, collection: str, params: IndexParams, entry: Entry) -> Admission:
        """Check the entry against the collection, add it and count its blocks, atomically."""
        ...

    def drop(self, collection: str) -> bool:
        """Delete a collection; False when there was none."""
        ...

    def close(self) -> None: ...


@dataclass
class _Collection:
    params: IndexParams
    seq_of: dict[str, int] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    signatures: list[np.ndarray] = field(default_factory=list)
    answers: list[Match | None] = field(default_factory=list)
    # Band key -> the sequence number of the one article in the bucket, or a list when several:
    # most buckets hold one article, and a list per bucket would double the index's memory.
    buckets: list[dict[int, int | list[int]]] = field(default_factory=list)
    site_counts: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True)
class CollectionLimits:
    """How many articles a store may hold: per collection, and (in memory) all collections
    together; 0 means no bound. At a bound a new article is refused (`CollectionFullError`),
    nothing is evicted: an answer never depends on which older articles were forgotten, and a
    retry of an article already in is still answered. An in-memory article takes about 7 KiB."""

    per_collection: int = 0
    total: int = 0

    def check(self, collection: str, held: int, held_in_all: int | None = None) -> None:
        """Raise CollectionFullError when one more article would go past a bound."""
        if self.per_collection and held >= self.per_collection:
            raise CollectionFullError(
                f"collection {collection!r} holds {held} articles, the most one collection may hold; "
                "drop it or use another collection"
            )
        if self.total and held_in_all is not None and held_in_all >= self.total:
            raise CollectionFullError(
                f"the collections hold {held_in_all} articles together, the most allowed; "
                "drop a collection to make room"
            )


NO_LIMITS = CollectionLimits()


class MemoryStore:
    """Collections in this process's memory (one service worker; lost at exit). Thread-safe."""

    def __init__(self, limits: CollectionLimits = NO_LIMITS) -> None:
        self._collections: dict[str, _Collection] = {}
        self._lock = threading.Lock()
        self.limits = limits
        self._held = 0  # articles in all collections

    @property
    def documents(self) -> int:
        """Articles held by all collections together."""
        return self._held

    def admit(self, collection: str, params: IndexParams, entry: Entry) -> Admission:
        with self._lock:
            coll = self._collections.get(collection)
            if coll is not None and coll.params != params:
                raise CollectionMismatchError(
                    f"collection {collection!r} was built with {coll.params.describe()}, not {params.describe()}"
                )
            if coll is not None and entry.id in coll.seq_of:
                return self._retry(coll, collection, params, entry)
            self.limits.check(collection, len(coll.ids) if coll is not None else 0, self._held)
            if coll is None:
                coll = self._collections[collection] = _Collection(
                    params, buckets=[{} for _ in range(params.bands)]
                )
            self._held += 1
            answer = self._best_match(coll, params, entry)
            seq = len(coll.ids)
            coll.seq_of[entry.id] = seq
            coll.ids.append(entry.id)
            coll.signatures.append(entry.signature)
            coll.answers.append(answer)
            for bucket, key in zip(coll.buckets, entry.keys.tolist(), strict=True):
                members = bucket.get(key)
                if members is None:
                    bucket[key] = seq
                elif isinstance(members, int):
                    bucket[key] = [members, seq]
                else:
                    members.append(seq)
            if answer is None:
                for print_ in entry.fingerprints:
                    coll.site_counts[entry.site, print_] = coll.site_counts.get((entry.site, print_), 0) + 1
            return Admission(answer, _counts(coll, entry), len(coll.ids))

    def drop(self, collection: str) -> bool:
        with self._lock:
            dropped = self._collections.pop(collection, None)
            if dropped is not None:
                self._held -= len(dropped.ids)
            return dropped is not None

    def close(self) -> None:
        pass

    @staticmethod
    def _retry(coll: _Collection, collection: str, params: IndexParams, entry: Entry) -> Admission:
        seq = coll.seq_of[entry.id]
        check_same_article(
            collection, entry.id, int(np.count_nonzero(coll.signatures[seq] == entry.signature)), params
        )
        return Admission(coll.answers[seq], _counts(coll, entry), len(coll.ids), retry=True)

    @staticmethod
    def _best_match(coll: _Collection, params: IndexParams, entry: Entry) -> Match | None:
        candidates: set[int] = set()
        for bucket, key in zip(coll.buckets, entry.keys.tolist(), strict=True):
            members = bucket.get(key)
            if members is not None:
                candidates.update((members,) if isinstance(members, int) else members)
        best: tuple[int, int] | None = None
        for seq in sorted(candidates):
            equal = int(np.count_nonzero(coll.signatures[seq] == entry.signature))
            if equal >= params.min_equal and (best is None or equal > best[0]):
                best = (equal, seq)
        return None if best is None else Match(coll.ids[best[1]], round(best[0] / params.num_perm, 3))


def check_same_article(collection: str, id: str, equal: int, params: IndexParams) -> None:
    """A retry must carry the same article (cleaning may change slightly between versions)."""
    if equal < params.min_equal:
        raise IdConflictError(
            f"id {id!r} is already in collection {collection!r} with a different article "
            f"(similarity {equal / params.num_perm:.2f}); use a new id, or delete the collection"
        )


def _counts(coll: _Collection, entry: Entry) -> dict[str, int]:
    return {print_: coll.site_counts.get((entry.site, print_), 0) for print_ in entry.fingerprints}
