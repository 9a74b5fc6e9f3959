"""Character classes of all a page's blocks at once, as numpy arrays: per-block counts in one pass.

Counting digits, commas or words block by block costs a regex or a string method per block and a
Python call per word; here the page's blocks are concatenated once, every character is classed by a
table lookup (ASCII) or by Python's own string methods (each other character that occurs, once),
and counts and word runs come from cumulative sums. The classes are defined by the same string
methods `re` uses for `\\w`, `\\d` and `\\s` on str patterns, so every count equals what the
per-block regex or string method gives (tests/mark/test_features.py checks every code point).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from cleaner.read import words
from cleaner.read.code_points import classed, spans
from cleaner.read.words import SENTENCE_MARKS, UNSPACED_WORD_LETTERS, in_han_kana, in_unspaced_alphabet

# Bits of a character's class.
LETTER = 1  # in a word of cleaner.read.words.WORD: alphanumeric, not a decimal digit (nor "_")
WORD = 2  # in a token of cleaner.read.words.TOKEN: \w, alphanumeric or "_"
DIGIT = 4  # str.isdigit()
UPPER = 8  # str.isupper()
SPACE = 16  # \s: str.isspace()
COMMA = 32
SEPARATOR = 64  # | / • ·: a menu's or a breadcrumb's separators
SYMBOL = 128  # {}()[];=<>$#_\: code and commands
STOP = 256  # . ! ?: ends a sentence when whitespace or the block's end follows
NOT_UPPER = 512  # lowercase or titlecase: a text holding one is not str.isupper()
# Scripts written without spaces (cleaner/read/words.py): a Han or Kana character is a word of its
# own, and a run of Thai, Lao, Myanmar or Khmer letters a word every four letters.
SINGLE = 1024
CHUNKED = 2048
FULL_STOP = 4096  # 。！？ and their kin: each ends a sentence, whatever follows

_SEPARATORS = frozenset("|/•·")
_SYMBOLS = frozenset("{}()[];=<>$#_\\")
_STOPS = frozenset(".!?")
_TESTS: tuple[tuple[int, Callable[[str], bool]], ...] = (
    # Defined by the patterns they must equal, so that the two can never drift apart.
    (LETTER, lambda c: words.WORD.fullmatch(c) is not None),
    (WORD, lambda c: words.TOKEN.fullmatch(c) is not None),
    (DIGIT, str.isdigit),
    (UPPER, str.isupper),
    (SPACE, str.isspace),
    (COMMA, lambda c: c == ","),
    (SEPARATOR, _SEPARATORS.__contains__),
    (SYMBOL, _SYMBOLS.__contains__),
    (STOP, _STOPS.__contains__),
    # str.isupper() of a longer text fails on any lowercase or titlecase character.
    (NOT_UPPER, lambda c: not (c + "A").isupper()),
    (SINGLE, in_han_kana),
    (CHUNKED, in_unspaced_alphabet),
    (FULL_STOP, SENTENCE_MARKS.__contains__),
)


@lru_cache(maxsize=4096)
def class_of(char: str) -> int:
    """The class bits of one character."""
    return sum(bit for bit, test in _TESTS if test(char))


_ASCII = np.array([class_of(chr(code)) for code in range(128)], dtype=np.uint16)
# Latin-1 lowercases within Latin-1, one character for one (tests/mark/test_features.py checks it).
_LOWER_LATIN1 = np.array([ord(chr(code).lower()) for code in range(256)], dtype=np.int64)
# A short Latin-1 word as one integer: 9 bits a character, so 7 characters fit in 63 bits.
_KEY_BITS = 9
_KEY_CHARS = 7


class PageCharacters:
    """The blocks' texts end to end: each character's class, and where each block starts and ends.

    A plain class, not a dataclass: generating a dataclass's methods costs milliseconds of import.
    """

    __slots__ = ("classes", "codes", "ends", "starts", "text")

    def __init__(
        self, text: str, codes: np.ndarray, classes: np.ndarray, starts: np.ndarray, ends: np.ndarray
    ) -> None:
        self.text = text
        self.codes = codes  # each character's code point
        self.classes = classes  # one uint16 of class bits per character
        self.starts = starts  # offset of each block's first character
        self.ends = ends  # offset just past each block's last character

    def has(self, bits: int) -> np.ndarray:
        """Whether each character has any of these class bits."""
        return (self.classes & bits) != 0

    def count(self, flags: np.ndarray) -> np.ndarray:
        """How many characters of each block a per-character flag array marks."""
        counted = np.zeros(len(self.starts), dtype=np.int64)
        filled = self.starts < self.ends
        if filled.any():
            # Summed from each filled block's start to the next one's (the blocks are end to end), in
            # int32: reduceat casts the whole flag array first, and no block is 2**31 characters.
            counted[filled] = np.add.reduceat(flags, self.starts[filled], dtype=np.int32)
        return counted

    def tidy(self) -> bool:
        """True when every block is already split and joined on single spaces (" ".join(t.split())
        gives the text back): no whitespace but " ", none at either end, never two in a row."""
        space = self.has(SPACE)
        filled = self.starts < self.ends
        return not (
            (space != (self.codes == 32)).any()
            or (space[1:] & space[:-1]).any()
            or space[self.starts[filled]].any()
            or space[self.ends[filled] - 1].any()
        )

    def run_starts(self, bits: int) -> np.ndarray:
        """Whether each character starts a run of characters with these bits inside its block (a
        word of an unspaced script is its own run: see SINGLE and CHUNKED)."""
        inside = self.has(bits)
        starts = inside.copy()
        starts[1:] &= ~inside[:-1]
        starts[self.starts[self.starts < self.ends]] = inside[self.starts[self.starts < self.ends]]
        if (self.classes & (SINGLE | CHUNKED)).any():
            starts |= inside & self._unspaced_breaks(starts)
        return starts

    def _unspaced_breaks(self, starts: np.ndarray) -> np.ndarray:
        """Where a word of an unspaced script starts inside a run: at every Han or Kana character,
        after one, where a chunked script begins or ends, and every UNSPACED_WORD_LETTERS letters of it."""
        single, chunked = self.has(SINGLE), self.has(CHUNKED)
        breaks = single.copy()
        breaks[1:] |= single[:-1] | (chunked[1:] != chunked[:-1])
        # Offsets within each chunked stretch (a stretch starts at a run start or a script change).
        begins = chunked & (starts | breaks)
        index = np.arange(len(chunked))
        latest = np.maximum.accumulate(np.where(begins, index, 0))
        breaks |= chunked & ((index - latest) % UNSPACED_WORD_LETTERS == 0)
        return breaks

    def runs(self, bits: int) -> tuple[np.ndarray, np.ndarray]:
        """Maximal runs of characters having these bits, never crossing a block's edge: their
        first offsets and the offsets just past them (a regex's `[class]+` matches, block by block)."""
        inside = self.has(bits)
        starts = self.run_starts(bits)
        ends = inside.copy()
        ends[:-1] &= ~inside[1:] | starts[1:]
        last = self.ends[self.starts < self.ends] - 1
        ends[last] = inside[last]
        return np.flatnonzero(starts), np.flatnonzero(ends) + 1

    def owners(self, offsets: np.ndarray) -> np.ndarray:
        """The block holding each character offset."""
        return np.searchsorted(self.ends, offsets, side="right")

    def words_in(self, first: np.ndarray, last: np.ndarray, vocabulary: frozenset[str]) -> np.ndarray:
        """For each word (characters first to last), whether `word.lower() in vocabulary`.

        Short Latin-1 words, nearly all of them, are compared as integers all at once; any other
        word that could be in the vocabulary is lowercased and looked up itself.
        """
        keys, longest = _vocabulary_keys(vocabulary)
        found = np.zeros(len(first), dtype=bool)
        lengths = last - first
        candidates = np.flatnonzero(lengths <= longest)  # lowercasing never shortens a word
        if not len(candidates):
            return found
        starts, sizes = first[candidates], lengths[candidates]
        simple = sizes <= _KEY_CHARS
        if self.codes.dtype != np.uint8:
            wide = np.flatnonzero(self.codes >= 256)
            if len(wide):
                # The candidate word each character beyond Latin-1 falls in, if any.
                word = np.maximum(np.searchsorted(starts, wide, side="right") - 1, 0)
                inside = (wide >= starts[word]) & (wide < starts[word] + sizes[word])
                simple[word[inside]] = False
        key = np.zeros(len(candidates), dtype=np.int64)
        for k in range(min(int(sizes.max()), _KEY_CHARS)):
            inside = k < sizes
            char = _LOWER_LATIN1[np.minimum(self.codes[np.where(inside, starts + k, 0)], 255)] + 1
            char[~inside] = 0
            key |= char << (_KEY_BITS * k)
        slot = np.minimum(np.searchsorted(keys, key), max(len(keys) - 1, 0))
        found[candidates] = simple & (keys[slot] == key) if len(keys) else False
        for number in candidates[~simple].tolist():
            found[number] = self.text[first[number] : last[number]].lower() in vocabulary
        return found


@lru_cache(maxsize=8)
def _vocabulary_keys(vocabulary: frozenset[str]) -> tuple[np.ndarray, int]:
    """The integer keys of a vocabulary's short Latin-1 words (sorted), and its longest word's length."""
    keys = [
        sum((ord(char) + 1) << (_KEY_BITS * k) for k, char in enumerate(word))
        for word in vocabulary
        if len(word) <= _KEY_CHARS and all(ord(char) < 256 for char in word)
    ]
    return np.array(sorted(keys), dtype=np.int64), max(map(len, vocabulary), default=0)


def page_characters(texts: Sequence[str]) -> PageCharacters:
    """Class every character of the texts, concatenated in order."""
    text = "".join(texts)
    starts, ends = spans(texts)
    codes, classes = classed(text, _ASCII, class_of)
    return PageCharacters(text, codes, classes, starts, ends)
