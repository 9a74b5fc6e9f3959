"""Collections in Redis, shared by every service worker and replica, one Lua script per admission.

Layout (our own, not datasketch's Redis storage; see docs/dedup.md for why), all keys of a
collection NAME under the hash tag `{NAME}` so that they live in one Redis Cluster slot:

    article-cleaner:{NAME}:meta      HASH  params -> index parameters, next -> last sequence number
    article-cleaner:{NAME}:ids       HASH  caller's id -> sequence number
    article-cleaner:{NAME}:names     HASH  sequence number -> caller's id
    article-cleaner:{NAME}:sigs      HASH  sequence number -> signature (num_perm little-endian uint32)
    article-cleaner:{NAME}:answers   HASH  sequence number -> "" or "<equal values> <matched seq>"
    article-cleaner:{NAME}:sites     HASH  "<site>\\x1f<fingerprint>" -> stories carrying that block
    article-cleaner:{NAME}:band:<i>  HASH  band key (hex) -> comma-joined sequence numbers

The admission script reads the candidates' signatures, compares them, adds the article and counts
its blocks inside Redis: a script runs atomically, so two workers adding the same id (or two near
duplicates) at once are serialised and see each other, in one round trip.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import redis

from cleaner.errors import CollectionMismatchError, StoreUnavailableError
from cleaner.near.corpus import IndexParams
from cleaner.near.store import NO_LIMITS, Admission, CollectionLimits, Entry, Match, check_same_article

PREFIX = "article-cleaner"
_FIXED = ("meta", "ids", "names", "sigs", "answers", "sites")

_ADMIT = """
local meta, ids, names, sigs, answers, sites = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local params, id, sig, min_equal, width, site = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local nprints = tonumber(ARGV[7])
local stored = redis.call('HGET', meta, 'params')
if stored and stored ~= params then return {'mismatch', stored, 0, {}, 0} end
if not stored then redis.call('HSET', meta, 'params', params) end

local function equal_values(a, b)
  local n = 0
  for i = 1, #a, width do
    if string.sub(a, i, i + width - 1) == string.sub(b, i, i + width - 1) then n = n + 1 end
  end
  return n
end

local function counts(increment)
  local out = {}
  for i = 1, nprints do
    local field = site .. '\\31' .. ARGV[7 + i]
    if increment then
      out[i] = redis.call('HINCRBY', sites, field, 1)
    else
      out[i] = tonumber(redis.call('HGET', sites, field) or '0')
    end
  end
  return out
end

local function answer_of(seq)
  local answer = redis.call('HGET', answers, seq)
  if answer == '' then return '' end
  local equal, matched = string.match(answer, '(%d+) (%d+)')
  return equal .. ' ' .. redis.call('HGET', names, matched)
end

local seq = redis.call('HGET', ids, id)
if seq then
  return {'retry', answer_of(seq), equal_values(redis.call('HGET', sigs, seq), sig), counts(false), redis.call('HLEN', ids)}
end
local max_docs = tonumber(ARGV[8 + nprints + #KEYS - 6])
local held = redis.call('HLEN', ids)
if max_docs > 0 and held >= max_docs then return {'full', '', 0, {}, held} end

local best_seq, best_equal, seen = nil, -1, {}
for band = 1, #KEYS - 6 do
  local members = redis.call('HGET', KEYS[6 + band], ARGV[7 + nprints + band])
  if members then
    for member in string.gmatch(members, '[^,]+') do
      if not seen[member] then
        seen[member] = true
        local n = equal_values(redis.call('HGET', sigs, member), sig)
        local m = tonumber(member)
        if n >= min_equal and (n > best_equal or (n == best_equal and m < best_seq)) then
          best_seq, best_equal = m, n
        end
      end
    end
  end
end

seq = tostring(redis.call('HINCRBY', meta, 'next', 1))
redis.call('HSET', ids, id, seq)
redis.call('HSET', names, seq, id)
redis.call('HSET', sigs, seq, sig)
for band = 1, #KEYS - 6 do
  local key = ARGV[7 + nprints + band]
  local members = redis.call('HGET', KEYS[6 + band], key)
  redis.call('HSET', KEYS[6 + band], key, members and (members .. ',' .. seq) or seq)
end
if best_seq then
  redis.call('HSET', answers, seq, best_equal .. ' ' .. best_seq)
  return {'added', answer_of(seq), 0, counts(false), redis.call('HLEN', ids)}
end
redis.call('HSET', answers, seq, '')
return {'added', '', 0, counts(true), redis.call('HLEN', ids)}
"""

_DROP = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('UNLINK', unpack(KEYS))
return 1
"""


class RedisStore:
    """Collections in Redis (`redis://host:port/db`), shared across processes and restarts."""

    def __init__(self, url: str, timeout: float = 5.0, limits: CollectionLimits = NO_LIMITS) -> None:
        # Per collection, checked inside the admission script; the total is Redis's own memory
        # (maxmemory: a Redis that refuses writes answers store_unavailable).
        self.limits = limits
        self._client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        self._admit = self._client.register_script(_ADMIT)
        self._drop = self._client.register_script(_DROP)

    def admit(self, collection: str, params: IndexParams, entry: Entry) -> Admission:
        keys = [*_keys(collection, _FIXED), *_keys(collection, [f"band:{b}" for b in range(params.bands)])]
        args: list[Any] = [
            params.describe(),
            entry.id,
            entry.signature.astype("<u4" if entry.signature.dtype == np.uint32 else "<u8").tobytes(),
            params.min_equal,
            entry.signature.dtype.itemsize,
            entry.site,
            len(entry.fingerprints),
            *entry.fingerprints,
            *(f"{key:x}" for key in entry.keys.tolist()),
            self.limits.per_collection,
        ]
        status, answer, equal, counts, documents = self._call(self._admit, keys, args)
        if status == b"full":
            self.limits.check(collection, int(documents))
        if status == b"mismatch":
            raise CollectionMismatchError(
                f"collection {collection!r} was built with {answer.decode()}, not {params.describe()}"
            )
        if status == b"retry":
            check_same_article(collection, entry.id, int(equal), params)
        match = None
        if answer:
            equal_values, matched = answer.decode().split(" ", 1)
            match = Match(matched, round(int(equal_values) / params.num_perm, 3))
        return Admission(
            match,
            dict(zip(entry.fingerprints, map(int, counts), strict=True)),
            int(documents),
            retry=status == b"retry",
        )

    def drop(self, collection: str) -> bool:
        # The band keys to delete depend on the parameters the collection was built with.
        params = self._call(
            lambda keys, args: self._client.hget(keys[0], "params"), _keys(collection, ["meta"]), []
        )
        bands = int(params.decode().split("bands=")[1].split()[0]) if params else 0
        keys = [*_keys(collection, _FIXED), *_keys(collection, [f"band:{b}" for b in range(bands)])]
        return bool(self._call(self._drop, keys, []))

    def ping(self) -> bool:
        """True when Redis answers."""
        try:
            return bool(self._client.ping())
        except redis.RedisError:
            return False

    def close(self) -> None:
        self._client.close()

    @staticmethod
    def _call(script: Any, keys: list[str], args: list[Any]) -> Any:
        try:
            return script(keys=keys, args=args)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            raise StoreUnavailableError(f"the collection store (Redis) does not answer: {exc}") from exc
        except redis.RedisError as exc:
            # Up but refusing: out of memory (OOM), a read-only replica (READONLY), loading, busy
            # with a script, ... For the client it is the same as down: retry later, elsewhere.
            raise StoreUnavailableError(f"the collection store (Redis) refused the request: {exc}") from exc


def _keys(collection: str, names: Any) -> list[str]:
    return [f"{PREFIX}:{{{collection}}}:{name}" for name in names]
