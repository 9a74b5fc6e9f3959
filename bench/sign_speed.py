"""Signing paragraphs: cleaner.sketch.minhash.sign (vectorised) vs plain datasketch usage, same input.

Plain usage is a new `MinHash()` per paragraph and `update()` per shingle; `MinHash.bulk` (one
`update_batch` per paragraph) is shown too. datasketch is configured with our hash function
(CRC-32, see cleaner/sketch/minhash.py), so all three must give identical signatures; the ratio is from
one run on this machine. `--hash sha1` compares with datasketch's default SHA-1 instead.

    .venv/bin/python bench/sign_speed.py --paragraphs 20000
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32
from textgen import paragraph

from cleaner.sketch.minhash import HASHFUNC, SEED, sign
from cleaner.sketch.shingles import normalized_words, shingles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=20000)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hash", choices=("crc32", "sha1"), default="crc32")
    args = parser.parse_args()
    hashfunc = HASHFUNC if args.hash == "crc32" else sha1_hash32
    rng = random.Random(args.seed)
    sets = [shingles(normalized_words(paragraph(rng, (1, 3))), 2) for _ in range(args.paragraphs)]
    total = sum(len(s) for s in sets)
    print(
        f"{len(sets)} paragraphs, {total} shingles ({total / len(sets):.1f} per paragraph), num_perm {args.num_perm}"
    )

    started = time.perf_counter()
    plain = []
    for shingle_set in sets:
        m = MinHash(num_perm=args.num_perm, seed=SEED, hashfunc=hashfunc)
        for shingle in shingle_set:
            m.update(shingle)
        plain.append(m.hashvalues)
    plain_seconds = time.perf_counter() - started

    started = time.perf_counter()
    bulk = MinHash.bulk(sets, num_perm=args.num_perm, seed=SEED, hashfunc=hashfunc)
    bulk_seconds = time.perf_counter() - started

    started = time.perf_counter()
    ours = sign(sets, num_perm=args.num_perm, seed=SEED, hashfunc=hashfunc)
    ours_seconds = time.perf_counter() - started

    assert np.array_equal(np.array(plain), ours), "signatures differ from plain datasketch"
    assert np.array_equal(np.array([m.hashvalues for m in bulk]), ours), "signatures differ from MinHash.bulk"
    print("signatures identical to datasketch (plain update() and MinHash.bulk)")
    for name, seconds in (
        ("datasketch, MinHash() + update()", plain_seconds),
        ("datasketch MinHash.bulk", bulk_seconds),
        ("cleaner.sketch.minhash.sign", ours_seconds),
    ):
        print(f"  {name:34} {seconds:8.3f} s  {len(sets) / seconds:10.0f} paragraphs/s")
    print(
        f"speed-up vs plain datasketch: {plain_seconds / ours_seconds:.1f}x; vs MinHash.bulk: {bulk_seconds / ours_seconds:.1f}x"
    )


if __name__ == "__main__":
    main()
