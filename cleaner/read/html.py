"""HTML to blocks: trafilatura's main content, checked against the page it came from.

The page is parsed once, with trafilatura's own loader, and the same tree serves trafilatura and
our checks (trafilatura copies before it prunes, so the tree stays whole):
- each block finds its element again, which gives its link density;
- when the body trafilatura chose is one of several sibling chunks of the same container (a CMS
  that cuts articles between ads), the other chunks' text is added in document order;
- when precision-first extraction returns almost nothing, recall-first extraction is a second
  opinion (some pages put a short notice in the container trafilatura trusts most).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Document as Extracted
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from cleaner.document import Block, Kind, Metadata
from cleaner.options import CleanOptions
from cleaner.read.access import declared_paywall
from cleaner.read.dom import CHUNK_TEXT_TAGS, PageIndex, link_density, sibling_chunks
from cleaner.read.metadata import page_metadata
from cleaner.read.segment import Segmented, new_block, numbered, segment_text, split_residue, tidy

# trafilatura's body tags and the block kind each becomes; lists are split into their items.
# An XML declaration at the start: its encoding was already applied (or ignored) when the bytes were
# decoded; left in the text, lxml refuses the str and the loader re-reads it as bytes in whatever
# encoding the declaration names (a page saying encoding="hex" or "latin-1" lost its whole text).
_XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]{0,256}\?>")

_KIND_BY_TAG: dict[str, Kind] = {
    "p": Kind.PARAGRAPH,
    "head": Kind.HEADING,
    "item": Kind.LIST_ITEM,
    "quote": Kind.QUOTE,
    "table": Kind.TABLE,
    "code": Kind.CODE,
}
_KIND_BY_HTML_TAG: dict[str, Kind] = {
    "p": Kind.PARAGRAPH,
    "h2": Kind.HEADING,
    "h3": Kind.HEADING,
    "h4": Kind.HEADING,
    "li": Kind.LIST_ITEM,
    "blockquote": Kind.QUOTE,
}
_SPLIT_TAGS = frozenset({"list"})
_SKIP_TAGS = frozenset({"graphic", "lb"})


@dataclass(frozen=True)
class ExtractionSettings:
    """Thresholds of the checks around trafilatura, as data."""

    # Below this many characters, precision-first output gets a recall-first second opinion (on the
    # shared benchmark it replaced 5 outputs, all under 350 characters; at 600 it ran on 13 pages)...
    short_output_chars: int = 400
    # ...which replaces it when it is at least this many times longer.
    second_opinion_gain: float = 2.0
    # A recovered chunk paragraph needs this many words (captions and buttons are shorter)...
    chunk_min_words: int = 8
    # ...and at most this share of link text.
    chunk_max_link_density: float = 0.5


SETTINGS = ExtractionSettings()


def segment_html(html: str, options: CleanOptions, url: str | None = None) -> Segmented:
    """Main content as typed blocks with link densities, plus the page's metadata."""
    html = _XML_DECLARATION.sub("", html, count=1)
    tree = load_html(html)
    extracted = _extract(tree, options.favor_precision, url) if tree is not None else None
    if options.favor_precision and tree is not None and _too_short(extracted):
        second = _extract(tree, False, url, favor_recall=True)
        if _length(second) >= SETTINGS.second_opinion_gain * max(_length(extracted), 1):
            extracted = second
    if extracted is None or extracted.body is None or tree is None:
        # No main content found (tiny or unusual pages): trafilatura's baseline still finds
        # paragraphs, article elements and JSON-LD bodies, which beats answering nothing.
        _, text, _ = trafilatura.baseline(html)
        return Segmented(segment_text(text).blocks if text.strip() else [], Metadata(url=url))
    blocks: list[Block] = []
    _collect(extracted.body, blocks)
    blocks = _with_page_structure(blocks, PageIndex(tree, [block.text for block in blocks]))
    metadata = page_metadata(tree, url)
    metadata.paywalled = declared_paywall(tree)
    return Segmented(numbered(split_residue(blocks)), metadata)


def _extract(
    tree: HtmlElement, favor_precision: bool, url: str | None, favor_recall: bool = False
) -> Extracted | None:
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        deduplicate=False,  # process-global cache: output would depend on earlier calls
        favor_precision=favor_precision,
        favor_recall=favor_recall,
        # Its fallback extractors (readability, jusText) cost a third of its time; our checks
        # around it (split bodies, second opinion) recover more on the shared benchmark.
        fast=True,
        # Metadata comes from cleaner.read.metadata, at a fraction of the cost.
        with_metadata=False,
    )
    return result if isinstance(result, Extracted) else None


def _length(extracted: Extracted | None) -> int:
    return len(extracted.text or "") if extracted is not None else 0


def _too_short(extracted: Extracted | None) -> bool:
    return _length(extracted) < SETTINGS.short_output_chars


def _collect(parent: _Element, out: list[Block]) -> None:
    if parent.text and parent.text.strip() and parent.tag == "body":
        out.append(new_block(tidy(parent.text)))
    for child in parent:
        tag = str(child.tag)
        if tag in _SPLIT_TAGS:
            _collect(child, out)
        elif tag not in _SKIP_TAGS:
            kind = _KIND_BY_TAG.get(tag, Kind.PARAGRAPH)
            text = _element_text(child)
            # A line break inside a paragraph (trafilatura's small-page fallback puts a whole page
            # in one, a <br> separates an address's lines) starts a line the rules must see on
            # its own; other elements keep their lines together.
            lines = [line for line in text.split("\n") if line.strip()] if kind is Kind.PARAGRAPH else [text]
            out.extend(new_block(line, Kind.LINE if len(lines) > 1 else kind) for line in lines)
        if child.tail and child.tail.strip():
            out.append(new_block(tidy(child.tail)))


def _element_text(element: _Element) -> str:
    tail, element.tail = element.tail, None
    try:
        return tidy(xmltotxt(element, include_formatting=False))
    finally:
        element.tail = tail


def _with_page_structure(blocks: list[Block], page: PageIndex) -> list[Block]:
    """Link densities from the page, and the body's missing sibling chunks in document order."""
    located_at: list[tuple[int, int]] = []  # (position in the page, index in blocks)
    paragraphs: list[HtmlElement] = []
    known: set[HtmlElement] = set()
    for index, block in enumerate(blocks):
        located = page.locate(block.text)
        if located is None:
            continue
        block.link_density = link_density(located.element)
        located_at.append((located.position, index))
        known.add(located.element)
        if block.kind is Kind.PARAGRAPH:
            paragraphs.append(located.element)
    # Recovered text goes after the last extracted block that precedes it in the page; the
    # extracted blocks themselves keep trafilatura's order.
    after: dict[int, list[Block]] = {}
    for chunk in sibling_chunks(paragraphs):
        for element in chunk.iter(*CHUNK_TEXT_TAGS):
            recovered = _recovered(element, known)
            if recovered is None:
                continue
            known.add(element)
            position = page.position_of(element)
            anchor = max((index for at, index in located_at if at < position), default=-1)
            after.setdefault(anchor, []).append(recovered)
    if not after:
        return blocks
    merged = after.get(-1, [])
    for index, block in enumerate(blocks):
        merged += [block, *after.get(index, [])]
    return merged


def _recovered(element: HtmlElement, known: set[HtmlElement]) -> Block | None:
    """A block for a chunk element that is prose and not already extracted, else None."""
    if element in known or any(ancestor in known for ancestor in element.iterancestors()):
        return None
    if any(child.tag in CHUNK_TEXT_TAGS for child in element):
        return None  # its children are visited themselves
    text = tidy(" ".join(element.text_content().split()))
    kind = _KIND_BY_HTML_TAG.get(str(element.tag), Kind.PARAGRAPH)
    if kind is Kind.PARAGRAPH and len(text.split()) < SETTINGS.chunk_min_words:
        return None
    density = link_density(element)
    if not text or density > SETTINGS.chunk_max_link_density:
        return None
    block = new_block(f"- {text}" if kind is Kind.LIST_ITEM else text, kind)
    block.link_density = density
    return block
