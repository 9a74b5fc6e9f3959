"""Text to blocks: HTML through trafilatura's main-content body (typed), plain text by lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import trafilatura
from lxml.etree import _Element
from trafilatura.settings import Document as Extracted
from trafilatura.xml import xmltotxt

from cleaner.document import Block, Kind, Metadata
from cleaner.options import CleanOptions
from cleaner.rules import TRAILING_RESIDUE

# trafilatura's body tags and the block kind each becomes; lists are split into their items.
_KIND_BY_TAG: dict[str, Kind] = {
    "p": Kind.PARAGRAPH,
    "head": Kind.HEADING,
    "item": Kind.LIST_ITEM,
    "quote": Kind.QUOTE,
    "table": Kind.TABLE,
    "code": Kind.CODE,
}
_SPLIT_TAGS = frozenset({"list"})
_SKIP_TAGS = frozenset({"graphic", "lb"})

# A line starting with a bullet or a number is a list item in scraped plain text.
_LIST_MARKER = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,3}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass
class Segmented:
    """What segmentation found: the blocks and whatever metadata the input carried."""

    blocks: list[Block]
    metadata: Metadata


def segment_html(html: str, options: CleanOptions, url: str | None = None) -> Segmented:
    """Main content via trafilatura (comments off, its global dedup off), one block per element."""
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        favor_precision=options.favor_precision,
        with_metadata=True,
    )
    if not isinstance(extracted, Extracted) or extracted.body is None:
        # trafilatura found no main content (tiny or unusual pages): its baseline still finds
        # paragraphs, article elements and JSON-LD bodies, which beats answering nothing.
        _, text, _ = trafilatura.baseline(html)
        return Segmented(segment_text(text).blocks if text.strip() else [], Metadata(url=url))
    metadata = Metadata(
        title=extracted.title,
        author=extracted.author,
        date=extracted.date,
        url=url or extracted.url,
        sitename=extracted.sitename,
        language=extracted.language,
    )
    blocks: list[Block] = []
    _collect(extracted.body, blocks)
    return Segmented(_numbered(split_residue(blocks)), metadata)


def _collect(parent: _Element, out: list[Block]) -> None:
    if parent.text and parent.text.strip() and parent.tag == "body":
        out.append(_block(_tidy(parent.text)))
    for child in parent:
        tag = str(child.tag)
        if tag in _SPLIT_TAGS:
            _collect(child, out)
        elif tag not in _SKIP_TAGS:
            text = _element_text(child)
            if text:
                out.append(_block(text, _KIND_BY_TAG.get(tag, Kind.PARAGRAPH)))
        if child.tail and child.tail.strip():
            out.append(_block(_tidy(child.tail)))


def _element_text(element: _Element) -> str:
    tail, element.tail = element.tail, None
    try:
        return _tidy(xmltotxt(element, include_formatting=False))
    finally:
        element.tail = tail


def segment_text(text: str) -> Segmented:
    """Plain text: one block per line, except hard-wrapped paragraphs, which are joined back."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [_tidy(line) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            blocks.append(_block(" ".join(lines)))
            continue
        for line in lines:
            blocks.append(_block(line, Kind.LIST_ITEM if _LIST_MARKER.match(line) else Kind.PARAGRAPH))
    return Segmented(_numbered(split_residue(blocks)), Metadata())


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A chunk of similar-length lines that run on mid-sentence is one wrapped paragraph.

    Text editors and mail clients wrap at 60-100 columns, so a wrapped line rarely ends a sentence
    and the next one usually goes on in lower case; scraped pages put one block per line, whose
    lengths vary and which mostly end with sentence punctuation or start a new capitalised item.
    """
    if len(lines) < 2:
        return False
    body, continuations = lines[:-1], lines[1:]
    widest = max(len(line) for line in lines)
    if not 40 <= widest <= 100 or any(_LIST_MARKER.match(line) for line in lines):
        return False
    runs_on = sum(not line[0].isupper() for line in continuations)
    return (
        all(len(line) >= 0.6 * widest for line in body)
        and sum(line.rstrip()[-1:] in ".!?:" for line in body) <= len(body) // 2
        and runs_on * 2 >= len(continuations)
    )


def split_residue(blocks: list[Block]) -> list[Block]:
    """Split embed residue ending a line (`... pic.twitter.com/x`) off its block as a fragment.

    Scrapers keep a tweet's image link on the line of the tweet's text, and trafilatura keeps an
    embedded tweet as one block whose attribution line follows the link; the lines after the
    residue stay a block of their own, so nothing moves when the fragment is kept.
    """
    out: list[Block] = []
    for block in blocks:
        lines: list[str] = []
        for line in block.text.split("\n"):
            found = TRAILING_RESIDUE.search(line)
            head = line[: found.start()].rstrip() if found else ""
            if found and head:
                out += [
                    replace(block, text="\n".join([*lines, head])),
                    _block(found.group().strip(), Kind.FRAGMENT),
                ]
                lines = []
            else:
                lines.append(line)
        if lines:
            out.append(replace(block, text="\n".join(lines)))
    return out


def _block(text: str, kind: Kind = Kind.PARAGRAPH) -> Block:
    return Block(index=-1, text=text, kind=kind)


def _numbered(blocks: list[Block]) -> list[Block]:
    for index, block in enumerate(blocks):
        block.index = index
    return blocks


def _tidy(text: str) -> str:
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.strip().split("\n"))
