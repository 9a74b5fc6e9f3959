"""End to end on real-looking pages: every fixtures/<case>.expect.json against its page, read from disk.

An expectation file holds:
- "format": "html" or "text", the format the page is cleaned as;
- "once": snippets that must appear exactly once in the clean text (a lead that was captured twice);
- "with": snippets that must appear; "without": snippets that must not;
- "removed" (optional): {reason: minimum number of blocks removed for it}.
Pages named clean-* are false-positive guards: nothing on them may be removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleaner import CleanOptions, Document, Reason, clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECT_SUFFIX = ".expect.json"
PAGE_SUFFIXES = (".html", ".txt")
KEYS = {"format", "once", "with", "without", "removed"}


def _cases() -> list[str]:
    return sorted(path.name[: -len(EXPECT_SUFFIX)] for path in FIXTURES.glob(f"*{EXPECT_SUFFIX}"))


def _page(case: str) -> Path:
    pages = [
        FIXTURES / f"{case}{suffix}" for suffix in PAGE_SUFFIXES if (FIXTURES / f"{case}{suffix}").exists()
    ]
    assert len(pages) == 1, f"{case}: expected exactly one page file, found {pages}"
    return pages[0]


def _expect(case: str) -> dict[str, Any]:
    expect: dict[str, Any] = json.loads((FIXTURES / f"{case}{EXPECT_SUFFIX}").read_text(encoding="utf-8"))
    return expect


def _cleaned(case: str) -> Document:
    return clean(_page(case).read_bytes(), CleanOptions(format=_expect(case)["format"]))


CASES = _cases()


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 8
    assert {_expect(case)["format"] for case in CASES} == {"html", "text"}


def test_every_page_has_an_expectation() -> None:
    pages = {path.stem for suffix in PAGE_SUFFIXES for path in FIXTURES.glob(f"*{suffix}")}
    assert pages == set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_expectation_is_well_formed(case: str) -> None:
    expect = _expect(case)
    assert set(expect) <= KEYS and {"format", "with", "without"} <= set(expect)
    assert expect["format"] in ("html", "text")
    assert expect["format"] == ("html" if _page(case).suffix == ".html" else "text")
    for key in ("once", "with", "without"):
        assert all(isinstance(s, str) and s for s in expect.get(key, [])), key
    for reason, count in expect.get("removed", {}).items():
        assert Reason(reason) and count >= 1


@pytest.mark.parametrize("case", CASES)
def test_snippets_once(case: str) -> None:
    text = _cleaned(case).text()
    counts = {snippet: text.count(snippet) for snippet in _expect(case).get("once", [])}
    assert counts == dict.fromkeys(counts, 1)


@pytest.mark.parametrize("case", CASES)
def test_snippets_kept(case: str) -> None:
    text = _cleaned(case).text()
    missing = [snippet for snippet in _expect(case)["with"] if snippet not in text]
    assert missing == []


@pytest.mark.parametrize("case", CASES)
def test_snippets_dropped(case: str) -> None:
    text = _cleaned(case).text()
    left = [snippet for snippet in _expect(case)["without"] if snippet in text]
    assert left == []


@pytest.mark.parametrize("case", CASES)
def test_removed_counts(case: str) -> None:
    counts = _cleaned(case).removed_counts()
    short = {
        reason: (counts.get(reason, 0), least)
        for reason, least in _expect(case).get("removed", {}).items()
        if counts.get(reason, 0) < least
    }
    assert short == {}


@pytest.mark.parametrize("case", [case for case in CASES if case.startswith("clean-")])
def test_clean_pages_lose_nothing(case: str) -> None:
    """Nothing inside the article is removed; around it, only the page's own parts (masthead, menus,
    footer, byline) and the headline, which is the title field."""
    document = _cleaned(case)
    kept = [block.index for block in document.blocks if block.kept]
    inside = [b for b in document.blocks if kept[0] <= b.index <= kept[-1] and b.removed]
    assert [(block.rule, block.text) for block in inside] == []
    around = {block.removed for block in document.blocks if block.removed}
    assert around <= {Reason.OUTSIDE_ARTICLE, Reason.TITLE}


@pytest.mark.parametrize("case", CASES)
def test_text_and_bytes_inputs_agree(case: str) -> None:
    options = CleanOptions(format=_expect(case)["format"])
    page = _page(case)
    assert clean(page.read_text(encoding="utf-8"), options).text() == _cleaned(case).text()


def test_tweet_image_link_inside_html_embed_is_removed() -> None:
    assert "pic.twitter.com" not in _cleaned("lantern-festival-embeds").text()
