"""Golden files: each fixture's renderings, byte for byte, through `clean()` as users call it.

A change that alters a rendering shows up here as a diff to review; when it is intended, rewrite
the files with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/render/test_golden.py` and commit them.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from cleaner import CleanOptions, clean
from cleaner.render import RENDERINGS, SUFFIXES, render
from tests.conftest import FIXTURES

GOLDEN = FIXTURES / "render" / "golden"
PAGES = [
    FIXTURES / "render" / "structured-guide.html",
    FIXTURES / "render" / "hostile-article.html",
    FIXTURES / "harbour-library-paywall.html",
    FIXTURES / "clean-howto-cancel-subscriptions.txt",
]


def _rendered(page: Path, rendering: str) -> str:
    document = clean(page.read_bytes(), CleanOptions(), url="https://example.org/a")
    return render(document, rendering, links=True, images=True)


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_rendering_matches_its_golden_file(page: Path, rendering: str) -> None:
    golden = GOLDEN / (page.name.rsplit(".", 1)[0] + SUFFIXES[rendering])
    produced = _rendered(page, rendering)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


def test_the_guide_keeps_its_structure_in_markdown() -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(_rendered(PAGES[0], "markdown"))
    types = [token.type for token in tokens]
    assert types.count("bullet_list_open") == 2  # the list and the list nested in its second item
    assert types.count("ordered_list_open") == 1 and types.count("list_item_open") == 8
    assert types.count("table_open") == 1 and types.count("th_open") == 3 and types.count("td_open") == 9
    assert types.count("blockquote_open") == 1
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["What you need", "The method, step by step", "Ratios we tested"]
    code = next(token for token in tokens if token.type == "fence")
    assert code.content == (
        "def average_ratio(brews):\n"
        "    total = sum(water / coffee for coffee, water in brews)\n"
        "    return total / len(brews)  # e.g. 16.2 for *most* of our brews\n"
    )
    links = [token for inline in tokens if inline.children for token in inline.children]
    assert any(t.type == "link_open" and t.attrs["href"] == "https://example.org/scales" for t in links)
    assert any(t.type == "image" and t.attrs["src"] == "https://example.org/pour.jpg" for t in links)


class _Everything(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs


def test_nothing_executable_survives_a_hostile_page() -> None:
    html = _rendered(PAGES[1], "html")
    seen = _Everything()
    seen.feed(html)
    assert seen.tags & {"script", "style", "iframe", "object", "embed", "svg", "form", "input"} == set()
    assert {name for name, _ in seen.attributes} <= {"charset", "href", "src", "alt"}
    for name, value in seen.attributes:
        if name in {"href", "src"}:
            assert value is not None and value.startswith(("https://", "http://", "/")), value
    assert "javascript" not in html.lower() and "onerror" not in html.lower() and "data:" not in html
    assert "the council said in a statement" in html
    markdown = _rendered(PAGES[1], "markdown")
    assert "javascript" not in markdown.lower() and "data:" not in markdown
