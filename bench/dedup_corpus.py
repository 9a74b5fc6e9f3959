"""Near-duplicate articles across documents: quality on a generated corpus, and index throughput.

Quality (`--quality`): a seeded corpus of N articles from 20 sites, each page with its site's header,
promo and sign-off around the article. About a fifth are planted variants of another article:
re-scraped as is, a few words edited, a paragraph added, a paragraph removed, syndicated on another
site (other boilerplate), or all of these at once. Hard negatives: follow-up stories that quote one
paragraph of an earlier story. Every page goes through `clean()` and `sketch_article()`; pairs are
scored (precision, recall) for the batch clusters (all pairs inside a cluster), for the verified
pairs, and for the service's online answers (`near_duplicate_of`, articles arriving in random order).

Throughput (`--throughput`): N articles signed in one batch, then admitted one by one into a
collection (check + add + site counts), then a tenth of them re-sent as edited variants (queries
that find their match). Reports articles/s per phase and the process's peak RSS; with Redis, the
memory Redis uses for the collection. Each configuration runs in its own process (`--all`).

    .venv/bin/python bench/dedup_corpus.py --quality --articles 10000
    .venv/bin/python bench/dedup_corpus.py --all
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from multiprocessing import Pool

import numpy as np
from textgen import FastWriter

from cleaner import CleanOptions, clean
from cleaner.near.corpus import (
    ArticleSketch,
    IndexParams,
    index_params,
    near_duplicate_clusters,
    sketch_article,
)
from cleaner.near.redis_store import RedisStore
from cleaner.near.store import CollectionStore, Entry, MemoryStore
from cleaner.sketch.lsh import band_keys
from cleaner.sketch.minhash import sign
from cleaner.sketch.shingles import normalized_words, shingles

OPTIONS = CleanOptions(format="text")
KINDS = ("rescrape", "edits", "added_paragraph", "removed_paragraph", "other_site", "combined")
REDIS_URL = "redis://127.0.0.1:6379/12"


@dataclass
class Page:
    text: str
    family: int
    kind: str
    site: str


def _site_boilerplate(writer: FastWriter, sites: int) -> list[tuple[str, list[str], list[str]]]:
    """Per site: a name, header lines and footer lines (a promo and a sign-off)."""
    made = []
    for number in range(sites):
        name = f"site{number}.example"
        header = [f"{writer.paragraph((2, 4)).rstrip('.')} News", writer.paragraph((3, 6)).rstrip(".")]
        footer = [writer.paragraph((12, 20)), writer.paragraph((8, 14))]
        made.append((name, header, footer))
    return made


def _edit(writer: FastWriter, paragraphs: list[str], words: int) -> list[str]:
    edited = [p.split(" ") for p in paragraphs]
    for _ in range(words):
        paragraph = edited[writer.integers(0, len(edited))]
        paragraph[writer.integers(0, len(paragraph))] = writer.paragraph((1, 2)).rstrip(".").lower()
    return [" ".join(p) for p in edited]


def corpus(articles: int, seed: int) -> list[Page]:
    """The generated corpus, in random arrival order."""
    writer, rng = FastWriter(seed), random.Random(seed)
    sites = _site_boilerplate(writer, 20)
    stories: list[tuple[list[str], int]] = []  # (headline + paragraphs, site)
    pages: list[Page] = []

    def page(lines: list[str], family: int, kind: str, site: int) -> None:
        name, header, footer = sites[site]
        pages.append(Page("\n\n".join([*header, *lines, *footer]), family, kind, name))

    bases = int(articles * 0.8)
    for family in range(bases):
        lines, site = writer.article(), rng.randrange(len(sites))
        if family % 20 == 19 and stories:  # a follow-up quoting one paragraph of an earlier story
            quoted = rng.choice(stories)[0]
            lines.insert(2, quoted[rng.randrange(1, len(quoted))])
        stories.append((lines, site))
        page(lines, family, "follow_up" if family % 20 == 19 else "original", site)
    for number in range(articles - bases):
        family = rng.randrange(bases)
        lines, site = stories[family]
        kind = KINDS[number % len(KINDS)]
        headline, body = lines[0], list(lines[1:])
        if kind in ("edits", "combined"):
            body = _edit(writer, body, rng.randint(3, 8))
        if kind in ("added_paragraph", "combined"):
            body.insert(rng.randrange(len(body) + 1), writer.paragraph())
        if kind == "removed_paragraph" and len(body) > 2:
            body.pop(rng.randrange(len(body)))
        if kind in ("other_site", "combined"):
            site = (site + rng.randrange(1, len(sites))) % len(sites)
        page([headline, *body], family, kind, site)
    rng.shuffle(pages)
    return pages


def _sketch(page: Page) -> ArticleSketch:
    return sketch_article(clean(page.text, OPTIONS), page.site, OPTIONS)


def quality(articles: int, seed: int) -> None:
    started = time.perf_counter()
    pages = corpus(articles, seed)
    with Pool(2) as pool:
        sketches = pool.map(_sketch, pages, chunksize=200)
    print(
        f"{len(pages)} pages ({Counter(p.kind for p in pages)}) cleaned and sketched in {time.perf_counter() - started:.0f} s"
    )
    params = index_params(OPTIONS)
    print(f"index: {params.describe()}")
    family_members: defaultdict[int, list[int]] = defaultdict(list)
    for number, page in enumerate(pages):
        family_members[page.family].append(number)
    truth = {pair for members in family_members.values() for pair in combinations(sorted(members), 2)}

    clusters, edges = near_duplicate_clusters(sketches, params)
    _score(
        "batch clusters (every pair in a cluster)", {p for c in clusters for p in combinations(c, 2)}, truth
    )
    _score("verified pairs", {(a, b) for a, b, _ in edges}, truth)
    in_cluster = {member: number for number, cluster in enumerate(clusters) for member in cluster}
    per_kind: Counter[str] = Counter()
    kinds = Counter(page.kind for page in pages if page.kind in KINDS)
    for number, page in enumerate(pages):
        if page.kind in KINDS:
            base = next(m for m in family_members[page.family] if pages[m].kind in ("original", "follow_up"))
            per_kind[page.kind] += in_cluster.get(number, -1) == in_cluster.get(base, -2)
    print("  recall per variant kind: " + ", ".join(f"{k} {per_kind[k] / kinds[k]:.3f}" for k in KINDS))
    _online(pages, sketches, params)


def _online(pages: list[Page], sketches: list[ArticleSketch], params: IndexParams) -> None:
    """The service's answers: each page admitted in arrival order into one collection."""
    store, seen_family = MemoryStore(), set[int]()
    answered = correct = expected = 0
    started = time.perf_counter()
    for number, (page, sketch) in enumerate(zip(pages, sketches, strict=True)):
        keys = band_keys(sketch.signature, params.bands, params.rows)[0]
        entry = Entry(str(number), sketch.signature, keys, page.site, sketch.fingerprints)
        answer = store.admit("bench", params, entry)
        expected += page.family in seen_family
        seen_family.add(page.family)
        if answer.near_duplicate_of is not None:
            answered += 1
            correct += pages[int(answer.near_duplicate_of.id)].family == page.family
    seconds = time.perf_counter() - started
    print(
        f"online answers: precision {correct / max(answered, 1):.4f}  recall {correct / max(expected, 1):.4f}  "
        f"({answered} answers, {expected} pages with an earlier family member; {len(pages) / seconds:.0f} admissions/s)"
    )


def _score(name: str, predicted: set[tuple[int, int]], truth: set[tuple[int, int]]) -> None:
    hits = len(predicted & truth)
    print(
        f"{name}: precision {hits / max(len(predicted), 1):.4f}  recall {hits / max(len(truth), 1):.4f}  "
        f"({len(predicted)} predicted, {len(truth)} true pairs)"
    )


def throughput(articles: int, store_name: str, seed: int) -> None:
    writer, rng = FastWriter(seed), random.Random(seed)
    params = index_params(OPTIONS)
    variants = sorted(rng.sample(range(articles), max(articles // 10, 1)))
    wanted, kept_texts = set(variants), {}
    signatures, signing = [], 0.0
    for start in range(0, articles, 1000):  # generated and signed in chunks: memory holds signatures only
        texts = [" ".join(writer.article()) for _ in range(start, min(start + 1000, articles))]
        kept_texts.update({start + i: t for i, t in enumerate(texts) if start + i in wanted})
        started = time.perf_counter()
        signatures.append(sign([shingles(normalized_words(t), OPTIONS.article_shingle_words) for t in texts]))
        signing += time.perf_counter() - started
    signed = np.concatenate(signatures)
    keys = band_keys(signed, params.bands, params.rows)

    store: CollectionStore = RedisStore(REDIS_URL) if store_name == "redis" else MemoryStore()
    store.drop("bench")
    redis_before, rss_before = (_redis_memory() if store_name == "redis" else 0), _rss()
    started = time.perf_counter()
    for number in range(articles):
        store.admit("bench", params, Entry(f"a{number}", signed[number], keys[number], "site.example", ()))
    indexing = time.perf_counter() - started
    index_mib = (_rss() - rss_before) / 2**20

    variant_signatures = np.concatenate(
        [
            sign([_edited(kept_texts[number], rng) for number in variants[start : start + 1000]])
            for start in range(0, len(variants), 1000)
        ]
    )
    variant_keys = band_keys(variant_signatures, params.bands, params.rows)
    started = time.perf_counter()
    found = 0
    for number, original in enumerate(variants):
        entry = Entry(f"v{number}", variant_signatures[number], variant_keys[number], "site.example", ())
        answer = store.admit("bench", params, entry)
        found += answer.near_duplicate_of is not None and answer.near_duplicate_of.id == f"a{original}"
    querying = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    redis_mib = (_redis_memory() - redis_before) / 2**20 if store_name == "redis" else 0.0
    store.drop("bench")
    store.close()
    print(
        f"{store_name:6} {articles:7d} articles | sign {articles / signing:6.0f}/s | index {articles / indexing:6.0f}/s "
        f"| query {len(variants) / querying:6.0f}/s ({found}/{len(variants)} edited copies found) "
        f"| peak RSS {peak_mib:5.0f} MiB, index in process +{index_mib:.0f} MiB"
        + (f" | Redis +{redis_mib:.0f} MiB" if store_name == "redis" else "")
    )


def _edited(text: str, rng: random.Random) -> list[bytes]:
    """Shingles of the text with three words changed."""
    words = text.split(" ")
    for _ in range(3):
        words[rng.randrange(len(words))] = "changed"
    return shingles(normalized_words(" ".join(words)), OPTIONS.article_shingle_words)


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _redis_memory() -> int:
    import redis

    return int(redis.Redis.from_url(REDIS_URL).info("memory")["used_memory"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quality", action="store_true")
    parser.add_argument("--throughput", choices=("memory", "redis"))
    parser.add_argument("--all", action="store_true", help="throughput at 10k and 100k, memory and Redis")
    args = parser.parse_args()
    if args.quality:
        quality(args.articles, args.seed)
    if args.throughput:
        throughput(args.articles, args.throughput, args.seed)
    if args.all:
        for store, articles in (("memory", 10000), ("memory", 100000), ("redis", 10000), ("redis", 100000)):
            subprocess.run(
                [sys.executable, __file__, "--throughput", store, "--articles", str(articles)], check=True
            )


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
