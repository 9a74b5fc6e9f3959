"""The data that flows through the pipeline: a Document of Blocks, each possibly marked removed.

Steps never delete a block; they mark it with a `Reason` and a short human explanation. The clean
text is assembled in exactly one place, `Document.text`, so the explanation output, the per-reason
statistics and the test oracles all read the same marks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What a block is, as far as the input tells us."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"
    CODE = "code"
    # One line of a paragraph that holds several (separated by <br>, or a small page trafilatura
    # returned as one paragraph): rules see it alone, the related-headline run never counts it.
    LINE = "line"
    # A piece split off the end of another block (e.g. a `pic.twitter.com/...` link glued to a
    # sentence); when kept it is glued back onto the block before it.
    FRAGMENT = "fragment"


class Reason(StrEnum):
    """Why a block was removed: a closed vocabulary, at once stats key, API field and test oracle."""

    PAYWALL = "paywall"
    SUBSCRIBE_CTA = "subscribe_cta"
    NEWSLETTER = "newsletter"
    SOCIAL_EMBED = "social_embed"
    COMMENTS = "comments"
    RELATED_LINKS = "related_links"
    DUPLICATE = "duplicate"
    TITLE = "title"
    CREDIT = "credit"
    PAGE_CHROME = "page_chrome"
    # An ad slot's label ("Advertisement", "Anzeige") or its "story continues below" line.
    ADVERTISEMENT = "advertisement"
    # A promotion of the site's own products: its app, its store badges.
    PROMO = "promo"
    # Plain text only: the block classifier places the block outside the article body.
    OUTSIDE_ARTICLE = "outside_article"
    # Learnt from a corpus, not from one page: a block seen on many stories of the same site.
    SITE_BOILERPLATE = "site_boilerplate"


@dataclass(slots=True)
class Link:
    """A link inside a block: characters [start, end) of the block's text point to `href`."""

    start: int
    end: int
    href: str


@dataclass(slots=True)
class Image:
    """An image at character `at` of the block's text."""

    at: int
    src: str
    alt: str = ""


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of the page, in reading order. Slotted: a page makes hundreds, and
    every step reads their fields in a loop."""

    index: int
    text: str
    kind: Kind = Kind.PARAGRAPH
    # Share of the block's characters that were link text in the page (None: not known, e.g. text input).
    link_density: float | None = None
    # Plain text: the block classifier's probability that the block is article text.
    article_probability: float | None = None
    removed: Reason | None = None
    # Which rule or step marked it (machine name), and why, in words a person can check.
    rule: str | None = None
    why: str | None = None
    duplicate_of: int | None = None
    similarity: float | None = None
    # Structure, for renderings: heading level (1-6) or list nesting depth (1: top level), whether a
    # list item is numbered, a table's cells row by row, link targets and images inside the text.
    level: int | None = None
    ordered: bool = False
    rows: list[list[str]] | None = None
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    # HTML: the part of the page the block stood in (navigation, header, footer, aside, comments,
    # hidden, ...), which names where a block outside the article was.
    region: str | None = None

    @property
    def kept(self) -> bool:
        return self.removed is None

    def mark(self, reason: Reason, rule: str, why: str) -> None:
        """Mark the block removed; the first mark wins, so step order sets precedence."""
        if self.removed is None:
            self.removed, self.rule, self.why = reason, rule, why

    def name(self, reason: Reason, rule: str, why: str) -> None:
        """Mark the block, or say what it is when it was removed only for its place in the page
        (`outside_article`): "a paywall prompt" explains more than "in the page footer"."""
        if self.removed is None or self.removed is Reason.OUTSIDE_ARTICLE:
            self.removed, self.rule, self.why = reason, rule, why

    def restore(self) -> None:
        """Take a mark back (plain text: the block classifier overrules a sequence heuristic)."""
        self.removed = self.rule = self.why = None


@dataclass
class Metadata:
    """What the page says about itself (HTML only, except `url`, which the caller may give)."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    language: str | None = None
    # True: the page declares paid access or showed a paywall prompt; False: declared free; None: unknown.
    paywalled: bool | None = None
    # HTML: article, forum, documentation or other, from the page's markup (cleaner.read.page_type).
    page_type: str | None = None


@dataclass
class Document:
    """A cleaned (or being-cleaned) page: its blocks, what the input was taken for, and metadata."""

    blocks: list[Block]
    format: str
    metadata: Metadata = field(default_factory=Metadata)
    chars_in: int = 0
    # HTML: one row of layout features per block (cleaner.read.layout), for the step that judges each
    # block by its place in the page; `clean()` drops it when the steps are done.
    layout: Any = None

    @property
    def kept_blocks(self) -> list[Block]:
        # block.kept, read without a property call a block
        return [block for block in self.blocks if block.removed is None]

    def near_article(self, within: int) -> list[Block]:
        """Kept blocks, and blocks removed for their place that stand within `within` blocks of a
        kept one: where a rule may still name what a block is (a prompt just after the article)."""
        kept = [block.index for block in self.blocks if block.removed is None]
        if len(kept) == len(self.blocks) or not kept:
            return self.kept_blocks
        found, k = [], 0
        for block in self.blocks:
            while k + 1 < len(kept) and kept[k + 1] <= block.index:
                k += 1
            nearest = min(abs(block.index - kept[k]), abs(block.index - kept[min(k + 1, len(kept) - 1)]))
            if block.kept or (block.removed is Reason.OUTSIDE_ARTICLE and nearest <= within):
                found.append(block)
        return found

    def kept_groups(self) -> list[list[Block]]:
        """Kept blocks in order, each with the kept fragments split off its end (`... pic.twitter.com/x`)
        glued back: a fragment joins the block before it when that block is kept too."""
        groups: list[list[Block]] = []
        previous_kept = False
        for block in self.blocks:
            if not block.kept:
                previous_kept = False
                continue
            if block.kind is Kind.FRAGMENT and previous_kept and groups:
                groups[-1].append(block)
            else:
                groups.append([block])
            previous_kept = True
        return groups

    def text(self) -> str:
        """The clean article: kept blocks one per line, fragments glued back to their block."""
        return "\n".join(" ".join(block.text for block in group) for group in self.kept_groups())

    def removed_counts(self) -> dict[str, int]:
        """How many blocks each reason removed, for stats and the API's `removed` field."""
        counts = Counter(block.removed.value for block in self.blocks if block.removed)
        return dict(sorted(counts.items()))
