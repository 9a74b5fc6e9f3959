"""Service settings from CLEANER_* environment variables, mapped onto the library's CleanOptions."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from cleaner.options import CleanOptions


class Settings(BaseSettings):
    """Everything an operator can set; read once per process through `get_settings()`."""

    model_config = SettingsConfigDict(env_prefix="CLEANER_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    workers: int = Field(1, ge=1)
    # Largest request body (and largest page after gzip decompression), in bytes.
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1)
    # Most documents one /v1/clean/batch request may carry.
    max_batch_documents: int = Field(100, ge=1)
    log_level: str = "info"
    # json: one JSON object per line, for log collectors; plain: readable lines for development.
    log_format: Literal["json", "plain"] = "json"
    # Near-duplicate collections: in this process's memory when unset; in Redis (shared by workers
    # and replicas, kept across restarts) when set, e.g. redis://127.0.0.1:6379/0.
    redis_url: str | None = None
    # A block on this many stories of one site in a collection is site boilerplate (0: off).
    site_min_docs: int = Field(3, ge=0)

    def clean_options(self) -> CleanOptions:
        """The library options these settings imply."""
        return CleanOptions(max_bytes=self.max_body_bytes, site_min_docs=self.site_min_docs)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use (not at import time)."""
    return Settings()
