"""The body's copy of the headline: returned as `title`, marked `title` in the body."""

from __future__ import annotations

import pytest

from cleaner import CleanOptions, Document, Metadata, Reason, clean
from cleaner.document import Block, Kind
from cleaner.mark.title import mark_title

PROSE = (
    "The harbour bridge reopened to traffic on Tuesday morning after two years of repairs, officials said."
)


def _document(title: str | None, *texts: str) -> Document:
    blocks = [Block(i, text, Kind.HEADING if i == 0 else Kind.PARAGRAPH) for i, text in enumerate(texts)]
    return Document(blocks, "html", Metadata(title=title))


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Harbour bridge reopens after repairs", "Harbour bridge reopens after repairs"),
        ("Harbour bridge reopens after repairs | The Coastal Times", "Harbour bridge reopens after repairs"),
        ("Harbour bridge reopens after repairs - Coastal Times", "Harbour Bridge Reopens After Repairs"),
        ("Harbour bridge reopens", "Harbour bridge reopens: what changes for drivers"),
    ],
)
def test_headline_is_marked(title: str, heading: str) -> None:
    document = _document(title, heading, PROSE)
    mark_title(document, CleanOptions())
    assert document.blocks[0].removed is Reason.TITLE and document.blocks[1].kept


@pytest.mark.parametrize(
    ("title", "texts"),
    [
        (None, ("Harbour bridge reopens", PROSE)),
        ("Harbour bridge reopens", ("Other heading", PROSE)),
        # A paragraph that starts with the title's words is prose, not the headline.
        ("The harbour bridge reopened", (PROSE,)),
        # Far down the body, a line equal to the title is a quote or a caption.
        ("Harbour bridge reopens", ("Intro one.", "Intro two.", "Intro three.", "Harbour bridge reopens")),
        # A short title is too common a phrase to tell.
        ("Sports", ("Sports results", PROSE)),
    ],
)
def test_other_blocks_stay(title: str | None, texts: tuple[str, ...]) -> None:
    document = _document(title, *texts)
    mark_title(document, CleanOptions())
    assert all(block.kept for block in document.blocks)


def test_only_one_headline_and_it_can_be_kept() -> None:
    document = _document(
        "Harbour bridge reopens after repairs",
        "Harbour bridge reopens after repairs",
        "Harbour bridge reopens after repairs",
        PROSE,
    )
    mark_title(document, CleanOptions())
    assert [block.kept for block in document.blocks] == [False, True, True]
    keep_title = CleanOptions(reasons=frozenset(set(Reason) - {Reason.TITLE}))
    document = _document(
        "Harbour bridge reopens after repairs", "Harbour bridge reopens after repairs", PROSE
    )
    mark_title(document, keep_title)
    assert document.blocks[0].kept


def test_title_in_a_real_page() -> None:
    page = (
        "<html><head><title>Port reopens after storm | Daily Coast</title></head><body><article>"
        "<h1>Port reopens after storm</h1><p>"
        + PROSE
        + "</p><p>Shipping companies said the first container ships would dock on Wednesday.</p>"
        "</article></body></html>"
    )
    document = clean(page)
    assert document.metadata.title and document.metadata.title.startswith("Port reopens after storm")
    assert "Port reopens" not in document.text()
    assert document.removed_counts() == {"title": 1}
