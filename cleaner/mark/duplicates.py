"""Repeated paragraphs inside one document: exact for short blocks, MinHash-LSH for long ones.

What is a copy (marked `duplicate`, naming the block it repeats and the estimated similarity):
- the same text again, anywhere in the page, after normalisation (case, curly quotes, whitespace,
  punctuation): the first copy is kept;
- a long block (`minhash_min_words`+ words) whose word-pair Jaccard similarity to an earlier kept
  block is at least `duplicate_threshold` (one changed word in a long paragraph): MinHash
  signatures (`cleaner.sketch.minhash`), LSH candidates (`cleaner.sketch.lsh`), then the signatures' estimate;
- a teaser: a block ending in an ellipsis ("...", "…", "[…]") whose word pairs are contained in a
  longer block (at least `teaser_containment` of them; the last word before the ellipsis is dropped,
  since it is often cut mid-word). Jaccard misses these (a three-line teaser of a ten-line
  paragraph has a Jaccard of 0.3), so containment is computed exactly on the pair sets, against the
  few blocks an index of word pairs nominates (linear in the blocks, also on a page of 10,000 teasers). The full paragraph is kept wherever it is, also
  when the teaser comes first.

What is natural repetition (kept):
- lines under `EXACT_MIN_WORDS` words ("Q:", "Chorus", "Advertisement") are never compared;
- dialogue turns ("Q: ...", "Question: ...", "A. ..."): an interviewer may ask the same question twice;
- a text that recurs `RECURRING_COPIES` times or more is a template of the page (an interview
  question asked of every guest, a per-product label): junk repeats come in pairs;
- a refrain: a chorus may come only twice, as a run of several lines. A short line is a refrain
  when both copies sit in one unbroken run of at least `VERSE_MIN_LINES` short lines (a song, a
  poem), `REFRAIN_GAP` lines apart (a verse between them), the line next to the copy repeats the
  line next to the original (the run of lines repeats, not one line), and the line reads as a
  sentence, not a headline. A headline or standfirst captured twice has prose between its copies,
  and the menus and headline lists a scraped page repeats are title-cased or far apart: copies;
- the lines of one paragraph (an address, a poem, a song set with line breaks) repeat as the text
  wants them to: a `line` block is never compared;
- two list items are only ever exact copies: items and numbered steps that share a template
  ("Room 2: double bed, sea view, 22 square metres") differ in the word or number that matters.
  Prose steps that repeat a phrase ("... and stir with a wooden spoon until soft") share well under
  `duplicate_threshold` of their word pairs, and short ones are compared exactly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from cleaner.document import Block, Document, Kind, Reason
from cleaner.mark.boilerplate import is_headline
from cleaner.options import CleanOptions
from cleaner.sketch.lsh import BandIndex, band_keys, lsh_params
from cleaner.sketch.minhash import jaccard, sign_words
from cleaner.sketch.shingles import DIALOGUE_TURN, EXACT_MIN_WORDS, normalized_words, shingles

# A text seen this many times in one document is a template of the page, kept wherever it recurs.
RECURRING_COPIES = 3
# Consecutive short lines that make a stanza (song, poem, ingredient list): refrains live there.
VERSE_MIN_LINES = 4
# How far apart a refrain's copies are, in lines: at least a verse between them (a line pair repeated
# back to back is a headline captured twice with its link), at most a long verse and chorus (menus
# and headline lists repeated on a scraped page are 35 to 100 lines apart on the shared benchmark).
REFRAIN_GAP = range(VERSE_MIN_LINES, 25)
# A teaser ends in an ellipsis: "...", ". . .", "…", optionally in brackets ("[...]", "(…)").
TEASER_END = re.compile(r"(?:\.\s?\.\s?\.|…)\s*+[\])]?\s*+$")
# What every teaser's end holds.
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")


@dataclass(slots=True)
class _Item:
    block: Block
    position: int  # among the kept blocks
    words: list[str]
    # Which run of consecutive short lines (at least VERSE_MIN_LINES long) holds it, if any.
    verse: int | None
    # Its distinct word n-grams, once the teaser search asks for them.
    grams: list[bytes] | None = None

    def shingles(self, size: int) -> list[bytes]:
        if self.grams is None:
            self.grams = shingles(self.words, size)
        return self.grams


@dataclass(slots=True)
class _Copy:
    block: Block
    original: Block
    similarity: float
    rule: str
    why: str


def mark_duplicates(document: Document, options: CleanOptions) -> None:
    """Mark copies and teasers of kept blocks, sparing the natural repetition listed above.

    Of a repeated block, the copy kept is the one the block classifier finds likeliest to be article
    text (plain-text pages: a teaser in the page header repeats the article's first paragraph),
    else the first.
    """
    if Reason.DUPLICATE not in options.reasons:
        return
    kept = document.kept_blocks
    words = [normalized_words(block.text) for block in kept]
    lines = [" ".join(block_words) for block_words in words]
    items = _comparable(kept, words, options)
    teasers = _teasers(items, options)
    taken = {id(copy.block) for copy in teasers}
    rest = [item for item in items if id(item.block) not in taken]
    short = [item for item in rest if len(item.words) < options.minhash_min_words]
    long = [item for item in rest if len(item.words) >= options.minhash_min_words]
    repeats = _likeliest_kept(_recurring_spared(_exact_copies(short, lines) + _near_copies(long, options)))
    for copy in [*teasers, *repeats]:
        copy.block.mark(Reason.DUPLICATE, copy.rule, copy.why)
        copy.block.duplicate_of, copy.block.similarity = copy.original.index, copy.similarity


def _comparable(blocks: list[Block], words: list[list[str]], options: CleanOptions) -> list[_Item]:
    """Kept blocks long enough to compare and not dialogue turns, each knowing its verse run."""
    verse: list[int | None] = [None] * len(blocks)
    run_start = 0
    short = [len(block_words) < options.minhash_min_words for block_words in words]
    for position in range(len(blocks) + 1):
        if position < len(blocks) and short[position]:
            continue
        if position - run_start >= VERSE_MIN_LINES:
            verse[run_start:position] = [run_start] * (position - run_start)
        run_start = position + 1
    return [
        _Item(block, position, block_words, run)
        for position, (block, block_words, run) in enumerate(zip(blocks, words, verse, strict=True))
        if len(block_words) >= EXACT_MIN_WORDS
        and block.kind is not Kind.LINE
        and not DIALOGUE_TURN.match(block.text)
    ]


# A word pair found in more blocks than this is page furniture (a template's words), not evidence of
# which block a teaser was cut from: it does not nominate containers. Keeps the teaser search linear in
# the number of blocks when thousands of lines share their words.
TEASER_PAIR_POSTINGS = 32
# Containers checked exactly per teaser: those sharing the most of its uncommon pairs.
TEASER_CONTAINERS = 16


def _teasers(items: list[_Item], options: CleanOptions) -> list[_Copy]:
    """Ellipsis-ended blocks contained in a longer block; longest teasers first, so chains resolve.

    Containers are found through an index of word pairs (pair -> blocks holding it), not by comparing
    every teaser with every block: 10,000 lines ending in an ellipsis once took quadratic time.
    """
    # Most pages hold no ellipsis at all: one search over the page spares one a block.
    if not _ELLIPSIS.search("\n".join([item.block.text for item in items])):
        return []
    candidates = [item for item in items if TEASER_END.search(item.block.text)]
    if not candidates:
        return []
    size = options.shingle_words
    ordered = sorted(candidates, key=lambda item: -len(item.words))
    owns: dict[int, set[bytes]] = {}
    for teaser in ordered:
        words = teaser.words[:-1] if _cut_mid_word(teaser.block.text) else teaser.words
        if len(words) >= EXACT_MIN_WORDS:
            owns[id(teaser)] = set(shingles(words, size))
    # Only the teasers' own pairs are ever looked up: the index holds those.
    wanted: set[bytes] = set().union(*owns.values())
    number_of = {id(item): number for number, item in enumerate(items)}
    postings: dict[bytes, list[int]] = defaultdict(list)
    for number, item in enumerate(items):
        for pair in wanted.intersection(item.shingles(size)):
            posting = postings[pair]
            if len(posting) <= TEASER_PAIR_POSTINGS:
                posting.append(number)
    pairs: dict[int, set[bytes]] = {}
    teasers: list[_Copy] = []
    taken: set[int] = set()
    for teaser in ordered:
        own = owns.get(id(teaser))
        if own is None:
            continue
        shared: dict[int, int] = defaultdict(int)
        for pair in own:
            posting = postings.get(pair, [])
            if len(posting) <= TEASER_PAIR_POSTINGS:
                for number in posting:
                    shared[number] += 1
        nominated = sorted(shared, key=lambda number: (-shared[number], number))
        best: tuple[float, _Item] | None = None
        checked = 0
        for number in nominated:
            other = items[number]
            if number == number_of[id(teaser)] or id(other) in taken or len(other.words) <= len(teaser.words):
                continue
            if checked == TEASER_CONTAINERS:
                break
            checked += 1
            if number not in pairs:
                pairs[number] = set(other.shingles(size))
            contained = len(own & pairs[number]) / len(own)
            if contained >= options.teaser_containment and (best is None or contained > best[0]):
                best = (contained, other)
        if best is not None:
            taken.add(id(teaser))
            share, full = round(best[0], 3), best[1].block
            why = f"teaser of block {full.index}, cut short ({share:.0%} of its word pairs are in that block)"
            teasers.append(_Copy(teaser.block, full, share, "teaser", why))
    return teasers


def _cut_mid_word(text: str) -> bool:
    """True when the ellipsis is glued to the last word ("the deb…"), which may then be truncated."""
    found = TEASER_END.search(text)
    return bool(found and found.start() > 0 and text[found.start() - 1].isalnum())


def _exact_copies(items: list[_Item], lines: list[str]) -> list[_Copy]:
    """Short blocks: equal after normalisation, except refrains."""
    first: dict[str, _Item] = {}
    copies: list[_Copy] = []
    for item in items:
        original = first.setdefault(" ".join(item.words), item)
        if original is not item and not _refrain(original, item, lines):
            copies.append(_copy(item.block, original.block, 1.0, "exact_repeat"))
    return copies


def _refrain(original: _Item, copy: _Item, lines: list[str]) -> bool:
    """In one verse run, a verse apart, a neighbouring line repeats too, and not a headline."""
    if original.verse is None or original.verse != copy.verse or is_headline(copy.block):
        return False
    if copy.position - original.position not in REFRAIN_GAP:
        return False
    return any(
        0 <= original.position + step < len(lines)
        and 0 <= copy.position + step < len(lines)
        and lines[original.position + step] == lines[copy.position + step]
        for step in (-1, 1)
    )


# Up to this many long blocks, every block is compared with every earlier one directly (a page's
# worth of signatures is a small array); beyond it LSH bands pick the candidates.
PAIRWISE_MAX_BLOCKS = 64


def _near_copies(items: list[_Item], options: CleanOptions) -> list[_Copy]:
    """Each long block against the earlier kept ones, on MinHash signatures (LSH for long pages)."""
    if len(items) < 2:
        return []
    signatures = sign_words([item.words for item in items], options.shingle_words, options.num_perm)
    pairwise = len(items) <= PAIRWISE_MAX_BLOCKS
    index: BandIndex[int] | None = None
    keys = None
    close: dict[int, list[tuple[int, float]]] = {}
    if pairwise:
        close = _close_pairs(signatures, options.duplicate_threshold)
    else:
        keys = band_keys(signatures, *lsh_params(options.duplicate_threshold, options.num_perm))
        index = BandIndex(keys.shape[1])
    originals: list[int] = []
    kept: set[int] = set()
    copies: list[_Copy] = []
    for position, item in enumerate(items):
        if index is not None and keys is not None:
            candidates = sorted(index.candidates(keys[position]))
            similarities = [jaccard(signatures[position], signatures[c]) for c in candidates]
        else:  # the earlier originals close enough, in order
            found = [(c, similarity) for c, similarity in close.get(position, ()) if c in kept]
            candidates = [c for c, _ in found]
            similarities = [similarity for _, similarity in found]
        best: tuple[float, int] | None = None
        for candidate, similarity in zip(candidates, similarities, strict=True):
            if (
                similarity >= options.duplicate_threshold
                and (best is None or similarity > best[0])
                and _may_be_copies(item, items[candidate])
            ):
                best = (similarity, candidate)
        if best is None:
            originals.append(position)
            kept.add(position)
            if index is not None and keys is not None:
                index.insert(position, keys[position])
        else:
            copies.append(_copy(item.block, items[best[1]].block, round(best[0], 3), "near_duplicate"))
    return copies


def _close_pairs(signatures: np.ndarray, threshold: float) -> dict[int, list[tuple[int, float]]]:
    """For each block, the earlier blocks whose estimated similarity to it reaches the threshold
    (in order, with it): all pairs of a page's signatures compared in one array operation."""
    equal = np.count_nonzero(signatures[:, None, :] == signatures[None, :, :], axis=2)
    similarity = equal / signatures.shape[1]  # the share of equal values, as jaccard() computes it
    later, earlier = np.nonzero(np.tril(similarity >= threshold, -1))
    close: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for position, candidate in zip(later.tolist(), earlier.tolist(), strict=True):
        close[position].append((candidate, float(similarity[position, candidate])))
    return close


def _may_be_copies(first: _Item, second: _Item) -> bool:
    """Two list items are copies only when equal: items of a template differ in the word that matters."""
    both_items = first.block.kind is Kind.LIST_ITEM and second.block.kind is Kind.LIST_ITEM
    return not both_items or first.words == second.words


def _recurring_spared(copies: list[_Copy]) -> list[_Copy]:
    """Drop the copies of texts that recur RECURRING_COPIES times or more (a page template)."""
    per_original: dict[int, list[_Copy]] = defaultdict(list)
    for copy in copies:
        per_original[id(copy.original)].append(copy)
    return [copy for group in per_original.values() if len(group) + 1 < RECURRING_COPIES for copy in group]


# Copies whose article probabilities differ by less than this are equally likely: the first is kept.
KEEP_FIRST_WITHIN = 0.1


def _likeliest_kept(copies: list[_Copy]) -> list[_Copy]:
    """Regroup each text's copies around the member with the highest article probability."""
    per_original: dict[int, list[_Copy]] = defaultdict(list)
    for copy in copies:
        per_original[id(copy.original)].append(copy)
    result: list[_Copy] = []
    for group in per_original.values():
        original = group[0].original
        members = [original, *(copy.block for copy in group)]
        # The first copy in reading order, unless a later one is clearly likelier article text (a lead
        # repeated as a teaser in the page header keeps its place in the article, not the header's).
        best = max(block.article_probability or 0.0 for block in members)
        keeper = min(
            (block for block in members if (block.article_probability or 0.0) >= best - KEEP_FIRST_WITHIN),
            key=lambda block: block.index,
        )
        if keeper is original:
            result += group
            continue
        similarity = {id(copy.block): copy.similarity for copy in group}
        rule = next(copy.rule for copy in group if copy.block is keeper)
        for member in members:
            if member is not keeper:
                score = min(similarity.get(id(member), 1.0), similarity[id(keeper)])
                result.append(_copy(member, keeper, score, rule))
    return result


def _copy(block: Block, original: Block, similarity: float, rule: str) -> _Copy:
    return _Copy(
        block, original, similarity, rule, f"repeats block {original.index} (similarity {similarity:.2f})"
    )
