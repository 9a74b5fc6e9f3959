"""The kept blocks of a Document as renderings see them: fragments glued back onto their block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from cleaner.document import Block, Document, Image, Kind, Link

# A list marker that plain text carried in the item's text ("- ", "• ", "3. ", "b) "): renderings
# draw their own, so the item's own is taken off (and its number kept).
LIST_MARKER = re.compile(r"^\s*(?:[-–—*]\s+|[•·▪►◦‣]\s*|(\d{1,3})[.)]\s+)(?=\S)")
# A Markdown-style heading a plain text carried ("## Setup"): its level, and the text without it.
HEADING_MARKER = re.compile(r"^(#{1,6})\s+(?=\S)")
# Plain text has no markup for headings: a short line that ends without punctuation, standing
# before a paragraph of prose, reads as one ("On the website" above its steps).
HEADING_MAX_WORDS = 12
_NO_HEADING_END = re.compile(r"[.!?,;:…\-–—)\]\"”’']$")
_PROSE_END = re.compile(r"[.!?:…\"”’)]$")


@dataclass
class Unit:
    """One block to render: its kind, structure, text (with any glued fragments) and inline marks."""

    kind: Kind
    text: str
    level: int | None = None
    ordered: bool = False
    number: int | None = None
    rows: list[list[str]] | None = None
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)


def units(document: Document) -> list[Unit]:
    """Kept blocks in order, as units; a kept fragment joins the kept block before it. Relative
    link and image addresses are made absolute against the page's URL when it is known."""
    base = (
        document.metadata.url if (document.metadata.url or "").startswith(("http://", "https://")) else None
    )
    found: list[Unit] = []
    previous: Block | None = None
    for group in document.kept_groups():
        block = group[0]
        unit = _unit(block)
        unit.text = " ".join([unit.text, *(fragment.text for fragment in group[1:])])
        adjacent = previous is not None and previous.index + 1 == block.index
        if block.kind is Kind.LINE and adjacent and found and found[-1].kind is Kind.LINE:
            _join_line(found[-1], unit)  # lines of one paragraph: one paragraph again
        else:
            found.append(unit)
            if document.format == "text" and len(found) >= 2 and _reads_as_heading(found[-2], found[-1]):
                found[-2].kind, found[-2].level = Kind.HEADING, 1 if len(found) == 2 else 2
            if base and (found[-1].links or found[-1].images):
                found[-1].links = [Link(k.start, k.end, _absolute(base, k.href)) for k in found[-1].links]
                found[-1].images = [Image(i.at, _absolute(base, i.src), i.alt) for i in found[-1].images]
        previous = group[-1]
    return found


def _reads_as_heading(line: Unit, after: Unit) -> bool:
    """A plain-text paragraph that is a heading: short, unpunctuated, and followed by longer prose."""
    words = line.text.split()
    return (
        line.kind is Kind.PARAGRAPH
        and after.kind is Kind.PARAGRAPH
        and 0 < len(words) <= HEADING_MAX_WORDS
        and "\n" not in line.text
        and (line.text[0].isupper() or line.text[0].isdigit())
        and not _NO_HEADING_END.search(line.text)
        and len(after.text.split()) >= 2 * len(words)
        and bool(_PROSE_END.search(after.text))
    )


def _join_line(unit: Unit, line: Unit) -> None:
    offset = len(unit.text) + 1
    unit.links += [Link(k.start + offset, k.end + offset, k.href) for k in line.links]
    unit.images += [Image(i.at + offset, i.src, i.alt) for i in line.images]
    unit.text = f"{unit.text}\n{line.text}"


def _absolute(base: str, address: str) -> str:
    try:
        return urljoin(base, address.strip())
    except ValueError:  # a malformed address (an unclosed IPv6 bracket): left as it was, judged unsafe later
        return address


def _unit(block: Block) -> Unit:
    unit = Unit(
        block.kind, block.text, block.level, block.ordered, None, block.rows, block.links, block.images
    )
    # A list item, or a paragraph or line that starts with a bullet or an item number: in plain
    # text, and in pages that write their lists as paragraphs ("• Refillable water bottle").
    if block.kind in (Kind.LIST_ITEM, Kind.PARAGRAPH, Kind.LINE) and "\n" not in block.text.strip():
        marker = LIST_MARKER.match(block.text)
    else:
        marker = None
    if marker or block.kind is Kind.LIST_ITEM:
        unit.kind = Kind.LIST_ITEM
        if marker:  # plain text: the marker is part of the text
            unit.text = block.text[marker.end() :]
            unit.links, unit.images = _shifted(unit, -marker.end())
            if marker.group(1):
                unit.ordered, unit.number = True, int(marker.group(1))
    elif block.kind is Kind.HEADING or block.kind is Kind.PARAGRAPH:
        heading = HEADING_MARKER.match(block.text)
        if heading and "\n" not in block.text:
            unit.kind, unit.level = Kind.HEADING, len(heading.group(1))
            unit.text = block.text[heading.end() :]
            unit.links, unit.images = _shifted(unit, -heading.end())
    return unit


def _shifted(unit: Unit, by: int) -> tuple[list[Link], list[Image]]:
    links = [
        Link(max(0, link.start + by), link.end + by, link.href) for link in unit.links if link.end + by > 0
    ]
    images = [Image(max(0, image.at + by), image.src, image.alt) for image in unit.images]
    return links, images
