"""The systems an evaluation compares: the cleaner, and the baselines a user would compare it with.

Each is a small picklable callable from the page's bytes to (text, removed counts), so pages can be
spread over processes. HTML pages are compared with trafilatura in the settings people use (its
default, comments off, precision first); plain text with no cleaning at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from cleaner.options import CleanOptions
from cleaner.pipeline import clean
from cleaner.read.decode import decode

Prediction = tuple[str, dict[str, int]]


class Predictor(Protocol):
    """Page bytes -> (predicted article text, blocks removed per reason)."""

    def __call__(self, raw: bytes) -> Prediction: ...


@dataclass(frozen=True)
class CleanerSystem:
    """`clean()` with these options."""

    options: CleanOptions

    def __call__(self, raw: bytes) -> Prediction:
        document = clean(raw, self.options)
        return document.text(), document.removed_counts()


@dataclass(frozen=True)
class TrafilaturaSystem:
    """Bare `trafilatura.extract()` with these settings (its process-global dedup off)."""

    settings: dict[str, Any] = field(default_factory=dict)
    max_bytes: int = CleanOptions().max_bytes

    def __call__(self, raw: bytes) -> Prediction:
        import trafilatura

        text = decode(raw, self.max_bytes)
        return trafilatura.extract(text, deduplicate=False, **self.settings) or "", {}


@dataclass(frozen=True)
class UncleanedSystem:
    """The page's text as it came: what no cleaning at all gives."""

    max_bytes: int = CleanOptions().max_bytes

    def __call__(self, raw: bytes) -> Prediction:
        return decode(raw, self.max_bytes), {}


CLEANER = "article-cleaner"


def baselines(mode: str) -> dict[str, Predictor]:
    """The systems to compare the cleaner with on pages of this mode, by display name."""
    if mode == "text":
        return {"no cleaning": UncleanedSystem()}
    return {
        "trafilatura default": TrafilaturaSystem(),
        "trafilatura, comments off": TrafilaturaSystem({"include_comments": False}),
        "trafilatura, favor_precision": TrafilaturaSystem({"favor_precision": True}),
    }
