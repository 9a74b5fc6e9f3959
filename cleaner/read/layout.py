"""Each block's place in the page, as numbers a learned model can weigh: shape, links, markup hints,
its containers' text density, its neighbours, and what trafilatura's extraction made of it.

Everything here carries across sites: block shape and link density, landmarks and common class
names (`cleaner.read.hints`), how much of the surrounding container the extractor kept, and where
the block stands relative to the extracted body. One row per block, columns named by
`LAYOUT_FEATURES`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import chain

import numpy as np
from lxml.html import HtmlElement

from cleaner.document import Kind
from cleaner.read.hints import HINT_GROUPS, element_hints
from cleaner.read.page import Page, PageBlock
from cleaner.read.shape import TokenCounts, log1p

_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
_URL_LIKE = re.compile(r"\A\s*+(?:https?://|www\.)\S++\s*+\Z", re.IGNORECASE)
SHINGLE = 4
# Containers above a block whose statistics are features (parent, grandparent, great-grandparent).
CONTAINER_LEVELS = 3
# Containers "like" the block's own, its parent and grandparent (same tag and class) are pooled:
# a CMS that cuts an article into several containers of one class, or repeats one post template,
# gives them all the same signature, whatever the extractor made of each one.
SIGNATURE_LEVELS = 3
# Hint distances are capped: a hint further up than this says nothing about the block.
MAX_HINT_DISTANCE = 8
_KINDS = (Kind.PARAGRAPH, Kind.HEADING, Kind.LIST_ITEM, Kind.QUOTE, Kind.TABLE, Kind.CODE)
_TAGS = ("p", "div", "li", "td", "span", "dd", "dt", "h", "pre", "blockquote", "figcaption", "section", "a")
_ANCESTOR_TAGS = (
    "nav", "header", "footer", "aside", "form", "article", "main", "section", "table", "li", "figure",
    "noscript", "blockquote", "details", "label", "button", "dl", "center",
)  # fmt: skip

LAYOUT_FEATURES: tuple[str, ...] = (
    "log_chars", "log_tokens", "link_density", "has_link", "punctuation", "ends_sentence", "sentences",
    "digits", "capitalised", "mean_token", "lines", "hidden", "level", "depth",
    *(f"kind_{kind.value}" for kind in _KINDS),
    *(f"tag_{tag}" for tag in _TAGS),
    *(f"in_{tag}" for tag in _ANCESTOR_TAGS),
    *(f"hint_{group}" for group in HINT_GROUPS),
    *(
        f"up{level}_{stat}"
        for level in range(1, CONTAINER_LEVELS + 1)
        for stat in ("log_chars", "link_density", "extracted", "log_blocks")
    ),
    *(f"like{level}_{stat}" for level in range(SIGNATURE_LEVELS) for stat in ("extracted", "log_chars", "log_containers")),
    "url_like", "no_spaces",
    "extracted", "position", "char_position", "in_extracted_span", "to_extracted",
    "prev_extracted", "next_extracted", "window_extracted", "prev_link_density", "next_link_density",
    "window_link_density", "prev_log_chars", "next_log_chars",
    "page_log_blocks", "page_extracted", "page_hint_forum", "page_hint_comments", "page_hint_docs",
)  # fmt: skip
_INDEX = {name: i for i, name in enumerate(LAYOUT_FEATURES)}


def _shingles(ids: np.ndarray) -> np.ndarray:
    """The key of the 4-token shingle starting at each position (len(ids) - 3 of them)."""
    if len(ids) < SHINGLE:
        return np.zeros(0, dtype=np.int64)
    # Token ids stay far below 2**15 on any page; four of them fit in an int64 without collisions.
    return (ids[:-3] << 45) | (ids[1:-2] << 30) | (ids[2:-1] << 15) | ids[3:]


def extracted_shares(texts: Sequence[str], extracted: str) -> np.ndarray:
    """Per block, the share of its shingles that the extractor's output holds; a block shorter than a
    shingle counts as held when its tokens stand together in the output."""
    found_tokens = _TOKEN.findall(extracted.lower())
    per_block = [_TOKEN.findall(text.lower()) for text in texts]
    shares = np.zeros(len(texts))
    if not found_tokens:
        return shares
    # Lowercased tokens as small integers (1, 2, ... in order of first appearance, the output's first),
    # so that membership is one vectorised lookup; all blocks' tokens end to end.
    order = dict.fromkeys(chain(found_tokens, chain.from_iterable(per_block)))
    numbers = dict(zip(order, range(1, len(order) + 1), strict=True))
    found = np.fromiter(map(numbers.__getitem__, found_tokens), dtype=np.int64, count=len(found_tokens))
    lengths = np.array([len(tokens) for tokens in per_block], dtype=np.int64)
    tokens = np.fromiter(
        map(numbers.__getitem__, chain.from_iterable(per_block)), dtype=np.int64, count=int(lengths.sum())
    )
    starts = np.cumsum(lengths) - lengths
    for size in (1, 2, 3):  # short blocks: their whole token sequence among the output's n-grams
        chosen = np.flatnonzero(lengths == size)
        if len(chosen):
            first = starts.take(chosen)
            block_keys = np.zeros(len(chosen), dtype=np.int64)
            for offset in range(size):
                block_keys = block_keys << 15 | tokens.take(first + offset)
            shares[chosen] = np.isin(block_keys, _ngram_keys(found, size))
    long_blocks = np.flatnonzero(lengths >= SHINGLE)
    if len(long_blocks):
        counts = lengths.take(long_blocks) - SHINGLE + 1
        # Shingles inside each long block, block after block: none spans two blocks.
        firsts = np.cumsum(counts) - counts
        at = np.arange(int(counts.sum())) + np.repeat(starts.take(long_blocks) - firsts, counts)
        grams = _shingles(tokens).take(at)
        hits = np.isin(grams, _shingles(found)).astype(np.float64)
        shares[long_blocks] = np.add.reduceat(hits, firsts) / counts
    return shares


def _ngram_keys(ids: np.ndarray, size: int) -> np.ndarray:
    if len(ids) < size:
        return np.zeros(0, dtype=np.int64)
    keys = np.zeros(len(ids) - size + 1, dtype=np.int64)
    for offset in range(size):
        keys = keys << 15 | ids[offset : len(ids) - size + 1 + offset]
    return keys


def layout_features(page: Page, extracted: str) -> np.ndarray:
    """One row of LAYOUT_FEATURES per block; `extracted` is an extractor's output for the page."""
    blocks = page.blocks
    count = len(blocks)
    rows = np.zeros((count, len(LAYOUT_FEATURES)), dtype=np.float64)
    if not count:
        return rows
    shares = extracted_shares([block.text for block in blocks], extracted)
    chars = np.array([len(block.text) for block in blocks], dtype=np.float64)
    links = np.array([block.link_density for block in blocks])
    paths = _Paths(page)
    rows[:, _SHAPE] = _shape_rows(blocks, paths.depth)
    markup, group_counts = _markup_rows(page, paths)
    rows[:, _MARKUP] = markup
    rows[:, _CONTAINERS] = _container_rows(paths, chars, links, shares)
    rows[:, _SIGNATURES] = _signature_rows(page, paths, chars, shares)
    rows[:, _INDEX["extracted"]] = shares
    rows[:, _INDEX["link_density"]] = links
    _neighbour_columns(rows, shares, links, chars)
    _page_columns(rows, shares, chars, group_counts)
    return rows


class _Paths:
    """Every block's containers as node numbers (`Page.elements`), one row per level above the
    block: `up[0]` its own container, `up[1]` the parent, ...; `top` (one past the last node) where
    the page ends."""

    def __init__(self, page: Page) -> None:
        self.top = top = len(page.elements)
        parents = np.array([*page.parents, top], dtype=np.int64)
        parents[parents < 0] = top
        level = np.array([block.node for block in page.blocks], dtype=np.int64)
        levels = [level]
        while (level < top).any():
            level = parents.take(level)
            levels.append(level)
        self.up = np.array(levels[:-1]) if len(levels) > 1 else np.zeros((0, len(level)), dtype=np.int64)
        self.parents = parents
        # The number of containers of each block (the html element's block has one).
        self.depth = (self.up < top).sum(axis=0)
        inside = self.up < top
        # (block, container) pairs, block by block: sums over them add in the blocks' order.
        self.pair_node = self.up.T[inside.T]
        self.pair_block = np.nonzero(inside.T)[0]
        # The containers that hold a block, in page order (a parent before its children).
        self.used = np.unique(self.pair_node)

    def at(self, level: int) -> np.ndarray:
        """Each block's container `level` steps up (`top` where there is none)."""
        if level < len(self.up):
            return self.up[level]
        return np.full(self.up.shape[1], self.top, dtype=np.int64)


_SHAPE_NAMES = (
    "log_chars", "log_tokens", "has_link", "punctuation", "ends_sentence", "sentences", "digits",
    "capitalised", "mean_token", "lines", "hidden", "level", "depth", *(f"kind_{kind.value}" for kind in _KINDS),
    "url_like", "no_spaces",
)  # fmt: skip
_SHAPE = [_INDEX[name] for name in _SHAPE_NAMES]
_KIND_SLOTS = {kind: index for index, kind in enumerate(_KINDS)}


def _shape_rows(blocks: Sequence[PageBlock], depth: np.ndarray) -> np.ndarray:
    """Each block's own shape: size, punctuation, capitals, digits, kind (columns of _SHAPE_NAMES)."""
    texts = [block.text for block in blocks]
    counts = TokenCounts(texts)
    words = np.maximum(counts.tokens, 1)
    kinds = np.zeros((len(blocks), len(_KINDS)))
    for row, block in enumerate(blocks):
        if block.kind in _KIND_SLOTS:
            kinds[row, _KIND_SLOTS[block.kind]] = 1.0
    per_block = np.array(
        [
            (
                float(bool(block.links) or block.link_chars > 0),
                float(_SENTENCE_END.search(text) is not None),
                math.log1p(len(_SENTENCE_BREAK.findall(text))),
                float(block.hidden),
                float(block.level or 0),
                float(_URL_LIKE.match(text) is not None),
                float(" " not in text and len(text) > 20),
            )
            for block, text in zip(blocks, texts, strict=True)
        ],
        dtype=np.float64,
    ).reshape(len(blocks), 7)
    has_link, ends_sentence, sentences, hidden, level, url_like, no_spaces = per_block.T
    return np.column_stack(
        [
            log1p(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))),
            log1p(counts.tokens),
            has_link,
            counts.punctuation / words,
            ends_sentence,
            sentences,
            counts.digits / words,
            counts.capitalised / words,
            counts.token_chars / words,
            log1p(counts.newlines),
            hidden,
            level,
            depth.astype(np.float64),
            kinds,
            url_like,
            no_spaces,
        ]
    )


_MARKUP = [
    *(_INDEX[f"tag_{tag}"] for tag in _TAGS),
    *(_INDEX[f"in_{tag}"] for tag in _ANCESTOR_TAGS),
    *(_INDEX[f"hint_{group}"] for group in HINT_GROUPS),
]
_TAG_SLOTS = {tag: index for index, tag in enumerate(_TAGS)}
_ANCESTOR_SLOTS = {tag: index for index, tag in enumerate(_ANCESTOR_TAGS)}
_GROUP_BITS = np.array([1 << group for group in range(len(HINT_GROUPS))], dtype=np.int64)


def _markup_rows(page: Page, paths: _Paths) -> tuple[np.ndarray, np.ndarray]:
    """Per block: its own tag, the landmark tags above it and, per hint group, how near the nearest
    hint above it stands (each container read once); and per hint group the number of containers
    holding blocks that declare it."""
    nodes = paths.top + 1  # and one for "above the top"
    own = np.full(nodes, -1, dtype=np.int64)
    landmark = np.full(nodes, -1, dtype=np.int64)
    bits = np.zeros(nodes, dtype=np.int64)
    for node in paths.used.tolist():
        element = page.elements[node]
        bits[node] = element_hints(element)
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        landmark[node] = _ANCESTOR_SLOTS.get(tag, -1)
        tag = "h" if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else tag
        own[node] = _TAG_SLOTS.get(tag, -1)
    count = len(page.blocks)
    rows = np.zeros((count, len(_MARKUP)), dtype=np.float64)
    tags = own.take(paths.at(0))
    tagged = np.flatnonzero(tags >= 0)
    rows[tagged, tags.take(tagged)] = 1.0
    # A landmark anywhere above the block.
    marks = landmark.take(paths.up)
    level, block = np.nonzero(marks >= 0)
    rows[block, len(_TAGS) + marks[level, block]] = 1.0
    # Per hint group, the first level up (0: the block's own container) that declares it, if nearer
    # than MAX_HINT_DISTANCE.
    near = np.stack([paths.at(level) for level in range(MAX_HINT_DISTANCE)])
    declared = (bits.take(near)[:, :, None] & _GROUP_BITS) != 0
    distance = np.where(declared.any(axis=0), declared.argmax(axis=0), MAX_HINT_DISTANCE)
    rows[:, len(_TAGS) + len(_ANCESTOR_TAGS) :] = 1.0 - distance / MAX_HINT_DISTANCE
    group_counts = ((bits.take(paths.used)[:, None] & _GROUP_BITS) != 0).sum(axis=0).astype(np.float64)
    return rows, group_counts


_CONTAINERS = [
    _INDEX[f"up{level}_{stat}"]
    for level in range(1, CONTAINER_LEVELS + 1)
    for stat in ("log_chars", "link_density", "extracted", "log_blocks")
]


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.zeros_like(part), where=whole != 0)


def _container_rows(paths: _Paths, chars: np.ndarray, links: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Text, link text, extracted text and blocks under the parent, grandparent and great-grandparent."""
    nodes = paths.top + 1
    by_node, by_block = paths.pair_node, paths.pair_block
    # bincount adds in the pairs' order, block by block, as a running sum per container would.
    size = np.bincount(by_node, weights=chars.take(by_block), minlength=nodes)
    linked = np.bincount(by_node, weights=(links * chars).take(by_block), minlength=nodes)
    kept = np.bincount(by_node, weights=(shares * chars).take(by_block), minlength=nodes)
    blocks = np.bincount(by_node, minlength=nodes).astype(np.float64)
    out = np.zeros((len(chars), len(_CONTAINERS)), dtype=np.float64)
    for level in range(1, CONTAINER_LEVELS + 1):
        node = paths.at(level)
        there = np.flatnonzero(node < paths.top)
        node = node.take(there)
        column = (level - 1) * 4
        size_there = size.take(node)
        out[there, column] = log1p(size_there)
        out[there, column + 1] = _ratio(linked.take(node), size_there)
        out[there, column + 2] = _ratio(kept.take(node), size_there)
        out[there, column + 3] = log1p(blocks.take(node))
    return out


_SIGNATURES = [
    _INDEX[f"like{level}_{stat}"]
    for level in range(SIGNATURE_LEVELS)
    for stat in ("extracted", "log_chars", "log_containers")
]


def _signature(element: HtmlElement) -> tuple[str, str]:
    return (str(element.tag), element.get("class") or "")


def _signature_rows(page: Page, paths: _Paths, chars: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Per block and level (own container, parent, grandparent): over all blocks whose container at
    that level has the same tag and class, the share the extractor kept, their text, their containers."""
    numbers: dict[tuple[str, str], int] = {}
    signature = np.zeros(paths.top + 1, dtype=np.int64)
    for node in paths.used.tolist():
        signature[node] = numbers.setdefault(_signature(page.elements[node]), len(numbers))
    kinds = max(len(numbers), 1)
    kept_chars = chars * shares
    out = np.zeros((len(chars), len(_SIGNATURES)), dtype=np.float64)
    for level in range(SIGNATURE_LEVELS):
        node = paths.at(level)
        there = np.flatnonzero(node < paths.top)
        node = node.take(there)
        key = signature.take(node)
        kept = np.bincount(key, weights=kept_chars.take(there), minlength=kinds)
        size = np.bincount(key, weights=chars.take(there), minlength=kinds)
        seen = np.zeros(paths.top + 1, dtype=bool)
        seen[node] = True  # each container once: a signature counts its distinct containers
        containers = np.bincount(signature.take(np.flatnonzero(seen)), minlength=kinds).astype(np.float64)
        column = level * 3
        out[there, column] = _ratio(kept.take(key), size.take(key))
        out[there, column + 1] = log1p(size.take(key))
        out[there, column + 2] = log1p(containers.take(key))
    return out


def _neighbour_columns(rows: np.ndarray, shares: np.ndarray, links: np.ndarray, chars: np.ndarray) -> None:
    count = len(shares)
    log_chars = np.log1p(chars)
    rows[:, _INDEX["position"]] = np.arange(count) / max(count - 1, 1)
    rows[:, _INDEX["char_position"]] = (np.cumsum(chars) - chars) / max(chars.sum(), 1.0)
    kept = np.flatnonzero(shares >= 0.5)
    if len(kept):
        rows[kept[0] : kept[-1] + 1, _INDEX["in_extracted_span"]] = 1.0
        positions = np.arange(count)
        nearest = (
            np.abs(positions[:, None] - kept[None, :]).min(axis=1) if count * len(kept) < 4_000_000 else 0
        )
        rows[:, _INDEX["to_extracted"]] = np.log1p(nearest)
    else:
        rows[:, _INDEX["to_extracted"]] = math.log1p(count)
    for name, values in (("extracted", shares), ("link_density", links), ("log_chars", log_chars)):
        rows[1:, _INDEX[f"prev_{name}"]] = values[:-1]
        rows[:-1, _INDEX[f"next_{name}"]] = values[1:]
    for name, values in (("extracted", shares), ("link_density", links)):
        padded = np.concatenate([np.zeros(2), values, np.zeros(2)])
        window = np.convolve(padded, np.ones(5) / 5, mode="valid")
        rows[:, _INDEX[f"window_{name}"]] = window


def _page_columns(rows: np.ndarray, shares: np.ndarray, chars: np.ndarray, group_counts: np.ndarray) -> None:
    rows[:, _INDEX["page_log_blocks"]] = math.log1p(len(shares))
    rows[:, _INDEX["page_extracted"]] = float((shares * chars).sum() / max(chars.sum(), 1.0))
    counts = dict(zip(HINT_GROUPS, group_counts.tolist(), strict=True))
    for group in ("forum", "comments", "docs"):
        rows[:, _INDEX[f"page_hint_{group}"]] = math.log1p(counts[group])


# Where a block outside the article was, named from the nearest landmark or hint above it: the hint
# group and the name an explanation gives it, nearest first, ties in this order.
REGIONS: tuple[tuple[str, str], ...] = (
    ("navigation", "navigation"),
    ("header", "header"),
    ("footer", "footer"),
    ("aside", "aside"),
    ("comments", "comments"),
    ("ads", "advertising"),
    ("related", "related"),
    ("social", "sharing"),
    ("overlay", "dialog"),
)
_REGION_COLUMNS = [_INDEX[f"hint_{group}"] for group, _ in REGIONS]


def block_regions(rows: np.ndarray) -> list[str | None]:
    """Per block, the region of the page it sat in ("hidden" first), or None when no hint says."""
    if not len(rows):
        return []
    hints = rows[:, _REGION_COLUMNS]
    nearest = hints.argmax(axis=1)
    strength = hints[np.arange(len(rows)), nearest]
    hidden = rows[:, _INDEX["hidden"]] > 0
    return [
        "hidden" if is_hidden else (REGIONS[at][1] if found > 0 else None)
        for is_hidden, at, found in zip(hidden.tolist(), nearest.tolist(), strength.tolist(), strict=True)
    ]
