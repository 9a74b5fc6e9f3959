"""Collections: the in-memory and the Redis store give the same answers, atomically and idempotently."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import redis

from cleaner.errors import (
    CollectionFullError,
    CollectionMismatchError,
    IdConflictError,
    StoreUnavailableError,
)
from cleaner.near.corpus import IndexParams
from cleaner.near.redis_store import RedisStore
from cleaner.near.store import CollectionLimits, CollectionStore, Entry, Match, MemoryStore
from cleaner.sketch.lsh import band_keys
from tests.conftest import free_port
from tests.redis_servers import REDIS_SERVER, RedisServer

PARAMS = IndexParams(num_perm=32, bands=8, rows=4, shingle_words=3, threshold=0.5)


@pytest.fixture(params=["memory", "redis"])
def store(request: pytest.FixtureRequest) -> Iterator[CollectionStore]:
    if request.param == "memory":
        yield MemoryStore()
        return
    opened = RedisStore(request.getfixturevalue("redis_url"))
    yield opened
    opened.close()


def _signature(seed: int, same_as: np.ndarray | None = None, keep: int = 32) -> np.ndarray:
    """A random signature, or one sharing its first `keep` values with `same_as`."""
    values = np.random.default_rng(seed).integers(0, 2**32, size=32, dtype=np.uint64).astype(np.uint32)
    if same_as is not None:
        values[:keep] = same_as[:keep]
    return values


def _entry(
    id: str, signature: np.ndarray, site: str = "example.com", prints: tuple[str, ...] = ("p1", "p2")
) -> Entry:
    return Entry(id, signature, band_keys(signature, PARAMS.bands, PARAMS.rows)[0], site, prints)


def test_match_retry_and_counts(store: CollectionStore) -> None:
    first = _signature(1)
    assert store.admit("news", PARAMS, _entry("a", first)).near_duplicate_of is None
    near = _entry("b", _signature(2, first, keep=24))
    answer = store.admit("news", PARAMS, near)
    assert answer.near_duplicate_of == Match("a", 0.75) and not answer.retry
    # A near duplicate is added but does not count as a new story of the site.
    assert answer.site_counts == {"p1": 1, "p2": 1}
    other = store.admit("news", PARAMS, _entry("c", _signature(3), prints=("p1", "p3")))
    assert other.near_duplicate_of is None and other.site_counts == {"p1": 2, "p3": 1}
    retry = store.admit("news", PARAMS, near)
    assert retry.retry and retry.near_duplicate_of == Match("a", 0.75) and retry.site_counts["p1"] == 2
    assert store.admit("news", PARAMS, _entry("a", first)).near_duplicate_of is None  # no self-match


def test_best_match_and_ties(store: CollectionStore) -> None:
    base = _signature(10)
    store.admit("c", PARAMS, _entry("x", _signature(11, base, keep=20)))
    store.admit("c", PARAMS, _entry("y", _signature(12, base, keep=28)))
    store.admit("c", PARAMS, _entry("z", _signature(13, base, keep=28)))
    assert store.admit("c", PARAMS, _entry("q", base)).near_duplicate_of == Match("y", 0.875)


def test_sites_are_counted_apart(store: CollectionStore) -> None:
    store.admit("c", PARAMS, _entry("a", _signature(1), site="one.example"))
    assert store.admit("c", PARAMS, _entry("b", _signature(2), site="two.example")).site_counts == {
        "p1": 1,
        "p2": 1,
    }


def test_same_id_with_another_article_is_a_conflict(store: CollectionStore) -> None:
    store.admit("c", PARAMS, _entry("a", _signature(1)))
    with pytest.raises(IdConflictError):
        store.admit("c", PARAMS, _entry("a", _signature(2)))


def test_other_parameters_are_a_mismatch(store: CollectionStore) -> None:
    store.admit("c", PARAMS, _entry("a", _signature(1)))
    other = IndexParams(num_perm=32, bands=8, rows=4, shingle_words=2, threshold=0.5)
    with pytest.raises(CollectionMismatchError):
        store.admit("c", other, _entry("b", _signature(2)))


def test_drop(store: CollectionStore) -> None:
    assert store.drop("c") is False
    store.admit("c", PARAMS, _entry("a", _signature(1)))
    store.admit("keep", PARAMS, _entry("a", _signature(1)))
    assert store.drop("c") is True and store.drop("c") is False
    assert store.admit("c", PARAMS, _entry("a", _signature(2))).near_duplicate_of is None  # a new collection
    assert store.admit("keep", PARAMS, _entry("a", _signature(1))).retry


def test_concurrent_admissions_stay_consistent(store: CollectionStore) -> None:
    """Eight threads add the same id and eight near duplicates of one another at the same moment."""
    base = _signature(100)
    start = threading.Barrier(16)
    answers: dict[str, list[object]] = {"same": [], "near": []}

    def add(kind: str, id: str, signature: np.ndarray) -> None:
        start.wait()
        answers[kind].append(store.admit("race", PARAMS, _entry(id, signature)))

    threads = [threading.Thread(target=add, args=("same", "one-id", base)) for _ in range(8)]
    threads += [
        threading.Thread(target=add, args=("near", f"n{i}", _signature(200 + i, base, 30))) for i in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    same = answers["same"]
    assert sum(not a.retry for a in same) == 1  # type: ignore[attr-defined]
    assert len({a.near_duplicate_of for a in same}) == 1  # type: ignore[attr-defined]
    # Serialised: exactly one of the sixteen admissions saw an empty collection.
    firsts = [a for kind in answers.values() for a in kind if a.near_duplicate_of is None]  # type: ignore[attr-defined]
    assert len(firsts) == 1 + sum(a.retry for a in firsts)  # type: ignore[attr-defined]


def test_redis_down_is_store_unavailable() -> None:
    store = RedisStore("redis://127.0.0.1:1/0", timeout=0.5)  # nothing listens on port 1
    with pytest.raises(StoreUnavailableError):
        store.admit("c", PARAMS, _entry("a", _signature(1)))


def _refusing_redis(tmp_path: Path, how: str) -> Iterator[RedisServer]:
    """A redis-server of this test's own that answers but refuses writes: out of memory, or turned
    into a read-only replica of a master that does not exist."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path / "redis", persistent=False).start()
    client = redis.Redis.from_url(server.url())
    try:
        if how == "oom":
            client.config_set("maxmemory-policy", "noeviction")
            client.config_set("maxmemory", "1")
        else:
            client.execute_command("REPLICAOF", "127.0.0.1", str(free_port()))
        yield server
    finally:
        client.close()
        server.stop()


@pytest.fixture(params=["oom", "readonly"])
def refusing_redis(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RedisServer]:
    yield from _refusing_redis(tmp_path, request.param)


def test_redis_that_refuses_writes_is_store_unavailable(refusing_redis: RedisServer) -> None:
    store = RedisStore(refusing_redis.url(3), timeout=2)
    try:
        for number in range(3):
            with pytest.raises(StoreUnavailableError, match="refused"):
                store.admit(f"c{number}", PARAMS, _entry(f"a{number}", _signature(number)))
        # Dropping reads first (a replica still answers reads), then fails on the write, or finds nothing.
        with contextlib.suppress(StoreUnavailableError):
            assert store.drop("c0") is False
    finally:
        store.close()


@pytest.fixture(params=["memory", "redis"])
def bounded_store(request: pytest.FixtureRequest) -> Iterator[CollectionStore]:
    limits = CollectionLimits(per_collection=4, total=6)
    if request.param == "memory":
        yield MemoryStore(limits)
        return
    opened = RedisStore(request.getfixturevalue("redis_url"), limits=limits)
    yield opened
    opened.close()


def test_a_collection_at_its_bound_refuses_new_articles_and_answers_retries(
    bounded_store: CollectionStore,
) -> None:
    signatures = [_signature(100 + n) for n in range(6)]
    for n in range(4):
        bounded_store.admit("full", PARAMS, _entry(f"a{n}", signatures[n]))
    for n in (4, 5):
        with pytest.raises(CollectionFullError, match="most one collection may hold"):
            bounded_store.admit("full", PARAMS, _entry(f"a{n}", signatures[n]))
    # A retry of an article already in is answered as before; nothing was evicted.
    assert bounded_store.admit("full", PARAMS, _entry("a0", signatures[0])).retry
    assert bounded_store.admit("full", PARAMS, _entry("a3", signatures[3])).documents == 4
    # Dropping the collection makes room.
    assert bounded_store.drop("full")
    assert bounded_store.admit("full", PARAMS, _entry("a4", signatures[4])).documents == 1


def test_in_memory_collections_share_a_total_bound() -> None:
    store = MemoryStore(CollectionLimits(per_collection=4, total=6))
    for n in range(6):
        store.admit(f"c{n % 3}", PARAMS, _entry(f"t{n}", _signature(200 + n)))
    assert store.documents == 6
    for collection in ("c0", "c1", "brand-new"):
        with pytest.raises(CollectionFullError, match="together"):
            store.admit(collection, PARAMS, _entry("more", _signature(300)))
    assert store.drop("c0") and store.documents == 4
    store.admit("brand-new", PARAMS, _entry("more", _signature(300)))
    assert store.documents == 5


@pytest.mark.parametrize("per_collection", [1, 2, 7])
def test_the_bound_holds_under_concurrent_admissions(
    bounded_store: CollectionStore, per_collection: int
) -> None:
    limits = CollectionLimits(per_collection=per_collection)
    store: CollectionStore = MemoryStore(limits) if isinstance(bounded_store, MemoryStore) else bounded_store
    if isinstance(store, RedisStore):
        store.limits = limits
    outcomes: list[str] = []

    def admit(n: int) -> None:
        try:
            store.admit("race", PARAMS, _entry(f"r{n}", _signature(400 + n)))
            outcomes.append("in")
        except CollectionFullError:
            outcomes.append("full")

    threads = [threading.Thread(target=admit, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("in") == per_collection and outcomes.count("full") == 16 - per_collection
