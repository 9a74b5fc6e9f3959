"""HTML to blocks: every block of visible text in the page, typed, with the page's evidence for each.

The page is parsed once (trafilatura's loader) and walked once (`cleaner.read.page`): every block of
text in reading order, with its structure. trafilatura's recall-first extraction runs on the same
tree (`cleaner.read.extract`), and its output is evidence, not the answer: how much of each block the extractor kept is one
of the block's layout features (`cleaner.read.layout`). Which blocks are the article is decided by
a marking step (`cleaner.mark.page_article`), so what the page around the article held is
explained like every other removal.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import trafilatura
from trafilatura.utils import load_html

from cleaner.document import Block, Image, Kind, Link, Metadata
from cleaner.options import CleanOptions
from cleaner.read.access import declared_paywall
from cleaner.read.extract import recall_text
from cleaner.read.jsonld import json_ld
from cleaner.read.layout import block_regions, layout_features
from cleaner.read.metadata import page_metadata
from cleaner.read.page import LIST_TAGS, PageBlock, page_blocks
from cleaner.read.page_type import detect_page_type
from cleaner.read.segment import Segmented, numbered, segment_text, split_residue

# An XML declaration at the start: its encoding was already applied (or ignored) when the bytes were
# decoded; left in the text, lxml refuses the str and the loader re-reads it as bytes in whatever
# encoding the declaration names (a page saying encoding="hex" or "latin-1" lost its whole text).
_XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]{0,256}\?>")


def segment_html(html: str, options: CleanOptions, url: str | None = None) -> Segmented:
    """Every block of the page with its structure and layout features, plus the page's metadata."""
    html = _XML_DECLARATION.sub("", html, count=1)
    tree = load_html(html)
    page = page_blocks(tree) if tree is not None else None
    if tree is None or page is None or not page.blocks:
        # Nothing to walk (tiny or unusual pages): trafilatura's baseline still finds paragraphs,
        # article elements and JSON-LD bodies, which beats answering nothing.
        _, text, _ = trafilatura.baseline(html)
        return Segmented(segment_text(text).blocks if text.strip() else [], Metadata(url=url))
    metadata = page_metadata(tree, url)
    linked_data = json_ld(tree)  # parsed once for both readers
    metadata.paywalled = declared_paywall(tree, linked_data)
    metadata.page_type, _ = detect_page_type(tree, url, linked_data)
    # Last: the extraction prunes the tree (the walk's blocks and containers stay as they were).
    rows = layout_features(page, recall_text(tree, url))
    lined = [
        _lines(_block(found, region)) for found, region in zip(page.blocks, block_regions(rows), strict=True)
    ]
    blocks = [block for pieces in lined for block in pieces]
    # split_residue hands back the very list when no block holds embed residue (one search for the
    # page); otherwise it is split block by block, so each piece keeps its block's layout row.
    if split_residue(blocks) is not blocks:
        lined = [split_residue(pieces) for pieces in lined]
        blocks = [block for pieces in lined for block in pieces]
    origin = [index for index, pieces in enumerate(lined) for _ in pieces]
    return Segmented(numbered(blocks), metadata, layout=rows[np.array(origin, dtype=np.int64)])


def _list_item_of(found: PageBlock) -> tuple[int, bool] | None:
    """(nesting, numbered) when a paragraph is the text of a list item (`<li><p>...</p></li>`, or a
    `<div>` between them): renderings show it as the item it is. The layout features keep the
    paragraph's own tag; this is the block's kind for the steps and renderings."""
    above = found.containers[:-1]
    if not any(str(element.tag).lower() == "li" for element in above[-2:]):
        return None
    lists = [tag for tag in (str(element.tag).lower() for element in above) if tag in LIST_TAGS]
    return max(1, len(lists)), bool(lists) and lists[-1] == "ol"


def _lines(block: Block) -> list[Block]:
    """A paragraph of <br>-separated lines (an address, a verse, a page crammed into one <p>) as
    lines the rules see one by one; renderings put them back together."""
    if block.kind is not Kind.PARAGRAPH or "\n" not in block.text:
        return [block]
    lines: list[Block] = []
    start = 0
    for line in block.text.split("\n"):
        end = start + len(line)
        if line.strip():
            links = [
                Link(k.start - start, k.end - start, k.href) for k in block.links if start <= k.start < end
            ]
            images = [Image(i.at - start, i.src, i.alt) for i in block.images if start <= i.at <= end]
            lines.append(replace(block, text=line, kind=Kind.LINE, links=links, images=images))
        start = end + 1
    return lines


def _block(found: PageBlock, region: str | None) -> Block:
    kind, level, ordered = found.kind, found.level, found.ordered
    if kind is Kind.PARAGRAPH and (item := _list_item_of(found)) is not None:
        kind, level, ordered = Kind.LIST_ITEM, *item
    return Block(
        index=-1,
        text=found.text,
        kind=kind,
        link_density=found.link_density,
        level=level,
        ordered=ordered,
        rows=found.rows,
        links=found.links,
        images=found.images,
        region=region,
    )
