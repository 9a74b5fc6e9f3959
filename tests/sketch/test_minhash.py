"""Vectorised MinHash signing gives exactly datasketch's signatures, and they work in its LSH."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32, sha1_hash64
from datasketch.lsh import _optimal_param

from cleaner.sketch import minhash
from cleaner.sketch.lsh import BandIndex, band_keys, lsh_params
from cleaner.sketch.minhash import jaccard, sign, to_minhash


def _random_sets(seed: int, count: int = 60) -> list[list[bytes]]:
    rng = random.Random(seed)
    vocabulary = [rng.randbytes(rng.randint(1, 12)) for _ in range(400)]
    return [list(dict.fromkeys(rng.choices(vocabulary, k=rng.randint(0, 150)))) for _ in range(count)]


def _datasketch(shingles: list[bytes], **kwargs: object) -> MinHash:
    """Plain datasketch usage: a new MinHash per set, one update per shingle (our hash function
    unless another is given)."""
    reference = MinHash(**{"hashfunc": minhash.HASHFUNC, **kwargs})  # type: ignore[arg-type]
    for shingle in shingles:
        reference.update(shingle)
    return reference


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(("scheme", "num_perm", "minhash_seed"), [("affine32", 128, 1), ("affine64", 64, 42)])
def test_signatures_equal_datasketch(
    seed: int, scheme: minhash.Scheme, num_perm: int, minhash_seed: int
) -> None:
    sets = _random_sets(seed)
    signatures = sign(sets, num_perm=num_perm, seed=minhash_seed, scheme=scheme)
    for shingles, row in zip(sets, signatures, strict=True):
        reference = _datasketch(shingles, num_perm=num_perm, seed=minhash_seed, scheme=scheme)
        assert reference.hashvalues.dtype == row.dtype
        assert np.array_equal(reference.hashvalues, row)


def test_signatures_equal_datasketch_across_chunk_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minhash, "_CHUNK_ROWS", 7)  # sets split over several permutation chunks
    sets = _random_sets(5, count=20)
    for shingles, row in zip(sets, sign(sets, num_perm=32), strict=True):
        assert np.array_equal(_datasketch(shingles, num_perm=32).hashvalues, row)


@pytest.mark.parametrize(("scheme", "hashfunc"), [("affine32", sha1_hash32), ("affine64", sha1_hash64)])
def test_datasketch_default_sha1_takes_the_fast_path_and_stays_equal(
    scheme: minhash.Scheme, hashfunc: object
) -> None:
    sets = _random_sets(11, count=15)
    signatures = sign(sets, num_perm=32, scheme=scheme, hashfunc=hashfunc)  # type: ignore[arg-type]
    for shingles, row in zip(sets, signatures, strict=True):
        reference = MinHash(num_perm=32, scheme=scheme)  # datasketch's own default hash: SHA-1
        for shingle in shingles:
            reference.update(shingle)
        assert np.array_equal(reference.hashvalues, row)


def test_a_custom_hash_function_is_used_like_datasketch() -> None:
    sets = _random_sets(7, count=10)

    def hashfunc(data: bytes) -> int:
        return sha1_hash32(data[::-1])

    signatures = sign(sets, num_perm=32, hashfunc=hashfunc)
    for shingles, row in zip(sets, signatures, strict=True):
        assert np.array_equal(_datasketch(shingles, num_perm=32, hashfunc=hashfunc).hashvalues, row)


def test_empty_sets_and_no_sets() -> None:
    assert sign([], num_perm=16).shape == (0, 16)
    empty = sign([[], [b"x"]], num_perm=16)
    assert np.array_equal(empty[0], MinHash(num_perm=16).hashvalues)


def test_signatures_work_in_datasketch_lsh_and_match_its_jaccard() -> None:
    base = [f"w{i} w{i + 1}".encode() for i in range(200)]
    sets = [base, [*base[:190], b"x y", b"y z"], [f"v{i}".encode() for i in range(200)]]
    signatures = sign(sets)
    lsh = MinHashLSH(threshold=0.8, num_perm=128, params=lsh_params(0.8, 128))
    lsh.insert("a", to_minhash(signatures[0]))
    assert lsh.query(to_minhash(signatures[1])) == ["a"] and lsh.query(to_minhash(signatures[2])) == []
    assert jaccard(signatures[0], signatures[1]) == to_minhash(signatures[0]).jaccard(
        to_minhash(signatures[1])
    )


def test_band_keys_and_index() -> None:
    signatures = sign([[b"a", b"b", b"c"], [b"a", b"b", b"c"], [b"q"]], num_perm=16)
    keys = band_keys(signatures, 4, 4)
    assert keys.shape == (3, 4) and keys.dtype == np.uint64
    assert np.array_equal(keys[0], keys[1]) and not np.any(keys[0] == keys[2])
    index = BandIndex(4)
    index.insert("first", keys[0])
    assert list(index.candidates(keys[1])) == ["first"] and list(index.candidates(keys[2])) == []


@pytest.mark.parametrize(
    ("scheme", "num_perm", "seed"), [("affine32", 128, 1), ("affine32", 16, 7), ("affine64", 64, 42)]
)
def test_permutations_are_datasketchs(scheme: minhash.Scheme, num_perm: int, seed: int) -> None:
    """Drawn without importing datasketch (and so scipy), and still exactly its parameters."""
    a, b = minhash.permutations(num_perm, seed, scheme)
    reference = MinHash(num_perm=num_perm, seed=seed, scheme=scheme).permutations
    assert (
        a.dtype == reference[0].dtype and np.array_equal(a, reference[0]) and np.array_equal(b, reference[1])
    )


@pytest.mark.parametrize("num_perm", [16, 64, 100, 128, 256])
def test_lsh_params_are_datasketchs(num_perm: int) -> None:
    """Our quadrature picks the (bands, rows) datasketch's scipy integration picks, at every threshold."""
    for threshold in np.round(np.arange(0.05, 1.0, 0.05), 2):
        expected = _optimal_param(float(threshold), num_perm, 0.5, 0.5)
        assert lsh_params(float(threshold), num_perm) == tuple(map(int, expected)), threshold


def test_cleaning_imports_neither_datasketch_nor_scipy() -> None:
    code = (
        "import sys; from cleaner import clean; "
        "assert clean('A paragraph long enough to be signed by MinHash, and then some more words.\\n' * 2)"
        ".removed_counts() == {'duplicate': 1}; "
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
