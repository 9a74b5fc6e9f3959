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

import numpy as np
from lxml.html import HtmlElement

from cleaner.document import Kind
from cleaner.read.hints import HINT_GROUPS, element_hints
from cleaner.read.page import PageBlock

_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
_PUNCTUATION = frozenset(".,;:!?")
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


class TokenKeys:
    """Lowercased tokens as small integers, and 4-token shingles as one integer each, shared by a
    page's blocks and an extractor's output so that membership is one vectorised lookup."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def ids(self, text: str) -> np.ndarray:
        ids = self._ids
        return np.fromiter(
            (ids.setdefault(token, len(ids) + 1) for token in _TOKEN.findall(text.lower())), dtype=np.int64
        )

    @staticmethod
    def shingles(ids: np.ndarray) -> np.ndarray:
        """The key of the shingle starting at each position (len(ids) - 3 of them)."""
        if len(ids) < SHINGLE:
            return np.zeros(0, dtype=np.int64)
        # Token ids stay far below 2**15 on any page; four of them fit in an int64 without collisions.
        return (ids[:-3] << 45) | (ids[1:-2] << 30) | (ids[2:-1] << 15) | ids[3:]


def extracted_shares(texts: Sequence[str], extracted: str) -> np.ndarray:
    """Per block, the share of its shingles that the extractor's output holds; a block shorter than a
    shingle counts as held when its tokens stand together in the output."""
    keys = TokenKeys()
    found = keys.ids(extracted)
    per_block = [keys.ids(text) for text in texts]
    lengths = np.array([len(ids) for ids in per_block], dtype=np.int64)
    shares = np.zeros(len(texts))
    if not len(found):
        return shares
    for size in (1, 2, 3):  # short blocks: their whole token sequence among the output's n-grams
        chosen = np.flatnonzero(lengths == size)
        if len(chosen):
            block_keys = np.array([_ngram_key(per_block[i]) for i in chosen], dtype=np.int64)
            shares[chosen] = np.isin(block_keys, _ngram_keys(found, size))
    long_blocks = np.flatnonzero(lengths >= SHINGLE)
    if len(long_blocks):
        grams = np.concatenate([TokenKeys.shingles(per_block[i]) for i in long_blocks])
        hits = np.isin(grams, TokenKeys.shingles(found)).astype(np.float64)
        counts = lengths[long_blocks] - SHINGLE + 1
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        shares[long_blocks] = np.add.reduceat(hits, starts) / counts
    return shares


def _ngram_key(ids: np.ndarray) -> int:
    key = 0
    for token in ids.tolist():
        key = key << 15 | token
    return key


def _ngram_keys(ids: np.ndarray, size: int) -> np.ndarray:
    if len(ids) < size:
        return np.zeros(0, dtype=np.int64)
    keys = np.zeros(len(ids) - size + 1, dtype=np.int64)
    for offset in range(size):
        keys = keys << 15 | ids[offset : len(ids) - size + 1 + offset]
    return keys


def layout_features(blocks: Sequence[PageBlock], extracted: str) -> np.ndarray:
    """One row of LAYOUT_FEATURES per block; `extracted` is an extractor's output for the page."""
    count = len(blocks)
    rows = np.zeros((count, len(LAYOUT_FEATURES)), dtype=np.float64)
    if not count:
        return rows
    shares = extracted_shares([block.text for block in blocks], extracted)
    chars = np.array([len(block.text) for block in blocks], dtype=np.float64)
    links = np.array([block.link_density for block in blocks])
    rows[:, _SHAPE] = [_shape(block) for block in blocks]
    hints = _HintPaths()
    rows[:, _MARKUP] = [hints.of(block) for block in blocks]
    rows[:, _CONTAINERS] = _ContainerStats(blocks, chars, shares).rows(blocks)
    rows[:, _SIGNATURES] = _signature_rows(blocks, chars, shares)
    rows[:, _INDEX["extracted"]] = shares
    rows[:, _INDEX["link_density"]] = links
    _neighbour_columns(rows, shares, links, chars)
    _page_columns(rows, shares, chars, hints)
    return rows


_SHAPE_NAMES = (
    "log_chars", "log_tokens", "has_link", "punctuation", "ends_sentence", "sentences", "digits",
    "capitalised", "mean_token", "lines", "hidden", "level", "depth", *(f"kind_{kind.value}" for kind in _KINDS),
    "url_like", "no_spaces",
)  # fmt: skip
_SHAPE = [_INDEX[name] for name in _SHAPE_NAMES]
_KIND_SLOTS = {kind: index for index, kind in enumerate(_KINDS)}


def _shape(block: PageBlock) -> list[float]:
    """The block's own shape: size, punctuation, capitals, digits, kind."""
    text = block.text
    tokens = _TOKEN.findall(text)
    words = max(len(tokens), 1)
    kinds = [0.0] * len(_KINDS)
    if block.kind in _KIND_SLOTS:
        kinds[_KIND_SLOTS[block.kind]] = 1.0
    return [
        math.log1p(len(text)),
        math.log1p(len(tokens)),
        float(bool(block.links) or block.link_chars > 0),
        sum(map(text.count, _PUNCTUATION)) / words,
        float(_SENTENCE_END.search(text) is not None),
        math.log1p(len(_SENTENCE_BREAK.findall(text))),
        sum(token.isdigit() for token in tokens) / words,
        sum(token[0].isupper() for token in tokens) / words,
        sum(map(len, tokens)) / words,
        math.log1p(text.count("\n")),
        float(block.hidden),
        float(block.level or 0),
        float(len(block.containers)),
        *kinds,
        float(_URL_LIKE.match(text) is not None),
        float(" " not in text and len(text) > 20),
    ]


_MARKUP = [
    *(_INDEX[f"tag_{tag}"] for tag in _TAGS),
    *(_INDEX[f"in_{tag}"] for tag in _ANCESTOR_TAGS),
    *(_INDEX[f"hint_{group}"] for group in HINT_GROUPS),
]
_TAG_SLOTS = {tag: index for index, tag in enumerate(_TAGS)}
_ANCESTOR_SLOTS = {tag: index for index, tag in enumerate(_ANCESTOR_TAGS)}


class _HintPaths:
    """Per container element, memoised: the landmark tags above it and, per hint group, how far up
    the nearest hint stands (ancestors are shared by many blocks, so each is read once)."""

    def __init__(self) -> None:
        self._memo: dict[HtmlElement, tuple[list[int], list[float]]] = {}
        self.group_counts = np.zeros(len(HINT_GROUPS))

    def of(self, block: PageBlock) -> list[float]:
        containers = block.containers
        top = len(containers) - 1
        while top >= 0 and containers[top] not in self._memo:
            top -= 1
        if top >= 0:
            distances, inside = self._memo[containers[top]]
        else:
            distances, inside = [MAX_HINT_DISTANCE] * len(HINT_GROUPS), [0.0] * len(_ANCESTOR_TAGS)
        for element in containers[top + 1 :]:
            bits = element_hints(element)
            distances = [
                0 if bits >> group & 1 else min(d + 1, MAX_HINT_DISTANCE) for group, d in enumerate(distances)
            ]
            if bits:
                self.group_counts += [bits >> group & 1 for group in range(len(HINT_GROUPS))]
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if tag in _ANCESTOR_SLOTS:
                inside = inside.copy()
                inside[_ANCESTOR_SLOTS[tag]] = 1.0
            self._memo[element] = (distances, inside)
        own = [0.0] * len(_TAGS)
        tag = block.element.tag.lower() if isinstance(block.element.tag, str) else ""
        tag = "h" if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else tag
        if tag in _TAG_SLOTS:
            own[_TAG_SLOTS[tag]] = 1.0
        return [*own, *inside, *(1.0 - d / MAX_HINT_DISTANCE for d in distances)]


_CONTAINERS = [
    _INDEX[f"up{level}_{stat}"]
    for level in range(1, CONTAINER_LEVELS + 1)
    for stat in ("log_chars", "link_density", "extracted", "log_blocks")
]


class _ContainerStats:
    """Text, link text, extracted text and blocks under every container element of the page."""

    def __init__(self, blocks: Sequence[PageBlock], chars: np.ndarray, shares: np.ndarray) -> None:
        self.stats: dict[HtmlElement, list[float]] = {}
        for block, size, share in zip(blocks, chars.tolist(), shares.tolist(), strict=True):
            linked = block.link_density * size
            for element in block.containers:
                found = self.stats.get(element)
                if found is None:
                    self.stats[element] = [size, linked, share * size, 1.0]
                else:
                    found[0] += size
                    found[1] += linked
                    found[2] += share * size
                    found[3] += 1.0

    def rows(self, blocks: Sequence[PageBlock]) -> list[list[float]]:
        empty = [0.0] * 4
        out = []
        for block in blocks:
            row: list[float] = []
            for level in range(1, CONTAINER_LEVELS + 1):
                if len(block.containers) <= level:
                    row += empty
                    continue
                size, linked, extracted, count = self.stats[block.containers[-1 - level]]
                row += [
                    math.log1p(size),
                    linked / size if size else 0.0,
                    extracted / size if size else 0.0,
                    math.log1p(count),
                ]
            out.append(row)
        return out


_SIGNATURES = [
    _INDEX[f"like{level}_{stat}"]
    for level in range(SIGNATURE_LEVELS)
    for stat in ("extracted", "log_chars", "log_containers")
]


def _signature(element: HtmlElement) -> tuple[str, str]:
    return (str(element.tag), element.get("class") or "")


def _signature_rows(blocks: Sequence[PageBlock], chars: np.ndarray, shares: np.ndarray) -> list[list[float]]:
    """Per block and level (own container, parent, grandparent): over all blocks whose container at
    that level has the same tag and class, the share the extractor kept, their text, their containers."""
    totals: dict[tuple[int, tuple[str, str]], list[float]] = {}
    containers: dict[tuple[int, tuple[str, str]], set[int]] = {}
    keys: list[list[tuple[int, tuple[str, str]] | None]] = []
    for block, size, share in zip(blocks, chars.tolist(), shares.tolist(), strict=True):
        block_keys: list[tuple[int, tuple[str, str]] | None] = []
        for level in range(SIGNATURE_LEVELS):
            if len(block.containers) <= level:
                block_keys.append(None)
                continue
            element = block.containers[-1 - level]
            key = (level, _signature(element))
            total = totals.setdefault(key, [0.0, 0.0])
            total[0] += size * share
            total[1] += size
            containers.setdefault(key, set()).add(id(element))
            block_keys.append(key)
        keys.append(block_keys)
    rows = []
    for block_keys in keys:
        row: list[float] = []
        for found in block_keys:
            if found is None:
                row += [0.0, 0.0, 0.0]
                continue
            kept, size = totals[found]
            row += [kept / size if size else 0.0, math.log1p(size), math.log1p(len(containers[found]))]
        rows.append(row)
    return rows


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


def _page_columns(rows: np.ndarray, shares: np.ndarray, chars: np.ndarray, hints: _HintPaths) -> None:
    rows[:, _INDEX["page_log_blocks"]] = math.log1p(len(shares))
    rows[:, _INDEX["page_extracted"]] = float((shares * chars).sum() / max(chars.sum(), 1.0))
    counts = dict(zip(HINT_GROUPS, hints.group_counts, strict=True))
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
