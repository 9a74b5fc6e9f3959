"""Page metadata from the head and markup: title, author (with a byline fallback), date, site, language."""

from __future__ import annotations

import pytest
from lxml import html

from cleaner.read.metadata import page_metadata

HEAD = (
    "<title>Harbour bridge reopens | Coastal Times</title>"
    '<meta property="og:site_name" content="Coastal Times">'
    '<meta property="article:published_time" content="2024-03-05T08:00:00Z">'
)


def _metadata(head: str, body: str = "", url: str | None = None) -> object:
    page = f'<html lang="en-GB"><head>{head}</head><body>{body}<p>Text of the article.</p></body></html>'
    return page_metadata(html.fromstring(page), url)


def test_head_fields() -> None:
    meta = _metadata(HEAD + '<meta name="author" content="Maria Lopez">', url="https://example.com/a")
    assert meta.title == "Harbour bridge reopens"  # type: ignore[attr-defined]
    assert meta.author == "Maria Lopez"  # type: ignore[attr-defined]
    assert meta.date == "2024-03-05"  # type: ignore[attr-defined]
    assert meta.sitename == "Coastal Times" and meta.language == "en-GB"  # type: ignore[attr-defined]
    assert meta.url == "https://example.com/a"  # type: ignore[attr-defined]


def test_json_ld_author() -> None:
    ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "Person", "name": "Ali Kemal"}}</script>'
    assert _metadata(HEAD + ld).author == "Ali Kemal"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "author"),
    [
        ('<p class="byline">By Jane Doe</p>', "Jane Doe"),
        ('<span class="author-name">Posted by Sam Okafor</span>', "Sam Okafor"),
        ('<a rel="author" href="/staff/lee">Min-jun Lee</a>', "Min-jun Lee"),
        # A comment form's label and a dateline are not authors.
        ('<form><label class="author">Name *</label></form>', None),
        ('<p class="byline">November 18, 2019 11:03 PM</p>', None),
        ('<p class="byline">By</p>', None),
    ],
)
def test_byline_fallback(body: str, author: str | None) -> None:
    assert _metadata(HEAD, body).author == author  # type: ignore[attr-defined]


def test_broken_json_ld_and_empty_head() -> None:
    meta = _metadata('<script type="application/ld+json">{"author": </script>')
    assert meta.title is None and meta.author is None and meta.date is None  # type: ignore[attr-defined]
