"""Numbers that describe each block and its surroundings, for the block classifier.

Article text comes in runs of long, connected, punctuated paragraphs; menus, link lists and footers
come in runs of short, capitalised, unpunctuated lines. So besides each block's own shape (length,
punctuation, capitalisation, stop words, digits, links) the features describe its neighbourhood
(window averages at several widths), its position against the page's prose, and what the rule steps
already marked. The same function serves training (bench/train_text_model.py) and cleaning, so the
two can never drift apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import repeat
from operator import attrgetter

import numpy as np

from cleaner.document import Block, Document, Kind, Reason
from cleaner.mark.characters import (
    COMMA,
    DIGIT,
    FULL_STOP,
    LETTER,
    NOT_UPPER,
    SEPARATOR,
    SPACE,
    STOP,
    SYMBOL,
    UPPER,
    WORD,
    PageCharacters,
    page_characters,
)
from cleaner.read.segment import LIST_MARKER, ends_sentence

_LINKY = re.compile(r"https?://|www\.|\.(?:com|org|net)\b|@\w")
# The commonest function words of the languages most scraped pages are in: prose is full of
# them, menus and headline lists have few.
STOP_WORDS = frozenset(
    # English
    "the a an of to in and is for on that with as was by at it from be are has have he she they his "
    "her its this said not but or who which will would their were been had more than about after also "
    # German
    "der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es an als wie "
    # French
    "le la les et est des du un une que qui dans pour pas sur au avec il elle ce se sont ne par "
    # Spanish and Portuguese
    "el los las y es en del se por con una para su al lo como más pero sus o em os não uma com "
    # Italian and Dutch
    "il di che è per non della sono het een van de en dat op te zijn "
    # Polish, Turkish, Swedish
    "w z że się na do jest jak po ale od przez dla ve bir bu da için ile gibi daha çok ama och att "
    "är som på av för med den till har inte "
    # Russian and Ukrainian, Arabic, Hindi
    "и в не на что с по как это он она они его к у за из от для же так но мы бы все був була що "
    "في من على إلى أن عن مع هذا التي الذي كان ما لا "
    "के है में की और से को का एक यह पर भी नहीं "
    # Japanese particles and Chinese function characters (a word there is one character, see
    # cleaner.read.words)
    "の に は を が で と も た て な か へ や ね よ 的 了 是 在 和 有 不 这 也 就 都 而 及 与 之".split()
)
# Marks of the rule steps, grouped into the families a classifier can learn from.
_MARK_GROUPS: tuple[frozenset[Reason], ...] = (
    frozenset({Reason.PAYWALL, Reason.SUBSCRIBE_CTA, Reason.NEWSLETTER}),
    frozenset({Reason.SOCIAL_EMBED}),
    frozenset({Reason.COMMENTS}),
    frozenset({Reason.RELATED_LINKS}),
    frozenset({Reason.CREDIT, Reason.PAGE_CHROME, Reason.ADVERTISEMENT, Reason.PROMO}),
    frozenset({Reason.TITLE}),
)
_GROUP_OF = {reason: number for number, group in enumerate(_MARK_GROUPS) for reason in group}
_WINDOWS = (1, 3, 8, 20)
# A block is prose for the neighbourhood features when it has this many words and ends a sentence.
_PROSE_WORDS = 15

BLOCK_FEATURES = (
    "log_words",
    "log_chars",
    "capitalized_share",
    "stop_word_share",
    "short_word_share",
    "digit_share",
    "ends_sentence",
    "ends_colon",
    "commas_per_word",
    "sentences_per_word",
    "has_link_text",
    "bullet",
    "separators_per_word",
    "mean_word_length",
    "all_caps",
    "heading",
    "list_item",
    "link_density",
    "marked_prompt",
    "marked_social",
    "marked_comments",
    "marked_related",
    "marked_credit",
    "marked_title",
    "log_repeats",
    "symbol_share",
)
_CONTEXT_OF = ("prose", "log_words", "capitalized_share", "stop_word_share")
PAGE_FEATURES = (
    "position",
    "prose_before",
    "prose_after",
    "length_vs_prose",
    "log_blocks",
    "in_prose_region",
    "from_region_start",
    "from_region_end",
    "log_distance_to_prose",
    "introduced_list",
    "log_list_run",
    "menu_run",
    *(f"{name}_mean_{width}" for name in _CONTEXT_OF for width in _WINDOWS),
    *(f"{name}_{side}" for name in _CONTEXT_OF for side in ("previous", "next")),
)
FEATURE_NAMES = BLOCK_FEATURES + PAGE_FEATURES


def block_features(blocks: list[Block]) -> np.ndarray:
    """The blocks' own shapes, one row of BLOCK_FEATURES each.

    Counts of characters and words come from the page's characters classed all at once
    (cleaner/mark/characters.py); a few anchored regexes and string methods run per block.
    """
    count = len(blocks)
    texts = [block.text for block in blocks]
    page = page_characters(texts)
    first, last = page.runs(LETTER)  # the words of cleaner.read.words.WORD, block by block
    owner = page.owners(first)
    lengths = (last - first).astype(np.float64)

    def per_word(weights: np.ndarray) -> np.ndarray:
        return np.bincount(owner, weights=weights, minlength=count) / word_count

    word_count = np.maximum(np.bincount(owner, minlength=count), 1).astype(np.float64)
    chars = (page.ends - page.starts).astype(np.float64)
    wide = np.maximum(chars, 1.0)
    is_stop = page.words_in(first, last, STOP_WORDS).astype(np.float64)
    # A sentence break: a stop followed by whitespace or by the end of its block, or a full-width stop.
    stops = page.has(STOP)
    breaks = stops.copy()
    breaks[:-1] &= page.has(SPACE)[1:]
    ends = page.ends[page.ends > page.starts] - 1
    breaks[ends] = stops[ends]
    # Counted one class at a time: a page's characters are held once, each flag array briefly.
    tokens = page.count(page.run_starts(WORD))
    digits, commas = page.count(page.has(DIGIT)), page.count(page.has(COMMA))
    sentences = page.count(breaks) + page.count(page.has(FULL_STOP))
    separators, symbols = page.count(page.has(SEPARATOR)), page.count(page.has(SYMBOL))
    # Each text lowercased with its whitespace folded: blocks of plain text are folded already.
    keys = list(map(str.lower, texts))
    if not page.tidy():
        keys = [" ".join(key.split()) for key in keys]
    repeats = Counter(keys)
    rows = np.empty((count, len(BLOCK_FEATURES)))
    rows[:, 0] = np.log1p(tokens)
    rows[:, 1] = np.log1p(chars)
    rows[:, 2] = per_word(((page.classes[first] & UPPER) != 0).astype(np.float64))
    rows[:, 3] = per_word(is_stop)
    rows[:, 4] = per_word((lengths < 4).astype(np.float64))
    rows[:, 5] = digits / wide
    rows[:, 6] = list(map(ends_sentence, texts))
    rows[:, 7] = [1.0 if text.rstrip().endswith(":") else 0.0 for text in texts]
    rows[:, 8] = commas / word_count
    rows[:, 9] = sentences / word_count
    rows[:, 10] = [1.0 if _LINKY.search(text) else 0.0 for text in texts]
    rows[:, 11] = [1.0 if LIST_MARKER.match(text) else 0.0 for text in texts]
    rows[:, 12] = separators / word_count
    rows[:, 13] = per_word(lengths)
    rows[:, 14] = _all_caps(page)
    kinds = list(map(attrgetter("kind"), blocks))
    rows[:, 15] = np.fromiter(map(Kind.HEADING.__eq__, kinds), dtype=np.float64, count=count)
    rows[:, 16] = np.fromiter(map(Kind.LIST_ITEM.__eq__, kinds), dtype=np.float64, count=count)
    rows[:, 17] = [
        -1.0 if density is None else density for density in map(attrgetter("link_density"), blocks)
    ]
    group = np.fromiter(
        map(_GROUP_OF.get, map(attrgetter("removed"), blocks), repeat(-1)), dtype=np.int64, count=count
    )
    rows[:, 18 : 18 + len(_MARK_GROUPS)] = group[:, None] == np.arange(len(_MARK_GROUPS))[None, :]
    rows[:, 18 + len(_MARK_GROUPS)] = list(map(math.log, map(repeats.__getitem__, keys)))
    # Code and commands (a documentation page's samples) are full of brackets and operators.
    rows[:, 19 + len(_MARK_GROUPS)] = symbols / wide
    return rows


def _all_caps(page: PageCharacters) -> np.ndarray:
    """str.isupper() of each block: an uppercase character and no lowercase or titlecase one
    (a single character: uppercase)."""
    upper, lower = page.count(page.has(UPPER)), page.count(page.has(NOT_UPPER))
    single = (page.ends - page.starts) == 1
    return np.where(single, upper == 1, (upper > 0) & (lower == 0)).astype(np.float64)


def document_features(document: Document) -> np.ndarray:
    """One row of FEATURE_NAMES per block of the document (all blocks, kept or marked)."""
    blocks = document.blocks
    count = len(blocks)
    if not count:
        return np.zeros((0, len(FEATURE_NAMES)))
    own = block_features(blocks)
    column = {name: own[:, i] for i, name in enumerate(BLOCK_FEATURES)}
    prose = ((column["log_words"] >= math.log1p(_PROSE_WORDS)) & (column["ends_sentence"] > 0)).astype(float)
    column["prose"] = prose
    index = np.arange(count)
    prose_total = max(prose.sum(), 1.0)
    prose_seen = np.cumsum(prose)
    lengths = column["log_words"]
    typical = float(np.median(lengths[prose > 0])) if prose.any() else float(np.median(lengths))
    start, end = _prose_region(prose, lengths)
    page = [
        index / max(count - 1, 1),
        (prose_seen - prose) / prose_total,
        (prose_total - prose_seen) / prose_total,
        lengths - typical,
        np.full(count, math.log1p(count)),
        ((index >= start) & (index <= end)).astype(float),
        (index - start) / count,
        (index - end) / count,
    ]
    page += [_log_distance_to(prose), *_list_context(column["bullet"], column["ends_colon"])]
    page.append(np.full(count, 1.0 if _has_menu_run(column["log_words"], column["ends_colon"]) else 0.0))
    context = np.column_stack([column[name] for name in _CONTEXT_OF])
    means = [window_mean(context, width) for width in _WINDOWS]
    page += [means[w][:, n] for n in range(len(_CONTEXT_OF)) for w in range(len(_WINDOWS))]
    previous, following = np.zeros_like(context), np.zeros_like(context)
    previous[1:], following[:-1] = context[:-1], context[1:]
    for n in range(len(_CONTEXT_OF)):
        page += [previous[:, n], following[:, n]]
    return np.column_stack([own, *page])


def window_mean(values: np.ndarray, width: int) -> np.ndarray:
    """Mean of each value and its `width` neighbours on either side (fewer at the edges); of each
    column when `values` has several."""
    count = len(values)
    sums = np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])
    index = np.arange(count)
    low = np.maximum(index - width, 0)
    high = np.minimum(index + width + 1, count)
    span = high - low
    return np.asarray((sums[high] - sums[low]) / (span if values.ndim == 1 else span[:, None]))


def _log_distance_to(flags: np.ndarray) -> np.ndarray:
    """log(1 + blocks to the nearest flagged block): list items and subheads sit next to prose."""
    count = len(flags)
    where = np.flatnonzero(flags)
    if not len(where):
        return np.full(count, math.log1p(count))
    index = np.arange(count)
    slot = np.clip(np.searchsorted(where, index), 1, len(where)) - 1
    before = np.abs(index - where[slot])
    after = np.abs(where[np.clip(slot + 1, 0, len(where) - 1)] - index)
    return np.asarray(np.log1p(np.minimum(before, after)))


def _list_context(bullet: np.ndarray, ends_colon: np.ndarray) -> list[np.ndarray]:
    """Whether a bulleted block continues a list that a line ending in ':' introduced, and the
    length of its run of bullets: an article introduces its lists; menus and link lists seldom do."""
    count = len(bullet)
    introduced = np.zeros(count)
    run_length = np.zeros(count)
    if not bullet.any():
        return [introduced, run_length]
    bullet, ends_colon = bullet.tolist(), ends_colon.tolist()
    start = 0
    for i in range(count):
        if not bullet[i]:
            continue
        if i == 0 or not bullet[i - 1]:
            start = i
            end = i
            while end + 1 < count and bullet[end + 1]:
                end += 1
            length = end - start + 1
            opened = 1.0 if start > 0 and ends_colon[start - 1] else 0.0
            introduced[start : end + 1] = opened
            run_length[start : end + 1] = math.log1p(length)
    return [introduced, run_length]


# A whole scraped page carries a menu or a link list: a run of this many lines of at most
# MENU_LINE_WORDS words that no line ending in ":" introduces. A page-wide hint only: the model
# weighs it with each block's own evidence (an extracted article with a related-links run has one too).
MENU_RUN = 5
MENU_LINE_WORDS = 3


def _has_menu_run(log_words: np.ndarray, ends_colon: np.ndarray) -> bool:
    short = (log_words <= math.log1p(MENU_LINE_WORDS)).tolist()
    colon = ends_colon.tolist()
    run, introduced = 0, False
    for i in range(len(short)):
        if short[i]:
            run += 1
            if run >= MENU_RUN and not introduced:
                return True
        else:
            run, introduced = 0, bool(colon[i])
    return False


def _prose_region(prose: np.ndarray, lengths: np.ndarray) -> tuple[int, int]:
    """The stretch of blocks with the most prose against short lines (maximum-sum subarray)."""
    score = np.where(prose > 0, 1.0, np.where(lengths > math.log1p(6), -0.2, -0.5))
    best, current, current_start, start, end = -math.inf, 0.0, 0, 0, 0
    for i, value in enumerate(score.tolist()):
        if current <= 0:
            current, current_start = value, i
        else:
            current += value
        if current > best:
            best, start, end = current, current_start, i
    return start, end
