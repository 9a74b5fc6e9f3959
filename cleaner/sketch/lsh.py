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

Item = TypeVar("Item", bound=Hashable)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for the threshold: computed once, not per document (datasketch re-optimises).

    datasketch's choice (`MinHashLSH(threshold, num_perm)`, equal weights; tests/sketch holds them
    equal): the (b, r) with b * r <= num_perm that minimises the area under the S-curve below the
    threshold (false positives) plus the area above the curve beyond it (false negatives). The
    curve is a polynomial of degree b * r <= num_perm, so Gauss-Legendre quadrature with
    num_perm // 2 + 1 nodes integrates it exactly; datasketch integrates with scipy, whose import
    alone costs half a second of every start-up.
    """
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    below, above = (nodes + 1) * threshold / 2, threshold + (nodes + 1) * (1 - threshold) / 2
    best, choice = float("inf"), (0, 0)
    for bands in range(1, num_perm + 1):
        rows = np.arange(1, num_perm // bands + 1)[:, None]
        false_positive = (1 - (1 - below**rows) ** bands) @ weights * threshold / 2
        false_negative = (1 - above**rows) ** bands @ weights * (1 - threshold) / 2
        error = 0.5 * false_positive + 0.5 * false_negative
        first = int(np.argmin(error))  # the first of equal errors, as datasketch's strict `<`
        if error[first] < best:
            best, choice = float(error[first]), (bands, first + 1)
    return choice


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
