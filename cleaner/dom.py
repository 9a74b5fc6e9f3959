"""The parsed page behind the extracted text: which element a block came from, how much of it was
link text, and article bodies that a CMS cut into several sibling chunks.

trafilatura returns text, not elements; we parse the page once (with trafilatura's own loader, so
both see the same tree) and find each block's element again by its normalised words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaner.dedup import normalized_words

# Elements that hold a block of text in article pages.
BLOCK_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "td",
    "dd",
    "figcaption",
    "div",
)
# Elements whose text a recovered chunk contributes, in reading order.
CHUNK_TEXT_TAGS = ("p", "h2", "h3", "h4", "li", "blockquote")
# Words of a block's start used to find its element: enough to be unique, few enough to survive
# the small differences between trafilatura's text and the element's (a dropped inline ad or icon).
_KEY_WORDS = 12
# How far above the main body container sibling chunks may meet it.
_CHUNK_ANCESTOR_LEVELS = 3


def _key(text: str) -> str:
    return " ".join(normalized_words(text)[:_KEY_WORDS])


@dataclass(frozen=True)
class Located:
    """A block's element and where it stands in document order."""

    element: HtmlElement
    position: int


class PageIndex:
    """Block elements of a page, findable by the start of their text, in document order."""

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self.position: dict[HtmlElement, int] = {}
        self._by_key: dict[str, HtmlElement] = {}
        for position, element in enumerate(tree.iter()):
            self.position[element] = position
            if element.tag in BLOCK_TAGS and (element.tag != "div" or _is_leaf(element)):
                key = _key(element.text_content())
                if key:
                    # The innermost element with this text wins: later in iteration order.
                    self._by_key[key] = element

    def locate(self, text: str) -> Located | None:
        """The element a block of text came from, if it can be found."""
        element = self._by_key.get(_key(text))
        return Located(element, self.position[element]) if element is not None else None


def _is_leaf(element: HtmlElement) -> bool:
    """A div that holds text itself rather than other blocks (big containers are not blocks)."""
    return not any(child.tag in BLOCK_TAGS for child in element)


def link_density(element: HtmlElement) -> float:
    """Share of the element's characters inside links: high for menus and related-headline lists."""
    total = len(" ".join(element.text_content().split()))
    if not total:
        return 0.0
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return min(1.0, linked / total)


def sibling_chunks(paragraphs: list[HtmlElement]) -> list[HtmlElement]:
    """Other chunks of the body the extracted paragraphs come from, in document order.

    Some CMSs cut an article into several containers of the same tag and class (between ads or
    embeds); extractors that pick one best container then return a truncated body. The main
    container is the parent most extracted paragraphs share; its chunks are the elements of the
    same tag and class that meet it a few levels up.
    """
    if len(paragraphs) < 2:
        return []
    main, _ = Counter(p.getparent() for p in paragraphs).most_common(1)[0]
    if main is None or not main.get("class"):
        return []  # without a class, "the same kind of container" would match too much
    ancestor = main
    for _ in range(_CHUNK_ANCESTOR_LEVELS):
        parent = ancestor.getparent()
        if parent is None:
            break
        ancestor = parent
    return [
        element
        for element in ancestor.iter(main.tag)
        if element is not main and element.get("class") == main.get("class") and not _related(element, main)
    ]


def _related(a: HtmlElement, b: HtmlElement) -> bool:
    """True when one element contains the other."""
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())
