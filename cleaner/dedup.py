"""Repeated paragraphs inside one document: exact for short blocks, MinHash-LSH for long ones.

The first full copy is kept; later copies are marked `duplicate`, naming the block they repeat and
the estimated similarity. Short blocks are compared exactly after normalisation (a few shingles make
MinHash noisy, and one changed word in a short recipe step is a different step, not a copy).

Natural repetition survives by rule:
- lines under `EXACT_MIN_WORDS` words ("Q:", "Chorus", "Advertisement") are never compared;
- a text that recurs `RECURRING_COPIES` times or more is a template of the page (an interview
  question asked of every guest, a refrain, a per-product label), not a capture accident: junk
  repeats (a teaser captured twice, a headline shown above and in the body) come in pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from cleaner.document import Block, Document, Reason
from cleaner.options import CleanOptions

_WORD = re.compile(r"\w+", re.UNICODE)
# Fewer words than this repeat naturally (refrain labels, "Q:", "Advertisement"): never duplicates.
EXACT_MIN_WORDS = 4
# A text seen this many times in one document is a template of the page, kept wherever it recurs.
RECURRING_COPIES = 3
# MinHash seed: fixed so that signatures are comparable across documents, processes and runs.
MINHASH_SEED = 1


@dataclass
class _Copy:
    block: Block
    original: Block
    similarity: float
    rule: str


def normalized_words(text: str) -> list[str]:
    """Words for comparison: Unicode-folded (curly quotes, widths), lowercased."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(words: list[str], size: int) -> list[bytes]:
    """Distinct word n-grams as bytes (datasketch hashes bytes); a short text is one shingle."""
    if len(words) <= size:
        return [" ".join(words).encode()]
    return list(dict.fromkeys(" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)))


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for the threshold: computed once, not per document (datasketch re-optimises)."""
    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def mark_duplicates(document: Document, options: CleanOptions) -> None:
    """Mark all but one copy of each repeated block, except texts that recur as a page template.

    The copy kept is the one the block classifier thinks likeliest to be article text (plain-text
    pages: a teaser in the page header repeats the article's first paragraph), else the first.
    """
    if Reason.DUPLICATE not in options.reasons:
        return
    copies = _find_copies(document.kept_blocks, options)
    per_original: dict[int, list[_Copy]] = defaultdict(list)
    for copy in copies:
        per_original[copy.original.index].append(copy)
    for group in per_original.values():
        if len(group) + 1 >= RECURRING_COPIES:
            continue
        original = group[0].original
        similarity = {original.index: 1.0, **{copy.block.index: copy.similarity for copy in group}}
        members = [original, *(copy.block for copy in group)]
        keeper = max(members, key=lambda block: (block.article_probability or 0.0, -block.index))
        rule = {copy.block.index: copy.rule for copy in group}.get(keeper.index, group[0].rule)
        for block in members:
            if block is keeper:
                continue
            score = min(similarity[block.index], similarity[keeper.index])
            block.mark(Reason.DUPLICATE, rule, f"repeats block {keeper.index} (similarity {score:.2f})")
            block.duplicate_of, block.similarity = keeper.index, score


def _find_copies(blocks: list[Block], options: CleanOptions) -> list[_Copy]:
    copies: list[_Copy] = []
    short_seen: dict[str, Block] = {}
    long_blocks: list[tuple[Block, list[bytes]]] = []
    for block in blocks:
        words = normalized_words(block.text)
        if len(words) < EXACT_MIN_WORDS:
            continue
        if len(words) < options.minhash_min_words:
            first = short_seen.setdefault(" ".join(words), block)
            if first is not block:
                copies.append(_Copy(block, first, 1.0, "exact_repeat"))
        else:
            long_blocks.append((block, shingles(words, options.shingle_words)))
    if len(long_blocks) > 1:
        copies += _near_copies(long_blocks, options)
    return copies


def _near_copies(blocks: list[tuple[Block, list[bytes]]], options: CleanOptions) -> list[_Copy]:
    """Each long block against the earlier ones it is not a copy of, via LSH on MinHash signatures."""
    signatures = MinHash.bulk(
        [shingle_list for _, shingle_list in blocks], num_perm=options.num_perm, seed=MINHASH_SEED
    )
    lsh = MinHashLSH(
        threshold=options.duplicate_threshold,
        num_perm=options.num_perm,
        params=lsh_params(options.duplicate_threshold, options.num_perm),
    )
    copies: list[_Copy] = []
    for position, ((block, _), signature) in enumerate(zip(blocks, signatures, strict=True)):
        best: tuple[float, int] | None = None
        for candidate in sorted(lsh.query(signature)):  # sorted: ties go to the earliest copy
            similarity = float(signature.jaccard(signatures[candidate]))
            if similarity >= options.duplicate_threshold and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        if best is None:
            lsh.insert(position, signature, check_duplication=False)
        else:
            copies.append(_Copy(block, blocks[best[1]][0], round(best[0], 3), "near_duplicate"))
    return copies
