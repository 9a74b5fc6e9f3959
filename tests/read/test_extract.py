"""The recall-first extraction on our own tree gives exactly what `trafilatura.bare_extraction` gives."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from cleaner.read import extract
from cleaner.read.extract import recall_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = sorted(
    [
        *FIXTURES.glob("*.html"),
        *(FIXTURES / "render").glob("*.html"),
        *(FIXTURES / "eval-bench" / "html").glob("*"),
    ]
)
# No article at all, and a page whose only text is a short line: the extractor's edge cases.
SMALL_PAGES = [
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "<html><head><title>t</title></head><body><p>Hi.</p></body></html>",
]


def _html(path: Path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")


def _reference(html: str, url: str | None) -> str:
    """What the reader used to ask trafilatura for: its public API with these settings spelt out,
    on a tree it copies."""
    result = trafilatura.bare_extraction(
        load_html(html),
        url=url,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        favor_recall=True,
        fast=True,
        with_metadata=False,
    )
    return (result.text or "") if isinstance(result, Document) else ""


@pytest.mark.parametrize("html", [*map(_html, PAGES), *SMALL_PAGES])
def test_recall_text_equals_bare_extraction(html: str) -> None:
    assert recall_text(load_html(html), "https://example.com/a") == _reference(html, "https://example.com/a")


def test_there_are_pages_to_compare() -> None:
    assert len(PAGES) >= 6


def test_the_installed_trafilatura_takes_the_fast_path() -> None:
    # The release pyproject.toml resolves to has the internal sequence this module calls; without it
    # every page would pay for bare_extraction's copy.
    assert extract.SEQUENCE is not None


def test_without_the_internal_sequence_the_public_api_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    html = _html(PAGES[0])
    monkeypatch.setattr(extract, "SEQUENCE", None)
    assert recall_text(load_html(html), None) == _reference(html, None)
    assert recall_text(load_html(html), None)
