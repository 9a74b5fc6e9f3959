"""Service settings from CLEANER_* environment variables, mapped onto the library's CleanOptions."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from cleaner.options import CleanOptions

# Control characters and lone surrogates (what os.environ makes of bytes that are not UTF-8).
_NOT_IN_KEYS = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


class Settings(BaseSettings):
    """Everything an operator can set; read once per process through `get_settings()`."""

    model_config = SettingsConfigDict(env_prefix="CLEANER_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    workers: int = Field(1, ge=1)
    # Largest request body (and largest page after gzip decompression), in bytes.
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1)
    # Seconds a request body may take to arrive; past it 408 `body_timeout`.
    body_timeout: float = Field(60.0, gt=0)
    # Bytes that the request bodies still arriving at one worker may hold in total; a body that
    # would go past it gets 503 `overloaded` (bodies that arrived count in max_pending instead).
    max_unfinished_bytes: int = Field(256 * 1024 * 1024, ge=1)
    # Largest request line and headers together, in bytes; past it 431 and the connection closes.
    max_header_bytes: int = Field(64 * 1024, ge=1024)
    # Most documents one /v1/clean/batch request may carry.
    max_batch_documents: int = Field(100, ge=1)
    log_level: str = "info"
    # json: one JSON object per line, for log collectors; plain: readable lines for development.
    log_format: Literal["json", "plain"] = "json"
    # Near-duplicate collections: in this process's memory when unset; in Redis (shared by workers
    # and replicas, kept across restarts) when set, e.g. redis://127.0.0.1:6379/0.
    redis_url: str | None = None
    # Articles one near-duplicate collection may hold (in memory or in Redis), and all in-memory
    # collections of a worker together (about 7 KiB each); past either, 507 `collection_full`
    # (nothing is evicted). 0: no bound.
    collection_max_documents: int = Field(100_000, ge=0)
    collections_max_documents: int = Field(200_000, ge=0)
    # A block on this many stories of one site in a collection is site boilerplate (0: off).
    site_min_docs: int = Field(3, ge=0)
    # Seconds one document may take to clean; past it the answer is 422 `timeout` and the child
    # process doing it is replaced (0: no limit, and cleaning runs in the worker's own threads).
    clean_timeout: float = Field(10.0, ge=0)
    # Warm child processes per worker that clean under the time limit: with two, one pathological
    # page leaves the worker another to serve everyone else with.
    clean_processes: int = Field(2, ge=1)
    # MiB each cleaning child may allocate beyond what it holds at start; a page needing more gets
    # 422 `memory_limit` (0: no cap). A 10 MB page of ordinary HTML needs a few hundred.
    clean_memory_mb: int = Field(1024, ge=0)
    # Requests one worker holds at once once their bodies have arrived (cleaning, or waiting for a
    # child) before answering 503 `overloaded`: each holds its body in memory, so this bounds
    # memory under a flood (bodies still arriving are bounded by max_unfinished_bytes).
    max_pending: int = Field(64, ge=1)
    # Of those, how many one client (an API key, or an address without keys) may hold; past it 429
    # `too_many_pending` (0: no share, only max_pending). Clients also take turns for the children.
    max_pending_per_client: int = Field(16, ge=0)
    # Seconds of cleaning one request may spend in all (a batch's documents share it, waiting for
    # a child included); documents not done by then get `time_budget` (0: no budget).
    request_timeout: float = Field(30.0, ge=0)
    # API keys, comma-separated: when set, every route but /healthz and the static pages needs
    # `Authorization: Bearer <key>`.
    api_keys: Annotated[frozenset[str], NoDecode] = frozenset()
    # Requests per minute per API key (or per client address without keys); 0: no limit.
    rate_limit: int = Field(0, ge=0)
    # Requests a key may send at once above the steady rate.
    rate_limit_burst: int = Field(10, ge=1)
    # Origins (comma-separated) whose pages may call the API from a browser; none: CORS off.
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    # Addresses of proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (uvicorn's
    # forwarded_allow_ips; comma-separated, or * behind a proxy that is the only way in).
    forwarded_allow_ips: str = "127.0.0.1"

    # Failed authentications (401) per minute per client address before it gets 429 for a while,
    # whatever key it sends then: guessing keys costs time (0: no limit). Counted per worker.
    auth_failure_limit: int = Field(30, ge=0)

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("api_keys", mode="before")
    @classmethod
    def _some_key_when_set(cls, value: Any) -> Any:
        """Fail closed: a key setting that holds no key (only commas or spaces) is a mistake, and
        serving without keys would open the door the operator meant to lock. Empty means none."""
        if isinstance(value, str) and value and not any(part.strip() for part in value.split(",")):
            raise ValueError(
                "is set but holds no key (only commas or spaces): set keys, or leave it empty for none"
            )
        return value

    @field_validator("api_keys")
    @classmethod
    def _keys_are_header_text(cls, keys: frozenset[str]) -> frozenset[str]:
        """Keys are compared as UTF-8 bytes (docs/operations.md): each must be whole Unicode text
        without control characters, which no Authorization header could carry."""
        for key in keys:
            if _NOT_IN_KEYS.search(key):
                raise ValueError("a key holds a control character or bytes that are not UTF-8 text")
        return keys

    @model_validator(mode="after")
    def _one_body_fits_in_flight(self) -> Settings:
        """A body of the largest allowed size must fit among the unfinished ones, or it could
        never be received."""
        if self.max_unfinished_bytes < self.max_body_bytes:
            raise ValueError(
                f"CLEANER_MAX_UNFINISHED_BYTES ({self.max_unfinished_bytes}) is below "
                f"CLEANER_MAX_BODY_BYTES ({self.max_body_bytes}): a body of the allowed size could never arrive"
            )
        return self

    def clean_options(self) -> CleanOptions:
        """The library options these settings imply."""
        return CleanOptions(max_bytes=self.max_body_bytes, site_min_docs=self.site_min_docs)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use (not at import time)."""
    return Settings()
