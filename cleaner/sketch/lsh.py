"""LSH banding over MinHash signatures: band parameters (computed once) and band keys.

A signature of `bands * rows` values is cut into bands; two signatures that agree on every row of
some band share that band's key and become candidates. With Jaccard similarity s, the chance of
becoming candidates is 1 - (1 - s^rows)^bands, an S-curve around the threshold the parameters were
chosen for. Keys are 64-bit integers (a chained MurmurHash3 finalizer over the band's rows), cheap to
store in Redis and to shuffle in a distributed job; a rare key collision only adds a candidate, which
verification drops.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator
from functools import lru_cache
from typing import Generic, TypeVar

import numpy as np
from datasketch.lsh import _optimal_param

Item = TypeVar("Item", bound=Hashable)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for the threshold: computed once, not per document (datasketch re-optimises)."""
    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(bands), int(rows)


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """A (documents x bands) array of uint64 band keys; equal rows in a band give equal keys."""
    values = np.atleast_2d(signatures)[:, : bands * rows].astype(np.uint64).reshape(-1, bands, rows)
    # Every band at once, row by row: a band's key chains the finalizer over its rows, from a
    # starting value of its own.
    keys = np.broadcast_to(_band_seeds(bands), values.shape[:2]).copy()
    for row in range(rows):
        keys = _fmix64(keys ^ values[:, :, row])
    return keys


@lru_cache(maxsize=16)
def _band_seeds(bands: int) -> np.ndarray:
    seeds = np.array(
        [(0x9E3779B97F4A7C15 * (band + 1)) % (1 << 64) for band in range(bands)], dtype=np.uint64
    )
    seeds.flags.writeable = False
    return seeds


class BandIndex(Generic[Item]):
    """Band buckets in memory: which earlier items share a band key with a signature."""

    def __init__(self, bands: int) -> None:
        self._buckets: list[defaultdict[int, list[Item]]] = [defaultdict(list) for _ in range(bands)]

    def insert(self, item: Item, keys: np.ndarray) -> None:
        for bucket, key in zip(self._buckets, keys.tolist(), strict=True):
            bucket[key].append(item)

    def candidates(self, keys: np.ndarray) -> Iterator[Item]:
        """Items sharing at least one band key, each once, in insertion order per band."""
        seen: set[Item] = set()
        for bucket, key in zip(self._buckets, keys.tolist(), strict=True):
            for item in bucket.get(key, ()):
                if item not in seen:
                    seen.add(item)
                    yield item


def _fmix64(values: np.ndarray) -> np.ndarray:
    shift, first, second = _FMIX64
    values = values ^ (values >> shift)
    values = values * first
    values = values ^ (values >> shift)
    values = values * second
    return values ^ (values >> shift)
