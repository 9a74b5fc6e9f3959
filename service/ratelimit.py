"""Rate limits: a steady rate per minute with a burst, per API key or per client address.

The algorithm is GCRA (a token bucket kept as one number per key, the "theoretical arrival time"):
a request is allowed when it arrives no earlier than `burst - 1` intervals before that time, and it
moves the time on by one interval. A refused request costs nothing and is told how long to wait.

Where the numbers live decides what the limit means with several workers:
- `MemoryRateLimiter`: in the worker's memory. Each worker counts alone, so with N workers a client
  may get up to N times the rate (the kernel spreads connections over workers).
- `RedisRateLimiter` (when `CLEANER_REDIS_URL` is set): in Redis, one Lua script per request using
  Redis's own clock, so every worker and replica shares one limit. If Redis does not answer, the
  worker falls back to its own memory for a few seconds rather than refusing or waving everyone on.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Protocol

import redis
import redis.asyncio

logger = logging.getLogger("article_cleaner.ratelimit")

# Keys whose time has passed hold no information; past this many, they are dropped.
_MAX_MEMORY_KEYS = 100_000
# After Redis fails, how long this worker counts in memory before asking Redis again.
_REDIS_RETRY_SECONDS = 5.0
_PREFIX = "article-cleaner:ratelimit:"

_GCRA = """
local interval, tolerance = tonumber(ARGV[1]), tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
if tat - now > tolerance then return tostring(tat - now - tolerance) end
tat = tat + interval
redis.call('SET', KEYS[1], tostring(tat), 'PX', math.ceil((tat - now) * 1000) + 1000)
return '0'
"""


class RateLimiter(Protocol):
    async def wait_time(self, key: str) -> float:
        """0 when the request may go ahead (and it is counted), else the seconds to wait."""
        ...

    async def close(self) -> None: ...


class MemoryRateLimiter:
    """GCRA in this worker's memory."""

    def __init__(self, per_minute: int, burst: int) -> None:
        self.interval = 60.0 / per_minute
        self.tolerance = self.interval * (burst - 1)
        self._arrival: dict[str, float] = {}
        self._lock = threading.Lock()

    async def wait_time(self, key: str) -> float:
        return self.check(key, time.monotonic())

    def peek(self, key: str) -> float:
        """The seconds `key` must wait now (0: it may go ahead), counting nothing."""
        now = time.monotonic()
        with self._lock:
            return max(0.0, self._arrival.get(key, now) - now - self.tolerance)

    def check(self, key: str, now: float) -> float:
        """The GCRA step at time `now`."""
        with self._lock:
            arrival = max(self._arrival.get(key, now), now)
            if arrival - now > self.tolerance:
                return arrival - now - self.tolerance
            self._arrival[key] = arrival + self.interval
            if len(self._arrival) > _MAX_MEMORY_KEYS:
                self._arrival = {k: t for k, t in self._arrival.items() if t > now}
            return 0.0

    async def close(self) -> None:
        return None


class RedisRateLimiter:
    """GCRA in Redis, shared by every worker and replica; this worker's memory while Redis is away."""

    def __init__(self, url: str, per_minute: int, burst: int) -> None:
        self._fallback = MemoryRateLimiter(per_minute, burst)
        self._client = redis.asyncio.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self._script = self._client.register_script(_GCRA)
        self._args = (repr(self._fallback.interval), repr(self._fallback.tolerance))
        self._redis_again_at = 0.0

    async def wait_time(self, key: str) -> float:
        if time.monotonic() >= self._redis_again_at:
            try:
                return float(await self._script(keys=[_PREFIX + key], args=list(self._args)))
            except redis.RedisError as exc:
                self._redis_again_at = time.monotonic() + _REDIS_RETRY_SECONDS
                logger.warning("rate limits counted in this worker: Redis does not answer (%s)", exc)
        return await self._fallback.wait_time(key)

    async def close(self) -> None:
        await self._client.aclose()


def open_rate_limiter(per_minute: int, burst: int, redis_url: str | None) -> RateLimiter | None:
    """None when there is no limit; Redis when configured, else memory."""
    if per_minute <= 0:
        return None
    if redis_url:
        return RedisRateLimiter(redis_url, per_minute, burst)
    return MemoryRateLimiter(per_minute, burst)
