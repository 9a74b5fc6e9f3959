"""The whole page as blocks in reading order: every piece of visible text, with where it stood.

An extractor returns the article and says nothing of the rest; to explain every removal, and to
judge each block by the page's own evidence, we need all of it. One walk over the parsed tree cuts
the text at block-level elements (as a browser lays it out) and records, per block:
- its kind and structure (heading level, list depth and order, table cells, code kept exact);
- its link text and link targets, its images;
- the chain of block containers it sits in (for tag paths and class/id hints) and whether it is
  hidden (`hidden`, `aria-hidden`, `display: none`).

Scripts, styles, forms' controls and other non-text elements are skipped. A table of cells with
no blocks inside is one block (a data table); a table holding blocks is layout and is walked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from cleaner.document import Image, Kind, Link

# Elements a browser lays out as blocks: text before and after them belongs to different blocks.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre "
    "section summary table tbody tfoot thead tr td th caption ul legend option optgroup".split()
)
# Elements whose content is never page text.
SKIPPED_TAGS = frozenset(
    "script style template svg math iframe object embed canvas head title meta link input audio video "
    "source track map area param base".split()
)
# Form controls: their labels are not page text, unless a malformed page left its body inside one
# (an unclosed <button> swallows everything after it in the parser's tree).
CONTROL_TAGS = frozenset({"button", "select", "textarea"})
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
# Attributes that can hide an element (see `_is_hidden`).
_HIDING = frozenset({"hidden", "aria-hidden", "style"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# A <br> in the collected text: source newlines fold to spaces as in a browser, a <br> stays a break.
_BREAK = "\x00"
# Cells of a data table never hold these; a table that does is a layout grid.
_LAYOUT_INSIDE = frozenset(
    {"table", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"}
)


@dataclass(slots=True)
class PageBlock:
    """One block of the page's text, with where it stood and what it was made of."""

    text: str
    kind: Kind
    element: HtmlElement
    # Block containers from the outermost (html) down to `element`.
    containers: tuple[HtmlElement, ...]
    # `element` among the page's containers (`Page.elements`).
    node: int
    link_chars: int = 0
    hidden: bool = False
    # Heading level (1-6), or list depth (1 for a top-level item).
    level: int | None = None
    ordered: bool = False
    rows: list[list[str]] | None = None
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)

    @property
    def link_density(self) -> float:
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0


@dataclass(slots=True)
class Page:
    """The page's blocks, and every block container the walk opened: container `n` is
    `elements[n]`, inside container `parents[n]` (-1 at the top). A container comes after its
    parent, so the containers of a block are its node and its node's parents, up to the top."""

    blocks: list[PageBlock]
    elements: list[HtmlElement]
    parents: list[int]


class _Flow:
    """The inline text of one block container being collected."""

    __slots__ = (
        "containers", "element", "hidden", "images", "link_chars", "links", "lists", "node", "numbered",
        "parts", "quoted", "size", "tag",
    )  # fmt: skip

    def __init__(self, element: HtmlElement, hidden: bool, node: int, parent: _Flow | None) -> None:
        self.element, self.hidden, self.node = element, hidden, node
        self.tag = tag = str(element.tag).lower()
        # The containers from the top down to this one; how many of them are lists, whether the
        # innermost list is numbered, whether one is a quote.
        self.containers: tuple[HtmlElement, ...] = (element,)
        self.lists, self.numbered, self.quoted = 0, False, False
        if parent is not None:
            self.containers = (*parent.containers, element)
            self.lists, self.numbered, self.quoted = parent.lists, parent.numbered, parent.quoted
        if tag in LIST_TAGS:
            self.lists, self.numbered = self.lists + 1, tag == "ol"
        self.quoted = self.quoted or tag == "blockquote"
        self.parts: list[str] = []
        self.size = 0
        self.link_chars = 0
        self.links: list[Link] = []
        self.images: list[Image] = []

    def add(self, text: str, in_link: bool) -> None:
        self.parts.append(text)
        self.size += len(text)
        if in_link:
            self.link_chars += len(text.strip())


def page_blocks(tree: HtmlElement) -> Page:
    """Every block of visible text in the page, in document order, and the containers they sit in."""
    walker = _Walker()
    blocks = walker.walk(tree)
    return Page(blocks, walker.elements, walker.parents)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[PageBlock] = []
        self.stack: list[_Flow] = []
        self.links: list[tuple[_Flow, int, str]] = []  # open links: (flow, start offset, href)
        self.hidden_depth = 0
        self.pre_depth = 0
        self.elements: list[HtmlElement] = []
        self.parents: list[int] = []

    def walk(self, tree: HtmlElement) -> list[PageBlock]:
        walker = etree.iterwalk(tree, events=("start", "end"))
        hidden_at: list[HtmlElement] = []
        stack, links = self.stack, self.links  # the same lists, read without attribute lookups
        for event, element in walker:
            tag = element.tag
            if not isinstance(tag, str):  # comments, processing instructions: only their tail is text
                if event == "end" and element.tail and stack:
                    self._text(element.tail)
                continue
            tag = tag.lower()
            if event == "start":
                if tag in SKIPPED_TAGS or (tag in CONTROL_TAGS and not _holds_blocks(element)):
                    walker.skip_subtree()
                    continue
                if _HIDING.intersection(element.keys()) and _is_hidden(element):
                    hidden_at.append(element)
                    self.hidden_depth += 1
                if tag in BLOCK_TAGS or not stack:
                    if tag == "table" and _is_data_table(element):
                        self._table(element)
                        walker.skip_subtree()
                        continue
                    self._open(element)
                if tag == "pre":
                    self.pre_depth += 1
                elif tag == "a":
                    links.append((stack[-1], stack[-1].size, element.get("href") or ""))
                elif tag == "img":
                    self._image(element)
                elif tag == "br" and stack:
                    stack[-1].add(_BREAK, False)
                text = element.text
                if text:  # the text at the start of the element (inlined: the walk's hottest path)
                    flow = stack[-1]
                    flow.parts.append(text)
                    flow.size += len(text)
                    if links:
                        flow.link_chars += len(text.strip())
            else:
                if tag == "a" and links:
                    flow, start, href = links.pop()
                    if href and flow is stack[-1] and flow.size > start:
                        flow.links.append(Link(start, flow.size, href))
                elif tag == "pre":
                    self.pre_depth = max(0, self.pre_depth - 1)
                if (tag in BLOCK_TAGS or len(stack) == 1) and stack and stack[-1].element is element:
                    self._close()
                if hidden_at and hidden_at[-1] is element:
                    hidden_at.pop()
                    self.hidden_depth -= 1
                text = element.tail
                if text and stack:  # as above, the text after the element
                    flow = stack[-1]
                    flow.parts.append(text)
                    flow.size += len(text)
                    if links:
                        flow.link_chars += len(text.strip())
        while stack:
            self._close()
        return self.blocks

    def _text(self, text: str) -> None:
        self.stack[-1].add(text, bool(self.links))

    def _image(self, element: HtmlElement) -> None:
        src = element.get("src") or element.get("data-src") or ""
        if self.stack and src:
            self.stack[-1].images.append(Image(self.stack[-1].size, src, element.get("alt") or ""))

    def _node(self, element: HtmlElement) -> int:
        """Number a container, inside the innermost open one."""
        self.elements.append(element)
        self.parents.append(self.stack[-1].node if self.stack else -1)
        return len(self.elements) - 1

    def _open(self, element: HtmlElement) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is not None and (parent.parts or parent.images):
            self._flush(parent)
        self.stack.append(_Flow(element, self.hidden_depth > 0, self._node(element), parent))

    def _close(self) -> None:
        closing = self.stack.pop()
        if closing.parts or closing.images:
            self._flush(closing)
        if self.stack:  # text after the block continues its parent's flow as a new block
            parent = self.stack[-1]
            if parent.parts or parent.links or parent.images or parent.size or parent.link_chars:
                parent.parts, parent.size, parent.link_chars, parent.links, parent.images = [], 0, 0, [], []

    def _flush(self, flow: _Flow) -> None:
        """Emit the text collected so far in this container as a block, and start afresh."""
        if not flow.parts:  # nothing since the last block (links end in text; images may not)
            if flow.images:
                flow.images = []
            return
        raw = "".join(flow.parts)
        flow.parts, flow.size = [], 0
        links, images, link_chars = flow.links, flow.images, flow.link_chars
        flow.links, flow.images, flow.link_chars = [], [], 0
        if not raw or raw.isspace() or not raw.replace(_BREAK, " ").strip():
            return
        element, containers = flow.element, flow.containers
        kind, level, ordered = _kind_of(flow, self.pre_depth > 0)
        text = raw.replace(_BREAK, "\n").strip("\n") if kind is Kind.CODE else _tidy(raw)
        if not text:
            return
        if kind is not Kind.CODE and text != raw:  # (nothing folded: every offset stays)
            links, images = _shifted(raw, links, images)
        self.blocks.append(
            PageBlock(
                text,
                kind,
                element,
                containers,
                flow.node,
                link_chars,
                flow.hidden,
                level,
                ordered,
                None,
                links,
                images,
            )
        )

    def _table(self, table: HtmlElement) -> None:
        rows = [
            [
                _tidy(cell.text_content())
                for cell in row
                if isinstance(cell.tag, str) and cell.tag in ("td", "th")
            ]
            for row in table.iter("tr")
        ]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        if self.stack:
            self._flush(self.stack[-1])
        node = self._node(table)
        containers = (*self.stack[-1].containers, table) if self.stack else (table,)
        text = "\n".join(" | ".join(row) for row in rows)
        link_chars = sum(len(_tidy(a.text_content())) for a in table.iter("a"))
        hidden = self.hidden_depth > 0 or _is_hidden(table)
        self.blocks.append(
            PageBlock(text, Kind.TABLE, table, containers, node, link_chars, hidden, None, False, rows)
        )


def _kind_of(flow: _Flow, in_pre: bool) -> tuple[Kind, int | None, bool]:
    tag = flow.tag
    if in_pre or tag == "pre":
        return Kind.CODE, None, False
    if tag in HEADING_LEVELS:
        return Kind.HEADING, HEADING_LEVELS[tag], False
    if tag == "li":
        return Kind.LIST_ITEM, max(1, flow.lists), flow.numbered
    if flow.quoted:
        return Kind.QUOTE, None, False
    return Kind.PARAGRAPH, None, False


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _holds_blocks(element: HtmlElement) -> bool:
    return any(
        isinstance(child.tag, str) and child.tag.lower() in BLOCK_TAGS for child in element.iterdescendants()
    )


def _is_data_table(table: HtmlElement) -> bool:
    """A table of cells holding text (not blocks): read as one block, row by row."""
    for element in table.iterdescendants():
        tag = element.tag
        if isinstance(tag, str) and tag.lower() in _LAYOUT_INSIDE:
            return False
    return True


def _tidy(text: str) -> str:
    """Whitespace folded as a browser does (source newlines too), line breaks from <br> kept."""
    if _BREAK not in text:  # one line
        return _SPACES.sub(" ", text).strip()
    lines = (_SPACES.sub(" ", line).strip() for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _shifted(raw: str, links: list[Link], images: list[Image]) -> tuple[list[Link], list[Image]]:
    """Offsets into the raw text moved to the tidied text (whitespace folding shifts them)."""
    if not links and not images:
        return links, images
    moved = _offset_mover(raw)
    moved_links = [Link(moved(link.start), moved(link.end), link.href) for link in links]
    moved_images = [Image(moved(image.at), image.src, image.alt) for image in images]
    return [link for link in moved_links if link.end > link.start], moved_images


# What `_tidy` keeps as it is: runs of characters that are neither whitespace nor a <br>.
_KEPT_RUN = re.compile(rf"[^\s{_BREAK}]+")


def _offset_mover(raw: str) -> Callable[[int], int]:
    """Index in `raw` -> index in `_tidy(raw)`, for 0 <= index <= len(raw).

    `_tidy` keeps the runs of other characters and puts one separator (a space or a line break)
    between two runs, whatever whitespace stood there. An index inside a run, or at its end, moves
    with the run; an index inside the whitespace after a run points past the separator, at the next
    run; before the first run it is 0, after the last one the tidied text's end."""
    starts: list[int] = []
    ends: list[int] = []
    tidied_starts: list[int] = []
    at = 0
    for run in _KEPT_RUN.finditer(raw):
        starts.append(run.start())
        ends.append(run.end())
        tidied_starts.append(at)
        at += run.end() - run.start() + 1
    tidied_end = max(at - 1, 0)

    def moved(index: int) -> int:
        run = bisect_right(starts, index) - 1
        if run < 0:
            return 0
        if index <= ends[run]:
            return tidied_starts[run] + index - starts[run]
        return tidied_starts[run + 1] if run + 1 < len(starts) else tidied_end

    return moved
