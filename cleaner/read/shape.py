"""Each block's own shape (size, tokens, punctuation, capitals, digits), for all a page's blocks at once.

The token counts are `re.findall(r"\\w+", text)` block by block, but read off the page's characters
in one pass: the blocks end to end, each character classed once (ASCII by a table, any other code
point by the same string methods `re` uses for `\\w`), tokens as runs of word characters that never
cross a block's edge. A regex and three maps a block cost more than the rest of the layout features
together. tests/read/test_shape.py holds every column equal to its per-block definition.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from cleaner.read.code_points import classed, spans

# Class bits of a character.
_WORD = 1  # \w: alphanumeric or "_"
_DIGIT = 2  # str.isdigit(): a token of them only is a number
_UPPER = 4  # str.isupper(): a token starting with one is capitalised
_PUNCTUATION = 8  # . , ; : ! ?
_NEWLINE = 16
_PUNCTUATION_MARKS = frozenset(".,;:!?")
_WORD_CHARACTER = re.compile(r"\w")


@lru_cache(maxsize=4096)
def _class_of(char: str) -> int:
    return (
        (_WORD if _WORD_CHARACTER.fullmatch(char) else 0)
        | (_DIGIT if char.isdigit() else 0)
        | (_UPPER if char.isupper() else 0)
        | (_PUNCTUATION if char in _PUNCTUATION_MARKS else 0)
        | (_NEWLINE if char == "\n" else 0)
    )


_ASCII = np.array([_class_of(chr(code)) for code in range(128)], dtype=np.uint8)


class TokenCounts:
    """Per block: tokens, all-digit tokens, capitalised tokens, characters in tokens, punctuation
    marks (. , ; : ! ?) and line breaks, each an int64 array."""

    __slots__ = ("capitalised", "digits", "newlines", "punctuation", "token_chars", "tokens")

    def __init__(self, texts: Sequence[str]) -> None:
        count = len(texts)
        starts, ends = spans(texts)
        _, classes = classed("".join(texts), _ASCII, _class_of)
        word = (classes & _WORD) != 0
        first = word.copy()
        first[1:] &= ~word[:-1]
        filled = starts < ends
        first[starts[filled]] = word[starts[filled]]  # a token never continues from the last block
        token_starts = np.flatnonzero(first)
        owner = np.searchsorted(ends, token_starts, side="right")
        self.tokens = np.bincount(owner, minlength=count)
        self.capitalised = np.bincount(owner, weights=(classes[token_starts] & _UPPER) != 0, minlength=count)
        # A token is a number when no character of it is not a digit.
        token_of = np.cumsum(first) - 1
        not_digit = word & ((classes & _DIGIT) == 0)
        numbers = np.bincount(token_of[not_digit], minlength=len(token_starts)) == 0
        self.digits = np.bincount(owner, weights=numbers, minlength=count)
        self.token_chars = _per_block(word, starts, ends)
        self.punctuation = _per_block((classes & _PUNCTUATION) != 0, starts, ends)
        self.newlines = _per_block((classes & _NEWLINE) != 0, starts, ends)


def _per_block(flags: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many characters of each block the flags mark."""
    total = np.concatenate([[0], np.cumsum(flags, dtype=np.int64)])
    return total[ends] - total[starts]


def log1p(values: np.ndarray) -> np.ndarray:
    """`math.log1p` of each value (the features were always computed with it; numpy's may differ
    in the last bit)."""
    return np.fromiter(map(math.log1p, values.tolist()), dtype=np.float64, count=len(values))
